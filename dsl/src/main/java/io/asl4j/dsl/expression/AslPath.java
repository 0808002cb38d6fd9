package io.asl4j.dsl.expression;

import com.jayway.jsonpath.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed Amazon States Language Path: {@code $...} (the state's data), {@code $$...} (the context
 * object) or {@code $name...} (a workflow variable).
 *
 * <pre>{@code
 * AslPath path = AslPath.parse("$$.Execution.Input.orders[0]");
 * path.root();             // CONTEXT
 * path.isReferencePath();  // true
 * path.steps();            // [Field[name=Execution], Field[name=Input],
 *                          //  Field[name=orders], Index[index=0]]
 * path.jsonPathOnRoot();   // "$.Execution.Input.orders[0]"
 * }</pre>
 *
 * <p>What follows the root is JSONPath as Jayway reads it, so the same text is accepted or rejected
 * as on AWS: wildcards, slices, unions, recursive descent and filters are Paths but not
 * <em>Reference Paths</em>. A Reference Path has only {@code .name}, {@code ['name']}, {@code
 * ["name"]} and {@code [n]} steps and identifies at most one node. As in Jayway, quoted names are
 * taken verbatim (a backslash is not an escape) and a backslash in a dotted name is part of the
 * name, so {@code $.store\.book} is the field {@code store\} followed by {@code book}.
 *
 * @see <a href="https://states-language.net/spec.html#path">ASL spec: Paths</a>
 */
public final class AslPath {

  /** What a Path starts from. */
  public enum Root {
    /** {@code $}: the state input, or whatever data the field applies to. */
    INPUT,
    /** {@code $$}: the context object. */
    CONTEXT,
    /** {@code $name}: the value of a workflow variable. */
    VARIABLE
  }

  /** One step of a Reference Path. */
  public sealed interface Step permits Field, Index {}

  /** An object member: {@code .name}, {@code ['name']} or {@code ["name"]}. */
  public record Field(String name) implements Step {
    public Field {
      Objects.requireNonNull(name, "name == null");
    }
  }

  /** An array element, counted from the end when negative: {@code [0]}, {@code [-1]}. */
  public record Index(int index) implements Step {}

  /**
   * The most dots, brackets and parentheses (outside quoted names) a Path may have: far more than
   * any real Path, and few enough that Jayway's recursive compiler never overflows a thread's usual
   * stack (measured: from about 700 levels while its code is not yet compiled, to thousands).
   */
  public static final int MAX_STRUCTURE = 256;

  private static final Pattern JAYWAY_POSITION =
      Pattern.compile("(?:position|index)\\D{0,3}(\\d+)", Pattern.CASE_INSENSITIVE);

  private final String text;
  private final Root root;
  private final String variableName;
  private final int rootLength;
  private final List<Step> steps;

  private AslPath(String text, Root root, String variableName, int rootLength, List<Step> steps) {
    this.text = text;
    this.root = root;
    this.variableName = variableName;
    this.rootLength = rootLength;
    this.steps = steps;
  }

  /**
   * Parses a Path.
   *
   * @throws ExpressionException when {@code text} is not a Path, or has more than {@link
   *     #MAX_STRUCTURE} dots, brackets and parentheses; the message names the problem
   */
  public static AslPath parse(String text) {
    Objects.requireNonNull(text, "text == null");
    return parse(text, text, 0);
  }

  /**
   * Parses a Path found at {@code offset} in {@code enclosing} (an intrinsic call, say), so that
   * error positions and messages refer to the enclosing text.
   */
  static AslPath parse(String text, String enclosing, int offset) {
    if (text.isEmpty() || text.charAt(0) != '$') {
      throw error("a path must start with '$'", offset, enclosing);
    }
    Root root;
    String variableName = null;
    int rootLength;
    if (text.startsWith("$$")) {
      root = Root.CONTEXT;
      rootLength = 2;
    } else if (text.length() > 1 && isNameStart(text.charAt(1))) {
      root = Root.VARIABLE;
      int end = 2;
      while (end < text.length() && isNamePart(text.charAt(end))) {
        end++;
      }
      variableName = text.substring(1, end);
      rootLength = end;
    } else {
      root = Root.INPUT;
      rootLength = 1;
    }
    if (rootLength < text.length()) {
      char next = text.charAt(rootLength);
      if (next != '.' && next != '[') {
        throw error(
            "expected '.' or '[' after '"
                + text.substring(0, rootLength)
                + "' but found '"
                + next
                + "'",
            offset + rootLength,
            enclosing);
      }
    }
    int structure = structure(text, rootLength);
    if (structure > MAX_STRUCTURE) {
      throw error(
          "the path has "
              + structure
              + " dots, brackets and parentheses; at most "
              + MAX_STRUCTURE
              + " are read",
          offset,
          enclosing);
    }
    String onRoot = "$" + text.substring(rootLength);
    boolean definite;
    try {
      // Jayway is the JSONPath dialect of AWS: what it refuses is not a Path. The commonest shape,
      // names and indexes only, Jayway always accepts as definite; knowing it here spares loading
      // Jayway, and its logger, for definitions that use nothing else.
      definite = isPlainReference(onRoot) || jayway(onRoot).isDefinite();
    } catch (RuntimeException e) { // InvalidPathException, or a parser crash on input like "$["
      String detail = e.getMessage();
      if (detail == null || detail.startsWith("java.")) {
        detail = "the path is incomplete";
      }
      int position = offset + jaywayPosition(detail, rootLength - 1, text.length());
      throw error("invalid path (" + detail + ")", position, enclosing);
    } catch (StackOverflowError e) {
      // Only on threads with a small stack: MAX_STRUCTURE keeps Jayway's recursion well within the
      // usual one. Its compiler keeps no state, so the overflow is contained.
      throw error("the path has too many steps or nested brackets to be read", offset, enclosing);
    }
    List<Step> steps = definite ? referenceSteps(text, rootLength) : null;
    return new AslPath(text, root, variableName, rootLength, steps);
  }

  /**
   * Counts the dots, brackets and parentheses outside quoted names and strings (where a backslash
   * escapes the next character, as in Jayway): Jayway compiles recursively, about one level for
   * each, and a few thousand overflow a thread's stack.
   */
  private static int structure(String text, int from) {
    int count = 0;
    char quote = 0;
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == '\\') {
          i++; // Jayway reads \' as a quote inside the string, not as its end
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '.' || c == '[' || c == '(') {
        count++;
      }
    }
    return count;
  }

  static ExpressionException error(String problem, int position, String text) {
    return new ExpressionException(
        problem + " at position " + position + " in '" + text + "'", position);
  }

  /** The Path as written, e.g. {@code $$.Execution.Input}. */
  public String text() {
    return text;
  }

  /** Where the Path starts from. */
  public Root root() {
    return root;
  }

  /** The variable name for {@link Root#VARIABLE} Paths ({@code x} in {@code $x.a}), else null. */
  public String variableName() {
    return variableName;
  }

  /** True when every step is {@code .name}, {@code ['name']}, {@code ["name"]} or {@code [n]}. */
  public boolean isReferencePath() {
    return steps != null;
  }

  /**
   * The steps after the root of a Reference Path; empty for {@code $}, {@code $$} and {@code
   * $name}.
   *
   * @throws IllegalStateException when this is not a Reference Path
   */
  public List<Step> steps() {
    if (steps == null) {
      throw new IllegalStateException("not a reference path: " + text);
    }
    return steps;
  }

  /**
   * The same Path with its root rewritten to {@code $}, for a JSONPath engine evaluating it on the
   * root's value: {@code $$.Execution.Input} → {@code $.Execution.Input}, {@code $x.a[0]} → {@code
   * $.a[0]}, {@code $x} → {@code $}.
   */
  public String jsonPathOnRoot() {
    return "$" + text.substring(rootLength);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AslPath && ((AslPath) other).text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }

  private static boolean isNameStart(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
  }

  private static boolean isNamePart(char c) {
    return isNameStart(c) || (c >= '0' && c <= '9');
  }

  /**
   * Whether {@code path} is {@code $} followed only by {@code .name} steps (an ASCII letter or
   * underscore, then letters, digits and underscores) and {@code [index]} steps of at most nine
   * digits.
   */
  static boolean isPlainReference(String path) {
    int i = 1;
    while (i < path.length()) {
      char c = path.charAt(i);
      if (c == '.') {
        int start = ++i;
        while (i < path.length() && isAsciiNamePart(path.charAt(i), i == start)) {
          i++;
        }
        if (i == start) {
          return false;
        }
      } else if (c == '[') {
        int start = ++i;
        while (i < path.length() && path.charAt(i) >= '0' && path.charAt(i) <= '9') {
          i++;
        }
        if (i == start || i - start > 9 || i >= path.length() || path.charAt(i) != ']') {
          return false;
        }
        i++;
      } else {
        return false;
      }
    }
    return true;
  }

  private static boolean isAsciiNamePart(char c, boolean first) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || c == '_'
        || (!first && c >= '0' && c <= '9');
  }

  /**
   * Reads the steps of a Path that Jayway compiled as definite, or returns null when some step is
   * not a plain name or index (a multi-name {@code ['a','b']}, a function call, ...). The grammar
   * mirrors Jayway's reading of the same text, so each step here is the step Jayway evaluates.
   */
  private static List<Step> referenceSteps(String text, int start) {
    List<Step> steps = new ArrayList<>();
    int i = start;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (c == '.') {
        i++;
        if (i < n && text.charAt(i) == '[') {
          continue; // Jayway reads "$.a.['b']" as "$.a['b']"
        }
        int end = i;
        while (end < n && text.charAt(end) != '.' && text.charAt(end) != '[') {
          end++;
        }
        String name = text.substring(i, end);
        if (name.isEmpty()
            || name.equals("*")
            || name.indexOf('(') >= 0
            || name.indexOf(' ') >= 0) {
          return null;
        }
        steps.add(new Field(name));
        i = end;
      } else if (c == '[') {
        int j = skipSpaces(text, i + 1);
        if (j >= n) {
          return null;
        }
        char first = text.charAt(j);
        if (first == '\'' || first == '"') {
          int close = text.indexOf(first, j + 1);
          if (close < 0) {
            return null;
          }
          int end = skipSpaces(text, close + 1);
          if (end >= n || text.charAt(end) != ']') {
            return null;
          }
          steps.add(new Field(text.substring(j + 1, close)));
          i = end + 1;
        } else if (first == '-' || Character.isDigit(first)) {
          int end = first == '-' ? j + 1 : j;
          while (end < n && Character.isDigit(text.charAt(end))) {
            end++;
          }
          int close = skipSpaces(text, end);
          if (close >= n || text.charAt(close) != ']') {
            return null;
          }
          try {
            steps.add(new Index(Integer.parseInt(text.substring(j, end))));
          } catch (NumberFormatException e) {
            return null;
          }
          i = close + 1;
        } else {
          return null;
        }
      } else {
        return null;
      }
    }
    return List.copyOf(steps);
  }

  private static int skipSpaces(String text, int i) {
    while (i < text.length() && text.charAt(i) == ' ') {
      i++;
    }
    return i;
  }

  /** Jayway reports positions in the rewritten text; shift them back, or point at the end. */
  private static int jaywayPosition(String message, int shift, int length) {
    if (message != null) {
      Matcher m = JAYWAY_POSITION.matcher(message);
      if (m.find()) {
        try {
          return Math.min(length, Integer.parseInt(m.group(1)) + shift);
        } catch (NumberFormatException e) {
          return length;
        }
      }
    }
    return length;
  }

  private static JsonPath jayway(String path) {
    io.asl4j.dsl.internal.JaywayLogging.beforeFirstUse();
    return JsonPath.compile(path);
  }
}
