package io.asl4j.runtime;

/**
 * An execution that AWS's {@code StartExecution} would refuse to start, with AWS's error code:
 * {@code ValidationException} for an input over 256 KiB or a name of more than 80 characters,
 * {@code InvalidName} for a name with a character AWS does not allow, {@code
 * ExecutionAlreadyExists} for a Standard execution's name used before.
 *
 * <pre>{@code
 * try {
 *   machine.start(input, "order 42");
 * } catch (StartExecutionException e) {
 *   e.errorCode();   // "InvalidName"
 *   e.getMessage();  // "InvalidName: Invalid Name: 'order 42'"
 * }
 * }</pre>
 */
public final class StartExecutionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String errorCode;

  public StartExecutionException(String errorCode, String message) {
    super(errorCode + ": " + message);
    this.errorCode = errorCode;
  }

  /**
   * AWS's error code: {@code ValidationException}, {@code InvalidName} or {@code
   * ExecutionAlreadyExists}.
   */
  public String errorCode() {
    return errorCode;
  }
}
