package io.asl4j.runtime.internal.engine;

import io.asl4j.dsl.model.PredefinedError;
import io.asl4j.dsl.model.Retrier;
import java.util.List;
import java.util.random.RandomGenerator;

/** How Retry and Catch match errors, and how long a retrier waits. */
final class ErrorMatching {
  private ErrorMatching() {}

  /** The error of a task whose {@code HeartbeatSeconds} passed without a heartbeat. */
  static final String HEARTBEAT_TIMEOUT = PredefinedError.HEARTBEAT_TIMEOUT.errorName();

  /**
   * The name an error is recorded and passed on under: see {@link PredefinedError#recordedName()}.
   */
  static String recordedName(String error) {
    return PredefinedError.recordedName(error);
  }

  /** Whether {@code errorEquals} matches {@code error}: see {@link PredefinedError#matches}. */
  static boolean matches(List<String> errorEquals, String error) {
    return PredefinedError.matches(errorEquals, error);
  }

  /**
   * The delay before retry number {@code attempt + 1}: {@code IntervalSeconds ×
   * BackoffRate^attempt}, capped by {@code MaxDelaySeconds}, then drawn uniformly from [0, delay]
   * under FULL jitter.
   */
  static long delayMillis(Retrier retrier, int attempt, RandomGenerator random) {
    double seconds =
        retrier.intervalSecondsOrDefault() * Math.pow(retrier.backoffRateOrDefault(), attempt);
    if (retrier.maxDelaySeconds() != null) {
      seconds = Math.min(seconds, retrier.maxDelaySeconds());
    }
    if (retrier.jitterStrategy() == Retrier.JitterStrategy.FULL) {
      seconds = random.nextDouble() * seconds;
    }
    return (long) Math.ceil(seconds * 1000);
  }
}
