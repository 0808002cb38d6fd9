package io.asl4j.runtime.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Compact JSON text of a {@link JsonNode} tree, character for character what Jackson's {@code
 * JsonNode.toString()} writes, without the generator, buffer recycler and serializer provider
 * Jackson sets up for each call: a history read writes dozens of small values, and that setup cost
 * more than the writing. Node kinds it does not know (POJOs, binary, non-finite numbers, floats)
 * are written by Jackson itself, so the text never differs ({@code JsonTextTest} holds it to
 * Jackson's on every kind and every character).
 */
public final class JsonText {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();
  /** Per ASCII character: 0 written as is, else the letter after the backslash ('u': \\u00XX). */
  private static final char[] ESCAPES = new char[128];

  static {
    for (int c = 0; c < 32; c++) {
      ESCAPES[c] = 'u';
    }
    ESCAPES['"'] = '"';
    ESCAPES['\\'] = '\\';
    ESCAPES['\b'] = 'b';
    ESCAPES['\t'] = 't';
    ESCAPES['\f'] = 'f';
    ESCAPES['\n'] = 'n';
    ESCAPES['\r'] = 'r';
  }

  private JsonText() {}

  /** The compact JSON text of {@code value}; {@code "null"} for Java's null, as the history shows it. */
  public static String of(JsonNode value) {
    if (value == null) {
      return "null";
    }
    if (value.isContainerNode()) {
      StringBuilder out = new StringBuilder(64);
      write(value, out);
      return out.toString();
    }
    return value.toString();
  }

  /** Appends the compact JSON text of {@code value} to {@code out}. */
  public static void write(JsonNode value, StringBuilder out) {
    if (value instanceof ObjectNode object) {
      out.append('{');
      boolean first = true;
      for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        if (!first) {
          out.append(',');
        }
        first = false;
        quote(field.getKey(), out);
        out.append(':');
        write(field.getValue(), out);
      }
      out.append('}');
    } else if (value instanceof ArrayNode array) {
      out.append('[');
      for (int i = 0, n = array.size(); i < n; i++) {
        if (i > 0) {
          out.append(',');
        }
        write(array.get(i), out);
      }
      out.append(']');
    } else if (value instanceof TextNode text) {
      quote(text.textValue(), out);
    } else if (value instanceof IntNode || value instanceof LongNode) {
      out.append(value.longValue());
    } else if (value instanceof BooleanNode) {
      out.append(value.booleanValue());
    } else if (value instanceof NullNode) {
      out.append("null");
    } else if (value instanceof DoubleNode && Double.isFinite(value.doubleValue())) {
      out.append(Double.toString(value.doubleValue()));
    } else if (value instanceof DecimalNode || value instanceof BigIntegerNode) {
      out.append(value.numberValue().toString());
    } else {
      out.append(value.toString()); // Jackson's own text for the rest
    }
  }

  /** Appends {@code text} as a JSON string, escaped as Jackson escapes it. */
  public static void quote(String text, StringBuilder out) {
    out.append('"');
    int n = text.length();
    int start = 0;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c < 128 && ESCAPES[c] != 0) {
        out.append(text, start, i);
        out.append('\\');
        char e = ESCAPES[c];
        if (e == 'u') {
          out.append("u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
        } else {
          out.append(e);
        }
        start = i + 1;
      }
    }
    out.append(text, start, n);
    out.append('"');
  }
}
