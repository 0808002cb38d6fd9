package io.asl4j.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every command, at every place it takes a file, answers an unusable file with exactly one line on
 * standard error that names the file and says what is wrong, nothing on standard output, and exit
 * status 2 — never a stack trace.
 */
class BadInputFilesTest {
  private static final String MACHINE =
      "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}";

  @TempDir static Path dir;
  static Path good;

  /** The unusable files, each with the words its one line must contain. */
  enum BadFile {
    MISSING("missing.json", "no such file"),
    DIRECTORY("a-folder", "is a directory"),
    BINARY("binary.json", "binary data"),
    HUGE("huge.json", "files over"),
    INVALID_UTF8("latin1.json", "not valid UTF-8"),
    EMPTY("empty.json", "is empty");

    final String name;
    final String says;

    BadFile(String name, String says) {
      this.name = name;
      this.says = says;
    }

    Path path() {
      return dir.resolve(name);
    }
  }

  @BeforeAll
  static void writeFiles() throws IOException {
    good = Files.writeString(dir.resolve("good.json"), MACHINE);
    Files.createDirectory(BadFile.DIRECTORY.path());
    Files.write(BadFile.BINARY.path(), new byte[] {'{', 0, 1, 2, (byte) 0xff, '}'});
    // 50 MB of a syntactically plausible JSON array: only the size check may refuse it.
    try (OutputStream out = Files.newOutputStream(BadFile.HUGE.path())) {
      byte[] chunk = "[1,2,3,4,5,6,7,8,9],".repeat(50_000).getBytes(StandardCharsets.US_ASCII);
      out.write('[');
      for (long written = 0; written < 50L * 1000 * 1000; written += chunk.length) {
        out.write(chunk);
      }
      out.write("0]".getBytes(StandardCharsets.US_ASCII));
    }
    Files.write(
        BadFile.INVALID_UTF8.path(),
        "{\"Comment\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1));
    Files.write(BadFile.EMPTY.path(), new byte[0]);
  }

  /** Each command line with {@code FILE} where the bad file goes. */
  static List<String> commandLines() {
    return List.of(
        "validate FILE",
        "format FILE",
        "render FILE",
        "render GOOD --execution FILE",
        "run FILE",
        "run GOOD --input @FILE",
        "run GOOD --mocks FILE --test-case T",
        "test-state FILE --state P",
        "test-state GOOD --state P --input @FILE",
        "test-state GOOD --state P --mock-result @FILE",
        "test-state GOOD --state P --variables @FILE",
        "test-state GOOD --state P --context @FILE");
  }

  static Stream<Arguments> everyCommandWithEveryBadFile() {
    List<Arguments> all = new ArrayList<>();
    for (String line : commandLines()) {
      for (BadFile bad : BadFile.values()) {
        all.add(Arguments.of(line, bad));
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0} with {1}")
  @MethodSource("everyCommandWithEveryBadFile")
  void anUnusableFileGetsOneLineNamingItAndExitTwo(String commandLine, BadFile bad) {
    String[] args =
        Arrays.stream(commandLine.split(" "))
            .map(a -> a.replace("GOOD", good.toString()).replace("FILE", bad.path().toString()))
            .toArray(String[]::new);

    CommandRun run = CommandRun.of(args);

    assertAll(
        () -> assertEquals(2, run.exitCode(), run.err()),
        () -> assertEquals("", run.out()),
        () -> assertEquals(1, run.errLines().size(), run.err()),
        () -> assertTrue(run.err().contains(bad.path().toString()), run.err()),
        () -> assertTrue(run.err().contains(bad.says), run.err()),
        () -> assertFalse(run.err().contains("Exception"), run.err()));
  }

  @Test
  void conformanceGivenAMissingFolderSaysSo() {
    Path missing = dir.resolve("no-cases");

    CommandRun run = CommandRun.of("conformance", missing.toString());

    assertEquals(new CommandRun(2, "", "asl4j: " + missing + ": no such folder\n"), run);
  }

  @Test
  void conformanceGivenAFileInsteadOfAFolderSaysSo() {
    for (BadFile bad : List.of(BadFile.BINARY, BadFile.HUGE, BadFile.INVALID_UTF8, BadFile.EMPTY)) {
      CommandRun run = CommandRun.of("conformance", bad.path().toString());

      assertEquals(
          new CommandRun(
              2, "", "asl4j: " + bad.path() + ": a file, not a folder of conformance cases\n"),
          run);
    }
  }

  @Test
  void conformanceCountsAnUnreadableCaseFileAsAFailedCase() throws IOException {
    Path cases = Files.createDirectory(dir.resolve("cases"));
    Files.copy(BadFile.BINARY.path(), cases.resolve("binary.json"));
    Files.copy(BadFile.EMPTY.path(), cases.resolve("empty.json"));

    CommandRun run = CommandRun.of("conformance", cases.toString());

    assertAll(
        () -> assertEquals(1, run.exitCode(), run.out() + run.err()),
        () -> assertEquals("", run.err()),
        () -> assertTrue(run.out().endsWith("0 passed, 2 failed\n"), run.out()));
  }
}
