package io.asl4j.runtime.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.asl4j.runtime.internal.expression.SharedObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/** The UTF-8 size of a value's compact JSON text, counted without writing it out. */
final class JsonSize {
  private JsonSize() {}

  /** Whether the compact JSON of {@code value} is larger than {@code limit} bytes. */
  static boolean exceeds(JsonNode value, long limit) {
    return value != null && size(value, limit) > limit;
  }

  /** The size, or some number above {@code limit} as soon as it is known to exceed it. */
  static long size(JsonNode value, long limit) {
    switch (value.getNodeType()) {
      case OBJECT:
        {
          long total = 2;
          SharedObjectNode.Flat flat = value instanceof SharedObjectNode shared ? shared.flatFields() : null;
          if (flat != null) { // no entry object per field
            for (int i = 0; i < flat.size(); i++) {
              total += stringSize(flat.name(i)) + 2 + size(flat.value(i), limit);
              if (total > limit) {
                return total;
              }
            }
            return total;
          }
          for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            total += stringSize(e.getKey()) + 2 + size(e.getValue(), limit);
            if (total > limit) {
              return total;
            }
          }
          return total;
        }
      case ARRAY:
        {
          long total = 2;
          for (JsonNode element : value) {
            total += size(element, limit) + 1;
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
        return value.isInt() || value.isLong() ? decimalLength(value.longValue()) : value.asText().length();
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

  static long stringSize(String s) {
    if (s.length() < 1024) {
      // Fast path: ASCII-only strings are one byte a char; escapes are rare and small.
      long bytes = 2;
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        bytes += c < 0x80 ? (c < 0x20 || c == '"' || c == '\\' ? 2 : 1) : (c < 0x800 ? 2 : 3);
      }
      return bytes;
    }
    return 2L + s.getBytes(StandardCharsets.UTF_8).length;
  }
}
