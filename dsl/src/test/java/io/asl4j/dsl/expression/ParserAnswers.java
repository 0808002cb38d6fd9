package io.asl4j.dsl.expression;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Function;
import net.jqwik.api.statistics.Statistics;

/**
 * What the parsers' properties check alike: a refusal says where in the text, and each kind of
 * answer is a fair share of the tries (else the generator tests only one side).
 */
final class ParserAnswers {
  static final String REFUSED = "refused";

  private ParserAnswers() {}

  /**
   * Parses {@code text} with {@code parse}: the parsed value, or {@code null} when the parser
   * refused it with an {@link ExpressionException} that names a position inside {@code text}, in
   * its message too.
   */
  static <T> T parsedOrRefused(String text, Function<String, T> parse) {
    try {
      return parse.apply(text);
    } catch (ExpressionException e) {
      assertLocated(e, text);
      return null;
    }
  }

  private static void assertLocated(ExpressionException refusal, String text) {
    assertTrue(
        refusal.position() >= 0 && refusal.position() <= text.length(),
        "position " + refusal.position());
    assertTrue(
        refusal.getMessage().contains(" at position " + refusal.position() + " in '"),
        refusal.getMessage());
  }

  /**
   * Counts {@code answer} and checks that more than {@code firstPercent} % of the tries answered
   * {@code first} and more than {@code secondPercent} % {@code second}.
   */
  static void collect(
      String answer, String first, double firstPercent, String second, double secondPercent) {
    Statistics.label("answer").collect(answer);
    Statistics.label("answer")
        .coverage(
            coverage -> {
              coverage.check(first).percentage(p -> p > firstPercent);
              coverage.check(second).percentage(p -> p > secondPercent);
            });
  }
}
