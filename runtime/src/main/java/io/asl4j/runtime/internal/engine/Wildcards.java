package io.asl4j.runtime.internal.engine;

/**
 * {@code StringMatches}: {@code *} matches any run of characters, {@code \*} a literal star and
 * {@code \\} a backslash. Matching is greedy with one backtrack point, so it takes time linear in
 * practice and never explodes the way a regular expression can.
 */
final class Wildcards {
  private Wildcards() {}

  static boolean matches(String pattern, String text) {
    // Decode the pattern into characters and star markers.
    int[] tokens = new int[pattern.length()];
    int n = 0;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\' && i + 1 < pattern.length()) {
        tokens[n++] = pattern.charAt(++i);
      } else if (c == '*') {
        tokens[n++] = -1;
      } else {
        tokens[n++] = c;
      }
    }
    int t = 0;
    int p = 0;
    int starP = -1;
    int starT = 0;
    while (t < text.length()) {
      if (p < n && tokens[p] != -1 && tokens[p] == text.charAt(t)) {
        p++;
        t++;
      } else if (p < n && tokens[p] == -1) {
        starP = p++;
        starT = t;
      } else if (starP >= 0) {
        p = starP + 1;
        t = ++starT;
      } else {
        return false;
      }
    }
    while (p < n && tokens[p] == -1) {
      p++;
    }
    return p == n;
  }
}
