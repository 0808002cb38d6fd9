package io.asl4j.cdk.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.asl4j.dsl.json.AslReader;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the {@code ${Name}} placeholders of a definition, each with where it first occurs. */
public final class Placeholders {
  /** A placeholder: the name CloudFormation's {@code DefinitionSubstitutions} replaces. */
  public static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)\\}");

  private Placeholders() {}

  /** Placeholder name → JSON pointer of its first occurrence, in document order. */
  public static Map<String, String> find(JsonNode definition) {
    Map<String, String> found = new LinkedHashMap<>();
    walk(definition, "", found);
    return found;
  }

  /** The placeholder name when {@code text} is exactly one placeholder, else {@code null}. */
  public static String whole(String text) {
    Matcher m = PLACEHOLDER.matcher(text);
    return m.matches() ? m.group(1) : null;
  }

  private static void walk(JsonNode node, String pointer, Map<String, String> found) {
    if (node.isTextual()) {
      Matcher m = PLACEHOLDER.matcher(node.textValue());
      while (m.find()) {
        found.putIfAbsent(m.group(1), pointer);
      }
    } else if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        String child = pointer + "/" + AslReader.escape(field.getKey());
        Matcher m = PLACEHOLDER.matcher(field.getKey());
        while (m.find()) {
          found.putIfAbsent(m.group(1), child);
        }
        walk(field.getValue(), child, found);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), pointer + "/" + i, found);
      }
    }
  }
}
