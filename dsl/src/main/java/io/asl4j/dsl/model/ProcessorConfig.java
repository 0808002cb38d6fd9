package io.asl4j.dsl.model;

/**
 * A Map's {@code ProcessorConfig}.
 *
 * @param mode {@code Mode}, or {@code null} (defaults to INLINE)
 * @param executionType {@code ExecutionType} (required by DISTRIBUTED), or {@code null}
 */
public record ProcessorConfig(Mode mode, ExecutionType executionType) {
  /** {@code ProcessorConfig.Mode}. */
  public enum Mode {
    INLINE,
    DISTRIBUTED
  }

  /** {@code ProcessorConfig.ExecutionType}: how the child executions of a distributed Map run. */
  public enum ExecutionType {
    STANDARD,
    EXPRESS
  }
}
