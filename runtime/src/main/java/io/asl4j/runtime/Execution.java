package io.asl4j.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.asl4j.runtime.internal.engine.ExecutionRun;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One execution of a {@link LocalStateMachine}. It runs when {@link #await()}ed, on its own
 * deterministic event loop; a waiting execution holds no thread.
 */
public final class Execution {
  private final ExecutionRun run;

  /** Held by the thread running the execution's loop. */
  private final java.util.concurrent.locks.ReentrantLock loop =
      new java.util.concurrent.locks.ReentrantLock();

  Execution(ExecutionRun run) {
    this.run = run;
  }

  /**
   * Runs the execution until it ends, and returns it. On a virtual clock time jumps ahead whenever
   * nothing can run, also past a callback nobody has answered: to the task's {@code
   * TimeoutSeconds}, else to the execution's own limit (a year, or 5 minutes for Express). To
   * answer a callback, stop at it with {@link #runUntilWaiting()} first. On the real clock, a
   * waiting execution sleeps until a completion arrives from another thread or a timer is due.
   */
  public Execution await() {
    loop.lock();
    try {
      run.runToCompletion();
    } finally {
      loop.unlock();
    }
    return this;
  }

  /**
   * Runs until the execution ends or waits for a task completion from outside (a callback), and
   * returns it. On a virtual clock time does not move past such a wait; {@link #await()} would move
   * it on (firing {@code TimeoutSeconds}/{@code HeartbeatSeconds}). On the real clock timers
   * already due fire first; {@link #realMillisToNextTimer()} says when to run it again.
   */
  public Execution runUntilWaiting() {
    loop.lock();
    try {
      run.runUntilWaiting();
    } finally {
      loop.unlock();
    }
    return this;
  }

  /**
   * On the real clock, the real milliseconds until the execution's next timer (a Wait, a retry's
   * back-off, a {@code TimeoutSeconds} or {@code HeartbeatSeconds}) is due, 0 when it is; -1 on a
   * virtual clock or when none is set. A caller that lets a waiting execution go (after {@link
   * #runUntilWaiting()}) runs it again then.
   */
  public long realMillisToNextTimer() {
    loop.lock();
    try {
      return run.realMillisToNextTimer();
    } finally {
      loop.unlock();
    }
  }

  /**
   * The task tokens of the tasks this execution is waiting on: callbacks, activities and jobs
   * ({@code .sync}) finishing later, e.g. to approve them with {@link
   * LocalStateMachine#sendTaskSuccess}.
   */
  public List<String> waitingTaskTokens() {
    return run.waitingTaskTokens();
  }

  /**
   * Stops the execution, from any thread, also while another thread runs it: when this returns its
   * status is {@code ABORTED} with {@code error} and {@code cause} (unless it had already ended,
   * which a stop leaves as it is), callbacks to its tasks are refused with {@code TaskTimedOut},
   * and it enters no further state. A handler running at that moment completes, and its result is
   * discarded.
   */
  public void stop(String error, String cause) {
    run.stop(error, cause);
  }

  /**
   * Restarts this failed, aborted or timed-out execution from its unsuccessful states, as AWS's
   * {@code RedriveExecution} does, now on its clock (a virtual clock stands where the execution
   * ended); it runs when awaited. The state it ended in is entered again with the input it first
   * received, its retries counted from 0; states that exited do not run again. Inside a Parallel or
   * inline Map only the branches and iterations that did not succeed run again, each from its own
   * unsuccessful state; a distributed Map's Map Run is redriven ({@code MapRunRedriven}) and runs
   * only its unsuccessful children: Standard ones are redriven, Express ones started again. The
   * history goes on with {@code ExecutionRedriven}, the ARN stays, and {@link #redriveCount()} and
   * {@code $$.Execution.RedriveCount} count the redrives.
   *
   * <pre>{@code
   * Execution execution = machine.run(order);   // FAILED in "Charge": the card service was down
   * cardService.recover();
   * execution.redrive().await();                // "Charge" runs again with the input it had
   * }</pre>
   *
   * @throws RedriveExecutionException as AWS refuses it: {@code ExecutionNotRedrivable} for an
   *     execution still running or that succeeded, more than 14 days after it ended, a year after
   *     it started, or with 24,999 history events or more; {@code InvalidArn} for an Express one
   */
  public Execution redrive() {
    return redrive(null);
  }

  /**
   * As {@link #redrive()}, at {@code when} on the execution's virtual clock, which moves on to it:
   * e.g. to check that a redrive 15 days after the failure is refused.
   *
   * @throws IllegalArgumentException when {@code when} is before the execution ended
   * @throws IllegalStateException on the real clock, which cannot be moved
   */
  public Execution redriveAt(java.time.Instant when) {
    java.util.Objects.requireNonNull(when, "when == null");
    if (!run.virtualClock()) {
      throw new IllegalStateException(
          "redriveAt("
              + when
              + "): "
              + arn()
              + " runs on the real clock, which cannot be moved; use redrive()");
    }
    java.time.Instant ended = run.stopDate();
    if (ended != null && when.isBefore(ended)) {
      throw new IllegalArgumentException(
          "redriveAt("
              + when
              + "): the execution ended at "
              + ended
              + "; a redrive comes after its end");
    }
    return redrive(when);
  }

  private Execution redrive(java.time.Instant when) {
    if (!loop.tryLock()) {
      throw run.redriveRefusedWhileRunning(); // another thread is running it
    }
    try {
      run.redrive(when == null ? null : when.toEpochMilli());
    } finally {
      loop.unlock();
    }
    return this;
  }

  /**
   * How often this execution was redriven (AWS's {@code redriveCount}); 0 for Express executions.
   */
  public int redriveCount() {
    return run.redriveCount();
  }

  /** When this execution was last redriven ({@code redriveDate}), or null. */
  public java.time.Instant redriveDate() {
    return run.redriveDate();
  }

  /**
   * Whether {@link #redrive()} would restart it now, on its clock ({@code redriveStatus}); null for
   * Express executions, which AWS does not describe.
   */
  public RedriveStatus redriveStatus() {
    if (run.express()) {
      return null;
    }
    return run.redriveStatusReason() == null
        ? RedriveStatus.REDRIVABLE
        : RedriveStatus.NOT_REDRIVABLE;
  }

  /**
   * Why it cannot be redriven now, in AWS's words (e.g. {@code "Execution is SUCCEEDED and cannot
   * be redriven"}), or null when it can.
   */
  public String redriveStatusReason() {
    return run.redriveStatusReason();
  }

  /** When it ended (its last end, for a redriven execution), or null while it runs. */
  public java.time.Instant stopDate() {
    return run.stopDate();
  }

  public String arn() {
    return run.executionArn();
  }

  public ExecutionStatus status() {
    return run.status();
  }

  /** The execution's input, as started ({@code null} input starts as JSON {@code null}). */
  public JsonNode input() {
    return run.input();
  }

  /** The output of a {@code SUCCEEDED} execution, else {@code null}. */
  public JsonNode output() {
    return run.output();
  }

  /** The error name of a failed, timed-out or aborted execution, else {@code null}. */
  public String error() {
    return run.error();
  }

  /** The cause of a failed, timed-out or aborted execution, else {@code null}. */
  public String cause() {
    return run.cause();
  }

  /** The history so far, AWS-shaped. */
  public List<HistoryEvent> history() {
    return run.history();
  }

  /**
   * The Map Runs of this execution's distributed Map states, in the order they started (a Map
   * retried by its {@code Retry} starts a new one). Each holds its child executions with their own
   * histories; this execution's history shows only the {@code MapRun*} events.
   */
  public List<MapRun> mapRuns() {
    return run.mapRuns().stream().map(MapRun::new).toList();
  }

  /**
   * The exceptions Java task handlers threw, in order, with their stack traces. Each failed its
   * task attempt as AWS's Java Lambda runtime reports it: the error is the class's fully qualified
   * name, the cause {@code {"errorMessage","errorType","stackTrace"}}.
   */
  public List<Throwable> taskExceptions() {
    return run.taskExceptions();
  }

  /** The names of the states entered, in order. */
  public List<String> statesEntered() {
    return history().stream()
        .filter(e -> e.type().endsWith("StateEntered"))
        .map(HistoryEvent::stateName)
        .collect(Collectors.toList());
  }

  @Override
  public String toString() {
    return "Execution[" + arn() + ", " + status() + "]";
  }
}
