package io.asl4j.runtime;

import io.asl4j.dsl.model.StateMachineType;
import io.asl4j.runtime.internal.engine.MapRunRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A Map Run: the child executions one attempt of a distributed Map state started, as AWS's {@code
 * DescribeMapRun} and {@code ListExecutions(mapRunArn)} show it. Each item, or each batch with an
 * {@code ItemBatcher}, ran as a {@link ChildExecution} with a history of its own; the parent's
 * history shows only {@code MapRunStarted} and {@code MapRunSucceeded}/{@code MapRunFailed}.
 *
 * <pre>{@code
 * MapRun run = execution.mapRuns().get(0);
 * assertEquals(new MapRun.Counts(0, 0, 9, 1, 0, 0, 10, 0), run.itemCounts());
 * ChildExecution failed = run.childExecutions().get(3);
 * assertEquals("ExecutionFailed", failed.history().get(failed.history().size() - 1).type());
 * }</pre>
 *
 * <p>A view: while the execution runs, it shows the Map Run as it is now.
 */
public final class MapRun {
  /** The status of a Map Run, as AWS reports it. */
  public enum Status {
    RUNNING,
    SUCCEEDED,
    FAILED,
    ABORTED
  }

  /**
   * Items or child executions per status, AWS's {@code MapRunItemCounts}/{@code
   * MapRunExecutionCounts}. {@code pending} counts those not started (and, once the Map Run failed,
   * never to start); {@code resultsWritten} those a {@code ResultWriter} exported.
   */
  public record Counts(
      long pending,
      long running,
      long succeeded,
      long failed,
      long timedOut,
      long aborted,
      long total,
      long resultsWritten) {}

  private final MapRunRecord record;

  MapRun(MapRunRecord record) {
    this.record = record;
  }

  /**
   * {@code arn:aws:states:<region>:<account>:mapRun:<machine>/<label>:<id>}, as in the parent's
   * {@code MapRunStarted} event and a {@code ResultWriter}'s output.
   */
  public String arn() {
    return record.arn();
  }

  /** The ARN of the execution that started this Map Run. */
  public String executionArn() {
    return record.executionArn();
  }

  /** The name of the Map state. */
  public String stateName() {
    return record.stateName();
  }

  /** The Map's {@code Label}, or, without one, the string generated in its place (a UUID). */
  public String label() {
    return record.label();
  }

  /** The state machine the children ran: {@code ...:stateMachine:<machine>/<label>}. */
  public String stateMachineArn() {
    return record.stateMachineArn();
  }

  /** {@code ProcessorConfig.ExecutionType}: the children are STANDARD or EXPRESS executions. */
  public StateMachineType executionType() {
    return record.express() ? StateMachineType.EXPRESS : StateMachineType.STANDARD;
  }

  public Status status() {
    return Status.valueOf(record.status().name());
  }

  /** The error of a {@code FAILED} Map Run (as in {@code MapRunFailed}), else {@code null}. */
  public String error() {
    return record.error();
  }

  /** The cause of a {@code FAILED} Map Run, else {@code null}. */
  public String cause() {
    return record.cause();
  }

  /** Items per status; with an {@code ItemBatcher} a batch counts as its items. */
  public Counts itemCounts() {
    return counts(record.itemCounts());
  }

  /** Child executions per status. */
  public Counts executionCounts() {
    return counts(record.executionCounts());
  }

  private static Counts counts(long[] c) {
    return new Counts(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]);
  }

  /** {@code MaxConcurrency} as evaluated; 0 means no limit. */
  public int maxConcurrency() {
    return record.maxConcurrency();
  }

  /** {@code ToleratedFailureCount} as evaluated; 0 when not set. */
  public int toleratedFailureCount() {
    return record.toleratedFailureCount();
  }

  /** {@code ToleratedFailurePercentage} as evaluated; 0 when not set. */
  public BigDecimal toleratedFailurePercentage() {
    return record.toleratedFailurePercentage();
  }

  public Instant startDate() {
    return record.startDate();
  }

  /** When the Map Run ended, or {@code null} while it runs. */
  public Instant stopDate() {
    return record.stopDate();
  }

  /** The child executions started so far, in item (or batch) order. */
  /** How often the parent's redrives redrove this Map Run (AWS's {@code redriveCount}). */
  public int redriveCount() {
    return record.redriveCount();
  }

  /** When it was last redriven, or null. */
  public Instant redriveDate() {
    return record.redriveDate();
  }

  public List<ChildExecution> childExecutions() {
    return record.children().stream().map(ChildExecution::new).toList();
  }

  @Override
  public String toString() {
    return "MapRun[" + arn() + ", " + status() + "]";
  }
}
