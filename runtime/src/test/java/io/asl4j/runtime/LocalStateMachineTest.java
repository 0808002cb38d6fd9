package io.asl4j.runtime;

import static io.asl4j.runtime.TestJson.FN;
import static io.asl4j.runtime.TestJson.MAPPER;
import static io.asl4j.runtime.TestJson.START;
import static io.asl4j.runtime.TestJson.asl;
import static io.asl4j.runtime.TestJson.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asl4j.dsl.json.AslReader;
import io.asl4j.dsl.validate.AslValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LocalStateMachineTest {
  private static List<String> types(Execution execution) {
    return execution.history().stream().map(HistoryEvent::type).collect(Collectors.toList());
  }

  @Test
  void aWaitOfMostOfAYearCompletesAtOnceOnTheVirtualClock() {
    // given
    LocalStateMachine machine =
        LocalStateMachine.builder(
                asl(
                    "{'StartAt':'Sleep','States':{'Sleep':{'Type':'Wait','Seconds':31449600,'End':true}}}"))
            .virtualClock(START)
            .build();
    // when
    long before = System.nanoTime();
    Execution execution = machine.run(json("{\"a\":1}"));
    long elapsedMillis = (System.nanoTime() - before) / 1_000_000;
    // then
    assertEquals(ExecutionStatus.SUCCEEDED, execution.status());
    assertEquals(json("{\"a\":1}"), execution.output());
    List<HistoryEvent> history = execution.history();
    assertEquals(START.plusSeconds(31449600), history.get(history.size() - 1).timestamp());
    assertTrue(
        elapsedMillis < 5_000, "a virtual wait must not take real time: " + elapsedMillis + " ms");
  }

  @Test
  void retriesBackOffExponentiallyOnTheVirtualClock() {
    // given a handler that fails twice, then succeeds
    AtomicInteger calls = new AtomicInteger();
    LocalStateMachine machine =
        LocalStateMachine.builder(
                asl(
                    "{'StartAt':'Work','States':{'Work':{'Type':'Task','Resource':'"
                        + FN
                        + "',"
                        + "'Retry':[{'ErrorEquals':['Busy'],'IntervalSeconds':2,'BackoffRate':3.0,'MaxAttempts':3}],'End':true}}}"))
            .handler(
                FN,
                (input, ctx) -> {
                  if (calls.getAndIncrement() < 2) {
                    throw new StatesError("Busy", "try again (" + ctx.retryCount() + ")");
                  }
                  return json("{\"done\":true,\"retries\":" + ctx.retryCount() + "}");
                })
            .virtualClock(START)
            .build();
    // when
    Execution execution = machine.run(json("{}"));
    // then
    assertEquals(ExecutionStatus.SUCCEEDED, execution.status());
    assertEquals(json("{\"done\":true,\"retries\":2}"), execution.output());
    List<Instant> scheduled =
        execution.history().stream()
            .filter(e -> e.type().equals("LambdaFunctionScheduled"))
            .map(HistoryEvent::timestamp)
            .collect(Collectors.toList());
    assertEquals(List.of(START, START.plusSeconds(2), START.plusSeconds(8)), scheduled);
  }

  @Test
  void aCaughtErrorContinuesAtTheCatcherWithTheErrorOutputAtItsResultPath() {
    LocalStateMachine machine =
        LocalStateMachine.builder(
                asl(
                    "{'StartAt':'Work','States':{"
                        + "'Work':{'Type':'Task','Resource':'"
                        + FN
                        + "','Catch':[{'ErrorEquals':['States.ALL'],'ResultPath':'$.error','Next':'Recover'}],'End':true},"
                        + "'Recover':{'Type':'Pass','End':true}}}"))
            .handler(
                FN,
                (input, ctx) -> {
                  throw new StatesError("PaymentDeclined", "card expired");
                })
            .build();
    Execution execution = machine.run(json("{\"order\":7}"));
    assertEquals(ExecutionStatus.SUCCEEDED, execution.status());
    assertEquals(
        json("{\"order\":7,\"error\":{\"Error\":\"PaymentDeclined\",\"Cause\":\"card expired\"}}"),
        execution.output());
    assertEquals(
        List.of(
            "ExecutionStarted",
            "TaskStateEntered",
            "LambdaFunctionScheduled",
            "LambdaFunctionStarted",
            "LambdaFunctionFailed",
            "TaskStateExited",
            "PassStateEntered",
            "PassStateExited",
            "ExecutionSucceeded"),
        types(execution));
  }

  @Test
  void
      lambdaFunctionsOfTheChinaAndGovCloudPartitionsRunTheirHandlersAndAreRecordedLikeThoseOfAws() {
    String aws = "arn:aws:lambda:us-east-1:123456789012:function:work";
    List<String> expected = partitionRun(aws, aws);
    assertEquals(
        EventTypes.LAMBDA_TASK_SUCCEEDED,
        expected.stream().map(e -> json(e).path("type").asText()).collect(Collectors.toList()));
    assertEquals(
        expected, partitionRun("arn:aws-cn:lambda:cn-north-1:123456789012:function:work", aws));
    assertEquals(
        expected,
        partitionRun("arn:aws-us-gov:lambda:us-gov-west-1:123456789012:function:work", aws));
  }

  @Test
  void lambdaInvokeInTheGovCloudPartitionRunsTheHandlerRegisteredForTheNamedFunction() {
    String function = "arn:aws-us-gov:lambda:us-gov-west-1:123456789012:function:work";
    Execution execution =
        LocalStateMachine.builder(
                asl(
                    "{'StartAt':'Work','States':{'Work':{'Type':'Task',"
                        + "'Resource':'arn:aws-us-gov:states:::lambda:invoke',"
                        + "'Parameters':{'FunctionName':'work','Payload.$':'$'},'End':true}}}"))
            .handler(function, (input, ctx) -> json("{\"echo\":" + input + "}"))
            .virtualClock(START)
            .build()
            .run(json("{\"order\":7}"));
    assertEquals(ExecutionStatus.SUCCEEDED, execution.status());
    assertEquals(json("{\"echo\":{\"order\":7}}"), execution.output().get("Payload"));
    assertEquals(
        json(
            "{\"resourceType\":\"lambda\",\"resource\":\"invoke\",\"region\":\"us-east-1\","
                + "\"parameters\":\"{\\\"FunctionName\\\":\\\"work\\\",\\\"Payload\\\":{\\\"order\\\":7}}\"}"),
        execution.history().stream()
            .filter(e -> e.type().equals("TaskScheduled"))
            .findFirst()
            .orElseThrow()
            .details());
  }

  /**
   * The history of a machine whose one Task calls {@code function} (a handler registered for it
   * answers), with {@code function} written as {@code shownAs} to compare partitions.
   */
  private static List<String> partitionRun(String function, String shownAs) {
    Execution execution =
        LocalStateMachine.builder(
                asl(
                    "{'StartAt':'Work','States':{'Work':{'Type':'Task','Resource':'"
                        + function
                        + "','End':true}}}"))
            .handler(function, (input, ctx) -> json("{\"handled\":\"" + ctx.resource() + "\"}"))
            .virtualClock(START)
            .build()
            .run(json("{}"));
    assertEquals(ExecutionStatus.SUCCEEDED, execution.status());
    assertEquals(json("{\"handled\":\"" + function + "\"}"), execution.output());
    HistoryEvent scheduled =
        execution.history().stream()
            .filter(e -> e.type().equals("LambdaFunctionScheduled"))
            .findFirst()
            .orElseThrow();
    assertEquals(
        json(
            "{\"resource\":\""
                + function
                + "\",\"input\":\"{}\",\"inputDetails\":{\"truncated\":false}}"),
        scheduled.details());
    return execution.history().stream()
        .map(e -> e.toString().replace(function, shownAs))
        .collect(Collectors.toList());
  }

  @Test
  void anUnknownResourceFailsTheTaskListingTheRegisteredResources() {
    LocalStateMachine machine =
        LocalStateMachine.builder(
                asl(
                    "{'StartAt':'Work','States':{'Work':{'Type':'Task','Resource':'arn:aws:states:::sqs:sendMessage','End':true}}}"))
            .handler(FN, (input, ctx) -> input)
            .build();
    Execution execution = machine.run(json("{}"));
    assertEquals(ExecutionStatus.FAILED, execution.status());
    assertEquals("States.TaskFailed", execution.error());
    assertEquals(
        "No task handler is registered for resource 'arn:aws:states:::sqs:sendMessage'. Registered resources: ["
            + FN
            + "]."
            + " asl4j's in-memory service fakes answer it: register them with"
            + " LocalStateMachine.Builder.services(AwsServices.create()) (asl4j-junit's @Asl4jTest registers them"
            + " unless services = false)",
        execution.cause());
  }

  @Test
  void aResourceTheServiceFakesDoNotAnswerGetsNoHintAboutThem() {
    LocalStateMachine machine =
        LocalStateMachine.builder(
                asl(
                    "{'StartAt':'Work','States':{'Work':{'Type':'Task','Resource':'arn:aws:states:::glue:startJobRun.sync','End':true}}}"))
            .build();
    Execution execution = machine.run(json("{}"));
    assertEquals(
        "No task handler is registered for resource 'arn:aws:states:::glue:startJobRun.sync'. Registered resources: []",
        execution.cause());
  }

  @Test
  void aTaskSlowerThanItsTimeoutFailsWithStatesTimeout() {
    LocalStateMachine machine =
        LocalStateMachine.builder(
                asl(
                    "{'StartAt':'Work','States':{'Work':{'Type':'Task','Resource':'"
                        + FN
                        + "','TimeoutSeconds':10,'End':true}}}"))
            .handler(FN, TestJson.echoAfter(Duration.ofMinutes(1)))
            .virtualClock(START)
            .build();
    Execution execution = machine.run(json("{}"));
    assertEquals(ExecutionStatus.FAILED, execution.status());
    assertEquals("States.Timeout", execution.error());
    HistoryEvent last = execution.history().get(execution.history().size() - 1);
    assertEquals(START.plusSeconds(10), last.timestamp());
  }

  @Test
  void theMachineTimeoutEndsTheExecutionTimedOut() {
    LocalStateMachine machine =
        LocalStateMachine.builder(
                asl(
                    "{'TimeoutSeconds':60,'StartAt':'Sleep','States':{'Sleep':{'Type':'Wait','Seconds':3600,'End':true}}}"))
            .virtualClock(START)
            .build();
    Execution execution = machine.run(json("{}"));
    assertEquals(ExecutionStatus.TIMED_OUT, execution.status());
    assertEquals("States.Timeout", execution.error());
    assertEquals("ExecutionTimedOut", types(execution).get(types(execution).size() - 1));
  }

  @Test
  void aStoppedExecutionIsAborted() {
    LocalStateMachine machine =
        LocalStateMachine.builder(
                asl(
                    "{'StartAt':'Sleep','States':{'Sleep':{'Type':'Wait','Seconds':5,'End':true}}}"))
            .build();
    Execution execution = machine.start(json("{}"));
    execution.stop("Operator", "no longer needed");
    execution.await();
    assertEquals(ExecutionStatus.ABORTED, execution.status());
    assertEquals("Operator", execution.error());
  }

  @Test
  void parallelBranchesReturnTheirOutputsInBranchOrder() {
    LocalStateMachine machine =
        LocalStateMachine.builder(
                asl(
                    "{'StartAt':'Both','States':{'Both':{'Type':'Parallel','End':true,'Branches':["
                        + "{'StartAt':'Slow','States':{'Slow':{'Type':'Wait','Seconds':5,'Next':'A'},'A':{'Type':'Pass','Result':'a','End':true}}},"
                        + "{'StartAt':'B','States':{'B':{'Type':'Pass','Result':'b','End':true}}}]}}}"))
            .build();
    assertEquals(json("[\"a\",\"b\"]"), machine.run(json("{}")).output());
  }

  @Test
  void mapRunsItsProcessorPerItemAndKeepsItemOrder() {
    LocalStateMachine machine =
        LocalStateMachine.builder(
                asl(
                    "{'StartAt':'Each','States':{'Each':{'Type':'Map','ItemsPath':'$.items','MaxConcurrency':2,"
                        + "'ItemSelector':{'value.$':'$$.Map.Item.Value','index.$':'$$.Map.Item.Index'},"
                        + "'ItemProcessor':{'StartAt':'Double','States':{'Double':{'Type':'Pass','Parameters':{'n.$':'States.MathAdd($.value, $.value)','i.$':'$.index'},'End':true}}},'End':true}}}"))
            .build();
    Execution execution = machine.run(json("{\"items\":[1,2,3]}"));
    assertEquals(
        json("[{\"n\":2,\"i\":0},{\"n\":4,\"i\":1},{\"n\":6,\"i\":2}]"), execution.output());
  }

  @Test
  void anInvalidDefinitionIsRefusedWithEveryProblem() {
    AslValidationException e =
        assertThrows(
            AslValidationException.class,
            () ->
                LocalStateMachine.builder(
                        asl("{'StartAt':'Nowhere','States':{'A':{'Type':'Pass','Next':'Gone'}}}"))
                    .build());
    assertTrue(e.problems().size() >= 2, e.getMessage());
  }

  @Test
  void assigningMoreThan256KibOfVariablesFailsWithDataLimitExceeded() {
    // two variables of 150 KiB each: each fits, together they are over the limit of one Assign
    String big = "x".repeat(150 * 1024);
    LocalStateMachine machine =
        LocalStateMachine.builder(
                asl(
                    "{'StartAt':'Keep','States':{'Keep':{'Type':'Pass','OutputPath':null,'Assign':{'blob.$':'$.blob','again.$':'$.blob'},'End':true}}}"))
            .build();
    Execution execution = machine.run(json("{\"blob\":\"" + big + "\"}"));
    assertEquals(ExecutionStatus.FAILED, execution.status());
    assertEquals("States.DataLimitExceeded", execution.error());
    assertEquals(
        "The state 'Keep' assigned variables whose size exceeds the maximum number of bytes service limit.",
        execution.cause());
  }

  @Test
  void theStateWhoseOutputCrossesThe256KibLimitFailsWithDataLimitExceeded() {
    // given results placed one after another: 2-byte characters first (so quick upper bounds of
    // the sizes overshoot the limit long before the exact sizes do), ~1 KiB below the limit
    // after C, ~0.9 KiB above it after D
    LocalStateMachine machine =
        LocalStateMachine.builder(
                asl(
                    "{'StartAt':'A','States':{"
                        + "'A':{'Type':'Task','Resource':'arn:aws:lambda:us-east-1:123456789012:function:a','ResultPath':'$.a','Next':'B'},"
                        + "'B':{'Type':'Task','Resource':'arn:aws:lambda:us-east-1:123456789012:function:b','ResultPath':'$.b','Next':'C'},"
                        + "'C':{'Type':'Task','Resource':'arn:aws:lambda:us-east-1:123456789012:function:c','ResultPath':'$.c','Next':'Same'},"
                        + "'Same':{'Type':'Pass','Next':'D'},"
                        + "'D':{'Type':'Task','Resource':'arn:aws:lambda:us-east-1:123456789012:function:d','ResultPath':'$.d','End':true}}}"))
            .handler(
                "arn:aws:lambda:us-east-1:123456789012:function:a",
                (in, ctx) -> MAPPER.getNodeFactory().textNode("é".repeat(50_000)))
            .handler(
                "arn:aws:lambda:us-east-1:123456789012:function:b",
                (in, ctx) -> MAPPER.getNodeFactory().textNode("x".repeat(100_000)))
            .handler(
                "arn:aws:lambda:us-east-1:123456789012:function:c",
                (in, ctx) -> MAPPER.getNodeFactory().textNode("x".repeat(61_000)))
            .handler(
                "arn:aws:lambda:us-east-1:123456789012:function:d",
                (in, ctx) -> MAPPER.getNodeFactory().textNode("x".repeat(2_000)))
            .build();
    // when
    Execution execution = machine.run(json("{}"));
    // then {"a":<100,002>,"b":<100,002>,"c":<61,002>} is 261,023 bytes and passes; with "d" 263,030
    // does not
    assertEquals(ExecutionStatus.FAILED, execution.status());
    assertEquals("States.DataLimitExceeded", execution.error());
    assertEquals(
        "The state/task 'D' returned a result with a size exceeding the maximum number of bytes service limit.",
        execution.cause());
    assertEquals(List.of("A", "B", "C", "Same", "D"), execution.statesEntered());
  }

  @Test
  void jsonataRandomnessFollowsTheSeedAndItsClockIsTheVirtualOne() {
    String definition =
        asl(
            "{'QueryLanguage':'JSONata','StartAt':'Draw','States':{'Draw':{'Type':'Pass','Output':"
                + "{'uuid':'{% $uuid() %}','random':'{% $random() %}','shuffled':'{% $shuffle([1,2,3,4,5,6,7,8]) %}',"
                + "'now':'{% $now() %}','millis':'{% $millis() %}'},'End':true}}}");
    // The same seed on two machines: the same draws. AWS draws anew; a seeded local run repeats.
    Execution first =
        LocalStateMachine.builder(definition).virtualClock(START).seed(42).build().run(json("{}"));
    Execution second =
        LocalStateMachine.builder(definition).virtualClock(START).seed(42).build().run(json("{}"));

    assertEquals(ExecutionStatus.SUCCEEDED, first.status());
    assertEquals(first.output(), second.output());
    assertEquals(json("\"2025-01-01T00:00:00.000Z\""), first.output().get("now"));
    assertEquals(json(String.valueOf(START.toEpochMilli())), first.output().get("millis"));
  }

  @Test
  void anIntrinsicResultOverThePayloadLimitFailsTheStateWithDataLimitExceeded() {
    String big = "x".repeat(100 * 1024);
    LocalStateMachine machine =
        LocalStateMachine.builder(
                asl(
                        "{'StartAt':'Triple','States':{'Triple':{'Type':'Pass','Parameters':{'text.$':'")
                    + "States.Format('{}{}{}', $.blob, $.blob, $.blob)"
                    + asl("'},'End':true}}}"))
            .build();

    Execution execution = machine.run(json("{\"blob\":\"" + big + "\"}"));

    assertEquals(ExecutionStatus.FAILED, execution.status());
    assertEquals("States.DataLimitExceeded", execution.error());
    assertEquals(
        "The intrinsic function States.Format('{}{}{}', $.blob, $.blob, $.blob) returned a result"
            + " with a size exceeding the maximum number of bytes service limit.",
        execution.cause());
  }

  @Test
  void aNumericComparisonWithAnInfiniteNumberComparesItBeyondEveryOther() {
    // A default Jackson reader turns -1e400 into an infinite double, whose exact value is
    // undefined.
    LocalStateMachine machine =
        LocalStateMachine.builder(
                asl(
                    "{'StartAt':'Check','States':{'Check':{'Type':'Choice','Choices':[{'Variable':'$.v',"
                        + "'NumericLessThanEquals':1,'Next':'Small'}],'Default':'Large'},"
                        + "'Small':{'Type':'Succeed'},'Large':{'Type':'Succeed'}}}"))
            .build();

    assertEquals(List.of("Check", "Small"), machine.run(json("{\"v\": -1e400}")).statesEntered());
    assertEquals(List.of("Check", "Large"), machine.run(json("{\"v\": 1e400}")).statesEntered());
  }

  @Test
  void aSecondsPathPastALongCannotBeParsedAsALong() {
    LocalStateMachine machine =
        LocalStateMachine.builder(
                asl(
                    "{'StartAt':'W','States':{'W':{'Type':'Wait','SecondsPath':'$.s','End':true}}}"))
            .build();

    // AslReader keeps 1E+999999999 exact: reading it as a long wrote out a billion digits.
    Execution execution =
        assertTimeoutPreemptively(
            Duration.ofSeconds(5), () -> machine.run(AslReader.parse("{\"s\": 1E+999999999}")));

    assertEquals(ExecutionStatus.FAILED, execution.status());
    assertEquals("States.Runtime", execution.error());
    assertEquals(
        "An error occurred while executing the state 'W' (entered at the event id #2). The SecondsPath"
            + " parameter cannot be parsed as a long value: $.s == 1E+999999999",
        execution.cause());
  }

  @Test
  void aTimestampInTheYear999999999IsTooLongAWait() {
    LocalStateMachine machine =
        LocalStateMachine.builder(
                asl(
                    "{'StartAt':'W','States':{'W':{'Type':'Wait','TimestampPath':'$.t','End':true}}}"))
            .virtualClock(START)
            .build();

    Execution execution = machine.run(json("{\"t\": \"+999999999-12-31T23:59:59Z\"}"));

    assertEquals(ExecutionStatus.FAILED, execution.status());
    assertEquals("States.Runtime", execution.error());
    assertEquals(
        "An error occurred while executing the state 'W' (entered at the event id #2). Wait state delay"
            + " is too long.",
        execution.cause());
  }

  @Test
  void aHugeJsonataTimeoutNeverTimesTheTaskOut() {
    // 10^16 seconds in milliseconds overflowed a long: the timer was set in the past.
    LocalStateMachine machine =
        LocalStateMachine.builder(
                asl(
                    "{'QueryLanguage':'JSONata','StartAt':'T','States':{'T':{'Type':'Task','Resource':'"
                        + FN
                        + "',"
                        + "'TimeoutSeconds':'{% $states.input.t %}','End':true}}}"))
            .virtualClock(START)
            .handler(FN, TestJson.echoAfter(Duration.ofSeconds(1)))
            .build();

    assertEquals(
        ExecutionStatus.SUCCEEDED, machine.run(json("{\"t\": 10000000000000000}")).status());
  }

  @Test
  void aTimeoutSecondsPathOfAHugeNumberIsRefusedAtOnce() {
    LocalStateMachine machine =
        LocalStateMachine.builder(
                asl(
                    "{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'"
                        + FN
                        + "',"
                        + "'TimeoutSecondsPath':'$.t','End':true}}}"))
            .handler(FN, (input, ctx) -> input)
            .build();

    // AslReader keeps 1E+999999999 exact: reading it as a long wrote out a billion digits.
    Execution execution =
        assertTimeoutPreemptively(
            Duration.ofSeconds(5), () -> machine.run(AslReader.parse("{\"t\": 1E+999999999}")));

    assertEquals("States.Runtime", execution.error());
    assertEquals(
        "An error occurred while executing the state 'T' (entered at the event id #2). The"
            + " TimeoutSecondsPath field refers to value \"1E+999999999\" which is not an integer at least"
            + " 1 and below 99999999: $.t",
        execution.cause());
  }

  @Test
  void historyShowsInputsAndOutputsAsJsonTextAsAwsRecordsThem() {
    LocalStateMachine machine =
        LocalStateMachine.builder(
                asl(
                    "{'StartAt':'P','States':{'P':{'Type':'Pass','Result':{'b':[1,'x']},'End':true}}}"))
            .virtualClock(START)
            .build();
    List<HistoryEvent> history = machine.run(json("{\"a\":1}")).history();
    assertEquals(
        "{\"id\":3,\"previousEventId\":2,\"timestamp\":\"2025-01-01T00:00:00Z\",\"type\":\"PassStateExited\","
            + "\"stateExitedEventDetails\":{\"name\":\"P\",\"output\":\"{\\\"b\\\":[1,\\\"x\\\"]}\","
            + "\"outputDetails\":{\"truncated\":false}}}",
        history.get(2).toJson().toString());
    assertEquals("{\"a\":1}", history.get(0).details().get("input").asText());
  }
}
