package io.asl4j.runtime.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.asl4j.runtime.ExecutionStatus;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One Map Run: what one attempt of a distributed Map state started (a Retry starts another), its
 * settings, its child executions and their counts in AWS's {@code DescribeMapRun} terms.
 *
 * <p>The loop's thread changes it; any thread may read it (every read and change holds its lock).
 */
public final class MapRunRecord {
  private final String arn;
  private final String executionArn;
  private final String stateName;
  private final String label;
  private final String stateMachineArn;
  private final String childArnPrefix;

  /** The role its children's {@code ExecutionStarted} events name: the parent's. */
  private final String roleArn;

  private final boolean express;
  private final int maxConcurrency;
  private final int toleratedFailureCount;
  private final BigDecimal toleratedFailurePercentage;
  private final long startMillis;
  private long stopMillis = -1;

  /** RUNNING, SUCCEEDED, FAILED or ABORTED: the public {@code MapRun.Status} of the same name. */
  private ExecutionStatus status = ExecutionStatus.RUNNING;

  private String error;
  private String cause;
  private final List<ChildRun> children = new ArrayList<>();

  /**
   * Whether its items are known ({@link #planned(int, long)}): a redriven Map Run keeps its counts.
   */
  private boolean planned;

  private int redriveCount;
  private long redriveMillis = -1;

  /**
   * Items and executions per status: the indices are {@link #PENDING} ... {@link #RESULTS_WRITTEN}.
   */
  private final long[] items = new long[8];

  private final long[] executions = new long[8];

  private static final int PENDING = 0;
  private static final int RUNNING = 1;
  private static final int SUCCEEDED = 2;
  private static final int FAILED = 3;
  private static final int TIMED_OUT = 4;
  private static final int ABORTED = 5;
  private static final int TOTAL = 6;
  private static final int RESULTS_WRITTEN = 7;

  MapRunRecord(
      RunSetup setup,
      String stateName,
      String label,
      int ordinal,
      boolean express,
      int maxConcurrency,
      int toleratedFailureCount,
      BigDecimal toleratedFailurePercentage,
      long startMillis) {
    this.executionArn = setup.executionArn();
    this.roleArn = setup.roleArn();
    this.stateName = stateName;
    // Without a Label AWS names the Map Run by a generated string, the same for every run of the
    // state.
    this.label = label != null ? label : uuid(executionArn + "/label/" + stateName);
    String base = "arn:aws:states:" + setup.region() + ":" + setup.account() + ":";
    this.arn =
        base
            + "mapRun:"
            + setup.machineName()
            + "/"
            + this.label
            + ":"
            + uuid(executionArn + "/mapRun/" + ordinal);
    this.stateMachineArn = base + "stateMachine:" + setup.machineName() + "/" + this.label;
    this.childArnPrefix = base + "execution:" + setup.machineName() + "/" + this.label;
    this.express = express;
    this.maxConcurrency = maxConcurrency;
    this.toleratedFailureCount = toleratedFailureCount;
    this.toleratedFailurePercentage = toleratedFailurePercentage;
    this.startMillis = startMillis;
  }

  /**
   * A name-based (version 3) UUID of {@code text}: AWS's Map Run ids and child names have this
   * form, and deriving them spares the execution's random generator (seeded runs stay as they
   * were).
   */
  static String uuid(String text) {
    return UUID.nameUUIDFromBytes(text.getBytes(StandardCharsets.UTF_8)).toString();
  }

  /** {@code arn:aws:states:<region>:<account>:mapRun:<machine>/<label>:<id>}. */
  public String arn() {
    return arn;
  }

  /** The id part of the ARN: the folder AWS's ResultWriter writes into. */
  String id() {
    return arn.substring(arn.lastIndexOf(':') + 1);
  }

  public String executionArn() {
    return executionArn;
  }

  public String stateName() {
    return stateName;
  }

  public String label() {
    return label;
  }

  public String stateMachineArn() {
    return stateMachineArn;
  }

  String childArnPrefix() {
    return childArnPrefix;
  }

  String roleArn() {
    return roleArn;
  }

  public boolean express() {
    return express;
  }

  public int maxConcurrency() {
    return maxConcurrency;
  }

  public int toleratedFailureCount() {
    return toleratedFailureCount;
  }

  public BigDecimal toleratedFailurePercentage() {
    return toleratedFailurePercentage;
  }

  public Instant startDate() {
    return Instant.ofEpochMilli(startMillis);
  }

  public synchronized Instant stopDate() {
    return stopMillis < 0 ? null : Instant.ofEpochMilli(stopMillis);
  }

  /** RUNNING, SUCCEEDED, FAILED or ABORTED. */
  public synchronized ExecutionStatus status() {
    return status;
  }

  /** The error of a failed Map Run ({@code MapRunFailed}), else null. */
  public synchronized String error() {
    return error;
  }

  public synchronized String cause() {
    return cause;
  }

  /** The children started so far, in start order (which is index order). */
  public synchronized List<ChildRun> children() {
    return List.copyOf(children);
  }

  /**
   * Items per status: pending, running, succeeded, failed, timed out, aborted, total and results
   * written, in that order (the public {@code MapRun.Counts}).
   */
  public synchronized long[] itemCounts() {
    return items.clone();
  }

  /** Child executions per status, in the order of {@link #itemCounts()}. */
  public synchronized long[] executionCounts() {
    return executions.clone();
  }

  /**
   * The items are known (read or batched): {@code executions} children for {@code itemCount} items,
   * all pending.
   */
  synchronized boolean planned() {
    return planned;
  }

  synchronized void planned(int executionCount, long itemCount) {
    planned = true;
    executions[TOTAL] = executionCount;
    executions[PENDING] = executionCount;
    items[TOTAL] = itemCount;
    items[PENDING] = itemCount;
  }

  synchronized ChildRun startChild(int index, int itemCount, JsonNode input, long nowMillis) {
    ChildRun child = new ChildRun(this, index, itemCount, input, nowMillis);
    children.add(child);
    move(child, PENDING, RUNNING);
    return child;
  }

  /**
   * Its parent was redriven (AWS's MapRunRedriven): it runs again, for its unsuccessful children
   * only. Returns its redrive count.
   */
  synchronized int redrive(long nowMillis) {
    status = ExecutionStatus.RUNNING;
    error = null;
    cause = null;
    stopMillis = -1;
    redriveMillis = nowMillis;
    return ++redriveCount;
  }

  public synchronized int redriveCount() {
    return redriveCount;
  }

  /** When it was last redriven, or null. */
  public synchronized Instant redriveDate() {
    return redriveMillis < 0 ? null : Instant.ofEpochMilli(redriveMillis);
  }

  /** A redriven child counts as running again. */
  synchronized void childRedriven(ChildRun child, ExecutionStatus ended) {
    move(child, bucket(ended), RUNNING);
  }

  /**
   * Starts item {@code index} again as a new child execution, in place of the one that did not
   * succeed: AWS reruns a redriven Map Run's Express children with StartExecution.
   */
  synchronized ChildRun restartChild(int index, int itemCount, JsonNode input, long nowMillis) {
    ChildRun earlier = children.get(index);
    ChildRun child = new ChildRun(this, index, itemCount, input, nowMillis, redriveCount);
    children.set(index, child);
    move(earlier, bucket(earlier.status()), RUNNING);
    return child;
  }

  private static int bucket(ExecutionStatus status) {
    return switch (status) {
      case SUCCEEDED -> SUCCEEDED;
      case FAILED -> FAILED;
      case TIMED_OUT -> TIMED_OUT;
      case RUNNING -> RUNNING;
      default -> ABORTED;
    };
  }

  /** Called by a child as it ends. */
  synchronized void childEnded(ChildRun child, ExecutionStatus ended) {
    move(child, RUNNING, bucket(ended));
  }

  private void move(ChildRun child, int from, int to) {
    executions[from]--;
    executions[to]++;
    items[from] -= child.items();
    items[to] += child.items();
  }

  /** The ResultWriter wrote {@code written} children's results. */
  synchronized void resultsWritten(List<ChildRun> written) {
    for (ChildRun child : written) {
      executions[RESULTS_WRITTEN]++;
      items[RESULTS_WRITTEN] += child.items();
    }
  }

  void succeeded(long nowMillis) {
    end(ExecutionStatus.SUCCEEDED, null, null, nowMillis);
  }

  void failed(String failedError, String failedCause, long nowMillis) {
    end(ExecutionStatus.FAILED, failedError, failedCause, nowMillis);
  }

  /** Its execution ended: a Map Run cannot outlive it. */
  void abort(long nowMillis) {
    end(ExecutionStatus.ABORTED, null, null, nowMillis);
  }

  /**
   * The Map Run ends: children still running are aborted (their histories end in {@code
   * ExecutionAborted}); children never started stay pending, as AWS reports them.
   */
  private void end(ExecutionStatus ended, String endError, String endCause, long nowMillis) {
    List<ChildRun> running;
    synchronized (this) {
      if (status != ExecutionStatus.RUNNING) {
        return;
      }
      status = ended;
      error = endError;
      cause = endCause;
      stopMillis = nowMillis;
      running = children.stream().filter(c -> c.status() == ExecutionStatus.RUNNING).toList();
    }
    for (ChildRun child : running) {
      child.abort(nowMillis);
    }
  }

  @Override
  public synchronized String toString() {
    return "MapRun[" + arn + ", " + status + "]";
  }
}
