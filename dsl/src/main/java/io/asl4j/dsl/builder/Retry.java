package io.asl4j.dsl.builder;

import io.asl4j.dsl.model.Retrier;
import io.asl4j.dsl.model.Retrier.JitterStrategy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One retrier of a Task, Parallel or Map state. Immutable: every setter returns a new retrier.
 *
 * <p>AWS's defaults apply to what is left unset: {@code IntervalSeconds} 1, {@code MaxAttempts} 3,
 * {@code BackoffRate} 2.0, no {@code MaxDelaySeconds}, {@code JitterStrategy} NONE. Unset fields
 * are not written.
 *
 * <pre>{@code
 * Retry.on("Lambda.TooManyRequestsException").interval(Duration.ofSeconds(2)).maxAttempts(3)
 *     .backoffRate(2.0)
 * // {"ErrorEquals": ["Lambda.TooManyRequestsException"], "IntervalSeconds": 2,
 * //  "MaxAttempts": 3, "BackoffRate": 2.0}
 * }</pre>
 *
 * @see <a href="https://states-language.net/spec.html#retrying-after-error">Retrying after
 *     error</a>
 */
public final class Retry extends WrappedValue {
  private final Retrier model;

  private Retry(Retrier model) {
    this.model = model;
  }

  /** Retries on any error ({@code ["States.ALL"]}); it must be the last retrier of its state. */
  public static Retry all() {
    return new Retry(new Retrier(List.of(Errors.ALL), null, null, null, null, null, null));
  }

  /**
   * Retries on the errors named. {@code States.ALL} is not allowed here: it must appear alone, so
   * use {@link #all()}.
   */
  public static Retry on(String error, String... more) {
    return new Retry(
        new Retrier(errorList(error, more, "Retry.all()"), null, null, null, null, null, null));
  }

  /** A builder for the retrier {@code model}, as read from existing ASL. */
  public static Retry of(Retrier model) {
    return new Retry(Objects.requireNonNull(model, "model == null"));
  }

  static List<String> errorList(String error, String[] more, String instead) {
    List<String> errors = new ArrayList<>();
    errors.add(Objects.requireNonNull(error, "error == null"));
    for (String e : more) {
      errors.add(Objects.requireNonNull(e, "error == null"));
    }
    if (errors.contains(Errors.ALL)) {
      throw new IllegalArgumentException(
          "States.ALL must appear alone in an error list: use " + instead);
    }
    return errors;
  }

  /** Sets {@code IntervalSeconds}, the wait before the first retry. Defaults to 1. */
  public Retry intervalSeconds(int seconds) {
    if (seconds < 1) {
      throw new IllegalArgumentException("IntervalSeconds must be at least 1: " + seconds);
    }
    return with(
        seconds,
        model.maxAttempts(),
        model.backoffRate(),
        model.maxDelaySeconds(),
        model.jitterStrategy(),
        model.comment());
  }

  /** Sets {@code IntervalSeconds} from a whole number of seconds. Defaults to 1 s. */
  public Retry interval(Duration interval) {
    return intervalSeconds(seconds(interval));
  }

  /** Sets {@code MaxAttempts}; 0 never retries. Defaults to 3. */
  public Retry maxAttempts(int attempts) {
    if (attempts < 0) {
      throw new IllegalArgumentException("MaxAttempts must not be negative: " + attempts);
    }
    return with(
        model.intervalSeconds(),
        attempts,
        model.backoffRate(),
        model.maxDelaySeconds(),
        model.jitterStrategy(),
        model.comment());
  }

  /** Sets {@code BackoffRate}, the multiplier of the interval per attempt. Defaults to 2.0. */
  public Retry backoffRate(double rate) {
    if (!(rate >= 1.0) || Double.isInfinite(rate)) {
      throw new IllegalArgumentException(
          "BackoffRate must be a finite number of at least 1.0: " + rate);
    }
    return with(
        model.intervalSeconds(),
        model.maxAttempts(),
        rate,
        model.maxDelaySeconds(),
        model.jitterStrategy(),
        model.comment());
  }

  /** Sets {@code MaxDelaySeconds}, the cap on any interval. Defaults to no cap. */
  public Retry maxDelaySeconds(int seconds) {
    if (seconds < 1) {
      throw new IllegalArgumentException("MaxDelaySeconds must be at least 1: " + seconds);
    }
    return with(
        model.intervalSeconds(),
        model.maxAttempts(),
        model.backoffRate(),
        seconds,
        model.jitterStrategy(),
        model.comment());
  }

  /** Sets {@code MaxDelaySeconds} from a whole number of seconds. Defaults to no cap. */
  public Retry maxDelay(Duration delay) {
    return maxDelaySeconds(seconds(delay));
  }

  /** Sets {@code JitterStrategy}. Defaults to {@code NONE}. */
  public Retry jitter(JitterStrategy strategy) {
    return with(
        model.intervalSeconds(),
        model.maxAttempts(),
        model.backoffRate(),
        model.maxDelaySeconds(),
        Objects.requireNonNull(strategy, "strategy == null"),
        model.comment());
  }

  /** Sets {@code Comment}. Defaults to none. */
  public Retry comment(String comment) {
    return with(
        model.intervalSeconds(),
        model.maxAttempts(),
        model.backoffRate(),
        model.maxDelaySeconds(),
        model.jitterStrategy(),
        comment);
  }

  /** The retrier as a model value. */
  public Retrier toModel() {
    return model;
  }

  private Retry with(
      Integer interval,
      Integer attempts,
      Double rate,
      Integer maxDelay,
      JitterStrategy jitter,
      String comment) {
    return new Retry(
        new Retrier(model.errorEquals(), interval, attempts, rate, maxDelay, jitter, comment));
  }

  private static int seconds(Duration duration) {
    Objects.requireNonNull(duration, "duration == null");
    if (duration.getNano() != 0) {
      throw new IllegalArgumentException("not a whole number of seconds: " + duration);
    }
    if (duration.getSeconds() != (int) duration.getSeconds()) {
      throw new IllegalArgumentException("more seconds than an int holds: " + duration);
    }
    return (int) duration.getSeconds();
  }

  @Override
  Object wrapped() {
    return model;
  }
}
