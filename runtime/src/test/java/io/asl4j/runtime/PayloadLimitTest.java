package io.asl4j.runtime;

import static io.asl4j.runtime.TestJson.FN;
import static io.asl4j.runtime.TestJson.START;
import static io.asl4j.runtime.TestJson.asl;
import static io.asl4j.runtime.TestJson.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * AWS's payload quota: 262,144 bytes of UTF-8 for an execution's input, a state's input after
 * Parameters or Arguments, a state's output and a task's result, whatever made them (a Task,
 * intrinsic functions, JSONata, the results a Map or Parallel gathers).
 *
 * @see <a href="https://docs.aws.amazon.com/step-functions/latest/dg/service-quotas.html">Step
 *     Functions service quotas</a>
 */
class PayloadLimitTest {
  private static final int LIMIT = 262_144;

  /**
   * {@code execution} failed with States.DataLimitExceeded at {@code state} (a name or ARN), after
   * {@code events}.
   */
  private static void assertFailedTooLarge(Execution execution, String state, String... events) {
    assertEquals(ExecutionStatus.FAILED, execution.status());
    assertEquals("States.DataLimitExceeded", execution.error());
    assertEquals(tooLarge(state), execution.cause());
    assertEquals(List.of(events), types(execution));
  }

  /** {@code {"blob": "xxx…"}} with a blob of {@code kib} KiB. */
  private static JsonNode blob(int kib) {
    ObjectNode input = JsonNodeFactory.instance.objectNode();
    input.put("blob", "x".repeat(kib * 1024));
    return input;
  }

  private static List<String> types(Execution execution) {
    return execution.history().stream().map(HistoryEvent::type).collect(Collectors.toList());
  }

  private static String tooLarge(String name) {
    return "The state/task '"
        + name
        + "' returned a result with a size exceeding the maximum number of bytes service limit.";
  }

  /**
   * A machine of one Task state, Work, calling {@link TestJson#FN}, answered by {@code handler}.
   */
  private static LocalStateMachine oneTask(TaskHandler handler) {
    return LocalStateMachine.builder(
            asl(
                "{'StartAt':'Work','States':{'Work':{'Type':'Task','Resource':'"
                    + FN
                    + "','End':true}}}"))
        .handler(FN, handler)
        .virtualClock(START)
        .build();
  }

  private static LocalStateMachine machine(String definition) {
    return LocalStateMachine.builder(asl(definition)).virtualClock(START).build();
  }

  @Test
  void anExecutionInputOver256KibIsRefusedAsStartExecutionRefusesIt() {
    // given an input whose JSON text is one byte over the quota
    LocalStateMachine machine =
        machine("{'StartAt':'P','States':{'P':{'Type':'Pass','End':true}}}");
    JsonNode input = TextNode.valueOf("x".repeat(LIMIT - 2 + 1)); // the quotes count too
    // when
    StartExecutionException e =
        assertThrows(StartExecutionException.class, () -> machine.start(input));
    // then
    assertEquals("ValidationException", e.errorCode());
    assertEquals(
        "ValidationException: 1 validation error detected: Value at 'input' failed to satisfy constraint:"
            + " Member must have length less than or equal to 262144",
        e.getMessage());
  }

  @Test
  void anExecutionInputOfExactly256KibRuns() {
    LocalStateMachine machine =
        machine("{'StartAt':'P','States':{'P':{'Type':'Pass','End':true}}}");
    JsonNode input = TextNode.valueOf("x".repeat(LIMIT - 2));
    Execution execution = machine.run(input);
    assertEquals(ExecutionStatus.SUCCEEDED, execution.status());
    assertEquals(input, execution.output());
  }

  @Test
  void aPassResultOver256KibFailsTheExecutionWithoutLeavingTheState() {
    // given AWS's recorded case: a Pass state whose Result is 257 KiB
    LocalStateMachine machine =
        machine(
            "{'StartAt':'State_1','States':{'State_1':{'Type':'Pass','Result':{'Arg1':'"
                + "a".repeat(257 * 1024)
                + "'},'End':true}}}");
    // when
    Execution execution = machine.run(json("{}"));
    // then
    assertFailedTooLarge(
        execution, "State_1", "ExecutionStarted", "PassStateEntered", "ExecutionFailed");
    assertEquals(
        "{\"error\":\"States.DataLimitExceeded\",\"cause\":\"" + tooLarge("State_1") + "\"}",
        execution.history().get(2).details().toString());
  }

  @Test
  void intrinsicParametersOver256KibFailTheTaskBeforeItIsScheduled() {
    // given Parameters that double a 150 KiB input with States.Array
    AtomicInteger calls = new AtomicInteger();
    LocalStateMachine machine =
        LocalStateMachine.builder(
                asl(
                    "{'StartAt':'Work','States':{'Work':{'Type':'Task','Resource':'"
                        + FN
                        + "',"
                        + "'Parameters':{'pair.$':'States.Array($.blob, $.blob)'},"
                        + "'Catch':[{'ErrorEquals':['States.DataLimitExceeded'],'Next':'TooBig'}],'End':true},"
                        + "'TooBig':{'Type':'Pass','End':true}}}"))
            .handler(
                FN,
                (input, ctx) -> {
                  calls.incrementAndGet();
                  return input;
                })
            .virtualClock(START)
            .build();
    // when
    Execution execution = machine.run(blob(150));
    // then the error is caught like any other, and the function never runs
    assertEquals(ExecutionStatus.SUCCEEDED, execution.status());
    assertEquals(
        json("{\"Error\":\"States.DataLimitExceeded\",\"Cause\":\"" + tooLarge("Work") + "\"}"),
        execution.output());
    assertEquals(0, calls.get());
    assertEquals(
        List.of(
            "ExecutionStarted",
            "TaskStateEntered",
            "TaskStateExited",
            "PassStateEntered",
            "PassStateExited",
            "ExecutionSucceeded"),
        types(execution));
  }

  @Test
  void aTaskResultOver256KibFailsTheTaskNamingTheFunction() {
    LocalStateMachine machine = oneTask((input, ctx) -> TextNode.valueOf("y".repeat(LIMIT)));
    Execution execution = machine.run(json("{}"));
    assertFailedTooLarge(
        execution,
        FN,
        "ExecutionStarted",
        "TaskStateEntered",
        "LambdaFunctionScheduled",
        "LambdaFunctionStarted",
        "LambdaFunctionFailed",
        "ExecutionFailed");
    assertEquals(
        "{\"error\":\"States.DataLimitExceeded\",\"cause\":\"" + tooLarge(FN) + "\"}",
        execution.history().get(4).details().toString());
  }

  @Test
  void aJobFinishingLaterWithAResultOver256KibFailsTheTask() {
    LocalStateMachine machine =
        oneTask(
            (input, ctx) -> {
              ctx.completeLater().succeed(TextNode.valueOf("y".repeat(LIMIT)));
              return null;
            });
    Execution execution = machine.run(json("{}"));
    assertFailedTooLarge(
        execution,
        FN,
        "ExecutionStarted",
        "TaskStateEntered",
        "LambdaFunctionScheduled",
        "LambdaFunctionStarted",
        "TaskSubmitted",
        "LambdaFunctionFailed",
        "ExecutionFailed");
  }

  @Test
  void aCallbackOutputOver256KibIsRefusedAndTheTaskGoesOnWaiting() {
    // given a task waiting for its token
    LocalStateMachine machine =
        LocalStateMachine.builder(
                asl(
                    "{'StartAt':'Approve','States':{'Approve':{'Type':'Task',"
                        + "'Resource':'arn:aws:states:::lambda:invoke.waitForTaskToken',"
                        + "'Parameters':{'FunctionName':'"
                        + FN
                        + "','Payload':{'token.$':'$$.Task.Token'}},'End':true}}}"))
            .handler(FN, (input, ctx) -> json("{}"))
            .virtualClock(START)
            .build();
    Execution execution = machine.start(json("{}")).runUntilWaiting();
    String token = execution.waitingTaskTokens().get(0);
    // when
    TaskTokenException tooBig =
        assertThrows(
            TaskTokenException.class,
            () -> machine.sendTaskSuccess(token, TextNode.valueOf("z".repeat(LIMIT))));
    TaskTokenException longToken =
        assertThrows(
            TaskTokenException.class, () -> machine.sendTaskSuccess("t".repeat(1025), json("{}")));
    TaskTokenException longError =
        assertThrows(
            TaskTokenException.class, () -> machine.sendTaskFailure(token, "E".repeat(257), "c"));
    // then
    assertEquals("ValidationException", tooBig.errorCode());
    assertEquals(
        "ValidationException: 1 validation error detected: Value at 'output' failed to satisfy constraint:"
            + " Member must have length less than or equal to 262144",
        tooBig.getMessage());
    assertEquals(
        "ValidationException: 1 validation error detected: Value '"
            + "t".repeat(1025)
            + "' at 'taskToken'"
            + " failed to satisfy constraint: Member must have length less than or equal to 1024",
        longToken.getMessage());
    assertEquals(
        "ValidationException: 1 validation error detected: Value at 'error' failed to satisfy constraint:"
            + " Member must have length less than or equal to 256",
        longError.getMessage());
    assertEquals(List.of(token), execution.waitingTaskTokens());
    machine.sendTaskSuccess(token, json("{\"ok\":true}"));
    execution.await();
    assertEquals(ExecutionStatus.SUCCEEDED, execution.status());
    assertEquals(json("{\"ok\":true}"), execution.output());
  }

  @Test
  void mapResultsThatTogetherExceed256KibFailTheMap() {
    // given three iterations of 100 KiB each: each fits, their array does not
    LocalStateMachine machine =
        machine(
            "{'StartAt':'Each','States':{'Each':{'Type':'Map','ItemsPath':'$.items','ItemSelector':{'b.$':'$.blob'},"
                + "'ItemProcessor':{'StartAt':'Echo','States':{'Echo':{'Type':'Pass','OutputPath':'$.b','End':true}}},'End':true}}}");
    ObjectNode input = (ObjectNode) blob(100);
    input.set("items", json("[1,2,3]"));
    // when
    Execution execution = machine.run(input);
    // then
    assertEquals(ExecutionStatus.FAILED, execution.status());
    assertEquals("States.DataLimitExceeded", execution.error());
    assertEquals(tooLarge("Each"), execution.cause());
    List<String> types = types(execution);
    assertEquals(
        List.of("MapStateSucceeded", "ExecutionFailed"),
        types.subList(types.size() - 2, types.size()));
    assertEquals(3, types.stream().filter("MapIterationSucceeded"::equals).count());
  }

  @Test
  void parallelResultsThatTogetherExceed256KibFailTheParallel() {
    LocalStateMachine machine =
        machine(
            "{'StartAt':'Both','States':{'Both':{'Type':'Parallel','Branches':["
                + "{'StartAt':'A','States':{'A':{'Type':'Pass','OutputPath':'$.blob','End':true}}},"
                + "{'StartAt':'B','States':{'B':{'Type':'Pass','OutputPath':'$.blob','End':true}}}],'End':true}}}");
    Execution execution = machine.run(blob(150));
    assertEquals(ExecutionStatus.FAILED, execution.status());
    assertEquals("States.DataLimitExceeded", execution.error());
    assertEquals(tooLarge("Both"), execution.cause());
    List<String> types = types(execution);
    assertEquals(
        List.of("ParallelStateSucceeded", "ExecutionFailed"),
        types.subList(types.size() - 2, types.size()));
  }

  @Test
  void aJsonataOutputOver256KibFailsTheState() {
    LocalStateMachine machine =
        machine(
            "{'QueryLanguage':'JSONata','StartAt':'Twice','States':{'Twice':{'Type':'Pass',"
                + "'Output':'{% [$states.input.blob, $states.input.blob] %}','End':true}}}");
    Execution execution = machine.run(blob(150));
    assertFailedTooLarge(
        execution, "Twice", "ExecutionStarted", "PassStateEntered", "ExecutionFailed");
  }

  @Test
  void jsonataArgumentsOver256KibFailTheTaskBeforeItIsScheduled() {
    LocalStateMachine machine =
        LocalStateMachine.builder(
                asl(
                    "{'QueryLanguage':'JSONata','StartAt':'Work','States':{'Work':{'Type':'Task','Resource':'"
                        + FN
                        + "',"
                        + "'Arguments':'{% {\\\"a\\\": $states.input.blob, \\\"b\\\": $states.input.blob} %}','End':true}}}"))
            .handler(FN, (input, ctx) -> input)
            .virtualClock(START)
            .build();
    Execution execution = machine.run(blob(150));
    assertFailedTooLarge(
        execution, "Work", "ExecutionStarted", "TaskStateEntered", "ExecutionFailed");
  }

  @Test
  void anItemSelectorOver256KibFailsTheMapBeforeTheIterationStarts() {
    LocalStateMachine machine =
        machine(
            "{'StartAt':'Each','States':{'Each':{'Type':'Map','ItemsPath':'$.items',"
                + "'ItemSelector':{'a.$':'$.blob','b.$':'$.blob'},"
                + "'ItemProcessor':{'StartAt':'Echo','States':{'Echo':{'Type':'Pass','End':true}}},'End':true}}}");
    ObjectNode input = (ObjectNode) blob(150);
    input.set("items", json("[1]"));
    Execution execution = machine.run(input);
    assertFailedTooLarge(
        execution,
        "Each",
        "ExecutionStarted",
        "MapStateEntered",
        "MapStateStarted",
        "ExecutionFailed");
  }

  @Test
  void aWaitForMoreThan2To31SecondsIsTooLong() {
    // AWS refuses delays of 2^31 seconds (about 68 years) and more; shorter ones end in the
    // execution's year
    LocalStateMachine machine =
        machine(
            "{'StartAt':'Sleep','States':{'Sleep':{'Type':'Wait','SecondsPath':'$.s','End':true}}}");
    Execution execution = machine.run(json("{\"s\":2147483648}"));
    assertEquals(ExecutionStatus.FAILED, execution.status());
    assertEquals("States.Runtime", execution.error());
    assertEquals(
        "An error occurred while executing the state 'Sleep' (entered at the event id #2). Wait state delay is too long.",
        execution.cause());
    Execution year = machine.run(json("{\"s\":2147483647}"));
    assertEquals(ExecutionStatus.TIMED_OUT, year.status());
    assertEquals(
        START.plus(Duration.ofDays(365)),
        year.history().get(year.history().size() - 1).timestamp());
  }
}
