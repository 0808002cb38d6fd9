package io.asl4j.dsl.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.asl4j.dsl.json.AslReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Sorts problems into the order their locations appear in a JSON document. Problems are found rule
 * by rule (names first, then transitions, then fields); a reader wants them top to bottom.
 *
 * <p>Only the paths to the problems are followed by name; the rest of the document is just counted.
 * Naming every node would cost the square of the depth in memory: a 1 MB definition nested 500
 * levels deep with long keys would need hundreds of megabytes.
 */
final class DocumentOrder {
  /** A segment of some problem's pointer, with the position of its node in the document. */
  private static final class Node {
    final Map<String, Node> children = new HashMap<>();
    int position = -1;
  }

  private DocumentOrder() {}

  /** {@code problems} sorted by the position of their pointers in {@code root}; stable. */
  static List<Problem> sort(List<Problem> problems, JsonNode root) {
    if (root == null || problems.size() < 2) {
      return problems;
    }
    Node paths = new Node();
    for (Problem problem : problems) {
      Node node = paths;
      for (String segment : segments(problem.pointer())) {
        node = node.children.computeIfAbsent(segment, s -> new Node());
      }
    }
    number(root, paths);
    int[] positions = new int[problems.size()];
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < problems.size(); i++) {
      positions[i] = position(paths, problems.get(i).pointer());
      order.add(i);
    }
    order.sort(Comparator.comparingInt(i -> positions[i]));
    List<Problem> sorted = new ArrayList<>();
    for (int i : order) {
      sorted.add(problems.get(i));
    }
    return sorted;
  }

  /** Numbers the nodes of {@code root} in document order, recording those on the paths. */
  private static void number(JsonNode root, Node paths) {
    int counter = 0;
    Deque<JsonNode> nodes = new ArrayDeque<>();
    Deque<Node> onPath = new ArrayDeque<>();
    nodes.push(root);
    onPath.push(paths);
    while (!nodes.isEmpty()) {
      JsonNode node = nodes.pop();
      Node path = onPath.pop();
      if (path == MISSING) {
        counter += size(node);
        continue;
      }
      path.position = counter++;
      List<JsonNode> children = new ArrayList<>();
      List<Node> childPaths = new ArrayList<>();
      if (node.isObject()) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          children.add(e.getValue());
          childPaths.add(child(path, e.getKey()));
        }
      } else if (node.isArray()) {
        for (int i = 0; i < node.size(); i++) {
          children.add(node.get(i));
          childPaths.add(child(path, String.valueOf(i)));
        }
      }
      for (int i = children.size() - 1; i >= 0; i--) {
        nodes.push(children.get(i));
        onPath.push(childPaths.get(i));
      }
    }
  }

  /** Stands for every node off the paths: counted, not named. */
  private static final Node MISSING = new Node();

  private static Node child(Node path, String key) {
    if (path.children.isEmpty()) {
      return MISSING;
    }
    Node child = path.children.get(AslReader.escape(key));
    return child == null ? MISSING : child;
  }

  /** The number of nodes of {@code node}, itself included, counted without recursion. */
  private static int size(JsonNode node) {
    int count = 0;
    Deque<JsonNode> todo = new ArrayDeque<>();
    todo.push(node);
    while (!todo.isEmpty()) {
      JsonNode n = todo.pop();
      count++;
      n.forEach(todo::push);
    }
    return count;
  }

  /** The position of the pointer, or of its nearest existing ancestor (a missing field). */
  private static int position(Node paths, String pointer) {
    int position = Math.max(paths.position, 0);
    Node node = paths;
    for (String segment : segments(pointer)) {
      node = node.children.get(segment);
      if (node == null || node.position < 0) {
        break;
      }
      position = node.position;
    }
    return position;
  }

  private static String[] segments(String pointer) {
    return pointer.isEmpty() ? new String[0] : pointer.substring(1).split("/", -1);
  }
}
