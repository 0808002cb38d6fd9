package io.asl4j.runtime.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asl4j.runtime.internal.testing.TimeBound;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * {@code StringMatches} agrees with a plain dynamic-programming matcher, and takes linear time on
 * the patterns that make backtracking matchers quadratic.
 */
class WildcardsProperties {

  @Property
  void matchingAgreesWithAReferenceMatcher(
      @ForAll("patterns") String pattern, @ForAll("texts") String text) {
    assertEquals(
        reference(pattern, text), Wildcards.matches(pattern, text), pattern + " on " + text);
  }

  @Property
  void aPatternMadeFromTheTextByStarringPartsOfItMatchesTheText(
      @ForAll("texts") String text, @ForAll("cuts") List<Integer> cuts) {
    // Replace the stretches between pairs of cut points by '*', escaping the kept characters.
    List<Integer> points = new ArrayList<>();
    for (int cut : cuts) {
      points.add(Math.min(cut, text.length()));
    }
    points.sort(null);
    StringBuilder pattern = new StringBuilder();
    int at = 0;
    for (int i = 0; i + 1 < points.size(); i += 2) {
      pattern.append(escape(text.substring(at, points.get(i)))).append('*');
      at = points.get(i + 1);
    }
    pattern.append(escape(text.substring(at)));
    assertTrue(Wildcards.matches(pattern.toString(), text), pattern + " on " + text);
  }

  @Property(tries = 20) // each try matches up to 100,000 characters
  void adversarialPatternsTakeLinearTime(
      @ForAll @IntRange(min = 10_000, max = 100_000) int length, @ForAll("shapes") String shape) {
    String text = "a".repeat(length);
    // Half the text: the run length that makes a backtracking matcher do the most work.
    int run = length / 2;
    String pattern;
    switch (shape) {
      case "stars":
        pattern = "*a".repeat(run) + "*b"; // *a*a*a…*b
        break;
      case "run":
        pattern = "*" + "a".repeat(run) + "b"; // *aaaa…ab
        break;
      case "middle":
        pattern = "*" + "a".repeat(run) + "b*"; // *aaa…ab*
        break;
      default:
        pattern = "a*".repeat(run) + "b*a"; // a*a*…b*a
        break;
    }
    boolean matched =
        TimeBound.within(
            Duration.ofSeconds(2),
            shape + " pattern of " + pattern.length() + " characters on " + length,
            () -> Wildcards.matches(pattern, text));
    assertEquals(false, matched);
  }

  @Provide
  Arbitrary<String> patterns() {
    return Arbitraries.strings().withChars("ab*\\").ofMaxLength(10);
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.strings().withChars("ab*\\").ofMaxLength(16);
  }

  @Provide
  Arbitrary<List<Integer>> cuts() {
    return Arbitraries.integers().between(0, 16).list().ofMaxSize(6);
  }

  @Provide
  Arbitrary<String> shapes() {
    return Arbitraries.of("stars", "run", "middle", "tail");
  }

  private static String escape(String literal) {
    return literal.replace("\\", "\\\\").replace("*", "\\*");
  }

  /**
   * The specification as dynamic programming over pattern tokens and text positions: {@code
   * matches[i][j]} says whether tokens {@code i..} match text {@code j..}.
   */
  private static boolean reference(String pattern, String text) {
    List<Integer> tokens = new ArrayList<>(); // a character, or -1 for a star
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\' && i + 1 < pattern.length()) {
        tokens.add((int) pattern.charAt(++i));
      } else {
        tokens.add(c == '*' ? -1 : (int) c);
      }
    }
    int n = tokens.size();
    int m = text.length();
    boolean[][] matches = new boolean[n + 1][m + 1];
    matches[n][m] = true;
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m; j >= 0; j--) {
        int token = tokens.get(i);
        matches[i][j] =
            token == -1
                ? matches[i + 1][j] || (j < m && matches[i][j + 1])
                : j < m && text.charAt(j) == token && matches[i + 1][j + 1];
      }
    }
    return matches[0][0];
  }
}
