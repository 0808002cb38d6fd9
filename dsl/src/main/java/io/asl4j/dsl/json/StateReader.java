package io.asl4j.dsl.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.asl4j.dsl.model.Catcher;
import io.asl4j.dsl.model.ChoiceState;
import io.asl4j.dsl.model.FailState;
import io.asl4j.dsl.model.Io;
import io.asl4j.dsl.model.ItemProcessor;
import io.asl4j.dsl.model.ParallelState;
import io.asl4j.dsl.model.PassState;
import io.asl4j.dsl.model.ProcessorConfig;
import io.asl4j.dsl.model.QueryLanguage;
import io.asl4j.dsl.model.Retrier;
import io.asl4j.dsl.model.State;
import io.asl4j.dsl.model.StateGraph;
import io.asl4j.dsl.model.StateMachine;
import io.asl4j.dsl.model.StateType;
import io.asl4j.dsl.model.SucceedState;
import io.asl4j.dsl.model.TaskState;
import io.asl4j.dsl.model.WaitState;
import io.asl4j.dsl.validate.Problem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a machine, its graphs and its states into the model, one reader per state type, handing Map
 * fields to {@link MapReader} and Choice rules to {@link ChoiceReader}.
 */
final class StateReader extends FieldReader {
  private final MapReader maps = new MapReader(this);
  private final ChoiceReader choiceReader = new ChoiceReader(this);

  private static final Set<String> COMMON = Set.of("Type", "Comment", "QueryLanguage");

  // The field groups several state types share, as the spec's table of fields groups them.
  private static final List<String> PATHS = List.of("InputPath", "OutputPath");
  private static final List<String> RESULT_FIELDS =
      List.of("Parameters", "ResultSelector", "ResultPath");
  private static final List<String> OUTPUT_AND_ASSIGN = List.of("Output", "Assign");
  private static final List<String> RETRY_AND_CATCH = List.of("Retry", "Catch");
  private static final List<String> TRANSITION = List.of("Next", "End");

  private static final Map<StateType, Set<String>> ALLOWED_FIELDS =
      Map.of(
          StateType.PASS,
          fields(
              PATHS, OUTPUT_AND_ASSIGN, TRANSITION, List.of("Parameters", "ResultPath", "Result")),
          StateType.TASK,
          fields(
              PATHS,
              RESULT_FIELDS,
              OUTPUT_AND_ASSIGN,
              RETRY_AND_CATCH,
              TRANSITION,
              List.of(
                  "Resource",
                  "Arguments",
                  "TimeoutSeconds",
                  "TimeoutSecondsPath",
                  "HeartbeatSeconds",
                  "HeartbeatSecondsPath",
                  "Credentials")),
          StateType.CHOICE,
          fields(PATHS, OUTPUT_AND_ASSIGN, List.of("Choices", "Default")),
          StateType.WAIT,
          fields(
              PATHS,
              OUTPUT_AND_ASSIGN,
              TRANSITION,
              List.of("Seconds", "SecondsPath", "Timestamp", "TimestampPath")),
          StateType.SUCCEED,
          fields(PATHS, List.of("Output")),
          StateType.FAIL,
          fields(List.of("Error", "ErrorPath", "Cause", "CausePath")),
          StateType.PARALLEL,
          fields(
              PATHS,
              RESULT_FIELDS,
              OUTPUT_AND_ASSIGN,
              RETRY_AND_CATCH,
              TRANSITION,
              List.of("Arguments", "Branches")),
          StateType.MAP,
          fields(
              PATHS,
              RESULT_FIELDS,
              OUTPUT_AND_ASSIGN,
              RETRY_AND_CATCH,
              TRANSITION,
              List.of(
                  "ItemsPath",
                  "Items",
                  "ItemSelector",
                  "Iterator",
                  "ItemProcessor",
                  "ItemReader",
                  "ItemBatcher",
                  "ResultWriter",
                  "MaxConcurrency",
                  "MaxConcurrencyPath",
                  "ToleratedFailurePercentage",
                  "ToleratedFailurePercentagePath",
                  "ToleratedFailureCount",
                  "ToleratedFailureCountPath",
                  "Label")));

  @SafeVarargs
  private static Set<String> fields(List<String>... groups) {
    return Arrays.stream(groups).flatMap(List::stream).collect(Collectors.toUnmodifiableSet());
  }

  // ---- top level and graphs -------------------------------------------------------------------

  StateMachine machine(JsonNode json) {
    String at = "";
    fields(
        json,
        Set.of("Comment", "StartAt", "States", "Version", "TimeoutSeconds", "QueryLanguage"),
        at,
        "the top level of a state machine",
        "StartAt",
        "States");
    return new StateMachine(
        string(json, "Comment", at),
        string(json, "StartAt", at),
        states(json, at),
        string(json, "Version", at),
        integer(json, "TimeoutSeconds", at),
        queryLanguage(json, at));
  }

  Map<String, State> states(JsonNode container, String at) {
    JsonNode statesNode = container.get("States");
    Map<String, State> states = new LinkedHashMap<>();
    if (statesNode == null) {
      return states;
    }
    // Every state is read even when an earlier one is broken, so that all problems are reported.
    String statesAt = at + "/States";
    if (!statesNode.isObject()) {
      wrongType(statesAt, "an object of states by name", statesNode);
      return states;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = statesNode.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      String stateAt = statesAt + "/" + AslReader.escape(entry.getKey());
      State state = state(entry.getValue(), stateAt);
      if (state != null) {
        states.put(entry.getKey(), state);
      } else {
        unread.add(stateAt);
      }
    }
    return states;
  }

  StateGraph branch(JsonNode json, String at) {
    if (!json.isObject()) {
      wrongType(at, "a branch object with StartAt and States", json);
      return null;
    }
    fields(
        json, Set.of("Comment", "StartAt", "States"), at, "a Parallel branch", "StartAt", "States");
    return new StateGraph(
        string(json, "Comment", at), string(json, "StartAt", at), states(json, at));
  }

  ItemProcessor processor(JsonNode json, String at, boolean legacyIterator) {
    if (!presentObject(json, at, "an object with StartAt and States")) {
      return null;
    }
    fields(
        json,
        Set.of("Comment", "StartAt", "States", "ProcessorConfig"),
        at,
        legacyIterator ? "an Iterator" : "an ItemProcessor",
        "StartAt",
        "States");
    ProcessorConfig config = null;
    JsonNode configNode = json.get("ProcessorConfig");
    String configAt = at + "/ProcessorConfig";
    if (presentObject(configNode, configAt, "an object")) {
      unknownFields(configNode, Set.of("Mode", "ExecutionType"), configAt, "ProcessorConfig");
      config =
          new ProcessorConfig(
              enumValue(configNode, "Mode", configAt, ProcessorConfig.Mode.class),
              enumValue(
                  configNode, "ExecutionType", configAt, ProcessorConfig.ExecutionType.class));
    }
    return new ItemProcessor(
        config, string(json, "Comment", at), string(json, "StartAt", at), states(json, at));
  }

  // ---- states -----------------------------------------------------------------------------------

  State state(JsonNode json, String at) {
    if (!json.isObject()) {
      wrongType(at, "a state object", json);
      return null;
    }
    JsonNode typeNode = json.get("Type");
    if (typeNode == null) {
      problems.add(Problem.error("MissingField", at, "These fields are required: [Type]"));
      return null;
    }
    StateType type = typeNode.isTextual() ? StateType.fromAslName(typeNode.asText()) : null;
    if (type == null) {
      problems.add(
          Problem.error(
              "UnknownStateType",
              at + "/Type",
              "expected one of Pass, Task, Choice, Wait, Succeed, Fail, Parallel, Map, but found "
                  + (typeNode.toString().length() > 60
                      ? describe(typeNode)
                      : typeNode.toString())));
      return null;
    }
    Set<String> allowed = ALLOWED_FIELDS.get(type);
    for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!COMMON.contains(name) && !allowed.contains(name)) {
        problems.add(
            Problem.error(
                "UnknownField",
                at + "/" + AslReader.escape(name),
                "field '" + name + "' is not supported by a " + type.aslName() + " state"));
      }
    }
    String comment = string(json, "Comment", at);
    QueryLanguage language = queryLanguage(json, at);
    Io io = io(json, at);
    return switch (type) {
      case PASS -> pass(json, at, comment, language, io);
      case TASK -> task(json, at, comment, language, io);
      case CHOICE -> choice(json, at, comment, language, io);
      case WAIT -> waitState(json, at, comment, language, io);
      case SUCCEED -> new SucceedState(comment, language, io);
      case FAIL -> fail(json, at, comment, language);
      case PARALLEL -> parallel(json, at, comment, language, io);
      case MAP -> maps.map(json, at, comment, language, io);
    };
  }

  // ---- one reader per state type (Succeed has no fields of its own; Map is MapReader's) ---------

  private PassState pass(JsonNode json, String at, String comment, QueryLanguage language, Io io) {
    return new PassState(
        comment, language, io, json.get("Result"), string(json, "Next", at), bool(json, "End", at));
  }

  private TaskState task(JsonNode json, String at, String comment, QueryLanguage language, Io io) {
    return new TaskState(
        comment,
        language,
        io,
        string(json, "Resource", at),
        numberOrString(json, "TimeoutSeconds", at),
        string(json, "TimeoutSecondsPath", at),
        numberOrString(json, "HeartbeatSeconds", at),
        string(json, "HeartbeatSecondsPath", at),
        object(json, "Credentials", at),
        retriers(json, at),
        catchers(json, at),
        string(json, "Next", at),
        bool(json, "End", at));
  }

  private ChoiceState choice(
      JsonNode json, String at, String comment, QueryLanguage language, Io io) {
    return new ChoiceState(
        comment, language, io, choiceReader.choices(json, at), string(json, "Default", at));
  }

  private WaitState waitState(
      JsonNode json, String at, String comment, QueryLanguage language, Io io) {
    return new WaitState(
        comment,
        language,
        io,
        numberOrString(json, "Seconds", at),
        string(json, "SecondsPath", at),
        json.has("Timestamp") ? checkedString(json, "Timestamp", at) : null,
        string(json, "TimestampPath", at),
        string(json, "Next", at),
        bool(json, "End", at));
  }

  private FailState fail(JsonNode json, String at, String comment, QueryLanguage language) {
    return new FailState(
        comment,
        language,
        string(json, "Error", at),
        string(json, "ErrorPath", at),
        string(json, "Cause", at),
        string(json, "CausePath", at));
  }

  private ParallelState parallel(
      JsonNode json, String at, String comment, QueryLanguage language, Io io) {
    return new ParallelState(
        comment,
        language,
        io,
        branches(json, at),
        retriers(json, at),
        catchers(json, at),
        string(json, "Next", at),
        bool(json, "End", at));
  }

  List<StateGraph> branches(JsonNode json, String at) {
    JsonNode node = json.get("Branches");
    if (node == null) {
      return null;
    }
    if (!node.isArray()) {
      wrongType(at + "/Branches", "an array of branches", node);
      return null;
    }
    List<StateGraph> branches = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      StateGraph branch = branch(node.get(i), at + "/Branches/" + i);
      if (branch != null) {
        branches.add(branch);
      }
    }
    return branches;
  }

  Io io(JsonNode json, String at) {
    return new Io(
        nullablePath(json, "InputPath", at),
        json.get("Parameters"),
        json.get("ResultSelector"),
        nullablePath(json, "ResultPath", at),
        nullablePath(json, "OutputPath", at),
        json.get("Arguments"),
        json.get("Output"),
        json.get("Assign"));
  }

  // ---- Retry and Catch --------------------------------------------------------------------------

  List<Retrier> retriers(JsonNode json, String at) {
    return objectList(json, "Retry", at, "an array of retriers", "a retrier object", this::retrier);
  }

  private Retrier retrier(JsonNode r, String rAt) {
    fields(
        r,
        Set.of(
            "ErrorEquals",
            "IntervalSeconds",
            "MaxAttempts",
            "BackoffRate",
            "MaxDelaySeconds",
            "JitterStrategy",
            "Comment"),
        rAt,
        "a retrier",
        "ErrorEquals");
    return new Retrier(
        stringList(r, "ErrorEquals", rAt),
        integer(r, "IntervalSeconds", rAt),
        integer(r, "MaxAttempts", rAt),
        number(r, "BackoffRate", rAt),
        integer(r, "MaxDelaySeconds", rAt),
        enumValue(r, "JitterStrategy", rAt, Retrier.JitterStrategy.class),
        string(r, "Comment", rAt));
  }

  List<Catcher> catchers(JsonNode json, String at) {
    return objectList(json, "Catch", at, "an array of catchers", "a catcher object", this::catcher);
  }

  private Catcher catcher(JsonNode c, String cAt) {
    fields(
        c,
        Set.of("ErrorEquals", "Next", "ResultPath", "Output", "Assign", "Comment"),
        cAt,
        "a catcher",
        "ErrorEquals",
        "Next");
    return new Catcher(
        stringList(c, "ErrorEquals", cAt),
        string(c, "Next", cAt),
        nullablePath(c, "ResultPath", cAt),
        c.get("Output"),
        c.get("Assign"),
        string(c, "Comment", cAt));
  }
}
