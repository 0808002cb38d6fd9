package io.asl4j.runtime.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asl4j.dsl.model.ItemProcessor;
import io.asl4j.dsl.model.MapState;
import io.asl4j.runtime.StatesError;
import io.asl4j.runtime.internal.engine.ExecutionRun.Frame;
import io.asl4j.runtime.internal.engine.ExecutionRun.Step;
import io.asl4j.runtime.internal.expression.JsonNumbers;
import java.math.BigDecimal;

/**
 * The Map state: item selection, concurrency, tolerated failures and its history events.
 *
 * <p>A distributed Map runs each item (or batch) as a child execution of a Map Run ({@link
 * MapRunRecord}, {@link ChildRun}): on this execution's event loop, but with a history, status and
 * ARN of its own. The parent history then shows the Map Run events instead of iteration events.
 */
final class Maps {
  /**
   * AWS runs at most 40 iterations of an inline Map at once, whatever MaxConcurrency says (0, the
   * default, means as many as it can).
   */
  static final int MAX_INLINE_CONCURRENCY = 40;

  /** A distributed Map runs at most 10,000 child executions at once. */
  static final int MAX_DISTRIBUTED_CONCURRENCY = 10_000;

  private Maps() {}

  static void run(ExecutionRun run, Step step, MapState map) {
    Data data = run.setup().data();
    JsonNode effective;
    JsonNode items;
    JsonNode states = null;
    // TestState: stateConfiguration.mapItemReaderData stands for what the ItemReader would read.
    JsonNode readerItems =
        run.probe != null && run.probe.watches(step) && map.itemReader() != null ? run.probe.itemReaderData() : null;
    if (readerItems != null) {
      effective = step.jsonata ? step.rawInput : step.applyPath(map.io().inputPath(), step.rawInput);
      states = step.jsonata ? step.statesVariable(null, null) : null;
      items = readerItems;
      String pointer = map.itemReader().readerConfig() == null ? null : map.itemReader().readerConfig().itemsPointer();
      if (pointer != null && !readerItems.isArray()) {
        // The reader's data is the JSON document; ItemsPointer picks the items out of it.
        try {
          items = ItemReaders.pointed(readerItems, pointer);
        } catch (StatesError e) {
          step.failState(e);
          return;
        }
        step.inspect("afterItemsPointer", items);
      }
      if (!items.isArray()) {
        step.failState(ItemReaders.failed("Attempting to map over non-iterable node."));
        return;
      }
    } else if (map.itemReader() != null && !map.isDistributed()) {
      // An inline Map has no Map Run to read its items in: it reads them as it starts, and a
      // reader failure fails the Map state itself. (AWS documents ItemReader for distributed Maps;
      // a definition that puts one on an inline Map is run rather than crashed on.)
      effective = step.jsonata ? step.rawInput : step.applyPath(map.io().inputPath(), step.rawInput);
      states = step.jsonata ? step.statesVariable(null, null) : null;
      try {
        items = ItemReaders.read(run.setup(), step, map.itemReader(), effective, states);
      } catch (StatesError e) {
        step.failState(e);
        return;
      }
    } else if (map.itemReader() != null) {
      // The Map Run reads its items itself, after it started: AWS records length 0 and reports
      // reader failures as MapRunFailed.
      JsonNode readerInput = step.jsonata ? step.rawInput : step.applyPath(map.io().inputPath(), step.rawInput);
      JsonNode readerStates = step.jsonata ? step.statesVariable(null, null) : null;
      MapRun mapRun = new MapRun(run, step, map, ExecutionRun.NODES.arrayNode(), readerInput, readerStates, map.itemBatcher() == null);
      mapRun.reader = () -> {
        ArrayNode read = ItemReaders.read(run.setup(), step, map.itemReader(), readerInput, readerStates);
        return map.itemBatcher() == null
            ? read
            : ItemReaders.batch(run.setup(), step, map.itemBatcher(), selectItems(run, step, map, read, readerInput), readerInput, readerStates);
      };
      mapRun.attempt();
      return;
    } else if (step.jsonata) {
      effective = step.rawInput;
      states = step.statesVariable(null, null);
      if (map.items() == null) {
        items = step.rawInput;
        if (!items.isArray()) {
          throw FieldError.query("Map state input must be an array but was: " + items, null);
        }
      } else {
        items = data.jsonata(map.items(), "Items", states, step);
        if (!items.isArray()) {
          throw Data.unexpectedType(map.items(), "Items", "array", items);
        }
      }
    } else {
      effective = step.applyPath(map.io().inputPath(), step.rawInput);
      step.inspect("afterInputPath", effective);
      String itemsPath = map.itemsPath() == null ? "$" : map.itemsPath();
      items = data.path(itemsPath, effective, step);
      if (!items.isArray()) {
        // A context path is named without its first '$', as AWS does ("$$.X" -> "$.X").
        String shown = itemsPath.startsWith("$$") ? itemsPath.substring(1) : itemsPath;
        throw FieldError.runtime("Reference path \"" + shown + "\" must point to array.");
      }
      step.inspect("afterItemsPath", items);
    }
    ArrayNode selectedItems = (ArrayNode) items;
    if (run.probe != null && run.probe.watches(step)) {
      inspectSelectionAndBatches(run, step, map, selectedItems, effective, states);
    }
    if (map.itemBatcher() != null) {
      // Each child gets a batch; ItemSelector, when present, shapes the items inside the batches.
      selectedItems = ItemReaders.batch(run.setup(), step, map.itemBatcher(), selectItems(run, step, map, selectedItems, effective), effective, states);
      new MapRun(run, step, map, selectedItems, effective, states, false).attempt();
      return;
    }
    new MapRun(run, step, map, selectedItems, effective, states, true).attempt();
  }

  /**
   * How many failed iterations a Map tolerates: more than {@code count}, or more than {@code
   * percentage} of all items, fails it. {@code explicit} when the definition set a tolerance, which
   * changes the error to {@code States.ExceedToleratedFailureThreshold}.
   */
  record Tolerance(int count, BigDecimal percentage, boolean explicit) {
    boolean exceeded(int failures, int total) {
      if (failures > count) {
        return true;
      }
      return percentage != null
          && BigDecimal.valueOf(failures * 100L).compareTo(percentage.multiply(BigDecimal.valueOf(total))) > 0;
    }
  }

  /** One attempt of a Map (Retry re-runs it from the first item). */
  private static final class MapRun {
    final ExecutionRun run;
    final Step step;
    final MapState map;
    ArrayNode items;
    /** Reads the items inside the Map Run (ItemReader), or null when they are known up front. */
    java.util.function.Supplier<ArrayNode> reader;
    final JsonNode effective;
    final JsonNode states;
    int maxConcurrency;
    Tolerance tolerance;
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
     * starts them one after another from 0. Hence a bit set by index for the finished ones, not
     * hash collections keyed by frame (identity hashes cost, for every one of 1,000 items).
     */
    final java.util.List<Frame> children = new java.util.ArrayList<>();
    final java.util.BitSet finished = new java.util.BitSet();
    /**
     * The payload size of the results array, summed as JsonSize would walk it ({@code 2 + Σ (size
     * + 1)}) from the sizes the iterations' frames counted at their last exits; -1 once one is
     * unknown. Spares the Map's exit a walk over every result.
     */
    long resultsBytes;

    final boolean select;
    /** The iterations (children) that failed in this attempt: a redrive runs them again. */
    final java.util.BitSet failed = new java.util.BitSet();
    /** What the attempt a redrive resumes ran, for this attempt only; else null. */
    Redrive.Attempt earlier;

    MapRun(ExecutionRun run, Step step, MapState map, ArrayNode items, JsonNode effective, JsonNode states, boolean select) {
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
        maxConcurrency = Maps.maxConcurrency(map, effective, step, run.setup().data(), states);
      } catch (StatesError e) {
        step.failState(e);
        return;
      }
      step.inspect("maxConcurrency", ExecutionRun.NODES.numberNode(maxConcurrency));
      results = new JsonNode[items.size()];
      mapRun = null;
      writerParameters = null;
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
      run.event(step.frame, "MapStateStarted", started);
      // AWS evaluates the tolerance fields after MapStateStarted (and MaxConcurrency before it).
      Data data = run.setup().data();
      try {
        tolerance = Maps.tolerance(map, effective, step, data, states, items.size());
      } catch (StatesError e) {
        over = true;
        step.failState(e);
        return;
      }
      // TestState: a mocked result or error stands for the iterations.
      if (run.probe != null && run.probe.watches(step) && run.probe.mapAttempt(step, map, tolerance, items.size(), this::attempt)) {
        return;
      }
      if (distributed && resumed != null && resumed.mapRun() != null) {
        // Redriven: the same Map Run runs again (AWS's MapRunRedriven), only its unsuccessful children.
        mapRun = resumed.mapRun();
        int redrives = mapRun.redrive(run.nowMillis());
        ObjectNode runRedriven = ExecutionRun.NODES.objectNode();
        runRedriven.put("mapRunArn", mapRun.arn());
        runRedriven.put("redriveCount", redrives);
        // The exit of a redriven Map chains to this event as a first run's does to its MapRunStarted.
        mapRunStartedEvent = run.event(step.frame, "MapRunRedriven", runRedriven);
      } else if (distributed) {
        io.asl4j.dsl.model.ProcessorConfig config = map.processor().processorConfig();
        mapRun = run.startMapRun(
            step, map.label(), config.executionType() == io.asl4j.dsl.model.ProcessorConfig.ExecutionType.EXPRESS,
            maxConcurrency, tolerance.explicit() && tolerance.count() != Integer.MAX_VALUE ? tolerance.count() : 0,
            tolerance.percentage() == null ? BigDecimal.ZERO : tolerance.percentage());
        ObjectNode runStarted = ExecutionRun.NODES.objectNode();
        runStarted.put("mapRunArn", mapRun.arn());
        mapRunStartedEvent = run.event(step.frame, "MapRunStarted", runStarted);
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
          String cause = e instanceof FieldError fieldError ? step.prefix() + fieldError.cause() : e.cause();
          ObjectNode d = ExecutionRun.NODES.objectNode();
          d.put("cause", cause == null ? "" : cause);
          d.put("error", e.error());
          run.event(step.frame, "MapRunFailed", d);
          mapRun.failed(e.error(), cause, run.nowMillis());
          step.handleError(e.error(), cause, this::attempt, "MapStateFailed");
          return;
        }
      }
      if (mapRun != null && !mapRun.planned()) {
        mapRun.planned(items.size(), batched() ? batchedItems() : items.size());
      }
      cursor = step.frame.cursor;
      step.lastAttempt = new Redrive.Attempt(children, results, i -> finished.get(i) && !failed.get(i), mapRun);
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
      int limit = distributed ? MAX_DISTRIBUTED_CONCURRENCY : MAX_INLINE_CONCURRENCY;
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
      Frame child = ended != null ? step.childFrame(processor, cursor, ended.scope) : step.childFrame(processor, cursor);
      children.add(child);
      child.cursor = run.recordIn(step.frame, cursor, "MapIterationStarted", () -> iterationDetails(index));
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
        childRun = ended != null
            ? mapRun.restartChild(index, itemCount, itemInput, run.nowMillis())
            : mapRun.startChild(index, itemCount, itemInput, run.nowMillis());
        childRun.started(run.setup().roleArn());
        child = step.childExecutionFrame(processor, childRun);
        ended = null;
      }
      children.add(child);
      child.onDone = outcome -> {
        if (childRun.end(outcome, child.cursor, run.nowMillis())) {
          iterationDone(index, child, outcome);
        }
      };
      if (childRun.express()) {
        childRun.limit = run.scheduler().at(run.nowMillis() + EXPRESS_LIMIT_MILLIS, () -> {
          if (childRun.timeOut(run.nowMillis())) {
            child.aborted = true;
            iterationDone(index, child, ExecutionRun.Outcome.failure("States.Timeout", null));
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

    private JsonNode selectItem(int index, JsonNode item) {
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
        JsonNode selected = step.jsonata
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

    private void iterationDone(int index, Frame child, ExecutionRun.Outcome outcome) {
      if (over) {
        return;
      }
      active--;
      done++;
      finished.set(index);
      run.release(child);
      if (!distributed) {
        cursor = child.cursor;
        lastIterationEvent = run.recordIn(step.frame, child.cursor, outcome.failed() ? "MapIterationFailed" : "MapIterationSucceeded",
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
                run.recordIn(step.frame, child.cursor, "MapIterationAborted", () -> d);
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
          String cause = tolerated ? "The specified tolerated failure threshold was exceeded" : outcome.cause();
          step.frame.cursor = cursor;
          if (distributed) {
            ObjectNode d = ExecutionRun.NODES.objectNode();
            if (error != null) {
              d.put("error", error);
            }
            if (cause != null) {
              d.put("cause", cause);
            }
            run.event(step.frame, "MapRunFailed", d);
            writeResultsOfFailedRun();
            mapRun.failed(error, cause, run.nowMillis());
          }
          step.handleError(error, cause, this::attempt, "MapStateFailed");
          return;
        }
        results[index] = outcome.error() == null && outcome.cause() == null ? null : errorOutput(outcome);
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

    private JsonNode errorOutput(ExecutionRun.Outcome outcome) {
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
        run.event(step.frame, "MapRunSucceeded", null);
        mapRun.succeeded(run.nowMillis());
        completing = mapRunStartedEvent;
      }
      run.event(step.frame, "MapStateSucceeded", null);
      step.frame.cursor = completing;
      ArrayNode array = ExecutionRun.NODES.arrayNode();
      for (JsonNode r : results) {
        array.add(r == null ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : r);
      }
      if (resultsBytes >= 0 && results.length > 0) {
        step.frame.rememberSize(array, resultsBytes);
      }
      try {
        JsonNode result = map.resultWriter() == null ? array : writeResults();
        step.exit(step.complete(map.io(), result));
      } catch (StatesError e) {
        step.failState(e);
      }
    }

    /**
     * ResultWriter: the child executions go to S3 as AWS exports them, by status, into {@code
     * <Prefix>/<Map Run id>/}: {@code SUCCEEDED_0.json}, {@code FAILED_0.json} (failed, timed out
     * and aborted children) and {@code PENDING_0.json} (children never started), each file written
     * only when it has entries, plus a {@code manifest.json} naming them. The Map's result says
     * where, as AWS's does.
     */
    private JsonNode writeResults() {
      io.asl4j.dsl.model.ResultWriter writer = map.resultWriter();
      if (!distributed) {
        throw new StatesError(
            "States.ResultWriterFailed",
            "A ResultWriter exports the child executions of a distributed Map's Map Run, and this Map"
                + " is inline: set ItemProcessor.ProcessorConfig.Mode to DISTRIBUTED, or remove the ResultWriter.");
      }
      if (writer.resource() == null) {
        // Only WriterConfig: the results come back in the state's output, shaped as configured
        // (JSON Lines is a file format: in a state's output they stay a JSON array).
        ArrayNode shaped = ExecutionRun.NODES.arrayNode();
        for (ChildRun child : mapRun.children()) {
          addExported(shaped, child, transformation());
        }
        return shaped;
      }
      String manifest = writeResultFiles();
      ObjectNode result = ExecutionRun.NODES.objectNode();
      result.put("MapRunArn", mapRun.arn());
      result.putObject("ResultWriterDetails")
          .put("Bucket", resultWriterParameters().path("Bucket").asText())
          .put("Key", manifest);
      return result;
    }

    /**
     * A Map Run that failed still exports what its children did, as AWS does (that is what {@code
     * PENDING_0.json} is for). The Map fails with the Map Run's error either way, so an export that
     * cannot be written (no S3 objects configured, say) adds nothing to report.
     */
    private void writeResultsOfFailedRun() {
      if (map.resultWriter() == null || map.resultWriter().resource() == null || run.setup().s3() == null) {
        return;
      }
      try {
        writeResultFiles();
      } catch (StatesError e) {
        // The Map Run's own error is the one the Map state reports.
      }
    }

    /** The evaluated {@code Parameters}/{@code Arguments} of the ResultWriter, evaluated once. */
    private JsonNode writerParameters;

    private JsonNode resultWriterParameters() {
      if (writerParameters == null) {
        io.asl4j.dsl.model.ResultWriter writer = map.resultWriter();
        Data data = run.setup().data();
        writerParameters = writer.arguments() != null
            ? data.jsonata(writer.arguments(), "ResultWriter/Arguments", step.statesVariable(null, null), step)
            : writer.parameters() != null ? data.template(writer.parameters(), effective, step) : ExecutionRun.NODES.objectNode();
      }
      return writerParameters;
    }

    /** Writes the result files and the manifest; returns the manifest's key. */
    private String writeResultFiles() {
      io.asl4j.runtime.services.S3Objects s3 = run.setup().s3();
      if (s3 == null) {
        throw new StatesError("States.ResultWriterFailed", "no S3 objects are configured for this local state machine (LocalStateMachine.Builder.s3(...))");
      }
      JsonNode parameters = resultWriterParameters();
      String bucket = parameters.path("Bucket").asText();
      String prefix = parameters.path("Prefix").asText("");
      String folder = (prefix.isEmpty() ? "" : prefix.endsWith("/") ? prefix : prefix + "/") + mapRun.id() + "/";
      java.util.List<ChildRun> started = mapRun.children();
      java.util.List<ChildRun> succeeded = new java.util.ArrayList<>();
      java.util.List<ChildRun> failed = new java.util.ArrayList<>();
      for (ChildRun child : started) {
        (child.status() == io.asl4j.runtime.ExecutionStatus.SUCCEEDED ? succeeded : failed).add(child);
      }
      ObjectNode manifest = ExecutionRun.NODES.objectNode();
      manifest.put("DestinationBucket", bucket);
      manifest.put("MapRunArn", mapRun.arn());
      ObjectNode files = manifest.putObject("ResultFiles");
      String transformation = transformation();
      ArrayNode failedEntries = ExecutionRun.NODES.arrayNode();
      failed.forEach(child -> addExported(failedEntries, child, transformation));
      ArrayNode pendingEntries = ExecutionRun.NODES.arrayNode();
      for (int i = started.size(); i < items.size(); i++) {
        pendingEntries.addObject().put("Input", ExecutionRun.text(items.get(i)));
      }
      ArrayNode succeededEntries = ExecutionRun.NODES.arrayNode();
      succeeded.forEach(child -> addExported(succeededEntries, child, transformation));
      boolean lines = "JSONL".equals(outputType());
      writeResultFile(s3, bucket, folder, "FAILED", failedEntries, files, lines);
      writeResultFile(s3, bucket, folder, "PENDING", pendingEntries, files, lines);
      writeResultFile(s3, bucket, folder, "SUCCEEDED", succeededEntries, files, lines);
      s3.put(bucket, folder + "manifest.json", manifest.toString());
      java.util.List<ChildRun> written = new java.util.ArrayList<>(failed);
      written.addAll(succeeded);
      mapRun.resultsWritten(written);
      return folder + "manifest.json";
    }

    /**
     * {@code WriterConfig.Transformation}: as written, else {@code NONE} when the results go to S3
     * and {@code COMPACT} when they come back in the state's output, AWS's defaults.
     */
    private String transformation() {
      io.asl4j.dsl.model.ResultWriter writer = map.resultWriter();
      io.asl4j.dsl.model.ResultWriter.WriterConfig config = writer.writerConfig();
      if (config != null && config.transformation() != null) {
        return config.transformation();
      }
      return writer.resource() == null ? "COMPACT" : "NONE";
    }

    /** {@code WriterConfig.OutputType}: {@code JSON} (the default) or {@code JSONL}. */
    private String outputType() {
      io.asl4j.dsl.model.ResultWriter.WriterConfig config = map.resultWriter().writerConfig();
      return config == null || config.outputType() == null ? "JSON" : config.outputType();
    }

    /**
     * One child's result as {@code transformation} shapes it: {@code NONE} the whole entry with
     * its metadata; {@code COMPACT} only a succeeded child's output; {@code FLATTEN} that output,
     * an array's elements one by one. A child that did not succeed keeps its whole entry (its
     * error and cause), whatever the transformation, as AWS documents.
     */
    private static void addExported(ArrayNode into, ChildRun child, String transformation) {
      boolean succeeded = child.status() == io.asl4j.runtime.ExecutionStatus.SUCCEEDED;
      if (!succeeded || "NONE".equals(transformation)) {
        into.add(resultEntry(child));
      } else if ("FLATTEN".equals(transformation) && child.output() != null && child.output().isArray()) {
        child.output().forEach(into::add);
      } else {
        into.add(child.output() == null ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : child.output());
      }
    }

    /**
     * Writes one result file, {@code <STATUS>_0.json} (a JSON array) or, for {@code OutputType
     * JSONL}, {@code <STATUS>_0.jsonl} (one entry a line), when it has entries.
     */
    private static void writeResultFile(
        io.asl4j.runtime.services.S3Objects s3, String bucket, String folder, String status, ArrayNode entries,
        ObjectNode files, boolean lines) {
      ArrayNode listed = files.putArray(status);
      if (entries.isEmpty()) {
        return;
      }
      String key = folder + status + (lines ? "_0.jsonl" : "_0.json");
      String body;
      if (lines) {
        StringBuilder text = new StringBuilder();
        entries.forEach(entry -> text.append(entry).append('\n'));
        body = text.toString();
      } else {
        body = entries.toString();
      }
      s3.put(bucket, key, body);
      listed.addObject().put("Key", key).put("Size", body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
    }

    /**
     * One child as AWS's export describes it: its ARN, name, input and output (or error and cause)
     * as JSON text, status, dates and redrive fields.
     */
    private static ObjectNode resultEntry(ChildRun child) {
      ObjectNode entry = ExecutionRun.NODES.objectNode();
      io.asl4j.runtime.ExecutionStatus status = child.status();
      if (status != io.asl4j.runtime.ExecutionStatus.SUCCEEDED) {
        if (child.cause() != null) {
          entry.put("Cause", child.cause());
        }
        if (child.error() != null) {
          entry.put("Error", child.error());
        }
      }
      entry.put("ExecutionArn", child.arn());
      entry.put("Input", ExecutionRun.text(child.input()));
      entry.putObject("InputDetails").put("Included", true);
      entry.put("Name", child.name());
      if (status == io.asl4j.runtime.ExecutionStatus.SUCCEEDED) {
        entry.put("Output", ExecutionRun.text(child.output()));
        entry.putObject("OutputDetails").put("Included", true);
      }
      entry.put("RedriveCount", child.redriveCount());
      entry.put("RedriveStatus", child.redriveStatus().name());
      if (status == io.asl4j.runtime.ExecutionStatus.SUCCEEDED && !child.express()) {
        // AWS gives no reason for an Express child: those have no RedriveExecution of their own.
        entry.put("RedriveStatusReason", "Execution is SUCCEEDED and cannot be redriven");
      }
      entry.put("StartDate", RunSetup.timestamp(child.startDate().toEpochMilli()));
      entry.put("StateMachineArn", child.stateMachineArn());
      entry.put("Status", status.name());
      if (child.stopDate() != null) {
        entry.put("StopDate", RunSetup.timestamp(child.stopDate().toEpochMilli()));
      }
      return entry;
    }
  }

  /** A whole number given as a JSON number or a numeric string (AWS accepts both), else null. */
  static Long wholeNumber(JsonNode value) {
    BigDecimal decimal = decimalNumber(value);
    if (decimal == null) {
      return null;
    }
    try {
      return decimal.longValueExact();
    } catch (ArithmeticException e) {
      return null;
    }
  }

  private static BigDecimal decimalNumber(JsonNode value) {
    if (value.isNumber()) {
      return JsonNumbers.decimal(value); // null for an infinite double: no valid number
    }
    if (value.isTextual()) {
      try {
        return new BigDecimal(value.textValue().trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  /** A value as AWS quotes it in these messages: its text between double quotes. */
  private static String quoted(JsonNode value) {
    return "\"" + (value.isTextual() ? value.textValue() : value.toString()) + "\"";
  }

  /**
   * TestState's {@code afterItemSelector} (each item through ItemSelector) and {@code
   * afterItemBatcher} (the batches the iterations would get). A selector or batcher that fails is
   * reported by the run itself, where it evaluates them.
   */
  private static void inspectSelectionAndBatches(
      ExecutionRun run, Step step, MapState map, ArrayNode items, JsonNode effective, JsonNode states) {
    try {
      ArrayNode selected = selectItems(run, step, map, items, effective);
      if (map.selector() != null) {
        step.inspect("afterItemSelector", selected);
      }
      if (map.itemBatcher() != null) {
        step.inspect("afterItemBatcher", ItemReaders.batch(run.setup(), step, map.itemBatcher(), selected, effective, states));
      }
    } catch (StatesError e) {
      // Evaluated again, and reported, when the Map runs.
    }
  }

  /** Items through ItemSelector one by one (for batching, which groups the selected items). */
  private static ArrayNode selectItems(ExecutionRun run, Step step, MapState map, ArrayNode items, JsonNode effective) {
    if (map.selector() == null) {
      return items;
    }
    MapRun selector = new MapRun(run, step, map, items, effective, step.jsonata ? step.statesVariable(null, null) : null, true);
    ArrayNode selected = ExecutionRun.NODES.arrayNode();
    for (int i = 0; i < items.size(); i++) {
      selected.add(selector.selectItem(i, items.get(i)));
    }
    return selected;
  }

  static int maxConcurrency(MapState map, JsonNode input, Step step, Data data, JsonNode states) {
    if (map.maxConcurrencyPath() != null) {
      JsonNode value = data.path(map.maxConcurrencyPath(), input, step);
      Long parsed = wholeNumber(value);
      if (parsed == null || parsed < 0 || parsed > Integer.MAX_VALUE) {
        throw FieldError.runtime(
            "The MaxConcurrencyPath field refers to value " + quoted(value) + " which is not a valid integer: "
                + map.maxConcurrencyPath());
      }
      return parsed.intValue();
    }
    JsonNode value = map.maxConcurrency();
    if (value == null) {
      return 0;
    }
    if (value.isTextual()) {
      value = data.jsonata(value, "MaxConcurrency", states, step);
    }
    return Math.max(0, value.intValue());
  }

  static Tolerance tolerance(
      MapState map, JsonNode input, Step step, Data data, JsonNode states, int total) {
    int count = -1;
    BigDecimal percentage = null;
    if (map.toleratedFailureCountPath() != null) {
      JsonNode value = data.path(map.toleratedFailureCountPath(), input, step);
      Long parsed = wholeNumber(value);
      if (parsed == null) {
        throw FieldError.runtime(
            "The ToleratedFailureCountPath field refers to value " + quoted(value) + " which is not a valid integer: "
                + map.toleratedFailureCountPath());
      }
      count = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, parsed));
    } else if (map.toleratedFailureCount() != null) {
      JsonNode value = map.toleratedFailureCount();
      if (value.isTextual()) {
        value = data.jsonata(value, "ToleratedFailureCount", states, step);
      }
      count = value.intValue();
    }
    boolean countGiven = map.toleratedFailureCountPath() != null || map.toleratedFailureCount() != null;
    if (countGiven && count < 0) {
      throw FieldError.runtime("ToleratedFailureCount cannot be negative.");
    }
    if (map.toleratedFailurePercentagePath() != null) {
      JsonNode value = data.path(map.toleratedFailurePercentagePath(), input, step);
      percentage = decimalNumber(value);
      if (percentage == null) {
        throw FieldError.runtime(
            "The ToleratedFailurePercentagePath field refers to value " + quoted(value) + " which is not a valid float: "
                + map.toleratedFailurePercentagePath());
      }
    } else if (map.toleratedFailurePercentage() != null) {
      JsonNode value = map.toleratedFailurePercentage();
      if (value.isTextual()) {
        value = data.jsonata(value, "ToleratedFailurePercentage", states, step);
      }
      percentage = value.decimalValue();
    }
    if (percentage != null
        && (percentage.signum() < 0 || percentage.compareTo(BigDecimal.valueOf(100)) > 0)) {
      throw FieldError.runtime("ToleratedFailurePercentage must be between 0 and 100.");
    }
    if (!countGiven && percentage == null) {
      return new Tolerance(0, null, false);
    }
    return new Tolerance(countGiven ? count : Integer.MAX_VALUE, percentage, true);
  }
}
