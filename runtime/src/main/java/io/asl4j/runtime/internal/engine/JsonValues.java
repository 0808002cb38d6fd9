package io.asl4j.runtime.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Conversions of JSON values the state executors share. */
final class JsonValues {
  private JsonValues() {}

  static String textOf(JsonNode value) {
    if (value == null || value.isNull()) {
      return null;
    }
    return value.isTextual() ? value.asText() : value.toString();
  }

  static BigDecimal decimal(JsonNode value) {
    return value.decimalValue();
  }

  static Instant parseTimestamp(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  static JsonNode nullToNode(JsonNode value) {
    return value == null ? NullNode.getInstance() : value;
  }
}
