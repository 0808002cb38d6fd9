package io.asl4j.dsl.model;

import java.util.List;

/**
 * One entry of {@code Retry}.
 *
 * <p>Every numeric component is {@code null} when absent; AWS's defaults then apply: {@code
 * IntervalSeconds} 1, {@code MaxAttempts} 3, {@code BackoffRate} 2.0, no {@code MaxDelaySeconds},
 * {@code JitterStrategy} NONE.
 */
public record Retrier(
    List<String> errorEquals,
    Integer intervalSeconds,
    Integer maxAttempts,
    Double backoffRate,
    Integer maxDelaySeconds,
    JitterStrategy jitterStrategy,
    String comment) {
  public Retrier {
    errorEquals = errorEquals == null ? List.of() : List.copyOf(errorEquals);
  }

  /** {@code JitterStrategy}. */
  public enum JitterStrategy {
    FULL,
    NONE
  }

  public int intervalSecondsOrDefault() {
    return intervalSeconds == null ? 1 : intervalSeconds;
  }

  public int maxAttemptsOrDefault() {
    return maxAttempts == null ? 3 : maxAttempts;
  }

  public double backoffRateOrDefault() {
    return backoffRate == null ? 2.0 : backoffRate;
  }
}
