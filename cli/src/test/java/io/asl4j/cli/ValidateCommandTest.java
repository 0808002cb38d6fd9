package io.asl4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
  private static final String VALID =
      "{\"StartAt\": \"Hello\", \"States\": {\"Hello\": {\"Type\": \"Pass\", \"End\": true}}}";

  @TempDir Path dir;

  @Test
  void validFilePrintsNothingAndExitsZero() throws IOException {
    Path file = write("valid.json", VALID);

    CommandRun run = CommandRun.of("validate", file.toString());

    run.assertPrinted(0, List.of(), List.of());
  }

  @Test
  void invalidFilePrintsEveryProblemAndExitsOne() throws IOException {
    Path file =
        write(
            "invalid.json",
            "{\"StartAt\": \"A\", \"States\": {"
                + "\"A\": {\"Type\": \"Pass\", \"Next\": \"B\"},"
                + "\"C\": {\"Type\": \"Wait\", \"Seconds\": -1, \"End\": true}}}");

    CommandRun run = CommandRun.of("validate", file.toString());

    run.assertPrinted(
        1,
        List.of(
            file
                + ":/States: error [NoTerminalState] no state reachable from StartAt 'A' is a"
                + " Succeed or Fail state or has \"End\": true",
            file
                + ":/States/A/Next: error [UnknownState] 'Next' names 'B', which is not a state of"
                + " this scope",
            file
                + ":/States/C: error [UnreachableState] State \"C\" is not reachable: no StartAt,"
                + " Next, Default or Catch 'Next' of this scope names it",
            file
                + ":/States/C/Seconds: error [NumberRange] 'Seconds' must be an integer at least 0,"
                + " but is -1"),
        List.of());
  }

  @Test
  void readerProblemsAreProblemsToo() throws IOException {
    Path file =
        write("shape.json", "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Sleep\"}}}");

    CommandRun run = CommandRun.of("validate", file.toString());

    run.assertPrinted(
        1,
        List.of(
            file
                + ":/States/A/Type: error [UnknownStateType] expected one of Pass, Task, Choice,"
                + " Wait, Succeed, Fail, Parallel, Map, but found \"Sleep\""),
        List.of());
  }

  @Test
  void warningsAloneStillExitZero() throws IOException {
    Path file =
        write(
            "warning.json",
            "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Succeed\"},"
                + " \"B\": {\"Type\": \"Pass\", \"Next\": \"C\"},"
                + " \"C\": {\"Type\": \"Pass\", \"Next\": \"B\"}}}");

    CommandRun run = CommandRun.of("validate", file.toString());

    run.assertPrinted(
        0,
        List.of(
            file
                + ":/States/B: warning [NotReachableFromStart] StartAt 'A' never leads to this"
                + " state; only states that are themselves out of reach name it",
            file
                + ":/States/C: warning [NotReachableFromStart] StartAt 'A' never leads to this"
                + " state; only states that are themselves out of reach name it"),
        List.of());
  }

  @Test
  void typeExpressRejectsCallbacks() throws IOException {
    Path file =
        write(
            "express.json",
            "{\"StartAt\": \"Publish\", \"States\": {\"Publish\": {\"Type\": \"Task\","
                + " \"Resource\": \"arn:aws:states:::sns:publish.waitForTaskToken\","
                + " \"Parameters\": {\"Message.$\": \"$$.Task.Token\"}, \"End\": true}}}");

    CommandRun standard = CommandRun.of("validate", file.toString());
    CommandRun express = CommandRun.of("validate", "--type", "express", file.toString());

    assertEquals(0, standard.exitCode());
    assertEquals(1, express.exitCode());
    assertEquals(
        List.of(
            file
                + ":/States/Publish/Resource: error [ExpressUnsupported] Express state machine"
                + " does not support '.waitForTaskToken' service integration"),
        express.outLines());
  }

  @Test
  void missingFileIsUnusable() {
    Path file = dir.resolve("missing.json");

    assertUnusable(file, "no such file");
  }

  @Test
  void directoryIsUnusable() {
    CommandRun run = CommandRun.of("validate", dir.toString());

    run.assertPrinted(2, List.of(), List.of(dir + ": is a directory, not a file"));
  }

  @Test
  void nonJsonIsUnusable() throws IOException {
    Path file = write("notes.json", "StartAt: A");

    CommandRun run = CommandRun.of("validate", file.toString());

    run.assertPrinted(
        2,
        List.of(),
        List.of(
            file
                + ": not valid JSON: Unrecognized token 'StartAt': was expecting (JSON String,"
                + " Number, Array, Object or token 'null', 'true' or 'false') (line 1, column 1)"));
  }

  @Test
  void jsonArrayIsUnusable() throws IOException {
    Path file = write("array.json", "[{\"StartAt\": \"A\"}]");

    assertUnusable(file, "a definition is a JSON object, but this file holds an array");
  }

  @Test
  void emptyFileIsUnusable() throws IOException {
    Path file = write("empty.json", "  \n");

    assertUnusable(file, "the file is empty");
  }

  @Test
  void binaryFileIsUnusable() throws IOException {
    Path file = dir.resolve("image.png");
    Files.write(file, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13});

    assertUnusable(file, "binary data (a NUL byte at offset 4), not JSON text");
  }

  @Test
  void invalidUtf8IsUnusable() throws IOException {
    Path file = dir.resolve("latin1.json");
    Files.write(file, "{\"Comment\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1));

    assertUnusable(file, "not valid UTF-8 (at byte offset 16)");
  }

  @Test
  void oversizedFileIsUnusable() throws IOException {
    Path file = dir.resolve("huge.json");
    try (RandomAccessFile huge = new RandomAccessFile(file.toFile(), "rw")) {
      huge.setLength(50L * 1024 * 1024);
    }

    assertUnusable(file, "the file has 52428800 bytes; files over 8388608 bytes are not read");
  }

  @Test
  void everyFileIsCheckedAndTheWorstStatusWins() throws IOException {
    Path valid = write("valid.json", VALID);
    Path invalid =
        write(
            "invalid.json",
            "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Fail\"}},"
                + " \"TimeoutSeconds\": 0}");
    Path missing = dir.resolve("missing.json");

    CommandRun run =
        CommandRun.of("validate", missing.toString(), invalid.toString(), valid.toString());

    run.assertPrinted(
        2,
        List.of(
            invalid
                + ":/TimeoutSeconds: error [NumberRange] 'TimeoutSeconds' must be an integer at"
                + " least 1 and below 99999999, but is 0"),
        List.of(missing + ": no such file"));
  }

  @Test
  void noFileIsAUsageError() {
    CommandRun run = CommandRun.of("validate");

    assertEquals(2, run.exitCode());
    assertEquals("Missing required parameter: 'FILE'", run.errLines().get(0));
  }

  @Test
  void helpAndVersionWorkOnEveryCommand() {
    CommandRun help = CommandRun.of("validate", "--help");
    CommandRun version = CommandRun.of("validate", "--version");
    CommandRun topVersion = CommandRun.of("--version");
    CommandRun nothing = CommandRun.of();

    assertEquals(0, help.exitCode());
    assertEquals(
        "Usage: asl4j validate [-hV] [--format=FORMAT] [--max-results=N]", help.outLines().get(0));
    assertEquals(0, version.exitCode());
    assertTrue(version.out().startsWith("asl4j "), version.out());
    assertEquals(version.out(), topVersion.out());
    assertEquals(2, nothing.exitCode());
    assertEquals("Missing subcommand", nothing.errLines().get(0));
  }

  /**
   * {@code validate FILE} exits 2, printing nothing but "FILE: {@code problem}" on standard error.
   */
  private static void assertUnusable(Path file, String problem) {
    CommandRun.of("validate", file.toString())
        .assertPrinted(2, List.of(), List.of(file + ": " + problem));
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }
}
