package io.asl4j.runtime.internal.expression;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * Equality of JSON values as JSON defines it, for ArrayContains and ArrayUnique: numbers compare by
 * value ({@code 1} equals {@code 1.0}) and object members in any order.
 */
final class JsonValues {
  private JsonValues() {}

  static boolean equal(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return JsonNumbers.compare(a, b) == 0;
    }
    if (a.getNodeType() != b.getNodeType()) {
      return false;
    }
    if (a.isArray()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (!equal(a.get(i), b.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (a.isObject()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (Map.Entry<String, JsonNode> member : a.properties()) {
        JsonNode other = b.get(member.getKey());
        if (other == null || !equal(member.getValue(), other)) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }

  /**
   * A string that is equal for two values exactly when {@link #equal} holds, so that ArrayUnique
   * can hash instead of comparing every pair; {@code null} when it would be longer than {@code
   * limit} characters (a value that large cannot travel in a payload anyway).
   */
  static String canonical(JsonNode node, int limit) {
    StringBuilder out = new StringBuilder();
    return canonical(node, out, limit) ? out.toString() : null;
  }

  private static boolean canonical(JsonNode node, StringBuilder out, int limit) {
    if (node.isNumber()) {
      BigDecimal value = JsonNumbers.decimal(node);
      // Scientific notation: 1E+999999999 written plain would be a billion characters long.
      out.append('#')
          .append(value == null ? String.valueOf(node.doubleValue()) : value.stripTrailingZeros());
    } else if (node.isArray()) {
      out.append('[');
      for (JsonNode element : node) {
        if (!canonical(element, out, limit)) {
          return false;
        }
        out.append(',');
      }
      out.append(']');
    } else if (node.isObject()) {
      TreeMap<String, JsonNode> sorted = new TreeMap<>();
      node.properties().forEach(member -> sorted.put(member.getKey(), member.getValue()));
      out.append('{');
      for (Map.Entry<String, JsonNode> member : sorted.entrySet()) {
        out.append(Json.compact(Json.MAPPER.getNodeFactory().textNode(member.getKey())))
            .append(':');
        if (!canonical(member.getValue(), out, limit)) {
          return false;
        }
        out.append(',');
      }
      out.append('}');
    } else {
      out.append(Json.compact(node));
    }
    return out.length() <= limit;
  }
}
