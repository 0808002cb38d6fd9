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
 * <p>A distributed Map without an {@code ItemReader} runs its iterations here too, as AWS runs
 * them as child executions of one Map Run; the parent history then shows the Map Run events
 * instead of iteration events.
 */
final class Maps {
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
    int next;
    int active;
    int done;
    int failures;
    boolean over;
    long cursor;
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

    MapRun(ExecutionRun run, Step step, MapState map, ArrayNode items, JsonNode effective, JsonNode states, boolean select) {
      this.select = select;
      this.run = run;
      this.step = step;
      this.map = map;
      this.items = items;
      this.effective = effective;
      this.states = states;
      this.distributed = map.isDistributed();
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
      next = 0;
      active = 0;
      done = 0;
      failures = 0;
      over = false;
      children.clear();
      finished.clear();
      resultsBytes = 2;
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
      if (distributed) {
        ObjectNode mapRun = ExecutionRun.NODES.objectNode();
        mapRun.put("mapRunArn", run.setup().mapRunArn(step.name, map.label()));
        run.event(step.frame, "MapRunStarted", mapRun);
      }
      if (reader != null) {
        try {
          items = reader.get();
          results = new JsonNode[items.size()];
        } catch (StatesError e) {
          over = true;
          ObjectNode d = ExecutionRun.NODES.objectNode();
          d.put("cause", e.cause() == null ? "" : e.cause());
          d.put("error", e.error());
          run.event(step.frame, "MapRunFailed", d);
          step.handleError(e.error(), e.cause(), this::attempt, "MapStateFailed");
          return;
        }
      }
      cursor = step.frame.cursor;
      if (items.isEmpty()) {
        succeeded();
        return;
      }
      fill();
    }

    /** Starts iterations until the concurrency limit is reached. */
    private void fill() {
      while (!over && next < items.size() && (maxConcurrency == 0 || active < maxConcurrency)) {
        startIteration(next++);
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
      Frame child = step.childFrame(processor, cursor);
      child.separateHistory = distributed;
      children.add(child);
      if (!distributed) {
        child.cursor = run.recordLazily(cursor, "MapIterationStarted", () -> iterationDetails(index));
      }
      child.onDone = outcome -> iterationDone(index, child, outcome);
      step.enterChild(child, processor.startAt(), itemInput);
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
        if (step.jsonata) {
          return data.jsonata(selector, "ItemSelector", step.statesVariable(null, null), step);
        }
        return data.template(selector, effective, step);
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
      if (!distributed) {
        cursor = child.cursor;
        run.recordLazily(child.cursor, outcome.failed() ? "MapIterationFailed" : "MapIterationSucceeded",
            () -> iterationDetails(index));
      }
      if (outcome.failed()) {
        failures++;
        if (tolerance.exceeded(failures, items.size())) {
          over = true;
          for (int i = 0; i < children.size(); i++) {
            Frame other = children.get(i);
            if (other != child && !finished.get(i)) {
              run.abort(other, false);
              if (!distributed) {
                ObjectNode d = ExecutionRun.NODES.objectNode();
                d.put("index", i);
                d.put("name", step.name);
                run.record(child.cursor, "MapIterationAborted", d);
              }
            }
          }
          run.abort(child, true);
          children.forEach(c -> c.aborted = true);
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

    private void succeeded() {
      step.frame.cursor = Math.max(step.frame.cursor, cursor);
      if (distributed) {
        run.event(step.frame, "MapRunSucceeded", null);
      }
      run.event(step.frame, "MapStateSucceeded", null);
      ArrayNode array = ExecutionRun.NODES.arrayNode();
      for (JsonNode r : results) {
        array.add(r == null ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : r);
      }
      if (resultsBytes >= 0 && results.length > 0) {
        step.frame.rememberSize(array, resultsBytes);
      }
      try {
        JsonNode result = map.resultWriter() == null ? array : writeResults(array);
        step.exit(step.complete(map.io(), result));
      } catch (StatesError e) {
        step.failState(e);
      }
    }

    /**
     * ResultWriter: the child results go to S3 as {@code <Prefix>/<run id>/SUCCEEDED_0.json} plus a
     * {@code manifest.json}, and the Map's result says where, as AWS does.
     */
    private JsonNode writeResults(ArrayNode array) {
      io.asl4j.dsl.model.ResultWriter writer = map.resultWriter();
      Data data = run.setup().data();
      JsonNode parameters = writer.arguments() != null
          ? data.jsonata(writer.arguments(), "ResultWriter/Arguments", step.statesVariable(null, null), step)
          : writer.parameters() != null ? data.template(writer.parameters(), effective, step) : ExecutionRun.NODES.objectNode();
      io.asl4j.runtime.services.S3Objects s3 = run.setup().s3();
      if (s3 == null) {
        throw new StatesError("States.ResultWriterFailed", "no S3 objects are configured for this local state machine (LocalStateMachine.Builder.s3(...))");
      }
      String bucket = parameters.path("Bucket").asText();
      String prefix = parameters.path("Prefix").asText("");
      String mapRunArn = run.setup().mapRunArn(step.name, map.label());
      String runId = mapRunArn.substring(mapRunArn.lastIndexOf(':') + 1);
      String folder = (prefix.isEmpty() ? "" : prefix.endsWith("/") ? prefix : prefix + "/") + runId + "/";
      ArrayNode succeeded = ExecutionRun.NODES.arrayNode();
      for (int i = 0; i < array.size(); i++) {
        ObjectNode entry = succeeded.addObject();
        entry.put("Input", ExecutionRun.text(items.get(i)));
        entry.put("Output", ExecutionRun.text(array.get(i)));
        entry.put("Status", "SUCCEEDED");
      }
      s3.put(bucket, folder + "SUCCEEDED_0.json", succeeded.toString());
      ObjectNode manifest = ExecutionRun.NODES.objectNode();
      manifest.put("DestinationBucket", bucket);
      manifest.put("MapRunArn", mapRunArn);
      manifest.putObject("ResultFiles").putArray("SUCCEEDED").addObject()
          .put("Key", folder + "SUCCEEDED_0.json").put("Size", succeeded.toString().length());
      s3.put(bucket, folder + "manifest.json", manifest.toString());
      ObjectNode result = ExecutionRun.NODES.objectNode();
      result.put("MapRunArn", mapRunArn);
      result.putObject("ResultWriterDetails").put("Bucket", bucket).put("Key", folder + "manifest.json");
      return result;
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
