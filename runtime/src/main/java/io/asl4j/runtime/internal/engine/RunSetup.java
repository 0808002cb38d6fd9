package io.asl4j.runtime.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asl4j.dsl.model.ResourceArn;
import io.asl4j.dsl.model.StateMachine;
import io.asl4j.runtime.StatesError;
import io.asl4j.runtime.TaskContext;
import io.asl4j.runtime.TaskHandler;
import io.asl4j.runtime.internal.expression.IntrinsicEvaluator;
import io.asl4j.runtime.services.AwsServices;
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
  private static final String LAMBDA_INVOKE_DOT = LAMBDA_INVOKE + ".";

  /** Cached for a resource no handler serves. */
  private static final TaskHandler NO_HANDLER = (input, context) -> null;

  private final long startMillis;

  /** Null for fresh randomness. */
  private final Long seed;

  /** Made when first drawn from: most executions draw nothing. */
  private RandomGenerator random;

  /** Null until first needed when the machine numbers its executions ({@link #executionNumber}). */
  private String executionName;

  private final long executionNumber;
  private String executionArn;

  /** Made when an intrinsic function first runs: most executions call none. */
  private IntrinsicEvaluator intrinsics;

  /** The run id of an Express execution's ARN; made when first needed (most runs never need it). */
  private String runId;

  /** Mocked calls per state; made on the first mocked call. */
  private Map<String, Integer> invocations;

  /** Duplicate deliveries (Express at-least-once), or null when every task is delivered once. */
  private final Redeliveries redeliveries;

  /**
   * What every execution of one machine shares: made once per machine, so that starting an
   * execution sets a handful of fields instead of two dozen. {@code timeScale} multiplies the real
   * time Waits, back-off and timeouts take on a real clock (1: as written).
   */
  public record Machine(
      StateMachine machine,
      Data data,
      Map<String, TaskHandler> handlers,
      Map<String, TaskHandler> prefixHandlers,
      boolean virtualTime,
      String region,
      String account,
      String machineName,
      boolean express,
      TaskTokens tokens,
      MockedResponses mocks,
      io.asl4j.runtime.services.S3Objects s3,
      ActivityQueues activities,
      double timeScale) {}

  private final Machine m;

  public RunSetup(
      Machine machine,
      long startMillis,
      Long seed,
      String executionName,
      long executionNumber,
      Redeliveries redeliveries) {
    this.m = machine;
    this.redeliveries = redeliveries;
    this.startMillis = startMillis;
    this.seed = seed;
    this.executionName = executionName;
    this.executionNumber = executionNumber;
  }

  synchronized IntrinsicEvaluator intrinsics() {
    if (intrinsics == null) {
      intrinsics = IntrinsicEvaluator.withRandom(random());
    }
    return intrinsics;
  }

  private synchronized String runId() {
    if (runId == null) {
      RandomGenerator r = random();
      runId = new java.util.UUID(r.nextLong(), r.nextLong()).toString();
    }
    return runId;
  }

  /** The objects ItemReader and ResultWriter use, or null when none are configured. */
  io.asl4j.runtime.services.S3Objects s3() {
    return m.s3();
  }

  ActivityQueues activities() {
    return m.activities();
  }

  boolean express() {
    return m.express();
  }

  TaskTokens tokens() {
    return m.tokens();
  }

  /** A fresh task token: opaque and unguessable, but reproducible under a seed. */
  String newTaskToken() {
    return java.util.Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(
            (requestId() + ":" + requestId()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  StateMachine machine() {
    return m.machine();
  }

  Data data() {
    return m.data();
  }

  boolean virtualTime() {
    return m.virtualTime();
  }

  double timeScale() {
    return m.timeScale();
  }

  long startMillis() {
    return startMillis;
  }

  /**
   * The execution's randomness: seeded when the machine is, else fresh. Made when first drawn from:
   * the unseeded {@code SplittableRandom()} takes an atomic step on a seed shared by all threads, a
   * cost every execution paid though few draw anything.
   */
  synchronized RandomGenerator random() {
    if (random == null) {
      random =
          seed != null ? new java.util.SplittableRandom(seed) : new java.util.SplittableRandom();
    }
    return random;
  }

  /** The execution's name: given, or {@code execution-N} for the machine's N-th execution. */
  String executionName() {
    String n = executionName;
    if (n == null) {
      n = "execution-" + executionNumber;
      executionName = n; // racy but safe: strings are immutable
    }
    return n;
  }

  String region() {
    return m.region();
  }

  String roleArn() {
    return "arn:aws:iam::" + m.account() + ":role/asl4j-local";
  }

  String stateMachineArn() {
    return "arn:aws:states:" + m.region() + ":" + m.account() + ":stateMachine:" + m.machineName();
  }

  public String executionArn() {
    String arn = executionArn;
    if (arn == null) {
      // Express executions are named by an "express" ARN with a run id, as StartSyncExecution
      // shows.
      arn =
          m.express()
              ? "arn:aws:states:"
                  + m.region()
                  + ":"
                  + m.account()
                  + ":express:"
                  + m.machineName()
                  + ":"
                  + executionName()
                  + ":"
                  + runId()
              : "arn:aws:states:"
                  + m.region()
                  + ":"
                  + m.account()
                  + ":execution:"
                  + m.machineName()
                  + ":"
                  + executionName();
      executionArn = arn; // racy but safe: strings are immutable
    }
    return arn;
  }

  String account() {
    return m.account();
  }

  String machineName() {
    return m.machineName();
  }

  /** The context object ({@code $$}) as a state sees it. */
  ObjectNode contextObject(ExecutionRun run, Step step) {
    ObjectNode context = ExecutionRun.NODES.objectNode();
    ObjectNode execution = context.putObject("Execution");
    // Inside a distributed Map's child execution, $$ describes the child and its Map Run's machine.
    ChildRun child = step.frame.child;
    execution.put("Id", child != null ? child.arn() : executionArn());
    execution.set("Input", child != null ? child.input() : run.input());
    execution.put(
        "StartTime",
        timestamp(
            child != null ? child.startDate().toEpochMilli() : run.startDate().toEpochMilli()));
    execution.put("Name", child != null ? child.name() : executionName());
    execution.put("RoleArn", roleArn());
    if (child != null ? !child.express() : !m.express()) {
      // Express executions cannot be redriven; RedriveTime appears once an execution was.
      execution.put("RedriveCount", child != null ? child.redriveCount() : run.redriveCount());
      Instant redriven = child != null ? child.redriveDate() : run.redriveDate();
      if (redriven != null) {
        execution.put("RedriveTime", timestamp(redriven.toEpochMilli()));
      }
    }
    ObjectNode state = context.putObject("State");
    state.put("EnteredTime", timestamp(step.enteredMillis));
    state.put("Name", step.name);
    if (step.state instanceof io.asl4j.dsl.model.ErrorHandling) {
      // Only states that can retry carry RetryCount, as AWS records it.
      state.put("RetryCount", step.retryCount);
    }
    ObjectNode stateMachine = context.putObject("StateMachine");
    if (child != null) {
      String machineArn = child.stateMachineArn();
      stateMachine.put("Id", machineArn);
      stateMachine.put(
          "Name",
          machineArn.substring(machineArn.indexOf(":stateMachine:") + ":stateMachine:".length()));
    } else {
      stateMachine.put("Id", stateMachineArn());
      stateMachine.put("Name", m.machineName());
    }
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
   * Calls the handler for the state's resource: for {@code lambda:invoke}, the function named by
   * {@code FunctionName} first; then a registration of the resource exactly as written; then, by
   * the resource's canonical form ({@code arn:aws:states:us-east-1:123456789012:sns:publish} is
   * served as {@code arn:aws:states:::sns:publish}), an exact registration, then the longest
   * registered prefix.
   */
  JsonNode invoke(StatePlan task, JsonNode input, TaskContext context) {
    String stateName = task.name;
    String resource = ((io.asl4j.dsl.model.TaskState) task.state).resource();
    if (m.mocks() != null) {
      if (invocations == null) {
        invocations = new java.util.HashMap<>();
      }
      JsonNode mocked =
          m.mocks().respond(stateName, invocations.merge(stateName, 1, Integer::sum) - 1);
      if (mocked != null) {
        if (task.resource.isCallback()) {
          // A mocked callback task completes with the mocked response, as Step Functions Local
          // does.
          context.completeLater().succeed(mocked);
        }
        return mocked;
      }
    }
    return deliver(task, resource, task.resource.canonical(), input, context);
  }

  /**
   * Calls the handler for {@code resource}, whose canonical form is {@code canonical} (what {@link
   * #invoke} does for a state the mocks leave alone).
   */
  JsonNode deliver(String resource, String canonical, JsonNode input, TaskContext context) {
    return deliver(null, resource, canonical, input, context);
  }

  /**
   * As {@link #deliver(String, String, JsonNode, TaskContext)}; {@code task}, when given, keeps the
   * resolved handler (resolved once per state and machine: the lookups cost as much as an echoing
   * Task).
   */
  private JsonNode deliver(
      StatePlan task, String resource, String canonical, JsonNode input, TaskContext context) {
    if (canonical.equals(LAMBDA_INVOKE) || canonical.startsWith(LAMBDA_INVOKE_DOT)) {
      JsonNode result = invokeFunction(input, context);
      if (result != null) {
        return result;
      }
    }
    TaskHandler handler = task == null ? null : task.handler;
    if (handler == null) {
      handler = m.handlers().get(resource);
      if (handler == null) {
        handler = resolve(canonical);
      }
      if (task != null) {
        task.handler = handler;
      }
    }
    if (handler == NO_HANDLER) {
      List<String> registered = new ArrayList<>(new TreeSet<>(m.handlers().keySet()));
      m.prefixHandlers().keySet().forEach(p -> registered.add(p + "*"));
      throw new StatesError(
          "States.TaskFailed",
          "No task handler is registered for resource '"
              + resource
              + "'. Registered resources: "
              + registered
              + (AwsServices.answers(canonical)
                  ? ". asl4j's in-memory service fakes answer it: register them with"
                      + " LocalStateMachine.Builder.services(AwsServices.create()) (asl4j-junit's @Asl4jTest"
                      + " registers them unless services = false)"
                  : ""));
    }
    return handler.handle(input, context);
  }

  /**
   * The handler of {@code resource} (for {@code lambda:invoke}, when no function handler takes the
   * call): the base integration's for {@code .sync}/{@code .waitForTaskToken}, else the exact
   * registration, else the longest registered prefix; {@link #NO_HANDLER} when none.
   */
  private TaskHandler resolve(String resource) {
    TaskHandler base = baseHandler(resource);
    if (base != null) {
      return base;
    }
    TaskHandler handler = m.handlers().get(resource);
    if (handler != null) {
      return handler;
    }
    TaskHandler byPrefix = NO_HANDLER;
    int longest = -1;
    for (Map.Entry<String, TaskHandler> entry : m.prefixHandlers().entrySet()) {
      if (resource.startsWith(entry.getKey()) && entry.getKey().length() > longest) {
        byPrefix = entry.getValue();
        longest = entry.getKey().length();
      }
    }
    return byPrefix;
  }

  /**
   * Whether this invocation of {@code stateName} is delivered twice (Express at-least-once): only
   * when duplicates were asked for, and never for a state the mock file answers (mocks answer
   * invocations by number, and a doubled call would shift them).
   */
  boolean deliverTwice(String stateName) {
    return redeliveries != null
        && (m.mocks() == null || !m.mocks().answers(stateName))
        && redeliveries.pick();
  }

  /**
   * The handler of a {@code .sync}/{@code .waitForTaskToken} resource registered only for its base
   * integration ({@code arn:aws:states:::sqs:sendMessage} also serves {@code
   * ...sendMessage.waitForTaskToken}).
   */
  private TaskHandler baseHandler(String resource) {
    if (m.handlers().containsKey(resource) || resource.startsWith(LAMBDA_INVOKE)) {
      return null;
    }
    ResourceArn arn = ResourceArn.parse(resource);
    if (arn.kind() != ResourceArn.Kind.SERVICE_INTEGRATION
        || arn.pattern() == ResourceArn.IntegrationPattern.REQUEST_RESPONSE) {
      return null;
    }
    return m.handlers().get(ResourceArn.STATES_PREFIX + arn.service() + ":" + arn.action());
  }

  /**
   * A {@code lambda:invoke} call of the function named by {@code FunctionName}, answered as Lambda
   * answers it; null when no handler is registered for that function.
   */
  private JsonNode invokeFunction(JsonNode input, TaskContext context) {
    TaskHandler function = functionHandler(input.path("FunctionName").asText(null));
    if (function == null) {
      return null;
    }
    JsonNode payload = input.get("Payload");
    if (payload != null && payload.isTextual()) {
      // A string Payload is sent to the function as raw JSON text.
      payload = m.data().parseJsonText(payload.textValue());
    }
    // Without a payload (absent or null) Lambda hands the function an empty object.
    JsonNode event =
        payload == null || payload.isNull() ? ExecutionRun.NODES.objectNode() : payload;
    JsonNode result = function.handle(event, context);
    boolean tail = "Tail".equals(input.path("LogType").asText());
    return LambdaInvokeResponse.around(result, requestId(), context.now(), tail);
  }

  private TaskHandler functionHandler(String functionName) {
    if (functionName == null) {
      return null;
    }
    TaskHandler exact = m.handlers().get(functionName);
    if (exact != null) {
      return exact;
    }
    for (Map.Entry<String, TaskHandler> entry : m.handlers().entrySet()) {
      ResourceArn key = ResourceArn.parse(entry.getKey());
      if (key.kind() == ResourceArn.Kind.LAMBDA_FUNCTION
          && functionName.equals(
              key.qualifier() == null ? key.name() : key.name() + ":" + key.qualifier())) {
        return entry.getValue();
      }
    }
    return null;
  }

  private String requestId() {
    RandomGenerator r = random();
    return new java.util.UUID(r.nextLong(), r.nextLong()).toString();
  }
}
