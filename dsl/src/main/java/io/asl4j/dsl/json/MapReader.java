package io.asl4j.dsl.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.asl4j.dsl.model.Io;
import io.asl4j.dsl.model.ItemBatcher;
import io.asl4j.dsl.model.ItemReader;
import io.asl4j.dsl.model.MapState;
import io.asl4j.dsl.model.QueryLanguage;
import io.asl4j.dsl.model.ResultWriter;
import java.util.Set;

/** Reads a Map state and its ItemReader, ItemBatcher and ResultWriter. */
final class MapReader extends FieldReader {
  private final StateReader states;

  MapReader(StateReader states) {
    super(states);
    this.states = states;
  }

  MapState map(JsonNode json, String at, String comment, QueryLanguage language, Io io) {
    JsonNode items = json.get("Items");
    if (items != null && !items.isArray() && !items.isTextual()) {
      wrongType(at + "/Items", "an array or a JSONata expression", items);
      items = null;
    }
    return new MapState(
        comment,
        language,
        io,
        string(json, "ItemsPath", at),
        items,
        json.get("ItemSelector"),
        states.processor(json.get("Iterator"), at + "/Iterator", true),
        states.processor(json.get("ItemProcessor"), at + "/ItemProcessor", false),
        itemReader(json.get("ItemReader"), at + "/ItemReader"),
        itemBatcher(json.get("ItemBatcher"), at + "/ItemBatcher"),
        resultWriter(json.get("ResultWriter"), at + "/ResultWriter"),
        numberOrString(json, "MaxConcurrency", at),
        string(json, "MaxConcurrencyPath", at),
        numberOrString(json, "ToleratedFailurePercentage", at),
        string(json, "ToleratedFailurePercentagePath", at),
        numberOrString(json, "ToleratedFailureCount", at),
        string(json, "ToleratedFailureCountPath", at),
        string(json, "Label", at),
        states.retriers(json, at),
        states.catchers(json, at),
        string(json, "Next", at),
        bool(json, "End", at));
  }

  ItemReader itemReader(JsonNode json, String at) {
    if (!presentObject(json, at, "an object")) {
      return null;
    }
    unknownFields(
        json, Set.of("Resource", "Parameters", "Arguments", "ReaderConfig"), at, "ItemReader");
    ItemReader.ReaderConfig config = null;
    JsonNode configNode = json.get("ReaderConfig");
    String configAt = at + "/ReaderConfig";
    if (presentObject(configNode, configAt, "an object")) {
      unknownFields(
          configNode,
          Set.of(
              "InputType",
              "CSVHeaderLocation",
              "CSVHeaders",
              "CSVDelimiter",
              "ManifestType",
              "MaxItems",
              "MaxItemsPath",
              "ItemsPointer"),
          configAt,
          "ReaderConfig");
      config =
          new ItemReader.ReaderConfig(
              string(configNode, "InputType", configAt),
              string(configNode, "CSVHeaderLocation", configAt),
              stringList(configNode, "CSVHeaders", configAt),
              string(configNode, "CSVDelimiter", configAt),
              string(configNode, "ManifestType", configAt),
              numberOrString(configNode, "MaxItems", configAt),
              string(configNode, "MaxItemsPath", configAt),
              string(configNode, "ItemsPointer", configAt));
    }
    return new ItemReader(
        string(json, "Resource", at), json.get("Parameters"), json.get("Arguments"), config);
  }

  ItemBatcher itemBatcher(JsonNode json, String at) {
    if (!presentObject(json, at, "an object")) {
      return null;
    }
    unknownFields(
        json,
        Set.of(
            "MaxItemsPerBatch",
            "MaxItemsPerBatchPath",
            "MaxInputBytesPerBatch",
            "MaxInputBytesPerBatchPath",
            "BatchInput"),
        at,
        "ItemBatcher");
    return new ItemBatcher(
        numberOrString(json, "MaxItemsPerBatch", at),
        string(json, "MaxItemsPerBatchPath", at),
        numberOrString(json, "MaxInputBytesPerBatch", at),
        string(json, "MaxInputBytesPerBatchPath", at),
        json.get("BatchInput"));
  }

  ResultWriter resultWriter(JsonNode json, String at) {
    if (!presentObject(json, at, "an object")) {
      return null;
    }
    unknownFields(
        json, Set.of("Resource", "Parameters", "Arguments", "WriterConfig"), at, "ResultWriter");
    ResultWriter.WriterConfig config = null;
    JsonNode configNode = json.get("WriterConfig");
    String configAt = at + "/WriterConfig";
    if (presentObject(configNode, configAt, "an object")) {
      unknownFields(configNode, Set.of("OutputType", "Transformation"), configAt, "WriterConfig");
      config =
          new ResultWriter.WriterConfig(
              string(configNode, "OutputType", configAt),
              string(configNode, "Transformation", configAt));
    }
    return new ResultWriter(
        string(json, "Resource", at), json.get("Parameters"), json.get("Arguments"), config);
  }
}
