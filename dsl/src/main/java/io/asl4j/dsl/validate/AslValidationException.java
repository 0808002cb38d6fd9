package io.asl4j.dsl.validate;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when a definition has errors; carries <em>every</em> problem found, not just the first.
 */
public final class AslValidationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;

  public AslValidationException(List<Problem> problems) {
    super(describe(problems));
    this.problems = List.copyOf(problems);
  }

  /** All problems, errors and warnings, in the order found. */
  public List<Problem> problems() {
    return problems;
  }

  private static String describe(List<Problem> problems) {
    long errors = problems.stream().filter(Problem::isError).count();
    return "The state machine definition has "
        + errors
        + (errors == 1 ? " error" : " errors")
        + ":\n"
        + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
  }
}
