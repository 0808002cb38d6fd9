package io.asl4j.runtime;

import static io.asl4j.runtime.TestJson.FN;
import static io.asl4j.runtime.TestJson.MAPPER;
import static io.asl4j.runtime.TestJson.START;
import static io.asl4j.runtime.TestJson.asl;
import static io.asl4j.runtime.TestJson.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asl4j.dsl.model.StateMachineType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** AWS's limits on execution names, variables and how many Map iterations run at once. */
class ExecutionLimitsTest {
  private static LocalStateMachine pass() {
    return LocalStateMachine.builder(
            asl("{'StartAt':'P','States':{'P':{'Type':'Pass','End':true}}}"))
        .build();
  }

  @Test
  void executionNamesOverEightyCharactersAreRefusedWithValidationException() {
    LocalStateMachine machine = pass();
    String name = "n".repeat(81);
    StartExecutionException e =
        assertThrows(StartExecutionException.class, () -> machine.start(json("{}"), name));
    assertEquals("ValidationException", e.errorCode());
    assertEquals(
        "ValidationException: 1 validation error detected: Value '"
            + name
            + "' at 'name' failed to satisfy"
            + " constraint: Member must have length less than or equal to 80",
        e.getMessage());
    assertEquals(
        ExecutionStatus.SUCCEEDED, machine.start(json("{}"), "n".repeat(80)).await().status());
  }

  @Test
  void executionNamesWithWhitespaceControlOrSpecialCharactersAreRefusedWithInvalidName() {
    LocalStateMachine machine = pass();
    for (String name :
        List.of("order 42", "a\tb", "x\u0085y", "a/b", "a:b", "50%", "{x}", "tab\u0000")) {
      StartExecutionException e =
          assertThrows(StartExecutionException.class, () -> machine.start(json("{}"), name), name);
      assertEquals("InvalidName: Invalid Name: '" + name + "'", e.getMessage());
    }
    assertEquals(
        ExecutionStatus.SUCCEEDED, machine.start(json("{}"), "order-42_é.v1").await().status());
  }

  /** {@code {"blob": "xxx…"}}: each variable assigned from it takes 256,002 bytes. */
  private static JsonNode blob() {
    ObjectNode input = JsonNodeFactory.instance.objectNode();
    input.put("blob", "x".repeat(250 * 1024));
    return input;
  }

  private static LocalStateMachine.Builder awaitingApproval() {
    return LocalStateMachine.builder(
            asl(
                "{'StartAt':'Ask','States':{'Ask':{'Type':'Task',"
                    + "'Resource':'arn:aws:states:::sqs:sendMessage.waitForTaskToken',"
                    + "'Parameters':{'MessageBody.$':'$$.Task.Token'},'End':true}}}"))
        .name("approval")
        .virtualClock(START)
        .handler(
            "arn:aws:states:::sqs:sendMessage", (input, ctx) -> json("{\"MessageId\":\"m-1\"}"));
  }

  @Test
  void aStandardExecutionNameStartedAgainWhileRunningWithTheSameInputIsTheSameExecution() {
    LocalStateMachine machine = awaitingApproval().build();
    Execution first = machine.start(json("{\"order\":42}"), "order-42").runUntilWaiting();

    assertSame(first, machine.start(json("{\"order\":42}"), "order-42"));
    assertEquals(1, first.waitingTaskTokens().size());
  }

  @Test
  void aStandardExecutionNameIsRefusedWithOtherInputOrOnceItsExecutionHasEnded() {
    LocalStateMachine machine = awaitingApproval().build();
    Execution first = machine.start(json("{\"order\":42}"), "order-42").runUntilWaiting();
    String refused =
        "ExecutionAlreadyExists: Execution Already Exists: "
            + "'arn:aws:states:us-east-1:123456789012:execution:approval:order-42'";

    StartExecutionException otherInput =
        assertThrows(
            StartExecutionException.class, () -> machine.start(json("{\"order\":43}"), "order-42"));
    assertEquals("ExecutionAlreadyExists", otherInput.errorCode());
    assertEquals(refused, otherInput.getMessage());

    machine.sendTaskSuccess(first.waitingTaskTokens().get(0), json("{}"));
    assertEquals(ExecutionStatus.SUCCEEDED, first.await().status());
    StartExecutionException ended =
        assertThrows(
            StartExecutionException.class, () -> machine.start(json("{\"order\":42}"), "order-42"));
    assertEquals(refused, ended.getMessage());
    assertEquals(
        ExecutionStatus.RUNNING, machine.start(json("{\"order\":42}"), "order-43").status());
  }

  @Test
  void expressExecutionsMayShareAName() {
    LocalStateMachine machine =
        LocalStateMachine.builder(asl("{'StartAt':'P','States':{'P':{'Type':'Pass','End':true}}}"))
            .type(StateMachineType.EXPRESS)
            .build();
    Execution first = machine.start(json("{}"), "again").await();
    Execution second = machine.start(json("{}"), "again").await();

    assertNotSame(first, second);
    assertEquals(ExecutionStatus.SUCCEEDED, second.status());
  }

  /**
   * Pass states Keep1, Keep2, ... Keep{@code count} in a row, on the virtual clock, state {@code i}
   * assigning {@code assignment.apply(i)}.
   */
  private static LocalStateMachine keepChain(int count, IntFunction<String> assignment) {
    StringBuilder states = new StringBuilder();
    for (int i = 1; i <= count; i++) {
      states
          .append(i == 1 ? "" : ",")
          .append("'Keep")
          .append(i)
          .append("':{'Type':'Pass','Assign':{")
          .append(assignment.apply(i))
          .append("},")
          .append(i == count ? "'End':true}" : "'Next':'Keep" + (i + 1) + "'}");
    }
    return LocalStateMachine.builder(asl("{'StartAt':'Keep1','States':{" + states + "}}"))
        .virtualClock(START)
        .build();
  }

  @Test
  void variablesTogetherOverTenMibFailTheStateThatAssignsTooMuch() {
    // given 41 states, each keeping the 250 KiB blob in a variable of its own: 41 × 256,002 bytes
    LocalStateMachine machine = keepChain(41, i -> "'v" + i + ".$':'$.blob'");
    // when
    Execution execution = machine.run(blob());
    // then the 41st fails: 40 fit in 10 MiB (10,485,760 bytes), 41 do not
    assertEquals(ExecutionStatus.FAILED, execution.status());
    assertEquals("States.DataLimitExceeded", execution.error());
    assertEquals(
        "The state 'Keep41' assigned variables that take the execution's variables over the maximum number of"
            + " bytes service limit.",
        execution.cause());
    List<HistoryEvent> history = execution.history();
    assertEquals("PassStateEntered", history.get(history.size() - 2).type());
    assertEquals("Keep41", history.get(history.size() - 2).stateName());
    assertEquals(40, history.stream().filter(e -> e.type().equals("PassStateExited")).count());
  }

  @Test
  void reassigningAVariableReplacesItsSizeInTheExecutionsTotal() {
    // given one variable assigned 50 times from the 250 KiB blob: never more than 256,002 bytes
    LocalStateMachine machine = keepChain(50, i -> "'v.$':'$.blob'");
    Execution execution = machine.run(blob());
    assertEquals(ExecutionStatus.SUCCEEDED, execution.status());
  }

  @Test
  void mapIterationsGiveTheirVariablesBackWhenTheyEnd() {
    // given 100 iterations each holding 256,002 bytes: at most 40 run at once, 40 × 256,002 fit
    LocalStateMachine machine =
        LocalStateMachine.builder(
                asl(
                    "{'StartAt':'Each','States':{'Each':{'Type':'Map','ItemsPath':'$.items',"
                        + "'ItemSelector':{'blob.$':'$.blob','n.$':'$$.Map.Item.Index'},"
                        + "'ItemProcessor':{'StartAt':'Keep','States':{'Keep':{'Type':'Pass','Assign':{'mine.$':'$.blob'},"
                        + "'OutputPath':'$.n','End':true}}},'End':true}}}"))
            .virtualClock(START)
            .build();
    ObjectNode input = (ObjectNode) blob();
    input.set("items", MAPPER.valueToTree(new int[100]));
    // when
    Execution execution = machine.run(input);
    // then
    assertEquals(ExecutionStatus.SUCCEEDED, execution.status(), execution.cause());
    assertEquals(
        MAPPER.valueToTree(java.util.stream.IntStream.range(0, 100).toArray()), execution.output());
  }

  /** A Map over {@code items} items whose iterations each take one (virtual) second. */
  private static Execution oneSecondIterations(int items, String maxConcurrency) {
    LocalStateMachine machine =
        LocalStateMachine.builder(
                asl(
                    "{'StartAt':'Each','States':{'Each':{'Type':'Map',"
                        + maxConcurrency
                        + "'ItemProcessor':{'StartAt':'Work','States':{'Work':{'Type':'Task','Resource':'"
                        + FN
                        + "',"
                        + "'End':true}}},'End':true}}}"))
            .handler(FN, TestJson.echoAfter(Duration.ofSeconds(1)))
            .virtualClock(START)
            .build();
    return machine.run(MAPPER.valueToTree(new int[items]));
  }

  private static Duration mapDuration(Execution execution) {
    return Duration.between(
        firstTimestamp(execution, "MapStateStarted"),
        firstTimestamp(execution, "MapStateSucceeded"));
  }

  private static Instant firstTimestamp(Execution execution, String type) {
    return execution.history().stream()
        .filter(e -> e.type().equals(type))
        .findFirst()
        .orElseThrow()
        .timestamp();
  }

  /** The most iterations started and not yet finished at any point of the history. */
  private static int mostAtOnce(Execution execution) {
    int running = 0;
    int most = 0;
    for (HistoryEvent e : execution.history()) {
      if (e.type().equals("MapIterationStarted")) {
        most = Math.max(most, ++running);
      } else if (e.type().equals("MapIterationSucceeded")
          || e.type().equals("MapIterationFailed")) {
        running--;
      }
    }
    return most;
  }

  @Test
  void anInlineMapRunsAtMostFortyIterationsAtOnceWhateverMaxConcurrencySays() {
    // given 100 one-second iterations
    Execution unlimited = oneSecondIterations(100, "");
    Execution asked100 = oneSecondIterations(100, "'MaxConcurrency':100,");
    Execution asked30 = oneSecondIterations(100, "'MaxConcurrency':30,");
    // then they run in waves of 40 (3 seconds), or of the MaxConcurrency below 40 (4 seconds)
    assertEquals(ExecutionStatus.SUCCEEDED, unlimited.status());
    assertEquals(MAPPER.valueToTree(new int[100]), unlimited.output());
    assertEquals(Duration.ofSeconds(3), mapDuration(unlimited));
    assertEquals(40, mostAtOnce(unlimited));
    assertEquals(Duration.ofSeconds(3), mapDuration(asked100));
    assertEquals(40, mostAtOnce(asked100));
    assertEquals(Duration.ofSeconds(4), mapDuration(asked30));
    assertEquals(30, mostAtOnce(asked30));
    // the 41st iteration starts when the first one has finished
    List<String> order =
        unlimited.history().stream()
            .filter(e -> e.type().startsWith("MapIteration"))
            .map(e -> e.type() + e.details().get("index"))
            .collect(Collectors.toList());
    assertEquals(List.of("MapIterationSucceeded0", "MapIterationStarted40"), order.subList(40, 42));
  }

  @Test
  void aMapOverAMillionItemsFailsFastAtTheHistoryLimit() {
    // given a JSONata Map whose Items are a million numbers
    LocalStateMachine machine =
        LocalStateMachine.builder(
                asl(
                    "{'QueryLanguage':'JSONata','StartAt':'Each','States':{'Each':{'Type':'Map','Items':'{% [1..1000000] %}',"
                        + "'ItemProcessor':{'StartAt':'Echo','States':{'Echo':{'Type':'Pass','End':true}}},'End':true}}}"))
            .virtualClock(START)
            .build();
    // when
    long before = System.nanoTime();
    Execution execution = machine.run(json("{}"));
    long millis = (System.nanoTime() - before) / 1_000_000;
    // then
    assertEquals(ExecutionStatus.FAILED, execution.status());
    assertEquals(
        "The execution reached the maximum number of history events (25000).", execution.cause());
    assertEquals(25_000, execution.history().size());
    assertEquals(true, millis < 10_000, millis + " ms");
  }

  @Test
  void aSingleVariableOver256KibFailsTheState() {
    LocalStateMachine machine =
        LocalStateMachine.builder(
                asl(
                    "{'QueryLanguage':'JSONata','StartAt':'Keep','States':{'Keep':{'Type':'Pass',"
                        + "'Assign':{'twice':'{% [$states.input.blob, $states.input.blob] %}'},'Output':{},'End':true}}}"))
            .virtualClock(START)
            .build();
    Execution execution = machine.run(blob());
    assertEquals(ExecutionStatus.FAILED, execution.status());
    assertEquals("States.DataLimitExceeded", execution.error());
    assertEquals(
        "The state 'Keep' assigned variables whose size exceeds the maximum number of bytes service limit.",
        execution.cause());
    assertEquals(
        List.of("ExecutionStarted", "PassStateEntered", "ExecutionFailed"),
        execution.history().stream().map(HistoryEvent::type).collect(Collectors.toList()));
  }

  @Test
  void aTimeoutSecondsPathOutsideTheLiteralsRangeFailsTheTask() {
    LocalStateMachine machine =
        LocalStateMachine.builder(
                asl(
                    "{'StartAt':'Work','States':{'Work':{'Type':'Task','Resource':'"
                        + FN
                        + "',"
                        + "'TimeoutSecondsPath':'$.t','End':true}}}"))
            .handler(FN, (input, ctx) -> input)
            .virtualClock(START)
            .build();
    for (String t : List.of("0", "99999999", "\"soon\"", "1.5")) {
      Execution execution = machine.run(json("{\"t\":" + t + "}"));
      assertEquals(ExecutionStatus.FAILED, execution.status(), t);
      assertEquals("States.Runtime", execution.error());
      assertEquals(
          "An error occurred while executing the state 'Work' (entered at the event id #2). The TimeoutSecondsPath"
              + " field refers to value \""
              + t.replace("\"", "")
              + "\" which is not an integer at least 1 and below"
              + " 99999999: $.t",
          execution.cause());
    }
    assertEquals(ExecutionStatus.SUCCEEDED, machine.run(json("{\"t\":99999998}")).status());
  }

  /** A distributed Map reading {@code [1,2,3]} from S3; {@code fields} go into the Map state. */
  private static Execution distributedMap(String fields, String input) {
    java.util.Map<String, String> objects = new java.util.HashMap<>();
    objects.put("b/items.json", "[1,2,3]");
    io.asl4j.runtime.services.S3Objects s3 =
        new io.asl4j.runtime.services.S3Objects() {
          @Override
          public java.util.Optional<String> get(String bucket, String key) {
            return java.util.Optional.ofNullable(objects.get(bucket + "/" + key));
          }

          @Override
          public List<String> list(String bucket, String prefix) {
            return List.of();
          }

          @Override
          public void put(String bucket, String key, String body) {
            objects.put(bucket + "/" + key, body);
          }
        };
    LocalStateMachine machine =
        LocalStateMachine.builder(
                asl(
                    "{'StartAt':'Each','States':{'Each':{'Type':'Map',"
                        + fields
                        + "'ItemProcessor':{'ProcessorConfig':{'Mode':'DISTRIBUTED','ExecutionType':'STANDARD'},"
                        + "'StartAt':'Echo','States':{'Echo':{'Type':'Pass','End':true}}},'End':true}}}"))
            .s3(s3)
            .virtualClock(START)
            .build();
    return machine.run(json(input));
  }

  @Test
  void aMaxItemsPathOverAHundredMillionReadsAsManyItemsAsAwsAllows() {
    // AWS (recorded) reads 100,000,001 from MaxItemsPath as its maximum, not as an error
    String reader =
        "'ItemReader':{'Resource':'arn:aws:states:::s3:getObject','ReaderConfig':{'InputType':'JSON','MaxItemsPath':'$.max'},"
            + "'Parameters':{'Bucket':'b','Key':'items.json'}},";
    Execution execution = distributedMap(reader, "{\"max\":100000001}");
    assertEquals(ExecutionStatus.SUCCEEDED, execution.status(), execution.cause());
    assertEquals(json("[1,2,3]"), execution.output());
  }

  @Test
  void batchesStayWithin256KibWhateverMaxInputBytesPerBatchPathSays() {
    // given two items that ItemSelector makes 140 KiB each, and a path asking for a million bytes
    String batcher =
        "'ItemsPath':'$.items','ItemSelector':{'a.$':'$.blob','b.$':'$.blob'},"
            + "'ItemBatcher':{'MaxInputBytesPerBatchPath':'$.bytes'},"
            + "'ResultSelector':{'batches.$':'States.ArrayLength($)'},";
    String blob = "\"" + "i".repeat(70 * 1024) + "\"";
    // when
    Execution execution =
        distributedMap(batcher, "{\"items\":[1,2],\"blob\":" + blob + ",\"bytes\":1000000}");
    // then each goes to a batch of its own: together they are over the payload limit
    assertEquals(ExecutionStatus.SUCCEEDED, execution.status(), execution.cause());
    assertEquals(json("{\"batches\":2}"), execution.output());
  }

  @Test
  void aDefinitionOverOneMibIsRefusedWhenTheMachineIsBuilt() {
    String definition =
        asl(
            "{'Comment':'"
                + "c".repeat(1024 * 1024)
                + "','StartAt':'P','States':{'P':{'Type':'Pass','End':true}}}");
    io.asl4j.dsl.validate.AslValidationException e =
        assertThrows(
            io.asl4j.dsl.validate.AslValidationException.class,
            () -> LocalStateMachine.builder(definition).build());
    assertEquals(
        List.of(
            "/: error [DefinitionTooLarge] the definition has 1048646 characters; AWS accepts at most 1048576 (1 MiB)"),
        e.problems().stream().map(Object::toString).collect(Collectors.toList()));
  }
}
