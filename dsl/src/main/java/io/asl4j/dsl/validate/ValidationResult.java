package io.asl4j.dsl.validate;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Everything the {@link Validator} found in a definition: errors and warnings, in document order.
 *
 * <pre>{@code
 * ValidationResult result = Validator.validate(machine);
 * result.problems().forEach(System.out::println);  // /States/A/Next: error [UnknownState] ...
 * result.throwIfInvalid();
 * }</pre>
 */
public final class ValidationResult {
  private final List<Problem> problems;

  private ValidationResult(List<Problem> problems) {
    this.problems = List.copyOf(problems);
  }

  /** A result holding {@code problems}, in the order given. */
  public static ValidationResult of(List<Problem> problems) {
    return new ValidationResult(problems);
  }

  /** All problems, errors and warnings, in document order. */
  public List<Problem> problems() {
    return problems;
  }

  /** The errors only. */
  public List<Problem> errors() {
    return problems.stream().filter(Problem::isError).collect(Collectors.toUnmodifiableList());
  }

  /** The warnings only. */
  public List<Problem> warnings() {
    return problems.stream().filter(p -> !p.isError()).collect(Collectors.toUnmodifiableList());
  }

  /** Whether there is no error (warnings allowed). */
  public boolean isValid() {
    return problems.stream().noneMatch(Problem::isError);
  }

  /**
   * Returns normally when the definition is valid.
   *
   * @throws AslValidationException listing every problem, when there is an error
   */
  public void throwIfInvalid() {
    if (!isValid()) {
      throw new AslValidationException(problems);
    }
  }

  /** One problem per line, as {@link Problem#toString()} writes it. */
  @Override
  public String toString() {
    return problems.stream().map(Problem::toString).collect(Collectors.joining("\n"));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ValidationResult other && problems.equals(other.problems);
  }

  @Override
  public int hashCode() {
    return problems.hashCode();
  }
}
