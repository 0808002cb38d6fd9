package io.asl4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FormatCommandTest {
  @TempDir Path dir;

  @Test
  void validDefinitionIsPrintedInCanonicalForm() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("hello.json"),
            "{\"States\":{\"Hello\":{\"End\":true,\"Result\":{\"b\":1,\"a\":[2]},\"Type\":\"Pass\"}},"
                + "\"StartAt\":\"Hello\",\"Comment\":\"hi\"}");

    CommandRun run = CommandRun.of("format", file.toString());

    assertEquals(0, run.exitCode());
    assertEquals(
        "{\n"
            + "  \"Comment\": \"hi\",\n"
            + "  \"StartAt\": \"Hello\",\n"
            + "  \"States\": {\n"
            + "    \"Hello\": {\n"
            + "      \"Type\": \"Pass\",\n"
            + "      \"Result\": {\n"
            + "        \"b\": 1,\n"
            + "        \"a\": [\n"
            + "          2\n"
            + "        ]\n"
            + "      },\n"
            + "      \"End\": true\n"
            + "    }\n"
            + "  }\n"
            + "}\n",
        run.out());
    assertEquals("", run.err());
  }

  @Test
  void invalidDefinitionIsNotPrinted() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("broken.json"),
            "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Pass\", \"Next\": \"B\"}}}");

    CommandRun run = CommandRun.of("format", file.toString());

    assertEquals(1, run.exitCode());
    assertEquals("", run.out());
    assertEquals(
        List.of(
            file
                + ":/States: error [NoTerminalState] no state reachable from StartAt 'A' is a"
                + " Succeed or Fail state or has \"End\": true",
            file
                + ":/States/A/Next: error [UnknownState] 'Next' names 'B', which is not a state of"
                + " this scope"),
        run.errLines());
  }

  @Test
  void unreadableFileExitsTwo() {
    Path file = dir.resolve("missing.json");

    CommandRun run = CommandRun.of("format", file.toString());

    assertEquals(2, run.exitCode());
    assertEquals("", run.out());
    assertEquals(List.of(file + ": no such file"), run.errLines());
  }
}
