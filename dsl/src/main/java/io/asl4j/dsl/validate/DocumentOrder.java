package io.asl4j.dsl.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.asl4j.dsl.json.AslReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Sorts problems into the order their locations appear in a JSON document. Problems are found
 * rule by rule (names first, then transitions, then fields); a reader wants them top to bottom.
 */
final class DocumentOrder {
  private final Map<String, Integer> positions = new HashMap<>();

  private DocumentOrder(JsonNode root) {
    index(root, "");
  }

  /** {@code problems} sorted by the position of their pointers in {@code root}; stable. */
  static List<Problem> sort(List<Problem> problems, JsonNode root) {
    if (root == null) {
      return problems;
    }
    DocumentOrder order = new DocumentOrder(root);
    List<Problem> sorted = new ArrayList<>(problems);
    sorted.sort(Comparator.comparingInt(p -> order.position(p.pointer())));
    return sorted;
  }

  private void index(JsonNode node, String at) {
    positions.put(at, positions.size());
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        index(e.getValue(), at + "/" + AslReader.escape(e.getKey()));
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        index(node.get(i), at + "/" + i);
      }
    }
  }

  /** The position of the pointer, or of its nearest existing ancestor (a missing field). */
  private int position(String pointer) {
    String at = pointer;
    while (true) {
      Integer position = positions.get(at);
      if (position != null) {
        return position;
      }
      int slash = at.lastIndexOf('/');
      if (slash < 0) {
        return 0;
      }
      at = at.substring(0, slash);
    }
  }
}
