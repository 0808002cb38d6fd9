package io.asl4j.runtime.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asl4j.dsl.json.AslReadException;
import io.asl4j.dsl.json.AslReader;
import io.asl4j.dsl.model.StateMachine;
import io.asl4j.dsl.model.StateMachineType;
import io.asl4j.dsl.validate.AslValidationException;
import io.asl4j.dsl.validate.Problem;
import io.asl4j.runtime.Execution;
import io.asl4j.runtime.ExecutionStatus;
import io.asl4j.runtime.HistoryEvent;
import io.asl4j.runtime.LocalStateMachine;
import io.asl4j.runtime.MockConfig;
import io.asl4j.runtime.StartExecutionException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code asl4j run FILE --input JSON|@FILE}: runs a definition locally on a virtual clock and
 * prints its output, or {@code {"Error","Cause"}}.
 */
@Command(
    name = "run",
    description = {
      "Runs a state machine definition locally, on a virtual clock (Waits take no time).",
      "Prints the output of a successful execution, else {\"Error\":...,\"Cause\":...}.",
      "Exit status: 0 SUCCEEDED, 1 FAILED, 3 TIMED_OUT or ABORTED,"
          + " 2 an unreadable or invalid definition or input (also one over 256 KiB), or a usage error."
    })
final class RunCommand implements Callable<Integer> {
  static final int TIMED_OUT_OR_ABORTED = 3;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The ASL definition (JSON, or YAML if named *.yaml or *.yml).")
  Path file;

  @Option(
      names = "--input",
      paramLabel = "JSON|@FILE",
      defaultValue = "{}",
      description = "The execution input: JSON text, or @ and a file name (default: {}).")
  String input;

  @Option(names = "--history", description = "Print the execution history, one event a line, before the output.")
  boolean history;

  @Option(
      names = "--cost",
      description = "Print, on standard error, what the execution would cost on AWS as Standard and as Express.")
  boolean cost;

  @Option(
      names = "--echo-tasks",
      description = "Answer every Task state with its own input (to try a definition's flow without task code).")
  boolean echoTasks;

  @Option(
      names = "--mocks",
      paramLabel = "FILE",
      description = "A Step Functions Local mock file (MockConfigFile.json) answering Task states.")
  Path mocks;

  @Option(
      names = "--test-case",
      paramLabel = "NAME",
      description = "The test case of the mock file to use (with --mocks).")
  String testCase;

  @Option(
      names = "--state-machine",
      paramLabel = "NAME",
      description = "The state machine's name in the mock file (default: the only one in it).")
  String stateMachineName;

  @Option(
      names = "--type",
      paramLabel = "TYPE",
      defaultValue = "STANDARD",
      description = "State machine type: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  StateMachineType type;

  /** The definition as read, for locating its problems. */
  private io.asl4j.dsl.json.AslSource source;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      source = DefinitionFiles.readSource(file);
      StateMachine definition = AslReader.read(source.tree());
      JsonNode executionInput = readInput(input);
      LocalStateMachine.Builder builder = LocalStateMachine.builder(definition).type(type);
      if (echoTasks) {
        builder.handlerForPrefix("arn:", (taskInput, context) -> taskInput);
      }
      if (mocks != null) {
        if (testCase == null) {
          err.println("asl4j: --mocks needs --test-case NAME");
          err.flush();
          return ExitStatus.UNUSABLE;
        }
        MockConfig config;
        try {
          config = MockConfig.parse(DefinitionFiles.readText(mocks));
        } catch (IllegalArgumentException e) {
          err.println(mocks + ": " + e.getMessage());
          err.flush();
          return ExitStatus.UNUSABLE;
        }
        String machineName = stateMachineName;
        if (machineName == null) {
          java.util.List<String> names = config.stateMachines();
          if (names.size() != 1) {
            err.println("asl4j: the mock file has state machines " + names + "; choose one with --state-machine NAME");
            err.flush();
            return ExitStatus.UNUSABLE;
          }
          machineName = names.get(0);
        }
        try {
          builder.mocks(config, machineName, testCase);
        } catch (IllegalArgumentException e) {
          err.println(mocks + ": " + e.getMessage());
          err.flush();
          return ExitStatus.UNUSABLE;
        }
      }
      Execution execution = builder.build().run(executionInput);
      if (history) {
        for (HistoryEvent event : execution.history()) {
          out.println(event.toJson());
        }
      }
      out.println(result(execution));
      out.flush();
      if (cost) {
        err.println(io.asl4j.runtime.cost.CostEstimate.of(execution).summary());
        err.flush();
      }
      return exitStatus(execution.status());
    } catch (UnreadableFileException e) {
      err.println(e.getMessage());
    } catch (AslReadException e) {
      printProblems(err, e.problems());
    } catch (AslValidationException e) {
      printProblems(err, e.problems());
    } catch (StartExecutionException e) {
      err.println("--input: AWS would not start the execution: " + e.getMessage());
    }
    err.flush();
    return ExitStatus.UNUSABLE;
  }

  private void printProblems(PrintWriter err, List<Problem> problems) {
    for (Problem problem : problems) {
      err.println(DefinitionFiles.describe(file, source, problem));
    }
  }

  private JsonNode readInput(String text) throws UnreadableFileException {
    if (text.startsWith("@")) {
      return DefinitionFiles.readJson(Path.of(text.substring(1)));
    }
    try {
      return AslReader.parse(text);
    } catch (AslReadException e) {
      throw new UnreadableFileException("--input: " + e.problems().get(0).message());
    }
  }

  static JsonNode result(Execution execution) {
    if (execution.status() == ExecutionStatus.SUCCEEDED) {
      return execution.output();
    }
    ObjectNode failure = JsonNodeFactory.instance.objectNode();
    failure.put("Error", execution.error());
    failure.put("Cause", execution.cause());
    return failure;
  }

  static int exitStatus(ExecutionStatus status) {
    switch (status) {
      case SUCCEEDED:
        return ExitStatus.OK;
      case FAILED:
        return ExitStatus.INVALID;
      default:
        return TIMED_OUT_OR_ABORTED;
    }
  }
}
