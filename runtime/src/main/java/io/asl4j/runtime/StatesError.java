package io.asl4j.runtime;

import java.util.Objects;

/**
 * An error as Step Functions reports it: a name that Retry and Catch match on, and a cause text.
 *
 * <p>Task handlers throw it to fail a state exactly as a Lambda function error would:
 *
 * <pre>{@code
 * throw new StatesError("ValidationError", "orderId is missing");
 * }</pre>
 *
 * <p>The runtime raises it for its own errors too ({@code States.Runtime}, {@code States.Timeout},
 * ...). Either part may be absent ({@code null}), as AWS allows.
 */
public class StatesError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String error;
  private final String cause;

  public StatesError(String error, String cause) {
    super(describe(error, cause), null, false, false);
    this.error = error;
    this.cause = cause;
  }

  /** The error name, e.g. {@code States.TaskFailed}; {@code null} when the error has none. */
  public String error() {
    return error;
  }

  /** The cause text; {@code null} when the error has none. */
  public String cause() {
    return cause;
  }

  private static String describe(String error, String cause) {
    return Objects.toString(error, "(no error)") + ": " + Objects.toString(cause, "(no cause)");
  }
}
