package io.asl4j.runtime.internal.jsonata;

/**
 * A failure inside an evaluation that is not the library's own, such as a bad argument to a Step
 * Functions function; its message is the text that follows "threw an error during evaluation."
 */
final class EvaluationFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  EvaluationFailure(String detail) {
    super(detail, null, false, false);
  }
}
