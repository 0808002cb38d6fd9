package io.asl4j.runtime.internal.jsonata;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import com.dashjoin.jsonata.Parser;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns what the JSONata library throws into the text Step Functions puts after "threw an error
 * during evaluation.", e.g. {@code T1006: Attempted to invoke a non-function}.
 *
 * <p>The library's message templates were ported from JavaScript with every "function" renamed
 * "Object" ("The sqrt Object cannot be applied..."), and quote every argument. The templates are
 * recovered with placeholder arguments so that the wording can be repaired without touching the
 * real arguments, which are then rendered as JSONata does: strings quoted, numbers bare.
 */
final class LibraryErrors {

  private static final Pattern CODE = Pattern.compile("[A-Z]\\d{4}");
  private static final Pattern OBJECT_WORD = Pattern.compile("\\bObject\\b");
  private static final String FIRST = "\u0001";
  private static final String SECOND = "\u0002";

  private LibraryErrors() {}

  /** The detail text for any failure raised while evaluating an expression. */
  static String describe(Throwable failure) {
    return describe(failure, "");
  }

  /**
   * As {@link #describe(Throwable)}, for a failure of {@code expression} (to name its functions).
   */
  static String describe(Throwable failure, String expression) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof EvaluationFailure) {
        return cause.getMessage();
      }
      if (cause instanceof JException library) {
        return "T0412".equals(library.getError())
            ? notAnArrayOf(library, expression)
            : describe(library);
      }
    }
    if (failure instanceof NumberFormatException unparsable && expression.contains("$number")) {
      // The library's $number lets Java's parse error out; JSONata says D3030 with the value.
      return "D3030: Unable to cast value to a number: " + uncastable(unparsable.getMessage());
    }
    if (failure instanceof StackOverflowError) {
      return "Stack overflow error: the expression recurses too deeply";
    }
    // A defect of the library (a ClassCastException and the like): name it rather than hide it,
    // with any of its objects the message prints as a Java object named as JSONata would.
    return failure.getClass().getSimpleName()
        + (failure.getMessage() == null
            ? ""
            : ": " + LIBRARY_OBJECT.matcher(failure.getMessage()).replaceAll(FUNCTION));
  }

  /**
   * A library object printed by Java's {@code toString}, e.g. {@code
   * com.dashjoin.jsonata.Jsonata$JFunction@16d35ecd}: its identity differs from run to run, so the
   * same expression would fail with a different message each time.
   */
  private static final Pattern LIBRARY_OBJECT =
      Pattern.compile("com\\.dashjoin\\.jsonata\\.[\\w$.]+@[0-9a-f]+");

  /**
   * T0412, an argument that must be an array of one type. The library fills JSONata's template
   * {@code Argument {{index}} of function {{token}} must be an array of {{type}}} with the wrong
   * values (the argument, the signature's letter) and leaves {@code {{type}}} unfilled; JSONata,
   * and so Step Functions, says {@code Argument 1 of function "sum" must be an array of "numbers"}.
   * The library does not say which function failed: it is the one of the expression's calls that
   * takes such an array (each takes it first).
   */
  private static String notAnArrayOf(JException error, String expression) {
    String letter = String.valueOf(error.getExpected());
    String type = ARRAY_TYPES.getOrDefault(letter, letter);
    String function = null;
    int first = Integer.MAX_VALUE;
    for (String candidate : ARRAY_FUNCTIONS.getOrDefault(letter, List.of())) {
      java.util.regex.Matcher call =
          Pattern.compile("\\$" + candidate + "\\s*\\(").matcher(expression);
      if (call.find() && call.start() < first) {
        first = call.start();
        function = candidate;
      }
    }
    return "T0412: Argument 1 of "
        + (function == null ? "a function" : "function \"" + function + "\"")
        + " must be an array of \""
        + type
        + "\"";
  }

  /** The value of Java's {@code For input string: "x"} as JSON text ({@code "x"}). */
  private static String uncastable(String message) {
    String prefix = "For input string: \"";
    String value =
        message != null && message.startsWith(prefix) && message.endsWith("\"")
            ? message.substring(prefix.length(), message.length() - 1)
            : "";
    return com.fasterxml.jackson.databind.node.TextNode.valueOf(value).toString();
  }

  /** The plural JSONata names the type of a signature letter by. */
  private static final Map<String, String> ARRAY_TYPES =
      Map.of(
          "a",
          "arrays",
          "b",
          "booleans",
          "f",
          "functions",
          "n",
          "numbers",
          "o",
          "objects",
          "s",
          "strings");

  /**
   * The built-in functions whose first argument is an array of one type ({@code a<n>}, {@code
   * a<s>}).
   */
  private static final Map<String, List<String>> ARRAY_FUNCTIONS =
      Map.of("n", List.of("sum", "max", "min", "average"), "s", List.of("join"));

  private static String describe(JException error) {
    String code = error.getError();
    if (code == null || !CODE.matcher(code).matches()) {
      // Errors raised without a code (run-time bounds, for one) carry their text as the "code".
      return String.valueOf(code);
    }
    String template = JException.msg(code, -1, FIRST, SECOND);
    String text =
        OBJECT_WORD
            .matcher(template)
            .replaceAll("function")
            .replace("${\"" + FIRST + "\"}", "$" + error.getCurrent())
            .replace("\"" + FIRST + "\"", render(error.getCurrent()))
            .replace("\"" + SECOND + "\"", render(error.getExpected()))
            .replace(FIRST, bare(error.getCurrent()));
    return code + ": " + text;
  }

  /** An argument as JSONata's messages show it: JSON text, {@code undefined} when absent. */
  private static String render(Object value) {
    if (value == null) {
      return "undefined";
    }
    if (isFunction(value)) {
      return FUNCTION;
    }
    try {
      JsonNode json = JsonataValues.toJson(value);
      return json == null ? "undefined" : json.toString();
    } catch (RuntimeException notJson) {
      return bare(value);
    }
  }

  /**
   * An argument inserted without quotes, as the library inserts it (Java's {@code toString}), but
   * with every function, also inside a list or an object, shown as {@value #FUNCTION}.
   */
  private static String bare(Object value) {
    if (isFunction(value)) {
      return FUNCTION;
    }
    if (value instanceof List<?> list) {
      StringBuilder text = new StringBuilder("[");
      for (Object element : list) {
        text.append(text.length() > 1 ? ", " : "").append(bare(element));
      }
      return text.append(']').toString();
    }
    if (value instanceof Map<?, ?> map) {
      StringBuilder text = new StringBuilder("{");
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        text.append(text.length() > 1 ? ", " : "")
            .append(entry.getKey())
            .append('=')
            .append(bare(entry.getValue()));
      }
      return text.append('}').toString();
    }
    return String.valueOf(value);
  }

  /**
   * How a function shows in a message. The library would print the Java object ({@code
   * Jsonata$JFunction@37a94ca1}), which differs from run to run.
   */
  private static final String FUNCTION = "a function";

  private static boolean isFunction(Object value) {
    return value instanceof Jsonata.JFunctionCallable || value instanceof Parser.Symbol;
  }
}
