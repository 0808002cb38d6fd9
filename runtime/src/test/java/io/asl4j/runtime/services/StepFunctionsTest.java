package io.asl4j.runtime.services;

import static io.asl4j.runtime.services.Fixtures.SEED;
import static io.asl4j.runtime.services.Fixtures.START;
import static io.asl4j.runtime.services.Fixtures.ids;
import static io.asl4j.runtime.services.Fixtures.json;
import static io.asl4j.runtime.services.Fixtures.runTask;
import static io.asl4j.runtime.services.Fixtures.sdkV1Cause;
import static io.asl4j.runtime.services.Fixtures.task;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.asl4j.runtime.Execution;
import io.asl4j.runtime.ExecutionStatus;
import io.asl4j.runtime.LocalStateMachine;
import org.junit.jupiter.api.Test;

class StepFunctionsTest {
  private static final String CHILD_ARN =
      "arn:aws:states:us-east-1:123456789012:stateMachine:Child";
  private static final String CHILD_EXECUTION =
      "arn:aws:states:us-east-1:123456789012:execution:Child:run-1";
  private static final long MILLIS = START.toEpochMilli();

  private static AwsServices withChild(String childDefinition) {
    AwsServices services = AwsServices.create(SEED);
    services
        .stepFunctions()
        .stateMachine(
            CHILD_ARN,
            LocalStateMachine.builder(childDefinition.replace('\'', '"'))
                .name("Child")
                .services(services)
                .virtualClock(START)
                .build());
    return services;
  }

  private static final String SUCCEEDING =
      "{'StartAt':'W','States':{'W':{'Type':'Wait','Seconds':60,'Next':'P'},"
          + "'P':{'Type':'Pass','Parameters':{'doubled.$':'States.MathAdd($.n, $.n)'},'End':true}}}";

  /**
   * The description of the child's execution run-1 of SUCCEEDING, started at START, with its {@code
   * input} and {@code output} as the integration gives them (JSON text or parsed).
   */
  private static JsonNode succeededRun1(String input, String output) {
    return json(
        "{'ExecutionArn':'"
            + CHILD_EXECUTION
            + "','Input':"
            + input
            + ",'InputDetails':{'Included':true},'Name':'run-1','Output':"
            + output
            + ",'OutputDetails':{'Included':true},'StartDate':"
            + MILLIS
            + ",'StateMachineArn':'"
            + CHILD_ARN
            + "','Status':'SUCCEEDED','StopDate':"
            + (MILLIS + 60_000)
            + "}");
  }

  @Test
  void startExecutionSyncAnswersWithTheChildsDescriptionOutputAsJsonText() {
    AwsServices services = withChild(SUCCEEDING);
    Execution execution =
        runTask(
            "arn:aws:states:::states:startExecution.sync",
            "{'StateMachineArn':'" + CHILD_ARN + "','Input':{'n':2},'Name':'run-1'}",
            services,
            "{}");

    assertEquals(succeededRun1("'{\\\"n\\\":2}'", "'{\\\"doubled\\\":4}'"), execution.output());
    assertEquals(
        ExecutionStatus.SUCCEEDED, services.stepFunctions().executions(CHILD_ARN).get(0).status());
  }

  @Test
  void startExecutionSync2AnswersWithInputAndOutputParsed() {
    Execution execution =
        runTask(
            "arn:aws:states:::states:startExecution.sync:2",
            "{'StateMachineArn':'" + CHILD_ARN + "','Input':{'n':2},'Name':'run-1'}",
            withChild(SUCCEEDING),
            "{}");

    assertEquals(succeededRun1("{'n':2}", "{'doubled':4}"), execution.output());
  }

  @Test
  void aChildSendingTaskSuccessWithItsParentsTaskTokenEndsTheSyncTaskEarly() {
    AwsServices services =
        withChild(
            "{'StartAt':'Tell','States':{'Tell':{'Type':'Task',"
                + "'Resource':'arn:aws:states:::aws-sdk:sfn:sendTaskSuccess',"
                + "'Parameters':{'TaskToken.$':'$.parentToken','Output':'\\\"early\\\"'},'ResultPath':null,'Next':'Linger'},"
                + "'Linger':{'Type':'Wait','Seconds':3600,'End':true}}}");
    LocalStateMachine parent =
        LocalStateMachine.builder(
                task(
                    "arn:aws:states:::states:startExecution.sync",
                    "{'StateMachineArn':'"
                        + CHILD_ARN
                        + "','Input':{'parentToken.$':'$$.Task.Token'},'Name':'run-1'}"))
            .name("Parent")
            .services(services)
            .virtualClock(START)
            .build();
    services
        .stepFunctions()
        .stateMachine("arn:aws:states:us-east-1:123456789012:stateMachine:Parent", parent);

    Execution execution = parent.run(json("{}"));

    assertEquals(json("'early'".replace('\'', '"')), execution.output());
    assertEquals(
        START,
        execution.history().get(execution.history().size() - 1).timestamp(),
        "it did not wait for the child");
    assertEquals(
        ExecutionStatus.SUCCEEDED,
        services.stepFunctions().executions(CHILD_ARN).get(0).await().status());
  }

  @Test
  void aFailingChildFailsTheSyncTaskWithItsDescriptionAsCause() {
    AwsServices services =
        withChild(
            "{'StartAt':'F','States':{'F':{'Type':'Fail','Error':'SomeFailure','Cause':'broken'}}}");
    Execution execution =
        runTask(
            "arn:aws:states:::states:startExecution.sync",
            "{'StateMachineArn':'" + CHILD_ARN + "','Input':null,'Name':'run-1'}",
            services,
            "{}");

    assertEquals("States.TaskFailed", execution.error());
    assertEquals(
        "{\"Cause\":\"broken\",\"Error\":\"SomeFailure\",\"ExecutionArn\":\""
            + CHILD_EXECUTION
            + "\",\"Input\":\"{}\","
            + "\"InputDetails\":{\"Included\":true},\"Name\":\"run-1\",\"StartDate\":"
            + MILLIS
            + ",\"StateMachineArn\":\""
            + CHILD_ARN
            + "\",\"Status\":\"FAILED\",\"StopDate\":"
            + MILLIS
            + "}",
        execution.cause());
  }

  @Test
  void startExecutionWithoutSyncAnswersWithTheArnAndStartDateAndLeavesTheChildToTheTest() {
    AwsServices services =
        withChild(
            "{'StartAt':'Wait','States':{'Wait':{'Type':'Task',"
                + "'Resource':'arn:aws:states:::sqs:sendMessage.waitForTaskToken','Parameters':{'QueueUrl':'https://sqs.us-east-1.amazonaws.com/1/q',"
                + "'MessageBody.$':'$$.Task.Token'},'End':true}}}");
    Execution execution =
        runTask(
            "arn:aws:states:::states:startExecution",
            "{'StateMachineArn':'" + CHILD_ARN + "','Input':'{\\\"a\\\":1}','Name':'run-1'}",
            services,
            "{}");

    String requestId = ids(1).get(0);
    String body =
        "{\"executionArn\":\"" + CHILD_EXECUTION + "\",\"startDate\":" + (MILLIS / 1000) + ".000}";
    assertEquals(CHILD_EXECUTION, execution.output().get("ExecutionArn").asText());
    assertEquals(MILLIS, execution.output().get("StartDate").asLong());
    assertEquals(
        String.valueOf(body.length()),
        execution.output().at("/SdkHttpMetadata/HttpHeaders/Content-Length").asText());
    assertEquals(requestId, execution.output().at("/SdkResponseMetadata/RequestId").asText());
    Execution child = services.stepFunctions().executions(CHILD_ARN).get(0);
    assertEquals(ExecutionStatus.RUNNING, child.status());
    assertEquals("{\"a\":1}", child.history().get(0).details().get("input").textValue());
  }

  @Test
  void anUnknownStateMachineIsStateMachineDoesNotExist() {
    Execution execution =
        runTask(
            "arn:aws:states:::states:startExecution",
            "{'StateMachineArn':'" + CHILD_ARN + "x'}",
            withChild(SUCCEEDING),
            "{}");

    assertEquals("StepFunctions.StateMachineDoesNotExistException", execution.error());
    assertEquals(
        "State Machine Does Not Exist: '"
            + CHILD_ARN
            + sdkV1Cause("x'", "AWSStepFunctions", 400, "StateMachineDoesNotExist"),
        execution.cause());
  }

  @Test
  void theAwsSdkStartExecutionAnswersWithAnIsoStartDate() {
    Execution execution =
        runTask(
            "arn:aws:states:::aws-sdk:sfn:startExecution",
            "{'StateMachineArn':'" + CHILD_ARN + "','Name':'run-1'}",
            withChild(SUCCEEDING),
            "{}");

    assertEquals(
        json("{'ExecutionArn':'" + CHILD_EXECUTION + "','StartDate':'2025-01-01T00:00:00.000Z'}"),
        execution.output());
  }

  @Test
  void sendTaskSuccessWithAnUnknownTokenIsInvalidToken() {
    Execution execution =
        runTask(
            "arn:aws:states:::aws-sdk:sfn:sendTaskSuccess",
            "{'TaskToken':'NoSuchTaskToken','Output':'{}'}",
            withChild(SUCCEEDING),
            "{}");

    assertEquals("Sfn.InvalidTokenException", execution.error());
    assertEquals(
        "Invalid Token: 'Invalid token' (Service: Sfn, Status Code: 400, Request ID: "
            + ids(1).get(0)
            + ") (SDK Attempt Count: 1)",
        execution.cause());
  }

  @Test
  void sendTaskSuccessCompletesACallbackOfARegisteredMachine() {
    AwsServices services =
        withChild(
            "{'StartAt':'Wait','States':{'Wait':{'Type':'Task',"
                + "'Resource':'arn:aws:states:::sqs:sendMessage.waitForTaskToken','Parameters':{'QueueUrl':'https://sqs.us-east-1.amazonaws.com/1/q',"
                + "'MessageBody.$':'$$.Task.Token'},'End':true}}}");
    runTask(
        "arn:aws:states:::states:startExecution",
        "{'StateMachineArn':'" + CHILD_ARN + "','Name':'run-1'}",
        services,
        "{}");
    String token =
        services.sqs().receive("https://sqs.us-east-1.amazonaws.com/1/q").orElseThrow().body();

    Execution approver =
        runTask(
            "arn:aws:states:::aws-sdk:sfn:sendTaskSuccess",
            "{'TaskToken':'" + token + "','Output':'{\\\"approved\\\":true}'}",
            services,
            "{}");

    assertEquals(json("{}"), approver.output());
    Execution child = services.stepFunctions().executions(CHILD_ARN).get(0).await();
    assertEquals(json("{'approved':true}"), child.output());
  }
}
