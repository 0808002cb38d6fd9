package io.asl4j.runtime;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A task that finishes later: a {@code .waitForTaskToken} callback, or a {@code .sync} job a
 * handler reports as still running ({@link TaskContext#completeLater()}). Any thread may complete
 * it; the first completion wins.
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
  /** The task token ({@code $$.Task.Token} for callbacks). */
  String token();

  /** Completes the task with {@code output} as its result. */
  void succeed(JsonNode output);

  /** Fails the task with this error name and cause (either may be {@code null}). */
  void fail(String error, String cause);

  /** Reports that the task is alive, restarting its {@code HeartbeatSeconds} timer. */
  void heartbeat();
}
