package io.asl4j.runtime;

/**
 * A callback ({@code sendTaskSuccess}, {@code sendTaskFailure}, {@code sendTaskHeartbeat}) that AWS
 * would refuse, with AWS's error code: {@code TaskDoesNotExist} for a token no task was given,
 * {@code TaskTimedOut} for a task that already ended (completed, timed out, or its execution
 * ended), {@code ValidationException} for a request over AWS's size limits (token, output, error,
 * cause).
 */
public final class TaskTokenException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String errorCode;

  public TaskTokenException(String errorCode, String message) {
    super(errorCode + ": " + message);
    this.errorCode = errorCode;
  }

  /**
   * AWS's error code: {@code TaskDoesNotExist}, {@code TaskTimedOut} or {@code
   * ValidationException}.
   */
  public String errorCode() {
    return errorCode;
  }
}
