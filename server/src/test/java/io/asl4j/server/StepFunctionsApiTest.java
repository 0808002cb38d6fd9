package io.asl4j.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.asl4j.runtime.Execution;
import io.asl4j.runtime.HistoryEvent;
import io.asl4j.runtime.LocalStateMachine;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.CreateStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.DescribeStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.GetActivityTaskResponse;
import software.amazon.awssdk.services.sfn.model.GetExecutionHistoryResponse;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;
import software.amazon.awssdk.services.sfn.model.InvalidDefinitionException;
import software.amazon.awssdk.services.sfn.model.ListExecutionsResponse;
import software.amazon.awssdk.services.sfn.model.StartSyncExecutionResponse;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.StateMachineType;
import software.amazon.awssdk.services.sfn.model.StateMachineTypeNotSupportedException;
import software.amazon.awssdk.services.sfn.model.SyncExecutionStatus;
import software.amazon.awssdk.services.sfn.model.TaskDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.TestStateResponse;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionResponse;

/** The Step Functions API through the AWS SDK for Java v2, as an application would call it. */
class StepFunctionsApiTest {
  static final String ROLE = "arn:aws:iam::123456789012:role/asl4j";
  static final ObjectMapper JSON = new ObjectMapper();

  static Asl4jServer server;
  static SfnClient sfn;

  @BeforeAll
  static void serve() {
    server = Asl4jServer.start(new Asl4jServer.Config().activityPoll(Duration.ofMillis(300)));
    sfn = Asl4jServerExtension.client(server.endpoint(), server.region());
  }

  @AfterAll
  static void stop() {
    sfn.close();
    server.close();
  }

  static final String PASS_CHAIN =
      "{\"StartAt\":\"A\",\"States\":{"
          + "\"A\":{\"Type\":\"Pass\",\"Parameters\":{\"sum.$\":\"States.MathAdd($.x, 1)\"},\"Next\":\"B\"},"
          + "\"B\":{\"Type\":\"Choice\",\"Choices\":[{\"Variable\":\"$.sum\",\"NumericGreaterThan\":1,\"Next\":\"Big\"}],\"Default\":\"Small\"},"
          + "\"Big\":{\"Type\":\"Pass\",\"Result\":\"big\",\"ResultPath\":\"$.size\",\"End\":true},"
          + "\"Small\":{\"Type\":\"Fail\",\"Error\":\"TooSmall\",\"Cause\":\"the sum is 1 or less\"}}}";

  static final String LONG_WAIT =
      "{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"Seconds\":600,\"End\":true}}}";

  static String create(String name, String definition, StateMachineType type) {
    return sfn.createStateMachine(b -> b.name(name).definition(definition).roleArn(ROLE).type(type))
        .stateMachineArn();
  }

  static DescribeExecutionResponse awaitEnd(String executionArn) throws InterruptedException {
    return awaitEnd(sfn, executionArn);
  }

  static DescribeExecutionResponse awaitEnd(SfnClient sfn, String executionArn)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (true) {
      DescribeExecutionResponse described =
          sfn.describeExecution(b -> b.executionArn(executionArn));
      if (described.status() != ExecutionStatus.RUNNING || System.nanoTime() > deadline) {
        return described;
      }
      Thread.sleep(5);
    }
  }

  static List<String> types(GetExecutionHistoryResponse history) {
    return history.events().stream().map(e -> e.typeAsString()).toList();
  }

  @Test
  void aStateMachineIsCreatedDescribedListedUpdatedAndDeleted() {
    CreateStateMachineResponse created =
        sfn.createStateMachine(b -> b.name("lifecycle").definition(PASS_CHAIN).roleArn(ROLE));
    assertEquals(
        "arn:aws:states:us-east-1:123456789012:stateMachine:lifecycle", created.stateMachineArn());
    DescribeStateMachineResponse described =
        sfn.describeStateMachine(b -> b.stateMachineArn(created.stateMachineArn()));
    assertEquals(
        List.of("lifecycle", "ACTIVE", PASS_CHAIN, ROLE, "STANDARD", "OFF", false),
        List.of(
            described.name(),
            described.statusAsString(),
            described.definition(),
            described.roleArn(),
            described.typeAsString(),
            described.loggingConfiguration().levelAsString(),
            described.tracingConfiguration().enabled()));
    assertEquals(created.creationDate(), described.creationDate());
    assertTrue(
        sfn.listStateMachines(b -> b.maxResults(1000)).stateMachines().stream()
            .anyMatch(
                m ->
                    m.stateMachineArn().equals(created.stateMachineArn())
                        && m.name().equals("lifecycle")));

    String updated = PASS_CHAIN.replace("\"big\"", "\"large\"");
    String revision =
        sfn.updateStateMachine(
                b -> b.stateMachineArn(created.stateMachineArn()).definition(updated))
            .revisionId();
    DescribeStateMachineResponse after =
        sfn.describeStateMachine(b -> b.stateMachineArn(created.stateMachineArn()));
    assertEquals(List.of(updated, revision), List.of(after.definition(), after.revisionId()));

    sfn.deleteStateMachine(b -> b.stateMachineArn(created.stateMachineArn()));
    StateMachineDoesNotExistException gone =
        assertThrows(
            StateMachineDoesNotExistException.class,
            () -> sfn.describeStateMachine(b -> b.stateMachineArn(created.stateMachineArn())));
    assertEquals(
        "State Machine Does Not Exist: '" + created.stateMachineArn() + "'",
        gone.awsErrorDetails().errorMessage());
    assertEquals("StateMachineDoesNotExist", gone.awsErrorDetails().errorCode());
  }

  @Test
  void anInvalidDefinitionIsRefusedWithEveryErrorInAwsWords() {
    InvalidDefinitionException refused =
        assertThrows(
            InvalidDefinitionException.class,
            () ->
                create(
                    "invalid",
                    "{\"StartAt\":\"Nowhere\",\"States\":{\"A\":{\"Type\":\"Pass\",\"End\":true}}}",
                    StateMachineType.STANDARD));
    assertEquals("InvalidDefinition", refused.awsErrorDetails().errorCode());
    assertTrue(
        refused
            .awsErrorDetails()
            .errorMessage()
            .startsWith("Invalid State Machine Definition: 'MISSING_TRANSITION_TARGET: "),
        refused.awsErrorDetails().errorMessage());
  }

  @Test
  void anExecutionRunsAsInProcessWithTheSameOutputAndHistory() throws Exception {
    String machine = create("same-as-in-process", PASS_CHAIN, StateMachineType.STANDARD);
    String arn =
        sfn.startExecution(b -> b.stateMachineArn(machine).name("first").input("{\"x\":5}"))
            .executionArn();
    assertEquals("arn:aws:states:us-east-1:123456789012:execution:same-as-in-process:first", arn);
    DescribeExecutionResponse described = awaitEnd(arn);
    assertEquals(ExecutionStatus.SUCCEEDED, described.status());
    assertEquals(JSON.readTree("{\"sum\":6,\"size\":\"big\"}"), JSON.readTree(described.output()));
    assertEquals("{\"x\":5}", described.input());

    Execution local =
        LocalStateMachine.builder(PASS_CHAIN)
            .name("same-as-in-process")
            .build()
            .run(JSON.readTree("{\"x\":5}"));
    GetExecutionHistoryResponse history = sfn.getExecutionHistory(b -> b.executionArn(arn));
    assertEquals(local.history().stream().map(HistoryEvent::type).toList(), types(history));
    for (int i = 0; i < local.history().size(); i++) {
      HistoryEvent expected = local.history().get(i);
      software.amazon.awssdk.services.sfn.model.HistoryEvent actual = history.events().get(i);
      assertEquals(expected.id(), actual.id());
      assertEquals(expected.previousEventId(), actual.previousEventId());
      JsonNode details = expected.details();
      if (details != null && details.has("output")) {
        assertEquals(details.get("output").asText(), outputOf(actual), "event " + expected.id());
      }
    }
  }

  private static String outputOf(software.amazon.awssdk.services.sfn.model.HistoryEvent event) {
    if (event.stateExitedEventDetails() != null) {
      return event.stateExitedEventDetails().output();
    }
    if (event.executionSucceededEventDetails() != null) {
      return event.executionSucceededEventDetails().output();
    }
    return null;
  }

  @Test
  void aFailedExecutionReportsItsErrorAndCause() throws Exception {
    String machine = create("fails", PASS_CHAIN, StateMachineType.STANDARD);
    String arn =
        sfn.startExecution(b -> b.stateMachineArn(machine).input("{\"x\":0}")).executionArn();
    DescribeExecutionResponse described = awaitEnd(arn);
    assertEquals(
        List.of("FAILED", "TooSmall", "the sum is 1 or less"),
        List.of(described.statusAsString(), described.error(), described.cause()));
    assertNull(described.output());
    // Unnamed executions get a UUID for a name, as on AWS.
    assertTrue(
        described.name().matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"),
        described.name());
  }

  @Test
  void aNameIsRefusedASecondTimeButARepeatedStartOfARunningExecutionAnswersIt() {
    String machine = create("names", LONG_WAIT, StateMachineType.STANDARD);
    String first =
        sfn.startExecution(b -> b.stateMachineArn(machine).name("once").input("{}")).executionArn();
    assertEquals(
        first,
        sfn.startExecution(b -> b.stateMachineArn(machine).name("once").input("{}"))
            .executionArn());
    ExecutionAlreadyExistsException refused =
        assertThrows(
            ExecutionAlreadyExistsException.class,
            () ->
                sfn.startExecution(
                    b -> b.stateMachineArn(machine).name("once").input("{\"other\":1}")));
    assertEquals(
        "Execution Already Exists: '" + first + "'", refused.awsErrorDetails().errorMessage());
    sfn.stopExecution(b -> b.executionArn(first));
  }

  @Test
  void aStoppedExecutionIsAbortedWithTheGivenErrorAndCause() throws Exception {
    String machine = create("stopped", LONG_WAIT, StateMachineType.STANDARD);
    String arn = sfn.startExecution(b -> b.stateMachineArn(machine)).executionArn();
    sfn.stopExecution(b -> b.executionArn(arn).error("Operator").cause("no longer needed"));
    DescribeExecutionResponse described = awaitEnd(arn);
    assertEquals(
        List.of("ABORTED", "Operator", "no longer needed"),
        List.of(described.statusAsString(), described.error(), described.cause()));
    List<String> types = types(sfn.getExecutionHistory(b -> b.executionArn(arn)));
    assertEquals("ExecutionAborted", types.get(types.size() - 1));
  }

  @Test
  void executionsAreListedNewestFirstByStatusAndPageByPage() throws Exception {
    String machine = create("listed", PASS_CHAIN, StateMachineType.STANDARD);
    for (String name : List.of("e1", "e2", "e3")) {
      String arn =
          sfn.startExecution(
                  b ->
                      b.stateMachineArn(machine)
                          .name(name)
                          .input("{\"x\":" + (name.equals("e2") ? 0 : 1) + "}"))
              .executionArn();
      awaitEnd(arn);
    }
    ListExecutionsResponse first =
        sfn.listExecutions(b -> b.stateMachineArn(machine).maxResults(2));
    assertEquals(List.of("e3", "e2"), first.executions().stream().map(e -> e.name()).toList());
    ListExecutionsResponse second =
        sfn.listExecutions(
            b -> b.stateMachineArn(machine).maxResults(2).nextToken(first.nextToken()));
    assertEquals(List.of("e1"), second.executions().stream().map(e -> e.name()).toList());
    assertNull(second.nextToken());
    assertEquals(
        List.of("e2"),
        sfn
            .listExecutions(b -> b.stateMachineArn(machine).statusFilter(ExecutionStatus.FAILED))
            .executions()
            .stream()
            .map(e -> e.name())
            .toList());
  }

  @Test
  void historyComesInReverseAndWithoutExecutionDataWhenAsked() throws Exception {
    String machine = create("history", PASS_CHAIN, StateMachineType.STANDARD);
    String arn =
        sfn.startExecution(b -> b.stateMachineArn(machine).input("{\"x\":5}")).executionArn();
    awaitEnd(arn);
    GetExecutionHistoryResponse forward = sfn.getExecutionHistory(b -> b.executionArn(arn));
    GetExecutionHistoryResponse reverse =
        sfn.getExecutionHistory(b -> b.executionArn(arn).reverseOrder(true));
    List<String> reversed = new java.util.ArrayList<>(types(forward));
    java.util.Collections.reverse(reversed);
    assertEquals(reversed, types(reverse));
    GetExecutionHistoryResponse bare =
        sfn.getExecutionHistory(b -> b.executionArn(arn).includeExecutionData(false));
    assertNull(bare.events().get(0).executionStartedEventDetails().input());
    assertEquals("{\"x\":5}", forward.events().get(0).executionStartedEventDetails().input());
    GetExecutionHistoryResponse page =
        sfn.getExecutionHistory(b -> b.executionArn(arn).maxResults(3));
    assertEquals(types(forward).subList(0, 3), types(page));
    assertEquals(
        types(forward).subList(3, 6),
        types(
            sfn.getExecutionHistory(
                b -> b.executionArn(arn).maxResults(3).nextToken(page.nextToken()))));
  }

  @Test
  void unknownAndMalformedArnsAreRefusedAsAwsRefusesThem() {
    String missing = "arn:aws:states:us-east-1:123456789012:execution:nope:nothing";
    ExecutionDoesNotExistException notThere =
        assertThrows(
            ExecutionDoesNotExistException.class,
            () -> sfn.describeExecution(b -> b.executionArn(missing)));
    assertEquals(
        "Execution Does Not Exist: '" + missing + "'", notThere.awsErrorDetails().errorMessage());
    InvalidArnException wrongType =
        assertThrows(
            InvalidArnException.class,
            () ->
                sfn.describeStateMachine(
                    b -> b.stateMachineArn("arn:aws:states:us-east-1:123456789012:activity:a")));
    assertEquals(
        "Invalid Arn: 'Resource type not valid in this context: activity'",
        wrongType.awsErrorDetails().errorMessage());
    InvalidArnException notAnArn =
        assertThrows(
            InvalidArnException.class,
            () -> sfn.describeStateMachine(b -> b.stateMachineArn("not-an-arn")));
    assertEquals(
        "Invalid Arn: 'Invalid ARN prefix: not-an-arn'", notAnArn.awsErrorDetails().errorMessage());
  }

  @Test
  void aWaitForTaskTokenTaskIsAnsweredBySendTaskSuccess() throws Exception {
    String queue = server.services().sqs().queueUrl("approvals");
    String definition =
        "{\"StartAt\":\"Ask\",\"States\":{\"Ask\":{\"Type\":\"Task\","
            + "\"Resource\":\"arn:aws:states:::sqs:sendMessage.waitForTaskToken\","
            + "\"Parameters\":{\"QueueUrl\":\""
            + queue
            + "\",\"MessageBody\":{\"token.$\":\"$$.Task.Token\"}},"
            + "\"End\":true}}}";
    String machine = create("callback", definition, StateMachineType.STANDARD);
    String arn = sfn.startExecution(b -> b.stateMachineArn(machine).input("{}")).executionArn();
    String token =
        server
            .services()
            .sqs()
            .poll(queue, Duration.ofSeconds(10))
            .orElseThrow()
            .bodyJson()
            .get("token")
            .asText();
    assertEquals(ExecutionStatus.RUNNING, sfn.describeExecution(b -> b.executionArn(arn)).status());
    sfn.sendTaskSuccess(b -> b.taskToken(token).output("{\"approved\":true}"));
    DescribeExecutionResponse described = awaitEnd(arn);
    assertEquals(ExecutionStatus.SUCCEEDED, described.status());
    assertEquals("{\"approved\":true}", described.output());
  }

  @Test
  void aCallbackWithAnUnknownTokenIsRefused() {
    TaskDoesNotExistException refused =
        assertThrows(
            TaskDoesNotExistException.class,
            () -> sfn.sendTaskSuccess(b -> b.taskToken("no-such-token").output("{}")));
    assertEquals("TaskDoesNotExist", refused.awsErrorDetails().errorCode());
  }

  @Test
  void anActivityWorkerTakesTheTaskAndAnswersIt() throws Exception {
    String activity = sfn.createActivity(b -> b.name("approve")).activityArn();
    assertEquals("arn:aws:states:us-east-1:123456789012:activity:approve", activity);
    assertEquals("approve", sfn.describeActivity(b -> b.activityArn(activity)).name());
    GetActivityTaskResponse none =
        sfn.getActivityTask(b -> b.activityArn(activity).workerName("w"));
    assertNull(none.taskToken());
    String machine =
        create(
            "with-activity",
            "{\"StartAt\":\"Work\",\"States\":{\"Work\":{\"Type\":\"Task\",\"Resource\":\""
                + activity
                + "\",\"End\":true}}}",
            StateMachineType.STANDARD);
    String arn =
        sfn.startExecution(b -> b.stateMachineArn(machine).input("{\"order\":7}")).executionArn();
    GetActivityTaskResponse task = null;
    for (int i = 0; i < 50 && (task == null || task.taskToken() == null); i++) {
      task = sfn.getActivityTask(b -> b.activityArn(activity).workerName("w"));
    }
    assertEquals("{\"order\":7}", task.input());
    String token = task.taskToken();
    sfn.sendTaskHeartbeat(b -> b.taskToken(token));
    sfn.sendTaskFailure(b -> b.taskToken(token).error("Declined").cause("out of stock"));
    DescribeExecutionResponse described = awaitEnd(arn);
    assertEquals(
        List.of("FAILED", "Declined", "out of stock"),
        List.of(described.statusAsString(), described.error(), described.cause()));
    assertTrue(
        sfn.listActivities(b -> b.maxResults(100)).activities().stream()
            .anyMatch(a -> a.activityArn().equals(activity)));
    sfn.deleteActivity(b -> b.activityArn(activity));
  }

  @Test
  void anExpressMachineRunsSynchronouslyAndAStandardOneIsRefused() throws Exception {
    String express = create("sync-express", PASS_CHAIN, StateMachineType.EXPRESS);
    StartSyncExecutionResponse response =
        sfn.startSyncExecution(b -> b.stateMachineArn(express).input("{\"x\":2}"));
    assertEquals(SyncExecutionStatus.SUCCEEDED, response.status());
    assertEquals(JSON.readTree("{\"sum\":3,\"size\":\"big\"}"), JSON.readTree(response.output()));
    assertTrue(
        response
            .executionArn()
            .startsWith("arn:aws:states:us-east-1:123456789012:express:sync-express:"),
        response.executionArn());
    StartSyncExecutionResponse failed =
        sfn.startSyncExecution(b -> b.stateMachineArn(express).input("{\"x\":0}"));
    assertEquals(
        List.of("FAILED", "TooSmall", "the sum is 1 or less"),
        List.of(failed.statusAsString(), failed.error(), failed.cause()));

    String standard = create("sync-standard", PASS_CHAIN, StateMachineType.STANDARD);
    StateMachineTypeNotSupportedException refused =
        assertThrows(
            StateMachineTypeNotSupportedException.class,
            () -> sfn.startSyncExecution(b -> b.stateMachineArn(standard).input("{}")));
    assertEquals(
        "This operation is not supported by this type of state machine",
        refused.awsErrorDetails().errorMessage());
  }

  @Test
  void testStateRunsOneStateWithItsInspectionData() throws Exception {
    TestStateResponse response =
        sfn.testState(
            b ->
                b.definition(
                        "{\"Type\":\"Pass\",\"Parameters\":{\"doubled.$\":\"States.MathAdd($.n, $.n)\"},\"Next\":\"After\"}")
                    .input("{\"n\":21}")
                    .roleArn(ROLE)
                    .inspectionLevel("DEBUG"));
    assertEquals("SUCCEEDED", response.statusAsString());
    assertEquals(JSON.readTree("{\"doubled\":42}"), JSON.readTree(response.output()));
    assertEquals("After", response.nextState());
    assertEquals(JSON.readTree("{\"n\":21}"), JSON.readTree(response.inspectionData().input()));
    assertEquals(
        JSON.readTree("{\"doubled\":42}"),
        JSON.readTree(response.inspectionData().afterParameters()));
  }

  @Test
  void aDefinitionIsValidatedAsValidateStateMachineDefinitionAnswers() {
    ValidateStateMachineDefinitionResponse ok =
        sfn.validateStateMachineDefinition(b -> b.definition(PASS_CHAIN));
    assertEquals("OK", ok.resultAsString());
    assertEquals(List.of(), ok.diagnostics());
    ValidateStateMachineDefinitionResponse fail =
        sfn.validateStateMachineDefinition(
            b ->
                b.definition(
                    "{\"StartAt\":\"Nowhere\",\"States\":{\"A\":{\"Type\":\"Pass\",\"End\":true}}}"));
    assertEquals("FAIL", fail.resultAsString());
    assertFalse(fail.diagnostics().isEmpty());
    assertEquals("MISSING_TRANSITION_TARGET", fail.diagnostics().get(0).code());
    assertFalse(fail.truncated());
  }
}
