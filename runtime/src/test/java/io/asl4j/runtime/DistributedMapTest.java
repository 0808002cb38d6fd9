package io.asl4j.runtime;

import static io.asl4j.runtime.TestJson.MAPPER;
import static io.asl4j.runtime.TestJson.START;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.asl4j.dsl.model.StateMachineType;
import io.asl4j.runtime.services.AwsServices;
import io.asl4j.runtime.services.S3Objects;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A distributed Map runs each item, or batch, as a child execution with its own ARN, status and
 * history, inspectable through {@link Execution#mapRuns()}; the parent's history keeps only the Map
 * Run events.
 */
class DistributedMapTest {
  private static final String T0 = "2025-01-01T00:00:00Z";
  private static final String ROLE = "arn:aws:iam::123456789012:role/asl4j-local";
  private static final String UUID =
      "[0-9a-f]{8}-[0-9a-f]{4}-3[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

  private static JsonNode json(String text) {
    return TestJson.json(text.replace('\'', '"'));
  }

  /**
   * A machine whose only state, Fan, is a distributed Map with {@code mapFields} and this
   * processor.
   */
  private static String definition(
      String executionType, String mapFields, String startAt, String states) {
    return ("{'StartAt':'Fan','States':{'Fan':{'Type':'Map',"
            + mapFields
            + "'ItemProcessor':{'ProcessorConfig':{'Mode':'DISTRIBUTED','ExecutionType':'"
            + executionType
            + "'},"
            + "'StartAt':'"
            + startAt
            + "','States':"
            + states
            + "},'End':true}}}")
        .replace('\'', '"');
  }

  private static LocalStateMachine.Builder builder(String definition) {
    return LocalStateMachine.builder(definition).virtualClock(START).seed(3);
  }

  private static List<String> types(List<HistoryEvent> history) {
    return history.stream().map(HistoryEvent::type).collect(Collectors.toList());
  }

  private static JsonNode historyJson(List<HistoryEvent> history) {
    ArrayNode array = MAPPER.createArrayNode();
    history.forEach(e -> array.add(eventJson(e)));
    return array;
  }

  /** The event's JSON as text reads it back (ids are longs in HistoryEvent, ints when parsed). */
  private static JsonNode eventJson(HistoryEvent event) {
    return json(event.toJson().toString());
  }

  /**
   * Fails an item equal to 2 ("Bad", "item 2"); waits {@code waitSeconds} on the others, then
   * passes them on.
   */
  private static final String FAIL_ON_TWO =
      "{'Check':{'Type':'Choice','Choices':[{'Variable':'$','NumericEquals':2,'Next':'Bad'}],'Default':'Work'},"
          + "'Bad':{'Type':'Fail','Error':'Bad','Cause':'item 2'},"
          + "'Work':{'Type':'Wait','Seconds':%d,'End':true}}";

  /**
   * A Distributed Map of {@code executionType} children, with {@code mapFields}, whose children run
   * {@link #FAIL_ON_TWO} waiting {@code waitSeconds}.
   */
  private static LocalStateMachine failingOnTwo(
      String executionType, String mapFields, int waitSeconds) {
    return builder(
            definition(executionType, mapFields, "Check", String.format(FAIL_ON_TWO, waitSeconds)))
        .build();
  }

  @Test
  void aDistributedMapOverAJsonArrayRunsEachItemAsAChildExecutionWithItsOwnHistory() {
    Execution execution =
        builder(
                definition(
                    "STANDARD",
                    "",
                    "Double",
                    "{'Double':{'Type':'Pass','Parameters':{'n.$':'$.n','twice.$':'States.MathAdd($.n, $.n)'},'End':true}}"))
            .build()
            .run(json("[{'n':1},{'n':2},{'n':3}]"));

    assertEquals(ExecutionStatus.SUCCEEDED, execution.status());
    assertEquals(
        json("[{'n':1,'twice':2},{'n':2,'twice':4},{'n':3,'twice':6}]"), execution.output());
    // The parent records the Map Run, not the children's states.
    assertEquals(EventTypes.DISTRIBUTED_MAP_SUCCEEDED, types(execution.history()));
    MapRun mapRun = execution.mapRuns().get(0);
    assertEquals(1, execution.mapRuns().size());
    assertEquals(mapRun.arn(), execution.history().get(3).details().get("mapRunArn").asText());
    assertTrue(
        mapRun
            .arn()
            .matches(
                "arn:aws:states:us-east-1:123456789012:mapRun:asl4j-local/" + UUID + ":" + UUID),
        mapRun.arn());
    assertEquals(
        "arn:aws:states:us-east-1:123456789012:stateMachine:asl4j-local/" + mapRun.label(),
        mapRun.stateMachineArn());
    assertEquals(execution.arn(), mapRun.executionArn());
    assertEquals("Fan", mapRun.stateName());
    assertEquals(MapRun.Status.SUCCEEDED, mapRun.status());
    assertEquals(StateMachineType.STANDARD, mapRun.executionType());
    assertEquals(new MapRun.Counts(0, 0, 3, 0, 0, 0, 3, 0), mapRun.itemCounts());
    assertEquals(new MapRun.Counts(0, 0, 3, 0, 0, 0, 3, 0), mapRun.executionCounts());
    assertEquals(START, mapRun.startDate());
    assertEquals(START, mapRun.stopDate());
    assertNull(mapRun.error());

    List<ChildExecution> children = mapRun.childExecutions();
    assertEquals(3, children.size());
    for (int i = 0; i < 3; i++) {
      ChildExecution child = children.get(i);
      int n = i + 1;
      assertEquals(i, child.index());
      assertEquals(ExecutionStatus.SUCCEEDED, child.status());
      assertEquals(json("{'n':" + n + "}"), child.input());
      assertEquals(json("{'n':" + n + ",'twice':" + 2 * n + "}"), child.output());
      assertTrue(child.name().matches(UUID), child.name());
      assertEquals(
          "arn:aws:states:us-east-1:123456789012:execution:asl4j-local/"
              + mapRun.label()
              + ":"
              + child.name(),
          child.arn());
      assertEquals(List.of("Double"), child.statesEntered());
      String in = "{\\\"n\\\":" + n + "}";
      String out = "{\\\"n\\\":" + n + ",\\\"twice\\\":" + 2 * n + "}";
      assertEquals(
          json(
              "[{'id':1,'previousEventId':0,'timestamp':'"
                  + T0
                  + "','type':'ExecutionStarted',"
                  + "'executionStartedEventDetails':{'input':'"
                  + in
                  + "','inputDetails':{'truncated':false},'roleArn':'"
                  + ROLE
                  + "'}},"
                  + "{'id':2,'previousEventId':0,'timestamp':'"
                  + T0
                  + "','type':'PassStateEntered',"
                  + "'stateEnteredEventDetails':{'name':'Double','input':'"
                  + in
                  + "','inputDetails':{'truncated':false}}},"
                  + "{'id':3,'previousEventId':2,'timestamp':'"
                  + T0
                  + "','type':'PassStateExited',"
                  + "'stateExitedEventDetails':{'name':'Double','output':'"
                  + out
                  + "','outputDetails':{'truncated':false}}},"
                  + "{'id':4,'previousEventId':3,'timestamp':'"
                  + T0
                  + "','type':'ExecutionSucceeded',"
                  + "'executionSucceededEventDetails':{'output':'"
                  + out
                  + "','outputDetails':{'truncated':false}}}]"),
          historyJson(child.history()));
    }
    assertEquals(3, children.stream().map(ChildExecution::name).distinct().count());
  }

  @Test
  void childNamesAndArnsAreTheSameOnEveryRunOfASeededMachine() {
    String definition = definition("STANDARD", "", "P", "{'P':{'Type':'Pass','End':true}}");
    List<String> first =
        builder(definition).build().run(json("[1,2]")).mapRuns().get(0).childExecutions().stream()
            .map(ChildExecution::arn)
            .toList();
    List<String> second =
        builder(definition).build().run(json("[1,2]")).mapRuns().get(0).childExecutions().stream()
            .map(ChildExecution::arn)
            .toList();
    assertEquals(first, second);
  }

  @Test
  void aDistributedMapOverAnS3CsvRunsEachRowThroughItemSelectorAsAChildInput() {
    AwsServices services = AwsServices.create(1);
    S3Objects s3 = services.s3();
    s3.put("in", "orders.csv", "id,qty\na,1\nb,2\n");
    Execution execution =
        builder(
                definition(
                    "STANDARD",
                    "'ItemReader':{'Resource':'arn:aws:states:::s3:getObject','ReaderConfig':{'InputType':'CSV','CSVHeaderLocation':'FIRST_ROW'},"
                        + "'Parameters':{'Bucket':'in','Key':'orders.csv'}},"
                        + "'ItemSelector':{'row.$':'$$.Map.Item.Value','index.$':'$$.Map.Item.Index'},",
                    "P",
                    "{'P':{'Type':'Pass','End':true}}"))
            .s3(s3)
            .build()
            .run(json("{}"));

    assertEquals(ExecutionStatus.SUCCEEDED, execution.status());
    MapRun mapRun = execution.mapRuns().get(0);
    assertEquals(new MapRun.Counts(0, 0, 2, 0, 0, 0, 2, 0), mapRun.itemCounts());
    List<JsonNode> inputs = mapRun.childExecutions().stream().map(ChildExecution::input).toList();
    assertEquals(
        List.of(
            json("{'row':{'id':'a','qty':'1'},'index':0}"),
            json("{'row':{'id':'b','qty':'2'},'index':1}")),
        inputs);
    assertEquals(
        json("[{'row':{'id':'a','qty':'1'},'index':0},{'row':{'id':'b','qty':'2'},'index':1}]"),
        execution.output());
    assertEquals(
        List.of("ExecutionStarted", "PassStateEntered", "PassStateExited", "ExecutionSucceeded"),
        types(mapRun.childExecutions().get(1).history()));
  }

  @Test
  void withAnItemBatcherEachBatchIsOneChildExecutionAndCountsAsItsItems() {
    Execution execution =
        builder(
                definition(
                    "STANDARD",
                    "'ItemBatcher':{'MaxItemsPerBatch':2,'BatchInput':{'job':'j1'}},",
                    "Count",
                    "{'Count':{'Type':'Pass','Parameters':{'size.$':'States.ArrayLength($.Items)','job.$':'$.BatchInput.job'},'End':true}}"))
            .build()
            .run(json("[1,2,3,4,5]"));

    assertEquals(ExecutionStatus.SUCCEEDED, execution.status());
    assertEquals(
        json("[{'size':2,'job':'j1'},{'size':2,'job':'j1'},{'size':1,'job':'j1'}]"),
        execution.output());
    MapRun mapRun = execution.mapRuns().get(0);
    assertEquals(new MapRun.Counts(0, 0, 5, 0, 0, 0, 5, 0), mapRun.itemCounts());
    assertEquals(new MapRun.Counts(0, 0, 3, 0, 0, 0, 3, 0), mapRun.executionCounts());
    assertEquals(
        List.of(
            json("{'Items':[1,2],'BatchInput':{'job':'j1'}}"),
            json("{'Items':[3,4],'BatchInput':{'job':'j1'}}"),
            json("{'Items':[5],'BatchInput':{'job':'j1'}}")),
        mapRun.childExecutions().stream().map(ChildExecution::input).toList());
    assertEquals(
        json(
            "{'input':'{\\\"BatchInput\\\":{\\\"job\\\":\\\"j1\\\"},\\\"Items\\\":[5]}','inputDetails':{'truncated':false},'roleArn':'"
                + ROLE
                + "'}"),
        mapRun.childExecutions().get(2).history().get(0).details());
  }

  @Test
  void aFailingChildFailsTheMapRunEndsItsHistoryWithExecutionFailedAndLeavesTheRestPending() {
    Execution execution = failingOnTwo("STANDARD", "'MaxConcurrency':1,", 0).run(json("[1,2,3]"));

    assertEquals(ExecutionStatus.FAILED, execution.status());
    assertEquals("Bad", execution.error());
    assertEquals("item 2", execution.cause());
    MapRun mapRun = execution.mapRuns().get(0);
    assertEquals(MapRun.Status.FAILED, mapRun.status());
    assertEquals("Bad", mapRun.error());
    assertEquals("item 2", mapRun.cause());
    assertEquals(new MapRun.Counts(1, 0, 1, 1, 0, 0, 3, 0), mapRun.itemCounts());
    assertEquals(new MapRun.Counts(1, 0, 1, 1, 0, 0, 3, 0), mapRun.executionCounts());
    List<ChildExecution> children = mapRun.childExecutions();
    assertEquals(2, children.size(), "the third item never started");
    ChildExecution failed = children.get(1);
    assertEquals(ExecutionStatus.FAILED, failed.status());
    assertEquals("Bad", failed.error());
    assertEquals("item 2", failed.cause());
    assertNull(failed.output());
    assertEquals(
        List.of(
            "ExecutionStarted",
            "ChoiceStateEntered",
            "ChoiceStateExited",
            "FailStateEntered",
            "ExecutionFailed"),
        types(failed.history()));
    assertEquals(
        json(
            "{'id':5,'previousEventId':4,'timestamp':'"
                + T0
                + "','type':'ExecutionFailed',"
                + "'executionFailedEventDetails':{'error':'Bad','cause':'item 2'}}"),
        eventJson(failed.history().get(4)));
    assertEquals(
        List.of(
            "ExecutionStarted",
            "MapStateEntered",
            "MapStateStarted",
            "MapRunStarted",
            "MapRunFailed",
            "MapStateFailed",
            "ExecutionFailed"),
        types(execution.history()));
  }

  @Test
  void whenTheMapRunFailsTheChildrenStillRunningAreAbortedWithTheirOwnExecutionAborted() {
    Execution execution = failingOnTwo("STANDARD", "", 60).run(json("[1,2,3]"));

    MapRun mapRun = execution.mapRuns().get(0);
    assertEquals(new MapRun.Counts(0, 0, 0, 1, 0, 2, 3, 0), mapRun.executionCounts());
    // Children interleave step by step: the first was waiting, the third not yet in its Wait.
    ChildExecution waiting = mapRun.childExecutions().get(0);
    assertEquals(ExecutionStatus.ABORTED, waiting.status());
    assertEquals(START, waiting.stopDate());
    assertEquals(
        List.of(
            "ExecutionStarted",
            "ChoiceStateEntered",
            "ChoiceStateExited",
            "WaitStateEntered",
            "ExecutionAborted"),
        types(waiting.history()));
    assertEquals(
        json("{'id':5,'previousEventId':4,'timestamp':'" + T0 + "','type':'ExecutionAborted'}"),
        eventJson(waiting.history().get(4)));
    ChildExecution third = mapRun.childExecutions().get(2);
    assertEquals(ExecutionStatus.ABORTED, third.status());
    assertEquals(
        List.of("ExecutionStarted", "ChoiceStateEntered", "ChoiceStateExited", "ExecutionAborted"),
        types(third.history()));
  }

  @Test
  void toleratedFailuresLetTheMapRunSucceedWhileItsCountsShowTheFailedChild() {
    Execution execution =
        failingOnTwo("STANDARD", "'ToleratedFailureCount':1,", 0).run(json("[1,2,3]"));

    assertEquals(ExecutionStatus.SUCCEEDED, execution.status());
    assertEquals(json("[1,{'Error':'Bad','Cause':'item 2'},3]"), execution.output());
    MapRun mapRun = execution.mapRuns().get(0);
    assertEquals(MapRun.Status.SUCCEEDED, mapRun.status());
    assertEquals(1, mapRun.toleratedFailureCount());
    assertEquals(BigDecimal.ZERO, mapRun.toleratedFailurePercentage());
    assertEquals(new MapRun.Counts(0, 0, 2, 1, 0, 0, 3, 0), mapRun.executionCounts());
    assertEquals(
        List.of(ExecutionStatus.SUCCEEDED, ExecutionStatus.FAILED, ExecutionStatus.SUCCEEDED),
        mapRun.childExecutions().stream().map(ChildExecution::status).toList());
  }

  @Test
  void oneFailureMoreThanToleratedFailsTheMapRunWithExceedToleratedFailureThreshold() {
    Execution execution =
        failingOnTwo("STANDARD", "'ToleratedFailureCount':1,'MaxConcurrency':1,", 0)
            .run(json("[2,1,2,3]"));

    assertEquals(ExecutionStatus.FAILED, execution.status());
    assertEquals("States.ExceedToleratedFailureThreshold", execution.error());
    MapRun mapRun = execution.mapRuns().get(0);
    assertEquals(MapRun.Status.FAILED, mapRun.status());
    assertEquals("States.ExceedToleratedFailureThreshold", mapRun.error());
    assertEquals("The specified tolerated failure threshold was exceeded", mapRun.cause());
    assertEquals(new MapRun.Counts(1, 0, 1, 2, 0, 0, 4, 0), mapRun.executionCounts());
  }

  @Test
  void maxConcurrencyStartsTheNextChildOnlyWhenOneEnds() {
    Execution execution =
        failingOnTwo("STANDARD", "'MaxConcurrency':2,", 10).run(json("[1,3,4,5]"));

    assertEquals(ExecutionStatus.SUCCEEDED, execution.status());
    MapRun mapRun = execution.mapRuns().get(0);
    assertEquals(2, mapRun.maxConcurrency());
    assertEquals(
        List.of(START, START, START.plusSeconds(10), START.plusSeconds(10)),
        mapRun.childExecutions().stream().map(ChildExecution::startDate).toList());
    assertEquals(
        List.of(
            START.plusSeconds(10),
            START.plusSeconds(10),
            START.plusSeconds(20),
            START.plusSeconds(20)),
        mapRun.childExecutions().stream().map(ChildExecution::stopDate).toList());
    assertEquals(START.plusSeconds(20), mapRun.stopDate());
  }

  @Test
  void expressChildrenHaveExpressArnsAndNoRedriveCountWhileStandardChildrenHaveExecutionArns() {
    String states =
        "{'Who':{'Type':'Pass','Parameters':{'id.$':'$$.Execution.Id','execution.$':'$$.Execution'},'End':true}}";
    Execution express =
        builder(definition("EXPRESS", "'Label':'Orders',", "Who", states)).build().run(json("[7]"));
    Execution standard =
        builder(definition("STANDARD", "'Label':'Orders',", "Who", states))
            .build()
            .run(json("[7]"));

    MapRun expressRun = express.mapRuns().get(0);
    ChildExecution expressChild = expressRun.childExecutions().get(0);
    assertEquals(StateMachineType.EXPRESS, expressRun.executionType());
    assertTrue(
        expressRun
            .arn()
            .matches("arn:aws:states:us-east-1:123456789012:mapRun:asl4j-local/Orders:" + UUID),
        expressRun.arn());
    assertTrue(
        expressChild
            .arn()
            .matches(
                "arn:aws:states:us-east-1:123456789012:express:asl4j-local/Orders:"
                    + UUID
                    + ":"
                    + UUID),
        expressChild.arn());
    assertEquals(expressChild.arn(), expressChild.output().get("id").asText());
    assertEquals(
        json(
            "{'Id':'"
                + expressChild.arn()
                + "','Input':7,'StartTime':'2025-01-01T00:00:00.000Z','Name':'"
                + expressChild.name()
                + "','RoleArn':'"
                + ROLE
                + "'}"),
        expressChild.output().get("execution"));

    ChildExecution standardChild = standard.mapRuns().get(0).childExecutions().get(0);
    assertEquals(StateMachineType.STANDARD, standard.mapRuns().get(0).executionType());
    assertEquals(
        "arn:aws:states:us-east-1:123456789012:execution:asl4j-local/Orders:"
            + standardChild.name(),
        standardChild.arn());
    assertEquals(
        json(
            "{'Id':'"
                + standardChild.arn()
                + "','Input':7,'StartTime':'2025-01-01T00:00:00.000Z','Name':'"
                + standardChild.name()
                + "','RoleArn':'"
                + ROLE
                + "','RedriveCount':0}"),
        standardChild.output().get("execution"));
  }

  @Test
  void insideAChildTheStateMachineIsTheMapRunsAndTaskHandlersSeeTheChildsArn() {
    String fn = "arn:aws:lambda:us-east-1:123456789012:function:arn";
    Execution execution =
        builder(
                definition(
                    "STANDARD",
                    "'Label':'Orders',",
                    "Who",
                    "{'Who':{'Type':'Pass','Parameters':{'machine.$':'$$.StateMachine'},'ResultPath':'$.context','Next':'Ask'},"
                        + "'Ask':{'Type':'Task','Resource':'"
                        + fn
                        + "','ResultPath':'$.handler','End':true}}"))
            .handler(fn, (input, ctx) -> MAPPER.getNodeFactory().textNode(ctx.executionArn()))
            .build()
            .run(json("[{}]"));

    ChildExecution child = execution.mapRuns().get(0).childExecutions().get(0);
    assertEquals(
        json(
            "{'context':{'machine':{'Id':'arn:aws:states:us-east-1:123456789012:stateMachine:asl4j-local/Orders',"
                + "'Name':'asl4j-local/Orders'}},'handler':'"
                + child.arn()
                + "'}"),
        child.output());
  }

  @Test
  void anExpressChildStillRunningAfterFiveMinutesTimesOutAndFailsTheMapRun() {
    Execution execution = failingOnTwo("EXPRESS", "", 400).run(json("[1]"));

    assertEquals(ExecutionStatus.FAILED, execution.status());
    assertEquals("States.Timeout", execution.error());
    ChildExecution child = execution.mapRuns().get(0).childExecutions().get(0);
    assertEquals(ExecutionStatus.TIMED_OUT, child.status());
    assertEquals("States.Timeout", child.error());
    assertEquals(START.plusSeconds(300), child.stopDate());
    assertEquals(
        json(
            "{'id':5,'previousEventId':4,'timestamp':'2025-01-01T00:05:00Z','type':'ExecutionTimedOut',"
                + "'executionTimedOutEventDetails':{'error':'States.Timeout'}}"),
        eventJson(child.history().get(4)));
    assertEquals(
        new MapRun.Counts(0, 0, 0, 0, 1, 0, 1, 0), execution.mapRuns().get(0).executionCounts());
  }

  @Test
  void aStandardChildMayRunLongerThanFiveMinutes() {
    Execution execution = failingOnTwo("STANDARD", "", 400).run(json("[1]"));

    assertEquals(ExecutionStatus.SUCCEEDED, execution.status());
    assertEquals(
        START.plusSeconds(400), execution.mapRuns().get(0).childExecutions().get(0).stopDate());
  }

  @Test
  void anInlineMapInsideAChildRecordsItsIterationsInTheChildsHistoryNotTheParents() {
    Execution execution =
        builder(
                definition(
                    "STANDARD",
                    "",
                    "Inner",
                    "{'Inner':{'Type':'Map','ItemProcessor':{'StartAt':'P','States':{'P':{'Type':'Pass','End':true}}},'End':true}}"))
            .build()
            .run(json("[[1,2]]"));

    assertEquals(ExecutionStatus.SUCCEEDED, execution.status());
    assertEquals(EventTypes.DISTRIBUTED_MAP_SUCCEEDED, types(execution.history()));
    assertEquals(
        List.of(
            "ExecutionStarted",
            "MapStateEntered",
            "MapStateStarted",
            "MapIterationStarted",
            "MapIterationStarted",
            "PassStateEntered",
            "PassStateExited",
            "MapIterationSucceeded",
            "PassStateEntered",
            "PassStateExited",
            "MapIterationSucceeded",
            "MapStateSucceeded",
            "MapStateExited",
            "ExecutionSucceeded"),
        types(execution.mapRuns().get(0).childExecutions().get(0).history()));
  }

  @Test
  void aRetriedDistributedMapStartsANewMapRunWithNewChildren() {
    Execution execution =
        builder(
                ("{'StartAt':'Fan','States':{'Fan':{'Type':'Map',"
                        + "'Retry':[{'ErrorEquals':['Bad'],'MaxAttempts':1,'IntervalSeconds':1}],"
                        + "'ItemProcessor':{'ProcessorConfig':{'Mode':'DISTRIBUTED','ExecutionType':'STANDARD'},"
                        + "'StartAt':'Check','States':"
                        + String.format(FAIL_ON_TWO, 0)
                        + "},'End':true}}}")
                    .replace('\'', '"'))
            .build()
            .run(json("[2]"));

    assertEquals(ExecutionStatus.FAILED, execution.status());
    List<MapRun> runs = execution.mapRuns();
    assertEquals(2, runs.size());
    assertNotEquals(runs.get(0).arn(), runs.get(1).arn());
    assertEquals(runs.get(0).label(), runs.get(1).label());
    assertEquals(START.plusSeconds(1), runs.get(1).startDate());
    assertNotEquals(
        runs.get(0).childExecutions().get(0).arn(), runs.get(1).childExecutions().get(0).arn());
  }

  @Test
  void stoppingTheParentAbortsItsMapRunAndTheChildrenWaitingInside() {
    String token = "arn:aws:states:::sqs:sendMessage.waitForTaskToken";
    LocalStateMachine machine =
        builder(
                definition(
                    "STANDARD",
                    "",
                    "Ask",
                    "{'Ask':{'Type':'Task','Resource':'"
                        + token
                        + "','Parameters':{'token.$':'$$.Task.Token'},'End':true}}"))
            .handler(token, (input, ctx) -> input)
            .build();
    Execution execution = machine.start(json("[1,2]")).runUntilWaiting();
    MapRun running = execution.mapRuns().get(0);
    assertEquals(MapRun.Status.RUNNING, running.status());
    assertEquals(new MapRun.Counts(0, 2, 0, 0, 0, 0, 2, 0), running.executionCounts());

    execution.stop("Operator", "no longer needed");

    assertEquals(ExecutionStatus.ABORTED, execution.status());
    assertEquals(MapRun.Status.ABORTED, running.status());
    assertEquals(new MapRun.Counts(0, 0, 0, 0, 0, 2, 2, 0), running.executionCounts());
    assertEquals(
        EventTypes.CALLBACK_TASK_ABORTED, types(running.childExecutions().get(1).history()));
  }

  @Test
  void theResultWriterExportsTheChildrenByStatusWithTheirArnsAndAManifest() {
    AwsServices services = AwsServices.create(1);
    S3Objects s3 = services.s3();
    Execution execution =
        builder(
                definition(
                    "STANDARD",
                    "'Label':'Orders','ToleratedFailureCount':1,"
                        + "'ResultWriter':{'Resource':'arn:aws:states:::s3:putObject','Parameters':{'Bucket':'out','Prefix':'runs'}},",
                    "Check",
                    String.format(FAIL_ON_TWO, 5)))
            .s3(s3)
            .build()
            .run(json("[1,2]"));

    assertEquals(ExecutionStatus.SUCCEEDED, execution.status());
    MapRun mapRun = execution.mapRuns().get(0);
    String id = mapRun.arn().substring(mapRun.arn().lastIndexOf(':') + 1);
    String folder = "runs/" + id + "/";
    assertEquals(
        json(
            "{'MapRunArn':'"
                + mapRun.arn()
                + "','ResultWriterDetails':{'Bucket':'out','Key':'"
                + folder
                + "manifest.json'}}"),
        execution.output());
    ChildExecution ok = mapRun.childExecutions().get(0);
    ChildExecution bad = mapRun.childExecutions().get(1);
    String machineArn = "arn:aws:states:us-east-1:123456789012:stateMachine:asl4j-local/Orders";
    JsonNode succeeded = json(s3.get("out", folder + "SUCCEEDED_0.json").orElseThrow());
    assertEquals(
        json(
            "[{'ExecutionArn':'"
                + ok.arn()
                + "','Input':'1','InputDetails':{'Included':true},'Name':'"
                + ok.name()
                + "',"
                + "'Output':'1','OutputDetails':{'Included':true},'RedriveCount':0,'RedriveStatus':'NOT_REDRIVABLE',"
                + "'RedriveStatusReason':'Execution is SUCCEEDED and cannot be redriven','StartDate':'2025-01-01T00:00:00.000Z',"
                + "'StateMachineArn':'"
                + machineArn
                + "','Status':'SUCCEEDED','StopDate':'2025-01-01T00:00:05.000Z'}]"),
        succeeded);
    JsonNode failed = json(s3.get("out", folder + "FAILED_0.json").orElseThrow());
    assertEquals(
        json(
            "[{'Cause':'item 2','Error':'Bad','ExecutionArn':'"
                + bad.arn()
                + "','Input':'2','InputDetails':{'Included':true},"
                + "'Name':'"
                + bad.name()
                + "','RedriveCount':0,'RedriveStatus':'REDRIVABLE_BY_MAP_RUN',"
                + "'StartDate':'2025-01-01T00:00:00.000Z','StateMachineArn':'"
                + machineArn
                + "','Status':'FAILED',"
                + "'StopDate':'2025-01-01T00:00:00.000Z'}]"),
        failed);
    String succeededBody = s3.get("out", folder + "SUCCEEDED_0.json").orElseThrow();
    String failedBody = s3.get("out", folder + "FAILED_0.json").orElseThrow();
    assertEquals(
        json(
            "{'DestinationBucket':'out','MapRunArn':'"
                + mapRun.arn()
                + "','ResultFiles':{"
                + "'FAILED':[{'Key':'"
                + folder
                + "FAILED_0.json','Size':"
                + failedBody.length()
                + "}],'PENDING':[],"
                + "'SUCCEEDED':[{'Key':'"
                + folder
                + "SUCCEEDED_0.json','Size':"
                + succeededBody.length()
                + "}]}}"),
        json(s3.get("out", folder + "manifest.json").orElseThrow()));
    assertEquals(
        List.of(folder + "FAILED_0.json", folder + "SUCCEEDED_0.json", folder + "manifest.json"),
        s3.list("out", ""));
    assertEquals(new MapRun.Counts(0, 0, 1, 1, 0, 0, 2, 2), mapRun.executionCounts());
  }

  @Test
  void aMapRunThatFailsStillExportsWhatItsChildrenDidIncludingThoseNeverStarted() {
    AwsServices services = AwsServices.create(1);
    S3Objects s3 = services.s3();
    Execution execution =
        builder(
                definition(
                    "STANDARD",
                    "'MaxConcurrency':1,'ResultWriter':{'Resource':'arn:aws:states:::s3:putObject','Parameters':{'Bucket':'out'}},",
                    "Check",
                    String.format(FAIL_ON_TWO, 0)))
            .s3(s3)
            .build()
            .run(json("[2,1]"));

    assertEquals(ExecutionStatus.FAILED, execution.status());
    assertEquals("Bad", execution.error());
    MapRun mapRun = execution.mapRuns().get(0);
    String folder = mapRun.arn().substring(mapRun.arn().lastIndexOf(':') + 1) + "/";
    assertEquals(
        json("[{'Input':'1'}]"), json(s3.get("out", folder + "PENDING_0.json").orElseThrow()));
    assertEquals(
        "FAILED",
        json(s3.get("out", folder + "FAILED_0.json").orElseThrow()).get(0).get("Status").asText());
    assertEquals(
        List.of(folder + "FAILED_0.json", folder + "PENDING_0.json", folder + "manifest.json"),
        s3.list("out", ""));
    assertEquals(new MapRun.Counts(1, 0, 0, 1, 0, 0, 2, 1), mapRun.executionCounts());
  }
}
