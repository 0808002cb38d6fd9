package io.asl4j.runtime.internal.engine;

import io.asl4j.runtime.StatesError;

/**
 * An error raised while evaluating one of a state's own fields (a path, a template, a JSONata
 * expression). The interpreter prefixes its cause with AWS's "An error occurred while executing the
 * state ..." text, which needs the state's entered event id.
 *
 * @see Step#failState
 */
final class FieldError extends StatesError {
  private static final long serialVersionUID = 1L;

  private final boolean catchable;
  private final String location;

  FieldError(String error, String cause, boolean catchable, String location) {
    super(error, cause);
    this.catchable = catchable;
    this.location = location;
  }

  /** A {@code States.Runtime} error: AWS does not let Retry or Catch handle these. */
  static FieldError runtime(String cause) {
    return new FieldError("States.Runtime", cause, false, null);
  }

  /**
   * A {@code States.QueryEvaluationError} in the field at {@code location} (e.g. {@code Output}).
   */
  static FieldError query(String cause, String location) {
    return new FieldError("States.QueryEvaluationError", cause, true, location);
  }

  boolean catchable() {
    return catchable;
  }

  /** The field, for the {@code EvaluationFailed} event; {@code null} for JSONPath errors. */
  String location() {
    return location;
  }
}
