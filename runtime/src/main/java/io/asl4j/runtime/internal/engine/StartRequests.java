package io.asl4j.runtime.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.asl4j.runtime.StartExecutionException;

/**
 * What AWS's {@code StartExecution} checks before an execution exists: the input's size and the
 * execution's name. A refused start has no history, so these are exceptions, not failed executions.
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/step-functions/latest/apireference/API_StartExecution.html">StartExecution</a>
 */
public final class StartRequests {
  /** AWS's limit on a name's length, in characters. */
  static final int MAX_NAME_LENGTH = 80;

  /** Whitespace and these are not allowed in names (besides control characters). */
  private static final String FORBIDDEN = "?*<>{}[]\"#%\\^|~`$&,;:/";

  private StartRequests() {}

  /**
   * Throws what AWS answers for an input over 256 KiB ({@code ValidationException}) or a name it
   * does not accept: empty or over 80 characters ({@code ValidationException}), or with whitespace,
   * a control character or one of {@code ? * < > { } [ ] " # % \ ^ | ~ ` $ & , ; : /} ({@code
   * InvalidName}).
   */
  public static void check(JsonNode input, String name) {
    if (name != null) { // null: a generated name, which is valid
      checkName(name);
    }
    if (JsonSize.exceeds(input, ExecutionRun.PAYLOAD_LIMIT_BYTES)) {
      // AWS leaves the input's value out of the message, as it does for every sensitive field.
      throw new StartExecutionException("ValidationException", tooLong("input"));
    }
  }

  /**
   * AWS's {@code ValidationException} message for a request field over 256 KiB, e.g. {@code input}
   * of StartExecution or TestState.
   */
  static String tooLong(String field) {
    return "1 validation error detected: Value at '"
        + field
        + "' failed to satisfy constraint: Member must have length less than or equal to "
        + ExecutionRun.PAYLOAD_LIMIT_BYTES;
  }

  private static void checkName(String name) {
    int length = name.codePointCount(0, name.length());
    if (length < 1 || length > MAX_NAME_LENGTH) {
      throw new StartExecutionException(
          "ValidationException",
          "1 validation error detected: Value '"
              + name
              + "' at 'name' failed to satisfy constraint: Member must"
              + " have length "
              + (length < 1
                  ? "greater than or equal to 1"
                  : "less than or equal to " + MAX_NAME_LENGTH));
    }
    for (int i = 0; i < name.length(); ) {
      int c = name.codePointAt(i);
      if (Character.isWhitespace(c)
          || Character.isSpaceChar(c)
          || c <= 0x1f
          || (c >= 0x7f && c <= 0x9f)
          || FORBIDDEN.indexOf(c) >= 0) {
        throw new StartExecutionException("InvalidName", "Invalid Name: '" + name + "'");
      }
      i += Character.charCount(c);
    }
  }
}
