package io.asl4j.dsl.validate;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Finds which fields of the reserved JSONata variable {@code $states} an expression reads ({@code
 * $states.result}, {@code $states.errorOutput}, ...). A token scan, not a parse: it skips string
 * literals, backquoted names and comments, so {@code '$states.result'} in quotes does not count.
 */
final class StatesVariables {
  private StatesVariables() {}

  /** The names {@code x} of every {@code $states.x} in {@code body}, in order of appearance. */
  static Set<String> fieldsRead(String body) {
    Set<String> fields = new LinkedHashSet<>();
    int i = 0;
    int n = body.length();
    while (i < n) {
      char c = body.charAt(i);
      if (c == '"' || c == '\'' || c == '`') {
        i = skipString(body, i, c);
      } else if (c == '/' && i + 1 < n && body.charAt(i + 1) == '*') {
        int end = body.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
      } else if (c == '$' && body.startsWith("$states", i) && !identifierPart(body, i + 7)) {
        int j = skipSpace(body, i + 7);
        if (j < n && body.charAt(j) == '.') {
          j = skipSpace(body, j + 1);
          int start = j;
          while (j < n && identifierPart(body, j)) {
            j++;
          }
          if (j > start) {
            fields.add(body.substring(start, j));
          }
        }
        i = j;
      } else {
        i++;
      }
    }
    return fields;
  }

  private static int skipString(String body, int i, char quote) {
    int j = i + 1;
    while (j < body.length() && body.charAt(j) != quote) {
      j += body.charAt(j) == '\\' ? 2 : 1;
    }
    return j + 1;
  }

  private static int skipSpace(String body, int i) {
    while (i < body.length() && Character.isWhitespace(body.charAt(i))) {
      i++;
    }
    return i;
  }

  private static boolean identifierPart(String body, int i) {
    return i < body.length()
        && (Character.isLetterOrDigit(body.charAt(i)) || body.charAt(i) == '_');
  }
}
