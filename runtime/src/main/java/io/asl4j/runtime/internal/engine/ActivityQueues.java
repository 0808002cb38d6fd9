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

  private record Scheduled(String token, JsonNode input, ExecutionRun run, Consumer<String> onStarted) {}

  void schedule(String activityArn, String token, JsonNode input, ExecutionRun run, Consumer<String> onStarted) {
    queues.computeIfAbsent(activityArn, arn -> new ConcurrentLinkedQueue<>())
        .add(new Scheduled(token, input, run, onStarted));
  }

  /** The next task of {@code activityArn}, if any, taken by {@code workerName}. */
  public Optional<ActivityTask> take(String activityArn, String workerName) {
    Queue<Scheduled> queue = queues.get(activityArn);
    Scheduled next = queue == null ? null : queue.poll();
    if (next == null) {
      return Optional.empty();
    }
    next.run().deliver(() -> next.onStarted().accept(workerName));
    return Optional.of(new ActivityTask(next.token(), next.input()));
  }
}
