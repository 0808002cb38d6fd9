package io.asl4j.dsl.expression;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import io.asl4j.dsl.expression.JsonataScanner.Kind;
import io.asl4j.dsl.expression.JsonataScanner.Token;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a definition can know about a JSONata string without evaluating it: whether a value is an
 * expression at all, its body, whether the body parses, and which variables it reads.
 *
 * <pre>{@code
 * JsonataExpressions.isExpression("{% $states.input.id %}");      // true
 * JsonataExpressions.body("{% $states.input.id %}");              // "$states.input.id"
 * JsonataExpressions.referencedVariables("$states.result.x + $n"); // [states.result, n]
 * }</pre>
 */
public final class JsonataExpressions {

  /**
   * Function names that JSONata 2.0.6 and Step Functions provide. {@code eval} is absent on
   * purpose: Step Functions removes it, so {@code $eval} is just an unknown name there.
   */
  private static final Set<String> FUNCTIONS =
      Set.of(
          "sum",
          "count",
          "max",
          "min",
          "average",
          "string",
          "substring",
          "substringBefore",
          "substringAfter",
          "lowercase",
          "uppercase",
          "length",
          "trim",
          "pad",
          "match",
          "contains",
          "replace",
          "split",
          "join",
          "formatNumber",
          "formatBase",
          "formatInteger",
          "parseInteger",
          "number",
          "floor",
          "ceil",
          "round",
          "abs",
          "sqrt",
          "power",
          "random",
          "boolean",
          "not",
          "map",
          "zip",
          "filter",
          "single",
          "reduce",
          "sift",
          "keys",
          "lookup",
          "append",
          "exists",
          "spread",
          "merge",
          "reverse",
          "each",
          "error",
          "assert",
          "type",
          "sort",
          "shuffle",
          "distinct",
          "base64encode",
          "base64decode",
          "encodeUrlComponent",
          "encodeUrl",
          "decodeUrlComponent",
          "decodeUrl",
          "toMillis",
          "fromMillis",
          "clone",
          "now",
          "millis",
          "partition",
          "range",
          "hash",
          "uuid",
          "parse");

  private JsonataExpressions() {}

  /**
   * Whether {@code value} is a JSONata expression: it starts with {@code {%} and ends with {@code
   * %}}, with nothing before or after (AWS treats {@code " {% x %} "} as a plain string).
   */
  public static boolean isExpression(String value) {
    return value != null && value.length() >= 4 && value.startsWith("{%") && value.endsWith("%}");
  }

  /** The expression between the delimiters, trimmed; fails when {@code value} is no expression. */
  public static String body(String value) {
    if (!isExpression(value)) {
      throw new IllegalArgumentException("Not a JSONata expression: " + value);
    }
    return value.substring(2, value.length() - 2).trim();
  }

  /**
   * The longest expression body {@link #syntaxError} parses. The JSONata parser takes time growing
   * with the square of the length (10,000 characters take up to about 0.1 s); real expressions are
   * a few hundred characters.
   */
  public static final int MAX_PARSED_LENGTH = 10_000;

  /**
   * Why {@code body} does not parse, e.g. {@code "S0207: Unexpected end of expression (position
   * 3)"}, or empty when it parses. A body longer than {@link #MAX_PARSED_LENGTH} characters is not
   * parsed, and one nesting thousands of levels deep cannot be: the result then says so.
   */
  public static Optional<String> syntaxError(String body) {
    Objects.requireNonNull(body, "body");
    if (body.length() > MAX_PARSED_LENGTH) {
      return Optional.of(
          "the expression has "
              + body.length()
              + " characters; expressions of up to "
              + MAX_PARSED_LENGTH
              + " are parsed");
    }
    try {
      Jsonata.jsonata(body);
      return Optional.empty();
    } catch (JException e) {
      String code = e.getError();
      // Codes are like S0201; errors raised without a code carry their text in place of one.
      String text =
          code != null && code.matches("[A-Z]\\d{4}")
              ? code + ": " + e.getMessage()
              : e.getMessage();
      return Optional.of(text + " (position " + e.getLocation() + ")");
    } catch (RuntimeException e) {
      if (stackOverflow(e)) {
        return Optional.of(TOO_DEEP);
      }
      // The parser signals some malformed input with plain runtime exceptions.
      return Optional.of("Invalid expression: " + e);
    } catch (StackOverflowError e) {
      // The parser recurses once per nested bracket or chained operator. It keeps no state
      // between calls, so the overflow is contained; no real expression nests that deep.
      return Optional.of(TOO_DEEP);
    }
  }

  private static final String TOO_DEEP = "the expression nests too deeply to be parsed";

  /**
   * Whether the parser ran out of stack inside {@link java.util.regex.Pattern#compile}, which the
   * tokenizer calls for number literals: the JDK reports that overflow as a {@link
   * java.util.regex.PatternSyntaxException} ("Stack overflow during pattern compilation"), so how
   * deep an expression may nest before the error turns up there depends on how much of the parser
   * the JIT has compiled.
   */
  private static boolean stackOverflow(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.util.regex.PatternSyntaxException pattern
          && pattern.getDescription() != null
          && pattern.getDescription().startsWith("Stack overflow")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Every name written as {@code $name} in {@code body}, whatever its role: workflow variables,
   * {@code states}, local bindings, function names. String and regular-expression literals,
   * comments and backquoted names are not looked into; {@code $} and {@code $$} are not names.
   *
   * <p>This is the safe superset for binding values before evaluation.
   */
  public static Set<String> variableNames(String body) {
    Set<String> names = new LinkedHashSet<>();
    for (Token token : JsonataScanner.scan(body)) {
      if (token.kind() == Kind.VARIABLE && isName(token.text())) {
        names.add(token.text());
      }
    }
    return Collections.unmodifiableSet(names);
  }

  /**
   * The variables {@code body} reads from outside itself, in order of first use.
   *
   * <ul>
   *   <li>{@code $states.input}, {@code $states.result}, ... are reported as {@code
   *       "states.input"}, {@code "states.result"}, ...; {@code $states} used otherwise as {@code
   *       "states"}.
   *   <li>Names of JSONata and Step Functions functions are left out.
   *   <li>Names the expression binds itself ({@code $x := ...}, {@code function($x)}, {@code @$x},
   *       {@code #$x}) are left out from where the binding takes effect on; for {@code :=} that is
   *       the end of the assigned value. Scopes are not tracked: a name bound in one block counts
   *       as local for the rest of the text.
   * </ul>
   */
  public static Set<String> referencedVariables(String body) {
    List<Token> tokens = JsonataScanner.scan(body);
    Set<String> referenced = new LinkedHashSet<>();
    Set<String> bound = new LinkedHashSet<>();
    List<PendingBinding> pending = new ArrayList<>();
    int depth = 0;
    for (int i = 0; i < tokens.size(); i++) {
      Token token = tokens.get(i);
      if (token.kind() == Kind.OPERATOR) {
        if ("([{".contains(token.text())) {
          depth++;
        } else if (")]}".contains(token.text())) {
          depth--;
          activate(pending, bound, depth);
        } else if (token.text().equals(";")) {
          activate(pending, bound, depth - 1);
        }
        continue;
      }
      if (isLambdaKeyword(tokens, i)) {
        i = bindParameters(tokens, i + 2, bound) - 1;
        continue;
      }
      if (token.kind() != Kind.VARIABLE || !isName(token.text())) {
        continue;
      }
      String name = token.text();
      if (next(tokens, i, 1).isOperator(":=")) {
        pending.add(new PendingBinding(name, depth));
      } else if (i > 0 && isPathBinding(tokens.get(i - 1))) {
        bound.add(name);
      } else if (name.equals("states")) {
        Token field = next(tokens, i, 2);
        boolean dotted = next(tokens, i, 1).isOperator(".") && field.kind() == Kind.NAME;
        referenced.add(dotted ? "states." + field.text() : "states");
      } else if (!bound.contains(name) && !FUNCTIONS.contains(name)) {
        referenced.add(name);
      }
    }
    return Collections.unmodifiableSet(referenced);
  }

  /** A {@code $name :=} whose name becomes local once the assigned value ends. */
  private record PendingBinding(String name, int depth) {}

  /** Binds every pending name whose assignment ends at or above {@code depth}. */
  private static void activate(List<PendingBinding> pending, Set<String> bound, int depth) {
    pending.removeIf(
        binding -> {
          if (binding.depth() > depth) {
            bound.add(binding.name());
            return true;
          }
          return false;
        });
  }

  /** {@code @$x} binds the context item, {@code #$x} the position, for the steps that follow. */
  private static boolean isPathBinding(Token previous) {
    return previous.isOperator("@") || previous.isOperator("#");
  }

  private static boolean isLambdaKeyword(List<Token> tokens, int i) {
    Token token = tokens.get(i);
    return token.kind() == Kind.NAME
        && (token.text().equals("function") || token.text().equals("λ"))
        && next(tokens, i, 1).isOperator("(");
  }

  /** Binds the parameters from {@code start} to the closing parenthesis; returns what follows. */
  private static int bindParameters(List<Token> tokens, int start, Set<String> bound) {
    int i = start;
    while (i < tokens.size() && !tokens.get(i).isOperator(")")) {
      if (tokens.get(i).kind() == Kind.VARIABLE) {
        bound.add(tokens.get(i).text());
      }
      i++;
    }
    return i + 1;
  }

  private static Token next(List<Token> tokens, int i, int offset) {
    return i + offset < tokens.size() ? tokens.get(i + offset) : new Token(Kind.LITERAL, "");
  }

  /** {@code $} (the context) and {@code $$} (the root) are scanned as "" and "$": not names. */
  private static boolean isName(String text) {
    return !text.isEmpty() && !text.equals("$");
  }
}
