package io.asl4j.runtime.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.asl4j.runtime.internal.expression.SharedObjectNode;
import java.util.Iterator;
import java.util.Map;

/** The UTF-8 size of a value's compact JSON text, counted without writing it out. */
final class JsonSize {
  /** The most UTF-8 bytes one UTF-16 char can take in JSON text: a backslash-u escape. */
  private static final int MAX_BYTES_PER_CHAR = 6;

  private JsonSize() {}

  /**
   * A quick upper bound of {@link #size}, exact as soon as it matters: above {@code limit} exactly
   * when the size is, and otherwise at least the size. Strings count 6 bytes a character and
   * numbers their widest text, so values well below the limit (nearly all) are bounded without
   * looking at a single character; only a bound above the limit is replaced by the exact count
   * ({@link #size}, which stops as soon as it passes the limit).
   */
  static long bound(JsonNode value, long limit) {
    long bound = quickBound(value, limit);
    return bound <= limit ? bound : size(value, limit);
  }

  private static long quickBound(JsonNode value, long limit) {
    switch (value.getNodeType()) {
      case OBJECT:
        {
          long total = 2;
          SharedObjectNode.Flat flat =
              value instanceof SharedObjectNode shared ? shared.flatFields() : null;
          if (flat != null) {
            for (int i = 0; i < flat.size(); i++) {
              total += stringBound(flat.name(i)) + 2 + quickBound(flat.value(i), limit);
              if (total > limit) {
                return total;
              }
            }
            return total;
          }
          for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            total += stringBound(e.getKey()) + 2 + quickBound(e.getValue(), limit);
            if (total > limit) {
              return total;
            }
          }
          return total;
        }
      case ARRAY:
        {
          long total = 2;
          for (int i = 0, n = value.size(); i < n; i++) {
            total += quickBound(value.get(i), limit) + 1;
            if (total > limit) {
              return total;
            }
          }
          return total;
        }
      case STRING:
        return stringBound(value.textValue());
      case NUMBER:
        // The widest texts: an int 11 chars, a long 20, a double 24 ("-1.2345678901234567E-308").
        return value.isInt()
            ? 11
            : value.isLong() ? 20 : value.isDouble() || value.isFloat() ? 24 : size(value, limit);
      case BOOLEAN:
        return value.booleanValue() ? 4 : 5;
      default:
        return 4; // null
    }
  }

  private static long stringBound(String s) {
    return 2 + (long) MAX_BYTES_PER_CHAR * s.length();
  }

  /** Whether the compact JSON of {@code value} is larger than {@code limit} bytes. */
  static boolean exceeds(JsonNode value, long limit) {
    return value != null && size(value, limit) > limit;
  }

  /**
   * The size: the UTF-8 bytes of the compact JSON text Jackson writes ({@code value.toString()}),
   * or some number above {@code limit} as soon as it is known to exceed it.
   */
  static long size(JsonNode value, long limit) {
    switch (value.getNodeType()) {
      case OBJECT:
        {
          long total = 2; // {}
          SharedObjectNode.Flat flat =
              value instanceof SharedObjectNode shared ? shared.flatFields() : null;
          if (flat != null) { // no entry object per field
            for (int i = 0; i < flat.size(); i++) {
              total += (i == 0 ? 0 : 1) + stringSize(flat.name(i)) + 1 + size(flat.value(i), limit);
              if (total > limit) {
                return total;
              }
            }
            return total;
          }
          boolean first = true;
          for (Iterator<Map.Entry<String, JsonNode>> it = value.fields();
              it.hasNext();
              first = false) {
            Map.Entry<String, JsonNode> e = it.next();
            total += (first ? 0 : 1) + stringSize(e.getKey()) + 1 + size(e.getValue(), limit);
            if (total > limit) {
              return total;
            }
          }
          return total;
        }
      case ARRAY:
        {
          long total = 2; // []
          for (int i = 0, n = value.size(); i < n; i++) {
            total += (i == 0 ? 0 : 1) + size(value.get(i), limit);
            if (total > limit) {
              return total;
            }
          }
          return total;
        }
      case STRING:
        return stringSize(value.textValue());
      case NUMBER:
        // int and long nodes: their decimal digits, counted without writing the text out.
        return value.isInt() || value.isLong()
            ? decimalLength(value.longValue())
            : value.asText().length();
      case BOOLEAN:
        return value.booleanValue() ? 4 : 5;
      default:
        return 4; // null
    }
  }

  /** The length of {@code Long.toString(n)}. */
  static int decimalLength(long n) {
    if (n == Long.MIN_VALUE) {
      return 20;
    }
    int length = 1;
    if (n < 0) {
      length++;
      n = -n;
    }
    while (n >= 10) {
      n /= 10;
      length++;
    }
    return length;
  }

  /**
   * A string's size with its quotes, as Jackson escapes it: a quote, a backslash and the control
   * characters with a short escape (b f n r t) take 2 bytes, the other control characters 6 (a
   * backslash-u escape); a surrogate pair is one 4-byte character, a lone surrogate 1 byte (the
   * {@code ?} Java's UTF-8 encoder writes for it).
   */
  static long stringSize(String s) {
    long bytes = 2;
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c < 0x80) {
        bytes += c == '"' || c == '\\' ? 2 : 1;
      } else if (c < 0x20) {
        bytes += c == '\b' || c == '\f' || c == '\n' || c == '\r' || c == '\t' ? 2 : 6;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (!Character.isSurrogate(c)) {
        bytes += 3;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < n
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else {
        bytes += 1;
      }
    }
    return bytes;
  }
}
