package io.asl4j.runtime;

import static io.asl4j.runtime.TestJson.START;
import static io.asl4j.runtime.TestJson.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import io.asl4j.dsl.model.StateMachineType;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Callback tasks, later-finishing jobs and execution limits, all on the virtual clock. */
class CallbackTest {
  private static final String APPROVAL =
      ("{'StartAt':'Approve','States':{'Approve':{'Type':'Task',"
              + "'Resource':'arn:aws:states:::lambda:invoke.waitForTaskToken',"
              + "'Parameters':{'FunctionName':'SendApprovalEmail','Payload':{'taskToken.$':'$$.Task.Token','orderId.$':'$.orderId'}},"
              + "'TimeoutSeconds':259200,%s"
              + "'Catch':[{'ErrorEquals':['Rejected'],'ResultPath':'$.rejection','Next':'Rejected'}],'End':true},"
              + "'Rejected':{'Type':'Pass','End':true}}}")
          .replace('\'', '"');

  private final AtomicReference<JsonNode> emailed = new AtomicReference<>();

  /** The approval machine; {@code heartbeat} is empty or a {@code "HeartbeatSeconds":n,} field. */
  private LocalStateMachine approval(String heartbeat) {
    return LocalStateMachine.builder(String.format(APPROVAL, heartbeat))
        .handler(
            "arn:aws:lambda:us-east-1:123456789012:function:SendApprovalEmail",
            (input, ctx) -> {
              emailed.set(input);
              return json("{\"sent\":true}");
            })
        .virtualClock(START)
        .build();
  }

  private static List<String> types(Execution execution) {
    return execution.history().stream().map(HistoryEvent::type).collect(Collectors.toList());
  }

  @Test
  void anApprovalSentThreeDaysLaterCompletesTheCallbackTask() {
    LocalStateMachine machine = approval("");
    Execution execution = machine.start(json("{\"orderId\":\"o-1\"}")).runUntilWaiting();
    assertEquals(ExecutionStatus.RUNNING, execution.status());
    String token = execution.waitingTaskTokens().get(0);
    assertEquals(
        token, emailed.get().get("taskToken").asText(), "the handler received $$.Task.Token");

    machine.sendTaskSuccess(token, json("{\"approved\":true}"));
    execution.await();

    assertEquals(ExecutionStatus.SUCCEEDED, execution.status());
    assertEquals(json("{\"approved\":true}"), execution.output());
    assertEquals(EventTypes.CALLBACK_TASK_SUCCEEDED, types(execution));
  }

  @Test
  void anApprovalThatNeverComesTimesOutAfterTheTaskTimeout() {
    Execution execution = approval("").start(json("{\"orderId\":\"o-1\"}")).await();
    assertEquals(ExecutionStatus.FAILED, execution.status());
    assertEquals("States.Timeout", execution.error());
    List<HistoryEvent> history = execution.history();
    assertEquals(START.plusSeconds(259200), history.get(history.size() - 1).timestamp());
  }

  @Test
  void aMissedHeartbeatTimesTheTaskOutRecordedAsStatesTimeoutAsAwsRecordsIt() {
    Execution execution =
        approval("\"HeartbeatSeconds\":60,").start(json("{\"orderId\":\"o-1\"}")).await();
    assertEquals("States.Timeout", execution.error());
    List<HistoryEvent> history = execution.history();
    assertEquals(
        EventTypes.then(EventTypes.CALLBACK_TASK_WAITING, "TaskTimedOut", "ExecutionFailed"),
        types(execution));
    assertEquals("States.Timeout", history.get(5).details().get("error").asText());
    assertEquals(START.plusSeconds(60), history.get(history.size() - 1).timestamp());
  }

  /** The approval machine with a Catch of {@code errorEquals} before its others. */
  private LocalStateMachine approvalCatching(String errorEquals, String heartbeat) {
    String machine =
        String.format(APPROVAL, heartbeat)
            .replace(
                "\"Catch\":[",
                "\"Catch\":[{\"ErrorEquals\":[\""
                    + errorEquals
                    + "\"],\"ResultPath\":\"$.late\",\"Next\":\"Rejected\"},");
    return LocalStateMachine.builder(machine)
        .handler(
            "arn:aws:lambda:us-east-1:123456789012:function:SendApprovalEmail",
            (input, ctx) -> json("{}"))
        .virtualClock(START)
        .build();
  }

  @Test
  void aCatchOfHeartbeatTimeoutCatchesAMissedHeartbeatButNotTheTaskTimeout() {
    Execution missedHeartbeat =
        approvalCatching("States.HeartbeatTimeout", "\"HeartbeatSeconds\":60,")
            .start(json("{\"orderId\":\"o-1\"}"))
            .await();
    Execution timedOut =
        approvalCatching("States.HeartbeatTimeout", "")
            .start(json("{\"orderId\":\"o-1\"}"))
            .await();
    Execution caughtAsTimeout =
        approvalCatching("States.Timeout", "\"HeartbeatSeconds\":60,")
            .start(json("{\"orderId\":\"o-1\"}"))
            .await();
    Execution notATaskFailure =
        approvalCatching("States.TaskFailed", "\"HeartbeatSeconds\":60,")
            .start(json("{\"orderId\":\"o-1\"}"))
            .await();

    JsonNode caught =
        json("{\"orderId\":\"o-1\",\"late\":{\"Error\":\"States.Timeout\",\"Cause\":\"\"}}");
    assertEquals(caught, missedHeartbeat.output());
    assertEquals(ExecutionStatus.FAILED, timedOut.status());
    assertEquals("States.Timeout", timedOut.error());
    assertEquals(caught, caughtAsTimeout.output());
    assertEquals(ExecutionStatus.FAILED, notATaskFailure.status());
    assertEquals("States.Timeout", notATaskFailure.error());
  }

  @Test
  void aRejectionIsATaskFailureThatCatchSees() {
    LocalStateMachine machine = approval("");
    Execution execution = machine.start(json("{\"orderId\":\"o-1\"}")).runUntilWaiting();
    machine.sendTaskFailure(execution.waitingTaskTokens().get(0), "Rejected", "budget");
    execution.await();
    assertEquals(ExecutionStatus.SUCCEEDED, execution.status());
    assertEquals(
        json("{\"orderId\":\"o-1\",\"rejection\":{\"Error\":\"Rejected\",\"Cause\":\"budget\"}}"),
        execution.output());
  }

  @Test
  void unknownAndUsedTokensAreRefusedWithAwsErrorCodes() {
    LocalStateMachine machine = approval("");
    TaskTokenException unknown =
        assertThrows(TaskTokenException.class, () -> machine.sendTaskSuccess("nope", json("{}")));
    assertEquals("TaskDoesNotExist", unknown.errorCode());

    Execution execution = machine.start(json("{\"orderId\":\"o-1\"}")).runUntilWaiting();
    String token = execution.waitingTaskTokens().get(0);
    machine.sendTaskSuccess(token, json("{}"));
    TaskTokenException used =
        assertThrows(TaskTokenException.class, () -> machine.sendTaskSuccess(token, json("{}")));
    assertEquals("TaskTimedOut", used.errorCode());
  }

  @Test
  void aStoppedExecutionsTokenIsRefusedWhileTheExecutionBesideItKeepsWaiting() {
    LocalStateMachine machine = approval("");
    Execution stopped = machine.start(json("{\"orderId\":\"o-1\"}")).runUntilWaiting();
    Execution waiting = machine.start(json("{\"orderId\":\"o-2\"}")).runUntilWaiting();
    String stoppedToken = stopped.waitingTaskTokens().get(0);
    String waitingToken = waiting.waitingTaskTokens().get(0);

    stopped.stop("Cancelled", "by the test");

    assertEquals(ExecutionStatus.ABORTED, stopped.status());
    assertEquals(List.of(), stopped.waitingTaskTokens());
    assertEquals(List.of(waitingToken), waiting.waitingTaskTokens());
    TaskTokenException refused =
        assertThrows(
            TaskTokenException.class, () -> machine.sendTaskSuccess(stoppedToken, json("{}")));
    assertEquals("TaskTimedOut", refused.errorCode());
    machine.sendTaskSuccess(waitingToken, json("{\"approved\":true}"));
    assertEquals(json("{\"approved\":true}"), waiting.await().output());
    assertEquals(List.of(), waiting.waitingTaskTokens());
  }

  @Test
  void aCallbackFromAnotherThreadWakesAWaitingExecution() throws Exception {
    LocalStateMachine machine = TestJson.sqsCallbackOnTheRealClock();
    Execution execution = machine.start(json("{}")).runUntilWaiting();
    String token = execution.waitingTaskTokens().get(0);
    CompletableFuture<Execution> awaited = CompletableFuture.supplyAsync(execution::await);
    Thread.sleep(50);
    machine.sendTaskSuccess(token, json("{\"ok\":1}"));
    assertEquals(json("{\"ok\":1}"), awaited.get(10, TimeUnit.SECONDS).output());
  }

  @Test
  void aSyncJobTheHandlerFinishesLaterCompletesTheTask() {
    AtomicReference<TaskCompletion> job = new AtomicReference<>();
    LocalStateMachine machine =
        LocalStateMachine.builder(
                "{\"StartAt\":\"Run\",\"States\":{\"Run\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::glue:startJobRun.sync\",\"End\":true}}}")
            .handler(
                "arn:aws:states:::glue:startJobRun",
                (input, ctx) -> {
                  job.set(ctx.completeLater());
                  return json("{\"JobRunId\":\"jr-1\"}");
                })
            .build();
    Execution execution = machine.start(json("{}")).runUntilWaiting();
    assertEquals(ExecutionStatus.RUNNING, execution.status());
    job.get().succeed(json("{\"JobRunState\":\"SUCCEEDED\"}"));
    assertEquals(json("{\"JobRunState\":\"SUCCEEDED\"}"), execution.await().output());
  }

  @Test
  void aSyncJobHasATaskTokenInItsContextAndSendTaskSuccessWithItEndsTheJobEarly() {
    AtomicReference<String> seen = new AtomicReference<>();
    LocalStateMachine machine =
        LocalStateMachine.builder(
                ("{'StartAt':'Run','States':{'Run':{'Type':'Task','Resource':'arn:aws:states:::glue:startJobRun.sync',"
                        + "'Parameters':{'Arguments':{'--token.$':'$$.Task.Token'}},'End':true}}}")
                    .replace('\'', '"'))
            .handler(
                "arn:aws:states:::glue:startJobRun",
                (input, ctx) -> {
                  seen.set(input.at("/Arguments/--token").asText());
                  assertEquals(seen.get(), ctx.completeLater().token());
                  return json("{\"JobRunId\":\"jr-1\"}");
                })
            .build();
    Execution execution = machine.start(json("{}")).runUntilWaiting();
    assertEquals(List.of(seen.get()), execution.waitingTaskTokens());

    machine.sendTaskSuccess(seen.get(), json("{\"early\":true}"));

    assertEquals(json("{\"early\":true}"), execution.await().output());
  }

  @Test
  void anExpressExecutionTimesOutAfterFiveMinutes() {
    LocalStateMachine machine =
        LocalStateMachine.builder(
                "{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"Seconds\":600,\"End\":true}}}")
            .type(StateMachineType.EXPRESS)
            .virtualClock(START)
            .build();
    Execution execution = machine.run(json("{}"));
    assertEquals(ExecutionStatus.TIMED_OUT, execution.status());
    List<HistoryEvent> history = execution.history();
    assertEquals(START.plusSeconds(300), history.get(history.size() - 1).timestamp());
  }

  @Test
  void aMockFileAnswersStatesByInvocationIncludingRetries() {
    MockConfig mocks =
        MockConfig.parse(
            ("{'StateMachines':{'Orders':{'TestCases':{'RetryPath':{'Charge':'FailThenCharge'}}}},"
                    + "'MockedResponses':{'FailThenCharge':{'0-1':{'Throw':{'Error':'Busy','Cause':'try later'}},"
                    + "'2':{'Return':{'charged':true}}}}}")
                .replace('\'', '"'));
    LocalStateMachine machine =
        LocalStateMachine.builder(
                ("{'StartAt':'Charge','States':{'Charge':{'Type':'Task','Resource':'arn:aws:lambda:us-east-1:1:function:charge',"
                        + "'Retry':[{'ErrorEquals':['Busy'],'MaxAttempts':3}],'End':true}}}")
                    .replace('\'', '"'))
            .mocks(mocks, "Orders", "RetryPath")
            .build();
    Execution execution = machine.run(json("{}"));
    assertEquals(json("{\"charged\":true}"), execution.output());
    assertEquals(3, types(execution).stream().filter("LambdaFunctionScheduled"::equals).count());
  }

  @Test
  void aMockFileWithAMissingResponseIsRefusedWithItsLocation() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                MockConfig.parse(
                    "{\"StateMachines\":{\"M\":{\"TestCases\":{\"T\":{\"S\":\"Nope\"}}}},\"MockedResponses\":{}}"));
    assertEquals(
        "mock file: expected the name of a mocked response, but there is no MockedResponses/Nope at /StateMachines/M/TestCases/T/S",
        e.getMessage());
  }

  /** A callback task whose handler hands back nothing but the token it was given. */
  private static LocalStateMachine.Builder parkedOnAToken() {
    return LocalStateMachine.builder(
            ("{'StartAt':'Approve','States':{'Approve':{'Type':'Task',"
                    + "'Resource':'arn:aws:states:::sqs:sendMessage.waitForTaskToken',"
                    + "'Parameters':{'MessageBody':{'token.$':'$$.Task.Token'}},'End':true}}}")
                .replace('\'', '"'))
        .handler(
            "arn:aws:states:::sqs:sendMessage", (input, ctx) -> json("{\"MessageId\":\"m-1\"}"))
        .virtualClock(START);
  }

  @Test
  void namedExecutionsOfASeededMachineEachWaitOnTheirOwnToken() {
    LocalStateMachine machine = parkedOnAToken().seed(7).build();
    Execution first = machine.start(json("{\"n\":1}"), "first").runUntilWaiting();
    Execution second = machine.start(json("{\"n\":2}"), "second").runUntilWaiting();
    assertEquals(1, first.waitingTaskTokens().size());
    assertEquals(1, second.waitingTaskTokens().size());
    String token = first.waitingTaskTokens().get(0);
    assertNotEquals(token, second.waitingTaskTokens().get(0));

    machine.sendTaskSuccess(token, json("{\"for\":\"first\"}"));

    assertEquals(json("{\"for\":\"first\"}"), first.runUntilWaiting().output());
    assertEquals(ExecutionStatus.RUNNING, second.runUntilWaiting().status());
  }

  @Test
  void executionsStartedFromManyThreadsOnASeededMachineDrawDistinctTokens() throws Exception {
    LocalStateMachine machine = parkedOnAToken().seed(7).build();
    int threads = 4;
    int each = 250;
    List<CompletableFuture<List<String>>> starters = new java.util.ArrayList<>();
    java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
    for (int t = 0; t < threads; t++) {
      starters.add(
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  go.await();
                } catch (InterruptedException e) {
                  throw new IllegalStateException(e);
                }
                List<String> tokens = new java.util.ArrayList<>();
                for (int i = 0; i < each; i++) {
                  tokens.addAll(machine.start(json("{}")).runUntilWaiting().waitingTaskTokens());
                }
                return tokens;
              },
              java.util.concurrent.Executors.newSingleThreadExecutor()));
    }
    go.countDown();
    java.util.Set<String> tokens = new java.util.HashSet<>();
    int count = 0;
    for (CompletableFuture<List<String>> starter : starters) {
      List<String> some = starter.get(30, TimeUnit.SECONDS);
      count += some.size();
      tokens.addAll(some);
    }
    assertEquals(threads * each, count, "each execution waits on one token of its own");
    assertEquals(threads * each, tokens.size(), "no two executions share a token");
  }

  @Test
  void aSeedReproducesTheTokensOfUnnamedAndNamedExecutions() {
    List<List<String>> runs = new java.util.ArrayList<>();
    for (int run = 0; run < 2; run++) {
      LocalStateMachine machine = parkedOnAToken().seed(11).build();
      runs.add(
          List.of(
              machine.start(json("{}")).runUntilWaiting().waitingTaskTokens().get(0),
              machine.start(json("{}"), "named").runUntilWaiting().waitingTaskTokens().get(0),
              machine.start(json("{}")).runUntilWaiting().waitingTaskTokens().get(0)));
    }
    assertEquals(runs.get(0), runs.get(1));
    assertEquals(3, new java.util.HashSet<>(runs.get(0)).size());
  }

  @Test
  void aTokenCompletedFromTwoThreadsAtOnceIsAcceptedOnceAndRefusedOnceAsTimedOut()
      throws Exception {
    LocalStateMachine machine = parkedOnAToken().build();
    List<String> tokens = new java.util.ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      tokens.addAll(machine.start(json("{}")).runUntilWaiting().waitingTaskTokens());
    }
    java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
    java.util.concurrent.Callable<List<String>> racer =
        () -> {
          List<String> outcomes = new java.util.ArrayList<>();
          for (String token : tokens) {
            together.await(10, TimeUnit.SECONDS);
            try {
              machine.sendTaskSuccess(token, json("{}"));
              outcomes.add("accepted");
            } catch (TaskTokenException e) {
              outcomes.add(e.errorCode());
            }
          }
          return outcomes;
        };
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      java.util.concurrent.Future<List<String>> one = pool.submit(racer);
      java.util.concurrent.Future<List<String>> other = pool.submit(racer);
      List<String> first = one.get(60, TimeUnit.SECONDS);
      List<String> second = other.get(60, TimeUnit.SECONDS);
      java.util.Map<String, Integer> pairs = new java.util.TreeMap<>();
      for (int i = 0; i < tokens.size(); i++) {
        pairs.merge(
            new java.util.TreeSet<>(List.of(first.get(i), second.get(i))).toString(),
            1,
            Integer::sum);
      }
      assertEquals(java.util.Map.of("[TaskTimedOut, accepted]", tokens.size()), pairs);
    } finally {
      pool.shutdownNow();
    }
  }
}
