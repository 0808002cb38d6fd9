package io.asl4j.runtime.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asl4j.dsl.json.AslReader;
import io.asl4j.dsl.model.ItemBatcher;
import io.asl4j.dsl.model.ItemReader;
import io.asl4j.runtime.StatesError;
import io.asl4j.runtime.services.S3Objects;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A distributed Map's {@code ItemReader} (items from an S3 object or listing) and {@code
 * ItemBatcher} (items grouped into batches). Failures are {@code States.ItemReaderFailed} with
 * AWS's texts.
 */
final class ItemReaders {
  /** AWS reads at most 100,000,000 items (the validator's bound on a literal MaxItems). */
  static final long MAX_ITEMS = 100_000_000L;

  private ItemReaders() {}

  static ArrayNode read(
      RunSetup setup, Step step, ItemReader reader, JsonNode input, JsonNode states) {
    Data data = setup.data();
    JsonNode parameters;
    if (reader.arguments() != null) {
      parameters = data.jsonata(reader.arguments(), "ItemReader/Arguments", states, step);
    } else if (reader.parameters() != null) {
      parameters = data.template(reader.parameters(), input, step);
    } else {
      parameters = ExecutionRun.NODES.objectNode();
    }
    S3Objects s3 = setup.s3();
    if (s3 == null) {
      throw failed(
          "no S3 objects are configured for this local state machine (LocalStateMachine.Builder.s3(...))");
    }
    String bucket = parameters.path("Bucket").asText();
    io.asl4j.dsl.model.ResourceArn resource =
        io.asl4j.dsl.model.ResourceArn.parse(reader.resource() == null ? "" : reader.resource());
    ItemReader.ReaderConfig config = reader.readerConfig();
    long maxItems = maxItems(setup, step, config, input, states);
    ArrayNode items;
    if ("listObjectsV2".equals(resource.action())) {
      items = ExecutionRun.NODES.arrayNode();
      for (String key : s3.list(bucket, parameters.path("Prefix").asText(""))) {
        ObjectNode object = items.addObject();
        String body = s3.get(bucket, key).orElse("");
        object.put("Etag", "\"" + Integer.toHexString(body.hashCode()) + "\"");
        object.put("Key", key);
        object.put("LastModified", RunSetup.timestamp(setup.startMillis()));
        object.put("Size", body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        object.put("StorageClass", "STANDARD");
      }
    } else {
      String key = parameters.path("Key").asText();
      String body = object(s3, bucket, key);
      String type = config == null || config.inputType() == null ? "JSON" : config.inputType();
      String manifestType = config == null ? null : config.manifestType();
      if ("ATHENA_DATA".equals(manifestType)) {
        items = athenaData(s3, body, type, config);
      } else if ("MANIFEST".equals(type) || "S3_INVENTORY".equals(manifestType)) {
        items = s3Inventory(s3, body);
      } else {
        items = parseItems(type, body, config);
      }
    }
    if (maxItems > 0 && items.size() > maxItems) {
      ArrayNode limited = ExecutionRun.NODES.arrayNode();
      for (int i = 0; i < maxItems; i++) {
        limited.add(items.get(i));
      }
      items = limited;
    }
    return items;
  }

  /** The body of an object the reader needs, or AWS's failure for a missing key. */
  private static String object(S3Objects s3, String bucket, String key) {
    return s3.get(bucket, key)
        .orElseThrow(
            () ->
                failed(
                    "The specified key does not exist. (Bucket: "
                        + bucket
                        + ", Key: "
                        + key
                        + ")"));
  }

  /** The items of one file of {@code type}: CSV rows, JSON Lines, or a JSON array. */
  private static ArrayNode parseItems(String type, String body, ItemReader.ReaderConfig config) {
    switch (type) {
      case "CSV":
        return csv(body, config);
      case "JSONL":
        {
          ArrayNode items = ExecutionRun.NODES.arrayNode();
          for (String line : body.split("\n")) {
            if (!line.isBlank()) {
              items.add(parse(line));
            }
          }
          return items;
        }
      case "PARQUET":
        throw failed(
            "asl4j cannot read PARQUET files: the Java Parquet readers (Apache parquet-hadoop) need a Hadoop"
                + " stack, which this local runtime does not carry. Give the Map its items as CSV, JSON or JSON Lines,"
                + " or stand in for the reader with TestState's mapItemReaderData.");
      default:
        {
          JsonNode json = parse(body);
          String pointer = config == null ? null : config.itemsPointer();
          if (pointer != null) {
            json = pointed(json, pointer);
          }
          if (!json.isArray()) {
            throw failed("Attempting to map over non-iterable node.");
          }
          return (ArrayNode) json;
        }
    }
  }

  /**
   * {@code ReaderConfig.ItemsPointer}: the array of items inside a JSON file, found by a JSON
   * Pointer (RFC 6901: {@code /data/items}, {@code ~1} for a '/' in a name).
   */
  static JsonNode pointed(JsonNode json, String pointer) {
    com.fasterxml.jackson.core.JsonPointer parsed;
    try {
      parsed = com.fasterxml.jackson.core.JsonPointer.compile(pointer);
    } catch (IllegalArgumentException e) {
      throw failed(
          "ItemsPointer \""
              + pointer
              + "\" is not a JSON Pointer: it must be empty or start with '/'.");
    }
    JsonNode found = json.at(parsed);
    if (found.isMissingNode()) {
      throw failed("ItemsPointer \"" + pointer + "\" points to nothing in the JSON file.");
    }
    return found;
  }

  /**
   * {@code ManifestType ATHENA_DATA}: the manifest Athena's UNLOAD writes lists the data files, one
   * {@code s3://bucket/key} a line; their rows, in the manifest's order, are the items. {@code
   * InputType} is the data files' format (CSV, JSONL or PARQUET).
   */
  private static ArrayNode athenaData(
      S3Objects s3, String manifest, String type, ItemReader.ReaderConfig config) {
    if (type.equals("MANIFEST") || type.equals("JSON")) {
      throw failed(
          "ManifestType ATHENA_DATA reads the data files an Athena manifest lists: InputType must be their"
              + " format, CSV, JSONL or PARQUET, but was "
              + type
              + ".");
    }
    ArrayNode items = ExecutionRun.NODES.arrayNode();
    for (String line : manifest.split("\r?\n")) {
      String uri = line.strip();
      if (uri.isEmpty()) {
        continue;
      }
      String[] location = s3Location(uri);
      items.addAll(parseItems(type, object(s3, location[0], location[1]), config));
    }
    return items;
  }

  private static String[] s3Location(String uri) {
    if (!uri.startsWith("s3://") || uri.indexOf('/', 5) < 0) {
      throw failed("The manifest lists \"" + uri + "\", which is not an s3://bucket/key location.");
    }
    int slash = uri.indexOf('/', 5);
    return new String[] {uri.substring(5, slash), uri.substring(slash + 1)};
  }

  /**
   * {@code InputType MANIFEST} ({@code ManifestType S3_INVENTORY}): an S3 Inventory {@code
   * manifest.json} names its CSV data files ({@code files[].key}, in the bucket of {@code
   * destinationBucket}) and their columns ({@code fileSchema}); each row is an item whose fields
   * are those columns. (Local S3 objects are text: the data files are read as stored,
   * uncompressed.)
   */
  private static ArrayNode s3Inventory(S3Objects s3, String body) {
    JsonNode manifest = parse(body);
    String format = manifest.path("fileFormat").asText("CSV");
    if (!format.equalsIgnoreCase("CSV")) {
      throw failed(
          "The S3 Inventory manifest's fileFormat is "
              + format
              + "; only CSV inventories can be read.");
    }
    String destination = manifest.path("destinationBucket").asText("");
    String bucket =
        destination.startsWith("arn:")
            ? destination.substring(destination.lastIndexOf(':') + 1)
            : destination;
    List<String> columns = new ArrayList<>();
    for (String column : manifest.path("fileSchema").asText("").split(",")) {
      if (!column.isBlank()) {
        columns.add(column.strip());
      }
    }
    if (bucket.isEmpty() || columns.isEmpty() || !manifest.path("files").isArray()) {
      throw failed("The S3 Inventory manifest needs destinationBucket, fileSchema and files.");
    }
    ArrayNode items = ExecutionRun.NODES.arrayNode();
    for (JsonNode file : manifest.path("files")) {
      for (List<String> row : CsvRows.parse(object(s3, bucket, file.path("key").asText()), ',')) {
        ObjectNode item = items.addObject();
        for (int i = 0; i < columns.size(); i++) {
          item.put(columns.get(i), i < row.size() ? row.get(i) : "");
        }
      }
    }
    return items;
  }

  private static long maxItems(
      RunSetup setup, Step step, ItemReader.ReaderConfig config, JsonNode input, JsonNode states) {
    if (config == null) {
      return 0;
    }
    JsonNode value = null;
    if (config.maxItemsPath() != null) {
      value = setup.data().path(config.maxItemsPath(), input, step);
    } else if (config.maxItems() != null) {
      value = config.maxItems();
      if (value.isTextual()) {
        value = setup.data().jsonata(value, "ItemReader/ReaderConfig/MaxItems", states, step);
      }
    }
    Long number = value == null ? Long.valueOf(0) : MapLimits.wholeNumber(value);
    if (number == null || number < 0) {
      throw failed("field MaxItems must be positive");
    }
    // AWS takes a larger value from MaxItemsPath as "all it reads" (recorded: 100,000,001
    // succeeds); the validator refuses it as a literal.
    return Math.min(number, MAX_ITEMS);
  }

  /** CSV with a header row or given headers; every value a string, missing fields empty. */
  private static ArrayNode csv(String body, ItemReader.ReaderConfig config) {
    char delimiter = delimiter(config.csvDelimiter());
    List<List<String>> rows = CsvRows.parse(body, delimiter);
    List<String> headers;
    if ("GIVEN".equals(config.csvHeaderLocation())) {
      headers = config.csvHeaders() == null ? List.of() : config.csvHeaders();
    } else {
      headers = rows.isEmpty() ? List.of() : rows.remove(0);
    }
    Set<String> seen = new HashSet<>();
    for (String header : headers) {
      if (!seen.add(header)) {
        throw failed("CSV headers cannot contain duplicates.");
      }
    }
    ArrayNode items = ExecutionRun.NODES.arrayNode();
    for (List<String> row : rows) {
      ObjectNode item = items.addObject();
      for (int i = 0; i < headers.size(); i++) {
        item.put(headers.get(i), i < row.size() ? row.get(i) : "");
      }
    }
    return items;
  }

  private static char delimiter(String name) {
    if (name == null) {
      return ',';
    }
    switch (name) {
      case "SEMICOLON":
        return ';';
      case "PIPE":
        return '|';
      case "SPACE":
        return ' ';
      case "TAB":
        return '\t';
      default:
        return ',';
    }
  }

  /**
   * Groups items into batches: {@code {"Items": [...], "BatchInput": ...}} per child, at most
   * {@code MaxItemsPerBatch} items and {@code MaxInputBytesPerBatch} bytes each.
   */
  static ArrayNode batch(
      RunSetup setup,
      Step step,
      ItemBatcher batcher,
      ArrayNode items,
      JsonNode input,
      JsonNode states) {
    Data data = setup.data();
    long maxItems =
        number(
            setup,
            step,
            batcher.maxItemsPerBatch(),
            batcher.maxItemsPerBatchPath(),
            input,
            states,
            "MaxItemsPerBatch");
    long maxBytes =
        number(
            setup,
            step,
            batcher.maxInputBytesPerBatch(),
            batcher.maxInputBytesPerBatchPath(),
            input,
            states,
            "MaxInputBytesPerBatch");
    JsonNode batchInput = null;
    if (batcher.batchInput() != null) {
      batchInput =
          states != null
              ? data.jsonata(batcher.batchInput(), "ItemBatcher/BatchInput", states, step)
              : data.template(batcher.batchInput(), input, step);
    }
    ArrayNode batches = ExecutionRun.NODES.arrayNode();
    ArrayNode current = null;
    long bytes = 0;
    for (JsonNode item : items) {
      long size = HistoryDetails.text(item).length();
      boolean full =
          current != null
              && ((maxItems > 0 && current.size() >= maxItems)
                  || (maxBytes > 0 && bytes + size > maxBytes));
      if (current == null || full) {
        ObjectNode batch = batches.addObject();
        if (batchInput != null) {
          batch.set("BatchInput", batchInput);
        }
        current = batch.putArray("Items");
        bytes = 0;
      }
      current.add(item);
      bytes += size;
    }
    return batches;
  }

  private static long number(
      RunSetup setup,
      Step step,
      JsonNode literal,
      String path,
      JsonNode input,
      JsonNode states,
      String field) {
    JsonNode value = null;
    if (path != null) {
      value = setup.data().path(path, input, step);
    } else if (literal != null) {
      value =
          literal.isTextual()
              ? setup.data().jsonata(literal, "ItemBatcher/" + field, states, step)
              : literal;
    }
    Long number = value == null ? Long.valueOf(0) : MapLimits.wholeNumber(value);
    if (number == null || number < 0) {
      throw failed("field " + field + " must be positive");
    }
    // A batch is a child execution's input, so never more than the payload limit, whatever a
    // path says (the validator refuses a larger literal). As for MaxItemsPath, where AWS reads a
    // larger value as the most it allows, a larger value is not an error.
    if (field.equals("MaxInputBytesPerBatch")
        && (number == 0 || number > ExecutionRun.PAYLOAD_LIMIT_BYTES)) {
      return ExecutionRun.PAYLOAD_LIMIT_BYTES;
    }
    return number;
  }

  private static JsonNode parse(String text) {
    try {
      return AslReader.parse(text);
    } catch (RuntimeException e) {
      throw failed("The item reader could not parse the object as JSON.");
    }
  }

  static StatesError failed(String cause) {
    return new StatesError("States.ItemReaderFailed", cause);
  }

  /** RFC 4180 rows: quoted fields may hold the delimiter, quotes doubled, and line breaks. */
  static final class CsvRows {
    private CsvRows() {}

    static List<List<String>> parse(String body, char delimiter) {
      List<List<String>> rows = new ArrayList<>();
      List<String> row = new ArrayList<>();
      StringBuilder field = new StringBuilder();
      boolean quoted = false;
      boolean any = false;
      for (int i = 0; i < body.length(); i++) {
        char c = body.charAt(i);
        if (quoted) {
          if (c == '"' && i + 1 < body.length() && body.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else if (c == '"') {
            quoted = false;
          } else {
            field.append(c);
          }
        } else if (c == '"' && field.length() == 0) {
          quoted = true;
          any = true;
        } else if (c == delimiter) {
          row.add(field.toString());
          field.setLength(0);
          any = true;
        } else if (c == '\n' || c == '\r') {
          if (c == '\r' && i + 1 < body.length() && body.charAt(i + 1) == '\n') {
            i++;
          }
          row.add(field.toString());
          rows.add(row);
          row = new ArrayList<>();
          field.setLength(0);
          any = false;
        } else {
          field.append(c);
          any = true;
        }
      }
      if (any || field.length() > 0) {
        row.add(field.toString());
        rows.add(row);
      }
      return rows;
    }
  }
}
