package io.asl4j.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.asl4j.runtime.internal.engine.ChildRun;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One child execution of a {@link MapRun}: the run of a distributed Map's item processor for one
 * item, or one batch with an {@code ItemBatcher} (then its input is {@code {"Items": [...]}} plus
 * {@code "BatchInput"} when set). It has its own ARN, status and history, from {@code
 * ExecutionStarted} with its input to {@code ExecutionSucceeded}, {@code ExecutionFailed}, {@code
 * ExecutionTimedOut} (an Express child past 5 minutes) or {@code ExecutionAborted} (stopped because
 * its Map Run or its parent ended). Inside it, {@code $$.Execution} and {@code $$.StateMachine}
 * describe the child, as on AWS.
 */
public final class ChildExecution {
  private final ChildRun run;

  ChildExecution(ChildRun run) {
    this.run = run;
  }

  /**
   * {@code arn:aws:states:<region>:<account>:execution:<machine>/<label>:<name>}; an Express
   * child's is {@code ...:express:<machine>/<label>:<name>:<run id>}.
   */
  public String arn() {
    return run.arn();
  }

  /** A UUID, as AWS names child executions; the same on every run of a seeded machine. */
  public String name() {
    return run.name();
  }

  /** The Map Run's state machine: {@code ...:stateMachine:<machine>/<label>}. */
  public String stateMachineArn() {
    return run.stateMachineArn();
  }

  /** The position of its item, or batch, in the Map Run (from 0). */
  public int index() {
    return run.index();
  }

  /** The item after {@code ItemSelector}, or the batch. */
  public JsonNode input() {
    return run.input();
  }

  /**
   * How often its Map Run's redrives redrove it (0 for Express children, which are started anew).
   */
  public int redriveCount() {
    return run.redriveCount();
  }

  /**
   * AWS's {@code redriveStatus} of a child: one that failed, timed out or was aborted runs again
   * when its parent is redriven ({@code REDRIVABLE_BY_MAP_RUN}; a Standard child is redriven, an
   * Express one started anew); one that succeeded or still runs is {@code NOT_REDRIVABLE}.
   */
  public RedriveStatus redriveStatus() {
    return run.redriveStatus();
  }

  public ExecutionStatus status() {
    return run.status();
  }

  /** The output of a {@code SUCCEEDED} child, else {@code null}. */
  public JsonNode output() {
    return run.output();
  }

  /** The error of a failed or timed-out child, else {@code null}. */
  public String error() {
    return run.error();
  }

  /** The cause of a failed child, else {@code null}. */
  public String cause() {
    return run.cause();
  }

  public Instant startDate() {
    return run.startDate();
  }

  /** When it ended, or {@code null} while it runs. */
  public Instant stopDate() {
    return run.stopDate();
  }

  /** Its own history, AWS-shaped, numbered from 1. */
  public List<HistoryEvent> history() {
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
    return "ChildExecution[" + arn() + ", " + status() + "]";
  }
}
