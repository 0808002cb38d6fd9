package io.asl4j.runtime.internal.expression;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares a recorded expected value, redacted by the recorder, with an actual value: objects in
 * any member order, numbers by value, a string holding {@code <...>} tokens as a pattern in which
 * each token stands for any text, and a wildcard string (a redaction literal such as {@code date})
 * as any value at all.
 */
final class RedactedJson {
  private static final Pattern TOKEN = Pattern.compile("<[^<>]+>");

  private RedactedJson() {}

  static boolean matches(JsonNode expected, JsonNode actual, Set<String> wildcards) {
    if (expected.isTextual() && wildcards.contains(expected.textValue())) {
      return true;
    }
    if (expected.isNumber() && actual.isNumber()) {
      return expected.decimalValue().compareTo(actual.decimalValue()) == 0;
    }
    if (expected.isTextual() && actual.isTextual()) {
      return textMatches(expected.textValue(), actual.textValue());
    }
    if (expected.getNodeType() != actual.getNodeType() || expected.size() != actual.size()) {
      return false;
    }
    if (expected.isArray()) {
      for (int i = 0; i < expected.size(); i++) {
        if (!matches(expected.get(i), actual.get(i), wildcards)) {
          return false;
        }
      }
      return true;
    }
    if (expected.isObject()) {
      for (Map.Entry<String, JsonNode> member : expected.properties()) {
        JsonNode other = actual.get(member.getKey());
        if (other == null || !matches(member.getValue(), other, wildcards)) {
          return false;
        }
      }
      return true;
    }
    return expected.equals(actual);
  }

  static boolean textMatches(String expected, String actual) {
    Matcher tokens = TOKEN.matcher(expected);
    StringBuilder regex = new StringBuilder();
    int last = 0;
    while (tokens.find()) {
      regex.append(Pattern.quote(expected.substring(last, tokens.start()))).append("(?s:.*)");
      last = tokens.end();
    }
    regex.append(Pattern.quote(expected.substring(last)));
    return actual.matches(regex.toString());
  }
}
