package io.asl4j.dsl.expression;

import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NumericNode;
import io.asl4j.dsl.expression.IntrinsicArgument.BooleanLiteral;
import io.asl4j.dsl.expression.IntrinsicArgument.CallArgument;
import io.asl4j.dsl.expression.IntrinsicArgument.NullLiteral;
import io.asl4j.dsl.expression.IntrinsicArgument.NumberLiteral;
import io.asl4j.dsl.expression.IntrinsicArgument.PathArgument;
import io.asl4j.dsl.expression.IntrinsicArgument.StringLiteral;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed intrinsic function call such as {@code States.Format('Hello {}', $.name)}.
 *
 * <pre>{@code
 * IntrinsicCall call =
 *     IntrinsicCall.parse("States.ArrayGetItem(States.StringSplit($.csv, ','), 0)");
 * call.function();             // ARRAY_GET_ITEM
 * call.arguments().get(0);     // CallArgument[call=States.StringSplit($.csv, ',')]
 * }</pre>
 *
 * <p>Arguments are single-quoted strings, numbers, {@code true}, {@code false}, {@code null}, Paths
 * and nested calls, separated by commas with optional whitespace. In strings the reserved
 * characters are escaped with a backslash ({@code \'}, {@code \{}, {@code \}}, {@code \\}); any
 * other backslash, such as {@code \"}, is a syntax error, as AWS rejects it at creation.
 *
 * @see <a href="https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html">
 *     Intrinsic functions</a>
 */
public final class IntrinsicCall {
  /**
   * The deepest nesting of calls read: the parser is recursive, and thousands of levels would
   * overflow the stack. Real calls nest a few levels.
   */
  public static final int MAX_NESTING = 100;

  /** The longest number literal read, as for numbers in JSON text (Jackson's default limit). */
  public static final int MAX_NUMBER_LENGTH = 1000;

  private static final String PREFIX = "States.";

  private final String text;
  private final IntrinsicFunction function;
  private final List<IntrinsicArgument> arguments;

  private IntrinsicCall(
      String text, IntrinsicFunction function, List<IntrinsicArgument> arguments) {
    this.text = text;
    this.function = function;
    this.arguments = List.copyOf(arguments);
  }

  /**
   * Parses a call. The whole text must be one call: nothing may precede {@code States.} or follow
   * the closing parenthesis.
   *
   * @throws ExpressionException for bad syntax, an unknown function, a wrong argument count, calls
   *     nested more than {@link #MAX_NESTING} deep, or a number literal longer than {@link
   *     #MAX_NUMBER_LENGTH} characters or beyond the range of a double
   */
  public static IntrinsicCall parse(String text) {
    Objects.requireNonNull(text, "text == null");
    Parser parser = new Parser(text);
    IntrinsicCall call = parser.call();
    if (parser.pos < text.length()) {
      throw parser.error("unexpected text after the closing ')'", parser.pos);
    }
    return call;
  }

  /**
   * True when {@code text} is meant as an intrinsic call rather than a Path: it starts with {@code
   * States.}. Leading whitespace is not skipped, so {@code " States.UUID()"} is not a call.
   */
  public static boolean looksLikeIntrinsic(String text) {
    return text != null && text.startsWith(PREFIX);
  }

  /** The function called. */
  public IntrinsicFunction function() {
    return function;
  }

  /** The function's ASL name, e.g. {@code States.Format}. */
  public String name() {
    return function.aslName();
  }

  /** The arguments, in order. */
  public List<IntrinsicArgument> arguments() {
    return arguments;
  }

  /** The call as written. */
  public String text() {
    return text;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof IntrinsicCall
        && ((IntrinsicCall) other).function == function
        && ((IntrinsicCall) other).arguments.equals(arguments);
  }

  @Override
  public int hashCode() {
    return Objects.hash(function, arguments);
  }

  @Override
  public String toString() {
    return text;
  }

  /** A recursive-descent reader over the whole text, so positions in errors are absolute. */
  private static final class Parser {
    private static final Pattern NUMBER =
        Pattern.compile("-?(?:0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    private final String text;
    private int pos;
    private int depth;

    Parser(String text) {
      this.text = text;
    }

    IntrinsicCall call() {
      int start = pos;
      if (!text.startsWith(PREFIX, pos)) {
        throw error("an intrinsic function call must start with 'States.'", pos);
      }
      if (++depth > MAX_NESTING) {
        throw error("calls are nested more than " + MAX_NESTING + " levels deep", pos);
      }
      int end = pos + PREFIX.length();
      while (end < text.length() && Character.isLetterOrDigit(text.charAt(end))) {
        end++;
      }
      String name = text.substring(start, end);
      IntrinsicFunction function =
          IntrinsicFunction.forName(name)
              .orElseThrow(() -> error("unknown intrinsic function '" + name + "'", start));
      if (end >= text.length() || text.charAt(end) != '(') {
        throw error("expected '(' after '" + name + "'", end);
      }
      pos = end + 1;
      List<IntrinsicArgument> arguments = new ArrayList<>();
      skipWhitespace();
      if (peek() == ')') {
        pos++;
      } else {
        while (true) {
          arguments.add(argument());
          skipWhitespace();
          char c = peek();
          if (c == ',') {
            pos++;
            skipWhitespace();
          } else if (c == ')') {
            pos++;
            break;
          } else if (pos >= text.length()) {
            throw error("missing ')' to close '" + name + "('", pos);
          } else {
            throw error("expected ',' or ')' but found '" + c + "'", pos);
          }
        }
      }
      if (arguments.size() < function.minArguments()
          || arguments.size() > function.maxArguments()) {
        throw error(
            name + " " + function.arityDescription() + " but got " + arguments.size(), start);
      }
      depth--;
      return new IntrinsicCall(text.substring(start, pos), function, arguments);
    }

    private IntrinsicArgument argument() {
      if (pos >= text.length()) {
        throw error("expected an argument but the text ended", pos);
      }
      char c = text.charAt(pos);
      if (c == '\'') {
        return string();
      }
      if (c == '$') {
        return path();
      }
      if (c == '-' || (c >= '0' && c <= '9')) {
        return number();
      }
      if (text.startsWith(PREFIX, pos)) {
        return new CallArgument(call());
      }
      if (Character.isLetter(c)) {
        int end = pos;
        while (end < text.length() && Character.isLetterOrDigit(text.charAt(end))) {
          end++;
        }
        String word = text.substring(pos, end);
        IntrinsicArgument literal;
        switch (word) {
          case "true":
            literal = new BooleanLiteral(true);
            break;
          case "false":
            literal = new BooleanLiteral(false);
            break;
          case "null":
            literal = new NullLiteral();
            break;
          default:
            throw error("unexpected '" + word + "' (strings are single-quoted)", pos);
        }
        pos = end;
        return literal;
      }
      throw error("expected an argument but found '" + c + "'", pos);
    }

    private StringLiteral string() {
      int open = pos;
      StringBuilder value = new StringBuilder();
      int i = open + 1;
      while (true) {
        if (i >= text.length()) {
          throw error("string literal is not closed with '", open);
        }
        char c = text.charAt(i);
        if (c == '\'') {
          break;
        }
        if (c == '\\') {
          if (i + 1 >= text.length()) {
            throw error("unpaired backslash", i);
          }
          char escaped = text.charAt(i + 1);
          if (escaped != '\'' && escaped != '{' && escaped != '}' && escaped != '\\') {
            throw error(
                "invalid escape '\\" + escaped + "' (only \\', \\{, \\} and \\\\ are allowed)", i);
          }
          value.append(escaped);
          i += 2;
        } else {
          value.append(c);
          i++;
        }
      }
      pos = i + 1;
      return new StringLiteral(value.toString(), text.substring(open + 1, i));
    }

    /**
     * A Path runs to the first comma, parenthesis or whitespace outside brackets; inside brackets
     * quotes and parentheses belong to the Path ({@code $.a[?(@.b == 'x, y')]}).
     */
    private PathArgument path() {
      int start = pos;
      int depth = 0;
      char quote = 0;
      int i = pos;
      while (i < text.length()) {
        char c = text.charAt(i);
        if (quote != 0) {
          if (c == quote) {
            quote = 0;
          }
        } else if (c == '[') {
          depth++;
        } else if (c == ']') {
          depth--;
        } else if (depth > 0 && (c == '\'' || c == '"')) {
          quote = c;
        } else if (depth <= 0 && (c == ',' || c == ')' || c == '(' || isWhitespace(c))) {
          break;
        }
        i++;
      }
      AslPath path = AslPath.parse(text.substring(start, i), text, start);
      pos = i;
      return new PathArgument(path);
    }

    private NumberLiteral number() {
      Matcher m = NUMBER.matcher(text).region(pos, text.length());
      int end = m.lookingAt() ? m.end() : pos;
      if (end == pos || (end < text.length() && !isDelimiter(text.charAt(end)))) {
        int stop = end;
        while (stop < text.length() && !isDelimiter(text.charAt(stop))) {
          stop++;
        }
        throw error("invalid number '" + text.substring(pos, stop) + "'", pos);
      }
      if (end - pos > MAX_NUMBER_LENGTH) {
        throw error("a number may have at most " + MAX_NUMBER_LENGTH + " characters", pos);
      }
      String literal = text.substring(pos, end);
      NumericNode value;
      if (m.group(1) == null && m.group(2) == null) {
        BigInteger integer = new BigInteger(literal);
        if (integer.bitLength() < 32) {
          value = IntNode.valueOf(integer.intValue());
        } else if (integer.bitLength() < 64) {
          value = LongNode.valueOf(integer.longValue());
        } else {
          value = BigIntegerNode.valueOf(integer);
        }
      } else {
        // As Jackson reads JSON input: a fraction or exponent makes a double.
        double number = Double.parseDouble(literal);
        if (Double.isInfinite(number)) {
          throw error("number '" + literal + "' is too large for a double", pos);
        }
        value = DoubleNode.valueOf(number);
      }
      pos = end;
      return new NumberLiteral(value);
    }

    private char peek() {
      return pos < text.length() ? text.charAt(pos) : 0;
    }

    private void skipWhitespace() {
      while (pos < text.length() && isWhitespace(text.charAt(pos))) {
        pos++;
      }
    }

    private static boolean isWhitespace(char c) {
      return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private static boolean isDelimiter(char c) {
      return c == ',' || c == ')' || isWhitespace(c);
    }

    ExpressionException error(String problem, int position) {
      return AslPath.error(problem, position, text);
    }
  }
}
