package io.asl4j.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Function;

/**
 * How the Lambda Python runtime writes values: {@code json.dumps} with its default separators and
 * {@code ensure_ascii}, and {@code repr}/{@code str} for f-strings. The corpus shows Lambda payload
 * sizes ({@code Content-Length}) that only {@code json.dumps} spacing reproduces.
 */
final class PythonValues {
  private PythonValues() {}

  /** {@code json.dumps(value)} of the value {@code json.loads} would have made. */
  static String jsonDumps(JsonNode value) {
    StringBuilder out = new StringBuilder();
    write(value, DUMPS, out);
    return out.toString();
  }

  /** {@code json.dumps(text)}: a JSON string with every non-ASCII character escaped. */
  static String jsonString(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20 || c > 0x7e) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /** {@code str(value)}: the text itself for a string, {@code repr} otherwise. */
  static String str(JsonNode value) {
    return value.isTextual() ? value.textValue() : repr(value);
  }

  /** {@code repr(value)}. */
  static String repr(JsonNode value) {
    StringBuilder out = new StringBuilder();
    write(value, REPR, out);
    return out.toString();
  }

  /** {@code repr(text)}: single quotes unless the text holds a single quote and no double one. */
  static String reprString(String text) {
    char quote = text.indexOf('\'') >= 0 && text.indexOf('"') < 0 ? '"' : '\'';
    StringBuilder out = new StringBuilder(text.length() + 2).append(quote);
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == quote || cp == '\\') {
        out.append('\\').appendCodePoint(cp);
      } else if (cp == '\n') {
        out.append("\\n");
      } else if (cp == '\r') {
        out.append("\\r");
      } else if (cp == '\t') {
        out.append("\\t");
      } else if (cp < 0x20 || cp == 0x7f) {
        out.append(String.format("\\x%02x", cp));
      } else if (cp > 0x7f && !printable(cp)) {
        out.append(
            cp <= 0xff
                ? String.format("\\x%02x", cp)
                : cp <= 0xffff ? String.format("\\u%04x", cp) : String.format("\\U%08x", cp));
      } else {
        out.appendCodePoint(cp);
      }
    }
    return out.append(quote).toString();
  }

  /** {@code repr(float)}: the shortest round-trip digits, exponent form outside 1e-4..1e16. */
  static String floatRepr(double d) {
    if (Double.isNaN(d)) {
      return "nan";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "inf" : "-inf";
    }
    String sign = (d < 0 || (d == 0 && 1 / d < 0)) ? "-" : "";
    if (d == 0) {
      return sign + "0.0";
    }
    BigDecimal exact = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
    String digits = exact.unscaledValue().toString();
    // Python's decpt: the value is 0.<digits> times 10^decpt.
    int decpt = digits.length() - exact.scale();
    if (decpt > -4 && decpt <= 16) {
      if (decpt <= 0) {
        return sign + "0." + "0".repeat(-decpt) + digits;
      }
      if (decpt >= digits.length()) {
        return sign + digits + "0".repeat(decpt - digits.length()) + ".0";
      }
      return sign + digits.substring(0, decpt) + "." + digits.substring(decpt);
    }
    String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    int exponent = decpt - 1;
    return sign
        + mantissa
        + "e"
        + (exponent < 0 ? "-" : "+")
        + String.format("%02d", Math.abs(exponent));
  }

  /**
   * How {@code json.dumps} and {@code repr} spell the parts of a value: they lay out containers
   * alike ({@code ", "} and {@code ": "}) and differ in strings, non-finite floats and constants.
   */
  private record Spelling(
      Function<String, String> string,
      String nan,
      String infinity,
      String trueWord,
      String falseWord,
      String noneWord) {}

  private static final Spelling DUMPS =
      new Spelling(PythonValues::jsonString, "NaN", "Infinity", "true", "false", "null");
  private static final Spelling REPR =
      new Spelling(PythonValues::reprString, "nan", "inf", "True", "False", "None");

  private static void write(JsonNode value, Spelling spelling, StringBuilder out) {
    if (value.isObject()) {
      out.append('{');
      Iterator<Map.Entry<String, JsonNode>> fields = value.properties().iterator();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        out.append(spelling.string().apply(field.getKey())).append(": ");
        write(field.getValue(), spelling, out);
        if (fields.hasNext()) {
          out.append(", ");
        }
      }
      out.append('}');
    } else if (value.isArray()) {
      out.append('[');
      for (int i = 0; i < value.size(); i++) {
        if (i > 0) {
          out.append(", ");
        }
        write(value.get(i), spelling, out);
      }
      out.append(']');
    } else if (value.isTextual()) {
      out.append(spelling.string().apply(value.textValue()));
    } else if (value.isNumber()) {
      out.append(number(value, spelling.nan(), spelling.infinity()));
    } else if (value.isBoolean()) {
      out.append(value.booleanValue() ? spelling.trueWord() : spelling.falseWord());
    } else {
      out.append(spelling.noneWord());
    }
  }

  // json.loads makes an int of an integral literal and a float of anything with '.', 'e' or 'E'.
  private static String number(JsonNode value, String nan, String infinity) {
    if (value.isIntegralNumber()) {
      return value.bigIntegerValue().toString();
    }
    double d = value.doubleValue();
    if (Double.isNaN(d)) {
      return nan;
    }
    if (Double.isInfinite(d)) {
      return (d > 0 ? "" : "-") + infinity;
    }
    return floatRepr(d);
  }

  // Python's str.isprintable: not a control, format, surrogate, private-use, unassigned or
  // separator character (the ASCII space excepted).
  private static boolean printable(int cp) {
    return switch (Character.getType(cp)) {
      case Character.CONTROL,
          Character.FORMAT,
          Character.SURROGATE,
          Character.PRIVATE_USE,
          Character.UNASSIGNED,
          Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR,
          Character.SPACE_SEPARATOR ->
          false;
      default -> true;
    };
  }
}
