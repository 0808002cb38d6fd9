package io.asl4j.processor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.asl4j.dsl.expression.AslPath;
import io.asl4j.dsl.expression.ExpressionException;
import io.asl4j.dsl.json.AslReader;
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
import io.asl4j.dsl.model.SucceedState;
import io.asl4j.dsl.model.TaskState;
import io.asl4j.dsl.model.WaitState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * Reads one {@code @Workflow} class into the {@code dsl} model, remembering for every JSON pointer
 * of the result which element and annotation value produced it. Problems the model cannot express
 * (a class literal that is no state, two {@code @StartAt}s, a Retry on a Choice) are reported here;
 * everything else is left to the shared validator.
 */
final class WorkflowScanner {
  static final String PACKAGE = "io.asl4j.dsl.annotation.";
  private static final List<String> STATE_KINDS =
      List.of("Task", "Pass", "Wait", "Choice", "Succeed", "Fail", "Parallel", "Map");
  private static final Set<String> RETRYABLE = Set.of("Task", "Parallel", "Map");
  private static final List<String> MAP_ONLY = List.of("ItemReader", "ItemBatcher", "ResultWriter");
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Map<String, ComparisonOperator> OPERATORS = new LinkedHashMap<>();

  static {
    for (ComparisonOperator operator : ComparisonOperator.values()) {
      String name = operator.aslName();
      OPERATORS.put(Character.toLowerCase(name.charAt(0)) + name.substring(1), operator);
    }
  }

  /** A nested type carrying one state annotation. */
  record StateInfo(TypeElement element, AnnotationMirror mirror, String kind, String name, Element owner) {}

  /** A Task whose type declares its typed contract. */
  record TypedTask(String stateName, String resource, TypeElement element, ExecutableElement method) {}

  private final ProcessingEnvironment env;
  private final Reporter reporter;
  private final TypeElement workflow;
  private final AnnotationMirror workflowMirror;
  private final Origins origins = new Origins();
  private final Map<TypeElement, StateInfo> states = new LinkedHashMap<>();
  private final List<TypedTask> typedTasks = new ArrayList<>();
  private final Set<TypeElement> expanding = new HashSet<>();
  /** Per state name: the typed output of its Task, when it passes that output on unchanged. */
  private final Map<String, TypeMirror> typedOutputs = new LinkedHashMap<>();

  WorkflowScanner(ProcessingEnvironment env, Reporter reporter, TypeElement workflow) {
    this.env = env;
    this.reporter = reporter;
    this.workflow = workflow;
    this.workflowMirror = mirror(workflow, "Workflow");
  }

  Origins origins() {
    return origins;
  }

  List<TypedTask> typedTasks() {
    return typedTasks;
  }

  /** The machine's name: the {@code name} attribute, else the class's simple name. */
  String machineName() {
    String name = string(workflowMirror, "name");
    return name != null && !name.isEmpty() ? name : workflow.getSimpleName().toString();
  }

  StateMachine scan() {
    origins.put("", new Origin(workflow, workflowMirror, null));
    collect(workflow);
    Graph graph = graph(workflow, workflowMirror, "");
    Integer timeout = null;
    AnnotationValue timeoutValue = value(workflowMirror, "timeoutSeconds");
    if (timeoutValue != null) {
      timeout = ((Number) timeoutValue.getValue()).intValue();
      origins.put("/TimeoutSeconds", new Origin(workflow, workflowMirror, timeoutValue));
    }
    return new StateMachine(
        string(workflowMirror, "comment"),
        graph.startAt,
        graph.states,
        string(workflowMirror, "version"),
        timeout,
        language(workflowMirror));
  }

  // ---- discovery ---------------------------------------------------------------------------------

  /** Finds every state type nested (at any depth) in the workflow class. */
  private void collect(TypeElement type) {
    for (TypeElement nested : ElementFilter.typesIn(type.getEnclosedElements())) {
      List<AnnotationMirror> kinds = new ArrayList<>();
      for (AnnotationMirror mirror : nested.getAnnotationMirrors()) {
        String name = annotationName(mirror);
        if (name != null && STATE_KINDS.contains(name)) {
          kinds.add(mirror);
        }
      }
      if (kinds.size() > 1) {
        reporter.error(
            "StateKind",
            "a state has exactly one kind, but "
                + nested.getSimpleName()
                + " is annotated @"
                + annotationName(kinds.get(0))
                + " and @"
                + annotationName(kinds.get(1)),
            nested,
            kinds.get(1),
            null);
      }
      if (!kinds.isEmpty()) {
        AnnotationMirror mirror = kinds.get(0);
        String explicitName = string(mirror, "name");
        String name =
            explicitName != null && !explicitName.isEmpty()
                ? explicitName
                : nested.getSimpleName().toString();
        Element owner = nested.getEnclosingElement();
        if (owner != workflow && mirror(owner, "Branch") == null) {
          reporter.error(
              "StateOutsideGraph",
              "a state must be nested directly in the @Workflow class or in a @Branch type, but "
                  + nested.getSimpleName()
                  + " is nested in "
                  + owner.getSimpleName(),
              nested,
              mirror,
              null);
        }
        states.put(nested, new StateInfo(nested, mirror, annotationName(mirror), name, owner));
      } else {
        for (String orphan : List.of("StartAt", "Retry", "Catch", "When")) {
          AnnotationMirror found = mirror(nested, orphan);
          if (found == null) {
            found = mirror(nested, orphan + ".List");
          }
          if (found != null) {
            reporter.error(
                "NotAState",
                "@" + orphan + " belongs on a state, but " + nested.getSimpleName() + " has no state annotation",
                nested,
                found,
                null);
          }
        }
      }
      collect(nested);
    }
  }

  // ---- graphs ------------------------------------------------------------------------------------

  private record Graph(String startAt, Map<String, State> states) {}

  private Graph graph(TypeElement owner, AnnotationMirror ownerMirror, String at) {
    List<StateInfo> members = new ArrayList<>();
    for (StateInfo info : states.values()) {
      if (info.owner() == owner) {
        members.add(info);
      }
    }
    String startAt = null;
    StateInfo start = null;
    for (StateInfo info : members) {
      AnnotationMirror startMirror = mirror(info.element(), "StartAt");
      if (startMirror == null) {
        continue;
      }
      if (start == null) {
        start = info;
        startAt = info.name();
        origins.put(at + "/StartAt", new Origin(info.element(), startMirror, null));
      } else {
        reporter.error(
            "StartAt",
            "exactly one state of "
                + owner.getSimpleName()
                + " may be @StartAt, but "
                + start.element().getSimpleName()
                + " and "
                + info.element().getSimpleName()
                + " both are",
            info.element(),
            startMirror,
            null);
      }
    }
    if (start == null && !members.isEmpty()) {
      reporter.error(
          "StartAt",
          "no state of "
              + owner.getSimpleName()
              + " is annotated @StartAt; exactly one must be, e.g. @StartAt on "
              + members.get(0).element().getSimpleName(),
          owner,
          ownerMirror,
          null);
      origins.reported(at + "/StartAt");
      origins.ignore(at, "MissingField"); // the missing StartAt, just reported as Asl4jStartAt
    } else if (members.isEmpty()) {
      reporter.error(
          "NoStates",
          owner.getSimpleName() + " has no states: annotate its nested types with @Task, @Pass, …",
          owner,
          ownerMirror,
          null);
      origins.reported(at);
    }
    Map<String, State> built = new LinkedHashMap<>();
    for (StateInfo info : members) {
      String pointer = at + "/States/" + AslReader.escape(info.name());
      origins.put(pointer, new Origin(info.element(), info.mirror(), null));
      State state = state(info, pointer);
      if (state != null && !built.containsKey(info.name())) {
        built.put(info.name(), state);
      } else if (state != null) {
        // Two types with the same name in one graph: keep the first, report the second ourselves.
        reporter.error(
            "DuplicateStateName",
            "name '" + info.name() + "' is already used by another state of " + owner.getSimpleName(),
            info.element(),
            info.mirror(),
            value(info.mirror(), "name"));
      }
    }
    checkTypedComparisons(members, built);
    return new Graph(startAt, built);
  }

  // ---- states ------------------------------------------------------------------------------------

  private State state(StateInfo info, String at) {
    AnnotationMirror m = info.mirror();
    TypeElement e = info.element();
    String kind = info.kind();
    if (!RETRYABLE.contains(kind)) {
      for (AnnotationMirror retry : repeated(e, "Retry")) {
        reporter.error(
            "RetryNotAllowed",
            "only Task, Parallel and Map states can retry, but " + e.getSimpleName() + " is a " + kind + " state",
            e,
            retry,
            null);
      }
      for (AnnotationMirror katch : repeated(e, "Catch")) {
        reporter.error(
            "CatchNotAllowed",
            "only Task, Parallel and Map states can catch errors, but "
                + e.getSimpleName()
                + " is a "
                + kind
                + " state",
            e,
            katch,
            null);
      }
    }
    if (!kind.equals("Choice")) {
      for (AnnotationMirror when : repeated(e, "When")) {
        reporter.error(
            "WhenNotAllowed", "@When belongs on a @Choice state, not on a " + kind + " state", e, when, null);
      }
    }
    if (!kind.equals("Map")) {
      for (String only : MAP_ONLY) {
        AnnotationMirror misplaced = mirror(e, only);
        if (misplaced != null) {
          reporter.error(
              "MapOnly", "@" + only + " belongs on a @Map state, not on a " + kind + " state", e, misplaced, null);
        }
      }
    }
    String comment = string(m, "comment");
    QueryLanguage language = language(m);
    boolean jsonata = language == QueryLanguage.JSONATA;
    Io io = io(info, at);
    switch (kind) {
      case "Task":
        {
          String resource = field(info, at, "resource", "Resource");
          Next next = next(info, at, "next");
          typedContract(info, resource);
          return new TaskState(
              comment,
              language,
              io,
              resource,
              numeric(info, at, "timeoutSeconds", "TimeoutSeconds"),
              field(info, at, "timeoutSecondsPath", "TimeoutSecondsPath"),
              numeric(info, at, "heartbeatSeconds", "HeartbeatSeconds"),
              field(info, at, "heartbeatSecondsPath", "HeartbeatSecondsPath"),
              json(info, at, "credentials", "Credentials"),
              retriers(e, at),
              catchers(e, at),
              next.name,
              next.end);
        }
      case "Pass":
        {
          Next next = next(info, at, "next");
          return new PassState(comment, language, io, json(info, at, "result", "Result"), next.name, next.end);
        }
      case "Wait":
        {
          Next next = next(info, at, "next");
          JsonNode seconds = null;
          AnnotationValue secondsValue = value(m, "seconds");
          if (secondsValue != null) {
            seconds = LongNode.valueOf(((Number) secondsValue.getValue()).longValue());
            origins.put(at + "/Seconds", new Origin(e, m, secondsValue));
          }
          String secondsExpression = field(info, at, "secondsExpression", "Seconds");
          if (secondsExpression != null) {
            if (seconds != null) {
              reporter.error(
                  "WaitTime",
                  "a Wait state needs exactly one of 'Seconds', 'SecondsPath', 'Timestamp' and"
                      + " 'TimestampPath', but has 'seconds' and 'secondsExpression'",
                  e,
                  m,
                  value(m, "secondsExpression"));
              origins.reported(at);
            }
            seconds = TextNode.valueOf(secondsExpression);
          }
          String timestamp = field(info, at, "timestamp", "Timestamp");
          return new WaitState(
              comment,
              language,
              io,
              seconds,
              field(info, at, "secondsPath", "SecondsPath"),
              timestamp == null ? null : TextNode.valueOf(timestamp),
              field(info, at, "timestampPath", "TimestampPath"),
              next.name,
              next.end);
        }
      case "Choice":
        {
          List<ChoiceRule> rules = new ArrayList<>();
          List<AnnotationMirror> whens = repeated(e, "When");
          for (int i = 0; i < whens.size(); i++) {
            rules.add(rule(info, whens.get(i), at + "/Choices/" + i, jsonata));
          }
          origins.put(at + "/Choices", new Origin(e, m, null));
          String otherwise = null;
          AnnotationValue otherwiseValue = value(m, "otherwise");
          if (otherwiseValue != null && !isVoid(otherwiseValue)) {
            otherwise = target(info, m, otherwiseValue, at + "/Default", "otherwise", false);
          }
          return new ChoiceState(comment, language, io, rules, otherwise);
        }
      case "Succeed":
        return new SucceedState(comment, language, io);
      case "Fail":
        return new FailState(
            comment,
            language,
            field(info, at, "error", "Error"),
            field(info, at, "errorPath", "ErrorPath"),
            field(info, at, "cause", "Cause"),
            field(info, at, "causePath", "CausePath"));
      case "Parallel":
        {
          Next next = next(info, at, "next");
          List<StateGraph> branches = new ArrayList<>();
          AnnotationValue branchesValue = value(m, "branches");
          List<? extends AnnotationValue> listed =
              branchesValue == null ? List.of() : list(branchesValue);
          origins.put(at + "/Branches", new Origin(e, m, branchesValue));
          for (int i = 0; i < listed.size(); i++) {
            String branchAt = at + "/Branches/" + i;
            Graph graph = nested(info, listed.get(i), branchAt);
            if (graph != null) {
              branches.add(new StateGraph(branchComment(listed.get(i)), graph.startAt, graph.states));
            }
          }
          return new ParallelState(
              comment, language, io, branches, retriers(e, at), catchers(e, at), next.name, next.end);
        }
      case "Map":
        {
          Next next = next(info, at, "next");
          String processorAt = at + "/ItemProcessor";
          AnnotationValue processorValue = value(m, "processor");
          ItemProcessor processor = null;
          if (processorValue != null) {
            Graph graph = nested(info, processorValue, processorAt);
            if (graph != null) {
              ProcessorConfig config = null;
              AnnotationValue mode = value(m, "mode");
              AnnotationValue executionType = value(m, "executionType");
              if (mode != null || executionType != null) {
                config =
                    new ProcessorConfig(
                        mode == null ? null : ProcessorConfig.Mode.valueOf(enumName(mode)),
                        executionType == null
                            ? null
                            : ProcessorConfig.ExecutionType.valueOf(enumName(executionType)));
                origins.put(processorAt + "/ProcessorConfig", new Origin(e, m, mode != null ? mode : executionType));
              }
              processor = new ItemProcessor(config, branchComment(processorValue), graph.startAt, graph.states);
            }
          }
          JsonNode tolerated = numeric(info, at, "toleratedFailurePercentage", "ToleratedFailurePercentage");
          return new MapState(
              comment,
              language,
              io,
              field(info, at, "itemsPath", "ItemsPath"),
              json(info, at, "items", "Items"),
              json(info, at, "itemSelector", "ItemSelector"),
              null,
              processor,
              itemReader(info, at + "/ItemReader"),
              itemBatcher(info, at + "/ItemBatcher"),
              resultWriter(info, at + "/ResultWriter"),
              numeric(info, at, "maxConcurrency", "MaxConcurrency"),
              field(info, at, "maxConcurrencyPath", "MaxConcurrencyPath"),
              tolerated,
              field(info, at, "toleratedFailurePercentagePath", "ToleratedFailurePercentagePath"),
              numeric(info, at, "toleratedFailureCount", "ToleratedFailureCount"),
              field(info, at, "toleratedFailureCountPath", "ToleratedFailureCountPath"),
              field(info, at, "label", "Label"),
              retriers(e, at),
              catchers(e, at),
              next.name,
              next.end);
        }
      default:
        throw new IllegalStateException("unknown state kind " + kind);
    }
  }

  /** {@code @ItemReader} on a Map state's type, or null. */
  private ItemReader itemReader(StateInfo info, String at) {
    AnnotationMirror m = mirror(info.element(), "ItemReader");
    if (m == null) {
      return null;
    }
    origins.put(at, new Origin(info.element(), m, null));
    StateInfo reader = new StateInfo(info.element(), m, info.kind(), info.name(), info.owner());
    String configAt = at + "/ReaderConfig";
    ItemReader.ReaderConfig config = null;
    List<String> headers = value(m, "csvHeaders") == null ? null : strings(info.element(), m, configAt, "csvHeaders", "CSVHeaders");
    String inputType = field(reader, configAt, "inputType", "InputType");
    String headerLocation = field(reader, configAt, "csvHeaderLocation", "CSVHeaderLocation");
    String delimiter = field(reader, configAt, "csvDelimiter", "CSVDelimiter");
    String manifestType = field(reader, configAt, "manifestType", "ManifestType");
    JsonNode maxItems = numeric(reader, configAt, "maxItems", "MaxItems");
    String maxItemsPath = field(reader, configAt, "maxItemsPath", "MaxItemsPath");
    if (inputType != null || headerLocation != null || headers != null || delimiter != null
        || manifestType != null || maxItems != null || maxItemsPath != null) {
      origins.put(configAt, new Origin(info.element(), m, null));
      config = new ItemReader.ReaderConfig(inputType, headerLocation, headers, delimiter, manifestType, maxItems, maxItemsPath);
    }
    return new ItemReader(
        field(reader, at, "resource", "Resource"),
        json(reader, at, "parameters", "Parameters"),
        json(reader, at, "arguments", "Arguments"),
        config);
  }

  /** {@code @ItemBatcher} on a Map state's type, or null. */
  private ItemBatcher itemBatcher(StateInfo info, String at) {
    AnnotationMirror m = mirror(info.element(), "ItemBatcher");
    if (m == null) {
      return null;
    }
    origins.put(at, new Origin(info.element(), m, null));
    StateInfo batcher = new StateInfo(info.element(), m, info.kind(), info.name(), info.owner());
    return new ItemBatcher(
        numeric(batcher, at, "maxItemsPerBatch", "MaxItemsPerBatch"),
        field(batcher, at, "maxItemsPerBatchPath", "MaxItemsPerBatchPath"),
        numeric(batcher, at, "maxInputBytesPerBatch", "MaxInputBytesPerBatch"),
        field(batcher, at, "maxInputBytesPerBatchPath", "MaxInputBytesPerBatchPath"),
        json(batcher, at, "batchInput", "BatchInput"));
  }

  /** {@code @ResultWriter} on a Map state's type, or null. */
  private ResultWriter resultWriter(StateInfo info, String at) {
    AnnotationMirror m = mirror(info.element(), "ResultWriter");
    if (m == null) {
      return null;
    }
    origins.put(at, new Origin(info.element(), m, null));
    StateInfo writer = new StateInfo(info.element(), m, info.kind(), info.name(), info.owner());
    String outputType = field(writer, at + "/WriterConfig", "outputType", "OutputType");
    String transformation = field(writer, at + "/WriterConfig", "transformation", "Transformation");
    return new ResultWriter(
        field(writer, at, "resource", "Resource"),
        json(writer, at, "parameters", "Parameters"),
        json(writer, at, "arguments", "Arguments"),
        outputType == null && transformation == null ? null : new ResultWriter.WriterConfig(outputType, transformation));
  }

  /**
   * A numeric field written as a number ({@code attribute}) or as a JSONata expression ({@code
   * attributeExpression}); both at once is an error.
   */
  private JsonNode numeric(StateInfo info, String at, String attribute, String aslField) {
    AnnotationValue numberValue = value(info.mirror(), attribute);
    JsonNode number = null;
    if (numberValue != null) {
      number = number(((Number) numberValue.getValue()).doubleValue());
      origins.put(at + "/" + aslField, new Origin(info.element(), info.mirror(), numberValue));
    }
    AnnotationValue expressionValue = value(info.mirror(), attribute + "Expression");
    if (expressionValue == null) {
      return number;
    }
    if (number != null) {
      reporter.error(
          "NumberOrExpression",
          "'" + aslField + "' is a number or a JSONata expression, but has both '" + attribute + "' and '"
              + attribute + "Expression'",
          info.element(),
          info.mirror(),
          expressionValue);
      origins.reported(at + "/" + aslField);
    }
    origins.put(at + "/" + aslField, new Origin(info.element(), info.mirror(), expressionValue));
    return TextNode.valueOf(String.valueOf(expressionValue.getValue()));
  }

  private Io io(StateInfo info, String at) {
    return new Io(
        path(info, at, "inputPath", "InputPath"),
        json(info, at, "parameters", "Parameters"),
        json(info, at, "resultSelector", "ResultSelector"),
        path(info, at, "resultPath", "ResultPath"),
        path(info, at, "outputPath", "OutputPath"),
        json(info, at, "arguments", "Arguments"),
        json(info, at, "output", "Output"),
        json(info, at, "assign", "Assign"));
  }

  /** A Parallel branch or Map processor: a {@code @Branch} type of this workflow. */
  private Graph nested(StateInfo info, AnnotationValue value, String at) {
    TypeElement branch = typeOf(value);
    AnnotationMirror branchMirror = branch == null ? null : mirror(branch, "Branch");
    if (branchMirror == null || !isInside(branch, workflow)) {
      reporter.error(
          "NotABranch",
          "'"
              + value
              + "' is not a @Branch type of workflow "
              + workflow.getSimpleName()
              + "; a branch or item processor is a nested type annotated @Branch that holds states",
          info.element(),
          info.mirror(),
          value);
      origins.reported(at);
      return null;
    }
    if (!expanding.add(branch)) {
      reporter.error(
          "RecursiveBranch",
          "branch " + branch.getSimpleName() + " contains itself",
          info.element(),
          info.mirror(),
          value);
      origins.reported(at);
      return null;
    }
    try {
      origins.put(at, new Origin(branch, branchMirror, null));
      return graph(branch, branchMirror, at);
    } finally {
      expanding.remove(branch);
    }
  }

  private String branchComment(AnnotationValue value) {
    TypeElement branch = typeOf(value);
    AnnotationMirror branchMirror = branch == null ? null : mirror(branch, "Branch");
    return branchMirror == null ? null : string(branchMirror, "comment");
  }

  // ---- transitions -------------------------------------------------------------------------------

  private record Next(String name, Boolean end) {}

  private Next next(StateInfo info, String at, String attribute) {
    AnnotationValue value = value(info.mirror(), attribute);
    if (value == null) {
      origins.ignore(at, "NextOrEnd"); // javac already reports the missing required attribute
      return new Next(null, null);
    }
    TypeElement target = typeOf(value);
    if (target != null && target.getQualifiedName().contentEquals(PACKAGE + "End")) {
      origins.put(at + "/End", new Origin(info.element(), info.mirror(), value));
      return new Next(null, true);
    }
    return new Next(target(info, info.mirror(), value, at + "/Next", attribute, true), null);
  }

  /** The state name a class literal designates; reports literals that name no state. */
  private String target(
      StateInfo info, AnnotationMirror mirror, AnnotationValue value, String at, String attribute, boolean endAllowed) {
    origins.put(at, new Origin(info.element(), mirror, value));
    TypeElement target = typeOf(value);
    if (target != null && target.getQualifiedName().contentEquals(PACKAGE + "End")) {
      reporter.error(
          "EndNotAllowed",
          "'" + attribute + "' must name a state; End.class can only end a path through 'next'",
          info.element(),
          mirror,
          value);
      origins.reported(at);
      return "End";
    }
    StateInfo targetState = target == null ? null : states.get(target);
    if (targetState == null) {
      reporter.error(
          "UnknownState",
          "'"
              + attribute
              + " = "
              + value
              + "' is not a state of workflow "
              + workflow.getSimpleName()
              + "; name a nested type annotated @Task, @Choice, …"
              + (endAllowed ? ", or End.class to end here" : ""),
          info.element(),
          mirror,
          value);
      origins.reported(at);
      return target == null ? String.valueOf(value) : target.getSimpleName().toString();
    }
    return targetState.name();
  }

  // ---- Retry and Catch ---------------------------------------------------------------------------

  private List<Retrier> retriers(TypeElement e, String at) {
    List<AnnotationMirror> mirrors = repeated(e, "Retry");
    if (mirrors.isEmpty()) {
      return null;
    }
    List<Retrier> retriers = new ArrayList<>();
    for (int i = 0; i < mirrors.size(); i++) {
      AnnotationMirror m = mirrors.get(i);
      String retryAt = at + "/Retry/" + i;
      origins.put(retryAt, new Origin(e, m, null));
      retriers.add(
          new Retrier(
              strings(e, m, retryAt, "errors", "ErrorEquals"),
              integer(e, m, retryAt, "intervalSeconds", "IntervalSeconds"),
              integer(e, m, retryAt, "maxAttempts", "MaxAttempts"),
              decimal(e, m, retryAt, "backoffRate", "BackoffRate"),
              integer(e, m, retryAt, "maxDelaySeconds", "MaxDelaySeconds"),
              value(m, "jitterStrategy") == null
                  ? null
                  : Retrier.JitterStrategy.valueOf(enumName(value(m, "jitterStrategy"))),
              string(m, "comment")));
    }
    return retriers;
  }

  private List<Catcher> catchers(TypeElement e, String at) {
    List<AnnotationMirror> mirrors = repeated(e, "Catch");
    if (mirrors.isEmpty()) {
      return null;
    }
    StateInfo info = states.get(e);
    List<Catcher> catchers = new ArrayList<>();
    for (int i = 0; i < mirrors.size(); i++) {
      AnnotationMirror m = mirrors.get(i);
      String catchAt = at + "/Catch/" + i;
      origins.put(catchAt, new Origin(e, m, null));
      StateInfo asCatch = new StateInfo(e, m, info.kind(), info.name(), info.owner());
      AnnotationValue nextValue = value(m, "next");
      String next = nextValue == null ? null : target(info, m, nextValue, catchAt + "/Next", "next", false);
      catchers.add(
          new Catcher(
              strings(e, m, catchAt, "errors", "ErrorEquals"),
              next,
              path(asCatch, catchAt, "resultPath", "ResultPath"),
              json(asCatch, catchAt, "output", "Output"),
              json(asCatch, catchAt, "assign", "Assign"),
              string(m, "comment")));
    }
    return catchers;
  }

  // ---- Choice rules ------------------------------------------------------------------------------

  private ChoiceRule rule(StateInfo info, AnnotationMirror when, String at, boolean jsonata) {
    TypeElement e = info.element();
    origins.put(at, new Origin(e, when, null));
    StateInfo asRule = new StateInfo(e, when, info.kind(), info.name(), info.owner());
    AnnotationValue nextValue = value(when, "next");
    String next = nextValue == null ? null : target(info, when, nextValue, at + "/Next", "next", false);
    String conditionText = field(asRule, at, "condition", "Condition");
    Map<String, AnnotationValue> written = explicit(when);
    List<String> forms = new ArrayList<>();
    if (conditionText != null) {
      forms.add("condition");
    }
    if (written.containsKey("variable") || written.keySet().stream().anyMatch(OPERATORS::containsKey)) {
      forms.add("variable");
    }
    for (String combination : List.of("and", "or", "not")) {
      if (written.containsKey(combination)) {
        forms.add(combination);
      }
    }
    Condition condition = null;
    if (forms.size() > 1) {
      reporter.error(
          "ChoiceRule",
          "a @When has one of a JSONata 'condition', a JSONPath 'variable' with one comparison, 'and',"
              + " 'or' or 'not', but has " + String.join(" and ", forms),
          e,
          when,
          value(when, forms.get(1)));
      origins.reported(at);
    }
    String form = forms.isEmpty() ? "variable" : forms.get(0);
    switch (form) {
      case "condition" -> condition = new Condition.Jsonata(TextNode.valueOf(conditionText));
      case "and", "or" -> {
        String aslName = form.equals("and") ? "And" : "Or";
        List<Condition> operands = new ArrayList<>();
        List<? extends AnnotationValue> items = list(value(when, form));
        origins.put(at + "/" + aslName, new Origin(e, when, value(when, form)));
        for (int k = 0; k < items.size(); k++) {
          Condition operand =
              comparison(info, (AnnotationMirror) items.get(k).getValue(), at + "/" + aslName + "/" + k, jsonata, true);
          if (operand != null) {
            operands.add(operand);
          }
        }
        condition = form.equals("and") ? new Condition.And(operands, null) : new Condition.Or(operands, null);
      }
      case "not" -> {
        Condition operand = comparison(info, (AnnotationMirror) value(when, "not").getValue(), at + "/Not", jsonata, true);
        condition = operand == null ? null : new Condition.Not(operand, null);
      }
      default -> condition = comparison(info, when, at, jsonata, false);
    }
    return new ChoiceRule(
        condition,
        next,
        string(when, "comment"),
        json(asRule, at, "assign", "Assign"),
        json(asRule, at, "output", "Output"));
  }

  /**
   * The comparison of a {@code @When} or a nested {@code @Rule}: a variable and exactly one
   * operator; a {@code @Rule(not = true)} is wrapped in {@code Not}.
   */
  private Condition comparison(StateInfo info, AnnotationMirror m, String at, boolean jsonata, boolean nested) {
    TypeElement e = info.element();
    String what = nested ? "@Rule" : "@When";
    if (nested) {
      origins.put(at, new Origin(e, m, null));
    }
    boolean negated = nested && Boolean.TRUE.equals(value(m, "not") == null ? null : value(m, "not").getValue());
    String comment = nested ? string(m, "comment") : null;
    String inner = negated ? at + "/Not" : at;
    StateInfo asRule = new StateInfo(e, m, info.kind(), info.name(), info.owner());
    String variable = field(asRule, inner, "variable", "Variable");
    List<String> operators = new ArrayList<>();
    for (String attribute : explicit(m).keySet()) {
      if (OPERATORS.containsKey(attribute)) {
        operators.add(attribute);
      }
    }
    if (operators.isEmpty()) {
      reporter.error(
          "ChoiceRule",
          "a " + what + " needs a comparison such as stringEquals or numericGreaterThan"
              + (jsonata && !nested ? ", or a JSONata 'condition'" : ""),
          e,
          m,
          null);
      origins.reported(at);
      return null;
    }
    if (operators.size() > 1) {
      reporter.error(
          "ChoiceRule",
          "a " + what + " has exactly one comparison, but has " + String.join(" and ", operators),
          e,
          m,
          value(m, operators.get(1)));
      origins.reported(at);
    }
    String attribute = operators.get(0);
    ComparisonOperator operator = OPERATORS.get(attribute);
    AnnotationValue operand = value(m, attribute);
    origins.put(inner + "/" + operator.aslName(), new Origin(e, m, operand));
    Condition comparison =
        new Condition.Comparison(variable, operator, operandNode(operand.getValue()), negated ? null : comment);
    return negated ? new Condition.Not(comparison, comment) : comparison;
  }

  /** A {@code @When}'s own comparison and the {@code @Rule}s of its {@code and}, {@code or}, {@code not}. */
  private static List<AnnotationMirror> comparisons(AnnotationMirror when) {
    List<AnnotationMirror> all = new ArrayList<>();
    all.add(when);
    for (String combination : List.of("and", "or")) {
      AnnotationValue items = value(when, combination);
      if (items != null) {
        for (AnnotationValue item : list(items)) {
          all.add((AnnotationMirror) item.getValue());
        }
      }
    }
    AnnotationValue not = value(when, "not");
    if (not != null) {
      all.add((AnnotationMirror) not.getValue());
    }
    return all;
  }

  private static JsonNode operandNode(Object value) {
    if (value instanceof Boolean b) {
      return BooleanNode.valueOf(b);
    }
    if (value instanceof Number n) {
      return number(n.doubleValue());
    }
    return TextNode.valueOf(String.valueOf(value));
  }

  /** Integral doubles as integers: {@code numericGreaterThan = 100} writes {@code 100}, not {@code 100.0}. */
  private static JsonNode number(double value) {
    if (value == Math.rint(value) && !Double.isInfinite(value) && Math.abs(value) < 1e15) {
      long integral = (long) value;
      return integral == (int) integral ? IntNode.valueOf((int) integral) : LongNode.valueOf(integral);
    }
    return DoubleNode.valueOf(value);
  }

  // ---- typed paths -------------------------------------------------------------------------------

  /** Checks rule paths of Choices whose input is a known record against that record's components. */
  private void checkTypedComparisons(List<StateInfo> members, Map<String, State> built) {
    for (StateInfo info : members) {
      if (!info.kind().equals("Choice")) {
        continue;
      }
      TypeMirror input = choiceInput(info, members, built);
      if (input == null) {
        continue;
      }
      for (AnnotationMirror when : repeated(info.element(), "When").stream()
          .flatMap(w -> comparisons(w).stream())
          .toList()) {
        AnnotationValue variable = value(when, "variable");
        if (variable == null) {
          continue;
        }
        for (Map.Entry<String, AnnotationValue> entry : explicit(when).entrySet()) {
          ComparisonOperator operator = OPERATORS.get(entry.getKey());
          if (operator == null) {
            continue;
          }
          checkComparison(info, when, variable, input, operator, entry.getKey(), null);
          if (operator.isPath()) {
            checkComparison(info, when, entry.getValue(), input, operator, entry.getKey(), entry.getValue());
          }
        }
      }
    }
  }

  private TypeMirror choiceInput(StateInfo info, List<StateInfo> members, Map<String, State> built) {
    AnnotationValue explicitInput = value(info.mirror(), "input");
    if (explicitInput != null && !isVoid(explicitInput)) {
      return (TypeMirror) explicitInput.getValue();
    }
    // Inferred: every state leading here is a typed Task passing its result on unchanged.
    TypeMirror inferred = null;
    boolean any = false;
    for (StateInfo member : members) {
      State state = built.get(member.name());
      if (state == null || !successors(state).contains(info.name())) {
        continue;
      }
      TypeMirror output = typedOutputs.get(member.name());
      if (output == null || (inferred != null && !env.getTypeUtils().isSameType(inferred, output))) {
        return null;
      }
      inferred = output;
      any = true;
    }
    return any ? inferred : null;
  }

  private static List<String> successors(State state) {
    List<String> next = new ArrayList<>();
    if (state instanceof io.asl4j.dsl.model.Transitioning t && t.next() != null) {
      next.add(t.next());
    }
    if (state instanceof io.asl4j.dsl.model.ErrorHandling h) {
      h.catchersOrEmpty().forEach(c -> next.add(c.next()));
    }
    if (state instanceof ChoiceState choice) {
      choice.choices().forEach(r -> next.add(r.next()));
      next.add(choice.defaultState());
    }
    return next;
  }

  private void checkComparison(
      StateInfo info,
      AnnotationMirror when,
      AnnotationValue pathValue,
      TypeMirror input,
      ComparisonOperator operator,
      String attribute,
      AnnotationValue reportOn) {
    String text = String.valueOf(pathValue.getValue());
    AslPath path;
    try {
      path = AslPath.parse(text);
    } catch (ExpressionException e) {
      return; // the validator reports the bad path
    }
    if (path.root() != AslPath.Root.INPUT || !path.isReferencePath()) {
      return;
    }
    TypeMirror current = input;
    String described = typeName(input);
    for (AslPath.Step step : path.steps()) {
      TypeElement record = asRecord(current);
      if (!(step instanceof AslPath.Field field) || record == null) {
        return; // indexes and non-record types are not checked
      }
      RecordComponentElement component = null;
      for (RecordComponentElement candidate : ElementFilter.recordComponentsIn(record.getEnclosedElements())) {
        if (candidate.getSimpleName().contentEquals(field.name())) {
          component = candidate;
        }
      }
      if (component == null) {
        reporter.error(
            "PathType",
            "'" + text + "' reads '" + field.name() + "', which is not a component of " + described,
            info.element(),
            when,
            pathValue);
        return;
      }
      current = component.asType();
      described = typeName(current) + " " + record.getSimpleName() + "." + field.name();
    }
    JsonKind kind = JsonKind.of(current, env.getTypeUtils());
    boolean fits =
        switch (operator.kind()) {
          case STRING, STRING_PATTERN -> kind == JsonKind.STRING || kind == JsonKind.TIMESTAMP;
          case NUMERIC -> kind == JsonKind.NUMBER;
          case BOOLEAN -> kind == JsonKind.BOOLEAN;
          case TIMESTAMP -> kind == JsonKind.TIMESTAMP || kind == JsonKind.STRING;
          case TYPE_TEST -> true;
        };
    if (!fits) {
      reporter.error(
          "PathType",
          attribute
              + " compares "
              + operatorKind(operator)
              + ", but '"
              + text
              + "' is "
              + described
              + ", "
              + kind.description,
          info.element(),
          when,
          reportOn != null ? reportOn : value(when, attribute));
    }
  }

  private static String operatorKind(ComparisonOperator operator) {
    return switch (operator.kind()) {
      case STRING, STRING_PATTERN -> "strings";
      case NUMERIC -> "numbers";
      case BOOLEAN -> "booleans";
      case TIMESTAMP -> "timestamps";
      case TYPE_TEST -> "types";
    };
  }

  private static TypeElement asRecord(TypeMirror type) {
    if (type.getKind() == TypeKind.DECLARED) {
      Element element = ((DeclaredType) type).asElement();
      if (element.getKind() == ElementKind.RECORD) {
        return (TypeElement) element;
      }
    }
    return null;
  }

  private static String typeName(TypeMirror type) {
    if (type.getKind() == TypeKind.DECLARED) {
      return ((DeclaredType) type).asElement().getSimpleName().toString();
    }
    return type.toString();
  }

  // ---- typed contracts ---------------------------------------------------------------------------

  private void typedContract(StateInfo info, String resource) {
    List<ExecutableElement> methods = new ArrayList<>();
    for (ExecutableElement method : ElementFilter.methodsIn(info.element().getEnclosedElements())) {
      if (method.getModifiers().contains(Modifier.ABSTRACT)) {
        methods.add(method);
      }
    }
    if (methods.isEmpty()) {
      return;
    }
    ExecutableElement method = methods.get(0);
    boolean isInterface = info.element().getKind() == ElementKind.INTERFACE;
    if (methods.size() > 1
        || !isInterface
        || method.getParameters().size() != 1
        || method.getReturnType().getKind() == TypeKind.VOID
        || !method.getTypeParameters().isEmpty()) {
      reporter.error(
          "TaskContract",
          "a Task's typed contract is one abstract method taking the task input and returning its"
              + " result, e.g. 'Order validate(Order order);', declared in an interface",
          methods.size() > 1 ? methods.get(1) : method,
          null,
          null);
      return;
    }
    typedTasks.add(new TypedTask(info.name(), resource, info.element(), method));
    AnnotationMirror m = info.mirror();
    boolean reshapes =
        value(m, "resultPath") != null
            || value(m, "outputPath") != null
            || value(m, "resultSelector") != null
            || value(m, "output") != null;
    if (!reshapes) {
      typedOutputs.put(info.name(), method.getReturnType());
    }
  }

  // ---- attribute helpers -------------------------------------------------------------------------

  /** A string attribute that becomes the ASL field {@code aslField}; null when not written. */
  private String field(StateInfo info, String at, String attribute, String aslField) {
    AnnotationValue value = value(info.mirror(), attribute);
    if (value == null) {
      return null;
    }
    origins.put(at + "/" + aslField, new Origin(info.element(), info.mirror(), value));
    return String.valueOf(value.getValue());
  }

  private NullablePath path(StateInfo info, String at, String attribute, String aslField) {
    String text = field(info, at, attribute, aslField);
    if (text == null) {
      return null;
    }
    return text.equals("null") ? NullablePath.DISCARD : NullablePath.of(text);
  }

  /** A JSON attribute: JSON text, or a JSONata {@code {% %}} expression as a string. */
  private JsonNode json(StateInfo info, String at, String attribute, String aslField) {
    String text = field(info, at, attribute, aslField);
    if (text == null) {
      return null;
    }
    String trimmed = text.trim();
    if (trimmed.startsWith("{%") && trimmed.endsWith("%}")) {
      return TextNode.valueOf(text);
    }
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      reporter.error(
          "InvalidJson",
          "'"
              + attribute
              + "' must be JSON text (or a JSONata expression {% ... %}): "
              + e.getOriginalMessage(),
          info.element(),
          info.mirror(),
          value(info.mirror(), attribute));
      origins.reported(at + "/" + aslField);
      return null;
    }
  }

  private List<String> strings(TypeElement e, AnnotationMirror m, String at, String attribute, String aslField) {
    AnnotationValue value = value(m, attribute);
    if (value == null) {
      return List.of();
    }
    origins.put(at + "/" + aslField, new Origin(e, m, value));
    List<String> strings = new ArrayList<>();
    for (AnnotationValue item : list(value)) {
      strings.add(String.valueOf(item.getValue()));
    }
    return strings;
  }

  private Integer integer(TypeElement e, AnnotationMirror m, String at, String attribute, String aslField) {
    AnnotationValue value = value(m, attribute);
    if (value == null) {
      return null;
    }
    origins.put(at + "/" + aslField, new Origin(e, m, value));
    return ((Number) value.getValue()).intValue();
  }

  private Double decimal(TypeElement e, AnnotationMirror m, String at, String attribute, String aslField) {
    AnnotationValue value = value(m, attribute);
    if (value == null) {
      return null;
    }
    origins.put(at + "/" + aslField, new Origin(e, m, value));
    return ((Number) value.getValue()).doubleValue();
  }

  private static QueryLanguage language(AnnotationMirror mirror) {
    AnnotationValue value = value(mirror, "queryLanguage");
    if (value == null) {
      return null;
    }
    return enumName(value).equals("JSONATA") ? QueryLanguage.JSONATA : QueryLanguage.JSONPATH;
  }

  /** The attributes written explicitly, by name: an attribute left out is absent from the ASL. */
  static Map<String, AnnotationValue> explicit(AnnotationMirror mirror) {
    Map<String, AnnotationValue> values = new LinkedHashMap<>();
    if (mirror != null) {
      for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
          mirror.getElementValues().entrySet()) {
        values.put(entry.getKey().getSimpleName().toString(), entry.getValue());
      }
    }
    return values;
  }

  static AnnotationValue value(AnnotationMirror mirror, String attribute) {
    return explicit(mirror).get(attribute);
  }

  private static String string(AnnotationMirror mirror, String attribute) {
    AnnotationValue value = value(mirror, attribute);
    return value == null ? null : String.valueOf(value.getValue());
  }

  @SuppressWarnings("unchecked")
  private static List<? extends AnnotationValue> list(AnnotationValue value) {
    Object raw = value.getValue();
    return raw instanceof List<?> ? (List<? extends AnnotationValue>) raw : List.of(value);
  }

  private static String enumName(AnnotationValue value) {
    return ((VariableElement) value.getValue()).getSimpleName().toString();
  }

  private static boolean isVoid(AnnotationValue value) {
    return value.getValue() instanceof TypeMirror type && type.getKind() == TypeKind.VOID;
  }

  private static TypeElement typeOf(AnnotationValue value) {
    if (value.getValue() instanceof DeclaredType type) {
      return (TypeElement) type.asElement();
    }
    return null;
  }

  private static boolean isInside(Element element, Element outer) {
    for (Element e = element; e != null; e = e.getEnclosingElement()) {
      if (e.equals(outer)) {
        return true;
      }
    }
    return false;
  }

  /** The simple name of an asl4j annotation ({@code Task}, {@code Retry.List}), else null. */
  static String annotationName(AnnotationMirror mirror) {
    String name = ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
    return name.startsWith(PACKAGE) ? name.substring(PACKAGE.length()) : null;
  }

  static AnnotationMirror mirror(Element element, String simpleName) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      if (simpleName.equals(annotationName(mirror))) {
        return mirror;
      }
    }
    return null;
  }

  /** The mirrors of a repeatable annotation, single or in its container, in source order. */
  static List<AnnotationMirror> repeated(Element element, String simpleName) {
    List<AnnotationMirror> mirrors = new ArrayList<>();
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      String name = annotationName(mirror);
      if (simpleName.equals(name)) {
        mirrors.add(mirror);
      } else if ((simpleName + ".List").equals(name)) {
        AnnotationValue value = value(mirror, "value");
        if (value != null) {
          for (AnnotationValue item : list(value)) {
            mirrors.add((AnnotationMirror) item.getValue());
          }
        }
      }
    }
    return mirrors;
  }

  static String lowerCamel(String name) {
    return name.isEmpty() ? name : name.substring(0, 1).toLowerCase(Locale.ROOT) + name.substring(1);
  }
}
