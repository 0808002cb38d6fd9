package io.asl4j.dsl.model;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A distributed Map's {@code ItemReader}: where the items come from (an S3 object or listing).
 *
 * @param parameters JSONPath {@code Parameters}, or {@code null}
 * @param arguments JSONata {@code Arguments}, or {@code null}
 * @param readerConfig {@code ReaderConfig}, or {@code null}
 */
public record ItemReader(
    String resource, JsonNode parameters, JsonNode arguments, ReaderConfig readerConfig) {

  /**
   * {@code ReaderConfig}. String-valued settings are kept as written; the validator checks their
   * values.
   *
   * @param maxItems a number or a JSONata string; {@code null} when absent
   * @param itemsPointer {@code ItemsPointer} (2025): a JSON Pointer to the array of items inside a
   *     JSON file, e.g. {@code /data/items}; {@code null} when absent (the file is the array)
   */
  public record ReaderConfig(
      String inputType,
      String csvHeaderLocation,
      java.util.List<String> csvHeaders,
      String csvDelimiter,
      String manifestType,
      JsonNode maxItems,
      String maxItemsPath,
      String itemsPointer) {
    public ReaderConfig {
      csvHeaders = csvHeaders == null ? null : java.util.List.copyOf(csvHeaders);
    }

    /** A {@code ReaderConfig} without {@code ItemsPointer}. */
    public ReaderConfig(
        String inputType,
        String csvHeaderLocation,
        java.util.List<String> csvHeaders,
        String csvDelimiter,
        String manifestType,
        JsonNode maxItems,
        String maxItemsPath) {
      this(
          inputType,
          csvHeaderLocation,
          csvHeaders,
          csvDelimiter,
          manifestType,
          maxItems,
          maxItemsPath,
          null);
    }
  }
}
