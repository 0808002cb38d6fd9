package io.asl4j.runtime.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asl4j.runtime.ExecutionStatus;
import io.asl4j.runtime.HistoryEvent;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * What an execution shows of itself: its history, status, result and redrives. An execution ({@link
 * ExecutionRun}) and a distributed Map's child execution ({@link ChildRun}) both end once, by
 * whichever ends them first (their own loop, or a stop from any thread), and both run again when
 * redriven.
 */
abstract class RecordedExecution {
  private static final VarHandle ENDING;

  static {
    try {
      ENDING =
          MethodHandles.lookup().findVarHandle(RecordedExecution.class, "ending", boolean.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  final History history;
  private volatile ExecutionStatus status = ExecutionStatus.RUNNING;
  private volatile JsonNode output;
  private volatile String error;
  private volatile String cause;

  /** When the execution last ended; -1 while it runs. */
  private volatile long stopMillis = -1;

  private volatile int redriveCount;

  /** When the execution was last redriven; -1 if never. */
  private volatile long redriveMillis = -1;

  /**
   * Set once, by whichever ends the execution first. From then on no step of it does anything,
   * until a redrive clears it.
   */
  private volatile boolean ending;

  /** {@code expectedEvents}: how many events the history makes room for at first. */
  RecordedExecution(int expectedEvents) {
    this.history = new History(expectedEvents);
  }

  public ExecutionStatus status() {
    return status;
  }

  public JsonNode output() {
    return output;
  }

  public String error() {
    return error;
  }

  public String cause() {
    return cause;
  }

  public List<HistoryEvent> history() {
    return history.snapshot();
  }

  /** When it ended, or null while it runs. */
  public Instant stopDate() {
    long stop = stopMillis;
    return status == ExecutionStatus.RUNNING || stop < 0 ? null : Instant.ofEpochMilli(stop);
  }

  long stopMillis() {
    return stopMillis;
  }

  /** How often it was redriven. */
  public int redriveCount() {
    return redriveCount;
  }

  /** When it was last redriven, or null. */
  public Instant redriveDate() {
    long at = redriveMillis;
    return at < 0 ? null : Instant.ofEpochMilli(at);
  }

  /** Whether it goes on: false from the moment something began to end it. */
  boolean running() {
    return !ending;
  }

  /** The role ARN its {@code ExecutionStarted} event names. */
  abstract String roleArn();

  /**
   * Records {@code ExecutionStarted} with its input, at {@code atMillis}; the details, role ARN
   * included, are made only if the history is read (most executions' never is).
   */
  void recordStarted(JsonNode input, long atMillis) {
    history.record(
        0,
        atMillis,
        "ExecutionStarted",
        () -> {
          ObjectNode details = ExecutionRun.NODES.objectNode();
          details.set("input", HistoryDetails.deferredText(input));
          details.set("inputDetails", HistoryDetails.notTruncated());
          details.put("roleArn", roleArn());
          return details;
        });
  }

  /**
   * Claims the end: true for exactly one of the racing callers, who then records it with {@link
   * #ended}; false when something ended it first.
   */
  boolean claimEnd() {
    return ENDING.compareAndSet(this, false, true);
  }

  /**
   * Records the end the caller claimed: its last event chained to {@code previous}, then the
   * status, which shows last, so whoever sees it ended also sees the result.
   */
  void ended(
      ExecutionStatus newStatus,
      JsonNode newOutput,
      String newError,
      String newCause,
      String eventType,
      Supplier<ObjectNode> details,
      long previous,
      long nowMillis) {
    output = newOutput;
    error = newError;
    cause = newCause;
    stopMillis = nowMillis;
    history.recordLast(previous, nowMillis, eventType, details);
    status = newStatus;
  }

  /**
   * It runs again after its end: its result is gone and its history takes events again. Returns the
   * redrive's count.
   */
  int reopen(long nowMillis) {
    int count = redriveCount + 1;
    output = null;
    error = null;
    cause = null;
    stopMillis = -1;
    redriveCount = count;
    redriveMillis = nowMillis;
    history.reopen();
    ENDING.setVolatile(this, false);
    status = ExecutionStatus.RUNNING;
    return count;
  }

  /**
   * {@code ExecutionSucceeded} or {@code ExecutionFailed}, as {@code outcome} ends the execution.
   */
  static String endEvent(GraphOutcome outcome) {
    return outcome.failed() ? "ExecutionFailed" : "ExecutionSucceeded";
  }

  /** The details of {@link #endEvent}: the error and cause, or the output (written when read). */
  static Supplier<ObjectNode> endDetails(GraphOutcome outcome) {
    if (outcome.failed()) {
      ObjectNode d = HistoryDetails.errorAndCause(outcome.error(), outcome.cause());
      return () -> d;
    }
    JsonNode result = outcome.output();
    return () -> {
      ObjectNode d = ExecutionRun.NODES.objectNode();
      d.set("output", HistoryDetails.deferredText(result));
      d.set("outputDetails", HistoryDetails.notTruncated());
      return d;
    };
  }
}
