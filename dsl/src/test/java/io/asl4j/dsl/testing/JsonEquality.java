package io.asl4j.dsl.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * JSON equality as JSON means it: key order aside, numbers compared by value ({@code 2 == 2.0}).
 */
public final class JsonEquality {
  private JsonEquality() {}

  /** The JSON pointer of the first difference, or {@code null} when the values are equal. */
  public static String firstDifference(JsonNode expected, JsonNode actual) {
    return diff(expected, actual, "");
  }

  private static String diff(JsonNode a, JsonNode b, String at) {
    if (a == null || b == null) {
      return a == b ? null : (at.isEmpty() ? "/" : at);
    }
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0 ? null : at;
    }
    if (a.getNodeType() != b.getNodeType()) {
      return at.isEmpty() ? "/" : at;
    }
    if (a.isObject()) {
      if (a.size() != b.size()) {
        return at.isEmpty() ? "/" : at;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String d = diff(e.getValue(), b.get(e.getKey()), at + "/" + e.getKey());
        if (d != null) {
          return d;
        }
      }
      return null;
    }
    if (a.isArray()) {
      if (a.size() != b.size()) {
        return at.isEmpty() ? "/" : at;
      }
      for (int i = 0; i < a.size(); i++) {
        String d = diff(a.get(i), b.get(i), at + "/" + i);
        if (d != null) {
          return d;
        }
      }
      return null;
    }
    return a.equals(b) ? null : (at.isEmpty() ? "/" : at);
  }
}
