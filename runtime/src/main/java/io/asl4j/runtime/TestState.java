package io.asl4j.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asl4j.dsl.json.AslReader;
import io.asl4j.dsl.model.State;
import io.asl4j.dsl.model.StateMachine;
import io.asl4j.dsl.validate.Validator;
import io.asl4j.runtime.internal.engine.SingleStateRun;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs one state of a definition on a given input, as AWS's <a
 * href="https://docs.aws.amazon.com/step-functions/latest/apireference/API_TestState.html">TestState
 * API</a> does, on the local interpreter: the state's input and output processing, its Retry and
 * Catch decisions and its transition, without running the rest of the machine.
 *
 * <pre>{@code
 * TestStateResult result = TestState.of(definitionJson)
 *     .stateName("Charge card")
 *     .input(input)
 *     .variables(Map.of("orderId", TextNode.valueOf("o-1")))
 *     .mockResult("{\"status\": \"OK\"}")           // or .mockError("Card.Declined", "no funds")
 *     .inspectionLevel(TestState.InspectionLevel.DEBUG)
 *     .run();
 * result.status();          // SUCCEEDED, FAILED, CAUGHT_ERROR or RETRIABLE
 * result.nextState();       // the transition, e.g. "Ship"
 * result.inspectionData();  // afterInputPath, afterParameters, result, afterResultSelector, ...
 * }</pre>
 *
 * <p>As on AWS: a mocked result or error answers the Task call (without a mock the registered
 * {@link TaskHandler}s are called); for a Map or Parallel state it stands for the iterations or
 * branches, which do not run. A matching retrier with attempts left gives {@code RETRIABLE} (with
 * the back-off in {@code errorDetails}) instead of retrying; a matching catcher gives {@code
 * CAUGHT_ERROR} with the catcher's output and {@code Next}. Without a given context object the
 * state sees TestState's default one, whose {@code State.Name} is {@code "StateName"} and whose
 * {@code Execution.RoleArn} is the {@link Builder#roleArn role} (null when none is given). A mock's
 * {@code fieldValidationMode} checks a mocked Task result against the response of the integrations
 * whose responses asl4j knows (Lambda invoke, SQS, SNS, EventBridge, DynamoDB items, HTTP); other
 * results are accepted as they are.
 */
public final class TestState {
  private TestState() {}

  /** How much of the state's processing the result shows, as AWS's {@code inspectionLevel}. */
  public enum InspectionLevel {
    /** Status, output, error, cause and next state only. */
    INFO,
    /** Also {@link TestStateResult#inspectionData()}. */
    DEBUG,
    /**
     * As DEBUG, and the HTTP exchange of an {@code http:invoke} task ({@code request}, {@code
     * response}).
     */
    TRACE
  }

  /**
   * A test of a state or, with {@link Builder#stateName}, of one state of a machine, in ASL JSON.
   */
  public static Builder of(String definition) {
    return of(AslReader.parse(Objects.requireNonNull(definition, "definition == null")));
  }

  /**
   * A test of a definition given as JSON: one state (an object with {@code Type}) or a whole state
   * machine (with {@code States}; name the state with {@link Builder#stateName}).
   *
   * @throws io.asl4j.dsl.json.AslReadException when it is neither
   */
  public static Builder of(JsonNode definition) {
    Objects.requireNonNull(definition, "definition == null");
    if (definition.isObject() && definition.has("States")) {
      return of(AslReader.read(definition));
    }
    return of(AslReader.readState(definition));
  }

  /** A test of one state of {@code machine}; name it with {@link Builder#stateName}. */
  public static Builder of(StateMachine machine) {
    return new Builder(Objects.requireNonNull(machine, "machine == null"), null);
  }

  /** A test of a single state, as TestState's {@code definition} of one state. */
  public static Builder of(State state) {
    return new Builder(null, Objects.requireNonNull(state, "state == null"));
  }

  /**
   * A test described as AWS's TestState request: {@code definition} (a state or a machine, as an
   * object or as JSON text), {@code stateName}, {@code input}, {@code variables}, {@code context},
   * {@code inspectionLevel}, {@code roleArn}, {@code mock} ({@code result} JSON text, or {@code
   * errorOutput} with {@code error} and {@code cause}) and {@code stateConfiguration} ({@code
   * retrierRetryCount}, {@code mapIterationFailureCount}, {@code errorCausedByState}, {@code
   * mapItemReaderData}). {@code input}, {@code variables} and {@code context} may be JSON text too.
   *
   * @throws IllegalArgumentException when a field has the wrong shape
   */
  public static Builder fromRequest(JsonNode request) {
    if (request == null || !request.isObject()) {
      throw new IllegalArgumentException("a TestState request must be a JSON object");
    }
    JsonNode definition = request.get("definition");
    if (definition == null) {
      throw new IllegalArgumentException("the request has no definition");
    }
    Builder builder =
        of(definition.isTextual() ? AslReader.parse(definition.textValue()) : definition);
    if (request.hasNonNull("stateName")) {
      builder.stateName(request.get("stateName").asText());
    }
    if (request.has("input")) {
      builder.input(jsonOrText(request.get("input")));
    }
    if (request.hasNonNull("variables")) {
      JsonNode variables = jsonOrText(request.get("variables"));
      if (!variables.isObject()) {
        throw new IllegalArgumentException("variables must be a JSON object");
      }
      Map<String, JsonNode> map = new LinkedHashMap<>();
      variables.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue()));
      builder.variables(map);
    }
    if (request.hasNonNull("context")) {
      builder.context(jsonOrText(request.get("context")));
    }
    if (request.hasNonNull("inspectionLevel")) {
      String level = request.get("inspectionLevel").asText();
      try {
        builder.inspectionLevel(InspectionLevel.valueOf(level));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "inspectionLevel must be one of "
                + java.util.Arrays.toString(InspectionLevel.values())
                + ", not '"
                + level
                + "'");
      }
    }
    if (request.hasNonNull("revealSecrets")) {
      JsonNode reveal = request.get("revealSecrets");
      if (!reveal.isBoolean()) {
        throw new IllegalArgumentException("revealSecrets must be true or false, not " + reveal);
      }
      builder.revealSecrets(reveal.booleanValue());
    }
    if (request.hasNonNull("roleArn")) {
      builder.roleArn(request.get("roleArn").asText());
    }
    JsonNode mock = request.get("mock");
    if (mock != null && !mock.isNull()) {
      if (mock.hasNonNull("fieldValidationMode")) {
        String mode = mock.get("fieldValidationMode").asText();
        if (!List.of("STRICT", "PRESENT", "NONE").contains(mode)) {
          throw new IllegalArgumentException(
              "mock.fieldValidationMode must be one of [STRICT, PRESENT, NONE], not '"
                  + mode
                  + "'");
        }
        builder.fieldValidationMode(mode);
      }
      if (mock.has("result")) {
        JsonNode result = mock.get("result");
        builder.mockResult(result.isTextual() ? AslReader.parse(result.textValue()) : result);
      } else if (mock.has("errorOutput")) {
        JsonNode errorOutput = mock.get("errorOutput");
        builder.mockError(text(errorOutput.get("error")), text(errorOutput.get("cause")));
      } else {
        throw new IllegalArgumentException("mock needs a result or an errorOutput");
      }
    }
    JsonNode configuration = request.get("stateConfiguration");
    if (configuration != null && !configuration.isNull()) {
      builder.stateConfiguration(configuration);
    }
    return builder;
  }

  private static JsonNode jsonOrText(JsonNode value) {
    return value.isTextual() ? AslReader.parse(value.textValue()) : value;
  }

  private static String text(JsonNode value) {
    return value == null || value.isNull() ? null : value.asText();
  }

  /** Builds and runs one test. */
  public static final class Builder {
    /** The name the single state of a one-state definition runs under. */
    private static final String SINGLE_STATE_NAME = "StateName";

    private final StateMachine machine;
    private final State state;
    private String stateName;
    private JsonNode input;
    private final Map<String, JsonNode> variables = new LinkedHashMap<>();
    private ObjectNode context;
    private SingleStateRun.Mock mock;
    private InspectionLevel inspectionLevel = InspectionLevel.INFO;
    private boolean revealSecrets;
    private String fieldValidationMode = "STRICT";
    private Integer retrierRetryCount;
    private Integer mapIterationFailureCount;
    private String errorCausedByState;
    private JsonNode mapItemReaderData;
    private String roleArn;
    private final Map<String, TaskHandler> handlers = new LinkedHashMap<>();
    private final Map<String, TaskHandler> prefixHandlers = new LinkedHashMap<>();
    private Instant clock;
    private Long seed;
    private String region = "us-east-1";
    private String account = "123456789012";

    private Builder(StateMachine machine, State state) {
      this.machine = machine;
      this.state = state;
    }

    /** The state to run; required for a state machine, not allowed for a single state. */
    public Builder stateName(String name) {
      this.stateName = Objects.requireNonNull(name, "name == null");
      return this;
    }

    /** The state's input (default an empty object). */
    public Builder input(JsonNode value) {
      this.input = value;
      return this;
    }

    /** The state's input as JSON text. */
    public Builder input(String json) {
      return input(AslReader.parse(Objects.requireNonNull(json, "json == null")));
    }

    /** Workflow variables in scope when the state starts. */
    public Builder variables(Map<String, JsonNode> values) {
      variables.putAll(Objects.requireNonNull(values, "values == null"));
      return this;
    }

    /** One workflow variable in scope when the state starts. */
    public Builder variable(String name, JsonNode value) {
      variables.put(
          Objects.requireNonNull(name, "name == null"),
          Objects.requireNonNull(value, "value == null"));
      return this;
    }

    /** The whole context object ({@code $$}, {@code $states.context}) the state sees. */
    public Builder context(JsonNode value) {
      if (value == null || !value.isObject()) {
        throw new IllegalArgumentException("the context must be a JSON object");
      }
      this.context = (ObjectNode) value;
      return this;
    }

    /** A mocked result of the Task call, or of the Map's iterations or Parallel's branches. */
    public Builder mockResult(JsonNode result) {
      this.mock =
          new SingleStateRun.Mock(Objects.requireNonNull(result, "result == null"), null, null);
      return this;
    }

    /** A mocked result as JSON text, as TestState's {@code mock.result}. */
    public Builder mockResult(String json) {
      return mockResult(AslReader.parse(Objects.requireNonNull(json, "json == null")));
    }

    /** A mocked error of the Task call (or of the Map's iterations or Parallel's branches). */
    public Builder mockError(String error, String cause) {
      this.mock = new SingleStateRun.Mock(null, error, cause);
      return this;
    }

    /** How much the result shows; default {@link InspectionLevel#INFO}. */
    public Builder inspectionLevel(InspectionLevel level) {
      this.inspectionLevel = Objects.requireNonNull(level, "level == null");
      return this;
    }

    /**
     * Retries the matching retrier has already made ({@code stateConfiguration.retrierRetryCount}).
     */
    public Builder retrierRetryCount(int count) {
      this.retrierRetryCount = nonNegative(count, "retrierRetryCount");
      return this;
    }

    /** Failed iterations of a mocked Map ({@code stateConfiguration.mapIterationFailureCount}). */
    public Builder mapIterationFailureCount(int count) {
      this.mapIterationFailureCount = nonNegative(count, "mapIterationFailureCount");
      return this;
    }

    /** The Map processor state the mocked error comes from ({@code errorCausedByState}). */
    public Builder errorCausedByState(String name) {
      this.errorCausedByState = Objects.requireNonNull(name, "name == null");
      return this;
    }

    /**
     * {@code mock.fieldValidationMode}: how a mocked Task result is checked against the response of
     * the integration it stands for, where asl4j knows that response: {@code STRICT} (the default:
     * field names, their types, and the fields the API always returns), {@code PRESENT} (only the
     * fields the mock has) or {@code NONE}.
     */
    public Builder fieldValidationMode(String mode) {
      if (!List.of("STRICT", "PRESENT", "NONE").contains(mode)) {
        throw new IllegalArgumentException(
            "fieldValidationMode must be one of [STRICT, PRESENT, NONE], not '" + mode + "'");
      }
      this.fieldValidationMode = mode;
      return this;
    }

    /**
     * {@code revealSecrets}: whether TRACE inspection data shows what an HTTP task's EventBridge
     * connection adds to the request (its headers, query parameters and body fields). Off by
     * default, as on AWS.
     */
    public Builder revealSecrets(boolean reveal) {
      this.revealSecrets = reveal;
      return this;
    }

    /**
     * The items a Map's ItemReader reads ({@code stateConfiguration.mapItemReaderData}): an array,
     * or for a reader with {@code ItemsPointer} the JSON document the pointer picks them out of.
     */
    public Builder mapItemReaderData(JsonNode items) {
      if (items == null || !items.isContainerNode()) {
        throw new IllegalArgumentException(
            "mapItemReaderData must be a JSON array (or, for an ItemReader with ItemsPointer, the JSON object holding it)");
      }
      this.mapItemReaderData = items;
      return this;
    }

    /**
     * TestState's {@code stateConfiguration}, as a JSON object of any of {@code retrierRetryCount},
     * {@code mapIterationFailureCount} (whole numbers, 0 or more), {@code errorCausedByState} (a
     * state name) and {@code mapItemReaderData} (an array, or JSON text of one): the same as
     * calling the methods of those names.
     *
     * @throws IllegalArgumentException naming the field that is unknown or of the wrong type
     */
    public Builder stateConfiguration(JsonNode configuration) {
      if (configuration == null || !configuration.isObject()) {
        throw new IllegalArgumentException("stateConfiguration must be a JSON object");
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = configuration.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        JsonNode value = field.getValue();
        switch (field.getKey()) {
          case "retrierRetryCount" -> retrierRetryCount(wholeNumber(value, "retrierRetryCount"));
          case "mapIterationFailureCount" ->
              mapIterationFailureCount(wholeNumber(value, "mapIterationFailureCount"));
          case "errorCausedByState" -> {
            if (!value.isTextual()) {
              throw new IllegalArgumentException(
                  "stateConfiguration.errorCausedByState must be a state name (a string)");
            }
            errorCausedByState(value.textValue());
          }
          case "mapItemReaderData" -> mapItemReaderData(jsonOrText(value));
          default ->
              throw new IllegalArgumentException(
                  "stateConfiguration has no field '"
                      + field.getKey()
                      + "'; it has retrierRetryCount,"
                      + " mapIterationFailureCount, errorCausedByState and mapItemReaderData");
        }
      }
      return this;
    }

    private static int wholeNumber(JsonNode value, String field) {
      if (!value.canConvertToInt() || !value.isIntegralNumber()) {
        throw new IllegalArgumentException(
            "stateConfiguration." + field + " must be a whole number, not " + value);
      }
      return value.intValue();
    }

    /** The role ARN of the default context object ({@code $$.Execution.RoleArn}). */
    public Builder roleArn(String arn) {
      this.roleArn = arn;
      return this;
    }

    /**
     * A handler for Task calls when no mock is given (as {@link
     * LocalStateMachine.Builder#handler}).
     */
    public Builder handler(String resource, TaskHandler handler) {
      handlers.put(
          Objects.requireNonNull(resource, "resource == null"),
          Objects.requireNonNull(handler, "handler == null"));
      return this;
    }

    /** A handler for Task resources starting with {@code prefix} when no mock is given. */
    public Builder handlerForPrefix(String prefix, TaskHandler handler) {
      prefixHandlers.put(
          Objects.requireNonNull(prefix, "prefix == null"),
          Objects.requireNonNull(handler, "handler == null"));
      return this;
    }

    /** The (virtual) time the test runs at; default now. */
    public Builder clock(Instant start) {
      this.clock = Objects.requireNonNull(start, "start == null");
      return this;
    }

    /** Seeds the randomness ({@code States.UUID}, ...) for reproducible results. */
    public Builder seed(long value) {
      this.seed = value;
      return this;
    }

    /** The region used in ARNs; default {@code us-east-1}. */
    public Builder region(String value) {
      this.region = Objects.requireNonNull(value, "region == null");
      return this;
    }

    /** The account used in ARNs; default {@code 123456789012}. */
    public Builder account(String value) {
      this.account = Objects.requireNonNull(value, "account == null");
      return this;
    }

    /**
     * Validates the definition and runs the state.
     *
     * @throws io.asl4j.dsl.validate.AslValidationException when the definition is invalid
     * @throws IllegalArgumentException when the request does not fit the definition (an unknown
     *     state, a mock for a state that calls nothing, ...), or its input or mocked result is over
     *     256 KiB (AWS's {@code ValidationException}, in its words)
     */
    public TestStateResult run() {
      StateMachine target;
      String name;
      if (machine != null) {
        if (stateName == null) {
          throw new IllegalArgumentException(
              "stateName is required when the definition is a state machine");
        }
        Validator.validate(machine).throwIfInvalid();
        target = machine;
        name = stateName;
      } else {
        if (stateName != null) {
          throw new IllegalArgumentException(
              "stateName applies only to a state machine definition");
        }
        Validator.validateState(state).throwIfInvalid();
        target =
            new StateMachine(
                null, SINGLE_STATE_NAME, Map.of(SINGLE_STATE_NAME, state), null, null, null);
        name = SINGLE_STATE_NAME;
      }
      checkMockedResult(target, name);
      SingleStateRun.Outcome outcome =
          SingleStateRun.run(
              new SingleStateRun.Request(
                  target,
                  name,
                  input,
                  Map.copyOf(variables),
                  context,
                  mock,
                  retrierRetryCount,
                  mapIterationFailureCount,
                  errorCausedByState,
                  mapItemReaderData,
                  roleArn,
                  Map.copyOf(handlers),
                  Map.copyOf(prefixHandlers),
                  (clock != null ? clock : Instant.now()).toEpochMilli(),
                  seed,
                  region,
                  account));
      return new TestStateResult(
          TestStateResult.Status.valueOf(outcome.status()),
          outcome.output(),
          outcome.error(),
          outcome.cause(),
          outcome.nextState(),
          inspectionLevel == InspectionLevel.INFO ? null : inspection(outcome.inspection()));
    }

    /**
     * The inspection data at this level: an HTTP task's {@code request} and {@code response} only
     * at TRACE, the request with what the connection added only with {@code revealSecrets}.
     */
    private ObjectNode inspection(ObjectNode data) {
      JsonNode withSecrets = data.remove(SingleStateRun.REQUEST_WITH_SECRETS);
      if (inspectionLevel != InspectionLevel.TRACE) {
        data.remove("request");
        data.remove("response");
      } else if (revealSecrets && withSecrets != null) {
        data.set("request", withSecrets);
      }
      return data;
    }

    /**
     * A mocked Task result must look like the response it stands for, as fieldValidationMode says.
     */
    private void checkMockedResult(StateMachine target, String name) {
      if (mock == null || mock.result() == null) {
        return;
      }
      io.asl4j.dsl.model.State tested = SingleStateRun.stateOf(target, name);
      if (!(tested instanceof io.asl4j.dsl.model.TaskState task)) {
        return;
      }
      List<String> problems =
          io.asl4j.runtime.internal.engine.ResponseShapes.problems(
              task.resource(), mock.result(), fieldValidationMode);
      if (!problems.isEmpty()) {
        throw new IllegalArgumentException(
            "mock.result does not match the response of "
                + task.resource()
                + " (fieldValidationMode "
                + fieldValidationMode
                + "): "
                + String.join("; ", problems));
      }
    }

    private static int nonNegative(int value, String field) {
      if (value < 0) {
        throw new IllegalArgumentException(field + " cannot be negative");
      }
      return value;
    }
  }
}
