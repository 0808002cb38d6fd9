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

  /** Registers a waiting task; its completion is delivered to {@code run}. */
  TaskCompletion register(String token, ExecutionRun run, Outcome outcome) {
    run.waitingTokens(true).add(token); // before the token can be found below
    waiting.put(token, new Waiting(run, outcome));
    return new Handle(token);
  }

  /** The task ended without a completion (timed out, execution over): later callbacks are refused. */
  void end(String token) {
    Waiting w = waiting.remove(token);
    if (w != null) {
      ended.put(token, Boolean.TRUE);
      w.run().waitingTokens(false).remove(token);
    }
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
    w.run().waitingTokens(false).remove(token);
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

  /**
   * Every token whose task is still waiting in {@code run}, sorted. Read off the run's own set:
   * scanning every waiting token of the machine made each execution's end cost as much as the
   * executions parked beside it.
   */
  java.util.List<String> waitingIn(ExecutionRun run) {
    java.util.Set<String> mine = run.waitingTokens(false);
    if (mine.isEmpty()) {
      return java.util.List.of();
    }
    java.util.List<String> tokens = new java.util.ArrayList<>();
    for (String token : mine) {
      Waiting w = waiting.get(token);
      if (w != null && w.run() == run) {
        tokens.add(token);
      }
    }
    java.util.Collections.sort(tokens);
    return tokens;
  }
}
