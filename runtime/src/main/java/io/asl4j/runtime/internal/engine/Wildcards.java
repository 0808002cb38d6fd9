package io.asl4j.runtime.internal.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code StringMatches}: {@code *} matches any run of characters, {@code \*} a literal star and
 * {@code \\} a backslash (a backslash before any other character, or at the end, stands for that
 * character, or itself).
 *
 * <p>Matching takes time linear in the lengths of the pattern and the text, whatever they are: the
 * literal pieces between stars are found leftmost-first, each with a Knuth-Morris-Pratt scan that
 * never reads a character of the text twice. (The usual backtracking matcher takes quadratic time
 * on {@code *aaaa…ab} against {@code aaaa…a}, and a regular expression can take exponential time.)
 * Leftmost-first is exact because a star can absorb whatever lies between two pieces.
 */
final class Wildcards {
  private Wildcards() {}

  static boolean matches(String pattern, String text) {
    List<String> pieces = pieces(pattern);
    if (pieces.size() == 1) {
      return text.equals(pieces.get(0)); // no star
    }
    String first = pieces.get(0);
    String last = pieces.get(pieces.size() - 1);
    if (first.length() + last.length() > text.length()
        || !text.startsWith(first)
        || !text.endsWith(last)) {
      return false;
    }
    int from = first.length();
    int until = text.length() - last.length();
    for (int i = 1; i < pieces.size() - 1; i++) {
      String piece = pieces.get(i);
      int at = indexOf(text, from, until, piece);
      if (at < 0) {
        return false;
      }
      from = at + piece.length();
    }
    return true;
  }

  /** The literal text before, between and after the stars: one piece more than there are stars. */
  private static List<String> pieces(String pattern) {
    List<String> pieces = new ArrayList<>();
    StringBuilder piece = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\' && i + 1 < pattern.length()) {
        piece.append(pattern.charAt(++i));
      } else if (c == '*') {
        pieces.add(piece.toString());
        piece.setLength(0);
      } else {
        piece.append(c);
      }
    }
    pieces.add(piece.toString());
    return pieces;
  }

  /** Where {@code piece} first occurs in {@code text[from, until)}, or -1: Knuth-Morris-Pratt. */
  private static int indexOf(String text, int from, int until, String piece) {
    int m = piece.length();
    if (m == 0) {
      return from;
    }
    // fallback[k]: the length of the longest proper border of piece[0, k].
    int[] fallback = new int[m];
    for (int k = 1, border = 0; k < m; k++) {
      while (border > 0 && piece.charAt(k) != piece.charAt(border)) {
        border = fallback[border - 1];
      }
      if (piece.charAt(k) == piece.charAt(border)) {
        border++;
      }
      fallback[k] = border;
    }
    for (int t = from, matched = 0; t < until; t++) {
      while (matched > 0 && text.charAt(t) != piece.charAt(matched)) {
        matched = fallback[matched - 1];
      }
      if (text.charAt(t) == piece.charAt(matched)) {
        matched++;
      }
      if (matched == m) {
        return t - m + 1;
      }
    }
    return -1;
  }
}
