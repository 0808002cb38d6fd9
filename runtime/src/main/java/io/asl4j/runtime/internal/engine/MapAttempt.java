package io.asl4j.runtime.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asl4j.dsl.model.ItemProcessor;
import io.asl4j.dsl.model.MapState;
import io.asl4j.runtime.StatesError;
import java.math.BigDecimal;

/**
 * One attempt of a Map state (Retry re-runs it from the first item): its iterations, at most so
 * many at once, their results and failures, and the events AWS records for them. A distributed
 * Map's attempt runs each item (or batch) as a child execution of a Map Run ({@link MapRunRecord},
 * {@link ChildRun}).
 */
final class MapAttempt {
  final ExecutionRun run;
  final Step step;
  final MapState map;
  ArrayNode items;

  /** Reads the items inside the Map Run (ItemReader), or null when they are known up front. */
  java.util.function.Supplier<ArrayNode> reader;

  final JsonNode effective;
  final JsonNode states;
  int maxConcurrency;
  MapLimits.Tolerance tolerance;
  final boolean distributed;
  JsonNode[] results;

  /** The Map Run of this attempt of a distributed Map, else null. */
  MapRunRecord mapRun;

  int next;
  int active;
  int done;
  int failures;
  boolean over;
  long cursor;

  /** The id of the last MapIterationSucceeded or MapIterationFailed event; 0 before any. */
  long lastIterationEvent;

  /** The id of the MapRunStarted event of a distributed Map. */
  long mapRunStartedEvent;

  /** AWS ends an Express execution, a distributed Map's Express children too, after 5 minutes. */
  static final long EXPRESS_LIMIT_MILLIS = 5 * 60 * 1000L;

  /**
   * The iterations started, in order: {@code children.get(i)} runs item {@code i}, since fill()
   * starts them one after another from 0. Hence a bit set by index for the finished ones, not hash
   * collections keyed by frame (identity hashes cost, for every one of 1,000 items).
   */
  final java.util.List<Frame> children = new java.util.ArrayList<>();

  final java.util.BitSet finished = new java.util.BitSet();

  /**
   * The payload size of the results array, summed as JsonSize would walk it ({@code 2 + Σ (size +
   * 1)}) from the sizes the iterations' frames counted at their last exits; -1 once one is unknown.
   * Spares the Map's exit a walk over every result.
   */
  long resultsBytes;

  final boolean select;

  /** The iterations (children) that failed in this attempt: a redrive runs them again. */
  final java.util.BitSet failed = new java.util.BitSet();

  /** What the attempt a redrive resumes ran, for this attempt only; else null. */
  Redrive.Attempt earlier;

  /** The ResultWriter of this attempt (it evaluates its parameters once), or null. */
  private MapResultWriter writer;

  MapAttempt(
      ExecutionRun run,
      Step step,
      MapState map,
      ArrayNode items,
      JsonNode effective,
      JsonNode states,
      boolean select) {
    this.select = select;
    this.run = run;
    this.step = step;
    this.map = map;
    this.items = items;
    this.effective = effective;
    this.states = states;
    this.distributed = map.isDistributed();
    this.earlier = step.takeRedrivenAttempt();
  }

  void attempt() {
    try {
      maxConcurrency = MapLimits.maxConcurrency(map, effective, step, run.setup().data(), states);
    } catch (StatesError e) {
      step.failState(e);
      return;
    }
    step.inspect("maxConcurrency", ExecutionRun.NODES.numberNode(maxConcurrency));
    results = new JsonNode[items.size()];
    mapRun = null;
    writer = map.resultWriter() == null ? null : new MapResultWriter(run, step, map, effective);
    next = 0;
    active = 0;
    done = 0;
    failures = 0;
    over = false;
    children.clear();
    finished.clear();
    failed.clear();
    resultsBytes = 2;
    Redrive.Attempt resumed = earlier;
    earlier = null; // a Retry after the redriven attempt runs every item again
    ObjectNode started = ExecutionRun.NODES.objectNode();
    started.put("length", reader == null ? items.size() : 0);
    step.frame.event("MapStateStarted", started);
    // AWS evaluates the tolerance fields after MapStateStarted (and MaxConcurrency before it).
    Data data = run.setup().data();
    try {
      tolerance = MapLimits.tolerance(map, effective, step, data, states, items.size());
    } catch (StatesError e) {
      over = true;
      step.failState(e);
      return;
    }
    // TestState: a mocked result or error stands for the iterations.
    if (run.observer.tookOverMap(step, map, tolerance, items.size(), this::attempt)) {
      return;
    }
    if (distributed && resumed != null && resumed.mapRun() != null) {
      // Redriven: the same Map Run runs again (AWS's MapRunRedriven), only its unsuccessful
      // children.
      mapRun = resumed.mapRun();
      int redrives = mapRun.redrive(run.nowMillis());
      ObjectNode runRedriven = ExecutionRun.NODES.objectNode();
      runRedriven.put("mapRunArn", mapRun.arn());
      runRedriven.put("redriveCount", redrives);
      // The exit of a redriven Map chains to this event as a first run's does to its MapRunStarted.
      mapRunStartedEvent = step.frame.event("MapRunRedriven", runRedriven);
    } else if (distributed) {
      io.asl4j.dsl.model.ProcessorConfig config = map.processor().processorConfig();
      mapRun =
          run.startMapRun(
              step,
              map.label(),
              config.executionType() == io.asl4j.dsl.model.ProcessorConfig.ExecutionType.EXPRESS,
              maxConcurrency,
              tolerance.explicit() && tolerance.count() != Integer.MAX_VALUE
                  ? tolerance.count()
                  : 0,
              tolerance.percentage() == null ? BigDecimal.ZERO : tolerance.percentage());
      ObjectNode runStarted = ExecutionRun.NODES.objectNode();
      runStarted.put("mapRunArn", mapRun.arn());
      mapRunStartedEvent = step.frame.event("MapRunStarted", runStarted);
    }
    if (mapRun != null) {
      // Should its ItemReader fail, a redrive redrives this Map Run rather than starting another.
      step.lastAttempt = new Redrive.Attempt(children, results, i -> false, mapRun);
    }
    if (reader != null) {
      try {
        items = reader.get();
        results = new JsonNode[items.size()];
      } catch (StatesError e) {
        over = true;
        // A field of the ItemReader that cannot be evaluated (a path, an expression) is the
        // state's error, located as every other state error is; the reader's own failures
        // (States.ItemReaderFailed) read as AWS records them, without that prefix.
        String cause =
            e instanceof FieldError fieldError ? step.prefix() + fieldError.cause() : e.cause();
        ObjectNode d = ExecutionRun.NODES.objectNode();
        d.put("cause", cause == null ? "" : cause);
        d.put("error", e.error());
        step.frame.event("MapRunFailed", d);
        mapRun.failed(e.error(), cause, run.nowMillis());
        step.handleError(e.error(), cause, this::attempt, "MapStateFailed");
        return;
      }
    }
    if (mapRun != null && !mapRun.planned()) {
      mapRun.planned(items.size(), batched() ? batchedItems() : items.size());
    }
    cursor = step.frame.cursor;
    step.lastAttempt =
        new Redrive.Attempt(children, results, i -> finished.get(i) && !failed.get(i), mapRun);
    this.resumed = resumed;
    if (resumed != null) {
      for (int i = 0; i < items.size(); i++) {
        if (resumed.succeeded(i) && i < resumed.outputs().length) {
          // An iteration that succeeded keeps its result and does not run again.
          results[i] = resumed.outputs()[i];
          finished.set(i);
          done++;
        }
      }
      resultsBytes = -1;
    }
    if (items.isEmpty() || done == items.size()) {
      succeeded();
      return;
    }
    fill();
  }

  /** The attempt this one redrives, while it starts its iterations; else null. */
  private Redrive.Attempt resumed;

  /**
   * Starts iterations until the concurrency limit is reached: {@code MaxConcurrency}, and never
   * more than AWS runs at once whatever it says (40 inline, 10,000 child executions).
   */
  private void fill() {
    int limit =
        distributed ? MapExecutor.MAX_DISTRIBUTED_CONCURRENCY : MapExecutor.MAX_INLINE_CONCURRENCY;
    if (maxConcurrency > 0) {
      limit = Math.min(limit, maxConcurrency);
    }
    // running(): an iteration's start may end the execution (its history limit), and the rest
    // of a million items must then not be started.
    while (!over && next < items.size() && active < limit && run.running()) {
      if (resumed != null && finished.get(next)) {
        children.add(null); // kept from the redriven attempt: children stay indexed by item
        next++;
        continue;
      }
      startIteration(next++);
    }
    if (next == items.size() && done == items.size() && !over) {
      over = true; // the redriven attempt's successes ended the Map's last items
      succeeded();
    }
  }

  private void startIteration(int index) {
    JsonNode item = items.get(index);
    JsonNode itemInput;
    try {
      itemInput = selectItem(index, item);
    } catch (StatesError e) {
      over = true;
      step.failState(e);
      return;
    }
    active++;
    ItemProcessor processor = map.processor();
    if (distributed) {
      startChildExecution(index, processor, itemInput);
      return;
    }
    Frame ended = resumed == null ? null : resumed.frame(index);
    Frame child =
        ended != null
            ? step.childFrame(processor, cursor, ended.scope)
            : step.childFrame(processor, cursor);
    children.add(child);
    child.cursor = step.frame.record(cursor, "MapIterationStarted", () -> iterationDetails(index));
    child.onDone = outcome -> iterationDone(index, child, outcome);
    if (ended != null) {
      step.resumeChild(child, ended, itemInput);
    } else {
      step.enterChild(child, processor.startAt(), itemInput);
    }
  }

  /**
   * Starts item {@code index} as a child execution: its own history begins with {@code
   * ExecutionStarted}, its first state chains to event 0 as an execution's does, and an Express
   * child ends after 5 minutes as AWS ends Express executions.
   */
  private void startChildExecution(int index, ItemProcessor processor, JsonNode itemInput) {
    int itemCount = batched() ? itemInput.path("Items").size() : 1;
    Frame ended = resumed == null ? null : resumed.frame(index);
    ChildRun childRun;
    Frame child;
    if (ended != null && !ended.child.express()) {
      // A Standard child is redriven: its own history goes on after ExecutionRedriven.
      childRun = ended.child;
      long redriven = childRun.redrive(run.nowMillis());
      child = step.childExecutionFrame(processor, childRun, ended.scope, redriven);
    } else {
      // A new child; an Express one is started again from its first state, as AWS reruns them.
      childRun =
          ended != null
              ? mapRun.restartChild(index, itemCount, itemInput, run.nowMillis())
              : mapRun.startChild(index, itemCount, itemInput, run.nowMillis());
      childRun.started();
      child = step.childExecutionFrame(processor, childRun);
      ended = null;
    }
    children.add(child);
    child.onDone =
        outcome -> {
          if (childRun.end(outcome, child.cursor, run.nowMillis())) {
            iterationDone(index, child, outcome);
          }
        };
    if (childRun.express()) {
      childRun.limit =
          run.scheduler()
              .at(
                  run.nowMillis() + EXPRESS_LIMIT_MILLIS,
                  () -> {
                    if (childRun.timeOut(run.nowMillis())) {
                      child.aborted = true;
                      iterationDone(index, child, GraphOutcome.failure("States.Timeout", null));
                    }
                  });
    }
    if (ended != null) {
      step.resumeChild(child, ended, itemInput);
    } else {
      step.enterChild(child, processor.startAt(), itemInput);
    }
  }

  /** Whether each child gets a batch ({@code ItemBatcher}) rather than an item. */
  private boolean batched() {
    return map.itemBatcher() != null;
  }

  /** How many items the batches hold together. */
  private long batchedItems() {
    long total = 0;
    for (JsonNode batch : items) {
      total += batch.path("Items").size();
    }
    return total;
  }

  /** {@code {"index":i,"name":...}} of the MapIteration* events, built when the history is read. */
  private ObjectNode iterationDetails(int index) {
    ObjectNode d = ExecutionRun.NODES.objectNode();
    d.put("index", index);
    d.put("name", step.name);
    return d;
  }

  JsonNode selectItem(int index, JsonNode item) {
    JsonNode selector = map.selector();
    if (selector == null || !select) {
      return item;
    }
    ObjectNode mapItem = ExecutionRun.NODES.objectNode();
    mapItem.put("Index", index);
    mapItem.set("Value", item);
    step.mapItem = mapItem;
    step.invalidateContext();
    try {
      Data data = run.setup().data();
      JsonNode selected =
          step.jsonata
              ? data.jsonata(selector, "ItemSelector", step.statesVariable(null, null), step)
              : data.template(selector, effective, step);
      // An iteration's input is a state's input: AWS's payload limit applies to it.
      if (JsonSize.exceeds(selected, ExecutionRun.PAYLOAD_LIMIT_BYTES)) {
        throw ExecutionRun.dataLimitExceeded(step.name);
      }
      return selected;
    } finally {
      step.mapItem = null;
      step.invalidateContext();
    }
  }

  private void iterationDone(int index, Frame child, GraphOutcome outcome) {
    if (over) {
      return;
    }
    active--;
    done++;
    finished.set(index);
    run.release(child);
    if (!distributed) {
      cursor = child.cursor;
      lastIterationEvent =
          step.frame.record(
              child.cursor,
              outcome.failed() ? "MapIterationFailed" : "MapIterationSucceeded",
              () -> iterationDetails(index));
    }
    if (outcome.failed()) {
      failed.set(index);
      failures++;
      if (tolerance.exceeded(failures, items.size())) {
        over = true;
        if (!distributed) {
          for (int i = 0; i < children.size(); i++) {
            Frame other = children.get(i);
            if (other != child && !finished.get(i)) {
              run.abort(other, false);
              ObjectNode d = ExecutionRun.NODES.objectNode();
              d.put("index", i);
              d.put("name", step.name);
              step.frame.record(child.cursor, "MapIterationAborted", () -> d);
            }
          }
          run.abort(child, true);
        }
        // A distributed Map's running children are aborted when its Map Run fails (below).
        for (Frame c : children) {
          if (c != null) { // null: an iteration a redrive kept
            c.aborted = true;
            run.release(c);
          }
        }
        boolean tolerated = tolerance.explicit();
        String error = tolerated ? "States.ExceedToleratedFailureThreshold" : outcome.error();
        String cause =
            tolerated ? "The specified tolerated failure threshold was exceeded" : outcome.cause();
        step.frame.cursor = cursor;
        if (distributed) {
          ObjectNode d = ExecutionRun.NODES.objectNode();
          if (error != null) {
            d.put("error", error);
          }
          if (cause != null) {
            d.put("cause", cause);
          }
          step.frame.event("MapRunFailed", d);
          if (writer != null) {
            writer.writeOfFailedRun(mapRun, items);
          }
          mapRun.failed(error, cause, run.nowMillis());
        }
        step.handleError(error, cause, this::attempt, "MapStateFailed");
        return;
      }
      results[index] =
          outcome.error() == null && outcome.cause() == null ? null : errorOutput(outcome);
      resultsBytes = -1;
    } else {
      results[index] = outcome.output();
      long bytes = child.knownSize(outcome.output());
      resultsBytes = bytes < 0 || resultsBytes < 0 ? -1 : resultsBytes + bytes + 1;
    }
    if (done == items.size()) {
      over = true;
      succeeded();
    } else {
      fill();
    }
  }

  private JsonNode errorOutput(GraphOutcome outcome) {
    ObjectNode o = ExecutionRun.NODES.objectNode();
    if (outcome.error() != null) {
      o.put("Error", outcome.error());
    }
    if (outcome.cause() != null) {
      o.put("Cause", outcome.cause());
    }
    return o;
  }

  /**
   * Records the Map's success. As on AWS, MapStateSucceeded follows the event that completed the
   * Map (the last iteration's MapIterationSucceeded, the MapRunSucceeded of a distributed Map, or
   * MapStateStarted when there were no items) and the state's exit is chained beside it, to the
   * same event, not to MapStateSucceeded; a distributed Map's exit to its MapRunStarted, as every
   * recording since November 2024 shows (earlier ones chained it to MapRunSucceeded).
   */
  private void succeeded() {
    step.frame.cursor = Math.max(step.frame.cursor, Math.max(cursor, lastIterationEvent));
    long completing = step.frame.cursor;
    if (distributed) {
      step.frame.event("MapRunSucceeded", null);
      mapRun.succeeded(run.nowMillis());
      completing = mapRunStartedEvent;
    }
    step.frame.event("MapStateSucceeded", null);
    step.frame.cursor = completing;
    ArrayNode array = ExecutionRun.NODES.arrayNode();
    for (JsonNode r : results) {
      array.add(r == null ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : r);
    }
    if (resultsBytes >= 0 && results.length > 0) {
      step.frame.rememberSize(array, resultsBytes);
    }
    try {
      JsonNode result = writer == null ? array : writer.write(mapRun, items);
      step.exit(step.complete(map.io(), result));
    } catch (StatesError e) {
      step.failState(e);
    }
  }
}
