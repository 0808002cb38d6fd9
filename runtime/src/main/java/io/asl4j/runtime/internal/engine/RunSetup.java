package io.asl4j.runtime.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asl4j.dsl.model.StateMachine;
import io.asl4j.runtime.StatesError;
import io.asl4j.runtime.TaskContext;
import io.asl4j.runtime.TaskHandler;
import io.asl4j.runtime.internal.expression.IntrinsicEvaluator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.random.RandomGenerator;

/**
 * Everything one execution needs from the machine that started it: the definition, the task
 * handlers, the clock, the randomness and the names AWS would give it.
 */
public final class RunSetup {
  private static final String LAMBDA_INVOKE = "arn:aws:states:::lambda:invoke";

  private final StateMachine machine;
  private final Data data;
  private final Map<String, TaskHandler> handlers;
  private final Map<String, TaskHandler> prefixHandlers;
  private final boolean virtualTime;
  private final long startMillis;
  private final RandomGenerator random;
  private final String region;
  private final String account;
  private final String machineName;
  private final String executionName;
  /** Made when an intrinsic function first runs: most executions call none. */
  private IntrinsicEvaluator intrinsics;
  private final boolean express;
  /** The run id of an Express execution's ARN; made when first needed (most runs never need it). */
  private String runId;
  private final TaskTokens tokens;
  private final MockedResponses mocks;
  private final io.asl4j.runtime.services.S3Objects s3;
  private final ActivityQueues activities;
  private final Map<String, Integer> invocations = new java.util.HashMap<>();
  /** Duplicate deliveries (Express at-least-once), or null when every task is delivered once. */
  private final Redeliveries redeliveries;

  public RunSetup(
      StateMachine machine,
      Data data,
      Map<String, TaskHandler> handlers,
      Map<String, TaskHandler> prefixHandlers,
      boolean virtualTime,
      long startMillis,
      RandomGenerator random,
      String region,
      String account,
      String machineName,
      String executionName,
      boolean express,
      TaskTokens tokens,
      MockedResponses mocks,
      io.asl4j.runtime.services.S3Objects s3,
      ActivityQueues activities,
      Redeliveries redeliveries) {
    this.machine = machine;
    this.redeliveries = redeliveries;
    this.activities = activities;
    this.tokens = tokens;
    this.mocks = mocks;
    this.s3 = s3;
    this.express = express;
    this.data = data;
    this.handlers = handlers;
    this.prefixHandlers = prefixHandlers;
    this.virtualTime = virtualTime;
    this.startMillis = startMillis;
    this.random = random;
    this.region = region;
    this.account = account;
    this.machineName = machineName;
    this.executionName = executionName;
  }

  synchronized IntrinsicEvaluator intrinsics() {
    if (intrinsics == null) {
      intrinsics = IntrinsicEvaluator.withRandom(random);
    }
    return intrinsics;
  }

  private synchronized String runId() {
    if (runId == null) {
      runId = new java.util.UUID(random.nextLong(), random.nextLong()).toString();
    }
    return runId;
  }

  /** The objects ItemReader and ResultWriter use, or null when none are configured. */
  io.asl4j.runtime.services.S3Objects s3() {
    return s3;
  }

  ActivityQueues activities() {
    return activities;
  }

  boolean express() {
    return express;
  }

  TaskTokens tokens() {
    return tokens;
  }

  /** A fresh task token: opaque and unguessable, but reproducible under a seed. */
  String newTaskToken() {
    return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
        (requestId() + ":" + requestId()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  StateMachine machine() {
    return machine;
  }

  Data data() {
    return data;
  }

  boolean virtualTime() {
    return virtualTime;
  }

  long startMillis() {
    return startMillis;
  }

  RandomGenerator random() {
    return random;
  }

  String region() {
    return region;
  }

  String roleArn() {
    return "arn:aws:iam::" + account + ":role/asl4j-local";
  }

  String stateMachineArn() {
    return "arn:aws:states:" + region + ":" + account + ":stateMachine:" + machineName;
  }

  public String executionArn() {
    // Express executions are named by an "express" ARN with a run id, as StartSyncExecution shows.
    return express
        ? "arn:aws:states:" + region + ":" + account + ":express:" + machineName + ":" + executionName + ":" + runId()
        : "arn:aws:states:" + region + ":" + account + ":execution:" + machineName + ":" + executionName;
  }

  String account() {
    return account;
  }

  String machineName() {
    return machineName;
  }

  /** The context object ({@code $$}) as a state sees it. */
  ObjectNode contextObject(ExecutionRun run, ExecutionRun.Step step) {
    ObjectNode context = ExecutionRun.NODES.objectNode();
    ObjectNode execution = context.putObject("Execution");
    // Inside a distributed Map's child execution, $$ describes the child and its Map Run's machine.
    ChildRun child = step.frame.child;
    execution.put("Id", child != null ? child.arn() : executionArn());
    execution.set("Input", child != null ? child.input() : run.input());
    execution.put("StartTime", timestamp(child != null ? child.startDate().toEpochMilli() : run.startDate().toEpochMilli()));
    execution.put("Name", child != null ? child.name() : executionName);
    execution.put("RoleArn", roleArn());
    if (child != null ? !child.express() : !express) {
      execution.put("RedriveCount", 0); // Express executions cannot be redriven.
    }
    ObjectNode state = context.putObject("State");
    state.put("EnteredTime", timestamp(step.enteredMillis));
    state.put("Name", step.name);
    if (step.state instanceof io.asl4j.dsl.model.ErrorHandling) {
      // Only states that can retry carry RetryCount, as AWS records it.
      state.put("RetryCount", step.retryCount);
    }
    ObjectNode stateMachine = context.putObject("StateMachine");
    String machineArn = child != null ? child.stateMachineArn() : stateMachineArn();
    stateMachine.put("Id", machineArn);
    stateMachine.put("Name", machineArn.substring(machineArn.indexOf(":stateMachine:") + ":stateMachine:".length()));
    if (step.taskToken != null) {
      context.putObject("Task").put("Token", step.taskToken);
    }
    if (step.mapItem != null) {
      context.putObject("Map").set("Item", step.mapItem);
    }
    return context;
  }

  /** AWS's timestamp format in the context object: millisecond precision, {@code Z}. */
  static String timestamp(long millis) {
    String text = Instant.ofEpochMilli(millis).toString();
    // Instant omits a zero millisecond part; AWS always prints three digits.
    return text.length() == 20 ? text.substring(0, 19) + ".000Z" : text;
  }

  /**
   * Calls the handler for {@code resource}: for {@code lambda:invoke}, the function named by
   * {@code FunctionName} first; then an exact registration; then the longest registered prefix.
   */
  JsonNode invoke(String stateName, String resource, JsonNode input, TaskContext context) {
    if (mocks != null) {
      JsonNode mocked = mocks.respond(stateName, invocations.merge(stateName, 1, Integer::sum) - 1);
      if (mocked != null) {
        if (resource.endsWith(".waitForTaskToken")) {
          // A mocked callback task completes with the mocked response, as Step Functions Local does.
          context.completeLater().succeed(mocked);
        }
        return mocked;
      }
    }
    return deliver(resource, input, context);
  }

  /** Calls the handler for {@code resource} (what {@link #invoke} does for a state the mocks leave alone). */
  JsonNode deliver(String resource, JsonNode input, TaskContext context) {
    TaskHandler base = baseHandler(resource);
    if (base != null) {
      return base.handle(input, context);
    }
    return invoke(resource, input, context);
  }

  /**
   * Whether this invocation of {@code stateName} is delivered twice (Express at-least-once): only
   * when duplicates were asked for, and never for a state the mock file answers (mocks answer
   * invocations by number, and a doubled call would shift them).
   */
  boolean deliverTwice(String stateName) {
    return redeliveries != null && (mocks == null || !mocks.answers(stateName)) && redeliveries.pick();
  }

  /**
   * The handler of a {@code .sync}/{@code .waitForTaskToken} resource registered only for its
   * base integration ({@code arn:aws:states:::sqs:sendMessage} also serves
   * {@code ...sendMessage.waitForTaskToken}).
   */
  private TaskHandler baseHandler(String resource) {
    int dot = resource.lastIndexOf('.');
    if (dot < 0 || handlers.containsKey(resource) || resource.startsWith(LAMBDA_INVOKE)) {
      return null;
    }
    String suffix = resource.substring(dot);
    if (!suffix.equals(".waitForTaskToken") && !suffix.startsWith(".sync")) {
      return null;
    }
    return handlers.get(resource.substring(0, dot));
  }

  private JsonNode invoke(String resource, JsonNode input, TaskContext context) {
    if (resource.equals(LAMBDA_INVOKE) || resource.startsWith(LAMBDA_INVOKE + ".")) {
      TaskHandler function = functionHandler(input.path("FunctionName").asText(null));
      if (function != null) {
        JsonNode payload = input.get("Payload");
        if (payload != null && payload.isTextual()) {
          // A string Payload is sent to the function as raw JSON text.
          payload = data.parseJsonText(payload.textValue());
        }
        // Without a payload (absent or null) Lambda hands the function an empty object.
        JsonNode event = payload == null || payload.isNull() ? ExecutionRun.NODES.objectNode() : payload;
        JsonNode result = function.handle(event, context);
        boolean tail = "Tail".equals(input.path("LogType").asText());
        return Tasks.invokeResponse(result, requestId(), context.now(), tail);
      }
    }
    TaskHandler handler = handlers.get(resource);
    if (handler != null) {
      return handler.handle(input, context);
    }
    TaskHandler byPrefix = null;
    int longest = -1;
    for (Map.Entry<String, TaskHandler> entry : prefixHandlers.entrySet()) {
      if (resource.startsWith(entry.getKey()) && entry.getKey().length() > longest) {
        byPrefix = entry.getValue();
        longest = entry.getKey().length();
      }
    }
    if (byPrefix != null) {
      return byPrefix.handle(input, context);
    }
    List<String> registered = new ArrayList<>(new TreeSet<>(handlers.keySet()));
    prefixHandlers.keySet().forEach(p -> registered.add(p + "*"));
    throw new StatesError(
        "States.TaskFailed",
        "No task handler is registered for resource '" + resource + "'. Registered resources: " + registered);
  }

  private TaskHandler functionHandler(String functionName) {
    if (functionName == null) {
      return null;
    }
    TaskHandler exact = handlers.get(functionName);
    if (exact != null) {
      return exact;
    }
    for (Map.Entry<String, TaskHandler> entry : handlers.entrySet()) {
      String key = entry.getKey();
      int at = key.indexOf(":function:");
      if (at >= 0 && key.substring(at + ":function:".length()).equals(functionName)) {
        return entry.getValue();
      }
    }
    return null;
  }

  private String requestId() {
    return new java.util.UUID(random.nextLong(), random.nextLong()).toString();
  }
}
