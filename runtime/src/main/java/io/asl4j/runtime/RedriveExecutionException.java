package io.asl4j.runtime;

/**
 * A redrive that AWS's {@code RedriveExecution} would refuse, with AWS's error code: {@code
 * ExecutionNotRedrivable} for an execution that is running or succeeded, whose history holds 24,999
 * events or more, that is past its year or past the 14 days after it ended; {@code InvalidArn} for
 * an Express execution, which AWS's execution APIs do not address.
 *
 * <pre>{@code
 * try {
 *   execution.redrive();
 * } catch (RedriveExecutionException e) {
 *   e.errorCode();   // "ExecutionNotRedrivable"
 *   e.getMessage();  // "ExecutionNotRedrivable: Execution is SUCCEEDED and cannot be redriven"
 * }
 * }</pre>
 */
public final class RedriveExecutionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String errorCode;

  public RedriveExecutionException(String errorCode, String message) {
    super(errorCode + ": " + message);
    this.errorCode = errorCode;
  }

  /** AWS's error code: {@code ExecutionNotRedrivable} or {@code InvalidArn}. */
  public String errorCode() {
    return errorCode;
  }
}
