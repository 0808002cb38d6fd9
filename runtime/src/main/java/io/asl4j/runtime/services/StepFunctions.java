package io.asl4j.runtime.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asl4j.dsl.model.ResourceArn;
import io.asl4j.runtime.Execution;
import io.asl4j.runtime.ExecutionStatus;
import io.asl4j.runtime.HistoryEvent;
import io.asl4j.runtime.LocalStateMachine;
import io.asl4j.runtime.StatesError;
import io.asl4j.runtime.TaskCompletion;
import io.asl4j.runtime.TaskContext;
import io.asl4j.runtime.TaskTokenException;
import io.asl4j.runtime.services.internal.Aws;
import io.asl4j.runtime.services.internal.Ids;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Nested Step Functions executions: child state machines registered by ARN, started by {@code
 * arn:aws:states:::states:startExecution} ({@code {ExecutionArn, StartDate}}), {@code
 * startExecution.sync} (the child's DescribeExecution, {@code Input}/{@code Output} as JSON text)
 * and {@code startExecution.sync:2} (the same, parsed), and by {@code
 * arn:aws:states:::aws-sdk:sfn:startExecution}. A {@code .sync} task runs the child to its end and
 * then completes; a child that does not succeed fails the task with {@code States.TaskFailed}, the
 * child's description as the cause. Without {@code .sync} the child runs until it ends or waits for
 * a callback; {@link #executions} hands it to the test.
 *
 * <p>{@code aws-sdk:sfn:sendTaskSuccess}/{@code sendTaskFailure}/{@code sendTaskHeartbeat} complete
 * callback tasks of the registered machines.
 *
 * <pre>{@code
 * services.stepFunctions().stateMachine("arn:aws:states:us-east-1:123456789012:stateMachine:Child", child);
 * }</pre>
 */
public final class StepFunctions {
  private final Ids ids;
  private final Map<String, LocalStateMachine> machines = new LinkedHashMap<>();
  private final Map<String, List<Execution>> executions = new LinkedHashMap<>();

  StepFunctions(Ids ids) {
    this.ids = ids;
  }

  /** Registers {@code machine} as the state machine {@code arn}. */
  public synchronized StepFunctions stateMachine(String arn, LocalStateMachine machine) {
    machines.put(
        Objects.requireNonNull(arn, "arn == null"),
        Objects.requireNonNull(machine, "machine == null"));
    return this;
  }

  /** The executions started of the state machine {@code arn}, in order. */
  public synchronized List<Execution> executions(String arn) {
    return List.copyOf(executions.getOrDefault(arn, List.of()));
  }

  /**
   * A refused StartExecution as the integration reports it: in the AWS SDK for Java 2.x format for
   * {@code aws-sdk:sfn:startExecution} ({@code sdk}), else in the 1.x format with {@code
   * errorCode}.
   */
  private static StatesError startError(
      boolean sdk, String exception, String errorCode, String message, String requestId) {
    return sdk
        ? Aws.v2Error("Sfn", exception, message, "Sfn", 400, requestId)
        : Aws.v1Error(
            "StepFunctions", exception, message, "AWSStepFunctions", 400, errorCode, requestId);
  }

  JsonNode startExecution(JsonNode input, TaskContext ctx, boolean sdk) {
    String requestId = ids.uuid();
    String arn = Aws.string(input, "StateMachineArn");
    LocalStateMachine machine;
    synchronized (this) {
      machine = arn == null ? null : machines.get(arn);
    }
    if (machine == null) {
      String message = "State Machine Does Not Exist: '" + arn + "'";
      throw startError(
          sdk, "StateMachineDoesNotExistException", "StateMachineDoesNotExist", message, requestId);
    }
    JsonNode inputNode = input.get("Input");
    JsonNode childInput;
    if (inputNode == null || inputNode.isNull()) {
      childInput = Aws.NODES.objectNode();
    } else if (inputNode.isTextual()) {
      childInput = Aws.parseOrNull(inputNode.textValue());
      if (childInput == null) {
        String message = "Invalid State Machine Execution Input: 'Unexpected character'";
        throw startError(
            sdk, "InvalidExecutionInputException", "InvalidExecutionInput", message, requestId);
      }
    } else {
      childInput = inputNode;
    }
    String name = Aws.string(input, "Name");
    ResourceArn.IntegrationPattern pattern = ResourceArn.parse(ctx.resource()).pattern();
    boolean sync =
        !sdk
            && (pattern == ResourceArn.IntegrationPattern.SYNC
                || pattern == ResourceArn.IntegrationPattern.SYNC2);
    TaskCompletion completion = sync ? ctx.completeLater() : null;
    Execution execution;
    try {
      execution = name == null ? machine.start(childInput) : machine.start(childInput, name);
    } catch (io.asl4j.runtime.StartExecutionException e) {
      // The message after AWS's code, e.g. "Invalid Name: 'a b'".
      String message = e.getMessage().substring(e.errorCode().length() + 2);
      String exception =
          e.errorCode().endsWith("Exception") ? e.errorCode() : e.errorCode() + "Exception";
      throw startError(sdk, exception, e.errorCode(), message, requestId);
    }
    synchronized (this) {
      executions.computeIfAbsent(arn, a -> new ArrayList<>()).add(execution);
    }
    if (!sync) {
      execution.runUntilWaiting();
      Instant started = startDate(execution, ctx.now());
      ObjectNode response = Aws.NODES.objectNode();
      response.put("ExecutionArn", execution.arn());
      if (sdk) {
        response.put("StartDate", Aws.isoMillis(started));
        return response;
      }
      String body =
          "{\"executionArn\":\""
              + execution.arn()
              + "\",\"startDate\":"
              + epochSeconds(started)
              + "}";
      Aws.withHttpMetadata(
          response,
          Aws.jsonHeaders(body, "application/x-amz-json-1.0", ctx.now(), requestId),
          requestId);
      response.put("StartDate", started.toEpochMilli());
      return response;
    }
    execution.await();
    boolean parsed = pattern == ResourceArn.IntegrationPattern.SYNC2;
    ObjectNode description = describe(arn, execution, childInput, parsed, ctx.now());
    try {
      if (execution.status() == ExecutionStatus.SUCCEEDED) {
        completion.succeed(description);
      } else {
        completion.fail("States.TaskFailed", Aws.json(description));
      }
    } catch (io.asl4j.runtime.TaskTokenException ended) {
      // The task ended first: SendTaskSuccess/Failure with its $$.Task.Token (the child may hold
      // it), a timeout or a stop. On AWS the job's own end then changes nothing either.
    }
    ObjectNode submitted = Aws.NODES.objectNode();
    submitted.put("ExecutionArn", execution.arn());
    submitted.put("StartDate", description.get("StartDate").asLong());
    return submitted;
  }

  /** The child execution as DescribeExecution shows it, keys in AWS's order. */
  private static ObjectNode describe(
      String arn, Execution execution, JsonNode input, boolean parsed, Instant now) {
    ObjectNode d = Aws.NODES.objectNode();
    if (execution.status() != ExecutionStatus.SUCCEEDED) {
      if (execution.cause() != null) {
        d.put("Cause", execution.cause());
      }
      if (execution.error() != null) {
        d.put("Error", execution.error());
      }
    }
    d.put("ExecutionArn", execution.arn());
    if (parsed) {
      d.set("Input", input);
    } else {
      d.put("Input", Aws.json(input));
    }
    d.putObject("InputDetails").put("Included", true);
    d.put("Name", execution.arn().substring(execution.arn().lastIndexOf(':') + 1));
    if (execution.status() == ExecutionStatus.SUCCEEDED) {
      if (parsed) {
        d.set("Output", execution.output());
      } else {
        d.put("Output", Aws.json(execution.output()));
      }
      d.putObject("OutputDetails").put("Included", true);
    }
    List<HistoryEvent> history = execution.history();
    d.put("StartDate", startDate(execution, now).toEpochMilli());
    d.put("StateMachineArn", arn);
    d.put("Status", execution.status().name());
    d.put(
        "StopDate",
        history.isEmpty()
            ? now.toEpochMilli()
            : history.get(history.size() - 1).timestamp().toEpochMilli());
    return d;
  }

  private static Instant startDate(Execution execution, Instant fallback) {
    List<HistoryEvent> history = execution.history();
    return history.isEmpty() ? fallback : history.get(0).timestamp();
  }

  private static String epochSeconds(Instant instant) {
    long millis = instant.toEpochMilli();
    return (millis / 1000) + "." + String.format("%03d", millis % 1000);
  }

  /** {@code aws-sdk:sfn:sendTaskSuccess}, {@code sendTaskFailure}, {@code sendTaskHeartbeat}. */
  JsonNode sendTask(String action, JsonNode input) {
    String token = Aws.string(input, "TaskToken");
    List<LocalStateMachine> candidates;
    synchronized (this) {
      candidates = new ArrayList<>(machines.values());
    }
    String requestId = ids.uuid();
    TaskTokenException refused = null;
    for (LocalStateMachine machine : candidates) {
      try {
        switch (action) {
          case "sendTaskSuccess" -> {
            JsonNode output = input.get("Output");
            JsonNode value =
                output == null || output.isNull()
                    ? Aws.NODES.nullNode()
                    : output.isTextual() ? Aws.parseOrNull(output.textValue()) : output;
            if (value == null) {
              throw Aws.v2Error(
                  "Sfn",
                  "InvalidOutputException",
                  "Invalid Output: '" + output.textValue() + "'",
                  "Sfn",
                  400,
                  requestId);
            }
            machine.sendTaskSuccess(token, value);
          }
          case "sendTaskFailure" ->
              machine.sendTaskFailure(
                  token, Aws.string(input, "Error"), Aws.string(input, "Cause"));
          default -> machine.sendTaskHeartbeat(token);
        }
        return Aws.NODES.objectNode();
      } catch (TaskTokenException e) {
        if (refused == null || "TaskTimedOut".equals(e.errorCode())) {
          refused = e;
        }
      }
    }
    if (refused != null && "TaskTimedOut".equals(refused.errorCode())) {
      throw Aws.v2Error(
          "Sfn",
          "TaskTimedOutException",
          "Task Timed Out: 'Provided task does not exist anymore'",
          "Sfn",
          400,
          requestId);
    }
    throw new StatesError(
        "Sfn.InvalidTokenException",
        "Invalid Token: 'Invalid token' (Service: Sfn, Status Code: 400, Request ID: "
            + requestId
            + ") (SDK Attempt Count: 1)");
  }
}
