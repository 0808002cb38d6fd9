package io.asl4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.asl4j.dsl.json.AslReadException;
import io.asl4j.dsl.validate.AslValidationException;
import io.asl4j.dsl.validate.Problem;
import io.asl4j.runtime.TestState;
import io.asl4j.runtime.TestStateResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code asl4j test-state FILE [--state NAME] --input JSON|@FILE [--mock-result JSON | --mock-error
 * ERROR --mock-cause CAUSE] [--variables JSON] [--context JSON] [--role-arn ARN]
 * [--state-configuration JSON] [--inspection-level LEVEL]}: runs one state, as AWS's TestState API,
 * and prints its answer as JSON.
 */
@Command(
    name = "test-state",
    description = {
      "Runs one state of a definition on an input, as AWS's TestState API does, and prints"
          + " {\"status\",\"output\",\"error\",\"cause\",\"nextState\",\"inspectionData\"} as JSON.",
      "FILE holds a single state (an object with Type) or a whole state machine (then --state names the state).",
      "Exit status: 0 SUCCEEDED, CAUGHT_ERROR or RETRIABLE (the state handled its error as its definition says),"
          + " 1 FAILED, 2 an unreadable or invalid definition or input, an unknown state, or a usage error."
    })
final class TestStateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "FILE",
      description = "The ASL definition (JSON): one state or a state machine.")
  Path file;

  @Option(
      names = "--state",
      paramLabel = "NAME",
      description = "The state to run (required when FILE is a state machine).")
  String state;

  @Option(
      names = "--input",
      paramLabel = "JSON|@FILE",
      defaultValue = "{}",
      description = "The state's input: JSON text, or @ and a file name (default: {}).")
  String input;

  @Option(
      names = "--mock-result",
      paramLabel = "JSON|@FILE",
      description = "A mocked result of the Task call (or of a Map's or Parallel's runs).")
  String mockResult;

  @Option(
      names = "--mock-error",
      paramLabel = "ERROR",
      description = "A mocked error of the Task call (with --mock-cause).")
  String mockError;

  @Option(names = "--mock-cause", paramLabel = "CAUSE", description = "The cause of --mock-error.")
  String mockCause;

  @Option(
      names = "--variables",
      paramLabel = "JSON|@FILE",
      description = "Variables in scope when the state starts (a JSON object).")
  String variables;

  @Option(
      names = "--context",
      paramLabel = "JSON|@FILE",
      description = "The context object ($$) the state sees (a JSON object).")
  String context;

  @Option(
      names = "--role-arn",
      paramLabel = "ARN",
      description = "The execution role: $$.Execution.RoleArn (default: none, null).")
  String roleArn;

  @Option(
      names = "--state-configuration",
      paramLabel = "JSON|@FILE",
      description =
          "TestState's stateConfiguration: retrierRetryCount, mapIterationFailureCount, errorCausedByState,"
              + " mapItemReaderData (a JSON object).")
  String stateConfiguration;

  @Option(
      names = "--inspection-level",
      paramLabel = "LEVEL",
      defaultValue = "INFO",
      description =
          "${COMPLETION-CANDIDATES}: DEBUG and TRACE add inspectionData (default: ${DEFAULT-VALUE}).")
  TestState.InspectionLevel inspectionLevel;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      if (mockResult != null && mockError != null) {
        throw new IllegalArgumentException("--mock-result and --mock-error cannot be combined");
      }
      if (mockCause != null && mockError == null) {
        throw new IllegalArgumentException("--mock-cause needs --mock-error");
      }
      JsonNode definition = DefinitionFiles.readJson(file);
      if (!definition.isObject()) {
        throw new UnreadableFileException(file + ": a definition is a JSON object");
      }
      if (state == null && definition.has("States")) {
        List<String> states = new java.util.ArrayList<>();
        definition.get("States").fieldNames().forEachRemaining(states::add);
        throw new IllegalArgumentException(
            "--state NAME is required: "
                + file
                + " is a state machine; its top-level states: "
                + String.join(", ", states));
      }
      TestState.Builder builder = TestState.of(definition);
      if (state != null) {
        builder.stateName(state);
      }
      builder
          .input(DefinitionFiles.readJsonOption("--input", input))
          .inspectionLevel(inspectionLevel);
      if (mockResult != null) {
        builder.mockResult(DefinitionFiles.readJsonOption("--mock-result", mockResult));
      }
      if (mockError != null) {
        builder.mockError(mockError, mockCause);
      }
      if (variables != null) {
        JsonNode vars = DefinitionFiles.readJsonOption("--variables", variables);
        if (!vars.isObject()) {
          throw new IllegalArgumentException("--variables must be a JSON object");
        }
        Map<String, JsonNode> map = new LinkedHashMap<>();
        vars.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue()));
        builder.variables(map);
      }
      if (context != null) {
        builder.context(DefinitionFiles.readJsonOption("--context", context));
      }
      if (roleArn != null) {
        builder.roleArn(roleArn);
      }
      if (stateConfiguration != null) {
        builder.stateConfiguration(
            DefinitionFiles.readJsonOption("--state-configuration", stateConfiguration));
      }
      TestStateResult result = builder.run();
      out.println(result.toJson());
      out.flush();
      return result.status() == TestStateResult.Status.FAILED ? ExitStatus.INVALID : ExitStatus.OK;
    } catch (UnreadableFileException e) {
      err.println(e.getMessage());
    } catch (AslReadException e) {
      printProblems(err, e.problems());
    } catch (AslValidationException e) {
      printProblems(err, e.problems());
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
    }
    err.flush();
    return ExitStatus.UNUSABLE;
  }

  private void printProblems(PrintWriter err, List<Problem> problems) {
    for (Problem problem : problems) {
      err.println(file + ":" + problem);
    }
  }
}
