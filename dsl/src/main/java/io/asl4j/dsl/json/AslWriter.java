package io.asl4j.dsl.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asl4j.dsl.internal.JsonLimits;
import io.asl4j.dsl.model.Catcher;
import io.asl4j.dsl.model.ChoiceRule;
import io.asl4j.dsl.model.ChoiceState;
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
import io.asl4j.dsl.model.QueryLanguage;
import io.asl4j.dsl.model.ResultWriter;
import io.asl4j.dsl.model.Retrier;
import io.asl4j.dsl.model.State;
import io.asl4j.dsl.model.StateGraph;
import io.asl4j.dsl.model.StateMachine;
import io.asl4j.dsl.model.SucceedState;
import io.asl4j.dsl.model.TaskState;
import io.asl4j.dsl.model.Transitioning;
import io.asl4j.dsl.model.WaitState;
import java.util.List;
import java.util.Map;

/**
 * Writes the {@link StateMachine} model as Amazon States Language JSON.
 *
 * <p>Output is deterministic: fields in ASL order ({@code Type} first, then {@code Comment}, the
 * type's own fields, input/output processing, {@code Retry}, {@code Catch}, and {@code Next} or
 * {@code End} last), absent fields omitted, explicit {@code null} paths kept, two-space
 * indentation, and a trailing newline.
 *
 * <pre>{@code
 * String json = AslWriter.write(machine);
 * }</pre>
 */
public final class AslWriter {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final DefaultPrettyPrinter PRETTY = new CompactEmptyArrays();

  private AslWriter() {}

  /**
   * Jackson's pretty printer writes an empty array as {@code [ ]}; ASL by hand writes {@code []}.
   */
  private static final class CompactEmptyArrays extends DefaultPrettyPrinter {
    private static final long serialVersionUID = 1L;

    CompactEmptyArrays() {
      super(
          Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER));
      indentObjectsWith(new DefaultIndenter("  ", "\n"));
      indentArraysWith(new DefaultIndenter("  ", "\n"));
    }

    CompactEmptyArrays(CompactEmptyArrays base) {
      super(base);
    }

    @Override
    public CompactEmptyArrays createInstance() {
      return new CompactEmptyArrays(this);
    }

    @Override
    public void writeEndArray(com.fasterxml.jackson.core.JsonGenerator g, int nrOfValues)
        throws java.io.IOException {
      if (nrOfValues == 0) {
        if (!_arrayIndenter.isInline()) {
          --_nesting;
        }
        g.writeRaw(']');
        return;
      }
      super.writeEndArray(g, nrOfValues);
    }
  }

  /**
   * The definition as pretty-printed ASL JSON, ending with a newline.
   *
   * @throws IllegalArgumentException when the model holds JSON values nested more than 500 levels
   *     deep, which no reader would take back
   */
  public static String write(StateMachine machine) {
    return pretty(toJson(machine));
  }

  /**
   * The definition as compact ASL JSON on one line.
   *
   * @throws IllegalArgumentException as {@link #write}
   */
  public static String writeCompact(StateMachine machine) {
    ObjectNode json = toJson(machine);
    checkDepth(json);
    return json.toString();
  }

  /**
   * The definition as YAML, as {@code .asl.yaml} files hold it: block style, strings quoted only
   * where YAML would otherwise read them as something else ({@code "true"}, {@code "123"}), so that
   * {@link AslSource} reads back exactly the same definition.
   *
   * @throws IllegalArgumentException as {@link #write}
   */
  public static String writeYaml(StateMachine machine) {
    ObjectNode json = toJson(machine);
    checkDepth(json);
    try {
      return YAML_MAPPER.writeValueAsString(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree could not be written as YAML", e);
    }
  }

  private static final ObjectMapper YAML_MAPPER =
      new ObjectMapper(
          com.fasterxml.jackson.dataformat.yaml.YAMLFactory.builder()
              .disable(
                  com.fasterxml.jackson.dataformat.yaml.YAMLGenerator.Feature
                      .WRITE_DOC_START_MARKER)
              .enable(com.fasterxml.jackson.dataformat.yaml.YAMLGenerator.Feature.MINIMIZE_QUOTES)
              .enable(
                  com.fasterxml.jackson.dataformat.yaml.YAMLGenerator.Feature
                      .ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
              .build());

  /**
   * Pretty-prints any JSON value the way {@link #write} does.
   *
   * @throws IllegalArgumentException as {@link #write}
   */
  public static String pretty(JsonNode json) {
    checkDepth(json);
    try {
      return MAPPER.writer(PRETTY).writeValueAsString(json) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree could not be written", e);
    }
  }

  private static void checkDepth(JsonNode json) {
    String pointer = JsonLimits.tooDeep(json);
    if (pointer != null) {
      throw new IllegalArgumentException(
          "cannot write " + pointer + ": " + JsonLimits.tooDeepMessage());
    }
  }

  /** The definition as a JSON tree. */
  public static ObjectNode toJson(StateMachine machine) {
    ObjectNode json = NODES.objectNode();
    putString(json, "Comment", machine.comment());
    putString(json, "QueryLanguage", language(machine.queryLanguage()));
    putString(json, "StartAt", machine.startAt());
    json.set("States", states(machine.states()));
    putString(json, "Version", machine.version());
    if (machine.timeoutSeconds() != null) {
      json.put("TimeoutSeconds", machine.timeoutSeconds());
    }
    return json;
  }

  /** One state as a JSON object. */
  public static ObjectNode toJson(State state) {
    ObjectNode json = NODES.objectNode();
    json.put("Type", state.type().aslName());
    putString(json, "Comment", state.comment());
    putString(json, "QueryLanguage", language(state.queryLanguage()));
    if (state instanceof PassState pass) {
      io(json, pass.io());
      putNode(json, "Result", pass.result());
    } else if (state instanceof TaskState task) {
      putString(json, "Resource", task.resource());
      putNode(json, "Credentials", task.credentials());
      io(json, task.io());
      putNode(json, "TimeoutSeconds", task.timeoutSeconds());
      putString(json, "TimeoutSecondsPath", task.timeoutSecondsPath());
      putNode(json, "HeartbeatSeconds", task.heartbeatSeconds());
      putString(json, "HeartbeatSecondsPath", task.heartbeatSecondsPath());
      retryCatch(json, task.retry(), task.catchers());
    } else if (state instanceof ChoiceState choice) {
      if (choice.choices() != null) {
        ArrayNode rules = json.putArray("Choices");
        for (ChoiceRule rule : choice.choices()) {
          rules.add(rule(rule));
        }
      }
      putString(json, "Default", choice.defaultState());
      io(json, choice.io());
    } else if (state instanceof WaitState wait) {
      putNode(json, "Seconds", wait.seconds());
      putString(json, "SecondsPath", wait.secondsPath());
      putNode(json, "Timestamp", wait.timestamp());
      putString(json, "TimestampPath", wait.timestampPath());
      io(json, wait.io());
    } else if (state instanceof SucceedState succeed) {
      io(json, succeed.io());
    } else if (state instanceof FailState fail) {
      putString(json, "Error", fail.error());
      putString(json, "ErrorPath", fail.errorPath());
      putString(json, "Cause", fail.cause());
      putString(json, "CausePath", fail.causePath());
    } else if (state instanceof ParallelState parallel) {
      if (parallel.branches() != null) {
        ArrayNode branches = json.putArray("Branches");
        for (StateGraph branch : parallel.branches()) {
          branches.add(graph(branch.comment(), branch.startAt(), branch.states()));
        }
      }
      io(json, parallel.io());
      retryCatch(json, parallel.retry(), parallel.catchers());
    } else if (state instanceof MapState map) {
      map(json, map);
    }
    if (state instanceof Transitioning transitioning) {
      putString(json, "Next", transitioning.next());
      if (transitioning.end() != null) {
        json.put("End", transitioning.end());
      }
    }
    return json;
  }

  private static void map(ObjectNode json, MapState map) {
    putString(json, "ItemsPath", map.itemsPath());
    putNode(json, "Items", map.items());
    if (map.itemReader() != null) {
      json.set("ItemReader", itemReader(map.itemReader()));
    }
    putNode(json, "ItemSelector", map.itemSelector());
    if (map.itemBatcher() != null) {
      ItemBatcher batcher = map.itemBatcher();
      ObjectNode b = json.putObject("ItemBatcher");
      putNode(b, "MaxItemsPerBatch", batcher.maxItemsPerBatch());
      putString(b, "MaxItemsPerBatchPath", batcher.maxItemsPerBatchPath());
      putNode(b, "MaxInputBytesPerBatch", batcher.maxInputBytesPerBatch());
      putString(b, "MaxInputBytesPerBatchPath", batcher.maxInputBytesPerBatchPath());
      putNode(b, "BatchInput", batcher.batchInput());
    }
    putNode(json, "MaxConcurrency", map.maxConcurrency());
    putString(json, "MaxConcurrencyPath", map.maxConcurrencyPath());
    putNode(json, "ToleratedFailurePercentage", map.toleratedFailurePercentage());
    putString(json, "ToleratedFailurePercentagePath", map.toleratedFailurePercentagePath());
    putNode(json, "ToleratedFailureCount", map.toleratedFailureCount());
    putString(json, "ToleratedFailureCountPath", map.toleratedFailureCountPath());
    putString(json, "Label", map.label());
    if (map.iterator() != null) {
      json.set("Iterator", processor(map.iterator()));
    }
    if (map.itemProcessor() != null) {
      json.set("ItemProcessor", processor(map.itemProcessor()));
    }
    if (map.resultWriter() != null) {
      ResultWriter writer = map.resultWriter();
      ObjectNode w = json.putObject("ResultWriter");
      putString(w, "Resource", writer.resource());
      putNode(w, "Parameters", writer.parameters());
      putNode(w, "Arguments", writer.arguments());
      if (writer.writerConfig() != null) {
        ObjectNode c = w.putObject("WriterConfig");
        putString(c, "OutputType", writer.writerConfig().outputType());
        putString(c, "Transformation", writer.writerConfig().transformation());
      }
    }
    io(json, map.io());
    retryCatch(json, map.retry(), map.catchers());
  }

  private static ObjectNode itemReader(ItemReader reader) {
    ObjectNode r = NODES.objectNode();
    putString(r, "Resource", reader.resource());
    putNode(r, "Parameters", reader.parameters());
    putNode(r, "Arguments", reader.arguments());
    ItemReader.ReaderConfig config = reader.readerConfig();
    if (config != null) {
      ObjectNode c = r.putObject("ReaderConfig");
      putString(c, "InputType", config.inputType());
      putString(c, "CSVHeaderLocation", config.csvHeaderLocation());
      if (config.csvHeaders() != null) {
        ArrayNode headers = c.putArray("CSVHeaders");
        config.csvHeaders().forEach(headers::add);
      }
      putString(c, "CSVDelimiter", config.csvDelimiter());
      putString(c, "ManifestType", config.manifestType());
      putNode(c, "MaxItems", config.maxItems());
      putString(c, "MaxItemsPath", config.maxItemsPath());
      putString(c, "ItemsPointer", config.itemsPointer());
    }
    return r;
  }

  private static ObjectNode processor(ItemProcessor processor) {
    ObjectNode json = NODES.objectNode();
    putString(json, "Comment", processor.comment());
    if (processor.processorConfig() != null) {
      ObjectNode config = json.putObject("ProcessorConfig");
      if (processor.processorConfig().mode() != null) {
        config.put("Mode", processor.processorConfig().mode().name());
      }
      if (processor.processorConfig().executionType() != null) {
        config.put("ExecutionType", processor.processorConfig().executionType().name());
      }
    }
    putString(json, "StartAt", processor.startAt());
    json.set("States", states(processor.states()));
    return json;
  }

  private static ObjectNode graph(String comment, String startAt, Map<String, State> states) {
    ObjectNode json = NODES.objectNode();
    putString(json, "Comment", comment);
    putString(json, "StartAt", startAt);
    json.set("States", states(states));
    return json;
  }

  private static ObjectNode states(Map<String, State> states) {
    ObjectNode json = NODES.objectNode();
    states.forEach((name, state) -> json.set(name, toJson(state)));
    return json;
  }

  private static void io(ObjectNode json, Io io) {
    putPath(json, "InputPath", io.inputPath());
    putNode(json, "Parameters", io.parameters());
    putNode(json, "Arguments", io.arguments());
    putNode(json, "ResultSelector", io.resultSelector());
    putPath(json, "ResultPath", io.resultPath());
    putPath(json, "OutputPath", io.outputPath());
    putNode(json, "Output", io.output());
    putNode(json, "Assign", io.assign());
  }

  private static void retryCatch(ObjectNode json, List<Retrier> retriers, List<Catcher> catchers) {
    if (retriers != null) {
      ArrayNode retry = json.putArray("Retry");
      for (Retrier r : retriers) {
        ObjectNode o = retry.addObject();
        putString(o, "Comment", r.comment());
        o.set("ErrorEquals", strings(r.errorEquals()));
        if (r.intervalSeconds() != null) {
          o.put("IntervalSeconds", r.intervalSeconds());
        }
        if (r.maxAttempts() != null) {
          o.put("MaxAttempts", r.maxAttempts());
        }
        if (r.backoffRate() != null) {
          o.put("BackoffRate", r.backoffRate());
        }
        if (r.maxDelaySeconds() != null) {
          o.put("MaxDelaySeconds", r.maxDelaySeconds());
        }
        if (r.jitterStrategy() != null) {
          o.put("JitterStrategy", r.jitterStrategy().name());
        }
      }
    }
    if (catchers != null) {
      ArrayNode catchArray = json.putArray("Catch");
      for (Catcher c : catchers) {
        ObjectNode o = catchArray.addObject();
        putString(o, "Comment", c.comment());
        o.set("ErrorEquals", strings(c.errorEquals()));
        putPath(o, "ResultPath", c.resultPath());
        putNode(o, "Output", c.output());
        putNode(o, "Assign", c.assign());
        putString(o, "Next", c.next());
      }
    }
  }

  private static ObjectNode rule(ChoiceRule rule) {
    ObjectNode json = condition(rule.condition());
    putString(json, "Comment", rule.comment());
    putNode(json, "Assign", rule.assign());
    putNode(json, "Output", rule.output());
    putString(json, "Next", rule.next());
    return json;
  }

  private static ObjectNode condition(Condition condition) {
    ObjectNode json = NODES.objectNode();
    putString(json, "Comment", condition.comment());
    if (condition instanceof Condition.Comparison comparison) {
      putString(json, "Variable", comparison.variable());
      json.set(comparison.operator().aslName(), orNull(comparison.operand()));
    } else if (condition instanceof Condition.And and) {
      ArrayNode list = json.putArray("And");
      and.conditions().forEach(c -> list.add(condition(c)));
    } else if (condition instanceof Condition.Or or) {
      ArrayNode list = json.putArray("Or");
      or.conditions().forEach(c -> list.add(condition(c)));
    } else if (condition instanceof Condition.Not not) {
      json.set("Not", condition(not.condition()));
    } else if (condition instanceof Condition.Jsonata jsonata) {
      json.set("Condition", orNull(jsonata.condition()));
    }
    return json;
  }

  private static ArrayNode strings(List<String> values) {
    ArrayNode array = NODES.arrayNode();
    values.forEach(array::add);
    return array;
  }

  private static String language(QueryLanguage language) {
    return language == null ? null : language.aslName();
  }

  private static JsonNode orNull(JsonNode node) {
    return node == null ? NullNode.getInstance() : node;
  }

  private static void putString(ObjectNode json, String field, String value) {
    if (value != null) {
      json.put(field, value);
    }
  }

  private static void putNode(ObjectNode json, String field, JsonNode value) {
    if (value != null) {
      json.set(field, value);
    }
  }

  private static void putPath(ObjectNode json, String field, NullablePath path) {
    if (path != null) {
      if (path.isDiscard()) {
        json.putNull(field);
      } else {
        json.put(field, path.path());
      }
    }
  }
}
