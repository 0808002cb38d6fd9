package io.asl4j.dsl.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.asl4j.dsl.expression.AslPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * In a fresh JVM with this module's class path (Jayway and slf4j-api, no SLF4J provider), reading a
 * Path that needs Jayway prints nothing, where SLF4J alone prints its "No SLF4J providers" lines.
 */
class JaywayLoggingTest {
  /** Parses a filter Path, which Jayway compiles (loading its loggers). */
  public static final class ParseAFilterPath {
    public static void main(String[] args) {
      System.out.println(AslPath.parse("$.items[?(@.qty > 1)]").text());
    }
  }

  @Test
  void withoutAnSlf4jProviderNothingIsPrinted() throws Exception {
    List<String> err = run();

    assertEquals(List.of(), err);
  }

  @Test
  void aUserWhoSetsSlf4jsVerbosityGetsWhatSlf4jPrints() throws Exception {
    List<String> err = run("-Dslf4j.internal.verbosity=INFO");

    assertEquals(
        List.of(
            "SLF4J(W): No SLF4J providers were found.",
            "SLF4J(W): Defaulting to no-operation (NOP) logger implementation",
            "SLF4J(W): See https://www.slf4j.org/codes.html#noProviders for further details."),
        err);
  }

  private static List<String> run(String... options) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(options));
    command.addAll(
        List.of("-cp", System.getProperty("java.class.path"), ParseAFilterPath.class.getName()));
    Process process = new ProcessBuilder(command).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(true, process.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, process.exitValue(), err);
    assertEquals("$.items[?(@.qty > 1)]", out.strip());
    return err.isEmpty() ? List.of() : List.of(err.strip().split("\\R"));
  }
}
