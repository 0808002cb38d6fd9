package io.asl4j.dsl.builder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.asl4j.dsl.model.ItemBatcher;
import io.asl4j.dsl.model.ItemProcessor;
import io.asl4j.dsl.model.ItemReader;
import io.asl4j.dsl.model.ProcessorConfig;
import io.asl4j.dsl.model.QueryLanguage;
import io.asl4j.dsl.model.ResultWriter;
import io.asl4j.dsl.model.State;
import java.util.Objects;

/**
 * A {@code Map} state: runs its item processor once per item, inline or as a distributed Map.
 * (Named {@code MapState} so that it does not hide {@link java.util.Map}.)
 *
 * <pre>{@code
 * MapState.JsonPath processAll = MapState.jsonPath("ProcessAllOrders")
 *     .itemsPath(JsonPaths.input().list("orders"))
 *     .maxConcurrency(10)
 *     .itemProcessor(processSingleOrder);
 *
 * MapState.jsonata("Each").items("{% $states.input.orders %}").itemProcessor(handle)
 *     .distributed(ProcessorConfig.ExecutionType.EXPRESS);
 * }</pre>
 *
 * @param <S> the concrete Map type
 * @see <a href="https://states-language.net/spec.html#map-state">Map state</a>
 */
public abstract sealed class MapState<S extends MapState<S>> extends ErrorHandlingState<S>
    permits MapState.JsonPath, MapState.Jsonata {
  String itemsPath;
  JsonNode items;
  JsonNode itemSelector;
  Branch processor;
  boolean legacyIterator;
  ProcessorConfig processorConfig;
  ItemReader itemReader;
  ItemBatcher itemBatcher;
  ResultWriter resultWriter;
  JsonNode maxConcurrency;
  String maxConcurrencyPath;
  JsonNode toleratedFailurePercentage;
  String toleratedFailurePercentagePath;
  JsonNode toleratedFailureCount;
  String toleratedFailureCountPath;
  String label;

  MapState(String name, QueryLanguage language) {
    super(name, language);
  }

  /** A JSONPath Map state. */
  public static JsonPath jsonPath(String name) {
    return new JsonPath(name);
  }

  /** A JSONata Map state. */
  public static Jsonata jsonata(String name) {
    return new Jsonata(name);
  }

  /** Sets {@code ItemProcessor}, the graph run per item, starting at {@code start}. Required. */
  public final S itemProcessor(Chainable start) {
    return itemProcessor(Branch.of(start));
  }

  /** Sets {@code ItemProcessor}. Required. */
  public final S itemProcessor(Branch processor) {
    this.processor = Objects.requireNonNull(processor, "processor == null");
    this.legacyIterator = false;
    return self();
  }

  /** Sets the legacy {@code Iterator} (an item processor without {@code ProcessorConfig}). */
  public final S iterator(Chainable start) {
    return iterator(Branch.of(start));
  }

  /** Sets the legacy {@code Iterator}. */
  public final S iterator(Branch processor) {
    this.processor = Objects.requireNonNull(processor, "processor == null");
    this.legacyIterator = true;
    return self();
  }

  /** Sets {@code ProcessorConfig}. Defaults to none: an inline Map. */
  public final S processorConfig(ProcessorConfig config) {
    this.processorConfig = config;
    return self();
  }

  /** Runs the items as child workflow executions of {@code type}: a distributed Map. */
  public final S distributed(ProcessorConfig.ExecutionType type) {
    return processorConfig(new ProcessorConfig(ProcessorConfig.Mode.DISTRIBUTED, type));
  }

  /** Sets {@code ItemSelector}, the template of each item's input. Defaults to the item itself. */
  public final S itemSelector(JsonNode selector) {
    this.itemSelector = selector;
    return self();
  }

  /** Sets {@code ItemSelector} from a payload. */
  public final S itemSelector(Payload selector) {
    return itemSelector(json(selector));
  }

  /** Sets {@code ItemReader} (distributed Map: read the items from S3). Defaults to none. */
  public final S itemReader(ItemReader reader) {
    this.itemReader = reader;
    return self();
  }

  /** Sets {@code ItemBatcher} (distributed Map). Defaults to none. */
  public final S itemBatcher(ItemBatcher batcher) {
    this.itemBatcher = batcher;
    return self();
  }

  /** Sets {@code ResultWriter} (distributed Map: write results to S3). Defaults to none. */
  public final S resultWriter(ResultWriter writer) {
    this.resultWriter = writer;
    return self();
  }

  /** Sets {@code MaxConcurrency}. Defaults to 0: as many as possible. */
  public final S maxConcurrency(int max) {
    this.maxConcurrency = IntNode.valueOf(max);
    return self();
  }

  /**
   * Sets {@code ToleratedFailurePercentage} (distributed Map). Defaults to 0.
   *
   * @throws IllegalArgumentException when {@code percentage} is NaN or infinite
   */
  public final S toleratedFailurePercentage(double percentage) {
    this.toleratedFailurePercentage = JsonNumbers.of(percentage);
    return self();
  }

  /** Sets {@code ToleratedFailureCount} (distributed Map). Defaults to 0. */
  public final S toleratedFailureCount(int count) {
    this.toleratedFailureCount = IntNode.valueOf(count);
    return self();
  }

  /** Sets {@code Label} (distributed Map: names the child executions). Defaults to none. */
  public final S label(String label) {
    this.label = label;
    return self();
  }

  @Override
  final State toModel(BuildContext context, String pointer) {
    ItemProcessor iterator = null;
    ItemProcessor itemProcessor = null;
    if (processor != null) {
      if (legacyIterator) {
        iterator = processor.toProcessor(processorConfig, context, pointer + "/Iterator");
      } else {
        itemProcessor = processor.toProcessor(processorConfig, context, pointer + "/ItemProcessor");
      }
    }
    return new io.asl4j.dsl.model.MapState(
        comment,
        modelLanguage(context.machineLanguage),
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
        retriers,
        catcherModels(),
        nextName(),
        endValue());
  }

  /**
   * A JSONPath Map state: {@code ItemsPath}, the {@code *Path} forms of its limits, {@code
   * InputPath}, {@code ResultSelector}, {@code ResultPath}, {@code OutputPath}, and the legacy
   * {@code Parameters}.
   *
   * <pre>{@code
   * MapState.jsonPath("Each").itemsPath("$.orders").maxConcurrencyPath("$.limit").itemProcessor(p)
   * }</pre>
   */
  public static final class JsonPath extends MapState<JsonPath>
      implements JsonPathFields.ResultSelector<JsonPath> {
    JsonPath(String name) {
      super(name, QueryLanguage.JSONPATH);
    }

    /** Sets {@code ItemsPath}, the array to iterate. Defaults to {@code $}. */
    public JsonPath itemsPath(String path) {
      itemsPath = path;
      return this;
    }

    /** Sets {@code ItemsPath}, the array to iterate. Defaults to {@code $}. */
    public JsonPath itemsPath(ListPath path) {
      return itemsPath(Objects.requireNonNull(path, "path == null").path());
    }

    /** Sets {@code MaxConcurrencyPath}. */
    public JsonPath maxConcurrencyPath(String path) {
      maxConcurrencyPath = path;
      return this;
    }

    /** Sets {@code ToleratedFailurePercentagePath}. */
    public JsonPath toleratedFailurePercentagePath(String path) {
      toleratedFailurePercentagePath = path;
      return this;
    }

    /** Sets {@code ToleratedFailureCountPath}. */
    public JsonPath toleratedFailureCountPath(String path) {
      toleratedFailureCountPath = path;
      return this;
    }
  }

  /**
   * A JSONata Map state: {@code Items}, limits that may be expressions, {@code Output}.
   *
   * <pre>{@code
   * MapState.jsonata("Each").items("{% $states.input.orders %}").itemProcessor(p)
   * }</pre>
   */
  public static final class Jsonata extends MapState<Jsonata>
      implements JsonataFields.Catching<Jsonata> {
    Jsonata(String name) {
      super(name, QueryLanguage.JSONATA);
    }

    /** Sets {@code Items}: a JSON array, or a {@code "{% ... %}"} string. Defaults to the input. */
    public Jsonata items(JsonNode items) {
      this.items = items;
      return this;
    }

    /** Sets {@code Items} to a {@code "{% ... %}"} expression. */
    public Jsonata items(String expression) {
      return items(TextNode.valueOf(expression));
    }

    /** Sets {@code MaxConcurrency} to a {@code "{% ... %}"} expression. */
    public Jsonata maxConcurrency(String expression) {
      maxConcurrency = TextNode.valueOf(expression);
      return this;
    }
  }
}
