package io.asl4j.runtime.internal.jsonata;

import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts between Jackson trees and the values the JSONata library works on.
 *
 * <p>The library represents JSON {@code null} as {@link Jsonata#NULL_VALUE} and "undefined" as Java
 * {@code null}; numbers are {@code Integer}, {@code Long} or {@code Double}. JSONata numbers are
 * doubles, so a number read from JSON is narrowed the way the library narrows its own: an integral
 * value becomes an integer type, anything else a double. Back in JSON, an integral double is
 * written as an integer ({@code 7}, never {@code 7.0}), as JavaScript would.
 */
final class JsonataValues {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** 2^63 as a double: integral doubles below it in magnitude fit a long exactly. */
  private static final double LONG_RANGE = 0x1p63;

  private JsonataValues() {}

  /** Thrown when a result holds something JSON cannot carry, such as a function. */
  static final class UnsupportedValue extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnsupportedValue() {
      super("unsupported result type", null, false, false);
    }
  }

  /** The library value for {@code node}; a missing node is undefined ({@code null}). */
  static Object toJsonata(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return null;
    }
    switch (node.getNodeType()) {
      case NULL:
        return Jsonata.NULL_VALUE;
      case BOOLEAN:
        return node.booleanValue();
      case STRING:
        return node.textValue();
      case NUMBER:
        return number(node);
      case ARRAY:
        List<Object> list = new ArrayList<>(node.size());
        for (JsonNode element : node) {
          list.add(toJsonata(element));
        }
        return list;
      case OBJECT:
        Map<String, Object> map = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
          Map.Entry<String, JsonNode> field = fields.next();
          map.put(field.getKey(), toJsonata(field.getValue()));
        }
        return map;
      default:
        throw new IllegalArgumentException("Not a JSON value: " + node.getNodeType());
    }
  }

  private static Number number(JsonNode node) {
    if (node.canConvertToExactIntegral() && node.canConvertToLong()) {
      return narrow(node.longValue());
    }
    double value = node.doubleValue();
    if (!Double.isFinite(value)) {
      throw new EvaluationFailure("D1001: Number out of range: " + node.asText());
    }
    return integral(value) ? narrow((long) value) : (Number) value;
  }

  private static Number narrow(long value) {
    return value == (int) value ? (Number) (int) value : (Number) value;
  }

  /**
   * The JSON for a library value, or {@code null} when the value is undefined.
   *
   * @throws UnsupportedValue when the value is or contains a function or another non-JSON value
   * @throws EvaluationFailure when it contains a number that is not finite
   */
  static JsonNode toJson(Object value) {
    if (value == null) {
      return null;
    }
    if (value == Jsonata.NULL_VALUE) {
      return NODES.nullNode();
    }
    if (value instanceof String text) {
      return NODES.textNode(text);
    }
    if (value instanceof Boolean bool) {
      return NODES.booleanNode(bool);
    }
    if (value instanceof Number number) {
      return toJson(number);
    }
    if (value instanceof Map<?, ?> map) {
      ObjectNode object = NODES.objectNode();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        JsonNode element = toJson(entry.getValue());
        // As JSON.stringify does, a property whose value is undefined is left out.
        if (element != null) {
          object.set(String.valueOf(entry.getKey()), element);
        }
      }
      return object;
    }
    if (value instanceof List<?> list) {
      ArrayNode array = NODES.arrayNode(list.size());
      for (Object element : list) {
        // As JSON.stringify does, an undefined array element is written as null.
        JsonNode json = toJson(element);
        array.add(json == null ? NODES.nullNode() : json);
      }
      return array;
    }
    throw new UnsupportedValue();
  }

  private static JsonNode toJson(Number number) {
    if (number instanceof Integer || number instanceof Short || number instanceof Byte) {
      return NODES.numberNode(number.intValue());
    }
    if (number instanceof Long value) {
      return value == value.intValue()
          ? NODES.numberNode(value.intValue())
          : NODES.numberNode(value.longValue());
    }
    if (number instanceof BigInteger big) {
      return big.bitLength() < 64 ? toJson(big.longValue()) : NODES.numberNode(big);
    }
    if (number instanceof BigDecimal decimal) {
      return toJson(decimal.doubleValue());
    }
    double value = number.doubleValue();
    if (!Double.isFinite(value)) {
      throw new EvaluationFailure("D1001: Number out of range: " + value);
    }
    if (integral(value)) {
      return toJson((long) value);
    }
    return NODES.numberNode(value);
  }

  /** Whether {@code value} is a whole number that a long holds exactly (-0.0 counts as 0). */
  private static boolean integral(double value) {
    return value == Math.rint(value) && Math.abs(value) < LONG_RANGE;
  }
}
