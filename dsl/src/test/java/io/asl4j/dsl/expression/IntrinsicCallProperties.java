package io.asl4j.dsl.expression;

import static io.asl4j.dsl.testing.Located.abbreviate;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.NumericNode;
import io.asl4j.dsl.expression.IntrinsicArgument.BooleanLiteral;
import io.asl4j.dsl.expression.IntrinsicArgument.CallArgument;
import io.asl4j.dsl.expression.IntrinsicArgument.NullLiteral;
import io.asl4j.dsl.expression.IntrinsicArgument.NumberLiteral;
import io.asl4j.dsl.expression.IntrinsicArgument.PathArgument;
import io.asl4j.dsl.expression.IntrinsicArgument.StringLiteral;
import io.asl4j.dsl.testing.Deadline;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Intrinsic calls from random text, from a grammar, and from a grammar with broken quoting,
 * parentheses and escapes: each parses, or fails with an {@link ExpressionException} that says
 * where, in bounded time; a call written from its parsed arguments parses to an equal call.
 */
class IntrinsicCallProperties {

  @Provide
  Arbitrary<String> callLike() {
    Arbitrary<String> token =
        Arbitraries.of(
            "States.Format(",
            "States.Array(",
            "States.MathAdd(",
            "States.UUID(",
            "States.Nope(",
            "States.",
            "(",
            ")",
            ",",
            " ",
            "'",
            "\\'",
            "\\{",
            "\\}",
            "\\\\",
            "\\\"",
            "\\",
            "{}",
            "$",
            "$.a",
            "$$.Execution.Id",
            "$v",
            "$.a[?(@.b == 'x, y')]",
            "1",
            "-0",
            "1.5e3",
            "1e999",
            "99999999999999999999",
            "true",
            "null",
            "nul",
            "é",
            "\uD800",
            "\n",
            "\"");
    Arbitrary<String> tokens = token.list().ofMaxSize(20).map(list -> String.join("", list));
    return Arbitraries.frequencyOf(
        Tuple.of(5, tokens.map(t -> "States." + t)),
        Tuple.of(2, tokens),
        Tuple.of(1, Arbitraries.strings().ofMaxLength(30)),
        Tuple.of(
            2,
            Combinators.combine(calls(), Arbitraries.randoms())
                .as(IntrinsicCallProperties::mangle)),
        Tuple.of(1, adversarial()));
  }

  /** Long and deep text: thousands of nested calls, arguments, escapes or digits. */
  static Arbitrary<String> adversarial() {
    return Combinators.combine(
            Arbitraries.integers().between(1, 50_000), Arbitraries.integers().between(0, 5))
        .as(
            (n, kind) -> {
              switch (kind) {
                case 0:
                  return "States.Array(".repeat(n) + ")".repeat(n);
                case 1:
                  return "States.Array(" + "1, ".repeat(n) + "1)";
                case 2:
                  return "States.Format('" + "\\{".repeat(n) + "')";
                case 3:
                  return "States.Array(" + "9".repeat(n) + ")";
                case 4:
                  return "States.Array(" + "States.Array(".repeat(n);
                default:
                  return "States.Array($" + "[0]".repeat(n) + ")";
              }
            });
  }

  @Property
  void anyTextIsACallOrRejectedWithItsPosition(@ForAll("callLike") String text) {
    String answer =
        Deadline.within(
            () -> {
              // when
              IntrinsicCall call = ParserAnswers.parsedOrRefused(text, IntrinsicCall::parse);
              // then
              if (call == null) {
                return ParserAnswers.REFUSED;
              }
              assertEquals(text, call.text());
              String printed = print(call);
              assertEquals(call, IntrinsicCall.parse(printed), "written as " + printed);
              return "call";
            },
            () -> "took too long on: " + abbreviate(text));
    // Both answers are checked; each must be a fair share of the tries.
    ParserAnswers.collect(answer, "call", 1, ParserAnswers.REFUSED, 30);
  }

  @Property
  void aCallWrittenFromAGrammarParsesToWhatWasWritten(@ForAll("calls") Call call) {
    // given
    String text = call.text();

    // when
    IntrinsicCall parsed =
        Deadline.within(() -> IntrinsicCall.parse(text), () -> "took too long on " + text);

    // then
    call.assertMatches(parsed);
    assertEquals(parsed, IntrinsicCall.parse(print(parsed)));
  }

  /** A call as the grammar writes it, with the arguments it means. */
  record Call(IntrinsicFunction function, List<Object> arguments, String text) {
    void assertMatches(IntrinsicCall parsed) {
      assertEquals(function, parsed.function(), text);
      assertEquals(arguments.size(), parsed.arguments().size(), text);
      for (int i = 0; i < arguments.size(); i++) {
        Object expected = arguments.get(i);
        IntrinsicArgument actual = parsed.arguments().get(i);
        if (expected instanceof Call nested) {
          nested.assertMatches(((CallArgument) actual).call());
        } else if (expected instanceof String s) {
          assertEquals(s, ((StringLiteral) actual).value(), text);
        } else if (expected instanceof BigDecimal d) {
          NumericNode n = ((NumberLiteral) actual).value();
          assertEquals(0, d.compareTo(n.decimalValue()), text);
        } else if (expected instanceof Boolean b) {
          assertEquals(new BooleanLiteral(b), actual, text);
        } else if (expected == null) {
          assertEquals(new NullLiteral(), actual, text);
        } else {
          assertEquals(expected, ((PathArgument) actual).path(), text);
        }
      }
    }
  }

  @Provide
  static Arbitrary<Call> calls() {
    return Arbitraries.randoms().map(random -> call(random, 0));
  }

  private static Call call(Random random, int depth) {
    IntrinsicFunction[] functions = IntrinsicFunction.values();
    IntrinsicFunction function = functions[random.nextInt(functions.length)];
    int max = function.isVariadic() ? function.minArguments() + 4 : function.maxArguments();
    int count = function.minArguments() + random.nextInt(max - function.minArguments() + 1);
    List<Object> arguments = new ArrayList<>();
    List<String> written = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int kind = random.nextInt(depth < 4 ? 6 : 5);
      switch (kind) {
        case 0:
          {
            String value = text(random);
            arguments.add(value);
            written.add("'" + new StringLiteral(value).source() + "'");
            break;
          }
        case 1:
          {
            BigDecimal value = number(random);
            arguments.add(value);
            written.add(value.toString().replace("E+", "e"));
            break;
          }
        case 2:
          {
            boolean value = random.nextBoolean();
            arguments.add(value);
            written.add(String.valueOf(value));
            break;
          }
        case 3:
          arguments.add(null);
          written.add("null");
          break;
        case 4:
          {
            AslPath path = AslPath.parse(path(random));
            arguments.add(path);
            written.add(path.text());
            break;
          }
        default:
          {
            Call nested = call(random, depth + 1);
            arguments.add(nested);
            written.add(nested.text());
          }
      }
    }
    String separator = List.of(", ", ",", " , ", ",\n\t").get(random.nextInt(4));
    return new Call(
        function, arguments, function.aslName() + "(" + String.join(separator, written) + ")");
  }

  private static String text(Random random) {
    String alphabet = "ab {}'\\\"$,()é漢\n\t\u0000%";
    StringBuilder out = new StringBuilder();
    for (int i = random.nextInt(10); i > 0; i--) {
      out.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return out.toString();
  }

  private static BigDecimal number(Random random) {
    switch (random.nextInt(5)) {
      case 0:
        return BigDecimal.valueOf(random.nextInt());
      case 1:
        return BigDecimal.valueOf(random.nextLong());
      case 2:
        return new BigDecimal(random.nextInt(2000) - 1000).movePointLeft(random.nextInt(4));
      case 3:
        return new BigDecimal("1" + "0".repeat(random.nextInt(30)));
      default:
        return new BigDecimal(random.nextInt(100) + "E" + (random.nextInt(40) - 20));
    }
  }

  private static String path(Random random) {
    return List.of(
            "$",
            "$$",
            "$.a",
            "$.a.b[0]",
            "$['x y']",
            "$v",
            "$v.w[-1]",
            "$$.Map.Item.Value",
            "$.a[*]",
            "$..b",
            "$.a[?(@.b == 'x, y')]",
            "$.a[1:2]")
        .get(random.nextInt(12));
  }

  /** Breaks a well-formed call: quotes, parentheses, commas and backslashes dropped or doubled. */
  static String mangle(Call call, Random random) {
    StringBuilder text = new StringBuilder(call.text());
    for (int i = 1 + random.nextInt(3); i > 0 && text.length() > 0; i--) {
      int at = random.nextInt(text.length());
      char c = "'(),\\$\"{}".charAt(random.nextInt(9));
      if (random.nextBoolean()) {
        text.insert(at, c);
      } else {
        text.deleteCharAt(at);
      }
    }
    return text.toString();
  }

  /** The call written again from its parsed arguments (strings as written, numbers as JSON). */
  static String print(IntrinsicCall call) {
    return call.name()
        + "("
        + call.arguments().stream()
            .map(IntrinsicCallProperties::print)
            .collect(Collectors.joining(", "))
        + ")";
  }

  private static String print(IntrinsicArgument argument) {
    if (argument instanceof StringLiteral s) {
      return "'" + s.source() + "'";
    }
    if (argument instanceof NumberLiteral n) {
      return n.value().toString();
    }
    if (argument instanceof BooleanLiteral b) {
      return String.valueOf(b.value());
    }
    if (argument instanceof NullLiteral) {
      return "null";
    }
    if (argument instanceof PathArgument p) {
      return p.path().text();
    }
    return print(((CallArgument) argument).call());
  }
}
