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
import io.asl4j.runtime.internal.expression.SharedObjectNode;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Function;

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

  /**
   * The compact JSON text of {@code value}; {@code "null"} for Java's null, as the history shows
   * it.
   */
  public static String of(JsonNode value) {
    return of(value, null);
  }

  /** As {@link #of(JsonNode)}; strings {@code cache} wrote are quoted from its copy. */
  public static String of(JsonNode value, Cache cache) {
    if (value == null) {
      return "null";
    }
    if (value.isContainerNode()) {
      StringBuilder out = new StringBuilder(256);
      write(value, out, cache);
      return out.toString();
    }
    return value.toString();
  }

  /**
   * The JSON texts of the values the events of one history read show, each written once, and each
   * text's own quoted form once (an event's JSON shows its input as a JSON string): a state's
   * output is the next state's input, an echoing Task's input is its output. By identity: values
   * are never changed once recorded. Lives as long as the read's events.
   */
  public static final class Cache implements Function<JsonNode, String> {
    private final IdentityHashMap<JsonNode, String> texts = new IdentityHashMap<>();
    private final IdentityHashMap<String, String> quoted = new IdentityHashMap<>();
    private final IdentityHashMap<JsonNode, String> quotedValues = new IdentityHashMap<>();

    /** The JSON text of {@code value}, written on first use. */
    @Override
    public synchronized String apply(JsonNode value) {
      if (value == null) {
        return "null";
      }
      String text = texts.get(value);
      if (text == null) {
        text = JsonText.of(value, this);
        texts.put(value, text);
        quoted.put(text, null);
      }
      return text;
    }

    /**
     * The JSON text of {@code value} as a JSON string (an event's JSON shows its input so), written
     * on first use in one pass, without writing the unquoted text first unless it was written
     * already.
     */
    public synchronized String quoted(JsonNode value) {
      if (value == null) {
        return "\"null\"";
      }
      String q = quotedValues.get(value);
      if (q == null) {
        String text = texts.get(value);
        if (text != null) {
          q = quotedIfWritten(text);
        } else {
          StringBuilder out = new StringBuilder(256);
          out.append('"');
          writeQuoted(value, out);
          q = out.append('"').toString();
        }
        quotedValues.put(value, q);
      }
      return q;
    }

    /** {@code text} as a JSON string if this cache wrote it (quoted on first use), else null. */
    synchronized String quotedIfWritten(String text) {
      if (!quoted.containsKey(text)) {
        return null;
      }
      String q = quoted.get(text);
      if (q == null) {
        StringBuilder out = new StringBuilder(text.length() + text.length() / 4 + 8);
        quote(text, out);
        q = out.toString();
        quoted.put(text, q);
      }
      return q;
    }
  }

  /**
   * Details that write their own JSON text, as {@code HistoryEvent.details()} would show them,
   * without building them: an event's JSON text is written straight from what was recorded.
   */
  public interface Writable {
    /** Appends the details' compact JSON text, values' texts as JSON strings from {@code cache}. */
    void writeTo(StringBuilder out, Cache cache);
  }

  /** Appends the compact JSON text of {@code value} to {@code out}. */
  public static void write(JsonNode value, StringBuilder out) {
    write(value, out, null);
  }

  private static void write(JsonNode value, StringBuilder out, Cache cache) {
    write(value, out, cache, false);
  }

  /**
   * Appends the compact JSON text of {@code value} escaped as the inside of a JSON string: what
   * {@link #quote} appends for {@link #of(JsonNode)}'s text without its quotes, in one pass.
   */
  static void writeQuoted(JsonNode value, StringBuilder out) {
    write(value, out, null, true);
  }

  /**
   * Appends the compact JSON text of {@code value}, escaped as the inside of a JSON string when
   * {@code quoted}; strings' texts from {@code cache} when it has them (not {@code quoted}).
   */
  private static void write(JsonNode value, StringBuilder out, Cache cache, boolean quoted) {
    SharedObjectNode.Flat flat =
        value instanceof SharedObjectNode shared ? shared.flatFields() : null;
    if (flat != null) { // its fields in arrays: no entry object per field
      out.append('{');
      for (int i = 0, n = flat.size(); i < n; i++) {
        if (i > 0) {
          out.append(',');
        }
        writeName(flat.name(i), out, quoted);
        write(flat.value(i), out, cache, quoted);
      }
      out.append('}');
    } else if (value instanceof ObjectNode object) {
      out.append('{');
      boolean first = true;
      for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        if (!first) {
          out.append(',');
        }
        first = false;
        writeName(field.getKey(), out, quoted);
        write(field.getValue(), out, cache, quoted);
      }
      out.append('}');
    } else if (value instanceof ArrayNode array) {
      out.append('[');
      for (int i = 0, n = array.size(); i < n; i++) {
        if (i > 0) {
          out.append(',');
        }
        write(array.get(i), out, cache, quoted);
      }
      out.append(']');
    } else if (quoted) {
      writeQuotedScalar(value, out);
    } else {
      writeScalar(value, out, cache);
    }
  }

  /** Appends a field's name and its colon, the name escaped once more when {@code quoted}. */
  private static void writeName(String name, StringBuilder out, boolean quoted) {
    if (quoted) {
      quoteTwice(name, out);
    } else {
      quote(name, out);
    }
    out.append(':');
  }

  private static void writeScalar(JsonNode value, StringBuilder out, Cache cache) {
    if (value instanceof TextNode text) {
      String q = cache == null ? null : cache.quotedIfWritten(text.textValue());
      if (q != null) {
        out.append(q);
      } else {
        quote(text.textValue(), out);
      }
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

  private static void writeQuotedScalar(JsonNode value, StringBuilder out) {
    if (value instanceof TextNode text) {
      quoteTwice(text.textValue(), out);
    } else if (value instanceof IntNode
        || value instanceof LongNode
        || value instanceof BooleanNode
        || value instanceof NullNode
        || value instanceof DecimalNode
        || value instanceof BigIntegerNode
        || value instanceof DoubleNode && Double.isFinite(value.doubleValue())) {
      writeScalar(value, out, null); // digits, letters, '.', '-', '+': nothing to escape
    } else {
      String text = of(value);
      StringBuilder quoted = new StringBuilder(text.length() + 8);
      quote(text, quoted);
      out.append(quoted, 1, quoted.length() - 1);
    }
  }

  /**
   * Appends {@code text} as a JSON string, that string's text escaped once more: a string inside
   * JSON text that is itself a JSON string's content.
   */
  private static void quoteTwice(String text, StringBuilder out) {
    int n = text.length();
    int i = firstEscaped(text);
    out.append("\\\"");
    if (i == n) {
      out.append(text).append("\\\"");
      return;
    }
    for (int j = 0; j < i; j++) {
      out.append(text.charAt(j));
    }
    for (; i < n; i++) {
      char c = text.charAt(i);
      char e = c < 128 ? ESCAPES[c] : 0;
      if (e == 0) {
        out.append(c);
      } else if (e == 'u') { // backslash, u00XX: the backslash escaped
        out.append("\\\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
      } else if (e == '"' || e == '\\') { // \" or \\, both characters escaped
        out.append("\\\\\\").append(e);
      } else { // \n and the like: the backslash escaped
        out.append("\\\\").append(e);
      }
    }
    out.append("\\\"");
  }

  /** The index of the first character of {@code text} JSON escapes, or its length if none. */
  private static int firstEscaped(String text) {
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (c < 128 && ESCAPES[c] != 0) {
        break;
      }
      i++;
    }
    return i;
  }

  /** Appends {@code text} as a JSON string, escaped as Jackson escapes it. */
  public static void quote(String text, StringBuilder out) {
    int n = text.length();
    int i = firstEscaped(text);
    out.append('"');
    // Nothing to escape: one copy (a String appends as an array, a range of it char by char).
    if (i == n) {
      out.append(text).append('"');
      return;
    }
    out.ensureCapacity(out.length() + n + n / 4 + 8);
    for (int j = 0; j < i; j++) {
      out.append(text.charAt(j));
    }
    for (; i < n; i++) {
      char c = text.charAt(i);
      char e = c < 128 ? ESCAPES[c] : 0;
      if (e == 0) {
        out.append(c);
      } else if (e == 'u') {
        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
      } else {
        out.append('\\').append(e);
      }
    }
    out.append('"');
  }
}
