package io.asl4j.dsl.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.asl4j.dsl.model.ItemBatcher;
import io.asl4j.dsl.model.ItemProcessor;
import io.asl4j.dsl.model.ItemReader;
import io.asl4j.dsl.model.MapState;
import io.asl4j.dsl.model.ProcessorConfig;
import io.asl4j.dsl.model.ResultWriter;
import java.util.List;
import java.util.Locale;

/** Map rules: ItemReader, ItemBatcher, ResultWriter, ItemProcessor configuration and Label. */
final class MapRules extends Rules {
  MapRules(Run run) {
    super(run);
  }

  // Map Label: no whitespace, no characters that are special in ARNs, URLs or shells.
  private static final String LABEL_FORBIDDEN = " ?*<>{}[]:;,\\|^~$#%&`\"";

  private static final List<String> READER_INPUT_TYPES =
      List.of("CSV", "JSON", "JSONL", "MANIFEST", "PARQUET");

  private static final List<String> CSV_HEADER_LOCATIONS = List.of("FIRST_ROW", "GIVEN");

  private static final List<String> CSV_DELIMITERS =
      List.of("COMMA", "PIPE", "SEMICOLON", "SPACE", "TAB");

  private static final List<String> WRITER_OUTPUT_TYPES = List.of("JSON", "JSONL");

  private static final List<String> WRITER_TRANSFORMATIONS = List.of("NONE", "COMPACT", "FLATTEN");

  void map(MapState map, String at, boolean jsonata) {
    oneOf(map.iterator(), map.itemProcessor(), at, "Iterator", "ItemProcessor");
    if (map.processor() == null) {
      missingField(at, "ItemProcessor");
    }
    checkProcessorConfig(map.iterator(), at + "/Iterator");
    checkProcessorConfig(map.itemProcessor(), at + "/ItemProcessor");
    oneOf(map.itemSelector(), map.io().parameters(), at, "ItemSelector", "Parameters");
    if (map.itemsPath() != null) {
      if (jsonata) {
        notInJsonata(at, "ItemsPath");
      } else {
        run.fields.referencePath(map.itemsPath(), at + "/ItemsPath", "ItemsPath");
      }
    }
    if (map.items() != null) {
      if (!jsonata) {
        notInJsonPath(at, "Items");
      } else if (map.items().isTextual() && !syntax.isJsonata(map.items().asText())) {
        error(
            "WrongType",
            at + "/Items",
            "expected an array or a JSONata expression {% ... %}, but found "
                + describe(map.items()));
      } else {
        run.expressions.jsonataValue(map.items(), at + "/Items", StatesFields.BASIC);
      }
    }
    if (map.itemSelector() != null) {
      if (jsonata) {
        run.expressions.jsonataValue(map.itemSelector(), at + "/ItemSelector", StatesFields.BASIC);
      } else {
        run.expressions.template(map.itemSelector(), at + "/ItemSelector");
      }
    }
    if (map.label() != null) {
      label(map.label(), at + "/Label");
    }
    run.expressions.dynamicNumber(
        map.maxConcurrency(),
        map.maxConcurrencyPath(),
        at,
        "MaxConcurrency",
        jsonata,
        NON_NEGATIVE);
    run.expressions.dynamicNumber(
        map.toleratedFailurePercentage(),
        map.toleratedFailurePercentagePath(),
        at,
        "ToleratedFailurePercentage",
        jsonata,
        PERCENTAGE);
    run.expressions.dynamicNumber(
        map.toleratedFailureCount(),
        map.toleratedFailureCountPath(),
        at,
        "ToleratedFailureCount",
        jsonata,
        NON_NEGATIVE);
    if (map.itemReader() != null) {
      itemReader(map.itemReader(), at + "/ItemReader", jsonata);
    }
    if (map.itemBatcher() != null) {
      itemBatcher(map.itemBatcher(), at + "/ItemBatcher", jsonata);
    }
    if (map.resultWriter() != null) {
      resultWriter(map.resultWriter(), at + "/ResultWriter", jsonata);
    }
  }

  private void checkProcessorConfig(ItemProcessor processor, String at) {
    if (processor == null || processor.processorConfig() == null) {
      return;
    }
    ProcessorConfig config = processor.processorConfig();
    if (config.mode() == ProcessorConfig.Mode.DISTRIBUTED && config.executionType() == null) {
      missingField(at + "/ProcessorConfig", "ExecutionType");
    }
  }

  private void label(String label, String at) {
    if (label.isEmpty()) {
      error("InvalidLabel", at, "Label cannot be empty");
      return;
    }
    if (label.codePointCount(0, label.length()) > MAX_LABEL_LENGTH) {
      error("InvalidLabel", at, "Label cannot exceed 40 characters");
    }
    for (int i = 0; i < label.length(); i++) {
      char c = label.charAt(i);
      if (LABEL_FORBIDDEN.indexOf(c) >= 0
          || Character.isWhitespace(c)
          || Character.isISOControl(c)) {
        error("InvalidLabel", at, "Label contains invalid character: '" + printable(c) + "'");
        return;
      }
    }
  }

  private static String printable(char c) {
    switch (c) {
      case '\n':
        return "\\n";
      case '\r':
        return "\\r";
      case '\t':
        return "\\t";
      default:
        return Character.isISOControl(c)
            ? String.format(Locale.ROOT, "\\x%02x", (int) c)
            : String.valueOf(c);
    }
  }

  private void itemReader(ItemReader reader, String at, boolean jsonata) {
    if (reader.resource() == null) {
      missingField(at, "Resource");
    } else if (!Resources.isItemReader(reader.resource())) {
      run.fields.unknownResource(reader.resource(), at + "/Resource");
    }
    payloads(reader.parameters(), reader.arguments(), at, jsonata);
    ItemReader.ReaderConfig config = reader.readerConfig();
    if (config == null) {
      return;
    }
    String configAt = at + "/ReaderConfig";
    oneOfValues(config.inputType(), configAt, "InputType", READER_INPUT_TYPES);
    oneOfValues(config.csvHeaderLocation(), configAt, "CSVHeaderLocation", CSV_HEADER_LOCATIONS);
    oneOfValues(config.csvDelimiter(), configAt, "CSVDelimiter", CSV_DELIMITERS);
    if ("GIVEN".equals(config.csvHeaderLocation()) && config.csvHeaders() == null) {
      missingField(configAt, "CSVHeaders");
    }
    run.expressions.dynamicNumber(
        config.maxItems(), config.maxItemsPath(), configAt, "MaxItems", jsonata, MAX_ITEMS);
    if (config.itemsPointer() != null) {
      String pointerProblem = jsonPointerError(config.itemsPointer());
      if (pointerProblem != null) {
        error(
            "InvalidValue",
            configAt + "/ItemsPointer",
            "'ItemsPointer' must be a JSON pointer such as \"/data/items\": " + pointerProblem);
      }
    }
  }

  /** Why {@code text} is not an RFC 6901 JSON pointer; null when it is one. */
  private static String jsonPointerError(String text) {
    if (!text.isEmpty() && !text.startsWith("/")) {
      return "it must be empty or start with '/'";
    }
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '~'
          && (i + 1 == text.length() || (text.charAt(i + 1) != '0' && text.charAt(i + 1) != '1'))) {
        return "'~' must be followed by 0 or 1 (at character " + i + ")";
      }
    }
    return null;
  }

  private void itemBatcher(ItemBatcher batcher, String at, boolean jsonata) {
    run.expressions.dynamicNumber(
        batcher.maxItemsPerBatch(),
        batcher.maxItemsPerBatchPath(),
        at,
        "MaxItemsPerBatch",
        jsonata,
        POSITIVE);
    run.expressions.dynamicNumber(
        batcher.maxInputBytesPerBatch(),
        batcher.maxInputBytesPerBatchPath(),
        at,
        "MaxInputBytesPerBatch",
        jsonata,
        BATCH_BYTES);
    if (batcher.batchInput() != null) {
      if (jsonata) {
        run.expressions.jsonataValue(batcher.batchInput(), at + "/BatchInput", StatesFields.BASIC);
      } else {
        run.expressions.template(batcher.batchInput(), at + "/BatchInput");
      }
    }
  }

  private void resultWriter(ResultWriter writer, String at, boolean jsonata) {
    if (writer.resource() != null && !Resources.isResultWriter(writer.resource())) {
      run.fields.unknownResource(writer.resource(), at + "/Resource");
    }
    payloads(writer.parameters(), writer.arguments(), at, jsonata);
    if (writer.writerConfig() != null) {
      String configAt = at + "/WriterConfig";
      oneOfValues(writer.writerConfig().outputType(), configAt, "OutputType", WRITER_OUTPUT_TYPES);
      oneOfValues(
          writer.writerConfig().transformation(),
          configAt,
          "Transformation",
          WRITER_TRANSFORMATIONS);
    }
  }

  /**
   * {@code Parameters} (JSONPath) or {@code Arguments} (JSONata) of an ItemReader or ResultWriter.
   */
  private void payloads(JsonNode parameters, JsonNode arguments, String at, boolean jsonata) {
    if (parameters != null) {
      if (jsonata) {
        notInJsonata(at, "Parameters");
      } else {
        run.expressions.template(parameters, at + "/Parameters");
      }
    }
    if (arguments != null) {
      if (jsonata) {
        run.expressions.jsonataValue(arguments, at + "/Arguments", StatesFields.BASIC);
      } else {
        notInJsonPath(at, "Arguments");
      }
    }
  }
}
