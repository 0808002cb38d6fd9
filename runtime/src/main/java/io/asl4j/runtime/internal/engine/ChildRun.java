package io.asl4j.runtime.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asl4j.runtime.ExecutionStatus;
import java.time.Instant;

/**
 * One child execution of a distributed Map's Map Run: one item, or one batch with an {@code
 * ItemBatcher}. It runs on its parent's event loop (its frames belong to the parent's run) but
 * keeps a history, a status and a result of its own, as AWS's child workflow executions do.
 *
 * <p>Its name and ARN are derived from the Map Run's ARN and the child's index when first asked
 * for: most runs never read them, and 10,000 children would otherwise hold 10,000 pairs of strings.
 */
public final class ChildRun extends RecordedExecution {
  /** Most children record ExecutionStarted, one state's two events and their end. */
  private static final int EXPECTED_EVENTS = 6;

  private final MapRunRecord mapRun;
  private final int index;
  private final int items;
  private final JsonNode input;
  private final long startMillis;
  private String name;
  private String arn;

  /** The 5-minute limit of an Express child, cancelled when it ends first. */
  Scheduler.Timer limit;

  /**
   * Which start of its item this child is: 0, or the Map Run's redrive that started it again (an
   * Express child is rerun as a new execution, with a run id of its own).
   */
  private final int generation;

  ChildRun(MapRunRecord mapRun, int index, int items, JsonNode input, long startMillis) {
    this(mapRun, index, items, input, startMillis, 0);
  }

  ChildRun(
      MapRunRecord mapRun, int index, int items, JsonNode input, long startMillis, int generation) {
    super(EXPECTED_EVENTS);
    this.generation = generation;
    this.mapRun = mapRun;
    this.index = index;
    this.items = items;
    this.input = input;
    this.startMillis = startMillis;
  }

  /** The position of this child's item (or batch) among the Map Run's. */
  public int index() {
    return index;
  }

  /** How many items this child processes: 1, or the size of its batch. */
  public int items() {
    return items;
  }

  /** A name-based UUID, as AWS names child executions, reproducible from the Map Run's ARN. */
  public synchronized String name() {
    if (name == null) {
      name = MapRunRecord.uuid(mapRun.arn() + "/" + index);
    }
    return name;
  }

  /**
   * {@code arn:aws:states:<region>:<account>:execution:<machine>/<label>:<name>}, or for Express
   * children {@code ...:express:<machine>/<label>:<name>:<run id>}.
   */
  public synchronized String arn() {
    if (arn == null) {
      String standard = mapRun.childArnPrefix() + ":" + name();
      arn =
          mapRun.express()
              ? standard.replaceFirst(":execution:", ":express:")
                  + ":"
                  + MapRunRecord.uuid(standard + "/run" + (generation == 0 ? "" : "/" + generation))
              : standard;
    }
    return arn;
  }

  /** The Map Run's state machine: {@code ...:stateMachine:<machine>/<label>}. */
  public String stateMachineArn() {
    return mapRun.stateMachineArn();
  }

  public boolean express() {
    return mapRun.express();
  }

  public JsonNode input() {
    return input;
  }

  public Instant startDate() {
    return Instant.ofEpochMilli(startMillis);
  }

  History events() {
    return history;
  }

  /**
   * Its Map Run was redriven and this Standard child did not succeed: it runs again, its history
   * going on with {@code ExecutionRedriven}, whose id this returns.
   */
  long redrive(long nowMillis) {
    ExecutionStatus ended = status();
    int count = reopen(nowMillis);
    mapRun.childRedriven(this, ended);
    return history.record(
        history.lastId(),
        nowMillis,
        "ExecutionRedriven",
        () -> {
          ObjectNode d = ExecutionRun.NODES.objectNode();
          d.put("redriveCount", count);
          return d;
        });
  }

  /** See {@link io.asl4j.runtime.ChildExecution#redriveStatus()}. */
  public io.asl4j.runtime.RedriveStatus redriveStatus() {
    ExecutionStatus now = status();
    return now == ExecutionStatus.SUCCEEDED || now == ExecutionStatus.RUNNING
        ? io.asl4j.runtime.RedriveStatus.NOT_REDRIVABLE
        : io.asl4j.runtime.RedriveStatus.REDRIVABLE_BY_MAP_RUN;
  }

  /** Records {@code ExecutionStarted} with the child's input, as the parent records its own. */
  void started() {
    recordStarted(input, startMillis);
  }

  @Override
  String roleArn() {
    return mapRun.roleArn();
  }

  /**
   * Ends the child as its processor ended: {@code ExecutionSucceeded} or {@code ExecutionFailed}
   * chained to {@code previous}. False when it had already ended (aborted or timed out).
   */
  boolean end(GraphOutcome outcome, long previous, long nowMillis) {
    return finish(
        outcome.failed() ? ExecutionStatus.FAILED : ExecutionStatus.SUCCEEDED,
        outcome.output(),
        outcome.error(),
        outcome.cause(),
        endEvent(outcome),
        endDetails(outcome),
        previous,
        nowMillis);
  }

  /**
   * Stops a running child because its Map Run or its parent ended: {@code ExecutionAborted}. From
   * any thread: a stop of the parent aborts its children from the stopping thread.
   */
  boolean abort(long nowMillis) {
    return finish(
        ExecutionStatus.ABORTED, null, null, null, "ExecutionAborted", null, -1, nowMillis);
  }

  /**
   * An Express child reached its 5-minute limit: {@code ExecutionTimedOut}, {@code States.Timeout}.
   */
  boolean timeOut(long nowMillis) {
    ObjectNode d = HistoryDetails.errorAndCause("States.Timeout", null);
    return finish(
        ExecutionStatus.TIMED_OUT,
        null,
        "States.Timeout",
        null,
        "ExecutionTimedOut",
        () -> d,
        -1,
        nowMillis);
  }

  /**
   * Ends the child unless something ended it first: its loop (its processor's end, its time limit)
   * and an abort from another thread race for it, and exactly one records the last event.
   */
  private boolean finish(
      ExecutionStatus newStatus,
      JsonNode newOutput,
      String newError,
      String newCause,
      String type,
      java.util.function.Supplier<ObjectNode> details,
      long previous,
      long nowMillis) {
    if (!claimEnd()) {
      return false;
    }
    Scheduler.Timer timer = limit;
    if (timer != null) {
      timer.cancel(); // from another thread the loop may still fire it; the child has ended then
    }
    ended(newStatus, newOutput, newError, newCause, type, details, previous, nowMillis);
    mapRun.childEnded(this, newStatus);
    return true;
  }

  @Override
  public String toString() {
    return "ChildRun[" + index + ", " + status() + "]";
  }
}
