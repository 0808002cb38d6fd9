package io.asl4j.runtime;

import static io.asl4j.runtime.TestJson.START;
import static io.asl4j.runtime.TestJson.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asl4j.dsl.model.StateMachineType;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * AWS's hard quota of 25,000 history events per Standard execution: event 25,000 is the execution's
 * end, either its own or an {@code ExecutionFailed} for the quota.
 *
 * @see <a href="https://docs.aws.amazon.com/step-functions/latest/dg/bp-history-limit.html">Avoid
 *     reaching the history quota</a>
 */
class HistoryLimitTest {
  private static final String LIMIT_CAUSE =
      "The execution reached the maximum number of history events (25000).";

  /** Counts {@code $.n} up to {@code until} with a Pass and a Choice: 4 events a round. */
  private static String countingLoop(int until) {
    return ("{'StartAt':'Count','States':{"
            + "'Count':{'Type':'Pass','Parameters':{'n.$':'States.MathAdd($.n, 1)'},'Next':'More'},"
            + "'More':{'Type':'Choice','Choices':[{'Variable':'$.n','NumericLessThan':"
            + until
            + ",'Next':'Count'}],"
            + "'Default':'Done'},"
            + "'Done':{'Type':'Succeed'}}}")
        .replace('\'', '"');
  }

  /** A Standard execution of {@link #countingLoop} from {@code {"n":0}}, on the virtual clock. */
  private static Execution runCountingLoop(int until) {
    return LocalStateMachine.builder(countingLoop(until))
        .virtualClock(START)
        .build()
        .run(json("{\"n\":0}"));
  }

  private static Map<String, Integer> countByType(List<HistoryEvent> history) {
    Map<String, Integer> counts = new TreeMap<>();
    history.forEach(e -> counts.merge(e.type(), 1, Integer::sum));
    return counts;
  }

  @Test
  void aLoopOfTwentyThousandRoundsFailsAtEvent25000WithTheHistoryLimit() {
    // given a Standard machine that would record 80,004 events
    // when
    Execution execution = runCountingLoop(20_000);
    // then the 25,000th event is the failure; the state that would have been entered is not
    assertEquals(ExecutionStatus.FAILED, execution.status());
    assertEquals("States.Runtime", execution.error());
    assertEquals(LIMIT_CAUSE, execution.cause());
    List<HistoryEvent> history = execution.history();
    assertEquals(25_000, history.size());
    assertEquals(
        "{\"id\":24999,\"previousEventId\":24998,\"timestamp\":\"2025-01-01T00:00:00Z\","
            + "\"type\":\"PassStateExited\",\"stateExitedEventDetails\":{\"name\":\"Count\","
            + "\"output\":\"{\\\"n\\\":6250}\",\"outputDetails\":{\"truncated\":false}}}",
        history.get(24_998).toJson().toString());
    assertEquals(
        "{\"id\":25000,\"previousEventId\":24999,\"timestamp\":\"2025-01-01T00:00:00Z\","
            + "\"type\":\"ExecutionFailed\",\"executionFailedEventDetails\":{\"error\":\"States.Runtime\","
            + "\"cause\":\""
            + LIMIT_CAUSE
            + "\"}}",
        history.get(24_999).toJson().toString());
    assertEquals(
        Map.of(
            "ExecutionStarted", 1,
            "PassStateEntered", 6250,
            "PassStateExited", 6250,
            "ChoiceStateEntered", 6249,
            "ChoiceStateExited", 6249,
            "ExecutionFailed", 1),
        countByType(history));
  }

  @Test
  void anExecutionWhose25000thEventIsItsSuccessSucceeds() {
    // given 6,249 rounds: 1 + 4 × 6,249 + Succeed entered/exited + ExecutionSucceeded = 25,000
    // when
    Execution execution = runCountingLoop(6_249);
    // then
    assertEquals(ExecutionStatus.SUCCEEDED, execution.status());
    assertEquals(json("{\"n\":6249}"), execution.output());
    List<HistoryEvent> history = execution.history();
    assertEquals(25_000, history.size());
    assertEquals(
        "{\"id\":25000,\"previousEventId\":24999,\"timestamp\":\"2025-01-01T00:00:00Z\","
            + "\"type\":\"ExecutionSucceeded\",\"executionSucceededEventDetails\":{"
            + "\"output\":\"{\\\"n\\\":6249}\",\"outputDetails\":{\"truncated\":false}}}",
        history.get(24_999).toJson().toString());
  }

  @Test
  void oneRoundMoreFailsInsteadOfEnteringTheChoice() {
    // given 6,250 rounds: event 25,000 would be the last round's ChoiceStateEntered
    // when
    Execution execution = runCountingLoop(6_250);
    // then
    assertEquals(ExecutionStatus.FAILED, execution.status());
    assertEquals(LIMIT_CAUSE, execution.cause());
    List<HistoryEvent> history = execution.history();
    assertEquals(25_000, history.size());
    assertEquals("PassStateExited", history.get(24_998).type());
    assertEquals("ExecutionFailed", history.get(24_999).type());
  }

  @Test
  void anInlineMapOverTenThousandItemsFailsAtEvent25000() {
    // given a Map whose iterations record 4 events each
    StringBuilder items = new StringBuilder("[0");
    for (int i = 1; i < 10_000; i++) {
      items.append(',').append(i);
    }
    items.append(']');
    LocalStateMachine machine =
        LocalStateMachine.builder(
                ("{'StartAt':'Each','States':{'Each':{'Type':'Map',"
                        + "'ItemProcessor':{'StartAt':'Echo','States':{'Echo':{'Type':'Pass','End':true}}},'End':true}}}")
                    .replace('\'', '"'))
            .virtualClock(START)
            .build();
    // when
    Execution execution = machine.run(json(items + ""));
    // then
    assertEquals(ExecutionStatus.FAILED, execution.status());
    assertEquals("States.Runtime", execution.error());
    assertEquals(LIMIT_CAUSE, execution.cause());
    List<HistoryEvent> history = execution.history();
    assertEquals(25_000, history.size());
    HistoryEvent last = history.get(24_999);
    assertEquals("ExecutionFailed", last.type());
    assertEquals(24_999, last.previousEventId());
    Map<String, Integer> counts = countByType(history);
    assertEquals(1, counts.get("MapStateStarted"));
    assertEquals(null, counts.get("MapStateSucceeded"));
    // every iteration started was either finished or cut short by the limit, at most 40 of them
    int started = counts.get("MapIterationStarted");
    int succeeded = counts.get("MapIterationSucceeded");
    assertTrue(started - succeeded <= 40, started + " started, " + succeeded + " succeeded");
    assertTrue(started > 6_000 && started < 6_300, started + " iterations started");
  }

  @Test
  void anExpressExecutionHasNoHistoryQuota() {
    // given the loop of 80,004 events, as Express (AWS keeps no history for Express executions)
    LocalStateMachine machine =
        LocalStateMachine.builder(countingLoop(20_000))
            .type(StateMachineType.EXPRESS)
            .virtualClock(START)
            .build();
    // when
    Execution execution = machine.run(json("{\"n\":0}"));
    // then
    assertEquals(ExecutionStatus.SUCCEEDED, execution.status());
    assertEquals(json("{\"n\":20000}"), execution.output());
    assertEquals(80_004, execution.history().size());
  }

  @Test
  void anEndlessExpressLoopFailsAtTheLocalGuardInsteadOfRunningForever() {
    // given a Choice looping on itself: on AWS the 5-minute limit ends it, here no time passes
    LocalStateMachine machine =
        LocalStateMachine.builder(
                ("{'StartAt':'Spin','States':{'Spin':{'Type':'Choice',"
                        + "'Choices':[{'Variable':'$.spin','BooleanEquals':true,'Next':'Spin'}],'Default':'Done'},"
                        + "'Done':{'Type':'Succeed'}}}")
                    .replace('\'', '"'))
            .type(StateMachineType.EXPRESS)
            .virtualClock(START)
            .build();
    // when
    Execution execution = machine.run(json("{\"spin\":true}"));
    // then
    assertEquals(ExecutionStatus.FAILED, execution.status());
    assertEquals("States.Runtime", execution.error());
    assertEquals(
        "The execution reached the local runtime's limit of 1000000 history events (AWS records no"
            + " history for an Express execution and ends it after 5 minutes; here a loop that takes no"
            + " time would never end).",
        execution.cause());
    List<HistoryEvent> history = execution.history();
    assertEquals(1_000_000, history.size());
    assertEquals("ChoiceStateExited", history.get(999_998).type());
    assertEquals("ExecutionFailed", history.get(999_999).type());
    assertEquals(999_999, history.get(999_999).previousEventId());
  }

  @Test
  void aDistributedMapChildLoopingForeverFailsAtItsOwnEvent25000AndTheParentKeepsItsHistory() {
    // given a distributed Map whose one child counts to 20,000 (80,004 events it may not record)
    String loopStates = json(countingLoop(20_000)).get("States").toString();
    String definition =
        "{\"StartAt\":\"Fan\",\"States\":{\"Fan\":{\"Type\":\"Map\",\"ItemsPath\":\"$.items\","
            + "\"ItemProcessor\":{\"ProcessorConfig\":{\"Mode\":\"DISTRIBUTED\",\"ExecutionType\":\"STANDARD\"},"
            + "\"StartAt\":\"Count\",\"States\":"
            + loopStates
            + "},\"End\":true}}}";
    LocalStateMachine machine = LocalStateMachine.builder(definition).virtualClock(START).build();
    // when
    Execution execution = machine.run(json("{\"items\":[{\"n\":0}]}"));
    // then the child fails at its own quota, and the Map with the child's error
    assertEquals(ExecutionStatus.FAILED, execution.status());
    assertEquals("States.Runtime", execution.error());
    assertEquals(LIMIT_CAUSE, execution.cause());
    ChildExecution child = execution.mapRuns().get(0).childExecutions().get(0);
    assertEquals(ExecutionStatus.FAILED, child.status());
    assertEquals(LIMIT_CAUSE, child.cause());
    List<HistoryEvent> childHistory = child.history();
    assertEquals(25_000, childHistory.size());
    assertEquals("ExecutionFailed", childHistory.get(24_999).type());
    assertEquals(24_999, childHistory.get(24_999).previousEventId());
    assertTrue(execution.history().size() < 20, execution.history().toString());
  }
}
