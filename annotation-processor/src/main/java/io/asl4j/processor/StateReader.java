package io.asl4j.processor;

import static io.asl4j.processor.Annotations.enumName;
import static io.asl4j.processor.Annotations.language;
import static io.asl4j.processor.Annotations.list;
import static io.asl4j.processor.Annotations.mirror;
import static io.asl4j.processor.Annotations.repeated;
import static io.asl4j.processor.Annotations.string;
import static io.asl4j.processor.Annotations.value;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.asl4j.dsl.model.Catcher;
import io.asl4j.dsl.model.FailState;
import io.asl4j.dsl.model.Io;
import io.asl4j.dsl.model.ItemProcessor;
import io.asl4j.dsl.model.MapState;
import io.asl4j.dsl.model.ParallelState;
import io.asl4j.dsl.model.PassState;
import io.asl4j.dsl.model.ProcessorConfig;
import io.asl4j.dsl.model.QueryLanguage;
import io.asl4j.dsl.model.Retrier;
import io.asl4j.dsl.model.State;
import io.asl4j.dsl.model.StateGraph;
import io.asl4j.dsl.model.SucceedState;
import io.asl4j.dsl.model.TaskState;
import io.asl4j.dsl.model.WaitState;
import io.asl4j.processor.Transitions.Next;
import io.asl4j.processor.WorkflowScanner.Graph;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.TypeElement;

/**
 * Reads one state type into its model state: one method per state kind, the I/O fields they share,
 * and {@code @Retry}/{@code @Catch}. Annotations on a kind that does not allow them (a Retry on a
 * Choice, a {@code @When} on a Task) are reported here, since the model cannot hold them.
 */
final class StateReader {
  private static final Set<String> RETRYABLE = Set.of("Task", "Parallel", "Map");
  private static final List<String> MAP_ONLY = List.of("ItemReader", "ItemBatcher", "ResultWriter");

  private final WorkflowScanner graphs;
  private final Attributes attributes;
  private final Transitions transitions;
  private final ChoiceReader choices;
  private final MapReader maps;
  private final TypedContracts contracts;
  private final Origins origins;
  private final Reporter reporter;

  StateReader(
      WorkflowScanner graphs,
      Attributes attributes,
      Transitions transitions,
      TypedContracts contracts,
      Origins origins,
      Reporter reporter) {
    this.graphs = graphs;
    this.attributes = attributes;
    this.transitions = transitions;
    this.choices = new ChoiceReader(attributes, transitions, origins, reporter);
    this.maps = new MapReader(attributes, origins);
    this.contracts = contracts;
    this.origins = origins;
    this.reporter = reporter;
  }

  /** The state {@code info} declares, at JSON pointer {@code at}. */
  State read(StateInfo info, String at) {
    checkPlacement(info);
    AnnotationMirror m = info.mirror();
    String comment = string(m, "comment");
    QueryLanguage language = language(m);
    Io io = io(info, at);
    return switch (info.kind()) {
      case "Task" -> task(info, at, comment, language, io);
      case "Pass" -> {
        Next next = transitions.next(info, at, "next");
        yield new PassState(
            comment,
            language,
            io,
            attributes.json(info, at, "result", "Result"),
            next.name(),
            next.end());
      }
      case "Wait" -> wait(info, at, comment, language, io);
      case "Choice" -> choices.choice(info, at, comment, language, io);
      case "Succeed" -> new SucceedState(comment, language, io);
      case "Fail" ->
          new FailState(
              comment,
              language,
              attributes.field(info, at, "error", "Error"),
              attributes.field(info, at, "errorPath", "ErrorPath"),
              attributes.field(info, at, "cause", "Cause"),
              attributes.field(info, at, "causePath", "CausePath"));
      case "Parallel" -> parallel(info, at, comment, language, io);
      case "Map" -> map(info, at, comment, language, io);
      default -> throw new IllegalStateException("unknown state kind " + info.kind());
    };
  }

  /** Reports the annotations that the state's kind does not allow. */
  private void checkPlacement(StateInfo info) {
    TypeElement e = info.element();
    String kind = info.kind();
    if (!RETRYABLE.contains(kind)) {
      for (AnnotationMirror retry : repeated(e, "Retry")) {
        reporter.error(
            "RetryNotAllowed",
            "only Task, Parallel and Map states can retry, but "
                + e.getSimpleName()
                + " is a "
                + kind
                + " state",
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
            "WhenNotAllowed",
            "@When belongs on a @Choice state, not on a " + kind + " state",
            e,
            when,
            null);
      }
    }
    if (!kind.equals("Map")) {
      for (String only : MAP_ONLY) {
        AnnotationMirror misplaced = mirror(e, only);
        if (misplaced != null) {
          reporter.error(
              "MapOnly",
              "@" + only + " belongs on a @Map state, not on a " + kind + " state",
              e,
              misplaced,
              null);
        }
      }
    }
  }

  private TaskState task(StateInfo info, String at, String comment, QueryLanguage language, Io io) {
    String resource = attributes.field(info, at, "resource", "Resource");
    Next next = transitions.next(info, at, "next");
    contracts.read(info, resource);
    return new TaskState(
        comment,
        language,
        io,
        resource,
        attributes.numeric(info, at, "timeoutSeconds", "TimeoutSeconds"),
        attributes.field(info, at, "timeoutSecondsPath", "TimeoutSecondsPath"),
        attributes.numeric(info, at, "heartbeatSeconds", "HeartbeatSeconds"),
        attributes.field(info, at, "heartbeatSecondsPath", "HeartbeatSecondsPath"),
        attributes.json(info, at, "credentials", "Credentials"),
        retriers(info, at),
        catchers(info, at),
        next.name(),
        next.end());
  }

  private WaitState wait(StateInfo info, String at, String comment, QueryLanguage language, Io io) {
    TypeElement e = info.element();
    AnnotationMirror m = info.mirror();
    Next next = transitions.next(info, at, "next");
    JsonNode seconds = null;
    AnnotationValue secondsValue = value(m, "seconds");
    if (secondsValue != null) {
      seconds = LongNode.valueOf(((Number) secondsValue.getValue()).longValue());
      origins.put(at + "/Seconds", new Origin(e, m, secondsValue));
    }
    String secondsExpression = attributes.field(info, at, "secondsExpression", "Seconds");
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
    String timestamp = attributes.field(info, at, "timestamp", "Timestamp");
    return new WaitState(
        comment,
        language,
        io,
        seconds,
        attributes.field(info, at, "secondsPath", "SecondsPath"),
        timestamp == null ? null : TextNode.valueOf(timestamp),
        attributes.field(info, at, "timestampPath", "TimestampPath"),
        next.name(),
        next.end());
  }

  private ParallelState parallel(
      StateInfo info, String at, String comment, QueryLanguage language, Io io) {
    TypeElement e = info.element();
    AnnotationMirror m = info.mirror();
    Next next = transitions.next(info, at, "next");
    List<StateGraph> branches = new ArrayList<>();
    AnnotationValue branchesValue = value(m, "branches");
    List<? extends AnnotationValue> listed =
        branchesValue == null ? List.of() : list(branchesValue);
    origins.put(at + "/Branches", new Origin(e, m, branchesValue));
    for (int i = 0; i < listed.size(); i++) {
      Graph graph = graphs.nested(info, listed.get(i), at + "/Branches/" + i);
      if (graph != null) {
        branches.add(
            new StateGraph(graphs.branchComment(listed.get(i)), graph.startAt(), graph.states()));
      }
    }
    return new ParallelState(
        comment,
        language,
        io,
        branches,
        retriers(info, at),
        catchers(info, at),
        next.name(),
        next.end());
  }

  private MapState map(StateInfo info, String at, String comment, QueryLanguage language, Io io) {
    Next next = transitions.next(info, at, "next");
    ItemProcessor processor = processor(info, at + "/ItemProcessor");
    JsonNode tolerated =
        attributes.numeric(info, at, "toleratedFailurePercentage", "ToleratedFailurePercentage");
    return new MapState(
        comment,
        language,
        io,
        attributes.field(info, at, "itemsPath", "ItemsPath"),
        attributes.json(info, at, "items", "Items"),
        attributes.json(info, at, "itemSelector", "ItemSelector"),
        null,
        processor,
        maps.itemReader(info, at + "/ItemReader"),
        maps.itemBatcher(info, at + "/ItemBatcher"),
        maps.resultWriter(info, at + "/ResultWriter"),
        attributes.numeric(info, at, "maxConcurrency", "MaxConcurrency"),
        attributes.field(info, at, "maxConcurrencyPath", "MaxConcurrencyPath"),
        tolerated,
        attributes.field(
            info, at, "toleratedFailurePercentagePath", "ToleratedFailurePercentagePath"),
        attributes.numeric(info, at, "toleratedFailureCount", "ToleratedFailureCount"),
        attributes.field(info, at, "toleratedFailureCountPath", "ToleratedFailureCountPath"),
        attributes.field(info, at, "label", "Label"),
        retriers(info, at),
        catchers(info, at),
        next.name(),
        next.end());
  }

  /** A Map's {@code processor} branch and its {@code mode}/{@code executionType}, or null. */
  private ItemProcessor processor(StateInfo info, String processorAt) {
    TypeElement e = info.element();
    AnnotationMirror m = info.mirror();
    AnnotationValue processorValue = value(m, "processor");
    if (processorValue == null) {
      return null;
    }
    Graph graph = graphs.nested(info, processorValue, processorAt);
    if (graph == null) {
      return null;
    }
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
      origins.put(
          processorAt + "/ProcessorConfig", new Origin(e, m, mode != null ? mode : executionType));
    }
    return new ItemProcessor(
        config, graphs.branchComment(processorValue), graph.startAt(), graph.states());
  }

  private Io io(StateInfo info, String at) {
    return new Io(
        attributes.path(info, at, "inputPath", "InputPath"),
        attributes.json(info, at, "parameters", "Parameters"),
        attributes.json(info, at, "resultSelector", "ResultSelector"),
        attributes.path(info, at, "resultPath", "ResultPath"),
        attributes.path(info, at, "outputPath", "OutputPath"),
        attributes.json(info, at, "arguments", "Arguments"),
        attributes.json(info, at, "output", "Output"),
        attributes.json(info, at, "assign", "Assign"));
  }

  /** The {@code @Retry}s of {@code info}'s type, or null when it has none. */
  private List<Retrier> retriers(StateInfo info, String at) {
    return repeatedAt(
        info,
        "Retry",
        at,
        (retry, retryAt) -> {
          TypeElement e = info.element();
          AnnotationMirror m = retry.mirror();
          AnnotationValue jitter = value(m, "jitterStrategy");
          return new Retrier(
              attributes.strings(e, m, retryAt, "errors", "ErrorEquals"),
              attributes.integer(e, m, retryAt, "intervalSeconds", "IntervalSeconds"),
              attributes.integer(e, m, retryAt, "maxAttempts", "MaxAttempts"),
              attributes.decimal(e, m, retryAt, "backoffRate", "BackoffRate"),
              attributes.integer(e, m, retryAt, "maxDelaySeconds", "MaxDelaySeconds"),
              jitter == null ? null : Retrier.JitterStrategy.valueOf(enumName(jitter)),
              string(m, "comment"));
        });
  }

  /** The {@code @Catch}es of {@code info}'s type, or null when it has none. */
  private List<Catcher> catchers(StateInfo info, String at) {
    return repeatedAt(
        info,
        "Catch",
        at,
        (katch, catchAt) -> {
          AnnotationMirror m = katch.mirror();
          AnnotationValue nextValue = value(m, "next");
          String next =
              nextValue == null
                  ? null
                  : transitions.target(info, m, nextValue, catchAt + "/Next", "next", false);
          return new Catcher(
              attributes.strings(info.element(), m, catchAt, "errors", "ErrorEquals"),
              next,
              attributes.path(katch, catchAt, "resultPath", "ResultPath"),
              attributes.json(katch, catchAt, "output", "Output"),
              attributes.json(katch, catchAt, "assign", "Assign"),
              string(m, "comment"));
        });
  }

  /**
   * Reads each {@code @annotation} on {@code info}'s type (repeated or in its container) at {@code
   * at/annotation/i}, in source order; null when there is none, so the ASL field stays absent.
   */
  private <T> List<T> repeatedAt(
      StateInfo info, String annotation, String at, BiFunction<StateInfo, String, T> read) {
    List<AnnotationMirror> mirrors = repeated(info.element(), annotation);
    if (mirrors.isEmpty()) {
      return null;
    }
    List<T> items = new ArrayList<>();
    for (int i = 0; i < mirrors.size(); i++) {
      String itemAt = at + "/" + annotation + "/" + i;
      origins.put(itemAt, new Origin(info.element(), mirrors.get(i), null));
      items.add(read.apply(info.reading(mirrors.get(i)), itemAt));
    }
    return items;
  }
}
