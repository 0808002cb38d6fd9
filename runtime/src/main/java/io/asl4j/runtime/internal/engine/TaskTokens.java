package io.asl4j.runtime.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.asl4j.runtime.TaskCompletion;
import io.asl4j.runtime.TaskTokenException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tasks waiting for a completion, by token, across all executions of one machine. Completions
 * may come from any thread: they are handed to the waiting execution's inbox and applied by its own
 * event loop, so an execution's state is only ever touched by one thread at a time. (Ending an
 * execution — a stop from any thread — touches only what is safe from any thread: its status, its
 * history, and its tasks here.)
 */
public final class TaskTokens {
  /**
   * Every token handed out, by token: its {@link Waiting} task, or {@link #ENDED} once the task
   * ended (completed, timed out, its execution over). One map, so that a token moves from waiting
   * to ended in one step: a second completion racing the first is refused as ended, never as
   * unknown.
   */
  private final Map<String, Object> tasks = new ConcurrentHashMap<>();

  private static final Object ENDED = new Object();

  /** What a completion does, run on the waiting execution's loop. */
  interface Outcome {
    void succeeded(JsonNode output);

    void failed(String error, String cause);

    void heartbeat();
  }

  private record Waiting(ExecutionRun run, Outcome outcome) {}

  /**
   * Registers a waiting task; its completion is delivered to {@code run}. When {@code run} has
   * ended meanwhile (stopped from another thread), the task ends at once.
   *
   * @throws IllegalStateException if the token was handed out before: sharing it would hand one
   *     task's callback to the other and leave the first waiting forever
   */
  TaskCompletion register(String token, ExecutionRun run, Outcome outcome) {
    if (tasks.putIfAbsent(token, new Waiting(run, outcome)) != null) {
      throw new IllegalStateException("the task token " + token + " was handed out before");
    }
    if (!run.waitingTokens().add(token)) {
      end(token);
    }
    return new Handle(token);
  }

  /**
   * The task ended without a completion (timed out, execution over): later callbacks are refused.
   */
  void end(String token) {
    Object task = tasks.get(token);
    if (task instanceof Waiting w && tasks.replace(token, w, ENDED)) {
      w.run().waitingTokens().remove(token);
    }
  }

  /** Ends every task still waiting in {@code run}, which ended. */
  void endAll(ExecutionRun run) {
    for (String token : run.waitingTokens().close()) {
      end(token);
    }
  }

  /** AWS's limits on a task token, in characters. */
  static final int MAX_TOKEN_LENGTH = 1024;

  /** AWS's limits on SendTaskFailure's error and cause, in characters. */
  static final int MAX_ERROR_LENGTH = 256;

  static final int MAX_CAUSE_LENGTH = 32_768;

  /**
   * What the SendTask* APIs check before looking for the task: a token of 1 to 1,024 characters, an
   * output within the payload limit, an error of at most 256 and a cause of at most 32,768
   * characters. AWS answers {@code ValidationException}; the task goes on waiting.
   */
  public static void checkRequest(String token, JsonNode output, String error, String cause) {
    if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
      throw invalid(
          "Value '"
              + token
              + "' at 'taskToken' failed to satisfy constraint: Member must have length "
              + (token == null || token.isEmpty()
                  ? "greater than or equal to 1"
                  : "less than or equal to " + MAX_TOKEN_LENGTH));
    }
    if (output != null && JsonSize.exceeds(output, ExecutionRun.PAYLOAD_LIMIT_BYTES)) {
      throw invalid(
          "Value at 'output' failed to satisfy constraint: Member must have length less than or equal to "
              + ExecutionRun.PAYLOAD_LIMIT_BYTES);
    }
    if (error != null && error.length() > MAX_ERROR_LENGTH) {
      throw invalid(
          "Value at 'error' failed to satisfy constraint: Member must have length less than or equal to "
              + MAX_ERROR_LENGTH);
    }
    if (cause != null && cause.length() > MAX_CAUSE_LENGTH) {
      throw invalid(
          "Value at 'cause' failed to satisfy constraint: Member must have length less than or equal to "
              + MAX_CAUSE_LENGTH);
    }
  }

  private static TaskTokenException invalid(String constraint) {
    return new TaskTokenException(
        "ValidationException", "1 validation error detected: " + constraint);
  }

  public void succeed(String token, JsonNode output) {
    Waiting w = take(token);
    w.run().deliver(() -> w.outcome().succeeded(output));
  }

  public void fail(String token, String error, String cause) {
    Waiting w = take(token);
    w.run().deliver(() -> w.outcome().failed(error, cause));
  }

  public void heartbeat(String token) {
    Object task = tasks.get(token);
    if (!(task instanceof Waiting w)) {
      throw refused(token, task);
    }
    w.run().deliver(() -> w.outcome().heartbeat());
  }

  /** Ends the waiting task of {@code token} for its completion; exactly one completion gets it. */
  private Waiting take(String token) {
    Object task = tasks.get(token);
    if (!(task instanceof Waiting w) || !tasks.replace(token, w, ENDED)) {
      throw refused(token, task instanceof Waiting ? ENDED : task);
    }
    w.run().waitingTokens().remove(token);
    return w;
  }

  private static TaskTokenException refused(String token, Object task) {
    if (task == ENDED) {
      return new TaskTokenException(
          "TaskTimedOut", "Task Timed Out: 'Provided task does not exist anymore'");
    }
    return new TaskTokenException("TaskDoesNotExist", "Task does not exist: '" + token + "'");
  }

  /** The completion handle of one waiting task. */
  private final class Handle implements TaskCompletion {
    private final String token;

    Handle(String token) {
      this.token = token;
    }

    @Override
    public String token() {
      return token;
    }

    @Override
    public void succeed(JsonNode output) {
      TaskTokens.this.succeed(token, output);
    }

    @Override
    public void fail(String error, String cause) {
      TaskTokens.this.fail(token, error, cause);
    }

    @Override
    public void heartbeat() {
      TaskTokens.this.heartbeat(token);
    }
  }
}
