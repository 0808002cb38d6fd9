package io.asl4j.runtime;

import static io.asl4j.runtime.TestJson.START;
import static io.asl4j.runtime.TestJson.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Activity tasks: workers take them with {@link LocalStateMachine#getActivityTask}, from any
 * thread.
 */
class ActivityTaskTest {
  private static final String ACTIVITY = "arn:aws:states:us-east-1:123456789012:activity:review";

  /** One activity Task; {@code extra} adds fields to it (TimeoutSeconds, Retry). */
  private static LocalStateMachine machine(String extra) {
    return LocalStateMachine.builder(
            ("{'StartAt':'Review','States':{'Review':{'Type':'Task','Resource':'"
                    + ACTIVITY
                    + "',"
                    + extra
                    + "'End':true}}}")
                .replace('\'', '"'))
        .virtualClock(START)
        .build();
  }

  private static List<String> types(Execution execution) {
    return execution.history().stream().map(HistoryEvent::type).collect(Collectors.toList());
  }

  @Test
  void aWorkerTakesTheScheduledTaskOnceAndItsAnswerCompletesTheState() {
    LocalStateMachine machine = machine("");
    Execution execution = machine.start(json("{\"doc\":7}")).runUntilWaiting();

    ActivityTask task = machine.getActivityTask(ACTIVITY, "worker-1").orElseThrow();
    assertEquals(json("{\"doc\":7}"), task.input());
    assertEquals(List.of(task.taskToken()), execution.waitingTaskTokens());
    assertEquals(Optional.empty(), machine.getActivityTask(ACTIVITY, "worker-2"));
    machine.sendTaskSuccess(task.taskToken(), json("{\"ok\":true}"));

    assertEquals(json("{\"ok\":true}"), execution.await().output());
    assertEquals(
        List.of(
            "ExecutionStarted",
            "TaskStateEntered",
            "ActivityScheduled",
            "ActivityStarted",
            "ActivitySucceeded",
            "TaskStateExited",
            "ExecutionSucceeded"),
        types(execution));
    assertEquals("worker-1", execution.history().get(3).details().get("workerName").asText());
  }

  @Test
  void theTaskOfAStoppedExecutionIsNotHandedToAWorker() {
    LocalStateMachine machine = machine("");
    Execution stopped = machine.start(json("{\"doc\":1}")).runUntilWaiting();
    Execution running = machine.start(json("{\"doc\":2}")).runUntilWaiting();

    stopped.stop("Stopped", "by the test");

    ActivityTask task = machine.getActivityTask(ACTIVITY, "worker").orElseThrow();
    assertEquals(json("{\"doc\":2}"), task.input());
    assertEquals(running.waitingTaskTokens(), List.of(task.taskToken()));
    assertEquals(Optional.empty(), machine.getActivityTask(ACTIVITY, "worker"));
  }

  @Test
  void tasksThatTimedOutBeforeAWorkerCameAreNotHandedOut() {
    LocalStateMachine machine =
        machine(
            "'TimeoutSeconds':10,'Retry':[{'ErrorEquals':['States.Timeout'],'IntervalSeconds':1,'MaxAttempts':1}],");
    Execution execution = machine.start(json("{\"doc\":3}")).runUntilWaiting();
    String first = execution.waitingTaskTokens().get(0);
    // Another execution, awaited while nobody polls: both its attempts time out, and it fails.
    Execution timedOut = machine.start(json("{\"doc\":4}"));
    timedOut.await();
    assertEquals("States.Timeout", timedOut.error());

    ActivityTask task = machine.getActivityTask(ACTIVITY, "worker").orElseThrow();
    assertEquals(
        first,
        task.taskToken(),
        "the one still waiting; the timed-out execution's two are dropped");
    assertEquals(Optional.empty(), machine.getActivityTask(ACTIVITY, "worker"));
  }

  @Test
  void workersPollingFromManyThreadsTakeEveryTaskExactlyOnce() throws Exception {
    LocalStateMachine machine = machine("");
    List<Execution> executions = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      executions.add(machine.start(json("{\"doc\":" + i + "}")).runUntilWaiting());
    }
    ExecutorService workers = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<ActivityTask>>> taken = new ArrayList<>();
      for (int w = 0; w < 4; w++) {
        String name = "worker-" + w;
        taken.add(
            workers.submit(
                () -> {
                  List<ActivityTask> mine = new ArrayList<>();
                  for (Optional<ActivityTask> task;
                      (task = machine.getActivityTask(ACTIVITY, name)).isPresent(); ) {
                    mine.add(task.get());
                    machine.sendTaskSuccess(task.get().taskToken(), task.get().input());
                  }
                  return mine;
                }));
      }
      Set<String> tokens = new HashSet<>();
      int count = 0;
      for (Future<List<ActivityTask>> future : taken) {
        for (ActivityTask task : future.get(60, TimeUnit.SECONDS)) {
          count++;
          tokens.add(task.taskToken());
        }
      }
      assertEquals(400, count);
      assertEquals(400, tokens.size());
    } finally {
      workers.shutdownNow();
    }
    for (int i = 0; i < executions.size(); i++) {
      Execution execution = executions.get(i).await();
      assertEquals(json("{\"doc\":" + i + "}"), execution.output());
      assertTrue(types(execution).contains("ActivityStarted"));
    }
  }
}
