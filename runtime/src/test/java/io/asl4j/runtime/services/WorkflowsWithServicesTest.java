package io.asl4j.runtime.services;

import static io.asl4j.runtime.services.Fixtures.START;
import static io.asl4j.runtime.services.Fixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.asl4j.runtime.Execution;
import io.asl4j.runtime.ExecutionStatus;
import io.asl4j.runtime.LocalStateMachine;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Whole state machines running on the fakes. */
class WorkflowsWithServicesTest {
  private static final String APPROVALS =
      "https://sqs.us-east-1.amazonaws.com/123456789012/approvals";
  private static final String TOPIC = "arn:aws:sns:us-east-1:123456789012:decisions";

  /**
   * Records the order, asks a person over SQS (up to 3 days), stores the decision, announces it.
   */
  private static final String HUMAN_APPROVAL =
      ("{'StartAt':'Record','States':{"
              + "'Record':{'Type':'Task','Resource':'arn:aws:states:::dynamodb:putItem',"
              + "  'Parameters':{'TableName':'Orders','Item':{'id':{'S.$':'$.orderId'},'status':{'S':'PENDING'}}},"
              + "  'ResultPath':null,'Next':'Ask'},"
              + "'Ask':{'Type':'Task','Resource':'arn:aws:states:::sqs:sendMessage.waitForTaskToken','TimeoutSeconds':259200,"
              + "  'Parameters':{'QueueUrl':'"
              + APPROVALS
              + "','MessageBody':{'orderId.$':'$.orderId','TaskToken.$':'$$.Task.Token'}},"
              + "  'ResultPath':'$.decision','Catch':[{'ErrorEquals':['Rejected'],'ResultPath':'$.rejection','Next':'MarkRejected'}],"
              + "  'Next':'MarkApproved'},"
              + "'MarkApproved':{'Type':'Task','Resource':'arn:aws:states:::dynamodb:updateItem',"
              + "  'Parameters':{'TableName':'Orders','Key':{'id':{'S.$':'$.orderId'}},'UpdateExpression':'SET #s = :s, approver = :a',"
              + "    'ExpressionAttributeNames':{'#s':'status'},"
              + "    'ExpressionAttributeValues':{':s':{'S':'APPROVED'},':a':{'S.$':'$.decision.approver'}}},"
              + "  'ResultPath':null,'Next':'Announce'},"
              + "'MarkRejected':{'Type':'Task','Resource':'arn:aws:states:::dynamodb:updateItem',"
              + "  'Parameters':{'TableName':'Orders','Key':{'id':{'S.$':'$.orderId'}},'UpdateExpression':'SET #s = :s',"
              + "    'ExpressionAttributeNames':{'#s':'status'},'ExpressionAttributeValues':{':s':{'S':'REJECTED'}}},"
              + "  'ResultPath':null,'Next':'Announce'},"
              + "'Announce':{'Type':'Task','Resource':'arn:aws:states:::sns:publish',"
              + "  'Parameters':{'TopicArn':'"
              + TOPIC
              + "','Message.$':'$'},'ResultSelector':{'id.$':'$.MessageId'},"
              + "  'ResultPath':'$.announcement','End':true}}}")
          .replace('\'', '"');

  private static LocalStateMachine approvalMachine(AwsServices services) {
    services.dynamoDb().createTable("Orders", "id");
    return LocalStateMachine.builder(HUMAN_APPROVAL).services(services).virtualClock(START).build();
  }

  @Test
  void aPersonApprovesThroughTheMessageTheWorkflowSentAndTheDecisionIsStored() {
    AwsServices services = AwsServices.create(1);
    LocalStateMachine machine = approvalMachine(services);
    Execution execution = machine.start(json("{'orderId':'o-1'}")).runUntilWaiting();

    Sqs.Message request = services.sqs().receive(APPROVALS).orElseThrow();
    JsonNode body = request.bodyJson();
    assertEquals("o-1", body.get("orderId").asText());
    machine.sendTaskSuccess(body.get("TaskToken").asText(), json("{'approver':'ana'}"));
    execution.await();

    assertEquals(ExecutionStatus.SUCCEEDED, execution.status());
    Sns.Message announced = services.sns().published(TOPIC).get(0);
    assertEquals(json("{'orderId':'o-1','decision':{'approver':'ana'}}"), announced.messageJson());
    assertEquals(
        json(
            "{'orderId':'o-1','decision':{'approver':'ana'},'announcement':{'id':'"
                + announced.messageId()
                + "'}}"),
        execution.output());
    assertEquals(
        List.of(json("{'id':{'S':'o-1'},'status':{'S':'APPROVED'},'approver':{'S':'ana'}}")),
        services.dynamoDb().items("Orders"));
  }

  @Test
  void aRejectionIsCaughtAndStoredAsRejected() {
    AwsServices services = AwsServices.create(2);
    LocalStateMachine machine = approvalMachine(services);
    Execution execution = machine.start(json("{'orderId':'o-2'}")).runUntilWaiting();

    String token =
        services.sqs().receive(APPROVALS).orElseThrow().bodyJson().get("TaskToken").asText();
    machine.sendTaskFailure(token, "Rejected", "over budget");
    execution.await();

    assertEquals(ExecutionStatus.SUCCEEDED, execution.status());
    assertEquals(
        json("{'Error':'Rejected','Cause':'over budget'}"), execution.output().get("rejection"));
    assertEquals("REJECTED", services.dynamoDb().items("Orders").get(0).at("/status/S").asText());
  }

  @Test
  void nobodyAnsweringForThreeDaysTimesOutInMilliseconds() {
    AwsServices services = AwsServices.create(3);
    Execution execution = approvalMachine(services).run(json("{'orderId':'o-3'}"));

    assertEquals(ExecutionStatus.FAILED, execution.status());
    assertEquals("States.Timeout", execution.error());
    List<io.asl4j.runtime.HistoryEvent> history = execution.history();
    assertEquals(START.plus(Duration.ofDays(3)), history.get(history.size() - 1).timestamp());
    assertEquals(1, services.sqs().messages(APPROVALS).size());
    assertEquals("PENDING", services.dynamoDb().items("Orders").get(0).at("/status/S").asText());
  }

  @Test
  void aConsumerOnAnotherThreadPollsTheQueueAndApprovesWhileTheExecutionWaits() throws Exception {
    AwsServices services = AwsServices.create(4);
    services.dynamoDb().createTable("Orders", "id");
    LocalStateMachine machine =
        LocalStateMachine.builder(HUMAN_APPROVAL).services(services).realClock().build();
    CompletableFuture<Execution> running =
        CompletableFuture.supplyAsync(() -> machine.start(json("{'orderId':'o-4'}")).await());

    Sqs.Message request = services.sqs().poll(APPROVALS, Duration.ofSeconds(10)).orElseThrow();
    machine.sendTaskSuccess(
        request.bodyJson().get("TaskToken").asText(), json("{'approver':'bo'}"));

    assertEquals(ExecutionStatus.SUCCEEDED, running.get(10, TimeUnit.SECONDS).status());
    assertEquals("bo", services.dynamoDb().items("Orders").get(0).at("/approver/S").asText());
  }

  @Test
  void anOrderPipelineFansOutToEventsAChildWorkflowAndS3() {
    AwsServices services = AwsServices.create(5);
    services.s3().createBucket("receipts");
    String childArn = "arn:aws:states:us-east-1:123456789012:stateMachine:Invoice";
    services
        .stepFunctions()
        .stateMachine(
            childArn,
            LocalStateMachine.builder(
                    "{'StartAt':'Total','States':{'Total':{'Type':'Pass','Parameters':{'invoice.$':'States.Format(\\'INV-{}\\', $.orderId)',"
                            .replace('\'', '"')
                            .replace("\\\"", "'")
                        + "\"total.$\":\"States.MathAdd($.price, 5)\"},\"End\":true}}}")
                .name("Invoice")
                .virtualClock(START)
                .build());
    String pipeline =
        ("{'StartAt':'Announce','States':{"
                + "'Announce':{'Type':'Task','Resource':'arn:aws:states:::events:putEvents',"
                + "  'Parameters':{'Entries':[{'Source':'shop','DetailType':'OrderPlaced','Detail':{'orderId.$':'$.orderId'}}]},"
                + "  'ResultPath':null,'Next':'Invoice'},"
                + "'Invoice':{'Type':'Task','Resource':'arn:aws:states:::states:startExecution.sync:2',"
                + "  'Parameters':{'StateMachineArn':'"
                + childArn
                + "','Input.$':'$'},'ResultSelector':{'invoice.$':'$.Output'},"
                + "  'OutputPath':'$.invoice','Next':'Store'},"
                + "'Store':{'Type':'Task','Resource':'arn:aws:states:::aws-sdk:s3:putObject',"
                + "  'Parameters':{'Bucket':'receipts','Key.$':'$.invoice','Body.$':'$'},'ResultPath':null,'End':true}}}")
            .replace('\'', '"');
    Execution execution =
        LocalStateMachine.builder(pipeline)
            .services(services)
            .virtualClock(START)
            .build()
            .run(json("{'orderId':'o-5','price':10}"));

    assertEquals(
        ExecutionStatus.SUCCEEDED,
        execution.status(),
        () -> execution.error() + ": " + execution.cause());
    assertEquals(json("{'invoice':'INV-o-5','total':15}"), execution.output());
    assertEquals(json("{'orderId':'o-5'}"), services.eventBridge().events().get(0).detail());
    assertEquals(
        json("{'invoice':'INV-o-5','total':15}"),
        json(services.s3().object("receipts", "INV-o-5").orElseThrow().replace('"', '\'')));
    assertEquals(1, services.stepFunctions().executions(childArn).size());
  }
}
