package io.asl4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asl4j.dsl.json.AslReadException;
import io.asl4j.dsl.json.AslReader;
import io.asl4j.dsl.model.StateMachine;
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
import picocli.CommandLine.Mixin;
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

  @Parameters(
      index = "0",
      paramLabel = "FILE",
      description = "The ASL definition (JSON, or YAML if named *.yaml or *.yml).")
  Path file;

  @Option(
      names = "--input",
      paramLabel = "JSON|@FILE",
      defaultValue = "{}",
      description = "The execution input: JSON text, or @ and a file name (default: {}).")
  String input;

  @Option(
      names = "--history",
      description = "Print the execution history, one event a line, before the output.")
  boolean history;

  @Option(
      names = "--cost",
      description =
          "Print, on standard error, what the execution would cost on AWS as Standard and as Express.")
  boolean cost;

  @Option(
      names = "--echo-tasks",
      description = {
        "Answer every Task state with its own input (to try a definition's flow without task code):"
            + " a .waitForTaskToken callback and an activity too, their callback's output being the task's input."
      })
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

  @Mixin StateMachineTypeOption typeOption;

  /** The definition as read, for locating its problems. */
  private io.asl4j.dsl.json.AslSource source;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      source = DefinitionFiles.readSource(file);
      StateMachine definition = AslReader.read(source.tree());
      JsonNode executionInput = DefinitionFiles.readJsonOption("--input", input);
      LocalStateMachine.Builder builder =
          LocalStateMachine.builder(definition).type(typeOption.type);
      List<Callback> callbacks = new java.util.ArrayList<>();
      if (echoTasks) {
        builder.handlerForPrefix(
            "arn:",
            (taskInput, context) -> {
              if (context.taskToken() != null && context.resource().endsWith(".waitForTaskToken")) {
                callbacks.add(new Callback(context.taskToken(), taskInput));
              }
              return taskInput;
            });
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
            err.println(
                "asl4j: the mock file has state machines "
                    + names
                    + "; choose one with --state-machine NAME");
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
      LocalStateMachine machine = builder.build();
      Execution execution = machine.start(executionInput);
      runAnswering(machine, execution, definition, callbacks, err);
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

  /** A {@code .waitForTaskToken} task that --echo-tasks answers with its input. */
  private record Callback(String token, JsonNode input) {}

  /**
   * Runs the execution to its end. With --echo-tasks, callbacks and activities are answered with
   * their input whenever the execution waits on them. A wait nobody can answer (no --echo-tasks, or
   * a token no task here hands out) is said on standard error, naming the states and tokens, before
   * time runs on to the tasks' timeouts or the execution's limit, as on AWS.
   */
  private void runAnswering(
      LocalStateMachine machine,
      Execution execution,
      StateMachine definition,
      List<Callback> callbacks,
      PrintWriter err) {
    List<String> activities = echoTasks ? activityArns(definition) : List.of();
    execution.runUntilWaiting();
    while (execution.status() == ExecutionStatus.RUNNING) {
      boolean answered = false;
      for (Callback callback : List.copyOf(callbacks)) {
        callbacks.remove(callback);
        if (execution.waitingTaskTokens().contains(callback.token())) {
          machine.sendTaskSuccess(callback.token(), callback.input());
          answered = true;
        }
      }
      for (String activity : activities) {
        java.util.Optional<io.asl4j.runtime.ActivityTask> task;
        while ((task = machine.getActivityTask(activity, "asl4j-echo-tasks")).isPresent()) {
          machine.sendTaskSuccess(task.get().taskToken(), task.get().input());
          answered = true;
        }
      }
      if (!answered) {
        err.println(
            "asl4j: the execution waits for task tokens nobody here sends ("
                + waitingStates(execution)
                + ": "
                + String.join(", ", execution.waitingTaskTokens())
                + ")"
                + (echoTasks
                    ? ""
                    : "; --echo-tasks answers callbacks and activities with their input")
                + "; running on to their timeouts");
        err.flush();
        execution.await();
        return;
      }
      execution.runUntilWaiting();
    }
  }

  /** The activity ARNs the definition's Task states name, nested states included. */
  private static List<String> activityArns(StateMachine definition) {
    java.util.Set<String> arns = new java.util.TreeSet<>();
    collectActivities(definition, arns);
    return List.copyOf(arns);
  }

  private static void collectActivities(
      io.asl4j.dsl.model.Graph graph, java.util.Set<String> into) {
    io.asl4j.dsl.model.GraphWalker.walk(
        graph,
        "",
        (name, state, pointer) -> {
          if (state instanceof io.asl4j.dsl.model.TaskState task
              && task.resource() != null
              && io.asl4j.dsl.model.ResourceArn.parse(task.resource()).kind()
                  == io.asl4j.dsl.model.ResourceArn.Kind.ACTIVITY) {
            into.add(task.resource());
          }
        });
  }

  /** The Task states entered and not yet left, from the history: the ones waiting. */
  private static String waitingStates(Execution execution) {
    java.util.Map<String, Integer> open = new java.util.LinkedHashMap<>();
    for (HistoryEvent event : execution.history()) {
      if (event.type().equals("TaskStateEntered")) {
        open.merge(event.stateName(), 1, Integer::sum);
      } else if (event.type().equals("TaskStateExited")) {
        open.computeIfPresent(event.stateName(), (name, n) -> n == 1 ? null : n - 1);
      }
    }
    java.util.List<String> names = new java.util.ArrayList<>();
    open.keySet().forEach(name -> names.add("'" + name + "'"));
    return (names.size() == 1 ? "state " : "states ") + String.join(", ", names);
  }

  private void printProblems(PrintWriter err, List<Problem> problems) {
    for (Problem problem : problems) {
      err.println(DefinitionFiles.describe(file, source, problem));
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
