package io.asl4j.dsl.expression;

import static io.asl4j.dsl.testing.Located.abbreviate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asl4j.dsl.expression.AslPath.Field;
import io.asl4j.dsl.expression.AslPath.Index;
import io.asl4j.dsl.expression.AslPath.Root;
import io.asl4j.dsl.expression.AslPath.Step;
import io.asl4j.dsl.testing.Deadline;
import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Paths from random and adversarial text: each parses, or fails with an {@link ExpressionException}
 * that says where, in bounded time; a Reference Path written from its steps reads back to the same
 * steps.
 */
class AslPathProperties {
  private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /** Text made of the characters and tokens paths are made of, plus anything at all. */
  @Provide
  static Arbitrary<String> pathLike() {
    Arbitrary<String> token =
        Arbitraries.of(
            "$",
            "$$",
            "$x",
            ".",
            "..",
            "[",
            "]",
            "['",
            "']",
            "[\"",
            "\"]",
            "[0]",
            "[-1]",
            "[*]",
            "*",
            "a",
            "b c",
            "'",
            "\"",
            "\\",
            ",",
            ":",
            "?(",
            "@",
            ")",
            "(",
            " == ",
            " && ",
            "=~ /a.*/",
            "length()",
            "0",
            "99999999999",
            "é",
            "\u0000",
            "\uD800",
            "漢",
            " ");
    Arbitrary<String> tokens = token.list().ofMaxSize(25).map(list -> String.join("", list));
    Arbitrary<String> anything = Arbitraries.strings().ofMaxLength(40);
    return Arbitraries.frequencyOf(
        Tuple.of(6, tokens.map(t -> "$" + t)),
        Tuple.of(2, tokens),
        Tuple.of(1, anything),
        Tuple.of(1, adversarial()));
  }

  /** Long repetitions that overflow recursive parsers or trip super-linear ones. */
  static Arbitrary<String> adversarial() {
    Arbitrary<String> unit =
        Arbitraries.of(
            ".a",
            "[0]",
            "..a",
            "['a']",
            "[",
            "(",
            "[?(",
            "[?(@.a == 1 && ",
            "a",
            " ",
            "\\",
            "'",
            "[?(@.a =~ /(a|a)*/)]",
            "['a','b',",
            "[1:2:",
            "$");
    return Combinators.combine(
            unit, Arbitraries.integers().between(1, 60_000), Arbitraries.of("$", "$$", "$v", ""))
        .as((u, n, root) -> root + u.repeat(Math.max(1, n / u.length())));
  }

  @Property
  void anyTextIsAPathOrRejectedWithItsPosition(@ForAll("pathLike") String text) {
    String answer =
        Deadline.within(
            () -> {
              // when
              AslPath path = ParserAnswers.parsedOrRefused(text, AslPath::parse);
              // then
              if (path == null) {
                return ParserAnswers.REFUSED;
              }
              assertEquals(text, path.text());
              assertEquals(path, AslPath.parse(path.toString()));
              assertEquals(
                  Root.INPUT, AslPath.parse(path.jsonPathOnRoot()).root(), path.jsonPathOnRoot());
              if (path.isReferencePath()) {
                AslPath onRoot = AslPath.parse(path.jsonPathOnRoot());
                assertEquals(path.steps(), onRoot.steps(), "jsonPathOnRoot keeps the steps");
                String printed = print(path.root(), path.variableName(), path.steps());
                if (printed != null) {
                  AslPath reread = AslPath.parse(printed);
                  assertEquals(path.steps(), reread.steps(), printed);
                  assertEquals(path.root(), reread.root(), printed);
                  assertEquals(path.variableName(), reread.variableName(), printed);
                }
              }
              return "path";
            },
            () -> "took too long on: " + abbreviate(text));
    // Both answers are checked; each must be a fair share of the tries.
    ParserAnswers.collect(answer, "path", 1, ParserAnswers.REFUSED, 30);
  }

  /**
   * Names and indexes only, the shape {@link AslPath#isPlainReference} recognizes without Jayway,
   * mixed with near misses (a leading digit, a sign, ten digits, an empty name, other characters).
   */
  @Provide
  Arbitrary<String> plainLike() {
    Arbitrary<String> step =
        Arbitraries.oneOf(
            Arbitraries.strings()
                .alpha()
                .numeric()
                .withChars('_')
                .ofMinLength(0)
                .ofMaxLength(6)
                .map(n -> "." + n),
            Arbitraries.integers().between(0, Integer.MAX_VALUE).map(i -> "[" + i + "]"),
            Arbitraries.of(
                ".1a",
                "[-1]",
                "[01]",
                "[9999999999]",
                ".é",
                ".a-b",
                "[ 1]",
                ".",
                "[]",
                "['a']",
                "..a",
                "[*]"));
    return step.list().ofMaxSize(6).map(steps -> "$" + String.join("", steps));
  }

  @Property
  void whatIsTakenForAPlainReferenceWithoutJaywayJaywayTakesForADefinitePath(
      @ForAll("plainLike") String text) {
    if (AslPath.isPlainReference(text)) {
      assertTrue(com.jayway.jsonpath.JsonPath.compile(text).isDefinite(), text);
    }
  }

  @Provide
  Arbitrary<List<Step>> steps() {
    // Only names print() can write: none ending with a backslash or holding both quotes.
    Arbitrary<Step> field =
        Arbitraries.oneOf(
                Arbitraries.strings()
                    .alpha()
                    .numeric()
                    .withChars('_')
                    .ofMinLength(1)
                    .ofMaxLength(8),
                Arbitraries.strings().ofMaxLength(12),
                Arbitraries.strings().withChars(" .[]'\"$@*?(),:-é漢").ofMaxLength(6))
            .filter(name -> !name.endsWith("\\") && !(name.contains("'") && name.contains("\"")))
            .map(Field::new);
    Arbitrary<Step> index = Arbitraries.integers().map(Index::new);
    return Arbitraries.oneOf(field, index).list().ofMaxSize(8);
  }

  @Provide
  Arbitrary<String> variables() {
    return Arbitraries.strings()
        .alpha()
        .numeric()
        .withChars('_')
        .ofMinLength(1)
        .ofMaxLength(10)
        .filter(name -> PLAIN_NAME.matcher(name).matches());
  }

  @Property
  void aReferencePathWrittenFromItsStepsReadsBackToThoseSteps(
      @ForAll("steps") List<Step> steps, @ForAll Root root, @ForAll("variables") String variable) {
    // given
    String text = print(root, variable, steps);
    assertNotNull(text, "steps() makes only names print() can write: " + steps);
    Statistics.label("steps")
        .collect(
            steps.stream()
                    .anyMatch(
                        step ->
                            step instanceof Field field
                                && !PLAIN_NAME.matcher(field.name()).matches())
                ? "a quoted name"
                : steps.isEmpty() ? "no step" : "plain names and indexes");
    Statistics.label("steps")
        .coverage(coverage -> coverage.check("a quoted name").percentage(p -> p > 30));

    // when
    AslPath path = Deadline.within(() -> AslPath.parse(text), () -> "took too long on " + text);

    // then
    assertTrue(path.isReferencePath(), text);
    assertEquals(steps, path.steps(), text);
    assertEquals(root, path.root(), text);
    assertEquals(root == Root.VARIABLE ? variable : null, path.variableName(), text);
  }

  /**
   * A Reference Path in the most readable form: {@code .name} for plain names, else {@code
   * ['name']}, or {@code ["name"]} for names with a single quote. Quoted names are verbatim (a
   * backslash is no escape), so a name ending with a backslash or holding both quotes has no form:
   * null.
   */
  static String print(Root root, String variable, List<Step> steps) {
    StringBuilder out =
        new StringBuilder(root == Root.INPUT ? "$" : root == Root.CONTEXT ? "$$" : "$" + variable);
    for (Step step : steps) {
      if (step instanceof Index index) {
        out.append('[').append(index.index()).append(']');
        continue;
      }
      String name = ((Field) step).name();
      if (PLAIN_NAME.matcher(name).matches()) {
        out.append('.').append(name);
      } else if (name.endsWith("\\")) {
        return null;
      } else if (name.indexOf('\'') < 0) {
        out.append("['").append(name).append("']");
      } else if (name.indexOf('"') < 0) {
        out.append("[\"").append(name).append("\"]");
      } else {
        return null;
      }
    }
    return out.toString();
  }
}
