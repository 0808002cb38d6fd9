package io.asl4j.runtime.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asl4j.dsl.expression.AslPath;
import io.asl4j.dsl.model.Graph;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** One run of a graph: the machine, a Parallel branch or a Map iteration. */
final class Frame {
  final ExecutionRun run;
  final Graph graph;
  final VariableScope scope;
  final Frame parent;
  long cursor;
  boolean aborted;

  /**
   * The distributed Map child execution this frame runs in (set on the child's root frame,
   * inherited by the frames inside it), or null for this execution's own frames.
   */
  ChildRun child;

  /** The graph's states, planned once per machine. */
  final Map<String, StatePlan> plans;

  /** The state this frame is in (entered, not yet exited); after a failure, the failed one. */
  Step current;

  /**
   * The state this frame exited last: where a redrive goes on when it stopped between two states.
   */
  Step lastExited;

  Consumer<GraphOutcome> onDone;

  /** A frame running {@code graph}, whose states' plans are {@code plans}. */
  Frame(
      ExecutionRun run,
      Graph graph,
      Map<String, StatePlan> plans,
      VariableScope scope,
      Frame parent,
      long cursor) {
    this.run = run;
    this.graph = graph;
    this.scope = scope;
    this.parent = parent;
    this.cursor = cursor;
    this.child = parent == null ? null : parent.child;
    this.plans = plans;
  }

  /** The history this frame's events go to. */
  History history() {
    return child == null ? run.ownHistory() : child.events();
  }

  /**
   * The last two values whose payload size this frame counted, and their sizes: upper bounds
   * ({@link JsonSize#bound}), which say whether a value is within the limit as well as the exact
   * size does and are sums and differences of each other the same way. States pass their output on
   * as the next state's input, and many (Choice, echoing Tasks, Pass without Result) output that
   * very node again: remembering its size skips a walk of the whole value at each exit. Two slots,
   * so that a Map's or Parallel's result and the state's input are both known when the result is
   * placed into the input. Sound because values are never mutated once produced (ResultPath
   * copies).
   */
  private JsonNode sizedNode;

  private long sizedBytes;
  private JsonNode olderSizedNode;
  private long olderSizedBytes;

  /** The remembered size of {@code value}, or -1. */
  long knownSize(JsonNode value) {
    if (value != null && value == sizedNode) {
      return sizedBytes;
    }
    if (value != null && value == olderSizedNode) {
      return olderSizedBytes;
    }
    return -1;
  }

  /** Remembers {@code value}'s size (at most the limit: larger values never travel on). */
  void rememberSize(JsonNode value, long bytes) {
    if (value == sizedNode || bytes > ExecutionRun.PAYLOAD_LIMIT_BYTES) {
      return;
    }
    olderSizedNode = sizedNode;
    olderSizedBytes = sizedBytes;
    sizedNode = value;
    sizedBytes = bytes;
  }

  /** Whether {@code value}'s compact JSON exceeds the payload limit (256 KiB). */
  boolean exceedsPayloadLimit(JsonNode value) {
    if (value == null || knownSize(value) >= 0) {
      return false;
    }
    long bytes = JsonSize.bound(value, ExecutionRun.PAYLOAD_LIMIT_BYTES);
    if (bytes > ExecutionRun.PAYLOAD_LIMIT_BYTES) {
      return true;
    }
    rememberSize(value, bytes);
    return false;
  }

  /**
   * As {@link #exceedsPayloadLimit}, for a value a Task handler returned: always counted (user code
   * made it, and may have changed the node it was given), then remembered.
   */
  boolean handlerResultExceeds(JsonNode result) {
    sizedNode = null; // recount: a handler may have changed the nodes it was given
    olderSizedNode = null;
    return exceedsPayloadLimit(result);
  }

  /**
   * A ResultPath of one field on {@code $} changes one entry of the input, so when the input's size
   * is known the output's follows without walking it: the same sum {@link JsonSize} makes. With the
   * input's size an upper bound, the output's is one too: the replaced value's exact size is
   * subtracted, never more than it counted in the input's.
   */
  void rememberMergedSize(JsonNode rawInput, AslPath resultPath, JsonNode placed, JsonNode merged) {
    long inputBytes = knownSize(rawInput);
    if (inputBytes < 0
        || !rawInput.isObject()
        || !merged.isObject()
        || resultPath.steps().size() != 1
        || !(resultPath.steps().get(0) instanceof AslPath.Field field)) {
      return;
    }
    JsonNode old = rawInput.get(field.name());
    long placedBytes = knownSize(placed);
    if (placedBytes < 0) {
      placedBytes = JsonSize.bound(placed, ExecutionRun.PAYLOAD_LIMIT_BYTES);
    }
    long bytes =
        old == null
            ? inputBytes + JsonSize.stringSize(field.name()) + 2 + placedBytes
            : inputBytes - JsonSize.size(old, ExecutionRun.PAYLOAD_LIMIT_BYTES) + placedBytes;
    rememberSize(merged, bytes);
  }

  // ---- events -----------------------------------------------------------------------------------

  /**
   * Records an event in this frame's causal chain and moves the chain on. Frames of a distributed
   * Map's child executions record into the child's own history, not the execution's, as AWS does.
   */
  long event(String type, ObjectNode details) {
    return eventLazily(type, details == null ? null : () -> details);
  }

  /** As {@link #event(String, ObjectNode)}, with details built only if read. */
  long eventLazily(String type, Supplier<ObjectNode> details) {
    cursor = record(cursor, type, details, History.SUPPLIED);
    return cursor;
  }

  /** A state's entered or exited event, whose details {@code step} builds when read. */
  long stepEvent(String type, Step step, byte kind) {
    cursor = record(cursor, type, step, kind);
    return cursor;
  }

  /**
   * Records an event chained to {@code previous} in the history this frame belongs to: the
   * execution's (under its quota), or that of the distributed Map child execution it runs in.
   */
  long record(long previous, String type, Supplier<ObjectNode> details) {
    return record(previous, type, details, History.SUPPLIED);
  }

  /** As {@link #record(long, String, Supplier)}, with the details' source of {@code kind}. */
  private long record(long previous, String type, Object source, byte kind) {
    if (child == null) {
      return run.recordOwn(previous, type, source, kind);
    }
    // A child execution has a quota of its own, as on AWS; without it a child looping in no time
    // would never end.
    History target = child.events();
    int limit = HistoryQuota.limit(child.express());
    if (target.lastId() >= limit - 1 && !type.startsWith("Execution")) {
      failChildAtHistoryLimit();
      return target.lastId();
    }
    return target.record(previous, run.nowMillis(), type, source, kind);
  }

  /**
   * Ends the child execution this frame runs in as the history quota ends an execution: its root
   * frame is cut off (nothing more of it runs) and fails with {@code States.Runtime}, which records
   * {@code ExecutionFailed} as the child's last event.
   */
  private void failChildAtHistoryLimit() {
    Frame root = this;
    while (root.parent != null && root.parent.child == child) {
      root = root.parent;
    }
    if (root.aborted) {
      return;
    }
    root.aborted = true;
    root.onDone.accept(
        GraphOutcome.failure("States.Runtime", HistoryQuota.childCause(child.express())));
  }

  /**
   * Runs this frame on from where {@code ended}, its predecessor in the last attempt, stopped: the
   * state it was in (entered, never exited) again, with that state's first input and what the state
   * ran before (the branches and iterations of a Parallel or Map) for it to resume; or, when it
   * stopped between two states, the next one; or, when it never began, its first state.
   */
  void resume(Frame ended, JsonNode firstInput) {
    if (scope.bytes == 0 && parent != null) {
      run.countAgain(scope);
    }
    Step unsuccessful = ended.current;
    if (unsuccessful != null) {
      run.enter(this, unsuccessful.name, unsuccessful.rawInput, unsuccessful);
    } else if (ended.lastExited != null && ended.lastExited.next != null) {
      run.enter(this, ended.lastExited.next, ended.lastExited.out, null);
    } else {
      run.enter(this, graph.startAt(), firstInput, null);
    }
  }

  boolean live() {
    for (Frame f = this; f != null; f = f.parent) {
      if (f.aborted) {
        return false;
      }
    }
    return run.running();
  }
}
