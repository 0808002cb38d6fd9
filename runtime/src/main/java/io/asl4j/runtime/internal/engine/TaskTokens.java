package io.asl4j.runtime.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.asl4j.runtime.TaskCompletion;
import io.asl4j.runtime.TaskTokenException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tasks waiting for a completion, by token, across all executions of one machine. Completions
 * may come from any thread: they are handed to the waiting execution's inbox and applied by its
 * own event loop, so an execution's state is only ever touched by one thread at a time.
 */
public final class TaskTokens {
  private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();
  private final Map<String, Boolean> ended = new ConcurrentHashMap<>();

  /** What a completion does, run on the waiting execution's loop. */
  interface Outcome {
    void succeeded(JsonNode output);

    void failed(String error, String cause);

    void heartbeat();
  }

  private record Waiting(ExecutionRun run, Outcome outcome) {}

  /**
   * Registers a waiting task; its completion is delivered to {@code run}.
   *
   * @throws IllegalStateException if another task waits with the same token: replacing it would
   *     hand one task's callback to the other and leave the first waiting forever
   */
  TaskCompletion register(String token, ExecutionRun run, Outcome outcome) {
    if (waiting.putIfAbsent(token, new Waiting(run, outcome)) != null) {
      throw new IllegalStateException("another task already waits with the task token " + token);
    }
    return new Handle(token);
  }

  /** The task ended without a completion (timed out, execution over): later callbacks are refused. */
  void end(String token) {
    if (waiting.remove(token) != null) {
      ended.put(token, Boolean.TRUE);
    }
  }

  /** AWS's limits on a task token, in characters. */
  static final int MAX_TOKEN_LENGTH = 1024;
  /** AWS's limits on SendTaskFailure's error and cause, in characters. */
  static final int MAX_ERROR_LENGTH = 256;
  static final int MAX_CAUSE_LENGTH = 32_768;

  /**
   * What the SendTask* APIs check before looking for the task: a token of 1 to 1,024 characters,
   * an output within the payload limit, an error of at most 256 and a cause of at most 32,768
   * characters. AWS answers {@code ValidationException}; the task goes on waiting.
   */
  public static void checkRequest(String token, JsonNode output, String error, String cause) {
    if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
      throw invalid(
          "Value '" + token + "' at 'taskToken' failed to satisfy constraint: Member must have length "
              + (token == null || token.isEmpty() ? "greater than or equal to 1" : "less than or equal to " + MAX_TOKEN_LENGTH));
    }
    if (output != null && JsonSize.exceeds(output, ExecutionRun.PAYLOAD_LIMIT_BYTES)) {
      throw invalid(
          "Value at 'output' failed to satisfy constraint: Member must have length less than or equal to "
              + ExecutionRun.PAYLOAD_LIMIT_BYTES);
    }
    if (error != null && error.length() > MAX_ERROR_LENGTH) {
      throw invalid("Value at 'error' failed to satisfy constraint: Member must have length less than or equal to " + MAX_ERROR_LENGTH);
    }
    if (cause != null && cause.length() > MAX_CAUSE_LENGTH) {
      throw invalid("Value at 'cause' failed to satisfy constraint: Member must have length less than or equal to " + MAX_CAUSE_LENGTH);
    }
  }

  private static TaskTokenException invalid(String constraint) {
    return new TaskTokenException("ValidationException", "1 validation error detected: " + constraint);
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
    Waiting w = waiting.get(token);
    if (w == null) {
      throw refused(token);
    }
    w.run().deliver(() -> w.outcome().heartbeat());
  }

  private Waiting take(String token) {
    Waiting w = waiting.remove(token);
    if (w == null) {
      throw refused(token);
    }
    ended.put(token, Boolean.TRUE);
    return w;
  }

  private TaskTokenException refused(String token) {
    if (ended.containsKey(token)) {
      return new TaskTokenException("TaskTimedOut", "Task Timed Out: 'Provided task does not exist anymore'");
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

  /** Every token whose task is still waiting in {@code run}. */
  java.util.List<String> waitingIn(ExecutionRun run) {
    java.util.List<String> tokens = new java.util.ArrayList<>();
    waiting.forEach((token, w) -> {
      if (w.run() == run) {
        tokens.add(token);
      }
    });
    java.util.Collections.sort(tokens);
    return tokens;
  }
}
