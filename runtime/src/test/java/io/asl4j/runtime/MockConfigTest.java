package io.asl4j.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Step Functions Local mock files, with the runtime's handlers beside them. */
class MockConfigTest {
  /**
   * A charge through Lambda, then the receipt sent over SQS and a manager's sign-off by callback.
   */
  private static final String ORDER =
      ("{'StartAt':'Charge','States':{"
              + "'Charge':{'Type':'Task','Resource':'arn:aws:states:::lambda:invoke',"
              + "'Parameters':{'FunctionName':'charge','Payload.$':'$'},'ResultSelector':{'paid.$':'$.Payload.paid'},"
              + "'ResultPath':'$.charge','Next':'Receipt'},"
              + "'Receipt':{'Type':'Task','Resource':'arn:aws:states:::sqs:sendMessage',"
              + "'Parameters':{'QueueUrl':'https://sqs.us-east-1.amazonaws.com/123456789012/receipts','MessageBody.$':'$'},"
              + "'ResultSelector':{'id.$':'$.MessageId'},'ResultPath':'$.receipt','Next':'SignOff'},"
              + "'SignOff':{'Type':'Task','Resource':'arn:aws:states:::sqs:sendMessage.waitForTaskToken',"
              + "'Parameters':{'QueueUrl':'https://sqs.us-east-1.amazonaws.com/123456789012/managers',"
              + "'MessageBody':{'token.$':'$$.Task.Token'}},'ResultPath':'$.signOff','TimeoutSeconds':86400,'End':true}}}")
          .replace('\'', '"');

  private static final MockConfig MOCKS =
      MockConfig.parse(
          ("{'StateMachines':{'Orders':{'TestCases':{"
                  + "'HappyPath':{'Charge':'Paid','Receipt':'Sent','SignOff':'Approved'},"
                  + "'HybridPath':{'Charge':'Paid'},"
                  + "'Renamed':{'Chrage':'Paid'}}}},"
                  + "'MockedResponses':{"
                  + "'Paid':{'0':{'Return':{'StatusCode':200,'Payload':{'paid':true}}}},"
                  + "'Sent':{'0':{'Return':{'MessageId':'m-mocked'}}},"
                  + "'Approved':{'0':{'Return':{'approvedBy':'ann'}}}}}")
              .replace('\'', '"'));

  private static JsonNode json(String text) {
    return TestJson.json(text.replace('\'', '"'));
  }

  private static List<String> types(Execution execution) {
    return execution.history().stream().map(HistoryEvent::type).toList();
  }

  /** Why the mock file's test case {@code testCase} of 'Orders' is refused for {@code ORDER}. */
  private static String mocksRefused(String testCase) {
    LocalStateMachine.Builder builder = LocalStateMachine.builder(ORDER);
    return assertThrows(
            IllegalArgumentException.class, () -> builder.mocks(MOCKS, "Orders", testCase))
        .getMessage();
  }

  @Test
  void aMockedCallbackStateCompletesWithItsMockedResponseWithoutAnyoneSendingTheToken() {
    Execution execution =
        LocalStateMachine.builder(ORDER)
            .mocks(MOCKS, "Orders", "HappyPath")
            .build()
            .run(json("{'order':'o-1'}"));

    assertEquals(ExecutionStatus.SUCCEEDED, execution.status());
    assertEquals(
        json(
            "{'order':'o-1','charge':{'paid':true},'receipt':{'id':'m-mocked'},'signOff':{'approvedBy':'ann'}}"),
        execution.output());
    assertEquals(
        List.of(
            "ExecutionStarted",
            "TaskStateEntered",
            "TaskScheduled",
            "TaskStarted",
            "TaskSucceeded",
            "TaskStateExited",
            "TaskStateEntered",
            "TaskScheduled",
            "TaskStarted",
            "TaskSucceeded",
            "TaskStateExited",
            "TaskStateEntered",
            "TaskScheduled",
            "TaskStarted",
            "TaskSubmitted",
            "TaskSucceeded",
            "TaskStateExited",
            "ExecutionSucceeded"),
        types(execution));
  }

  @Test
  void statesTheTestCaseLeavesOutGoToTheJavaHandlersAndServiceFakes() {
    List<JsonNode> sent = new ArrayList<>();
    LocalStateMachine machine =
        LocalStateMachine.builder(ORDER)
            .mocks(MOCKS, "Orders", "HybridPath")
            .handler(
                "arn:aws:states:::sqs:sendMessage",
                (input, ctx) -> {
                  sent.add(input.get("MessageBody"));
                  return json("{'MessageId':'m-" + sent.size() + "'}");
                })
            .build();

    Execution execution = machine.start(json("{'order':'o-1'}")).runUntilWaiting();
    assertEquals(ExecutionStatus.RUNNING, execution.status());
    machine.sendTaskSuccess(execution.waitingTaskTokens().get(0), json("{'approvedBy':'bob'}"));
    execution.await();

    assertEquals(
        json(
            "{'order':'o-1','charge':{'paid':true},'receipt':{'id':'m-1'},'signOff':{'approvedBy':'bob'}}"),
        execution.output());
    assertEquals(json("{'order':'o-1','charge':{'paid':true}}"), sent.get(0));
    assertEquals(2, sent.size(), "the receipt and the sign-off request went to the handler");
  }

  @Test
  void aTestCaseMockingAStateTheDefinitionDoesNotHaveIsRefusedWithItsLocation() {
    String refusal = mocksRefused("Renamed");

    assertEquals(
        "mock file: test case 'Renamed' of state machine 'Orders' mocks 'Chrage', which is not a Task state of this"
            + " definition, at /StateMachines/Orders/TestCases/Renamed/Chrage; its Task states are [Charge, Receipt, SignOff]",
        refusal);
  }

  @Test
  void aMissingTestCaseIsRefusedNamingTheOnesTheFileHas() {
    String refusal = mocksRefused("SadPath");

    assertEquals(
        "mock file: no test case 'SadPath' for state machine 'Orders' at /StateMachines/Orders/TestCases; it has"
            + " [HappyPath, HybridPath, Renamed]",
        refusal);
  }

  @Test
  void aMockedJobStateIsSubmittedAndSucceedsWithItsMockedResponse() {
    String nested =
        ("{'StartAt':'Child','States':{'Child':{'Type':'Task','Resource':'arn:aws:states:::states:startExecution.sync:2',"
                + "'Parameters':{'StateMachineArn':'arn:aws:states:us-east-1:123456789012:stateMachine:Child','Input.$':'$'},"
                + "'OutputPath':'$.Output','End':true}}}")
            .replace('\'', '"');
    MockConfig mocks =
        MockConfig.parse(
            ("{'StateMachines':{'Parent':{'TestCases':{'ChildDone':{'Child':'Finished'}}}},"
                    + "'MockedResponses':{'Finished':{'0':{'Return':{'Status':'SUCCEEDED','Output':{'total':42}}}}}}")
                .replace('\'', '"'));

    Execution execution =
        LocalStateMachine.builder(nested)
            .mocks(mocks, "Parent", "ChildDone")
            .build()
            .run(json("{}"));

    assertEquals(json("{'total':42}"), execution.output());
    assertEquals(EventTypes.CALLBACK_TASK_SUCCEEDED, types(execution));
  }
}
