package io.asl4j.dsl.validate;

import static io.asl4j.dsl.json.AslReader.escape;

import com.fasterxml.jackson.databind.JsonNode;
import io.asl4j.dsl.expression.ExpressionException;
import io.asl4j.dsl.expression.IntrinsicArgument;
import io.asl4j.dsl.expression.IntrinsicCall;
import io.asl4j.dsl.expression.IntrinsicFunction;
import io.asl4j.dsl.expression.JsonataExpressions;
import io.asl4j.dsl.internal.JsonLimits;
import io.asl4j.dsl.model.Catcher;
import io.asl4j.dsl.model.ChoiceRule;
import io.asl4j.dsl.model.ChoiceState;
import io.asl4j.dsl.model.ComparisonOperator;
import io.asl4j.dsl.model.Condition;
import io.asl4j.dsl.model.ErrorHandling;
import io.asl4j.dsl.model.FailState;
import io.asl4j.dsl.model.Graph;
import io.asl4j.dsl.model.GraphWalker;
import io.asl4j.dsl.model.Io;
import io.asl4j.dsl.model.ItemBatcher;
import io.asl4j.dsl.model.ItemProcessor;
import io.asl4j.dsl.model.ItemReader;
import io.asl4j.dsl.model.MapState;
import io.asl4j.dsl.model.NestedGraph;
import io.asl4j.dsl.model.NullablePath;
import io.asl4j.dsl.model.ParallelState;
import io.asl4j.dsl.model.PredefinedError;
import io.asl4j.dsl.model.PassState;
import io.asl4j.dsl.model.ProcessorConfig;
import io.asl4j.dsl.model.QueryLanguage;
import io.asl4j.dsl.model.ResultWriter;
import io.asl4j.dsl.model.Retrier;
import io.asl4j.dsl.model.State;
import io.asl4j.dsl.model.StateMachine;
import io.asl4j.dsl.model.StateMachineType;
import io.asl4j.dsl.model.SucceedState;
import io.asl4j.dsl.model.TaskState;
import io.asl4j.dsl.model.Transitioning;
import io.asl4j.dsl.model.WaitState;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One validation of one definition: walks the model once, collecting every problem with its
 * pointer. Not thread-safe; {@link Validator} makes a new one per call.
 */
final class ValidationRun {
  static final int MAX_STATE_NAME_LENGTH = 80;
  static final int MAX_VARIABLE_NAME_LENGTH = 80;
  static final int MAX_LABEL_LENGTH = 40;

  /** The AWS service limit under which TimeoutSeconds, HeartbeatSeconds and Retry numbers stay. */
  static final BigDecimal LIMIT = BigDecimal.valueOf(99_999_999);

  private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  // Map Label: no whitespace, no characters that are special in ARNs, URLs or shells.
  private static final String LABEL_FORBIDDEN = " ?*<>{}[]:;,\\|^~$#%&`\"";

  private static final List<String> READER_INPUT_TYPES =
      List.of("CSV", "JSON", "JSONL", "MANIFEST", "PARQUET");
  private static final List<String> CSV_HEADER_LOCATIONS = List.of("FIRST_ROW", "GIVEN");
  private static final List<String> CSV_DELIMITERS =
      List.of("COMMA", "PIPE", "SEMICOLON", "SPACE", "TAB");
  private static final List<String> WRITER_OUTPUT_TYPES = List.of("JSON", "JSONL");
  private static final List<String> WRITER_TRANSFORMATIONS = List.of("NONE", "COMPACT", "FLATTEN");

  private static final Range POSITIVE_BELOW_LIMIT = Range.integer(BigDecimal.ONE, LIMIT);
  private static final Range NON_NEGATIVE = Range.integer(BigDecimal.ZERO, null);
  private static final Range POSITIVE = Range.integer(BigDecimal.ONE, null);
  private static final Range PERCENTAGE =
      new Range(false, BigDecimal.ZERO, BigDecimal.valueOf(100), true);
  private static final Range MAX_ITEMS =
      new Range(true, BigDecimal.ZERO, BigDecimal.valueOf(100_000_000), true);
  private static final Range BATCH_BYTES =
      new Range(true, BigDecimal.ONE, BigDecimal.valueOf(262_144), true);

  /** Which fields of {@code $states} beyond input and context an expression may read. */
  private enum StatesFields {
    BASIC,
    /** {@code $states.result}: Output and Assign of Task, Parallel and Map. */
    RESULT,
    /** {@code $states.errorOutput}: Output and Assign of a Catcher. */
    ERROR_OUTPUT
  }

  private final ValidationOptions options;
  private final ExpressionSyntax syntax;
  private final List<Problem> problems = new ArrayList<>();

  /** Every state name of the machine, with the pointer of its first use. */
  private final Map<String, String> namePointers = new HashMap<>();

  /** The machine's QueryLanguage, or null when validating a lone state. */
  private QueryLanguage machineLanguage;

  /** Whether a lone state is validated, as the TestState API takes it. */
  private boolean loneState;

  /** The literal {@code Error} of each Fail state, with the Fail state's pointer. */
  private final Map<String, String> failErrors = new HashMap<>();

  /** What the reader could not read (see {@link io.asl4j.dsl.json.AslReader.Reading#unread()}). */
  private Set<String> unread = Set.of();

  /** The document the model was read from, for the states the reader left out. */
  private JsonNode document;

  /** The pointer of each graph's map of states, to find the states the reader left out of it. */
  private final Map<Map<String, State>, String> scopePointers = new java.util.IdentityHashMap<>();

  ValidationRun(ValidationOptions options, ExpressionSyntax syntax) {
    this.options = options;
    this.syntax = syntax;
  }

  /**
   * Validates what a reader could read of {@code document}: what it left out or left empty is not
   * reported again, and states it left out still count as targets, with the transitions the
   * document gives them.
   */
  ValidationRun partial(Set<String> unread, JsonNode document) {
    this.unread = unread;
    this.document = document;
    return this;
  }

  private boolean isUnread(String pointer) {
    return unread.contains(pointer);
  }

  private boolean unreadUnder(String prefix) {
    for (String pointer : unread) {
      if (pointer.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  // ---- entry points ------------------------------------------------------------------------------

  List<Problem> machine(StateMachine machine) {
    machineLanguage = machine.defaultQueryLanguage();
    names(machine, "");
    GraphWalker.walk(machine, "", this::failError);
    if (machine.timeoutSeconds() != null) {
      range(
          BigDecimal.valueOf(machine.timeoutSeconds()),
          "/TimeoutSeconds",
          "TimeoutSeconds",
          POSITIVE_BELOW_LIMIT);
    }
    graph(machine, "", options.type() == StateMachineType.EXPRESS);
    return problems;
  }

  /** A lone state, as the TestState API takes it: it has no scope, so its own transitions are not checked. */
  List<Problem> state(State state) {
    machineLanguage = null;
    loneState = true;
    GraphWalker.walkNested(state, "", this::name);
    failError(null, state, "");
    GraphWalker.walkNested(state, "", this::failError);
    state(state, "", options.type() == StateMachineType.EXPRESS, null);
    return problems;
  }

  // ---- names -------------------------------------------------------------------------------------

  private void names(Graph graph, String at) {
    GraphWalker.walk(graph, at, this::name);
  }

  private void name(String name, State state, String pointer) {
    int length = name.codePointCount(0, name.length());
    if (length == 0) {
      error("EmptyStateName", pointer, "a state name must have 1 to 80 characters, but is empty");
    } else if (length > MAX_STATE_NAME_LENGTH) {
      error(
          "StateNameTooLong",
          pointer,
          "a state name must have 1 to 80 characters, but this one has " + length);
    }
    String first = namePointers.putIfAbsent(name, pointer);
    if (first != null) {
      error("DuplicateStateName", pointer, "name '" + name + "' is also used at " + first);
    }
  }

  private void failError(String name, State state, String at) {
    if (state instanceof FailState fail && fail.error() != null && !syntax.isJsonata(fail.error())) {
      failErrors.putIfAbsent(fail.error(), at);
    }
  }

  /** Whether the graph nested in a state runs in Express executions. */
  private static boolean express(NestedGraph nested, boolean express) {
    return express || (nested.graph() instanceof ItemProcessor processor && expressChildren(processor));
  }

  /** Whether a distributed Map runs its items as Express child executions. */
  private static boolean expressChildren(ItemProcessor processor) {
    ProcessorConfig config = processor.processorConfig();
    return config != null
        && config.mode() == ProcessorConfig.Mode.DISTRIBUTED
        && config.executionType() == ProcessorConfig.ExecutionType.EXPRESS;
  }

  // ---- graphs: StartAt, transitions, reachability ------------------------------------------------

  private void graph(Graph graph, String at, boolean express) {
    Map<String, State> states = graph.states();
    scopePointers.put(states, at);
    boolean statesUnread = isUnread(at + "/States");
    if (graph.startAt() == null) {
      missingField(at, "StartAt");
    } else if (!statesUnread) {
      target(graph.startAt(), states, at + "/StartAt", "StartAt");
    }
    for (Map.Entry<String, State> entry : states.entrySet()) {
      state(entry.getValue(), at + "/States/" + escape(entry.getKey()), express, states);
    }
    if (!statesUnread) {
      reachability(graph, at);
    }
  }

  private static final Pattern TRANSITION_FIELD =
      Pattern.compile("[^/]+/(?:Next|End|Default|Choices|Catch)(?:/.*)?");

  /** Whether the reader could not read a transition of a state under {@code statesPrefix}. */
  private boolean transitionsUnread(String statesPrefix) {
    for (String pointer : unread) {
      if (pointer.startsWith(statesPrefix)
          && TRANSITION_FIELD.matcher(pointer.substring(statesPrefix.length())).matches()) {
        return true;
      }
    }
    return false;
  }

  /** A state of the scope that the reader left out, as the document has it; null if none. */
  private JsonNode unreadState(String name, String graphAt) {
    if (document == null || graphAt == null) {
      return null;
    }
    String pointer = graphAt + "/States/" + escape(name);
    return isUnread(pointer) ? document.at(pointer) : null;
  }

  /** The transitions a state the reader left out gives in the document. */
  private static List<String> rawSuccessors(JsonNode state) {
    List<String> next = new ArrayList<>();
    if (state.path("Next").isTextual()) {
      next.add(state.path("Next").asText());
    }
    if (state.path("Default").isTextual()) {
      next.add(state.path("Default").asText());
    }
    for (String list : List.of("Choices", "Catch")) {
      for (JsonNode element : state.path(list)) {
        if (element.path("Next").isTextual()) {
          next.add(element.path("Next").asText());
        }
      }
    }
    return next;
  }

  /** Checks that {@code name} is a state of {@code scope}; a lone state has no scope (null). */
  private void target(String name, Map<String, State> scope, String at, String field) {
    if (scope == null || scope.containsKey(name) || unreadState(name, scopePointers.get(scope)) != null) {
      return;
    }
    String elsewhere = namePointers.get(name);
    if (elsewhere != null) {
      error(
          "CrossScopeTransition",
          at,
          "'"
              + field
              + "' names '"
              + name
              + "', which is at "
              + elsewhere
              + "; a transition cannot enter or leave a Parallel branch or a Map processor");
    } else {
      error(
          "UnknownState",
          at,
          "'" + field + "' names '" + name + "', which is not a state of this scope");
    }
  }

  private void reachability(Graph graph, String at) {
    Map<String, State> states = graph.states();
    String start = graph.startAt();
    if (start == null) {
      return; // the missing StartAt is reported; every state would otherwise look unnamed
    }
    // AWS rejects a state no transition names (MISSING_TRANSITION_TARGET: State "X" is not
    // reachable), even when StartAt names no state.
    Set<String> named = new LinkedHashSet<>();
    named.add(start);
    for (State state : states.values()) {
      named.addAll(state.successors());
    }
    // States the reader left out still name their successors, and may well end the graph.
    Map<String, JsonNode> leftOut = new HashMap<>();
    String statesPrefix = at + "/States/";
    if (document != null) {
      for (String pointer : unread) {
        if (pointer.startsWith(statesPrefix) && pointer.indexOf('/', statesPrefix.length()) < 0) {
          JsonNode raw = document.at(pointer);
          String name = unescape(pointer.substring(statesPrefix.length()));
          leftOut.put(name, raw);
          named.addAll(raw.isObject() ? rawSuccessors(raw) : List.of());
        }
      }
    }
    // A transition the reader could not read names some state, and may be the way out.
    boolean transitionsUnread = transitionsUnread(statesPrefix);
    for (String name : states.keySet()) {
      if (!named.contains(name) && !transitionsUnread) {
        error(
            "UnreachableState",
            at + "/States/" + escape(name),
            "State \""
                + name
                + "\" is not reachable: no StartAt, Next, Default or Catch 'Next' of this scope"
                + " names it");
      }
    }
    if (!states.containsKey(start) && !leftOut.containsKey(start)) {
      return; // already reported; reachability from nowhere would only repeat it
    }
    Set<String> reached = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>();
    todo.add(start);
    boolean reachesLeftOut = false;
    while (!todo.isEmpty()) {
      String name = todo.poll();
      if (!reached.add(name)) {
        continue;
      }
      JsonNode raw = leftOut.get(name);
      if (raw != null) {
        reachesLeftOut = true;
      }
      List<String> successors =
          raw != null ? (raw.isObject() ? rawSuccessors(raw) : List.of()) : states.get(name).successors();
      for (String next : successors) {
        if ((states.containsKey(next) || leftOut.containsKey(next)) && !reached.contains(next)) {
          todo.add(next);
        }
      }
    }
    for (String name : states.keySet()) {
      // Named, but only by states that are themselves out of reach (a loop of its own, say):
      // AWS's check counts names, so this is only likely a mistake.
      if (!reached.contains(name) && named.contains(name) && leftOut.isEmpty() && !transitionsUnread) {
        problems.add(
            Problem.warning(
                "NotReachableFromStart",
                at + "/States/" + escape(name),
                "StartAt '"
                    + start
                    + "' never leads to this state; only states that are themselves out of reach"
                    + " name it"));
      }
    }
    // A state the reader left out may be the terminal one: say nothing rather than guess.
    if (!reachesLeftOut
        && !transitionsUnread
        && reached.stream().map(states::get).noneMatch(State::isTerminal)) {
      error(
          "NoTerminalState",
          at + "/States",
          "no state reachable from StartAt '"
              + start
              + "' is a Succeed or Fail state or has \"End\": true");
    }
  }

  // ---- one state ---------------------------------------------------------------------------------

  private void state(State state, String at, boolean express, Map<String, State> scope) {
    QueryLanguage machineDefault = machineLanguage == null ? QueryLanguage.JSONPATH : machineLanguage;
    boolean jsonata = state.effectiveQueryLanguage(machineDefault) == QueryLanguage.JSONATA;
    if (machineLanguage == QueryLanguage.JSONATA && state.queryLanguage() == QueryLanguage.JSONPATH) {
      error(
          "QueryLanguageDowngrade",
          at + "/QueryLanguage",
          "a state cannot use JSONPath in a state machine whose QueryLanguage is JSONata;"
              + " only JSONPath machines may mix in JSONata states");
    }
    if (state instanceof Transitioning transitioning) {
      nextOrEnd(transitioning, at, scope);
    }
    if (isUnread(at + "/QueryLanguage") || isUnread("/QueryLanguage")) {
      // Which fields the state may have depends on its query language, which could not be read.
      for (NestedGraph nested : state.nestedGraphsAt(at)) {
        graph(nested.graph(), nested.pointer(), express(nested, express));
      }
      return;
    }
    io(state, at, jsonata);
    if (state instanceof PassState pass) {
      if (pass.result() != null && jsonata) {
        notInJsonata(at, "Result");
      } else if (pass.result() != null) {
        passResult(pass.result(), at + "/Result");
      }
    } else if (state instanceof TaskState task) {
      task(task, at, jsonata, express);
    } else if (state instanceof ChoiceState choice) {
      choice(choice, at, jsonata, scope);
    } else if (state instanceof WaitState wait) {
      waitState(wait, at, jsonata);
    } else if (state instanceof FailState fail) {
      fail(fail, at, jsonata);
    } else if (state instanceof ParallelState parallel) {
      parallel(parallel, at);
    } else if (state instanceof MapState map) {
      map(map, at, jsonata);
    }
    if (state instanceof ErrorHandling handling) {
      retry(handling, at);
      catchers(handling, at, jsonata, scope);
    }
    for (NestedGraph nested : state.nestedGraphsAt(at)) {
      graph(nested.graph(), nested.pointer(), express(nested, express));
    }
  }

  private void nextOrEnd(Transitioning state, String at, Map<String, State> scope) {
    Boolean end = state.end();
    if (Boolean.FALSE.equals(end)) {
      error("NextOrEnd", at + "/End", "'End' may only be true; to continue, use 'Next' instead");
    } else if (Boolean.TRUE.equals(end) && state.next() != null) {
      error("NextOrEnd", at + "/End", "'Next' and 'End' cannot both be set");
    } else if (end == null && state.next() == null && !isUnread(at + "/Next") && !isUnread(at + "/End")) {
      error(
          "NextOrEnd",
          at,
          "a " + state.type().aslName() + " state needs 'Next' or \"End\": true");
    }
    if (state.next() != null) {
      target(state.next(), scope, at + "/Next", "Next");
    }
  }

  private void io(State state, String at, boolean jsonata) {
    Io io = state.io();
    boolean hasResult = state instanceof ErrorHandling;
    if (jsonata) {
      if (io.inputPath() != null) {
        notInJsonata(at, "InputPath");
      }
      if (io.parameters() != null) {
        notInJsonata(at, "Parameters");
      }
      if (io.resultSelector() != null) {
        notInJsonata(at, "ResultSelector");
      }
      if (io.resultPath() != null) {
        notInJsonata(at, "ResultPath");
      }
      if (io.outputPath() != null) {
        notInJsonata(at, "OutputPath");
      }
      if (io.arguments() != null) {
        jsonataValue(io.arguments(), at + "/Arguments", StatesFields.BASIC);
      }
      if (io.output() != null) {
        jsonataValue(
            io.output(), at + "/Output", hasResult ? StatesFields.RESULT : StatesFields.BASIC);
      }
    } else {
      if (io.arguments() != null) {
        notInJsonPath(at, "Arguments");
      }
      if (io.output() != null) {
        notInJsonPath(at, "Output");
      }
      path(io.inputPath(), at + "/InputPath", "InputPath");
      path(io.outputPath(), at + "/OutputPath", "OutputPath");
      resultPath(io.resultPath(), at + "/ResultPath");
      if (io.parameters() != null) {
        template(io.parameters(), at + "/Parameters");
      }
      if (io.resultSelector() != null) {
        template(io.resultSelector(), at + "/ResultSelector");
      }
    }
    if (io.assign() != null) {
      assign(io.assign(), at + "/Assign", jsonata, hasResult ? StatesFields.RESULT : StatesFields.BASIC);
    }
  }

  // ---- Task --------------------------------------------------------------------------------------

  private void task(TaskState task, String at, boolean jsonata, boolean express) {
    if (task.resource() == null) {
      missingField(at, "Resource");
    } else {
      resource(task.resource(), at + "/Resource", express);
    }
    if (task.timeoutSeconds() != null) {
      number(task.timeoutSeconds(), at + "/TimeoutSeconds", "TimeoutSeconds", jsonata, POSITIVE_BELOW_LIMIT);
    }
    numberPath(task.timeoutSecondsPath(), at, "TimeoutSecondsPath", jsonata);
    oneOf(task.timeoutSeconds(), task.timeoutSecondsPath(), at, "TimeoutSeconds", "TimeoutSecondsPath");
    if (task.heartbeatSeconds() != null) {
      number(
          task.heartbeatSeconds(), at + "/HeartbeatSeconds", "HeartbeatSeconds", jsonata, POSITIVE_BELOW_LIMIT);
    }
    numberPath(task.heartbeatSecondsPath(), at, "HeartbeatSecondsPath", jsonata);
    oneOf(
        task.heartbeatSeconds(), task.heartbeatSecondsPath(), at, "HeartbeatSeconds", "HeartbeatSecondsPath");
    BigDecimal timeout = decimal(task.timeoutSeconds());
    BigDecimal heartbeat = decimal(task.heartbeatSeconds());
    if (timeout != null
        && heartbeat != null
        && POSITIVE_BELOW_LIMIT.contains(timeout)
        && POSITIVE_BELOW_LIMIT.contains(heartbeat)
        && heartbeat.compareTo(timeout) >= 0) {
      error(
          "HeartbeatNotBelowTimeout",
          at + "/HeartbeatSeconds",
          "'HeartbeatSeconds' ("
              + task.heartbeatSeconds()
              + ") must be below 'TimeoutSeconds' ("
              + task.timeoutSeconds()
              + ")");
    }
    if (task.credentials() != null) {
      credentials(task.credentials(), at + "/Credentials", jsonata);
    }
    if (task.resource() != null
        && Resources.task(task.resource()).pattern() == io.asl4j.dsl.model.ResourceArn.IntegrationPattern.WAIT_FOR_TASK_TOKEN) {
      JsonNode payload = jsonata ? task.io().arguments() : task.io().parameters();
      if (payload == null || !passesTaskToken(payload, jsonata)) {
        problems.add(
            Problem.warning(
                "TaskTokenNotPassed",
                payload == null ? at : at + (jsonata ? "/Arguments" : "/Parameters"),
                "a .waitForTaskToken task waits until someone calls SendTaskSuccess or"
                    + " SendTaskFailure with its token, but "
                    + (jsonata
                        ? "its Arguments never pass $states.context.Task.Token"
                        : "its Parameters never pass $$.Task.Token")
                    + "; the execution would wait until it times out"));
      }
    }
  }

  /** Whether a payload hands the task token on, in a path, an intrinsic call or an expression. */
  private static boolean passesTaskToken(JsonNode payload, boolean jsonata) {
    if (payload.isTextual()) {
      String text = payload.asText();
      return jsonata ? text.contains("$states.context.Task.Token") : false;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = payload.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      JsonNode value = entry.getValue();
      if (!jsonata && entry.getKey().endsWith(".$") && value.isTextual()
          && value.asText().contains("$$.Task.Token")) {
        return true;
      }
      if (passesTaskToken(value, jsonata)) {
        return true;
      }
    }
    for (JsonNode element : payload.isArray() ? payload : List.<JsonNode>of()) {
      if (passesTaskToken(element, jsonata)) {
        return true;
      }
    }
    return false;
  }

  private void resource(String resource, String at, boolean express) {
    // A lone state is what the TestState API takes; it accepts any region and account words.
    Resources.Resource kind = Resources.task(resource, loneState);
    if (kind.kind() == Resources.Kind.UNKNOWN) {
      unknownResource(resource, at);
    }
    if (!express) {
      return;
    }
    if (kind.kind() == Resources.Kind.ACTIVITY) {
      error("ExpressUnsupported", at, "Express state machine does not support Activity ARN");
    } else if (kind.pattern() == io.asl4j.dsl.model.ResourceArn.IntegrationPattern.SYNC
        || kind.pattern() == io.asl4j.dsl.model.ResourceArn.IntegrationPattern.SYNC2) {
      error(
          "ExpressUnsupported", at, "Express state machine does not support '.sync' service integration");
    } else if (kind.pattern() == io.asl4j.dsl.model.ResourceArn.IntegrationPattern.WAIT_FOR_TASK_TOKEN) {
      error(
          "ExpressUnsupported",
          at,
          "Express state machine does not support '.waitForTaskToken' service integration");
    }
  }

  private void unknownResource(String resource, String at) {
    String hint = Resources.hint(resource);
    error(
        "UnknownResource",
        at,
        "The resource provided "
            + resource
            + " is not recognized. The value is not a valid resource ARN, or the resource is not"
            + " available in this region."
            + (hint == null ? "" : " Here " + hint + "."));
  }

  private void credentials(JsonNode credentials, String at, boolean jsonata) {
    boolean hasRole = credentials.has("RoleArn") || (!jsonata && credentials.has("RoleArn.$"));
    if (!hasRole) {
      missingField(at, "RoleArn");
    }
    if (jsonata) {
      jsonataValue(credentials, at, StatesFields.BASIC);
    } else {
      template(credentials, at);
    }
  }

  // ---- Choice ------------------------------------------------------------------------------------

  private void choice(ChoiceState choice, String at, boolean jsonata, Map<String, State> scope) {
    List<ChoiceRule> rules = choice.choices();
    if ((rules == null || rules.isEmpty()) && !unreadUnder(at + "/Choices")) {
      error(
          "EmptyChoices",
          rules == null ? at : at + "/Choices",
          "a Choice state needs at least one rule in 'Choices'");
    } else {
      for (int i = 0; i < rules.size(); i++) {
        rule(rules.get(i), at + "/Choices/" + i, jsonata, scope);
      }
    }
    if (choice.defaultState() != null) {
      target(choice.defaultState(), scope, at + "/Default", "Default");
    }
  }

  private void rule(ChoiceRule rule, String at, boolean jsonata, Map<String, State> scope) {
    if (rule.next() == null) {
      missingField(at, "Next");
    } else {
      target(rule.next(), scope, at + "/Next", "Next");
    }
    if (rule.condition() != null) {
      condition(rule.condition(), at, jsonata);
    }
    if (rule.output() != null) {
      if (jsonata) {
        jsonataValue(rule.output(), at + "/Output", StatesFields.BASIC);
      } else {
        notInJsonPath(at, "Output");
      }
    }
    if (rule.assign() != null) {
      assign(rule.assign(), at + "/Assign", jsonata, StatesFields.BASIC);
    }
  }

  private void condition(Condition condition, String at, boolean jsonata) {
    if (condition instanceof Condition.Jsonata expression) {
      if (!jsonata) {
        notInJsonPath(at, "Condition");
        return;
      }
      JsonNode value = expression.condition();
      if (value != null && value.isTextual()) {
        if (syntax.isJsonata(value.asText())) {
          jsonataString(value.asText(), at + "/Condition", StatesFields.BASIC);
        } else {
          error(
              "WrongType",
              at + "/Condition",
              "expected a JSONata expression {% ... %} or a boolean, but found " + describe(value));
        }
      }
      return;
    }
    if (jsonata) {
      String field =
          condition instanceof Condition.Comparison comparison
              ? (comparison.variable() != null ? "Variable" : comparison.operator().aslName())
              : condition instanceof Condition.And ? "And" : condition instanceof Condition.Or ? "Or" : "Not";
      error(
          "FieldNotAllowedInJsonata",
          at + "/" + field,
          "'" + field + "' is a JSONPath field and cannot be used in a JSONata state; use 'Condition'");
      return;
    }
    if (condition instanceof Condition.Comparison comparison) {
      if (comparison.variable() == null) {
        missingField(at, "Variable");
      } else {
        path(NullablePath.of(comparison.variable()), at + "/Variable", "Variable");
      }
      operand(comparison, at);
    } else if (condition instanceof Condition.And and) {
      conditions(and.conditions(), at, "And");
    } else if (condition instanceof Condition.Or or) {
      conditions(or.conditions(), at, "Or");
    } else if (condition instanceof Condition.Not not) {
      if (not.condition() != null) {
        condition(not.condition(), at + "/Not", false);
      }
    }
  }

  private void conditions(List<Condition> conditions, String at, String operator) {
    if (conditions.isEmpty()) {
      error("EmptyCondition", at + "/" + operator, "'" + operator + "' needs at least one rule");
    }
    for (int i = 0; i < conditions.size(); i++) {
      condition(conditions.get(i), at + "/" + operator + "/" + i, false);
    }
  }

  private void operand(Condition.Comparison comparison, String at) {
    ComparisonOperator operator = comparison.operator();
    JsonNode value = comparison.operand();
    String name = operator.aslName();
    String operandAt = at + "/" + name;
    if (value == null) {
      return;
    }
    if (operator.isPath()) {
      if (!value.isTextual()) {
        operandType(operandAt, name, "a reference path string", value);
      } else {
        referencePath(value.asText(), operandAt, name);
      }
      return;
    }
    switch (operator.kind()) {
      case STRING:
      case STRING_PATTERN:
        if (!value.isTextual()) {
          operandType(operandAt, name, "a string", value);
        } else if (operator.kind() == ComparisonOperator.Kind.STRING && looksDynamic(value.asText())) {
          noPath(operandAt, name, value.asText());
        }
        break;
      case NUMERIC:
        if (!value.isNumber()) {
          operandType(operandAt, name, "a number", value);
        }
        break;
      case BOOLEAN:
      case TYPE_TEST:
        if (!value.isBoolean()) {
          operandType(operandAt, name, "a boolean", value);
        }
        break;
      case TIMESTAMP:
        if (!value.isTextual()) {
          operandType(operandAt, name, "an RFC3339 timestamp string", value);
        } else if (!Timestamps.isRfc3339(value.asText())) {
          error("OperandType", operandAt, Timestamps.NOT_RFC3339);
        }
        break;
      default:
        throw new AssertionError(operator.kind());
    }
  }

  private void operandType(String at, String operator, String expected, JsonNode found) {
    error("OperandType", at, "'" + operator + "' expects " + expected + ", but found " + describe(found));
  }

  // ---- Wait, Fail, Parallel ----------------------------------------------------------------------

  private void waitState(WaitState wait, String at, boolean jsonata) {
    List<String> present = new ArrayList<>();
    if (wait.seconds() != null) {
      present.add("'Seconds'");
    }
    if (wait.secondsPath() != null) {
      present.add("'SecondsPath'");
    }
    if (wait.timestamp() != null) {
      present.add("'Timestamp'");
    }
    if (wait.timestampPath() != null) {
      present.add("'TimestampPath'");
    }
    boolean unreadTime =
        isUnread(at + "/Seconds") || isUnread(at + "/SecondsPath") || isUnread(at + "/Timestamp")
            || isUnread(at + "/TimestampPath");
    if (present.size() != 1 && !(present.isEmpty() && unreadTime)) {
      error(
          "WaitTime",
          at,
          "a Wait state needs exactly one of 'Seconds', 'SecondsPath', 'Timestamp' and 'TimestampPath'"
              + (present.isEmpty() ? "" : ", but has " + String.join(" and ", present)));
    }
    if (wait.seconds() != null) {
      number(wait.seconds(), at + "/Seconds", "Seconds", jsonata, NON_NEGATIVE);
    }
    numberPath(wait.secondsPath(), at, "SecondsPath", jsonata);
    JsonNode timestamp = wait.timestamp();
    if (timestamp != null && timestamp.isTextual()) {
      // In a JSONPath state "{% ... %}" is no expression, just a string that is no timestamp.
      if (jsonata && syntax.isJsonata(timestamp.asText())) {
        jsonataString(timestamp.asText(), at + "/Timestamp", StatesFields.BASIC);
      } else if (!Timestamps.isRfc3339(timestamp.asText())) {
        error("InvalidTimestamp", at + "/Timestamp", Timestamps.NOT_RFC3339);
      }
    }
    numberPath(wait.timestampPath(), at, "TimestampPath", jsonata);
  }

  private void fail(FailState fail, String at, boolean jsonata) {
    oneOf(fail.error(), fail.errorPath(), at, "Error", "ErrorPath");
    oneOf(fail.cause(), fail.causePath(), at, "Cause", "CausePath");
    if (jsonata) {
      if (fail.errorPath() != null) {
        notInJsonata(at, "ErrorPath");
      }
      if (fail.causePath() != null) {
        notInJsonata(at, "CausePath");
      }
      if (fail.error() != null) {
        jsonataString(fail.error(), at + "/Error", StatesFields.BASIC);
      }
      if (fail.cause() != null) {
        jsonataString(fail.cause(), at + "/Cause", StatesFields.BASIC);
      }
    } else {
      pathOrIntrinsic(fail.errorPath(), at + "/ErrorPath", "ErrorPath");
      pathOrIntrinsic(fail.causePath(), at + "/CausePath", "CausePath");
      if (fail.error() != null && looksDynamic(fail.error())) {
        noPath(at + "/Error", "Error", fail.error());
      }
      if (fail.cause() != null && looksDynamic(fail.cause())) {
        noPath(at + "/Cause", "Cause", fail.cause());
      }
    }
  }

  private void parallel(ParallelState parallel, String at) {
    if (parallel.branches() == null) {
      missingField(at, "Branches");
    } else if (parallel.branches().isEmpty()) {
      error("EmptyBranches", at + "/Branches", "a Parallel state needs at least one branch");
    }
  }

  // ---- Map ---------------------------------------------------------------------------------------

  private void map(MapState map, String at, boolean jsonata) {
    oneOf(map.iterator(), map.itemProcessor(), at, "Iterator", "ItemProcessor");
    if (map.processor() == null) {
      missingField(at, "ItemProcessor");
    }
    checkProcessorConfig(map.iterator(), at + "/Iterator");
    checkProcessorConfig(map.itemProcessor(), at + "/ItemProcessor");
    oneOf(map.itemSelector(), map.io().parameters(), at, "ItemSelector", "Parameters");
    if (map.itemsPath() != null) {
      if (jsonata) {
        notInJsonata(at, "ItemsPath");
      } else {
        referencePath(map.itemsPath(), at + "/ItemsPath", "ItemsPath");
      }
    }
    if (map.items() != null) {
      if (!jsonata) {
        notInJsonPath(at, "Items");
      } else if (map.items().isTextual() && !syntax.isJsonata(map.items().asText())) {
        error(
            "WrongType",
            at + "/Items",
            "expected an array or a JSONata expression {% ... %}, but found " + describe(map.items()));
      } else {
        jsonataValue(map.items(), at + "/Items", StatesFields.BASIC);
      }
    }
    if (map.itemSelector() != null) {
      if (jsonata) {
        jsonataValue(map.itemSelector(), at + "/ItemSelector", StatesFields.BASIC);
      } else {
        template(map.itemSelector(), at + "/ItemSelector");
      }
    }
    if (map.label() != null) {
      label(map.label(), at + "/Label");
    }
    dynamicNumber(
        map.maxConcurrency(), map.maxConcurrencyPath(), at, "MaxConcurrency", jsonata, NON_NEGATIVE);
    dynamicNumber(
        map.toleratedFailurePercentage(),
        map.toleratedFailurePercentagePath(),
        at,
        "ToleratedFailurePercentage",
        jsonata,
        PERCENTAGE);
    dynamicNumber(
        map.toleratedFailureCount(),
        map.toleratedFailureCountPath(),
        at,
        "ToleratedFailureCount",
        jsonata,
        NON_NEGATIVE);
    if (map.itemReader() != null) {
      itemReader(map.itemReader(), at + "/ItemReader", jsonata);
    }
    if (map.itemBatcher() != null) {
      itemBatcher(map.itemBatcher(), at + "/ItemBatcher", jsonata);
    }
    if (map.resultWriter() != null) {
      resultWriter(map.resultWriter(), at + "/ResultWriter", jsonata);
    }
  }

  private void checkProcessorConfig(ItemProcessor processor, String at) {
    if (processor == null || processor.processorConfig() == null) {
      return;
    }
    ProcessorConfig config = processor.processorConfig();
    if (config.mode() == ProcessorConfig.Mode.DISTRIBUTED && config.executionType() == null) {
      missingField(at + "/ProcessorConfig", "ExecutionType");
    }
  }

  private void label(String label, String at) {
    if (label.isEmpty()) {
      error("InvalidLabel", at, "Label cannot be empty");
      return;
    }
    if (label.codePointCount(0, label.length()) > MAX_LABEL_LENGTH) {
      error("InvalidLabel", at, "Label cannot exceed 40 characters");
    }
    for (int i = 0; i < label.length(); i++) {
      char c = label.charAt(i);
      if (LABEL_FORBIDDEN.indexOf(c) >= 0 || Character.isWhitespace(c) || Character.isISOControl(c)) {
        error("InvalidLabel", at, "Label contains invalid character: '" + printable(c) + "'");
        return;
      }
    }
  }

  private static String printable(char c) {
    switch (c) {
      case '\n':
        return "\\n";
      case '\r':
        return "\\r";
      case '\t':
        return "\\t";
      default:
        return Character.isISOControl(c) ? String.format(Locale.ROOT, "\\x%02x", (int) c) : String.valueOf(c);
    }
  }

  private void itemReader(ItemReader reader, String at, boolean jsonata) {
    if (reader.resource() == null) {
      missingField(at, "Resource");
    } else if (!Resources.isItemReader(reader.resource())) {
      unknownResource(reader.resource(), at + "/Resource");
    }
    payloads(reader.parameters(), reader.arguments(), at, jsonata);
    ItemReader.ReaderConfig config = reader.readerConfig();
    if (config == null) {
      return;
    }
    String configAt = at + "/ReaderConfig";
    oneOfValues(config.inputType(), configAt, "InputType", READER_INPUT_TYPES);
    oneOfValues(config.csvHeaderLocation(), configAt, "CSVHeaderLocation", CSV_HEADER_LOCATIONS);
    oneOfValues(config.csvDelimiter(), configAt, "CSVDelimiter", CSV_DELIMITERS);
    if ("GIVEN".equals(config.csvHeaderLocation()) && config.csvHeaders() == null) {
      missingField(configAt, "CSVHeaders");
    }
    dynamicNumber(config.maxItems(), config.maxItemsPath(), configAt, "MaxItems", jsonata, MAX_ITEMS);
    if (config.itemsPointer() != null) {
      String pointerProblem = jsonPointerError(config.itemsPointer());
      if (pointerProblem != null) {
        error(
            "InvalidValue",
            configAt + "/ItemsPointer",
            "'ItemsPointer' must be a JSON pointer such as \"/data/items\": " + pointerProblem);
      }
    }
  }

  /** Why {@code text} is not an RFC 6901 JSON pointer; null when it is one. */
  private static String jsonPointerError(String text) {
    if (!text.isEmpty() && !text.startsWith("/")) {
      return "it must be empty or start with '/'";
    }
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '~'
          && (i + 1 == text.length() || (text.charAt(i + 1) != '0' && text.charAt(i + 1) != '1'))) {
        return "'~' must be followed by 0 or 1 (at character " + i + ")";
      }
    }
    return null;
  }

  private void itemBatcher(ItemBatcher batcher, String at, boolean jsonata) {
    dynamicNumber(
        batcher.maxItemsPerBatch(), batcher.maxItemsPerBatchPath(), at, "MaxItemsPerBatch", jsonata, POSITIVE);
    dynamicNumber(
        batcher.maxInputBytesPerBatch(),
        batcher.maxInputBytesPerBatchPath(),
        at,
        "MaxInputBytesPerBatch",
        jsonata,
        BATCH_BYTES);
    if (batcher.batchInput() != null) {
      if (jsonata) {
        jsonataValue(batcher.batchInput(), at + "/BatchInput", StatesFields.BASIC);
      } else {
        template(batcher.batchInput(), at + "/BatchInput");
      }
    }
  }

  private void resultWriter(ResultWriter writer, String at, boolean jsonata) {
    if (writer.resource() != null && !Resources.isResultWriter(writer.resource())) {
      unknownResource(writer.resource(), at + "/Resource");
    }
    payloads(writer.parameters(), writer.arguments(), at, jsonata);
    if (writer.writerConfig() != null) {
      String configAt = at + "/WriterConfig";
      oneOfValues(writer.writerConfig().outputType(), configAt, "OutputType", WRITER_OUTPUT_TYPES);
      oneOfValues(
          writer.writerConfig().transformation(), configAt, "Transformation", WRITER_TRANSFORMATIONS);
    }
  }

  /** {@code Parameters} (JSONPath) or {@code Arguments} (JSONata) of an ItemReader or ResultWriter. */
  private void payloads(JsonNode parameters, JsonNode arguments, String at, boolean jsonata) {
    if (parameters != null) {
      if (jsonata) {
        notInJsonata(at, "Parameters");
      } else {
        template(parameters, at + "/Parameters");
      }
    }
    if (arguments != null) {
      if (jsonata) {
        jsonataValue(arguments, at + "/Arguments", StatesFields.BASIC);
      } else {
        notInJsonPath(at, "Arguments");
      }
    }
  }

  private void oneOfValues(String value, String at, String field, List<String> allowed) {
    if (value != null && !allowed.contains(value)) {
      error(
          "InvalidValue",
          at + "/" + field,
          "expected one of " + allowed + ", but found \"" + value + "\"");
    }
  }

  // ---- Retry and Catch ---------------------------------------------------------------------------

  private void retry(ErrorHandling state, String at) {
    List<Retrier> retriers = state.retriersOrEmpty();
    for (int i = 0; i < retriers.size(); i++) {
      Retrier retrier = retriers.get(i);
      String retrierAt = at + "/Retry/" + i;
      errorEquals(retrier.errorEquals(), retrierAt, i < retriers.size() - 1, "retrier");
      if (retrier.intervalSeconds() != null) {
        range(
            BigDecimal.valueOf(retrier.intervalSeconds()),
            retrierAt + "/IntervalSeconds",
            "IntervalSeconds",
            POSITIVE_BELOW_LIMIT);
      }
      if (retrier.maxAttempts() != null) {
        range(
            BigDecimal.valueOf(retrier.maxAttempts()),
            retrierAt + "/MaxAttempts",
            "MaxAttempts",
            Range.integer(BigDecimal.ZERO, LIMIT));
      }
      // NaN and infinities are reported wherever they are, with all numbers JSON cannot hold.
      if (retrier.backoffRate() != null && Double.isFinite(retrier.backoffRate())) {
        range(
            BigDecimal.valueOf(retrier.backoffRate()),
            retrierAt + "/BackoffRate",
            "BackoffRate",
            new Range(false, BigDecimal.ONE, LIMIT, false));
      }
      if (retrier.maxDelaySeconds() != null) {
        range(
            BigDecimal.valueOf(retrier.maxDelaySeconds()),
            retrierAt + "/MaxDelaySeconds",
            "MaxDelaySeconds",
            POSITIVE_BELOW_LIMIT);
      }
    }
  }

  private void catchers(ErrorHandling state, String at, boolean jsonata, Map<String, State> scope) {
    List<Catcher> catchers = state.catchersOrEmpty();
    for (int i = 0; i < catchers.size(); i++) {
      Catcher catcher = catchers.get(i);
      String catcherAt = at + "/Catch/" + i;
      errorEquals(catcher.errorEquals(), catcherAt, i < catchers.size() - 1, "catcher");
      if (catcher.next() == null) {
        missingField(catcherAt, "Next");
      } else {
        target(catcher.next(), scope, catcherAt + "/Next", "Next");
      }
      if (jsonata) {
        if (catcher.resultPath() != null) {
          notInJsonata(catcherAt, "ResultPath");
        }
        if (catcher.output() != null) {
          jsonataValue(catcher.output(), catcherAt + "/Output", StatesFields.ERROR_OUTPUT);
        }
      } else {
        resultPath(catcher.resultPath(), catcherAt + "/ResultPath");
        if (catcher.output() != null) {
          notInJsonPath(catcherAt, "Output");
        }
      }
      if (catcher.assign() != null) {
        assign(catcher.assign(), catcherAt + "/Assign", jsonata, StatesFields.ERROR_OUTPUT);
      }
    }
  }

  private void errorEquals(List<String> names, String at, boolean notLast, String what) {
    String listAt = at + "/ErrorEquals";
    if (names.isEmpty()) {
      error("EmptyErrorEquals", listAt, "'ErrorEquals' needs at least one error name");
      return;
    }
    if (names.contains("States.ALL")) {
      if (names.size() > 1) {
        error("AllNotAlone", listAt, "'States.ALL' must appear alone in 'ErrorEquals'");
      }
      if (notLast) {
        error("AllNotLast", listAt, "a " + what + " with 'States.ALL' must be the last " + what);
      }
    }
    for (int j = 0; j < names.size(); j++) {
      String name = names.get(j);
      if (name.startsWith("States.") && !PredefinedError.isPredefined(name)) {
        String raisedAt = failErrors.get(name);
        if (raisedAt != null) {
          // AWS accepts the Fail state that raises it (no rule of CreateStateMachine rejects an
          // Error name), so the catcher that matches it must be accepted too.
          problems.add(
              Problem.warning(
                  "ReservedErrorName",
                  listAt + "/" + j,
                  "'"
                      + name
                      + "' is not a predefined error but the Fail state at "
                      + raisedAt
                      + " raises it; error names starting with 'States.' are reserved for AWS"));
          continue;
        }
        error(
            "ReservedErrorName",
            listAt + "/" + j,
            "'"
                + name
                + "' is not a predefined error; error names starting with 'States.' are reserved");
      }
    }
  }

  // ---- JSONPath: paths and payload templates -----------------------------------------------------

  private void path(NullablePath path, String at, String field) {
    if (path == null || path.isDiscard()) {
      return;
    }
    String problem = syntax.pathError(path.path());
    if (problem != null) {
      error(
          "InvalidPath",
          at,
          "The value for the field '" + field + "' must be a valid JSONPath: " + problem);
    }
  }

  /** Checks a Reference Path; returns whether it is one. */
  private boolean referencePath(String text, String at, String field) {
    String problem = syntax.referencePathError(text);
    if (problem != null) {
      error(
          "InvalidPath",
          at,
          "The value for the field '" + field + "' must be a valid reference path: " + problem);
      return false;
    }
    return true;
  }

  private void resultPath(NullablePath path, String at) {
    if (path == null || path.isDiscard()) {
      return;
    }
    if (referencePath(path.path(), at, "ResultPath") && !syntax.isInputRooted(path.path())) {
      error(
          "InvalidPath",
          at,
          "The value for the field 'ResultPath' must be a valid reference path: it places the result"
              + " in the state input, so it must start with '$', not '$$' or a variable");
    }
  }

  /** ErrorPath and CausePath: a reference path, or an intrinsic function call. */
  private void pathOrIntrinsic(String text, String at, String field) {
    if (text == null) {
      return;
    }
    String problem =
        text.startsWith("$") ? syntax.referencePathError(text) : syntax.intrinsicError(text);
    if (problem == null && !text.startsWith("$")) {
      formatArguments(text, at);
    }
    if (problem != null) {
      error(
          "InvalidPath",
          at,
          "The value for the field '"
              + field
              + "' must be a valid reference path or a valid intrinsic function call: "
              + problem);
    }
  }

  /** A {@code *Path} field giving a number (or timestamp) at run time: JSONPath only. */
  private void numberPath(String path, String stateAt, String field, boolean jsonata) {
    if (path == null) {
      return;
    }
    if (jsonata) {
      notInJsonata(stateAt, field);
    } else {
      referencePath(path, stateAt + "/" + field, field);
    }
  }

  /** A number field {@code X} with its {@code XPath} alternative. */
  private void dynamicNumber(
      JsonNode value, String path, String at, String field, boolean jsonata, Range range) {
    if (value != null) {
      number(value, at + "/" + field, field, jsonata, range);
    }
    numberPath(path, at, field + "Path", jsonata);
    oneOf(value, path, at, field, field + "Path");
  }

  /**
   * A JSONPath payload template: {@code key.$} values are paths or intrinsic calls, evaluated at
   * run time; everything else is literal. AWS locates a bad {@code key.$} at the object holding it.
   */
  private void template(JsonNode node, String at) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = it.next();
        String key = entry.getKey();
        if (key.endsWith(".$")) {
          String plain = key.substring(0, key.length() - 2);
          if (node.has(plain)) {
            error(
                "DuplicateTemplateField",
                at,
                "field '" + plain + "' is given twice, as '" + plain + "' and as '" + key + "'");
          }
          dynamicValue(key, entry.getValue(), at);
        } else {
          if (entry.getValue().isTextual() && looksDynamic(entry.getValue().asText())) {
            problems.add(
                Problem.warning(
                    "NoDollar",
                    at + "/" + escape(key),
                    "'"
                        + entry.getValue().asText()
                        + "' looks like a path or an intrinsic function, but is passed as text"
                        + " because the field name does not end with '.$'; name it '"
                        + key
                        + ".$' to evaluate it"));
          }
          template(entry.getValue(), at + "/" + escape(key));
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        template(node.get(i), at + "/" + i);
      }
    }
  }

  private void dynamicValue(String key, JsonNode value, String at) {
    String problem;
    if (!value.isTextual()) {
      problem = "found " + describe(value);
    } else {
      String text = value.asText();
      problem = text.startsWith("$") ? syntax.pathError(text) : syntax.intrinsicError(text);
      if (problem == null && !text.startsWith("$")) {
        formatArguments(text, at);
      }
    }
    if (problem != null) {
      error(
          "InvalidTemplateValue",
          at,
          "The value for the field '"
              + key
              + "' must be a valid JSONPath or a valid intrinsic function call: "
              + problem);
    }
  }

  /**
   * A value that a person most likely meant to be evaluated: a path ({@code $.x}, {@code $$.x},
   * {@code $} alone) or an intrinsic function call.
   */
  private static boolean looksDynamic(String text) {
    return text.equals("$")
        || text.equals("$$")
        || text.startsWith("$.")
        || text.startsWith("$[")
        || text.startsWith("$$.")
        || (IntrinsicCall.looksLikeIntrinsic(text) && text.endsWith(")") && text.indexOf('(') > 0);
  }

  private void noPath(String at, String field, String value) {
    problems.add(
        Problem.warning(
            "NoPath",
            at,
            "'"
                + value
                + "' looks like a path, but '"
                + field
                + "' takes it as text; use '"
                + field
                + "Path' to read the value it selects"));
  }

  /**
   * A Pass state's Result is returned as written: fields ending in {@code .$} and paths in it are
   * not evaluated (that is what Parameters is for).
   */
  private void passResult(JsonNode result, String at) {
    if (result.isTextual() && looksDynamic(result.asText())) {
      problems.add(
          Problem.warning(
              "PassResultIsStatic",
              at,
              "a Pass state's Result is returned as written, so '"
                  + result.asText()
                  + "' is not evaluated; use Parameters to select from the input"));
    } else if (result.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = result.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = it.next();
        if (entry.getKey().endsWith(".$")) {
          problems.add(
              Problem.warning(
                  "PassResultIsStatic",
                  at + "/" + escape(entry.getKey()),
                  "a Pass state's Result is returned as written, so '"
                      + entry.getKey()
                      + "' is not evaluated; use Parameters to select from the input"));
        } else {
          passResult(entry.getValue(), at + "/" + escape(entry.getKey()));
        }
      }
    } else if (result.isArray()) {
      for (int i = 0; i < result.size(); i++) {
        passResult(result.get(i), at + "/" + i);
      }
    }
  }

  /**
   * States.Format with a literal template: its {@code {}} placeholders and its values are both
   * known before the run, and a run fails with States.IntrinsicFailure when they differ.
   */
  private void formatArguments(String text, String at) {
    IntrinsicCall call;
    try {
      call = IntrinsicCall.parse(text);
    } catch (ExpressionException e) {
      return;
    }
    formatArguments(call, at);
  }

  private void formatArguments(IntrinsicCall call, String at) {
    for (IntrinsicArgument argument : call.arguments()) {
      if (argument instanceof IntrinsicArgument.CallArgument nested) {
        formatArguments(nested.call(), at);
      }
    }
    if (call.function() != IntrinsicFunction.FORMAT
        || !(call.arguments().get(0) instanceof IntrinsicArgument.StringLiteral template)) {
      return;
    }
    int placeholders = placeholders(template.source());
    int values = call.arguments().size() - 1;
    if (placeholders > values) {
      error(
          "IntrinsicArguments",
          at,
          call.name()
              + "'s template has "
              + placeholders
              + " placeholder(s) but "
              + values
              + " value(s) are given; the run would fail with States.IntrinsicFailure: "
              + call.text());
    }
  }

  /** The {@code {}} of a literal template as written; {@code \{\}} is text, not a placeholder. */
  private static int placeholders(String source) {
    int count = 0;
    for (int i = 0; i < source.length(); i++) {
      char c = source.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '{' && i + 1 < source.length() && source.charAt(i + 1) == '}') {
        count++;
        i++;
      }
    }
    return count;
  }

  // ---- Assign ------------------------------------------------------------------------------------

  private void assign(JsonNode assign, String at, boolean jsonata, StatesFields fields) {
    if (!assign.isObject()) {
      error("WrongType", at, "expected an object of variables by name, but found " + describe(assign));
      return;
    }
    for (Iterator<String> names = assign.fieldNames(); names.hasNext(); ) {
      String key = names.next();
      String name = !jsonata && key.endsWith(".$") ? key.substring(0, key.length() - 2) : key;
      variableName(name, at + "/" + escape(key));
    }
    if (jsonata) {
      jsonataValue(assign, at, fields);
    } else {
      template(assign, at);
    }
  }

  private void variableName(String name, String at) {
    if (name.equals("states")) {
      error("InvalidVariableName", at, "'states' is reserved and cannot be assigned");
    } else if (!VARIABLE_NAME.matcher(name).matches()) {
      error(
          "InvalidVariableName",
          at,
          "variable name '"
              + name
              + "' must start with a letter or '_' and contain only letters, digits and '_'");
    } else if (name.length() > MAX_VARIABLE_NAME_LENGTH) {
      error(
          "InvalidVariableName",
          at,
          "a variable name must have at most 80 characters, but this one has " + name.length());
    }
  }

  // ---- JSONata -----------------------------------------------------------------------------------

  /** Walks a JSONata-state value: strings in {@code {% %}} are expressions, all else is literal. */
  private void jsonataValue(JsonNode node, String at, StatesFields fields) {
    if (node.isTextual()) {
      jsonataString(node.asText(), at, fields);
    } else if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = it.next();
        jsonataValue(entry.getValue(), at + "/" + escape(entry.getKey()), fields);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        jsonataValue(node.get(i), at + "/" + i, fields);
      }
    }
  }

  private void jsonataString(String text, String at, StatesFields fields) {
    if (!syntax.isJsonata(text)) {
      return;
    }
    String body = syntax.jsonataBody(text);
    if (body.length() > JsonataExpressions.MAX_PARSED_LENGTH) {
      // AWS may well accept it: say that it is unchecked rather than call it wrong.
      problems.add(
          Problem.warning(
              "JsonataNotChecked",
              at,
              "the JSONata expression has "
                  + body.length()
                  + " characters; its syntax is checked for expressions of up to "
                  + JsonataExpressions.MAX_PARSED_LENGTH));
    } else {
      String problem = syntax.jsonataError(body);
      if (problem != null) {
        error("JsonataSyntax", at, "not a valid JSONata expression: " + problem);
        return;
      }
    }
    Set<String> read = syntax.statesFieldsRead(body);
    if (read.contains("result") && fields != StatesFields.RESULT) {
      error(
          "StatesVariableNotAvailable",
          at,
          "$states.result is only available in 'Output' and 'Assign' of a Task, Parallel or Map state");
    }
    if (read.contains("errorOutput") && fields != StatesFields.ERROR_OUTPUT) {
      error(
          "StatesVariableNotAvailable",
          at,
          "$states.errorOutput is only available in 'Output' and 'Assign' of a Catcher");
    }
  }

  // ---- numbers -----------------------------------------------------------------------------------

  /** An allowed interval of numbers; {@code max == null} is unbounded. */
  private record Range(boolean integer, BigDecimal min, BigDecimal max, boolean maxInclusive) {
    static Range integer(BigDecimal min, BigDecimal maxExclusive) {
      return new Range(true, min, maxExclusive, false);
    }

    boolean contains(BigDecimal value) {
      if (integer && value.stripTrailingZeros().scale() > 0) {
        return false;
      }
      if (value.compareTo(min) < 0) {
        return false;
      }
      return max == null || (maxInclusive ? value.compareTo(max) <= 0 : value.compareTo(max) < 0);
    }

    String describe() {
      String kind = integer ? "an integer" : "a number";
      String lower = " at least " + min.toPlainString();
      if (max == null) {
        return kind + lower;
      }
      return kind + lower + (maxInclusive ? " and at most " : " and below ") + max.toPlainString();
    }
  }

  /** A number field that JSONata states may also give as an expression. */
  private void number(JsonNode value, String at, String field, boolean jsonata, Range range) {
    if (value.isTextual()) {
      String text = value.asText();
      if (jsonata && syntax.isJsonata(text)) {
        jsonataString(text, at, StatesFields.BASIC);
      } else if (jsonata) {
        error(
            "WrongType",
            at,
            "expected a number or a JSONata expression {% ... %}, but found " + describe(value));
      } else {
        error(
            "WrongType",
            at,
            "expected a number, but found "
                + describe(value)
                + (syntax.isJsonata(text)
                    ? "; JSONata expressions need \"QueryLanguage\": \"JSONata\""
                    : ""));
      }
      return;
    }
    BigDecimal number = decimal(value);
    if (number != null) {
      range(number, at, field, range);
    }
  }

  /**
   * The exact value of a number node; null for anything else, and for NaN and infinities, which a
   * model built in code can hold (they are reported wherever they are, see {@link Validator}).
   */
  private static BigDecimal decimal(JsonNode value) {
    if (value == null || !value.isNumber() || JsonLimits.isNonFinite(value)) {
      return null;
    }
    return value.decimalValue();
  }

  /** The number as written in full, unless that takes thousands of digits ({@code 1E+999999999}). */
  private static String shown(BigDecimal value) {
    return Math.abs(value.scale()) <= 100 ? value.toPlainString() : value.toString();
  }

  private void range(BigDecimal value, String at, String field, Range range) {
    if (!range.contains(value)) {
      error(
          "NumberRange",
          at,
          "'" + field + "' must be " + range.describe() + ", but is " + shown(value));
    }
  }

  // ---- helpers -----------------------------------------------------------------------------------

  private void oneOf(Object first, Object second, String at, String firstName, String secondName) {
    if (first != null && second != null) {
      error(
          "OneOf",
          at + "/" + secondName,
          "'" + firstName + "' and '" + secondName + "' cannot both be set");
    }
  }

  private void missingField(String at, String field) {
    if (isUnread(at + "/" + field)) {
      return; // the reader has said what is wrong with it
    }
    error("MissingField", at, "The field '" + field + "' is required but was missing");
  }

  private void notInJsonata(String stateAt, String field) {
    error(
        "FieldNotAllowedInJsonata",
        stateAt + "/" + field,
        "'" + field + "' is a JSONPath field and cannot be used in a JSONata state");
  }

  private void notInJsonPath(String stateAt, String field) {
    error(
        "FieldNotAllowedInJsonPath",
        stateAt + "/" + field,
        "'"
            + field
            + "' is a JSONata field and cannot be used in a JSONPath state; set \"QueryLanguage\":"
            + " \"JSONata\"");
  }

  private void error(String tag, String at, String message) {
    problems.add(Problem.error(tag, at, message));
  }

  /** The state name a JSON pointer segment spells (RFC 6901). */
  private static String unescape(String segment) {
    return segment.replace("~1", "/").replace("~0", "~");
  }

  private static String describe(JsonNode node) {
    String type = node.getNodeType().name().toLowerCase(Locale.ROOT);
    String text = node.toString();
    return text.length() > 60 ? type : type + " " + text;
  }
}
