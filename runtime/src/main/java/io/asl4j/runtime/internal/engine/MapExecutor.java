package io.asl4j.runtime.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.asl4j.dsl.model.MapState;
import io.asl4j.runtime.StatesError;

/**
 * The Map state: selects its items (ItemsPath, Items or an ItemReader, then ItemSelector and
 * ItemBatcher) and runs them as a {@link MapAttempt}, again for each Retry.
 *
 * <p>A distributed Map runs each item (or batch) as a child execution of a Map Run ({@link
 * MapRunRecord}, {@link ChildRun}): on this execution's event loop, but with a history, status and
 * ARN of its own. The parent history then shows the Map Run events instead of iteration events.
 */
final class MapExecutor {
  /**
   * AWS runs at most 40 iterations of an inline Map at once, whatever MaxConcurrency says (0, the
   * default, means as many as it can).
   */
  static final int MAX_INLINE_CONCURRENCY = 40;

  /** A distributed Map runs at most 10,000 child executions at once. */
  static final int MAX_DISTRIBUTED_CONCURRENCY = 10_000;

  private MapExecutor() {}

  static void execute(Step step, MapState map) {
    ExecutionRun run = step.run;
    Data data = run.data();
    JsonNode effective;
    JsonNode items;
    JsonNode states = null;
    // TestState: stateConfiguration.mapItemReaderData stands for what the ItemReader would read.
    JsonNode readerItems = map.itemReader() != null ? run.observer.itemReaderData(step, map) : null;
    if (readerItems != null) {
      effective =
          step.jsonata ? step.rawInput : step.applyPath(map.io().inputPath(), step.rawInput);
      states = step.jsonata ? step.statesVariable(null, null) : null;
      items = readerItems;
      String pointer =
          map.itemReader().readerConfig() == null
              ? null
              : map.itemReader().readerConfig().itemsPointer();
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
      effective =
          step.jsonata ? step.rawInput : step.applyPath(map.io().inputPath(), step.rawInput);
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
      JsonNode readerInput =
          step.jsonata ? step.rawInput : step.applyPath(map.io().inputPath(), step.rawInput);
      JsonNode readerStates = step.jsonata ? step.statesVariable(null, null) : null;
      MapAttempt mapRun =
          new MapAttempt(
              run,
              step,
              map,
              ExecutionRun.NODES.arrayNode(),
              readerInput,
              readerStates,
              map.itemBatcher() == null);
      mapRun.reader =
          () -> {
            ArrayNode read =
                ItemReaders.read(run.setup(), step, map.itemReader(), readerInput, readerStates);
            return map.itemBatcher() == null
                ? read
                : ItemReaders.batch(
                    run.setup(),
                    step,
                    map.itemBatcher(),
                    selectItems(run, step, map, read, readerInput),
                    readerInput,
                    readerStates);
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
    run.observer.mapItems(step, map, selectedItems, effective, states);
    if (map.itemBatcher() != null) {
      // Each child gets a batch; ItemSelector, when present, shapes the items inside the batches.
      selectedItems =
          ItemReaders.batch(
              run.setup(),
              step,
              map.itemBatcher(),
              selectItems(run, step, map, selectedItems, effective),
              effective,
              states);
      new MapAttempt(run, step, map, selectedItems, effective, states, false).attempt();
      return;
    }
    new MapAttempt(run, step, map, selectedItems, effective, states, true).attempt();
  }

  /**
   * TestState's {@code afterItemSelector} (each item through ItemSelector) and {@code
   * afterItemBatcher} (the batches the iterations would get). A selector or batcher that fails is
   * reported by the run itself, where it evaluates them.
   */
  static void inspectSelectionAndBatches(
      ExecutionRun run,
      Step step,
      MapState map,
      ArrayNode items,
      JsonNode effective,
      JsonNode states) {
    try {
      ArrayNode selected = selectItems(run, step, map, items, effective);
      if (map.selector() != null) {
        step.inspect("afterItemSelector", selected);
      }
      if (map.itemBatcher() != null) {
        step.inspect(
            "afterItemBatcher",
            ItemReaders.batch(run.setup(), step, map.itemBatcher(), selected, effective, states));
      }
    } catch (StatesError e) {
      // Evaluated again, and reported, when the Map runs.
    }
  }

  /** Items through ItemSelector one by one (for batching, which groups the selected items). */
  private static ArrayNode selectItems(
      ExecutionRun run, Step step, MapState map, ArrayNode items, JsonNode effective) {
    if (map.selector() == null) {
      return items;
    }
    MapAttempt selector =
        new MapAttempt(
            run,
            step,
            map,
            items,
            effective,
            step.jsonata ? step.statesVariable(null, null) : null,
            true);
    ArrayNode selected = ExecutionRun.NODES.arrayNode();
    for (int i = 0; i < items.size(); i++) {
      selected.add(selector.selectItem(i, items.get(i)));
    }
    return selected;
  }
}
