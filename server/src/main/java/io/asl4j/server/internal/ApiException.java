package io.asl4j.server.internal;

/**
 * A request the Step Functions API refuses: answered as HTTP {@code status} with {@code {"__type":
 * code, "message": message}}, AWS's code and wording.
 */
public final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String code;
  private final int status;

  public ApiException(String code, String message) {
    this(code, message, 400);
  }

  public ApiException(String code, String message, int status) {
    super(message, null, false, false);
    this.code = code;
    this.status = status;
  }

  /** AWS's error code, e.g. {@code StateMachineDoesNotExist}. */
  public String code() {
    return code;
  }

  /** The HTTP status: 400 for the client's errors. */
  public int status() {
    return status;
  }

  static ApiException validation(String message) {
    return new ApiException("ValidationException", message);
  }

  static ApiException invalidArn(String arn) {
    return new ApiException("InvalidArn", "Invalid Arn: '" + arn + "'");
  }

  /** AWS's wording of one constraint a member breaks. */
  static ApiException constraint(Object value, String member, String constraint) {
    return validation(
        "1 validation error detected: Value "
            + (value == null ? "null" : "'" + value + "'")
            + " at '"
            + member
            + "' failed to satisfy constraint: "
            + constraint);
  }
}
