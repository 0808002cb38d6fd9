package io.asl4j.runtime.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.asl4j.runtime.ActivityTask;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * Activity tasks scheduled and not yet taken, per activity ARN, across the executions of one
 * machine. Workers on any thread take them in order; taking one is reported to its execution.
 */
public final class ActivityQueues {
  private final Map<String, Queue<Scheduled>> queues = new ConcurrentHashMap<>();

  private record Scheduled(
      String token, JsonNode input, ExecutionRun run, Consumer<String> onStarted) {}

  void schedule(
      String activityArn,
      String token,
      JsonNode input,
      ExecutionRun run,
      Consumer<String> onStarted) {
    queues
        .computeIfAbsent(activityArn, arn -> new ConcurrentLinkedQueue<>())
        .add(new Scheduled(token, input, run, onStarted));
  }

  /**
   * The next task of {@code activityArn} still waiting, if any, taken by {@code workerName}. Tasks
   * that ended before a worker came (timed out, their execution stopped or over) are dropped: AWS
   * hands out only tasks a running execution waits for.
   */
  public Optional<ActivityTask> take(String activityArn, String workerName) {
    Queue<Scheduled> queue = queues.get(activityArn);
    if (queue == null) {
      return Optional.empty();
    }
    Scheduled polled;
    do {
      polled = queue.poll();
    } while (polled != null && !polled.run().waitingTokens().contains(polled.token()));
    if (polled == null) {
      return Optional.empty();
    }
    Scheduled next = polled;
    next.run().deliver(() -> next.onStarted().accept(workerName));
    return Optional.of(new ActivityTask(next.token(), next.input()));
  }
}
