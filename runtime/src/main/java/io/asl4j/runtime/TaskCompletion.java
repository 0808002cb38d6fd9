package io.asl4j.runtime;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A task that finishes later: a {@code .waitForTaskToken} callback, or a {@code .sync} job a
 * handler reports as still running ({@link TaskContext#completeLater()}). Any thread may complete
 * it; the first completion wins, and a later one throws {@link TaskTokenException} ({@code
 * TaskTimedOut}), as AWS answers SendTaskSuccess for a task that has ended. A job's completion also
 * races {@code sendTaskSuccess} with the state's {@code $$.Task.Token}, as on AWS.
 *
 * <pre>{@code
 * TaskHandler startJob = (input, ctx) -> {
 *   TaskCompletion job = ctx.completeLater();
 *   jobs.put(input.get("JobName").asText(), job);   // a test finishes it later
 *   return input;
 * };
 * }</pre>
 */
public interface TaskCompletion {
  /** The task token ({@code $$.Task.Token} of callbacks and {@code .sync} jobs). */
  String token();

  /** Completes the task with {@code output} as its result. */
  void succeed(JsonNode output);

  /** Fails the task with this error name and cause (either may be {@code null}). */
  void fail(String error, String cause);

  /** Reports that the task is alive, restarting its {@code HeartbeatSeconds} timer. */
  void heartbeat();
}
