package io.asl4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** YAML definitions through every command, and {@code validate --format aws}. */
class YamlAndAwsFormatTest {
  private static final String YAML =
      """
      StartAt: Greet
      States:
        Greet:
          Type: Pass
          Parameters:
            greeting.$: States.Format('Hello {}', $.name)
          Next: Done
        Done:
          Type: Succeed
      """;

  private static final String BROKEN_YAML =
      """
      StartAt: Greet
      States:
        Greet:
          Type: Pass
          Retry: []
          Parameters:
            name: $.name
          Next: Gone
      """;

  /** BROKEN_YAML's first diagnostic, as --format aws prints it. */
  private static final String MISSING_END_STATE =
      "    {\n"
          + "      \"severity\": \"ERROR\",\n"
          + "      \"code\": \"MISSING_END_STATE\",\n"
          + "      \"message\": \"no state reachable from StartAt 'Greet' is a Succeed or Fail state or has \\\"End\\\": true\",\n"
          + "      \"location\": \"/States\"\n"
          + "    }";

  @TempDir Path dir;

  @Test
  void validateReadsYamlAndLocatesEveryProblemByLineAndColumn() throws IOException {
    Path file = write("hello.asl.yaml", BROKEN_YAML);

    CommandRun run = CommandRun.of("validate", file.toString());

    run.assertPrinted(
        1,
        List.of(
            file
                + ":2:1: /States: error [NoTerminalState] no state reachable from StartAt 'Greet'"
                + " is a Succeed or Fail state or has \"End\": true",
            file
                + ":5:5: /States/Greet/Retry: error [UnknownField] field 'Retry' is not supported by"
                + " a Pass state",
            file
                + ":7:7: /States/Greet/Parameters/name: warning [NoDollar] '$.name' looks like a path"
                + " or an intrinsic function, but is passed as text because the field name does not"
                + " end with '.$'; name it 'name.$' to evaluate it",
            file
                + ":8:5: /States/Greet/Next: error [UnknownState] 'Next' names 'Gone', which is not"
                + " a state of this scope"),
        List.of());
  }

  @Test
  void runAndRenderTakeYaml() throws IOException {
    Path file = write("hello.asl.yml", YAML);

    CommandRun run = CommandRun.of("run", file.toString(), "--input", "{\"name\": \"Ada\"}");
    assertEquals(0, run.exitCode(), run.err());
    assertEquals(List.of("{\"greeting\":\"Hello Ada\"}"), run.outLines());

    CommandRun render = CommandRun.of("render", file.toString());
    assertEquals(0, render.exitCode(), render.err());
    assertEquals(true, render.out().contains("Greet"), render.out());
  }

  @Test
  void yamlRoundTripsThroughFormat() throws IOException {
    Path file = write("hello.asl.yaml", YAML);

    CommandRun toYaml = CommandRun.of("format", "--to", "yaml", file.toString());
    assertEquals(0, toYaml.exitCode(), toYaml.err());
    assertEquals(
        "StartAt: Greet\n"
            + "States:\n"
            + "  Greet:\n"
            + "    Type: Pass\n"
            + "    Parameters:\n"
            + "      greeting.$: \"States.Format('Hello {}', $.name)\"\n"
            + "    Next: Done\n"
            + "  Done:\n"
            + "    Type: Succeed\n",
        toYaml.out());

    Path again = write("again.asl.yaml", toYaml.out());
    assertEquals(toYaml.out(), CommandRun.of("format", "--to", "yaml", again.toString()).out());

    CommandRun toJson = CommandRun.of("format", again.toString());
    Path json = write("again.asl.json", toJson.out());
    assertEquals(toYaml.out(), CommandRun.of("format", "--to", "yaml", json.toString()).out());
  }

  @Test
  void brokenYamlIsAnUnreadableFileWithItsPosition() throws IOException {
    Path file = write("broken.asl.yaml", "StartAt: A\nStates:\n  A: {Type: Succeed\n");

    CommandRun run = CommandRun.of("validate", file.toString());

    assertEquals(2, run.exitCode());
    assertEquals(1, run.errLines().size());
    assertEquals(
        true,
        run.errLines()
            .get(0)
            .matches(
                java.util.regex.Pattern.quote(file + ": not valid YAML: ")
                    + ".*\\(line \\d+, column \\d+\\)"),
        run.err());
  }

  @Test
  void validateFormatAwsPrintsValidateStateMachineDefinitionsAnswer() throws IOException {
    Path file = write("hello.asl.yaml", BROKEN_YAML);

    CommandRun errors = CommandRun.of("validate", "--format", "aws", file.toString());
    assertEquals(1, errors.exitCode());
    assertEquals(
        "{\n"
            + "  \"result\": \"FAIL\",\n"
            + "  \"diagnostics\": [\n"
            + MISSING_END_STATE
            + ",\n"
            + "    {\n"
            + "      \"severity\": \"ERROR\",\n"
            + "      \"code\": \"SCHEMA_VALIDATION_FAILED\",\n"
            + "      \"message\": \"field 'Retry' is not supported by a Pass state\",\n"
            + "      \"location\": \"/States/Greet/Retry\"\n"
            + "    },\n"
            + "    {\n"
            + "      \"severity\": \"ERROR\",\n"
            + "      \"code\": \"MISSING_TRANSITION_TARGET\",\n"
            + "      \"message\": \"'Next' names 'Gone', which is not a state of this scope\",\n"
            + "      \"location\": \"/States/Greet/Next\"\n"
            + "    }\n"
            + "  ],\n"
            + "  \"truncated\": false\n"
            + "}\n",
        errors.out());

    CommandRun some =
        CommandRun.of(
            "validate",
            "--format",
            "aws",
            "--severity",
            "WARNING",
            "--max-results",
            "1",
            file.toString());
    assertEquals(1, some.exitCode());
    assertEquals(
        "{\n"
            + "  \"result\": \"FAIL\",\n"
            + "  \"diagnostics\": [\n"
            + MISSING_END_STATE
            + "\n"
            + "  ],\n"
            + "  \"truncated\": true\n"
            + "}\n",
        some.out());
  }

  @Test
  void validateFormatAwsOfAValidDefinitionIsOk() throws IOException {
    Path file = write("hello.asl.yaml", YAML);

    CommandRun run = CommandRun.of("validate", "--format", "aws", file.toString());

    assertEquals(0, run.exitCode());
    assertEquals(
        "{\n  \"result\": \"OK\",\n  \"diagnostics\": [],\n  \"truncated\": false\n}\n", run.out());
  }

  @Test
  void aNegativeMaxResultsIsAUsageError() throws IOException {
    Path file = write("hello.asl.yaml", YAML);

    CommandRun run =
        CommandRun.of("validate", "--format", "aws", "--max-results", "-1", file.toString());

    assertEquals(2, run.exitCode());
    assertEquals("--max-results must be at least 0, but is -1", run.errLines().get(0));
  }

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }
}
