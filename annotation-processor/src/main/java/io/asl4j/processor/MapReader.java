package io.asl4j.processor;

import static io.asl4j.processor.Annotations.mirror;
import static io.asl4j.processor.Annotations.value;

import com.fasterxml.jackson.databind.JsonNode;
import io.asl4j.dsl.model.ItemBatcher;
import io.asl4j.dsl.model.ItemReader;
import io.asl4j.dsl.model.ResultWriter;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;

/**
 * Reads the distributed Map's own annotations on a {@code @Map} state's type: {@code @ItemReader},
 * {@code @ItemBatcher} and {@code @ResultWriter}.
 */
final class MapReader {
  private final Attributes attributes;
  private final Origins origins;

  MapReader(Attributes attributes, Origins origins) {
    this.attributes = attributes;
    this.origins = origins;
  }

  /** {@code @ItemReader} on a Map state's type, or null. */
  ItemReader itemReader(StateInfo info, String at) {
    StateInfo reader = annotated(info, "ItemReader", at);
    if (reader == null) {
      return null;
    }
    String configAt = at + "/ReaderConfig";
    AnnotationMirror m = reader.mirror();
    ItemReader.ReaderConfig config = null;
    List<String> headers =
        value(m, "csvHeaders") == null
            ? null
            : attributes.strings(info.element(), m, configAt, "csvHeaders", "CSVHeaders");
    String inputType = attributes.field(reader, configAt, "inputType", "InputType");
    String headerLocation =
        attributes.field(reader, configAt, "csvHeaderLocation", "CSVHeaderLocation");
    String delimiter = attributes.field(reader, configAt, "csvDelimiter", "CSVDelimiter");
    String manifestType = attributes.field(reader, configAt, "manifestType", "ManifestType");
    JsonNode maxItems = attributes.numeric(reader, configAt, "maxItems", "MaxItems");
    String maxItemsPath = attributes.field(reader, configAt, "maxItemsPath", "MaxItemsPath");
    if (inputType != null
        || headerLocation != null
        || headers != null
        || delimiter != null
        || manifestType != null
        || maxItems != null
        || maxItemsPath != null) {
      origins.put(configAt, new Origin(info.element(), m, null));
      config =
          new ItemReader.ReaderConfig(
              inputType, headerLocation, headers, delimiter, manifestType, maxItems, maxItemsPath);
    }
    return new ItemReader(
        attributes.field(reader, at, "resource", "Resource"),
        attributes.json(reader, at, "parameters", "Parameters"),
        attributes.json(reader, at, "arguments", "Arguments"),
        config);
  }

  /** {@code @ItemBatcher} on a Map state's type, or null. */
  ItemBatcher itemBatcher(StateInfo info, String at) {
    StateInfo batcher = annotated(info, "ItemBatcher", at);
    if (batcher == null) {
      return null;
    }
    return new ItemBatcher(
        attributes.numeric(batcher, at, "maxItemsPerBatch", "MaxItemsPerBatch"),
        attributes.field(batcher, at, "maxItemsPerBatchPath", "MaxItemsPerBatchPath"),
        attributes.numeric(batcher, at, "maxInputBytesPerBatch", "MaxInputBytesPerBatch"),
        attributes.field(batcher, at, "maxInputBytesPerBatchPath", "MaxInputBytesPerBatchPath"),
        attributes.json(batcher, at, "batchInput", "BatchInput"));
  }

  /** {@code @ResultWriter} on a Map state's type, or null. */
  ResultWriter resultWriter(StateInfo info, String at) {
    StateInfo writer = annotated(info, "ResultWriter", at);
    if (writer == null) {
      return null;
    }
    String outputType = attributes.field(writer, at + "/WriterConfig", "outputType", "OutputType");
    String transformation =
        attributes.field(writer, at + "/WriterConfig", "transformation", "Transformation");
    return new ResultWriter(
        attributes.field(writer, at, "resource", "Resource"),
        attributes.json(writer, at, "parameters", "Parameters"),
        attributes.json(writer, at, "arguments", "Arguments"),
        outputType == null && transformation == null
            ? null
            : new ResultWriter.WriterConfig(outputType, transformation));
  }

  /**
   * {@code info} reading its {@code @annotation}, its origin recorded at {@code at}; null when
   * absent.
   */
  private StateInfo annotated(StateInfo info, String annotation, String at) {
    AnnotationMirror m = mirror(info.element(), annotation);
    if (m == null) {
      return null;
    }
    origins.put(at, new Origin(info.element(), m, null));
    return info.reading(m);
  }
}
