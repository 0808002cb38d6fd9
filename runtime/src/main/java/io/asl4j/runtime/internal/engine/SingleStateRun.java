package io.asl4j.runtime.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asl4j.dsl.model.ChoiceState;
import io.asl4j.dsl.model.FailState;
import io.asl4j.dsl.model.Graph;
import io.asl4j.dsl.model.Io;
import io.asl4j.dsl.model.MapState;
import io.asl4j.dsl.model.ParallelState;
import io.asl4j.dsl.model.PassState;
import io.asl4j.dsl.model.QueryLanguage;
import io.asl4j.dsl.model.Retrier;
import io.asl4j.dsl.model.State;
import io.asl4j.dsl.model.StateMachine;
import io.asl4j.dsl.model.SucceedState;
import io.asl4j.dsl.model.TaskState;
import io.asl4j.dsl.model.WaitState;
import io.asl4j.runtime.StatesError;
import io.asl4j.runtime.TaskHandler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs exactly one state of a definition, as AWS's TestState API does, on the ordinary interpreter:
 * the state is entered in a frame of its own and a {@link StateUnderTest}, the run's {@link
 * StateObserver}, records its intermediate values and stops the run at its transition (the next
 * state, a Catch, a Retry).
 *
 * <p>A mocked result or error answers every Task call; for a Parallel or Map state under test it
 * stands for the branches or iterations, which then do not run.
 */
public final class SingleStateRun {
  private SingleStateRun() {}

  /** AWS's name for the state in {@code $$.State.Name} of a test, whatever the state is called. */
  static final String CONTEXT_STATE_NAME = "StateName";

  /**
   * What to run.
   *
   * @param machine the definition (a single state is wrapped as a one-state machine)
   * @param stateName the state to run; it may sit inside a Parallel branch or Map processor
   * @param input the state's input
   * @param variables the variables in scope when the state starts
   * @param context the whole context object ({@code $$}); {@code null} for TestState's default
   * @param mock the mocked result or error; {@code null} to call the task handlers
   * @param retrierRetryCount retries already made by the retrier that matches ({@code null}: 0)
   * @param mapIterationFailureCount failed iterations of a mocked Map ({@code null}: none)
   * @param errorCausedByState the Map processor state the mocked error comes from, or {@code null}
   * @param mapItemReaderData what a Map's ItemReader reads, or {@code null}
   * @param roleArn {@code $$.Execution.RoleArn} of the default context; {@code null} gives null
   */
  /**
   * The inspection key of an HTTP task's request as sent, secrets included: TestState shows it as
   * {@code request} with {@code revealSecrets}, and drops it otherwise.
   */
  public static final String REQUEST_WITH_SECRETS = "requestWithSecrets";

  public record Request(
      StateMachine machine,
      String stateName,
      JsonNode input,
      Map<String, JsonNode> variables,
      ObjectNode context,
      Mock mock,
      Integer retrierRetryCount,
      Integer mapIterationFailureCount,
      String errorCausedByState,
      JsonNode mapItemReaderData,
      String roleArn,
      Map<String, TaskHandler> handlers,
      Map<String, TaskHandler> prefixHandlers,
      long startMillis,
      Long seed,
      String region,
      String account) {}

  /** A mocked result ({@code error == null}) or error. */
  public record Mock(JsonNode result, String error, String cause) {
    public boolean failure() {
      return result == null;
    }
  }

  /**
   * What the state did.
   *
   * @param status {@code SUCCEEDED}, {@code FAILED}, {@code CAUGHT_ERROR} or {@code RETRIABLE}
   * @param inspection everything recorded (AWS's {@code inspectionData} at DEBUG and TRACE)
   */
  public record Outcome(
      String status,
      JsonNode output,
      String error,
      String cause,
      String nextState,
      ObjectNode inspection) {}

  private static void checkLength(JsonNode value, String field) {
    if (value != null && JsonSize.exceeds(value, ExecutionRun.PAYLOAD_LIMIT_BYTES)) {
      throw new IllegalArgumentException(StartRequests.tooLong(field));
    }
  }

  /** Finds the graph holding {@code name}: the machine, a Parallel branch or a Map processor. */
  public static Graph graphOf(Graph graph, String name) {
    if (graph.states().containsKey(name)) {
      return graph;
    }
    for (State state : graph.states().values()) {
      for (Graph nested : state.nestedGraphs()) {
        Graph found = graphOf(nested, name);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  /** The state {@code name} of {@code machine}, nested states included, or null. */
  public static State stateOf(StateMachine machine, String name) {
    Graph graph = graphOf(machine, name);
    return graph == null ? null : graph.states().get(name);
  }

  /**
   * Runs the state.
   *
   * @throws IllegalArgumentException when the state does not exist or the request does not fit it
   */
  public static Outcome run(Request request) {
    // TestState's request fields are limited as StartExecution's input is: 256 KiB.
    checkLength(request.input(), "input");
    if (request.mock() != null) {
      checkLength(request.mock().result(), "mock.result");
    }
    Graph graph = graphOf(request.machine(), request.stateName());
    if (graph == null) {
      throw new IllegalArgumentException(
          "State '" + request.stateName() + "' does not exist in the definition");
    }
    State state = graph.states().get(request.stateName());
    if (request.mock() != null
        && !(state instanceof TaskState
            || state instanceof MapState
            || state instanceof ParallelState)) {
      throw new IllegalArgumentException(
          "A mock can only be given for a Task, Map or Parallel state, not a "
              + state.type().aslName()
              + " state");
    }
    if (request.errorCausedByState() != null) {
      if (!(state instanceof MapState map)
          || map.processor() == null
          || graphOf(map.processor(), request.errorCausedByState()) == null) {
        throw new IllegalArgumentException(
            "errorCausedByState '"
                + request.errorCausedByState()
                + "' is not a state of the Map state's item processor");
      }
      if (request.mock() == null || !request.mock().failure()) {
        throw new IllegalArgumentException("errorCausedByState needs a mocked error");
      }
    }
    Map<String, TaskHandler> prefixHandlers = new LinkedHashMap<>(request.prefixHandlers());
    Map<String, TaskHandler> handlers = new LinkedHashMap<>(request.handlers());
    if (request.mock() != null) {
      // The mock answers every task call ("" is a prefix of every resource).
      Mock mock = request.mock();
      handlers.clear();
      prefixHandlers.clear();
      prefixHandlers.put(
          "",
          (input, context) -> {
            if (mock.failure()) {
              throw new StatesError(mock.error(), mock.cause());
            }
            if (context.taskToken() != null) {
              // A mocked callback task is answered by its mock, as a mock file answers it.
              context.completeLater().succeed(mock.result());
            }
            return mock.result();
          });
    }
    RunSetup setup =
        new RunSetup(
            new RunSetup.Machine(
                request.machine(),
                new Data(),
                Map.copyOf(handlers),
                prefixHandlers,
                true,
                request.region(),
                request.account(),
                "asl4j-test-state",
                true,
                new TaskTokens(),
                null,
                null,
                new ActivityQueues(),
                1.0),
            request.startMillis(),
            request.seed(),
            "test-state",
            0,
            null);
    JsonNode input = request.input() == null ? ExecutionRun.NODES.objectNode() : request.input();
    ExecutionRun run = new ExecutionRun(setup, input);
    StateUnderTest observed = new StateUnderTest(request, state, run);
    run.observer = observed;
    // The state is entered in a root frame of its own, whose scope holds the given variables.
    VariableScope scope = new VariableScope(null);
    scope.assign(request.variables());
    Frame frame =
        new Frame(
            run,
            graph,
            run.data().plans(graph, request.machine().defaultQueryLanguage()),
            scope,
            null,
            0);
    frame.onDone = observed::ended;
    observed.frame = frame;
    run.scheduler().post(() -> run.enter(frame, request.stateName(), input));
    run.scheduler().runUntil(() -> observed.outcome != null, false);
    if (observed.outcome == null) {
      throw new IllegalStateException("the state '" + request.stateName() + "' did not finish");
    }
    return observed.outcome;
  }

  /** Observes the state under test, as the run's {@link StateObserver}. */
  static final class StateUnderTest implements StateObserver {
    private record Caught(String error, String cause) {}

    private final Request request;
    private final State state;
    private final ExecutionRun run;
    private final boolean jsonata;
    private final Map<String, JsonNode> recorded = new LinkedHashMap<>();
    private final ObjectNode errorDetails = ExecutionRun.NODES.objectNode();
    private final Map<String, JsonNode> variables;
    Frame frame;
    private Step step;

    /** The error a catcher of the state caught, and its cause; null until one does. */
    private Caught caught;

    Outcome outcome;

    StateUnderTest(Request request, State state, ExecutionRun run) {
      this.request = request;
      this.state = state;
      this.run = run;
      this.variables = new LinkedHashMap<>(request.variables());
      this.jsonata =
          state.effectiveQueryLanguage(request.machine().defaultQueryLanguage())
              == QueryLanguage.JSONATA;
    }

    private boolean watches(Step candidate) {
      return candidate != null && candidate == step;
    }

    @Override
    public void entered(Step entered) {
      if (step == null && entered.frame == frame) {
        step = entered;
        if (request.retrierRetryCount() != null) {
          java.util.Arrays.fill(step.retriesByRetrier, request.retrierRetryCount());
          step.retryCount = request.retrierRetryCount();
        }
      }
    }

    /** The context object of the state under test. */
    @Override
    public JsonNode contextObject(Step s) {
      if (!watches(s)) {
        return null;
      }
      if (request.context() != null) {
        return request.context().deepCopy();
      }
      ObjectNode context = run.setup().contextObject(run, s);
      ObjectNode execution = (ObjectNode) context.get("Execution");
      if (request.roleArn() == null) {
        execution.set("RoleArn", NullNode.getInstance());
      } else {
        execution.put("RoleArn", request.roleArn());
      }
      ((ObjectNode) context.get("State")).put("Name", CONTEXT_STATE_NAME);
      return context;
    }

    /** TestState reports a state's own evaluation errors without the usual prefix. */
    @Override
    public boolean reportsBareCauses(Step s) {
      return watches(s);
    }

    @Override
    public void inspect(Step s, String key, JsonNode value) {
      if (watches(s)) {
        inspect(key, value);
      }
    }

    private void inspect(String key, JsonNode value) {
      if (value != null) {
        recorded.put(key, value);
      }
    }

    @Override
    public JsonNode itemReaderData(Step s, MapState map) {
      return watches(s) ? request.mapItemReaderData() : null;
    }

    @Override
    public void mapItems(
        Step s, MapState map, ArrayNode items, JsonNode effective, JsonNode states) {
      if (watches(s)) {
        MapExecutor.inspectSelectionAndBatches(run, s, map, items, effective, states);
      }
    }

    /** A Parallel state under test: the mock stands for its branches. */
    @Override
    public boolean tookOverParallel(Step s, Io io) {
      Mock mock = request.mock();
      if (!watches(s) || mock == null) {
        return false;
      }
      if (mock.failure()) {
        s.handleError(mock.error(), mock.cause(), () -> {});
        return true;
      }
      try {
        s.exit(s.complete(io, mock.result()));
      } catch (StatesError e) {
        s.failState(e);
      }
      return true;
    }

    /**
     * A Map state under test, after MaxConcurrency and the tolerances: with a mock, it stands for
     * the iterations (and {@code mapIterationFailureCount} for their failures). Returns whether it
     * took over; without a mock the iterations run.
     */
    @Override
    public boolean tookOverMap(
        Step s, MapState map, MapLimits.Tolerance tolerance, int total, Runnable retry) {
      if (!watches(s)) {
        return false;
      }
      if (map.toleratedFailureCount() != null || map.toleratedFailureCountPath() != null) {
        inspect("toleratedFailureCount", ExecutionRun.NODES.numberNode(tolerance.count()));
      }
      if (tolerance.percentage() != null) {
        inspect(
            "toleratedFailurePercentage", ExecutionRun.NODES.numberNode(tolerance.percentage()));
      }
      Mock mock = request.mock();
      if (mock == null) {
        return false;
      }
      if (mock.failure()) {
        s.handleError(mock.error(), mock.cause(), retry);
        return true;
      }
      Integer failures = request.mapIterationFailureCount();
      if (failures != null && tolerance.explicit() && tolerance.exceeded(failures, total)) {
        s.handleError(
            "States.ExceedToleratedFailureThreshold",
            "The specified tolerated failure threshold was exceeded",
            retry);
        return true;
      }
      try {
        s.exit(s.complete(map.io(), mock.result()));
      } catch (StatesError e) {
        s.failState(e);
      }
      return true;
    }

    /**
     * A retrier of the state under test matched: RETRIABLE while it has attempts left (returns
     * true), else it is only noted.
     */
    @Override
    public Retrying retrier(
        Step s, int index, Retrier retrier, int retriesSoFar, String error, String cause) {
      if (!watches(s)) {
        return Retrying.AS_USUAL;
      }
      errorDetails.put("retryIndex", index);
      if (retriesSoFar >= retrier.maxAttemptsOrDefault()) {
        return Retrying.NOT_RETRIED;
      }
      double seconds =
          retrier.intervalSecondsOrDefault()
              * Math.pow(retrier.backoffRateOrDefault(), retriesSoFar);
      if (retrier.maxDelaySeconds() != null) {
        seconds = Math.min(seconds, retrier.maxDelaySeconds());
      }
      errorDetails.put(
          "retryBackoffIntervalSeconds", (int) Math.min(Integer.MAX_VALUE, Math.ceil(seconds)));
      finish("RETRIABLE", null, error, cause, null, Map.of());
      return Retrying.ENDED;
    }

    @Override
    public void caught(Step s, int index, String error, String cause) {
      if (!watches(s)) {
        return;
      }
      errorDetails.put("catchIndex", index);
      caught = new Caught(error, cause);
    }

    /** The state under test exited: the run stops at its transition. */
    @Override
    public boolean exited(Step s, String next, JsonNode output, Map<String, JsonNode> assigned) {
      if (!watches(s)) {
        return false;
      }
      if (caught != null) {
        finish("CAUGHT_ERROR", output, caught.error(), caught.cause(), next, assigned);
      } else {
        finish("SUCCEEDED", output, null, null, next, assigned);
      }
      return true;
    }

    /** The frame ended without a transition: a failure (or, defensively, an end). */
    void ended(GraphOutcome ended) {
      if (outcome != null) {
        return;
      }
      if (ended.failed()) {
        finish("FAILED", null, ended.error(), ended.cause(), null, Map.of());
      } else {
        finish("SUCCEEDED", ended.output(), null, null, null, Map.of());
      }
    }

    private void finish(
        String status,
        JsonNode output,
        String error,
        String cause,
        String next,
        Map<String, JsonNode> assigned) {
      if (outcome != null) {
        return;
      }
      variables.putAll(assigned);
      outcome = new Outcome(status, output, error, cause, next, inspection());
    }

    /** The recorded values AWS reports for this kind of state, in AWS's order. */
    private ObjectNode inspection() {
      ObjectNode data = ExecutionRun.NODES.objectNode();
      data.set("input", step == null ? request.input() : step.rawInput);
      for (String key : reportedKeys()) {
        JsonNode value = recorded.get(key);
        if (key.equals("afterInputPath")
            && value == null
            && state instanceof FailState
            && !jsonata
            && step != null) {
          value = step.rawInput; // a Fail state has no InputPath: its input passes through
        }
        if (value != null) {
          data.set(key, value);
        }
      }
      if (!errorDetails.isEmpty()) {
        data.set("errorDetails", errorDetails);
      }
      if (!variables.isEmpty()) {
        ObjectNode vars = data.putObject("variables");
        variables.forEach(vars::set);
      }
      return data;
    }

    /**
     * The intermediate values AWS's TestState reports per state type (as its recorded answers
     * show): e.g. a Pass with {@code Result} reports the result but not the parameters, a Parallel
     * only what follows its branches, JSONata states their arguments and result only.
     */
    private List<String> reportedKeys() {
      if (jsonata) {
        if (state instanceof TaskState) {
          return List.of("afterArguments", "result", "request", REQUEST_WITH_SECRETS, "response");
        }
        if (state instanceof MapState) {
          return List.of(
              "afterItemsPointer",
              "afterItemSelector",
              "afterItemBatcher",
              "maxConcurrency",
              "toleratedFailureCount",
              "toleratedFailurePercentage");
        }
        return List.of();
      }
      if (state instanceof PassState pass) {
        return pass.result() != null
            ? List.of("result", "afterResultSelector", "afterResultPath")
            : List.of(
                "afterInputPath", "afterParameters", "afterResultSelector", "afterResultPath");
      }
      if (state instanceof TaskState) {
        return List.of(
            "afterInputPath",
            "afterParameters",
            "result",
            "afterResultSelector",
            "afterResultPath",
            "request",
            REQUEST_WITH_SECRETS,
            "response");
      }
      if (state instanceof ParallelState) {
        return List.of("afterResultSelector", "afterResultPath");
      }
      if (state instanceof MapState) {
        return List.of(
            "afterInputPath",
            "afterItemsPath",
            "afterItemsPointer",
            "afterItemSelector",
            "afterItemBatcher",
            "afterResultSelector",
            "afterResultPath",
            "maxConcurrency",
            "toleratedFailureCount",
            "toleratedFailurePercentage");
      }
      if (state instanceof ChoiceState
          || state instanceof SucceedState
          || state instanceof FailState
          || state instanceof WaitState) {
        return List.of("afterInputPath");
      }
      return List.of();
    }
  }
}
