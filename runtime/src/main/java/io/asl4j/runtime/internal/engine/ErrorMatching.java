package io.asl4j.runtime.internal.engine;

import io.asl4j.dsl.model.Retrier;
import java.util.List;
import java.util.random.RandomGenerator;

/** How Retry and Catch match errors, and how long a retrier waits. */
final class ErrorMatching {
  private ErrorMatching() {}

  /**
   * The error of a task whose {@code HeartbeatSeconds} passed without a heartbeat, while Retry and
   * Catch match it. A retrier or catcher naming {@code States.HeartbeatTimeout} matches only this
   * error, one naming {@code States.Timeout} matches it as well.
   */
  static final String HEARTBEAT_TIMEOUT = "States.HeartbeatTimeout";

  /**
   * The name an error is recorded and passed on under. AWS records a missed heartbeat as {@code
   * States.Timeout}, in the task's {@code TaskTimedOut} event and in the execution's failure (three
   * recorded {@code .waitForTaskToken} executions in the conformance corpus's {@code
   * service/timeouts}), although Retry and Catch can tell it apart; a caught one's error output
   * says {@code States.Timeout} too.
   */
  static String recordedName(String error) {
    return HEARTBEAT_TIMEOUT.equals(error) ? "States.Timeout" : error;
  }

  /**
   * Whether {@code errorEquals} matches {@code error}. Names match exactly and case-sensitively.
   * {@code States.ALL} matches everything but {@code States.Runtime}; {@code States.TaskFailed}
   * matches everything but {@code States.Timeout} (and {@code States.Runtime}), as AWS documents.
   */
  static boolean matches(List<String> errorEquals, String error) {
    String name = error == null ? "" : error;
    for (String candidate : errorEquals) {
      if (candidate.equals(name)) {
        return true;
      }
      if (candidate.equals("States.ALL") && !name.equals("States.Runtime")) {
        return true;
      }
      if (candidate.equals("States.TaskFailed")
          && !name.equals("States.Timeout")
          && !name.equals(HEARTBEAT_TIMEOUT)
          && !name.equals("States.Runtime")) {
        return true;
      }
      if (candidate.equals("States.Timeout") && name.equals(HEARTBEAT_TIMEOUT)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The delay before retry number {@code attempt + 1}: {@code IntervalSeconds × BackoffRate^attempt},
   * capped by {@code MaxDelaySeconds}, then drawn uniformly from [0, delay] under FULL jitter.
   */
  static long delayMillis(Retrier retrier, int attempt, RandomGenerator random) {
    double seconds = retrier.intervalSecondsOrDefault() * Math.pow(retrier.backoffRateOrDefault(), attempt);
    if (retrier.maxDelaySeconds() != null) {
      seconds = Math.min(seconds, retrier.maxDelaySeconds());
    }
    if (retrier.jitterStrategy() == Retrier.JitterStrategy.FULL) {
      seconds = random.nextDouble() * seconds;
    }
    return (long) Math.ceil(seconds * 1000);
  }
}
