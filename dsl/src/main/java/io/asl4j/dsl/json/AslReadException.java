package io.asl4j.dsl.json;

import io.asl4j.dsl.validate.AslValidationException;
import io.asl4j.dsl.validate.Problem;
import java.util.List;

/**
 * Thrown by {@link AslReader} when text cannot be read as a state machine definition. {@link
 * #isUnreadable()} tells apart input that is not a JSON object at all from a JSON object whose
 * fields have the wrong shape; both carry located problems.
 */
public final class AslReadException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;
  private final boolean unreadable;

  AslReadException(List<Problem> problems, boolean unreadable) {
    this(problems, unreadable, new AslValidationException(problems).getMessage());
  }

  AslReadException(List<Problem> problems, boolean unreadable, String message) {
    super(message);
    this.problems = List.copyOf(problems);
    this.unreadable = unreadable;
  }

  /** Every problem found while reading. */
  public List<Problem> problems() {
    return problems;
  }

  /** Whether the input is not JSON, or not a JSON object (as opposed to a malformed definition). */
  public boolean isUnreadable() {
    return unreadable;
  }
}
