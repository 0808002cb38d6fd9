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
  private final String arn;

  Execution(ExecutionRun run, String arn) {
    this.run = run;
    this.arn = arn;
  }

  /** Runs the execution until it ends, and returns it. */
  public synchronized Execution await() {
    run.runToCompletion();
    return this;
  }

  /** Stops the execution: its status becomes {@code ABORTED}. */
  public synchronized void stop(String error, String cause) {
    run.stop(error, cause);
  }

  public String arn() {
    return arn;
  }

  public synchronized ExecutionStatus status() {
    return run.status();
  }

  /** The output of a {@code SUCCEEDED} execution, else {@code null}. */
  public synchronized JsonNode output() {
    return run.output();
  }

  /** The error name of a failed, timed-out or aborted execution, else {@code null}. */
  public synchronized String error() {
    return run.error();
  }

  /** The cause of a failed, timed-out or aborted execution, else {@code null}. */
  public synchronized String cause() {
    return run.cause();
  }

  /** The history so far, AWS-shaped. */
  public synchronized List<HistoryEvent> history() {
    return run.history();
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
    return "Execution[" + arn + ", " + status() + "]";
  }
}
