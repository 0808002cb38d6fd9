package io.asl4j.dsl.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * What JSON text can never hold but a tree built in code can: arrays and objects nested deeper than
 * the reader's parser accepts, and numbers that are NaN or infinite. Found without recursion, so
 * that the recursive walks of the reader, validator and writer only ever meet trees that text could
 * have produced.
 */
public final class JsonLimits {
  /** The most levels of arrays and objects a definition may nest, the outermost object included. */
  public static final int MAX_DEPTH = 500;

  private JsonLimits() {}

  /**
   * The JSON pointer of the first array or object nested more than {@link #MAX_DEPTH} levels deep
   * in {@code root}, or null when there is none.
   */
  public static String tooDeep(JsonNode root) {
    Walk walk = new Walk(root, true);
    walk.run();
    return walk.tooDeep;
  }

  /** The JSON pointers of every number in {@code root} that is NaN or infinite. */
  public static List<String> nonFinite(JsonNode root) {
    Walk walk = new Walk(root, false);
    walk.run();
    return walk.nonFinite;
  }

  /**
   * A length that the compact JSON text of {@code root} cannot exceed, found without writing it:
   * every string counted as if each character needed a six-character escape. Writing a tree only to
   * measure it loads and warms Jackson's whole writer, the largest part of validating a first
   * definition in a fresh JVM; when this bound is within a limit, the text is too.
   */
  public static long textLengthBound(JsonNode root) {
    long bound = 0;
    ArrayDeque<JsonNode> pending = new ArrayDeque<>();
    pending.push(root);
    while (!pending.isEmpty()) {
      JsonNode node = pending.pop();
      if (node.isObject()) {
        bound += 2 + node.size(); // braces, and a comma per field (one too many)
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
          Map.Entry<String, JsonNode> field = fields.next();
          bound += 2 + 6L * field.getKey().length() + 1;
          pending.push(field.getValue());
        }
      } else if (node.isArray()) {
        bound += 2 + node.size();
        node.forEach(pending::push);
      } else if (node.isTextual()) {
        bound += 2 + 6L * node.textValue().length();
      } else if (node.isNumber()) {
        bound += node.asText().length() + 8;
      } else if (node.isBoolean() || node.isNull()) {
        bound += 5;
      } else {
        return Long.MAX_VALUE; // binary or a Java object: only writing it tells
      }
    }
    return bound;
  }

  /** Whether {@code node} is a number JSON text cannot write: NaN or an infinity. */
  public static boolean isNonFinite(JsonNode node) {
    return (node.isDouble() || node.isFloat()) && !Double.isFinite(node.doubleValue());
  }

  /** What is wrong at the pointer {@link #tooDeep} found. */
  public static String tooDeepMessage() {
    return "arrays and objects are nested more than "
        + MAX_DEPTH
        + " levels deep here; a definition may nest at most "
        + MAX_DEPTH;
  }

  /** What is wrong at a pointer {@link #nonFinite} found. */
  public static String nonFiniteMessage(JsonNode number) {
    return "JSON numbers are finite, but this is " + number.doubleValue();
  }

  /** A depth-first walk with an explicit stack, keeping the path to build pointers on demand. */
  private static final class Walk {
    private final JsonNode root;
    private final boolean stopWhenTooDeep;
    private final List<String> nonFinite = new ArrayList<>();
    private String tooDeep;

    Walk(JsonNode root, boolean stopWhenTooDeep) {
      this.root = root;
      this.stopWhenTooDeep = stopWhenTooDeep;
    }

    void run() {
      if (root == null) {
        return;
      }
      if (isNonFinite(root)) {
        nonFinite.add("");
      }
      if (!root.isContainerNode()) {
        return;
      }
      Deque<Iterator<Map.Entry<String, JsonNode>>> stack = new ArrayDeque<>();
      List<String> path = new ArrayList<>();
      stack.push(children(root));
      while (!stack.isEmpty()) {
        Iterator<Map.Entry<String, JsonNode>> top = stack.peek();
        if (!top.hasNext()) {
          stack.pop();
          if (!path.isEmpty()) {
            path.remove(path.size() - 1);
          }
          continue;
        }
        Map.Entry<String, JsonNode> child = top.next();
        JsonNode value = child.getValue();
        if (value.isContainerNode()) {
          path.add(child.getKey());
          if (stack.size() + 1 > MAX_DEPTH && tooDeep == null) {
            tooDeep = pointer(path, null);
            if (stopWhenTooDeep) {
              return;
            }
          }
          stack.push(children(value));
        } else if (isNonFinite(value)) {
          nonFinite.add(pointer(path, child.getKey()));
        }
      }
    }
  }

  private static Iterator<Map.Entry<String, JsonNode>> children(JsonNode node) {
    if (node.isObject()) {
      return node.fields();
    }
    Iterator<JsonNode> elements = node.elements();
    return new Iterator<>() {
      private int index;

      @Override
      public boolean hasNext() {
        return elements.hasNext();
      }

      @Override
      public Map.Entry<String, JsonNode> next() {
        return Map.entry(String.valueOf(index++), elements.next());
      }
    };
  }

  private static String pointer(List<String> path, String last) {
    StringBuilder out = new StringBuilder();
    for (String segment : path) {
      out.append('/').append(escape(segment));
    }
    if (last != null) {
      out.append('/').append(escape(last));
    }
    return out.toString();
  }

  private static String escape(String segment) {
    return segment.replace("~", "~0").replace("/", "~1");
  }
}
