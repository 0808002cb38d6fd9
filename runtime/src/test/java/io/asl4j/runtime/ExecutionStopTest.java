package io.asl4j.runtime;

import static io.asl4j.runtime.TestJson.START;
import static io.asl4j.runtime.TestJson.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@link Execution#stop}: from any thread, also while another thread runs the execution. */
class ExecutionStopTest {
  private static List<String> types(Execution execution) {
    return execution.history().stream().map(HistoryEvent::type).collect(Collectors.toList());
  }

  /** A Parallel of a callback task and, after a 1 s Wait, a task whose handler blocks. */
  private static final String CALLBACK_BESIDE_A_BUSY_HANDLER =
      ("{'StartAt':'Both','States':{'Both':{'Type':'Parallel','End':true,'Branches':["
              + "{'StartAt':'Approve','States':{'Approve':{'Type':'Task','Resource':'arn:aws:states:::sqs:sendMessage.waitForTaskToken',"
              + "'Parameters':{'MessageBody':{'token.$':'$$.Task.Token'}},'End':true}}},"
              + "{'StartAt':'Pause','States':{'Pause':{'Type':'Wait','Seconds':1,'Next':'Hold'},"
              + "'Hold':{'Type':'Task','Resource':'arn:aws:lambda:us-east-1:123456789012:function:hold','Next':'After'},"
              + "'After':{'Type':'Pass','End':true}}}]}}}")
          .replace('\'', '"');

  @Test
  void aStopWhileAHandlerRunsAbortsAtOnceRefusesCallbacksAndRecordsNothingAfter() throws Exception {
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    LocalStateMachine machine =
        LocalStateMachine.builder(CALLBACK_BESIDE_A_BUSY_HANDLER)
            .handler(
                "arn:aws:states:::sqs:sendMessage", (input, ctx) -> json("{\"MessageId\":\"m-1\"}"))
            .handler(
                "arn:aws:lambda:us-east-1:123456789012:function:hold",
                (input, ctx) -> {
                  holding.countDown();
                  try {
                    release.await(10, TimeUnit.SECONDS);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  return json("{\"held\":true}");
                })
            .virtualClock(START)
            .build();
    Execution execution = machine.start(json("{}")).runUntilWaiting();
    String token = execution.waitingTaskTokens().get(0);
    // await() moves time past the Wait while Approve waits: Hold's handler then blocks the loop.
    CompletableFuture<Execution> awaited = CompletableFuture.supplyAsync(execution::await);
    assertTrue(holding.await(10, TimeUnit.SECONDS));

    execution.stop("Halted", "by the test");

    assertEquals(ExecutionStatus.ABORTED, execution.status());
    assertEquals("Halted", execution.error());
    assertEquals("by the test", execution.cause());
    TaskTokenException refused =
        assertThrows(TaskTokenException.class, () -> machine.sendTaskSuccess(token, json("{}")));
    assertEquals("TaskTimedOut", refused.errorCode());
    assertEquals(List.of(), execution.waitingTaskTokens());

    release.countDown();
    assertEquals(ExecutionStatus.ABORTED, awaited.get(10, TimeUnit.SECONDS).status());
    assertEquals(
        List.of(
            "ExecutionStarted",
            "ParallelStateEntered",
            "ParallelStateStarted",
            "TaskStateEntered",
            "TaskScheduled",
            "WaitStateEntered",
            "TaskStarted",
            "TaskSubmitted",
            "WaitStateExited",
            "TaskStateEntered",
            "LambdaFunctionScheduled",
            "LambdaFunctionStarted",
            "ExecutionAborted"),
        types(execution));
    List<HistoryEvent> history = execution.history();
    HistoryEvent aborted = history.get(history.size() - 1);
    assertEquals(history.size() - 1, aborted.previousEventId());
    assertEquals(START.plusSeconds(1), aborted.timestamp(), "stamped with the execution's clock");
  }

  @Test
  void aStopEndsAnAwaitSleepingOnTheRealClock() throws Exception {
    LocalStateMachine machine = TestJson.sqsCallbackOnTheRealClock();
    Execution execution = machine.start(json("{}")).runUntilWaiting();
    CompletableFuture<Execution> awaited = CompletableFuture.supplyAsync(execution::await);
    Thread.sleep(50);

    execution.stop(null, null);

    assertEquals(ExecutionStatus.ABORTED, awaited.get(10, TimeUnit.SECONDS).status());
    assertEquals(EventTypes.CALLBACK_TASK_ABORTED, types(execution));
  }

  @Test
  void stoppingAnEndedExecutionChangesNothing() {
    LocalStateMachine machine =
        LocalStateMachine.builder(
                "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}")
            .build();
    Execution execution = machine.run(json("{\"a\":1}"));
    List<HistoryEvent> before = execution.history();

    execution.stop("Late", "too late");

    assertEquals(ExecutionStatus.SUCCEEDED, execution.status());
    assertEquals(json("{\"a\":1}"), execution.output());
    assertEquals(null, execution.error());
    assertEquals(before, execution.history());
  }

  @Test
  void aStopWhileADistributedMapChildsHandlerRunsEndsEachChildOnceWithNothingAfter()
      throws Exception {
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    String ask = "arn:aws:states:::sqs:sendMessage.waitForTaskToken";
    LocalStateMachine machine =
        LocalStateMachine.builder(
                ("{'StartAt':'Fan','States':{'Fan':{'Type':'Map','ItemsPath':'$','End':true,'ItemProcessor':{"
                        + "'ProcessorConfig':{'Mode':'DISTRIBUTED','ExecutionType':'STANDARD'},'StartAt':'Ask','States':{"
                        + "'Ask':{'Type':'Task','Resource':'"
                        + ask
                        + "','Parameters':{'n.$':'$','token.$':'$$.Task.Token'},'End':true}}}}}}")
                    .replace('\'', '"'))
            .handler(
                ask,
                (input, ctx) -> {
                  if (input.get("n").intValue() == 2) { // the second child's handler holds the loop
                    holding.countDown();
                    try {
                      release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                  }
                  return json("{\"MessageId\":\"m\"}");
                })
            .virtualClock(START)
            .build();
    Execution execution = machine.start(json("[1,2]"));
    CompletableFuture<Execution> running =
        CompletableFuture.supplyAsync(execution::runUntilWaiting);
    assertTrue(holding.await(10, TimeUnit.SECONDS));

    execution.stop("Operator", "no longer needed");
    release.countDown();
    running.get(10, TimeUnit.SECONDS);

    assertEquals(ExecutionStatus.ABORTED, execution.status());
    MapRun mapRun = execution.mapRuns().get(0);
    assertEquals(MapRun.Status.ABORTED, mapRun.status());
    assertEquals(new MapRun.Counts(0, 0, 0, 0, 0, 2, 2, 0), mapRun.executionCounts());
    List<ChildExecution> children = mapRun.childExecutions();
    assertEquals(
        EventTypes.CALLBACK_TASK_ABORTED,
        children.get(0).history().stream().map(HistoryEvent::type).toList());
    assertEquals(
        List.of(
            "ExecutionStarted",
            "TaskStateEntered",
            "TaskScheduled",
            "TaskStarted",
            "ExecutionAborted"),
        children.get(1).history().stream().map(HistoryEvent::type).toList(),
        "the handler still running when the stop came records nothing after the child's end");
    assertEquals(List.of(), execution.waitingTaskTokens());
  }
}
