package io.asl4j.cdk;

import io.asl4j.dsl.validate.Problem;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown while the app is synthesized when an {@link Asl4jStateMachine} cannot be deployed as
 * given; carries <em>every</em> problem: validator errors, unbound placeholders, substitutions
 * bound to nothing, bindings of the wrong kind.
 */
public final class Asl4jSynthesisException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;

  Asl4jSynthesisException(String path, String source, List<Problem> problems) {
    super(describe(path, source, problems));
    this.problems = List.copyOf(problems);
  }

  /** The errors, in the order found. */
  public List<Problem> problems() {
    return problems;
  }

  private static String describe(String path, String source, List<Problem> problems) {
    int n = problems.size();
    return "Asl4jStateMachine "
        + path
        + " ("
        + source
        + ") cannot be synthesized: "
        + n
        + (n == 1 ? " error" : " errors")
        + "\n"
        + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
  }
}
