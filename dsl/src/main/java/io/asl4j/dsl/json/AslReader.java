package io.asl4j.dsl.json;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.asl4j.dsl.internal.JsonLimits;
import io.asl4j.dsl.model.Catcher;
import io.asl4j.dsl.model.ChoiceRule;
import io.asl4j.dsl.model.ChoiceState;
import io.asl4j.dsl.model.ComparisonOperator;
import io.asl4j.dsl.model.Condition;
import io.asl4j.dsl.model.FailState;
import io.asl4j.dsl.model.Io;
import io.asl4j.dsl.model.ItemBatcher;
import io.asl4j.dsl.model.ItemProcessor;
import io.asl4j.dsl.model.ItemReader;
import io.asl4j.dsl.model.MapState;
import io.asl4j.dsl.model.NullablePath;
import io.asl4j.dsl.model.ParallelState;
import io.asl4j.dsl.model.PassState;
import io.asl4j.dsl.model.ProcessorConfig;
import io.asl4j.dsl.model.QueryLanguage;
import io.asl4j.dsl.model.ResultWriter;
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
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads Amazon States Language JSON into the {@link StateMachine} model.
 *
 * <p>The reader checks shape only — JSON types, known field names, enumerated values — and reports
 * every such problem at once, each with a JSON pointer. Rules about what the fields mean (targets
 * exist, required fields, one of a pair) are the {@link io.asl4j.dsl.validate.Validator}'s.
 *
 * <pre>{@code
 * StateMachine machine = AslReader.read("{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Succeed\"}}}");
 * }</pre>
 */
public final class AslReader {
  /** AWS rejects definitions over 1 MiB; we read up to 8 MiB so the validator can say so. */
  static final int MAX_DOCUMENT_CHARS = 8 * 1024 * 1024;

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          // Exact decimals, written back as read: 0.10 stays 0.10, 1e400 is not infinity.
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
          .build();

  static {
    MAPPER
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder().maxNestingDepth(JsonLimits.MAX_DEPTH).maxDocumentLength(MAX_DOCUMENT_CHARS).build());
  }

  private static final Set<String> COMMON = Set.of("Type", "Comment", "QueryLanguage");
  private static final Map<StateType, Set<String>> ALLOWED_FIELDS =
      Map.of(
          StateType.PASS,
          Set.of("InputPath", "OutputPath", "Parameters", "ResultPath", "Result", "Output", "Assign", "Next", "End"),
          StateType.TASK,
          Set.of(
              "Resource", "InputPath", "OutputPath", "Parameters", "ResultSelector", "ResultPath",
              "Arguments", "Output", "Assign", "TimeoutSeconds", "TimeoutSecondsPath",
              "HeartbeatSeconds", "HeartbeatSecondsPath", "Credentials", "Retry", "Catch", "Next",
              "End"),
          StateType.CHOICE,
          Set.of("InputPath", "OutputPath", "Choices", "Default", "Output", "Assign"),
          StateType.WAIT,
          Set.of(
              "InputPath", "OutputPath", "Seconds", "SecondsPath", "Timestamp", "TimestampPath",
              "Output", "Assign", "Next", "End"),
          StateType.SUCCEED,
          Set.of("InputPath", "OutputPath", "Output"),
          StateType.FAIL,
          Set.of("Error", "ErrorPath", "Cause", "CausePath"),
          StateType.PARALLEL,
          Set.of(
              "InputPath", "OutputPath", "Parameters", "ResultSelector", "ResultPath", "Arguments",
              "Output", "Assign", "Branches", "Retry", "Catch", "Next", "End"),
          StateType.MAP,
          Set.of(
              "InputPath", "OutputPath", "Parameters", "ResultSelector", "ResultPath", "Output",
              "Assign", "ItemsPath", "Items", "ItemSelector", "Iterator", "ItemProcessor",
              "ItemReader", "ItemBatcher", "ResultWriter", "MaxConcurrency", "MaxConcurrencyPath",
              "ToleratedFailurePercentage", "ToleratedFailurePercentagePath",
              "ToleratedFailureCount", "ToleratedFailureCountPath", "Label", "Retry", "Catch",
              "Next", "End"));

  private final List<Problem> problems = new ArrayList<>();

  /** Pointers of values that could not be read into the model, and of required fields missing. */
  private final Set<String> unread = new java.util.LinkedHashSet<>();

  private AslReader() {}

  /**
   * What could be read of a definition, with every problem found on the way. The model holds
   * everything that has the right shape; a state whose {@code Type} is missing or unknown is left
   * out, a field of the wrong type is left empty. The {@link io.asl4j.dsl.validate.Validator}
   * checks the rest, so that one run reports every problem of the definition.
   *
   * @param machine what could be read; null when the value is not an object at all
   * @param problems the reader's problems, in the order found
   * @param unread pointers of the states and fields left out or left empty, and of required
   *     fields that are missing: the validator does not report them again
   */
  public record Reading(StateMachine machine, List<Problem> problems, Set<String> unread) {
    public Reading {
      problems = List.copyOf(problems);
      unread = Set.copyOf(unread);
    }
  }

  /**
   * Reads as much of a definition as has the right shape; never throws for a malformed definition.
   */
  public static Reading readAll(JsonNode json) {
    try {
      if (json == null || !json.isObject()) {
        read(json); // throws, with the problem worded as for read
      }
      tooDeep(json);
    } catch (AslReadException e) {
      return new Reading(null, e.problems(), Set.of());
    }
    AslReader reader = new AslReader();
    StateMachine machine = reader.machine(json);
    for (Problem problem : reader.problems) {
      if (problem.tag().equals("NumberRange") || problem.tag().equals("InvalidValue")) {
        reader.unread.add(problem.pointer());
      }
    }
    return new Reading(machine, reader.problems, reader.unread);
  }

  /**
   * Reads a definition from JSON text.
   *
   * @throws AslReadException when the text is not a JSON object or a field has the wrong shape
   */
  public static StateMachine read(String json) {
    return read(parse(json));
  }

  /**
   * Reads a definition from a parsed JSON value.
   *
   * @throws AslReadException when the value is not an object, a field has the wrong shape, or
   *     arrays and objects nest more than 500 levels deep (as text that deep does not parse)
   */
  public static StateMachine read(JsonNode json) {
    if (json == null || !json.isObject()) {
      throw new AslReadException(
          List.of(
              Problem.error(
                  "NotAnObject",
                  "",
                  "a state machine definition must be a JSON object, but this is "
                      + describe(json))),
          true);
    }
    tooDeep(json);
    AslReader reader = new AslReader();
    StateMachine machine = reader.machine(json);
    if (!reader.problems.isEmpty()) {
      throw new AslReadException(reader.problems, false);
    }
    return machine;
  }

  /**
   * Reads one state (as the TestState API takes it) from a parsed JSON object.
   *
   * @throws AslReadException when the value is not a state object or a field has the wrong shape
   */
  public static State readState(JsonNode json) {
    if (json == null || !json.isObject()) {
      throw new AslReadException(
          List.of(Problem.error("NotAnObject", "", "a state must be a JSON object, but this is " + describe(json))),
          true);
    }
    tooDeep(json);
    AslReader reader = new AslReader();
    State state = reader.state(json, "");
    if (!reader.problems.isEmpty()) {
      throw new AslReadException(reader.problems, false);
    }
    return state;
  }

  /**
   * Parses JSON text into a Jackson tree with the reader's settings (duplicate keys rejected,
   * exact decimals kept).
   *
   * @throws AslReadException when the text is not JSON
   */
  public static JsonNode parse(String json) {
    if (json.length() > MAX_DOCUMENT_CHARS) {
      throw unreadable(
          "the text is "
              + json.length()
              + " characters long; definitions are limited to "
              + MAX_DOCUMENT_CHARS);
    }
    try {
      JsonNode node = MAPPER.readTree(json);
      if (node == null || node.isMissingNode()) {
        throw unreadable("the text is empty; expected a JSON object");
      }
      return node;
    } catch (JsonParseException e) {
      throw unreadable(
          "not valid JSON: "
              + withoutSourceReferences(e.getOriginalMessage())
              + " (line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + ")");
    } catch (JsonProcessingException e) {
      throw unreadable("not valid JSON: " + withoutSourceReferences(e.getOriginalMessage()));
    } catch (NumberFormatException e) {
      // Exact decimals: an exponent beyond what BigDecimal holds (1e2147483648) fails here.
      throw unreadable("not valid JSON: " + e.getMessage());
    }
  }

  /**
   * Text nested too deeply never parses; a tree built in code is held to the same limit, as the
   * reader, the validator and the writer walk it recursively.
   */
  private static void tooDeep(JsonNode json) {
    String pointer = JsonLimits.tooDeep(json);
    if (pointer != null) {
      throw new AslReadException(
          List.of(Problem.error("NestingTooDeep", pointer, JsonLimits.tooDeepMessage())), true);
    }
  }

  private static final java.util.regex.Pattern START_MARKER =
      java.util.regex.Pattern.compile(
          "\\(start marker at \\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)\\]\\)");

  /**
   * Jackson names the (redacted) source in some messages, e.g. "expected close marker for Object
   * (start marker at [Source: REDACTED ...; line: 1, column: 1])"; users need only the position.
   */
  private static String withoutSourceReferences(String message) {
    return START_MARKER.matcher(message).replaceAll("(opened at line $1, column $2)");
  }

  private static AslReadException unreadable(String message) {
    return new AslReadException(List.of(Problem.error("InvalidJson", "", message)), true);
  }

  // ---- top level and graphs -------------------------------------------------------------------

  private StateMachine machine(JsonNode json) {
    String at = "";
    unknownFields(
        json,
        Set.of("Comment", "StartAt", "States", "Version", "TimeoutSeconds", "QueryLanguage"),
        at,
        "the top level of a state machine");
    requireFields(json, at, "StartAt", "States");
    return new StateMachine(
        string(json, "Comment", at),
        string(json, "StartAt", at),
        states(json, at),
        string(json, "Version", at),
        integer(json, "TimeoutSeconds", at),
        queryLanguage(json, at));
  }

  private Map<String, State> states(JsonNode container, String at) {
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
      String stateAt = statesAt + "/" + escape(entry.getKey());
      State state = state(entry.getValue(), stateAt);
      if (state != null) {
        states.put(entry.getKey(), state);
      } else {
        unread.add(stateAt);
      }
    }
    return states;
  }

  private StateGraph branch(JsonNode json, String at) {
    if (!json.isObject()) {
      wrongType(at, "a branch object with StartAt and States", json);
      return null;
    }
    unknownFields(json, Set.of("Comment", "StartAt", "States"), at, "a Parallel branch");
    requireFields(json, at, "StartAt", "States");
    return new StateGraph(string(json, "Comment", at), string(json, "StartAt", at), states(json, at));
  }

  private ItemProcessor processor(JsonNode json, String at, boolean legacyIterator) {
    if (json == null) {
      return null;
    }
    if (!json.isObject()) {
      wrongType(at, "an object with StartAt and States", json);
      return null;
    }
    unknownFields(json, Set.of("Comment", "StartAt", "States", "ProcessorConfig"), at, legacyIterator ? "an Iterator" : "an ItemProcessor");
    requireFields(json, at, "StartAt", "States");
    ProcessorConfig config = null;
    JsonNode configNode = json.get("ProcessorConfig");
    String configAt = at + "/ProcessorConfig";
    if (configNode != null) {
      if (!configNode.isObject()) {
        wrongType(configAt, "an object", configNode);
      } else {
        unknownFields(configNode, Set.of("Mode", "ExecutionType"), configAt, "ProcessorConfig");
        config =
            new ProcessorConfig(
                enumValue(configNode, "Mode", configAt, ProcessorConfig.Mode.class),
                enumValue(configNode, "ExecutionType", configAt, ProcessorConfig.ExecutionType.class));
      }
    }
    return new ItemProcessor(
        config, string(json, "Comment", at), string(json, "StartAt", at), states(json, at));
  }

  // ---- states -----------------------------------------------------------------------------------

  private State state(JsonNode json, String at) {
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
                  + (typeNode.toString().length() > 60 ? describe(typeNode) : typeNode.toString())));
      return null;
    }
    Set<String> allowed = ALLOWED_FIELDS.get(type);
    for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!COMMON.contains(name) && !allowed.contains(name)) {
        problems.add(
            Problem.error(
                "UnknownField",
                at + "/" + escape(name),
                "field '" + name + "' is not supported by a " + type.aslName() + " state"));
      }
    }
    String comment = string(json, "Comment", at);
    QueryLanguage language = queryLanguage(json, at);
    Io io = io(json, at);
    switch (type) {
      case PASS:
        return new PassState(
            comment, language, io, json.get("Result"), string(json, "Next", at), bool(json, "End", at));
      case TASK:
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
      case CHOICE:
        return new ChoiceState(comment, language, io, choices(json, at), string(json, "Default", at));
      case WAIT:
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
      case SUCCEED:
        return new SucceedState(comment, language, io);
      case FAIL:
        return new FailState(
            comment,
            language,
            string(json, "Error", at),
            string(json, "ErrorPath", at),
            string(json, "Cause", at),
            string(json, "CausePath", at));
      case PARALLEL:
        return new ParallelState(
            comment,
            language,
            io,
            branches(json, at),
            retriers(json, at),
            catchers(json, at),
            string(json, "Next", at),
            bool(json, "End", at));
      case MAP:
        return map(json, at, comment, language, io);
      default:
        throw new AssertionError(type);
    }
  }

  private MapState map(JsonNode json, String at, String comment, QueryLanguage language, Io io) {
    JsonNode items = json.get("Items");
    if (items != null && !items.isArray() && !items.isTextual()) {
      wrongType(at + "/Items", "an array or a JSONata expression", items);
      items = null;
    }
    return new MapState(
        comment,
        language,
        io,
        string(json, "ItemsPath", at),
        items,
        json.get("ItemSelector"),
        processor(json.get("Iterator"), at + "/Iterator", true),
        processor(json.get("ItemProcessor"), at + "/ItemProcessor", false),
        itemReader(json.get("ItemReader"), at + "/ItemReader"),
        itemBatcher(json.get("ItemBatcher"), at + "/ItemBatcher"),
        resultWriter(json.get("ResultWriter"), at + "/ResultWriter"),
        numberOrString(json, "MaxConcurrency", at),
        string(json, "MaxConcurrencyPath", at),
        numberOrString(json, "ToleratedFailurePercentage", at),
        string(json, "ToleratedFailurePercentagePath", at),
        numberOrString(json, "ToleratedFailureCount", at),
        string(json, "ToleratedFailureCountPath", at),
        string(json, "Label", at),
        retriers(json, at),
        catchers(json, at),
        string(json, "Next", at),
        bool(json, "End", at));
  }

  private ItemReader itemReader(JsonNode json, String at) {
    if (json == null) {
      return null;
    }
    if (!json.isObject()) {
      wrongType(at, "an object", json);
      return null;
    }
    unknownFields(json, Set.of("Resource", "Parameters", "Arguments", "ReaderConfig"), at, "ItemReader");
    ItemReader.ReaderConfig config = null;
    JsonNode configNode = json.get("ReaderConfig");
    String configAt = at + "/ReaderConfig";
    if (configNode != null) {
      if (!configNode.isObject()) {
        wrongType(configAt, "an object", configNode);
      } else {
        unknownFields(
            configNode,
            Set.of(
                "InputType", "CSVHeaderLocation", "CSVHeaders", "CSVDelimiter", "ManifestType",
                "MaxItems", "MaxItemsPath", "ItemsPointer"),
            configAt,
            "ReaderConfig");
        config =
            new ItemReader.ReaderConfig(
                string(configNode, "InputType", configAt),
                string(configNode, "CSVHeaderLocation", configAt),
                stringList(configNode, "CSVHeaders", configAt),
                string(configNode, "CSVDelimiter", configAt),
                string(configNode, "ManifestType", configAt),
                numberOrString(configNode, "MaxItems", configAt),
                string(configNode, "MaxItemsPath", configAt),
                string(configNode, "ItemsPointer", configAt));
      }
    }
    return new ItemReader(
        string(json, "Resource", at), json.get("Parameters"), json.get("Arguments"), config);
  }

  private ItemBatcher itemBatcher(JsonNode json, String at) {
    if (json == null) {
      return null;
    }
    if (!json.isObject()) {
      wrongType(at, "an object", json);
      return null;
    }
    unknownFields(
        json,
        Set.of(
            "MaxItemsPerBatch", "MaxItemsPerBatchPath", "MaxInputBytesPerBatch",
            "MaxInputBytesPerBatchPath", "BatchInput"),
        at,
        "ItemBatcher");
    return new ItemBatcher(
        numberOrString(json, "MaxItemsPerBatch", at),
        string(json, "MaxItemsPerBatchPath", at),
        numberOrString(json, "MaxInputBytesPerBatch", at),
        string(json, "MaxInputBytesPerBatchPath", at),
        json.get("BatchInput"));
  }

  private ResultWriter resultWriter(JsonNode json, String at) {
    if (json == null) {
      return null;
    }
    if (!json.isObject()) {
      wrongType(at, "an object", json);
      return null;
    }
    unknownFields(json, Set.of("Resource", "Parameters", "Arguments", "WriterConfig"), at, "ResultWriter");
    ResultWriter.WriterConfig config = null;
    JsonNode configNode = json.get("WriterConfig");
    String configAt = at + "/WriterConfig";
    if (configNode != null) {
      if (!configNode.isObject()) {
        wrongType(configAt, "an object", configNode);
      } else {
        unknownFields(configNode, Set.of("OutputType", "Transformation"), configAt, "WriterConfig");
        config =
            new ResultWriter.WriterConfig(
                string(configNode, "OutputType", configAt),
                string(configNode, "Transformation", configAt));
      }
    }
    return new ResultWriter(
        string(json, "Resource", at), json.get("Parameters"), json.get("Arguments"), config);
  }

  private List<StateGraph> branches(JsonNode json, String at) {
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

  private Io io(JsonNode json, String at) {
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

  private List<Retrier> retriers(JsonNode json, String at) {
    JsonNode node = json.get("Retry");
    if (node == null) {
      return null;
    }
    List<Retrier> retriers = new ArrayList<>();
    if (!node.isArray()) {
      wrongType(at + "/Retry", "an array of retriers", node);
      return retriers;
    }
    for (int i = 0; i < node.size(); i++) {
      JsonNode r = node.get(i);
      String rAt = at + "/Retry/" + i;
      if (!r.isObject()) {
        wrongType(rAt, "a retrier object", r);
        continue;
      }
      unknownFields(
          r,
          Set.of(
              "ErrorEquals", "IntervalSeconds", "MaxAttempts", "BackoffRate", "MaxDelaySeconds",
              "JitterStrategy", "Comment"),
          rAt,
          "a retrier");
      requireFields(r, rAt, "ErrorEquals");
      retriers.add(
          new Retrier(
              stringList(r, "ErrorEquals", rAt),
              integer(r, "IntervalSeconds", rAt),
              integer(r, "MaxAttempts", rAt),
              number(r, "BackoffRate", rAt),
              integer(r, "MaxDelaySeconds", rAt),
              enumValue(r, "JitterStrategy", rAt, Retrier.JitterStrategy.class),
              string(r, "Comment", rAt)));
    }
    return retriers;
  }

  private List<Catcher> catchers(JsonNode json, String at) {
    JsonNode node = json.get("Catch");
    if (node == null) {
      return null;
    }
    List<Catcher> catchers = new ArrayList<>();
    if (!node.isArray()) {
      wrongType(at + "/Catch", "an array of catchers", node);
      return catchers;
    }
    for (int i = 0; i < node.size(); i++) {
      JsonNode c = node.get(i);
      String cAt = at + "/Catch/" + i;
      if (!c.isObject()) {
        wrongType(cAt, "a catcher object", c);
        continue;
      }
      unknownFields(
          c,
          Set.of("ErrorEquals", "Next", "ResultPath", "Output", "Assign", "Comment"),
          cAt,
          "a catcher");
      requireFields(c, cAt, "ErrorEquals", "Next");
      catchers.add(
          new Catcher(
              stringList(c, "ErrorEquals", cAt),
              string(c, "Next", cAt),
              nullablePath(c, "ResultPath", cAt),
              c.get("Output"),
              c.get("Assign"),
              string(c, "Comment", cAt)));
    }
    return catchers;
  }

  // ---- Choice rules -----------------------------------------------------------------------------

  private List<ChoiceRule> choices(JsonNode json, String at) {
    JsonNode node = json.get("Choices");
    if (node == null) {
      return null;
    }
    List<ChoiceRule> rules = new ArrayList<>();
    if (!node.isArray()) {
      wrongType(at + "/Choices", "an array of choice rules", node);
      return rules;
    }
    for (int i = 0; i < node.size(); i++) {
      JsonNode r = node.get(i);
      String rAt = at + "/Choices/" + i;
      if (!r.isObject()) {
        wrongType(rAt, "a choice rule object", r);
        continue;
      }
      Condition condition = condition(r, rAt, true);
      // Read even when the condition is broken, so that all of the rule's problems are reported.
      String next = string(r, "Next", rAt);
      String comment = string(r, "Comment", rAt);
      if (condition != null) {
        rules.add(new ChoiceRule(condition, next, comment, r.get("Assign"), r.get("Output")));
      } else {
        unread.add(rAt);
      }
    }
    return rules;
  }

  private Condition condition(JsonNode json, String at, boolean topLevel) {
    if (!json.isObject()) {
      wrongType(at, "a choice rule object", json);
      return null;
    }
    List<String> operators = new ArrayList<>();
    for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      switch (name) {
        case "Variable":
        case "Comment":
          break;
        case "Next":
        case "Assign":
        case "Output":
          if (!topLevel) {
            problems.add(
                Problem.error(
                    "NestedRuleField",
                    at + "/" + name,
                    "field '" + name + "' is only allowed on a top-level choice rule"));
          }
          break;
        case "And":
        case "Or":
        case "Not":
        case "Condition":
          operators.add(name);
          break;
        default:
          if (ComparisonOperator.fromAslName(name) != null) {
            operators.add(name);
          } else {
            problems.add(
                Problem.error(
                    "UnknownField",
                    at + "/" + escape(name),
                    "field '" + name + "' is not supported in a choice rule"));
          }
      }
    }
    String comment = topLevel ? null : string(json, "Comment", at);
    String variable = string(json, "Variable", at);
    if (operators.size() != 1) {
      problems.add(
          Problem.error(
              "ChoiceRuleOperator",
              at,
              operators.isEmpty()
                  ? "a choice rule needs exactly one comparison operator, And, Or, Not or Condition, but has none"
                  : "a choice rule can have only one comparison operator, but has " + operators));
      // Each operator is still read, so that the problems inside it are reported as well.
      for (String operator : operators) {
        operator(json, operator, at, variable, comment);
      }
      return null;
    }
    String operator = operators.get(0);
    if (ComparisonOperator.fromAslName(operator) == null && json.has("Variable")) {
      problems.add(
          Problem.error(
              "UnknownField", at + "/Variable", "'Variable' is not allowed beside '" + operator + "'"));
    }
    return operator(json, operator, at, variable, comment);
  }

  /** The condition of one operator of a rule; null when it is broken (its problems recorded). */
  private Condition operator(JsonNode json, String operator, String at, String variable, String comment) {
    switch (operator) {
      case "Condition":
        {
          JsonNode value = json.get("Condition");
          if (!value.isTextual() && !value.isBoolean()) {
            wrongType(at + "/Condition", "a JSONata expression or a boolean", value);
          }
          return new Condition.Jsonata(value);
        }
      case "And":
      case "Or":
        {
          JsonNode list = json.get(operator);
          String listAt = at + "/" + operator;
          if (!list.isArray()) {
            wrongType(listAt, "an array of choice rules", list);
            return null;
          }
          List<Condition> conditions = new ArrayList<>();
          for (int i = 0; i < list.size(); i++) {
            Condition c = condition(list.get(i), listAt + "/" + i, false);
            if (c != null) {
              conditions.add(c);
            }
          }
          return operator.equals("And")
              ? new Condition.And(conditions, comment)
              : new Condition.Or(conditions, comment);
        }
      case "Not":
        {
          Condition inner = condition(json.get("Not"), at + "/Not", false);
          return inner == null ? null : new Condition.Not(inner, comment);
        }
      default:
        {
          ComparisonOperator op = ComparisonOperator.fromAslName(operator);
          return new Condition.Comparison(variable, op, json.get(operator), comment);
        }
    }
  }

  // ---- field helpers ----------------------------------------------------------------------------

  private void unknownFields(JsonNode json, Set<String> allowed, String at, String what) {
    for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!allowed.contains(name)) {
        problems.add(
            Problem.error(
                "UnknownField",
                at + "/" + escape(name),
                "field '" + name + "' is not supported in " + what));
      }
    }
  }

  private void requireFields(JsonNode json, String at, String... names) {
    List<String> missing = new ArrayList<>();
    for (String name : names) {
      if (!json.has(name)) {
        missing.add(name);
      }
    }
    for (String name : missing) {
      unread.add(at + "/" + escape(name));
    }
    if (!missing.isEmpty()) {
      problems.add(
          Problem.error("MissingField", at, "These fields are required: " + missing.toString().replace(", ", ",")));
    }
  }

  private String string(JsonNode json, String field, String at) {
    JsonNode node = json.get(field);
    if (node == null) {
      return null;
    }
    if (!node.isTextual()) {
      wrongType(at + "/" + field, "a string", node);
      return null;
    }
    return node.asText();
  }

  private JsonNode checkedString(JsonNode json, String field, String at) {
    JsonNode node = json.get(field);
    if (!node.isTextual()) {
      wrongType(at + "/" + field, "a string", node);
      return null;
    }
    return node;
  }

  private NullablePath nullablePath(JsonNode json, String field, String at) {
    JsonNode node = json.get(field);
    if (node == null) {
      return null;
    }
    if (node.isNull()) {
      return NullablePath.DISCARD;
    }
    if (!node.isTextual()) {
      wrongType(at + "/" + field, "a path string or null", node);
      return null;
    }
    return NullablePath.of(node.asText());
  }

  private Integer integer(JsonNode json, String field, String at) {
    JsonNode node = json.get(field);
    if (node == null) {
      return null;
    }
    if (node.isNumber() && !finite(node, at + "/" + field)) {
      return null;
    }
    if (!node.isIntegralNumber() && !(node.isNumber() && node.decimalValue().stripTrailingZeros().scale() <= 0)) {
      wrongType(at + "/" + field, "an integer", node);
      return null;
    }
    if (!node.canConvertToInt()) {
      unread.add(at + "/" + field);
      problems.add(Problem.error("NumberRange", at + "/" + field, "expected an integer below 2^31, but found " + node));
      return null;
    }
    return node.intValue();
  }

  private Double number(JsonNode json, String field, String at) {
    JsonNode node = json.get(field);
    if (node == null) {
      return null;
    }
    if (!node.isNumber()) {
      wrongType(at + "/" + field, "a number", node);
      return null;
    }
    if (!finite(node, at + "/" + field)) {
      return null;
    }
    double value = node.doubleValue();
    if (Double.isInfinite(value)) {
      // The model holds a double: 1e400 would become Infinity, which JSON cannot hold.
      problems.add(
          Problem.error(
              "NumberRange",
              at + "/" + field,
              "expected a number of at most " + Double.MAX_VALUE + " in size, but found " + describe(node)));
      return null;
    }
    // A tiny negative number (-1e-999999999) rounds to -0.0, which would be written as "-0.0" and
    // read back as 0.0: JSON's numbers have one zero, so the model has one too.
    return value == 0.0 ? 0.0 : value;
  }

  private JsonNode numberOrString(JsonNode json, String field, String at) {
    JsonNode node = json.get(field);
    if (node == null) {
      return null;
    }
    if (!node.isNumber() && !node.isTextual()) {
      wrongType(at + "/" + field, "a number or a JSONata expression", node);
      return null;
    }
    if (node.isNumber() && !finite(node, at + "/" + field)) {
      return null;
    }
    return node;
  }

  /** JSON has no NaN or infinity, but a tree built in code (or parsed leniently) can hold them. */
  private boolean finite(JsonNode node, String at) {
    if (JsonLimits.isNonFinite(node)) {
      problems.add(
          Problem.error("NumberRange", at, "expected a finite number, but found " + node.doubleValue()));
      return false;
    }
    return true;
  }

  private Boolean bool(JsonNode json, String field, String at) {
    JsonNode node = json.get(field);
    if (node == null) {
      return null;
    }
    if (!node.isBoolean()) {
      wrongType(at + "/" + field, "a boolean", node);
      return null;
    }
    return node.booleanValue();
  }

  private JsonNode object(JsonNode json, String field, String at) {
    JsonNode node = json.get(field);
    if (node == null) {
      return null;
    }
    if (!node.isObject()) {
      wrongType(at + "/" + field, "an object", node);
      return null;
    }
    return node;
  }

  private List<String> stringList(JsonNode json, String field, String at) {
    JsonNode node = json.get(field);
    if (node == null) {
      return null;
    }
    if (!node.isArray()) {
      wrongType(at + "/" + field, "an array of strings", node);
      return null;
    }
    List<String> values = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      if (!node.get(i).isTextual()) {
        wrongType(at + "/" + field + "/" + i, "a string", node.get(i));
      } else {
        values.add(node.get(i).asText());
      }
    }
    return values;
  }

  private QueryLanguage queryLanguage(JsonNode json, String at) {
    String name = string(json, "QueryLanguage", at);
    if (name == null) {
      return null;
    }
    QueryLanguage language = QueryLanguage.fromAslName(name);
    if (language == null) {
      problems.add(
          Problem.error(
              "InvalidValue",
              at + "/QueryLanguage",
              "expected \"JSONPath\" or \"JSONata\", but found \"" + name + "\""));
    }
    return language;
  }

  private <E extends Enum<E>> E enumValue(JsonNode json, String field, String at, Class<E> type) {
    String name = string(json, field, at);
    if (name == null) {
      return null;
    }
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(name)) {
        return constant;
      }
    }
    List<String> names = new ArrayList<>();
    for (E constant : type.getEnumConstants()) {
      names.add(constant.name());
    }
    problems.add(
        Problem.error(
            "InvalidValue",
            at + "/" + field,
            "expected one of " + names + ", but found \"" + name + "\""));
    return null;
  }

  private void wrongType(String at, String expected, JsonNode found) {
    unread.add(at);
    problems.add(Problem.error("WrongType", at, "expected " + expected + ", but found " + describe(found)));
  }

  private static String describe(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    String type = node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    String text = node.toString();
    return text.length() > 60 ? type : type + " " + text;
  }

  /** Escapes a field name for use as one JSON pointer segment (RFC 6901). */
  public static String escape(String segment) {
    return io.asl4j.dsl.model.GraphWalker.escape(segment);
  }
}
