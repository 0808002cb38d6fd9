package io.asl4j.dsl.validate;

import io.asl4j.dsl.model.StateMachineType;
import java.util.Objects;

/**
 * What the {@link Validator} needs to know beyond the definition itself. Immutable: {@code with*}
 * methods return a new instance.
 *
 * <pre>{@code
 * Validator.validate(machine, ValidationOptions.defaults().withType(StateMachineType.EXPRESS));
 * }</pre>
 */
public final class ValidationOptions {
  private static final ValidationOptions DEFAULTS =
      new ValidationOptions(StateMachineType.STANDARD);

  private final StateMachineType type;

  private ValidationOptions(StateMachineType type) {
    this.type = type;
  }

  /** A Standard state machine. */
  public static ValidationOptions defaults() {
    return DEFAULTS;
  }

  /** Options for a state machine of {@code type}. */
  public static ValidationOptions forType(StateMachineType type) {
    return DEFAULTS.withType(type);
  }

  /** The state machine type. Defaults to {@link StateMachineType#STANDARD}. */
  public StateMachineType type() {
    return type;
  }

  /** A copy of these options for a state machine of {@code type}. */
  public ValidationOptions withType(StateMachineType type) {
    return new ValidationOptions(Objects.requireNonNull(type, "type == null"));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ValidationOptions other && type == other.type;
  }

  @Override
  public int hashCode() {
    return type.hashCode();
  }

  @Override
  public String toString() {
    return "ValidationOptions{type=" + type + "}";
  }
}
