package io.asl4j.runtime;

import java.time.Duration;
import java.time.Instant;

/** What a {@link TaskHandler} knows about the call it is handling. */
public interface TaskContext {
  /** The execution's ARN. */
  String executionArn();

  /** The name of the Task state. */
  String stateName();

  /**
   * The Task's {@code Resource}; a service integration in the form handlers and fakes are
   * registered by, {@code arn:aws:states:::<service>:<action>[.suffix]}, whatever partition, region
   * and account the definition writes it with.
   */
  String resource();

  /** How many times this state has been retried before this attempt (0 on the first). */
  int retryCount();

  /** The task token ({@code $$.Task.Token}) for callback tasks, else {@code null}. */
  String taskToken();

  /** The current time on the execution's clock. */
  Instant now();

  /**
   * Declares that this call takes {@code duration} of (virtual) time: the result is delivered that
   * much later, so {@code TimeoutSeconds} can fire first. Defaults to no time at all.
   */
  void simulateDuration(Duration duration);

  /**
   * Says the task finishes later: a {@code .sync} job still running, say. The state waits (holding
   * no thread) until the returned handle is completed, from any thread, or its {@code
   * TimeoutSeconds}/{@code HeartbeatSeconds} run out. For {@code .waitForTaskToken} tasks this is
   * the handle of {@link #taskToken()}, also completed by {@link
   * LocalStateMachine#sendTaskSuccess}. The value the handler returns is recorded as the
   * submission's response.
   */
  TaskCompletion completeLater();

  /**
   * Reports the HTTP exchange of an {@code http:invoke} task, for TestState's {@code TRACE}
   * inspection data ({@code request} and {@code response}): {@code request} without what an
   * EventBridge connection added (its secrets), {@code requestWithSecrets} as sent, shown only with
   * {@code revealSecrets}. Outside TestState it is not kept.
   */
  default void recordHttpExchange(
      com.fasterxml.jackson.databind.JsonNode request,
      com.fasterxml.jackson.databind.JsonNode requestWithSecrets,
      com.fasterxml.jackson.databind.JsonNode response) {}
}
