package io.asl4j.runtime;

import static io.asl4j.runtime.TestJson.START;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import io.asl4j.dsl.model.StateMachineType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@link Execution#redrive()}: AWS's RedriveExecution, on the virtual clock. */
class RedriveTest {
  private static final String CHARGE = "arn:aws:lambda:us-east-1:123456789012:function:charge";

  private static JsonNode json(String text) {
    return TestJson.json(text.replace('\'', '"'));
  }

  /**
   * One line per event: id, {@code <}previous id, type and details, with double quotes as single
   * ones, the Lambda ARN as CHARGE and each of {@code tokens} as TOKEN-1, TOKEN-2, ...
   */
  static List<String> history(List<HistoryEvent> events, String... tokens) {
    return events.stream()
        .map(
            e -> {
              JsonNode details = e.toJson().get(e.detailsField());
              String text =
                  details == null
                      ? ""
                      : " " + details.toString().replace("\"", "'").replace(CHARGE, "CHARGE");
              for (int i = 0; i < tokens.length; i++) {
                text = text.replace(tokens[i], "TOKEN-" + (i + 1));
              }
              return e.id() + " <" + e.previousEventId() + " " + e.type() + text;
            })
        .collect(Collectors.toList());
  }

  private static void assertHistory(
      List<String> expected, List<HistoryEvent> events, String... tokens) {
    List<String> actual = history(events, tokens);
    if (!expected.equals(actual)) {
      System.out.println(
          actual.stream()
              .map(l -> "            \"" + l.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
              .collect(Collectors.joining(",\n")));
    }
    assertEquals(expected, actual);
  }

  /**
   * Fails with {@code Card.Down} until the card service is {@code up}, for the amounts in {@code
   * failing}.
   */
  private static TaskHandler charge(AtomicBoolean up, List<JsonNode> inputs, int... failing) {
    return (input, ctx) -> {
      inputs.add(input);
      boolean fails = failing.length == 0;
      for (int amount : failing) {
        fails |= input.path("amount").asInt() == amount;
      }
      if (fails && !up.get()) {
        throw new StatesError("Card.Down", "the card service is down");
      }
      return json("{'charged':" + input.path("amount") + "}");
    };
  }

  private static LocalStateMachine machine(String definition, TaskHandler charge) {
    return LocalStateMachine.builder(json(definition).toString())
        .handler(CHARGE, charge)
        .handler("arn:aws:states:::sqs:sendMessage", (input, ctx) -> json("{'MessageId':'m-1'}"))
        .virtualClock(START)
        .seed(5)
        .build();
  }

  private static final String CALLBACK =
      "'Approve':{'Type':'Task','Resource':'arn:aws:states:::sqs:sendMessage.waitForTaskToken',"
          + "'Parameters':{'MessageBody':{'token.$':'$$.Task.Token'}},'End':true}";

  private static final String PASS = "{'StartAt':'P','States':{'P':{'Type':'Pass','End':true}}}";

  private static final String FAILS =
      "{'StartAt':'F','States':{'F':{'Type':'Fail','Error':'Broken','Cause':'always'}}}";

  @Test
  void
      aTaskFailureRedrivenResumesAtThatStateWithItsOriginalInputRetriesFromZeroAndSucceedsOnceTheHandlerDoes() {
    AtomicBoolean up = new AtomicBoolean(false);
    List<JsonNode> inputs = new ArrayList<>();
    LocalStateMachine machine =
        machine(
            "{'StartAt':'Prepare','States':{"
                + "'Prepare':{'Type':'Pass','Result':{'amount':42},'Next':'Charge'},"
                + "'Charge':{'Type':'Task','Resource':'"
                + CHARGE
                + "',"
                + "'Retry':[{'ErrorEquals':['Card.Down'],'MaxAttempts':1,'IntervalSeconds':2}],'ResultPath':'$.receipt','Next':'Done'},"
                + "'Done':{'Type':'Pass','Parameters':{'receipt.$':'$.receipt','redrives.$':'$$.Execution.RedriveCount',"
                + "'redrivenAt.$':'$$.Execution.RedriveTime'},'End':true}}}",
            charge(up, inputs));
    Execution execution = machine.run(json("{'order':7}"));
    assertEquals(ExecutionStatus.FAILED, execution.status());
    assertEquals(RedriveStatus.REDRIVABLE, execution.redriveStatus());
    assertNull(execution.redriveStatusReason());
    assertEquals(0, execution.redriveCount());
    assertNull(execution.redriveDate());

    // Still down an hour later: Charge runs again, with its one retry again, and fails again.
    execution.redriveAt(START.plus(Duration.ofHours(1))).await();
    assertEquals(ExecutionStatus.FAILED, execution.status());
    up.set(true);
    execution.redriveAt(START.plus(Duration.ofHours(2))).await();

    assertEquals(ExecutionStatus.SUCCEEDED, execution.status());
    assertEquals(
        json("{'receipt':{'charged':42},'redrives':2,'redrivenAt':'2025-01-01T02:00:00.000Z'}"),
        execution.output());
    assertEquals(2, execution.redriveCount());
    assertEquals(START.plus(Duration.ofHours(2)), execution.redriveDate());
    assertEquals(RedriveStatus.NOT_REDRIVABLE, execution.redriveStatus());
    assertEquals("Execution is SUCCEEDED and cannot be redriven", execution.redriveStatusReason());
    assertEquals(
        List.of(
            json("{'amount':42}"),
            json("{'amount':42}"),
            json("{'amount':42}"),
            json("{'amount':42}"),
            json("{'amount':42}")),
        inputs);
    assertHistory(
        List.of(
            "1 <0 ExecutionStarted {'input':'{\\'order\\':7}','inputDetails':{'truncated':false},'roleArn':'arn:aws:iam::123456789012:role/asl4j-local'}",
            "2 <0 PassStateEntered {'name':'Prepare','input':'{\\'order\\':7}','inputDetails':{'truncated':false}}",
            "3 <2 PassStateExited {'name':'Prepare','output':'{\\'amount\\':42}','outputDetails':{'truncated':false}}",
            "4 <3 TaskStateEntered {'name':'Charge','input':'{\\'amount\\':42}','inputDetails':{'truncated':false}}",
            "5 <4 LambdaFunctionScheduled {'resource':'CHARGE','input':'{\\'amount\\':42}','inputDetails':{'truncated':false}}",
            "6 <5 LambdaFunctionStarted",
            "7 <6 LambdaFunctionFailed {'error':'Card.Down','cause':'the card service is down'}",
            "8 <7 LambdaFunctionScheduled {'resource':'CHARGE','input':'{\\'amount\\':42}','inputDetails':{'truncated':false}}",
            "9 <8 LambdaFunctionStarted",
            "10 <9 LambdaFunctionFailed {'error':'Card.Down','cause':'the card service is down'}",
            "11 <10 ExecutionFailed {'error':'Card.Down','cause':'the card service is down'}",
            "12 <11 ExecutionRedriven {'redriveCount':1}",
            "13 <12 TaskStateEntered {'name':'Charge','input':'{\\'amount\\':42}','inputDetails':{'truncated':false}}",
            "14 <13 LambdaFunctionScheduled {'resource':'CHARGE','input':'{\\'amount\\':42}','inputDetails':{'truncated':false}}",
            "15 <14 LambdaFunctionStarted",
            "16 <15 LambdaFunctionFailed {'error':'Card.Down','cause':'the card service is down'}",
            "17 <16 LambdaFunctionScheduled {'resource':'CHARGE','input':'{\\'amount\\':42}','inputDetails':{'truncated':false}}",
            "18 <17 LambdaFunctionStarted",
            "19 <18 LambdaFunctionFailed {'error':'Card.Down','cause':'the card service is down'}",
            "20 <19 ExecutionFailed {'error':'Card.Down','cause':'the card service is down'}",
            "21 <20 ExecutionRedriven {'redriveCount':2}",
            "22 <21 TaskStateEntered {'name':'Charge','input':'{\\'amount\\':42}','inputDetails':{'truncated':false}}",
            "23 <22 LambdaFunctionScheduled {'resource':'CHARGE','input':'{\\'amount\\':42}','inputDetails':{'truncated':false}}",
            "24 <23 LambdaFunctionStarted",
            "25 <24 LambdaFunctionSucceeded {'output':'{\\'charged\\':42}','outputDetails':{'truncated':false}}",
            "26 <25 TaskStateExited {'name':'Charge','output':'{\\'amount\\':42,\\'receipt\\':{\\'charged\\':42}}','outputDetails':{'truncated':false}}",
            "27 <26 PassStateEntered {'name':'Done','input':'{\\'amount\\':42,\\'receipt\\':{\\'charged\\':42}}','inputDetails':{'truncated':false}}",
            "28 <27 PassStateExited {'name':'Done','output':'{\\'receipt\\':{\\'charged\\':42},\\'redrives\\':2,\\'redrivenAt\\':\\'2025-01-01T02:00:00.000Z\\'}','outputDetails':{'truncated':false}}",
            "29 <28 ExecutionSucceeded {'output':'{\\'receipt\\':{\\'charged\\':42},\\'redrives\\':2,\\'redrivenAt\\':\\'2025-01-01T02:00:00.000Z\\'}','outputDetails':{'truncated':false}}"),
        execution.history());
  }

  @Test
  void aRedrivenParallelRunsOnlyItsFailedBranchFromItsFailedStateWithTheVariablesItHad() {
    AtomicBoolean up = new AtomicBoolean(false);
    List<JsonNode> inputs = new ArrayList<>();
    Execution execution =
        machine(
                "{'StartAt':'Both','States':{'Both':{'Type':'Parallel','End':true,'Branches':["
                    + "{'StartAt':'Ship','States':{'Ship':{'Type':'Pass','Result':'shipped','End':true}}},"
                    + "{'StartAt':'Prepare','States':{'Prepare':{'Type':'Pass','Parameters':{'amount.$':'$.amount'},'Assign':{'seen':1},'Next':'Charge'},"
                    + "'Charge':{'Type':'Task','Resource':'"
                    + CHARGE
                    + "','Next':'Note'},"
                    + "'Note':{'Type':'Pass','Parameters':{'charged.$':'$.charged','seen.$':'$seen'},'End':true}}}]}}}",
                charge(up, inputs))
            .run(json("{'amount':5}"));
    assertEquals(ExecutionStatus.FAILED, execution.status());
    up.set(true);

    execution.redrive().await();

    assertEquals(ExecutionStatus.SUCCEEDED, execution.status());
    assertEquals(json("['shipped',{'charged':5,'seen':1}]"), execution.output());
    assertEquals(List.of(json("{'amount':5}"), json("{'amount':5}")), inputs);
    assertHistory(
        List.of(
            "1 <0 ExecutionStarted {'input':'{\\'amount\\':5}','inputDetails':{'truncated':false},'roleArn':'arn:aws:iam::123456789012:role/asl4j-local'}",
            "2 <0 ParallelStateEntered {'name':'Both','input':'{\\'amount\\':5}','inputDetails':{'truncated':false}}",
            "3 <2 ParallelStateStarted",
            "4 <3 PassStateEntered {'name':'Ship','input':'{\\'amount\\':5}','inputDetails':{'truncated':false}}",
            "5 <4 PassStateExited {'name':'Ship','output':'\\'shipped\\'','outputDetails':{'truncated':false}}",
            "6 <3 PassStateEntered {'name':'Prepare','input':'{\\'amount\\':5}','inputDetails':{'truncated':false}}",
            "7 <6 PassStateExited {'name':'Prepare','output':'{\\'amount\\':5}','outputDetails':{'truncated':false},'assignedVariables':{'seen':'1'},'assignedVariablesDetails':{'truncated':false}}",
            "8 <7 TaskStateEntered {'name':'Charge','input':'{\\'amount\\':5}','inputDetails':{'truncated':false}}",
            "9 <8 LambdaFunctionScheduled {'resource':'CHARGE','input':'{\\'amount\\':5}','inputDetails':{'truncated':false}}",
            "10 <9 LambdaFunctionStarted",
            "11 <10 LambdaFunctionFailed {'error':'Card.Down','cause':'the card service is down'}",
            "12 <11 TaskStateAborted",
            "13 <12 ParallelStateFailed",
            "14 <13 ExecutionFailed {'error':'Card.Down','cause':'the card service is down'}",
            "15 <14 ExecutionRedriven {'redriveCount':1}",
            "16 <15 ParallelStateEntered {'name':'Both','input':'{\\'amount\\':5}','inputDetails':{'truncated':false}}",
            "17 <16 ParallelStateStarted",
            "18 <17 TaskStateEntered {'name':'Charge','input':'{\\'amount\\':5}','inputDetails':{'truncated':false}}",
            "19 <18 LambdaFunctionScheduled {'resource':'CHARGE','input':'{\\'amount\\':5}','inputDetails':{'truncated':false}}",
            "20 <19 LambdaFunctionStarted",
            "21 <20 LambdaFunctionSucceeded {'output':'{\\'charged\\':5}','outputDetails':{'truncated':false}}",
            "22 <21 TaskStateExited {'name':'Charge','output':'{\\'charged\\':5}','outputDetails':{'truncated':false}}",
            "23 <22 PassStateEntered {'name':'Note','input':'{\\'charged\\':5}','inputDetails':{'truncated':false}}",
            "24 <23 PassStateExited {'name':'Note','output':'{\\'charged\\':5,\\'seen\\':1}','outputDetails':{'truncated':false}}",
            "25 <24 ParallelStateSucceeded",
            "26 <24 ParallelStateExited {'name':'Both','output':'[\\'shipped\\',{\\'charged\\':5,\\'seen\\':1}]','outputDetails':{'truncated':false}}",
            "27 <26 ExecutionSucceeded {'output':'[\\'shipped\\',{\\'charged\\':5,\\'seen\\':1}]','outputDetails':{'truncated':false}}"),
        execution.history());
  }

  @Test
  void aRedrivenInlineMapRunsOnlyItsFailedAndAbortedIterations() {
    AtomicBoolean up = new AtomicBoolean(false);
    List<JsonNode> inputs = new ArrayList<>();
    Execution execution =
        machine(
                "{'StartAt':'Each','States':{'Each':{'Type':'Map','End':true,'ItemSelector':{'amount.$':'$$.Map.Item.Value'},"
                    + "'ItemProcessor':{'StartAt':'Charge','States':{'Charge':{'Type':'Task','Resource':'"
                    + CHARGE
                    + "','End':true}}}}}}",
                charge(up, inputs, 2))
            .run(json("[1,2,3]"));
    assertEquals(ExecutionStatus.FAILED, execution.status());
    up.set(true);

    execution.redrive().await();

    assertEquals(ExecutionStatus.SUCCEEDED, execution.status());
    assertEquals(json("[{'charged':1},{'charged':2},{'charged':3}]"), execution.output());
    // Item 3's Charge was aborted before its handler ran; item 1's is not called again.
    assertEquals(
        List.of(
            json("{'amount':1}"), json("{'amount':2}"), json("{'amount':2}"), json("{'amount':3}")),
        inputs);
    assertHistory(
        List.of(
            "1 <0 ExecutionStarted {'input':'[1,2,3]','inputDetails':{'truncated':false},'roleArn':'arn:aws:iam::123456789012:role/asl4j-local'}",
            "2 <0 MapStateEntered {'name':'Each','input':'[1,2,3]','inputDetails':{'truncated':false}}",
            "3 <2 MapStateStarted {'length':3}",
            "4 <3 MapIterationStarted {'index':0,'name':'Each'}",
            "5 <3 MapIterationStarted {'index':1,'name':'Each'}",
            "6 <3 MapIterationStarted {'index':2,'name':'Each'}",
            "7 <4 TaskStateEntered {'name':'Charge','input':'{\\'amount\\':1}','inputDetails':{'truncated':false}}",
            "8 <7 LambdaFunctionScheduled {'resource':'CHARGE','input':'{\\'amount\\':1}','inputDetails':{'truncated':false}}",
            "9 <5 TaskStateEntered {'name':'Charge','input':'{\\'amount\\':2}','inputDetails':{'truncated':false}}",
            "10 <9 LambdaFunctionScheduled {'resource':'CHARGE','input':'{\\'amount\\':2}','inputDetails':{'truncated':false}}",
            "11 <6 TaskStateEntered {'name':'Charge','input':'{\\'amount\\':3}','inputDetails':{'truncated':false}}",
            "12 <11 LambdaFunctionScheduled {'resource':'CHARGE','input':'{\\'amount\\':3}','inputDetails':{'truncated':false}}",
            "13 <8 LambdaFunctionStarted",
            "14 <13 LambdaFunctionSucceeded {'output':'{\\'charged\\':1}','outputDetails':{'truncated':false}}",
            "15 <14 TaskStateExited {'name':'Charge','output':'{\\'charged\\':1}','outputDetails':{'truncated':false}}",
            "16 <15 MapIterationSucceeded {'index':0,'name':'Each'}",
            "17 <10 LambdaFunctionStarted",
            "18 <17 LambdaFunctionFailed {'error':'Card.Down','cause':'the card service is down'}",
            "19 <18 MapIterationFailed {'index':1,'name':'Each'}",
            "20 <12 TaskStateAborted",
            "21 <18 MapIterationAborted {'index':2,'name':'Each'}",
            "22 <18 TaskStateAborted",
            "23 <18 MapStateFailed",
            "24 <23 ExecutionFailed {'error':'Card.Down','cause':'the card service is down'}",
            "25 <24 ExecutionRedriven {'redriveCount':1}",
            "26 <25 MapStateEntered {'name':'Each','input':'[1,2,3]','inputDetails':{'truncated':false}}",
            "27 <26 MapStateStarted {'length':3}",
            "28 <27 MapIterationStarted {'index':1,'name':'Each'}",
            "29 <27 MapIterationStarted {'index':2,'name':'Each'}",
            "30 <28 TaskStateEntered {'name':'Charge','input':'{\\'amount\\':2}','inputDetails':{'truncated':false}}",
            "31 <30 LambdaFunctionScheduled {'resource':'CHARGE','input':'{\\'amount\\':2}','inputDetails':{'truncated':false}}",
            "32 <29 TaskStateEntered {'name':'Charge','input':'{\\'amount\\':3}','inputDetails':{'truncated':false}}",
            "33 <32 LambdaFunctionScheduled {'resource':'CHARGE','input':'{\\'amount\\':3}','inputDetails':{'truncated':false}}",
            "34 <31 LambdaFunctionStarted",
            "35 <34 LambdaFunctionSucceeded {'output':'{\\'charged\\':2}','outputDetails':{'truncated':false}}",
            "36 <35 TaskStateExited {'name':'Charge','output':'{\\'charged\\':2}','outputDetails':{'truncated':false}}",
            "37 <36 MapIterationSucceeded {'index':1,'name':'Each'}",
            "38 <33 LambdaFunctionStarted",
            "39 <38 LambdaFunctionSucceeded {'output':'{\\'charged\\':3}','outputDetails':{'truncated':false}}",
            "40 <39 TaskStateExited {'name':'Charge','output':'{\\'charged\\':3}','outputDetails':{'truncated':false}}",
            "41 <40 MapIterationSucceeded {'index':2,'name':'Each'}",
            "42 <41 MapStateSucceeded",
            "43 <41 MapStateExited {'name':'Each','output':'[{\\'charged\\':1},{\\'charged\\':2},{\\'charged\\':3}]','outputDetails':{'truncated':false}}",
            "44 <43 ExecutionSucceeded {'output':'[{\\'charged\\':1},{\\'charged\\':2},{\\'charged\\':3}]','outputDetails':{'truncated':false}}"),
        execution.history());
  }

  @Test
  void aRetryAfterARedrivenMapAttemptRunsEveryItemAgain() {
    List<JsonNode> inputs = new ArrayList<>();
    Execution execution =
        machine(
                "{'StartAt':'Each','States':{'Each':{'Type':'Map','End':true,'ItemSelector':{'amount.$':'$$.Map.Item.Value'},"
                    + "'Retry':[{'ErrorEquals':['Card.Down'],'MaxAttempts':1}],"
                    + "'ItemProcessor':{'StartAt':'Prepare','States':{'Prepare':{'Type':'Pass','Next':'Charge'},"
                    + "'Charge':{'Type':'Task','Resource':'"
                    + CHARGE
                    + "','End':true}}}}}}",
                charge(new AtomicBoolean(false), inputs, 2))
            .run(json("[1,2]"));

    execution.redrive().await();

    assertEquals(ExecutionStatus.FAILED, execution.status());
    // The run and its retry; the redriven attempt (item 2 only) and its retry (every item).
    assertEquals(
        List.of(
            json("{'amount':1}"),
            json("{'amount':2}"),
            json("{'amount':1}"),
            json("{'amount':2}"),
            json("{'amount':2}"),
            json("{'amount':1}"),
            json("{'amount':2}")),
        inputs);
    // Prepare ran for both items in each of those attempts but the redriven one, which resumed item
    // 2 at Charge.
    assertEquals(
        6, execution.history().stream().filter(e -> e.type().equals("PassStateEntered")).count());
  }

  private static String distributed(String executionType) {
    return "{'StartAt':'Fan','States':{'Fan':{'Type':'Map','End':true,'ItemSelector':{'amount.$':'$$.Map.Item.Value'},"
        + "'ItemProcessor':{'ProcessorConfig':{'Mode':'DISTRIBUTED','ExecutionType':'"
        + executionType
        + "'},"
        + "'StartAt':'Prepare','States':{'Prepare':{'Type':'Pass','Next':'Charge'},"
        + "'Charge':{'Type':'Task','Resource':'"
        + CHARGE
        + "','End':true}}}}}}";
  }

  @Test
  void aRedrivenDistributedMapRedrivesItsMapRunAndOnlyItsUnsuccessfulStandardChildren() {
    AtomicBoolean up = new AtomicBoolean(false);
    List<JsonNode> inputs = new ArrayList<>();
    Execution execution =
        machine(distributed("STANDARD"), charge(up, inputs, 2)).run(json("[1,2,3]"));
    MapRun mapRun = execution.mapRuns().get(0);
    assertEquals(MapRun.Status.FAILED, mapRun.status());
    assertEquals(
        List.of(
            RedriveStatus.NOT_REDRIVABLE,
            RedriveStatus.REDRIVABLE_BY_MAP_RUN,
            RedriveStatus.REDRIVABLE_BY_MAP_RUN),
        mapRun.childExecutions().stream().map(ChildExecution::redriveStatus).toList());
    List<String> arns = mapRun.childExecutions().stream().map(ChildExecution::arn).toList();
    up.set(true);

    execution.redriveAt(START.plusSeconds(600)).await();

    assertEquals(ExecutionStatus.SUCCEEDED, execution.status());
    assertEquals(json("[{'charged':1},{'charged':2},{'charged':3}]"), execution.output());
    assertEquals(1, execution.mapRuns().size(), "the same Map Run, redriven");
    mapRun = execution.mapRuns().get(0);
    assertEquals(MapRun.Status.SUCCEEDED, mapRun.status());
    assertEquals(1, mapRun.redriveCount());
    assertEquals(START.plusSeconds(600), mapRun.redriveDate());
    assertEquals(new MapRun.Counts(0, 0, 3, 0, 0, 0, 3, 0), mapRun.executionCounts());
    assertEquals(
        arns,
        mapRun.childExecutions().stream().map(ChildExecution::arn).toList(),
        "Standard children keep their ARNs");
    assertEquals(
        List.of(0, 1, 1),
        mapRun.childExecutions().stream().map(ChildExecution::redriveCount).toList());
    assertEquals(
        List.of(
            json("{'amount':1}"), json("{'amount':2}"), json("{'amount':2}"), json("{'amount':3}")),
        inputs);
    assertHistory(
        List.of(
            "1 <0 ExecutionStarted {'input':'[1,2,3]','inputDetails':{'truncated':false},'roleArn':'arn:aws:iam::123456789012:role/asl4j-local'}",
            "2 <0 MapStateEntered {'name':'Fan','input':'[1,2,3]','inputDetails':{'truncated':false}}",
            "3 <2 MapStateStarted {'length':3}",
            "4 <3 MapRunStarted {'mapRunArn':'arn:aws:states:us-east-1:123456789012:mapRun:asl4j-local/5fb76d3a-ec15-364e-9342-8e9777ad19af:5634d9b3-7e69-3996-8f8e-16d9986a79a5'}",
            "5 <4 MapRunFailed {'error':'Card.Down','cause':'the card service is down'}",
            "6 <5 MapStateFailed",
            "7 <6 ExecutionFailed {'error':'Card.Down','cause':'the card service is down'}",
            "8 <7 ExecutionRedriven {'redriveCount':1}",
            "9 <8 MapStateEntered {'name':'Fan','input':'[1,2,3]','inputDetails':{'truncated':false}}",
            "10 <9 MapStateStarted {'length':3}",
            "11 <10 MapRunRedriven {'mapRunArn':'arn:aws:states:us-east-1:123456789012:mapRun:asl4j-local/5fb76d3a-ec15-364e-9342-8e9777ad19af:5634d9b3-7e69-3996-8f8e-16d9986a79a5','redriveCount':1}",
            "12 <11 MapRunSucceeded",
            "13 <12 MapStateSucceeded",
            "14 <11 MapStateExited {'name':'Fan','output':'[{\\'charged\\':1},{\\'charged\\':2},{\\'charged\\':3}]','outputDetails':{'truncated':false}}",
            "15 <14 ExecutionSucceeded {'output':'[{\\'charged\\':1},{\\'charged\\':2},{\\'charged\\':3}]','outputDetails':{'truncated':false}}"),
        execution.history());
    // The child that failed goes on in its own history, at the state it failed in.
    assertHistory(
        List.of(
            "1 <0 ExecutionStarted {'input':'{\\'amount\\':2}','inputDetails':{'truncated':false},'roleArn':'arn:aws:iam::123456789012:role/asl4j-local'}",
            "2 <0 PassStateEntered {'name':'Prepare','input':'{\\'amount\\':2}','inputDetails':{'truncated':false}}",
            "3 <2 PassStateExited {'name':'Prepare','output':'{\\'amount\\':2}','outputDetails':{'truncated':false}}",
            "4 <3 TaskStateEntered {'name':'Charge','input':'{\\'amount\\':2}','inputDetails':{'truncated':false}}",
            "5 <4 LambdaFunctionScheduled {'resource':'CHARGE','input':'{\\'amount\\':2}','inputDetails':{'truncated':false}}",
            "6 <5 LambdaFunctionStarted",
            "7 <6 LambdaFunctionFailed {'error':'Card.Down','cause':'the card service is down'}",
            "8 <7 ExecutionFailed {'error':'Card.Down','cause':'the card service is down'}",
            "9 <8 ExecutionRedriven {'redriveCount':1}",
            "10 <9 TaskStateEntered {'name':'Charge','input':'{\\'amount\\':2}','inputDetails':{'truncated':false}}",
            "11 <10 LambdaFunctionScheduled {'resource':'CHARGE','input':'{\\'amount\\':2}','inputDetails':{'truncated':false}}",
            "12 <11 LambdaFunctionStarted",
            "13 <12 LambdaFunctionSucceeded {'output':'{\\'charged\\':2}','outputDetails':{'truncated':false}}",
            "14 <13 TaskStateExited {'name':'Charge','output':'{\\'charged\\':2}','outputDetails':{'truncated':false}}",
            "15 <14 ExecutionSucceeded {'output':'{\\'charged\\':2}','outputDetails':{'truncated':false}}"),
        mapRun.childExecutions().get(1).history());
  }

  @Test
  void aRedrivenMapRunStartsItsUnsuccessfulExpressChildrenAgainAsNewExecutions() {
    AtomicBoolean up = new AtomicBoolean(false);
    List<JsonNode> inputs = new ArrayList<>();
    Execution execution =
        machine(distributed("EXPRESS"), charge(up, inputs, 2)).run(json("[1,2,3]"));
    List<String> arns =
        execution.mapRuns().get(0).childExecutions().stream().map(ChildExecution::arn).toList();
    up.set(true);

    execution.redrive().await();

    assertEquals(ExecutionStatus.SUCCEEDED, execution.status());
    assertEquals(json("[{'charged':1},{'charged':2},{'charged':3}]"), execution.output());
    MapRun mapRun = execution.mapRuns().get(0);
    assertEquals(1, mapRun.redriveCount());
    List<ChildExecution> children = mapRun.childExecutions();
    assertEquals(arns.get(0), children.get(0).arn(), "the child that succeeded is kept");
    for (int i = 1; i < 3; i++) {
      // The same name, a new run id: a new Express execution, from its first state.
      String arn = children.get(i).arn();
      assertEquals(
          arns.get(i).substring(0, arns.get(i).lastIndexOf(':')),
          arn.substring(0, arn.lastIndexOf(':')));
      assertNotEquals(arns.get(i), arn);
      assertEquals(0, children.get(i).redriveCount());
    }
    assertEquals(
        List.of(
            "ExecutionStarted",
            "PassStateEntered",
            "PassStateExited",
            "TaskStateEntered",
            "LambdaFunctionScheduled",
            "LambdaFunctionStarted",
            "LambdaFunctionSucceeded",
            "TaskStateExited",
            "ExecutionSucceeded"),
        children.get(1).history().stream().map(HistoryEvent::type).toList());
    assertEquals(
        List.of(
            json("{'amount':1}"), json("{'amount':2}"), json("{'amount':2}"), json("{'amount':3}")),
        inputs);
  }

  @Test
  void aRedriveResumesTheFailedIterationOfAMapInsideAParallelBranchAtItsOwnFailedState() {
    AtomicBoolean up = new AtomicBoolean(false);
    List<JsonNode> inputs = new ArrayList<>();
    Execution execution =
        machine(
                "{'StartAt':'Both','States':{'Both':{'Type':'Parallel','End':true,'Branches':["
                    + "{'StartAt':'Ship','States':{'Ship':{'Type':'Pass','Result':'shipped','End':true}}},"
                    + "{'StartAt':'Each','States':{'Each':{'Type':'Map','End':true,'ItemSelector':{'amount.$':'$$.Map.Item.Value'},"
                    + "'ItemProcessor':{'StartAt':'Prepare','States':{'Prepare':{'Type':'Pass','Next':'Charge'},"
                    + "'Charge':{'Type':'Task','Resource':'"
                    + CHARGE
                    + "','End':true}}}}}}]}}}",
                charge(up, inputs, 2))
            .run(json("[1,2]"));
    assertEquals(ExecutionStatus.FAILED, execution.status());
    up.set(true);

    execution.redrive().await();

    assertEquals(ExecutionStatus.SUCCEEDED, execution.status());
    assertEquals(json("['shipped',[{'charged':1},{'charged':2}]]"), execution.output());
    assertEquals(List.of(json("{'amount':1}"), json("{'amount':2}"), json("{'amount':2}")), inputs);
    List<String> types = execution.history().stream().map(HistoryEvent::type).toList();
    assertEquals(
        List.of(
            "ExecutionRedriven",
            "ParallelStateEntered",
            "ParallelStateStarted",
            "MapStateEntered",
            "MapStateStarted",
            "MapIterationStarted",
            "TaskStateEntered",
            "LambdaFunctionScheduled",
            "LambdaFunctionStarted",
            "LambdaFunctionSucceeded",
            "TaskStateExited",
            "MapIterationSucceeded",
            "MapStateSucceeded",
            "MapStateExited",
            "ParallelStateSucceeded",
            "ParallelStateExited",
            "ExecutionSucceeded"),
        types.subList(types.indexOf("ExecutionRedriven"), types.size()));
  }

  @Test
  void aMapRunWhoseItemReaderFailedIsRedrivenAndReadsItsItemsAgain() {
    io.asl4j.runtime.services.S3Objects s3 = io.asl4j.runtime.services.AwsServices.create(1).s3();
    List<JsonNode> inputs = new ArrayList<>();
    Execution execution =
        LocalStateMachine.builder(
                json("{'StartAt':'Fan','States':{'Fan':{'Type':'Map','End':true,"
                        + "'ItemReader':{'Resource':'arn:aws:states:::s3:getObject','ReaderConfig':{'InputType':'JSON'},"
                        + "'Parameters':{'Bucket':'in','Key':'amounts.json'}},'ItemSelector':{'amount.$':'$$.Map.Item.Value'},"
                        + "'ItemProcessor':{'ProcessorConfig':{'Mode':'DISTRIBUTED','ExecutionType':'STANDARD'},"
                        + "'StartAt':'Charge','States':{'Charge':{'Type':'Task','Resource':'"
                        + CHARGE
                        + "','End':true}}}}}}")
                    .toString())
            .handler(CHARGE, charge(new AtomicBoolean(true), inputs))
            .s3(s3)
            .virtualClock(START)
            .build()
            .run(json("{}"));
    assertEquals(ExecutionStatus.FAILED, execution.status());
    String mapRunArn = execution.mapRuns().get(0).arn();
    s3.put("in", "amounts.json", "[4,5]");

    execution.redrive().await();

    assertEquals(ExecutionStatus.SUCCEEDED, execution.status());
    assertEquals(json("[{'charged':4},{'charged':5}]"), execution.output());
    assertEquals(1, execution.mapRuns().size());
    MapRun mapRun = execution.mapRuns().get(0);
    assertEquals(mapRunArn, mapRun.arn());
    assertEquals(1, mapRun.redriveCount());
    assertEquals(new MapRun.Counts(0, 0, 2, 0, 0, 0, 2, 0), mapRun.executionCounts());
    assertEquals(
        List.of(
            "ExecutionStarted",
            "MapStateEntered",
            "MapStateStarted",
            "MapRunStarted",
            "MapRunFailed",
            "MapStateFailed",
            "ExecutionFailed",
            "ExecutionRedriven",
            "MapStateEntered",
            "MapStateStarted",
            "MapRunRedriven",
            "MapRunSucceeded",
            "MapStateSucceeded",
            "MapStateExited",
            "ExecutionSucceeded"),
        execution.history().stream().map(HistoryEvent::type).toList());
  }

  @Test
  void anAbortedExecutionIsRedrivableAndItsCallbackTaskWaitsAgainWithANewToken() {
    LocalStateMachine machine =
        machine(
            "{'StartAt':'Approve','States':{" + CALLBACK + "}}",
            charge(new AtomicBoolean(true), new ArrayList<>()));
    Execution execution = machine.start(json("{'order':7}")).runUntilWaiting();
    String first = execution.waitingTaskTokens().get(0);
    execution.stop("Halted", "by the operator");
    assertEquals(RedriveStatus.REDRIVABLE, execution.redriveStatus());

    execution.redrive().runUntilWaiting();

    assertEquals(ExecutionStatus.RUNNING, execution.status());
    String second = execution.waitingTaskTokens().get(0);
    assertNotEquals(first, second);
    TaskTokenException stale =
        assertThrows(TaskTokenException.class, () -> machine.sendTaskSuccess(first, json("{}")));
    assertEquals("TaskTimedOut", stale.errorCode());
    machine.sendTaskSuccess(second, json("{'approved':true}"));
    execution.await();
    assertEquals(ExecutionStatus.SUCCEEDED, execution.status());
    assertEquals(json("{'approved':true}"), execution.output());
    assertHistory(
        List.of(
            "1 <0 ExecutionStarted {'input':'{\\'order\\':7}','inputDetails':{'truncated':false},'roleArn':'arn:aws:iam::123456789012:role/asl4j-local'}",
            "2 <0 TaskStateEntered {'name':'Approve','input':'{\\'order\\':7}','inputDetails':{'truncated':false}}",
            "3 <2 TaskScheduled {'resourceType':'sqs','resource':'sendMessage.waitForTaskToken','region':'us-east-1','parameters':'{\\'MessageBody\\':{\\'token\\':\\'TOKEN-1\\'}}'}",
            "4 <3 TaskStarted {'resourceType':'sqs','resource':'sendMessage.waitForTaskToken'}",
            "5 <4 TaskSubmitted {'resourceType':'sqs','resource':'sendMessage.waitForTaskToken','output':'{\\'MessageId\\':\\'m-1\\'}','outputDetails':{'truncated':false}}",
            "6 <5 ExecutionAborted {'error':'Halted','cause':'by the operator'}",
            "7 <6 ExecutionRedriven {'redriveCount':1}",
            "8 <7 TaskStateEntered {'name':'Approve','input':'{\\'order\\':7}','inputDetails':{'truncated':false}}",
            "9 <8 TaskScheduled {'resourceType':'sqs','resource':'sendMessage.waitForTaskToken','region':'us-east-1','parameters':'{\\'MessageBody\\':{\\'token\\':\\'TOKEN-2\\'}}'}",
            "10 <9 TaskStarted {'resourceType':'sqs','resource':'sendMessage.waitForTaskToken'}",
            "11 <10 TaskSubmitted {'resourceType':'sqs','resource':'sendMessage.waitForTaskToken','output':'{\\'MessageId\\':\\'m-1\\'}','outputDetails':{'truncated':false}}",
            "12 <11 TaskSucceeded {'resourceType':'sqs','resource':'sendMessage.waitForTaskToken','output':'{\\'approved\\':true}','outputDetails':{'truncated':false}}",
            "13 <12 TaskStateExited {'name':'Approve','output':'{\\'approved\\':true}','outputDetails':{'truncated':false}}",
            "14 <13 ExecutionSucceeded {'output':'{\\'approved\\':true}','outputDetails':{'truncated':false}}"),
        execution.history(),
        first,
        second);
  }

  @Test
  void aTimedOutExecutionIsRedrivableAndItsTimeoutCountsFromTheRedrive() {
    LocalStateMachine machine =
        machine(
            "{'TimeoutSeconds':60,'StartAt':'Approve','States':{" + CALLBACK + "}}",
            charge(new AtomicBoolean(true), new ArrayList<>()));
    Execution execution = machine.run(json("{'order':8}"));
    assertEquals(ExecutionStatus.TIMED_OUT, execution.status());
    assertEquals(START.plusSeconds(60), execution.stopDate());

    execution.redriveAt(START.plusSeconds(3600)).await();

    assertEquals(ExecutionStatus.TIMED_OUT, execution.status());
    assertEquals(START.plusSeconds(3660), execution.stopDate());
    List<HistoryEvent> history = execution.history();
    String first =
        history
            .get(2)
            .details()
            .path("parameters")
            .asText()
            .replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
    String second =
        history
            .get(8)
            .details()
            .path("parameters")
            .asText()
            .replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
    assertHistory(
        List.of(
            "1 <0 ExecutionStarted {'input':'{\\'order\\':8}','inputDetails':{'truncated':false},'roleArn':'arn:aws:iam::123456789012:role/asl4j-local'}",
            "2 <0 TaskStateEntered {'name':'Approve','input':'{\\'order\\':8}','inputDetails':{'truncated':false}}",
            "3 <2 TaskScheduled {'resourceType':'sqs','resource':'sendMessage.waitForTaskToken','region':'us-east-1','parameters':'{\\'MessageBody\\':{\\'token\\':\\'TOKEN-1\\'}}'}",
            "4 <3 TaskStarted {'resourceType':'sqs','resource':'sendMessage.waitForTaskToken'}",
            "5 <4 TaskSubmitted {'resourceType':'sqs','resource':'sendMessage.waitForTaskToken','output':'{\\'MessageId\\':\\'m-1\\'}','outputDetails':{'truncated':false}}",
            "6 <5 ExecutionTimedOut {'error':'States.Timeout'}",
            "7 <6 ExecutionRedriven {'redriveCount':1}",
            "8 <7 TaskStateEntered {'name':'Approve','input':'{\\'order\\':8}','inputDetails':{'truncated':false}}",
            "9 <8 TaskScheduled {'resourceType':'sqs','resource':'sendMessage.waitForTaskToken','region':'us-east-1','parameters':'{\\'MessageBody\\':{\\'token\\':\\'TOKEN-2\\'}}'}",
            "10 <9 TaskStarted {'resourceType':'sqs','resource':'sendMessage.waitForTaskToken'}",
            "11 <10 TaskSubmitted {'resourceType':'sqs','resource':'sendMessage.waitForTaskToken','output':'{\\'MessageId\\':\\'m-1\\'}','outputDetails':{'truncated':false}}",
            "12 <11 ExecutionTimedOut {'error':'States.Timeout'}"),
        history,
        first,
        second);
  }

  @Test
  void aFailStateRedrivenFailsAgain() {
    Execution execution =
        machine(FAILS, charge(new AtomicBoolean(true), new ArrayList<>())).run(json("{}"));

    execution.redrive().await();

    assertEquals(ExecutionStatus.FAILED, execution.status());
    assertEquals(1, execution.redriveCount());
    assertHistory(
        List.of(
            "1 <0 ExecutionStarted {'input':'{}','inputDetails':{'truncated':false},'roleArn':'arn:aws:iam::123456789012:role/asl4j-local'}",
            "2 <0 FailStateEntered {'name':'F','input':'{}','inputDetails':{'truncated':false}}",
            "3 <2 ExecutionFailed {'error':'Broken','cause':'always'}",
            "4 <3 ExecutionRedriven {'redriveCount':1}",
            "5 <4 FailStateEntered {'name':'F','input':'{}','inputDetails':{'truncated':false}}",
            "6 <5 ExecutionFailed {'error':'Broken','cause':'always'}"),
        execution.history());
  }

  @Test
  void aSucceededExecutionIsNotRedrivable() {
    Execution execution =
        machine(PASS, charge(new AtomicBoolean(true), new ArrayList<>())).run(json("{}"));

    RedriveExecutionException refused =
        assertThrows(RedriveExecutionException.class, execution::redrive);

    assertEquals("ExecutionNotRedrivable", refused.errorCode());
    assertEquals(
        "ExecutionNotRedrivable: Execution is SUCCEEDED and cannot be redriven",
        refused.getMessage());
    assertEquals(RedriveStatus.NOT_REDRIVABLE, execution.redriveStatus());
    assertEquals(
        List.of("ExecutionStarted", "PassStateEntered", "PassStateExited", "ExecutionSucceeded"),
        execution.history().stream().map(HistoryEvent::type).toList());
  }

  @Test
  void aRunningExecutionIsNotRedrivable() {
    LocalStateMachine machine =
        machine(
            "{'StartAt':'Approve','States':{" + CALLBACK + "}}",
            charge(new AtomicBoolean(true), new ArrayList<>()));
    Execution execution = machine.start(json("{}")).runUntilWaiting();

    RedriveExecutionException refused =
        assertThrows(RedriveExecutionException.class, execution::redrive);

    assertEquals(
        "ExecutionNotRedrivable: Execution is RUNNING and cannot be redriven",
        refused.getMessage());
    assertEquals("Execution is RUNNING and cannot be redriven", execution.redriveStatusReason());
  }

  @Test
  void anExpressExecutionIsRefusedAsAwsRefusesItsArn() {
    Execution execution =
        LocalStateMachine.builder(FAILS.replace('\'', '"'))
            .type(StateMachineType.EXPRESS)
            .virtualClock(START)
            .build()
            .run(json("{}"));

    RedriveExecutionException refused =
        assertThrows(RedriveExecutionException.class, execution::redrive);

    assertEquals("InvalidArn", refused.errorCode());
    assertEquals(
        "InvalidArn: Invalid Arn: 'Resource type not valid in this context: express'",
        refused.getMessage());
    assertNull(execution.redriveStatus());
    assertEquals(0, execution.redriveCount());
  }

  @Test
  void anExecutionIsRedrivableForFourteenDaysAfterItEndedNotFifteen() {
    LocalStateMachine machine = machine(FAILS, charge(new AtomicBoolean(true), new ArrayList<>()));
    Execution late = machine.run(json("{}"));

    RedriveExecutionException refused =
        assertThrows(
            RedriveExecutionException.class, () -> late.redriveAt(START.plus(Duration.ofDays(15))));

    assertEquals(
        "ExecutionNotRedrivable: Execution redrivable period exceeded", refused.getMessage());
    // Refused, it stays as it was.
    assertEquals(ExecutionStatus.FAILED, late.status());
    assertEquals(0, late.redriveCount());
    assertEquals(
        List.of("ExecutionStarted", "FailStateEntered", "ExecutionFailed"),
        late.history().stream().map(HistoryEvent::type).toList());
    Execution intime = machine.run(json("{}"));
    intime.redriveAt(START.plus(Duration.ofDays(14))).await();
    assertEquals(1, intime.redriveCount());
  }

  @Test
  void anExecutionPastItsYearIsNotRedrivable() {
    Execution execution =
        machine(
                "{'StartAt':'Rest','States':{'Rest':{'Type':'Wait','Seconds':31104000,'Next':'F'},"
                    + "'F':{'Type':'Fail','Error':'Broken'}}}",
                charge(new AtomicBoolean(true), new ArrayList<>()))
            .run(json("{}"));
    assertEquals(START.plus(Duration.ofDays(360)), execution.stopDate());

    RedriveExecutionException refused =
        assertThrows(
            RedriveExecutionException.class,
            () -> execution.redriveAt(START.plus(Duration.ofDays(366))));

    assertEquals(
        "ExecutionNotRedrivable: Execution has exceeded the max execution time",
        refused.getMessage());
  }

  @Test
  void anExecutionThatReachedTheHistoryLimitIsNotRedrivable() {
    Execution execution =
        machine(
                "{'StartAt':'Count','States':{'Count':{'Type':'Pass','Next':'More'},"
                    + "'More':{'Type':'Choice','Choices':[{'Variable':'$.stop','IsPresent':true,'Next':'Done'}],'Default':'Count'},"
                    + "'Done':{'Type':'Succeed'}}}",
                charge(new AtomicBoolean(true), new ArrayList<>()))
            .run(json("{}"));
    assertEquals(25_000, execution.history().size());
    assertEquals("States.Runtime", execution.error());

    RedriveExecutionException refused =
        assertThrows(RedriveExecutionException.class, execution::redrive);

    assertEquals(
        "ExecutionNotRedrivable: Execution history event limit exceeded", refused.getMessage());
  }

  @Test
  void aRedriveBeforeTheExecutionEndedIsAMistake() {
    Execution execution =
        machine(
                "{'StartAt':'Rest','States':{'Rest':{'Type':'Wait','Seconds':60,'Next':'F'},'F':{'Type':'Fail','Error':'Broken'}}}",
                charge(new AtomicBoolean(true), new ArrayList<>()))
            .run(json("{}"));

    IllegalArgumentException mistake =
        assertThrows(
            IllegalArgumentException.class, () -> execution.redriveAt(START.plusSeconds(30)));

    assertEquals(
        "redriveAt(2025-01-01T00:00:30Z): the execution ended at 2025-01-01T00:01:00Z; a redrive comes after its end",
        mistake.getMessage());
  }
}
