package io.asl4j.runtime.internal.conformance;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which recorded service executions the runtime can run on its fakes alone. */
class ConformanceRunnerTest {
  private static final String CALLBACK_OVER_SQS =
      "'definition':{'StartAt':'Send','States':{'Send':{'Type':'Task',"
          + "'Resource':'arn:aws:states:::sqs:sendMessage.waitForTaskToken','TimeoutSeconds':5,"
          + "'Parameters':{'QueueUrl.$':'$.QueueUrl','MessageBody':{'Token.$':'$$.Task.Token'}},'End':true}}},"
          + "'externalDependencies':['Task Send: arn:aws:states:::sqs:sendMessage.waitForTaskToken'],"
          + "'input':{'QueueUrl':'https://sqs.us-east-1.amazonaws.com/111111111111/q'}";

  private static final String UNTIL_SUBMITTED =
      "{'type':'ExecutionStarted'},{'type':'TaskStateEntered'},{'type':'TaskScheduled'},{'type':'TaskStarted'},"
          + "{'type':'TaskSubmitted','taskSubmittedEventDetails':{'resource':'sendMessage.waitForTaskToken'}},";

  @TempDir Path dir;

  private ConformanceCase serviceCase(String body) throws IOException {
    Path file = dir.resolve("service/callback/T.test_x.json");
    Files.createDirectories(file.getParent());
    Files.writeString(file, ("{'id':'callback/T.test_x','category':'service','stateMachineType':'STANDARD',"
        + body + "}").replace('\'', '"'));
    return ConformanceCases.read(file);
  }

  @Test
  void aCallbackNobodyAnsweredRunsOnTheFakes() throws IOException {
    ConformanceCase c = serviceCase(CALLBACK_OVER_SQS
        + ",'expected':{'status':'FAILED','error':'States.Timeout'},'history':[" + UNTIL_SUBMITTED
        + "{'type':'TaskTimedOut','taskTimedOutEventDetails':{'error':'States.Timeout','resource':'sendMessage.waitForTaskToken'}},"
        + "{'type':'ExecutionFailed'}]");

    assertTrue(ConformanceRunner.runnable(c));
    assertTrue(ConformanceRunner.run(c).passed(), ConformanceRunner.run(c).reason());
  }

  @Test
  void aCallbackTheRecordingTestAnsweredNeedsItsOtherHalf() throws IOException {
    ConformanceCase answered = serviceCase(CALLBACK_OVER_SQS
        + ",'expected':{'status':'SUCCEEDED','output':{}},'history':[" + UNTIL_SUBMITTED
        + "{'type':'TaskSucceeded','taskSucceededEventDetails':{'output':'{}','resource':'sendMessage.waitForTaskToken'}},"
        + "{'type':'TaskStateExited'},{'type':'ExecutionSucceeded'}]");
    ConformanceCase failedByAnswer = serviceCase(CALLBACK_OVER_SQS
        + ",'expected':{'status':'FAILED','error':'Rejected'},'history':[" + UNTIL_SUBMITTED
        + "{'type':'TaskFailed','taskFailedEventDetails':{'error':'Rejected','resource':'sendMessage.waitForTaskToken'}},"
        + "{'type':'ExecutionFailed'}]");
    ConformanceCase noHistory = serviceCase(CALLBACK_OVER_SQS + ",'expected':{'status':'FAILED','error':'States.Timeout'}");

    assertFalse(ConformanceRunner.runnable(answered));
    assertFalse(ConformanceRunner.runnable(failedByAnswer));
    assertFalse(ConformanceRunner.runnable(noHistory));
  }
}
