package io.asl4j.runtime.internal.expression;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NumericNode;
import java.io.UncheckedIOException;

/** The JSON plumbing shared by the evaluators. */
final class Json {
  /** Reads like AWS: trailing text after a JSON value is an error, not ignored. */
  static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private Json() {}

  /** Compact JSON text, as AWS prints values in causes: {@code {"a":1}}. */
  static String compact(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** "string \"abc\"", "number 1.5", "null", ... for messages about a value of the wrong type. */
  static String describe(JsonNode node) {
    if (node.isNull()) {
      return "null";
    }
    String text = compact(node);
    if (text.length() > 100) {
      text = text.substring(0, 97) + "...";
    }
    return typeName(node) + " " + text;
  }

  static String typeName(JsonNode node) {
    switch (node.getNodeType()) {
      case ARRAY:
        return "array";
      case OBJECT:
        return "object";
      case STRING:
        return "string";
      case NUMBER:
        return "number";
      case BOOLEAN:
        return "boolean";
      case NULL:
        return "null";
      default:
        return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  static NumericNode integer(long value) {
    return value == (int) value ? IntNode.valueOf((int) value) : LongNode.valueOf(value);
  }
}
