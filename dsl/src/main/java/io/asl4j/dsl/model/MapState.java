package io.asl4j.dsl.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A {@code Map} state: runs its item processor once per item.
 *
 * <p>The legacy {@code Iterator} and the current {@code ItemProcessor} are kept apart (as are
 * legacy {@code Parameters}, in {@link #io()}, and {@code ItemSelector}) so that a definition is
 * written back as it was read. Use {@link #processor()} for whichever is present.
 *
 * @param items JSONata {@code Items}: an array or a {@code "{% %}"} string; {@code null} when
 *     absent
 * @param maxConcurrency a number or a JSONata string; {@code null} when absent (0, unlimited)
 */
public record MapState(
    String comment,
    QueryLanguage queryLanguage,
    Io io,
    String itemsPath,
    JsonNode items,
    JsonNode itemSelector,
    ItemProcessor iterator,
    ItemProcessor itemProcessor,
    ItemReader itemReader,
    ItemBatcher itemBatcher,
    ResultWriter resultWriter,
    JsonNode maxConcurrency,
    String maxConcurrencyPath,
    JsonNode toleratedFailurePercentage,
    String toleratedFailurePercentagePath,
    JsonNode toleratedFailureCount,
    String toleratedFailureCountPath,
    String label,
    List<Retrier> retry,
    List<Catcher> catchers,
    String next,
    Boolean end)
    implements ErrorHandling {
  public MapState {
    io = io == null ? Io.NONE : io;
    retry = retry == null ? null : List.copyOf(retry);
    catchers = catchers == null ? null : List.copyOf(catchers);
  }

  /** The {@code ItemProcessor}, else the legacy {@code Iterator}; {@code null} when neither. */
  public ItemProcessor processor() {
    return itemProcessor != null ? itemProcessor : iterator;
  }

  /** The {@link #processor()}, when there is one. */
  @Override
  public List<Graph> nestedGraphs() {
    ItemProcessor processor = processor();
    return processor == null ? List.of() : List.of(processor);
  }

  @Override
  public List<NestedGraph> nestedGraphsAt(String at) {
    List<NestedGraph> nested = new java.util.ArrayList<>(2);
    if (iterator != null) {
      nested.add(new NestedGraph(iterator, at + "/Iterator"));
    }
    if (itemProcessor != null) {
      nested.add(new NestedGraph(itemProcessor, at + "/ItemProcessor"));
    }
    return List.copyOf(nested);
  }

  /** The per-item selector: {@code ItemSelector}, else legacy {@code Parameters}, else null. */
  public JsonNode selector() {
    return itemSelector != null ? itemSelector : io.parameters();
  }

  /** Whether the processor runs as a distributed Map (child executions). */
  public boolean isDistributed() {
    ItemProcessor processor = processor();
    return processor != null
        && processor.processorConfig() != null
        && processor.processorConfig().mode() == ProcessorConfig.Mode.DISTRIBUTED;
  }

  @Override
  public StateType type() {
    return StateType.MAP;
  }

  /**
   * This state with the legacy {@code Iterator} and the {@code ItemProcessor} replaced (either may
   * be {@code null}), every other field kept.
   */
  public MapState withProcessors(ItemProcessor iterator, ItemProcessor itemProcessor) {
    return new MapState(
        comment,
        queryLanguage,
        io,
        itemsPath,
        items,
        itemSelector,
        iterator,
        itemProcessor,
        itemReader,
        itemBatcher,
        resultWriter,
        maxConcurrency,
        maxConcurrencyPath,
        toleratedFailurePercentage,
        toleratedFailurePercentagePath,
        toleratedFailureCount,
        toleratedFailureCountPath,
        label,
        retry,
        catchers,
        next,
        end);
  }
}
