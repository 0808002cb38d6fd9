package io.asl4j.dsl.testing;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.function.ThrowingSupplier;

/**
 * The time one fuzzing try may take. Generous on purpose (the machine running CI is shared and
 * slow): it is there to catch hangs and super-linear blow-ups, not to measure speed. Override with
 * {@code -Dasl4j.fuzz.deadline.millis=...}.
 */
public final class Deadline {
  public static final Duration PER_TRY =
      Duration.ofMillis(Long.getLong("asl4j.fuzz.deadline.millis", 10_000));

  private Deadline() {}

  /**
   * Runs {@code work} on another thread and fails, naming {@code what}, when it is not done in
   * time.
   */
  public static <T> T within(ThrowingSupplier<T> work, Supplier<String> what) {
    return assertTimeoutPreemptively(PER_TRY, work, what);
  }

  /** As {@link #within(ThrowingSupplier, Supplier)} for work without a result. */
  public static void run(Runnable work, Supplier<String> what) {
    assertTimeoutPreemptively(PER_TRY, work::run, what);
  }
}
