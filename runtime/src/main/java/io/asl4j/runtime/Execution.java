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
  private final java.util.concurrent.locks.ReentrantLock loop = new java.util.concurrent.locks.ReentrantLock();

  Execution(ExecutionRun run) {
    this.run = run;
  }

  /**
   * Runs the execution until it ends, and returns it. On a virtual clock time jumps ahead whenever
   * nothing can run, also past a callback nobody has answered: to the task's {@code
   * TimeoutSeconds}, else to the execution's own limit (a year, or 5 minutes for Express). To answer
   * a callback, stop at it with {@link #runUntilWaiting()} first. On the real clock, a waiting
   * execution sleeps until a completion arrives from another thread or a timer is due.
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
   * returns it. Time does not move past such a wait; {@link #await()} would move it on (firing
   * {@code TimeoutSeconds}/{@code HeartbeatSeconds}).
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
   * The task tokens of the tasks this execution is waiting on: callbacks, activities and jobs
   * ({@code .sync}) finishing later, e.g. to approve them with {@link
   * LocalStateMachine#sendTaskSuccess}.
   */
  public List<String> waitingTaskTokens() {
    return run.waitingTaskTokens();
  }

  /**
   * Stops the execution, from any thread, also while another thread runs it: when this returns
   * its status is {@code ABORTED} with {@code error} and {@code cause} (unless it had already
   * ended, which a stop leaves as it is), callbacks to its tasks are refused with {@code
   * TaskTimedOut}, and it enters no further state. A handler running at that moment completes, and
   * its result is discarded.
   */
  public void stop(String error, String cause) {
    run.stop(error, cause);
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
