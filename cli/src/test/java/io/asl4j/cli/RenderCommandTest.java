package io.asl4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderCommandTest {
  static final String ORDER = "../examples/src/main/resources/workflows/order-processing.asl.json";
  @TempDir Path dir;

  @Test
  void rendersEachFormat() throws Exception {
    assertTrue(CommandRun.of("render", ORDER).out().startsWith("flowchart TD\n"));
    assertTrue(CommandRun.of("render", ORDER, "--format", "dot").out().startsWith("digraph "));
    Path svg = dir.resolve("o.svg");
    CommandRun run = CommandRun.of("render", ORDER, "--format", "svg", "--output", svg.toString());
    assertEquals(0, run.exitCode());
    assertEquals("", run.out());
    assertTrue(Files.readString(svg).startsWith("<svg "));
  }

  @Test
  void highlightsAHistory() throws Exception {
    CommandRun history =
        CommandRun.of(
            "run", ORDER, "--echo-tasks", "--history", "--input", "{\"priority\":\"express\"}");
    Path file = Files.writeString(dir.resolve("h.jsonl"), history.out());
    CommandRun run = CommandRun.of("render", ORDER, "--execution", file.toString());
    assertEquals(0, run.exitCode());
    assertTrue(run.out().contains(" visited\n"), run.out());
  }

  @Test
  void badInputIsExitTwoWithOneLine() throws Exception {
    CommandRun missing = CommandRun.of("render", dir.resolve("nope.json").toString());
    assertEquals(2, missing.exitCode());
    assertEquals(1, missing.errLines().size(), missing.err());

    Path bad =
        Files.writeString(
            dir.resolve("bad.json"), "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Nope\"}}}");
    CommandRun invalid = CommandRun.of("render", bad.toString());
    assertEquals(2, invalid.exitCode());
    assertEquals(1, invalid.errLines().size(), invalid.err());

    Path history = Files.writeString(dir.resolve("h.json"), "not json");
    CommandRun badHistory = CommandRun.of("render", ORDER, "--execution", history.toString());
    assertEquals(2, badHistory.exitCode());
    assertEquals(1, badHistory.errLines().size(), badHistory.err());

    assertEquals(2, CommandRun.of("render", ORDER, "--format", "png").exitCode());
  }
}
