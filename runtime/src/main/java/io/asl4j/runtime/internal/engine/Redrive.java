package io.asl4j.runtime.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.asl4j.runtime.ExecutionStatus;
import io.asl4j.runtime.RedriveExecutionException;
import io.asl4j.runtime.RedriveStatus;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * AWS's RedriveExecution: which executions may be redriven, and what a redrive resumes.
 *
 * <p>A redrive re-enters, with the input it first received, every state that has an entered event
 * and no exited one: the state the execution failed (or was stopped, or timed out) in and, inside a
 * Parallel or Map among them, the branches and iterations that did not succeed, each at its own
 * unsuccessful state. Branches and iterations that succeeded keep their output and do not run
 * again; states that exited are never re-run. Retry counters start over, as AWS resets them.
 */
final class Redrive {
  /** AWS keeps an ended execution redrivable for 14 days. */
  static final long REDRIVABLE_PERIOD_MILLIS = 14L * 24 * 3600 * 1000;

  /**
   * A redriven execution appends {@code ExecutionRedriven} and at least one more event to its
   * history, which must stay under AWS's 25,000: it must hold fewer than this many.
   */
  static final int MAX_EVENTS = 24_999;

  /** A Standard execution's one-year limit, which redrives do not extend. */
  static final long MAX_OPEN_MILLIS = 365L * 24 * 3600 * 1000;

  private Redrive() {}

  /**
   * What one attempt of a Parallel or Map ran, kept for a redrive: per branch (or item) the frame
   * that ran it (null when it never started or kept an earlier output), the outputs of those that
   * succeeded, and the distributed Map's Map Run.
   */
  record Attempt(
      List<Frame> frames, JsonNode[] outputs, IntPredicate succeeded, MapRunRecord mapRun) {
    boolean succeeded(int index) {
      return succeeded.test(index);
    }

    /** The frame that ran {@code index}, or null when it never started. */
    Frame frame(int index) {
      return index < frames.size() ? frames.get(index) : null;
    }
  }

  /**
   * Why an execution ended with {@code status} cannot be redriven at {@code atMillis}, in AWS's
   * words ({@code redriveStatusReason}); null when it can.
   */
  static String notRedrivableReason(
      ExecutionStatus status, long events, long startMillis, long stopMillis, long atMillis) {
    if (status == ExecutionStatus.RUNNING || status == ExecutionStatus.SUCCEEDED) {
      return "Execution is " + status + " and cannot be redriven";
    }
    if (events >= MAX_EVENTS) {
      return "Execution history event limit exceeded";
    }
    if (atMillis - startMillis >= MAX_OPEN_MILLIS) {
      return "Execution has exceeded the max execution time";
    }
    if (atMillis - stopMillis > REDRIVABLE_PERIOD_MILLIS) {
      return "Execution redrivable period exceeded";
    }
    return null;
  }

  static RedriveStatus status(String reason) {
    return reason == null ? RedriveStatus.REDRIVABLE : RedriveStatus.NOT_REDRIVABLE;
  }

  /** AWS's refusal of a redrive for {@code reason}. */
  static RedriveExecutionException notRedrivable(String reason) {
    return new RedriveExecutionException("ExecutionNotRedrivable", reason);
  }

  /** AWS's execution APIs do not address Express executions: their ARNs are refused as such. */
  static RedriveExecutionException express() {
    return new RedriveExecutionException(
        "InvalidArn", "Invalid Arn: 'Resource type not valid in this context: express'");
  }
}
