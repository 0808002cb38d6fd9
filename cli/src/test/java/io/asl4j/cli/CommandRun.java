package io.asl4j.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;

/** One in-process run of the {@code asl4j} command line, with what it printed. */
record CommandRun(int exitCode, String out, String err) {

  static CommandRun of(String... args) {
    CommandLine commandLine = Asl4jCommand.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int exitCode = commandLine.execute(args);
    return new CommandRun(exitCode, out.toString(), err.toString());
  }

  /** The run ended with {@code exitCode}, having printed exactly these lines on each stream. */
  void assertPrinted(int exitCode, List<String> outLines, List<String> errLines) {
    assertAll(
        () -> assertEquals(exitCode, exitCode(), "exit status; standard error: " + err),
        () -> assertEquals(outLines, outLines(), "standard output"),
        () -> assertEquals(errLines, errLines(), "standard error"));
  }

  List<String> outLines() {
    return lines(out);
  }

  List<String> errLines() {
    return lines(err);
  }

  private static List<String> lines(String text) {
    return text.isEmpty() ? List.of() : Arrays.asList(text.split("\\R"));
  }
}
