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
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof EvaluationFailure) {
        return cause.getMessage();
      }
      if (cause instanceof JException library) {
        return describe(library);
      }
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
  private static final Pattern LIBRARY_OBJECT = Pattern.compile("com\\.dashjoin\\.jsonata\\.[\\w$.]+@[0-9a-f]+");

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
   * How a function shows in a message. The library would print the Java object
   * ({@code Jsonata$JFunction@37a94ca1}), which differs from run to run.
   */
  private static final String FUNCTION = "a function";

  private static boolean isFunction(Object value) {
    return value instanceof Jsonata.JFunctionCallable || value instanceof Parser.Symbol;
  }
}
