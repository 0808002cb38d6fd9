package io.asl4j.dsl.expression;

import static io.asl4j.dsl.testing.Located.abbreviate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asl4j.dsl.testing.Deadline;
import io.asl4j.dsl.validate.Problem;
import io.asl4j.dsl.validate.Validator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * JSONata text from random characters, token soup, a small grammar and long adversarial input: what
 * the dsl knows about it (delimiters, body, syntax, variables) comes back in bounded time and
 * without exceptions; well-formed expressions have no syntax error; {@code $eval} is never taken
 * for a function.
 */
class JsonataExpressionsProperties {

  @Provide
  Arbitrary<String> bodies() {
    Arbitrary<String> token =
        Arbitraries.of(
            "$states.input",
            "$states.result",
            "$x",
            "$",
            "$$",
            "$eval",
            "$sum(",
            "function($a){",
            "λ($b){",
            "}",
            "{",
            "(",
            ")",
            "[",
            "]",
            "'s'",
            "\"d\"",
            "'",
            "\"",
            "\\",
            "/re/i",
            "/",
            "/*",
            "*/",
            "`n m`",
            "`",
            ":=",
            ";",
            ",",
            ".",
            "..",
            "?",
            ":",
            "~>",
            "&",
            "+",
            "-",
            "**",
            "@$e",
            "#$i",
            "1",
            "1.5e10",
            "1e999",
            "true",
            "null",
            "and",
            "in",
            " ",
            "\n",
            "é",
            "\uD800",
            "%}",
            "{%");
    Arbitrary<String> soup = token.list().ofMaxSize(25).map(list -> String.join(" ", list));
    return Arbitraries.frequencyOf(
        Tuple.of(5, soup),
        Tuple.of(3, wellFormed()),
        Tuple.of(1, Arbitraries.strings().ofMaxLength(40)),
        Tuple.of(1, adversarial()));
  }

  /** Long repetitions that overflow the recursive parser or make its lexer quadratic. */
  static Arbitrary<String> adversarial() {
    Arbitrary<String> unit =
        Arbitraries.of(
            "(", "[", "{'a':", "-", "a.", "1+", "a?b:", "$f(", "$x:=", "'x", "/a", "`a", "$a ",
            "/* ");
    return Combinators.combine(unit, Arbitraries.integers().between(1, 200_000))
        .as((u, n) -> u.repeat(Math.max(1, n / u.length())) + "1");
  }

  /** Expressions that parse: literals, paths, variables, calls, operators, blocks. */
  @Provide
  static Arbitrary<String> wellFormed() {
    return Arbitraries.randoms().map(random -> expression(random, 0));
  }

  private static String expression(Random random, int depth) {
    int kind = random.nextInt(depth > 4 ? 4 : 11);
    switch (kind) {
      case 0:
        return List.of("1", "2.5", "-3", "1e3", "'s'", "\"d\"", "true", "false", "null", "'it\"s'")
            .get(random.nextInt(10));
      case 1:
        return List.of(
                "$states.input", "$states.input.a.b", "$x", "$states.context.Execution.Id", "a.b")
            .get(random.nextInt(5));
      case 2:
        return "$v" + random.nextInt(5);
      case 3:
        return "`a b`";
      case 4:
        return "(" + expression(random, depth + 1) + ")";
      case 5:
        return expression(random, depth + 1)
            + List.of(
                    " + ", " - ", " * ", " / ", " = ", " != ", " < ", " and ", " or ", " & ",
                    " in ")
                .get(random.nextInt(11))
            + expression(random, depth + 1);
      case 6:
        return "$"
            + List.of("sum", "count", "string", "uppercase", "exists", "partition", "hash")
                .get(random.nextInt(7))
            + "("
            + expression(random, depth + 1)
            + ")";
      case 7:
        return "[" + expression(random, depth + 1) + ", " + expression(random, depth + 1) + "]";
      case 8:
        return "{'k': " + expression(random, depth + 1) + "}";
      case 9:
        return "($l := " + expression(random, depth + 1) + "; $l)";
      default:
        return expression(random, depth + 1)
            + " ? "
            + expression(random, depth + 1)
            + " : "
            + expression(random, depth + 1);
    }
  }

  @Property
  void anyTextIsAnsweredWithoutExceptionsInBoundedTime(@ForAll("bodies") String body) {
    String answer =
        Deadline.within(
            () -> {
              String value = "{% " + body + " %}";
              assertTrue(JsonataExpressions.isExpression(value));
              assertEquals(body.trim(), JsonataExpressions.body(value));
              assertFalse(JsonataExpressions.isExpression(" " + value));
              Optional<String> error = JsonataExpressions.syntaxError(body);
              error.ifPresent(message -> assertFalse(message.isBlank()));
              Set<String> referenced = JsonataExpressions.referencedVariables(body);
              Set<String> names = JsonataExpressions.variableNames(body);
              for (String name : referenced) {
                assertTrue(names.contains(name.startsWith("states.") ? "states" : name), name);
              }
              return error.isPresent() ? "syntax error" : "expression";
            },
            () -> "took too long on: " + abbreviate(body));
    ParserAnswers.collect(answer, "expression", 10, "syntax error", 10);
  }

  @Property
  void wellFormedExpressionsHaveNoSyntaxError(@ForAll("wellFormed") String body) {
    assertEquals(Optional.empty(), JsonataExpressions.syntaxError(body), body);
  }

  /**
   * Step Functions removes {@code $eval}: it is never one of the known functions, so a call of it
   * is a read of an unassigned variable, which the validator reports at the field.
   */
  @Property
  void evalIsNeverTakenForAFunction(@ForAll("wellFormed") String argument) {
    // given
    String body = "$eval(" + argument + ")";
    String definition =
        "{\"QueryLanguage\":\"JSONata\",\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\","
            + "\"Output\":\"{% "
            + body.replace("\\", "\\\\").replace("\"", "\\\"")
            + " %}\",\"End\":true}}}";

    // when
    Set<String> referenced = JsonataExpressions.referencedVariables(body);
    List<Problem> problems = Validator.validateJson(definition).problems();

    // then
    assertTrue(referenced.contains("eval"), referenced.toString());
    assertTrue(
        problems.stream()
            .anyMatch(p -> p.pointer().equals("/States/P") && p.message().contains("'$eval'")),
        problems.toString());
  }
}
