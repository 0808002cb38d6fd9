package io.asl4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
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

  /** The history of the callback up to its message being sent, as the recorder keeps it. */
  private static final String UNTIL_SUBMITTED =
      "{'id':1,'previousEventId':0,'timestamp':'timestamp','type':'ExecutionStarted','executionStartedEventDetails':"
          + "{'input':{'QueueUrl':'https://sqs.<region>.amazonaws.com/111111111111/q'},'inputDetails':{'truncated':false},"
          + "'roleArn':'snf_role_arn'}},"
          + "{'id':2,'previousEventId':0,'timestamp':'timestamp','type':'TaskStateEntered','stateEnteredEventDetails':"
          + "{'name':'Send','input':{'QueueUrl':'https://sqs.<region>.amazonaws.com/111111111111/q'},"
          + "'inputDetails':{'truncated':false}}},"
          + "{'id':3,'previousEventId':2,'timestamp':'timestamp','type':'TaskScheduled','taskScheduledEventDetails':"
          + "{'resourceType':'sqs','resource':'sendMessage.waitForTaskToken','region':'<region>','parameters':"
          + "{'QueueUrl':'https://sqs.<region>.amazonaws.com/111111111111/q','MessageBody':{'Token':'<task_token:1>'}},"
          + "'timeoutInSeconds':5}},"
          + "{'id':4,'previousEventId':3,'timestamp':'timestamp','type':'TaskStarted','taskStartedEventDetails':"
          + "{'resourceType':'sqs','resource':'sendMessage.waitForTaskToken'}},"
          + "{'id':5,'previousEventId':4,'timestamp':'timestamp','type':'TaskSubmitted','taskSubmittedEventDetails':"
          + "{'resourceType':'sqs','resource':'sendMessage.waitForTaskToken','output':"
          + "{'MD5OfMessageBody':'0be509add6b44974ac8bd1efecb0cdf7','MessageId':'<uuid:1>','SdkHttpMetadata':"
          + "{'AllHttpHeaders':{'x-amzn-RequestId':'x-amzn-RequestId','connection':['keep-alive'],"
          + "'Content-Length':['106'],'Date':'date','Content-Type':['application/x-amz-json-1.0']},"
          + "'HttpHeaders':{'connection':'keep-alive','Content-Length':'106','Content-Type':'application/x-amz-json-1.0',"
          + "'Date':'date','x-amzn-RequestId':'x-amzn-RequestId'},'HttpStatusCode':200},"
          + "'SdkResponseMetadata':{'RequestId':'RequestId'}},'outputDetails':{'truncated':false}}},";

  @TempDir Path dir;

  private ConformanceCase serviceCase(String body) throws IOException {
    return CaseFiles.write(
        dir,
        "service/callback/T.test_x.json",
        "{'id':'callback/T.test_x','category':'service','stateMachineType':'STANDARD',"
            + body
            + "}");
  }

  @Test
  void aCallbackNobodyAnsweredRunsOnTheFakes() throws IOException {
    ConformanceCase c =
        serviceCase(
            CALLBACK_OVER_SQS
                + ",'expected':{'status':'FAILED','error':'States.Timeout'},'history':["
                + UNTIL_SUBMITTED
                + "{'id':6,'previousEventId':5,'timestamp':'timestamp','type':'TaskTimedOut','taskTimedOutEventDetails':"
                + "{'resourceType':'sqs','resource':'sendMessage.waitForTaskToken','error':'States.Timeout'}},"
                + "{'id':7,'previousEventId':6,'timestamp':'timestamp','type':'ExecutionFailed','executionFailedEventDetails':"
                + "{'error':'States.Timeout'}}]");

    assertTrue(ConformanceRunner.runnable(c));
    assertTrue(
        ConformanceRunner.attempt(c).orElseThrow().passed(),
        ConformanceRunner.attempt(c).toString());
  }

  @Test
  void aCallbackTheRecordingTestAnsweredNeedsItsOtherHalf() throws IOException {
    ConformanceCase answered =
        serviceCase(
            CALLBACK_OVER_SQS
                + ",'expected':{'status':'SUCCEEDED','output':{}},'history':["
                + UNTIL_SUBMITTED
                + "{'type':'TaskSucceeded','taskSucceededEventDetails':{'output':'{}','resource':'sendMessage.waitForTaskToken'}},"
                + "{'type':'TaskStateExited'},{'type':'ExecutionSucceeded'}]");
    ConformanceCase failedByAnswer =
        serviceCase(
            CALLBACK_OVER_SQS
                + ",'expected':{'status':'FAILED','error':'Rejected'},'history':["
                + UNTIL_SUBMITTED
                + "{'type':'TaskFailed','taskFailedEventDetails':{'error':'Rejected','resource':'sendMessage.waitForTaskToken'}},"
                + "{'type':'ExecutionFailed'}]");
    for (ConformanceCase c : List.of(answered, failedByAnswer)) {
      assertTrue(ConformanceRunner.runnable(c), "it may fail before it sends the message");
      assertEquals(
          Optional.empty(),
          ConformanceRunner.attempt(c),
          "it sent the message: only its other half goes on");
    }
  }

  @Test
  void reachingAResourceTheRecordingNeverShowsAwsSchedulingIsAFailure() throws IOException {
    ConformanceCase noHistory =
        serviceCase(CALLBACK_OVER_SQS + ",'expected':{'status':'FAILED','error':'States.Timeout'}");

    assertTrue(ConformanceRunner.runnable(noHistory), "it may fail before it sends the message");
    assertEquals(
        Optional.of(
            CaseOutcome.failed(
                noHistory,
                "the run reached arn:aws:states:::sqs:sendMessage,"
                    + " which the recorded history never shows AWS scheduling")),
        ConformanceRunner.attempt(noHistory));
  }

  @Test
  void aCaseFailingBeforeItReachesAServiceOnlyAwsCanAnswerHasAVerdict() throws IOException {
    String timeoutPath =
        "'definition':{'StartAt':'Get','States':{'Get':{'Type':'Task',"
            + "'Resource':'arn:aws:states:::aws-sdk:s3:getObject','TimeoutSecondsPath':'$.timeout',"
            + "'Parameters':{'Bucket':'b','Key':'k'},'End':true}}},"
            + "'externalDependencies':['Task Get: arn:aws:states:::aws-sdk:s3:getObject'],'input':{%s},";
    ConformanceCase failsFirst =
        serviceCase(
            String.format(timeoutPath, "")
                + "'expected':{'status':'FAILED','error':'States.Runtime','cause':'An error occurred while executing the state"
                + " \\u0027Get\\u0027 (entered at the event id #2). Invalid path \\u0027$.timeout\\u0027 : No results for path:"
                + " $[\\u0027timeout\\u0027]'}");
    ConformanceCase reachesIt =
        serviceCase(
            String.format(timeoutPath, "'timeout':5")
                + "'expected':{'status':'SUCCEEDED'},"
                + "'history':[{'id':3,'previousEventId':2,'type':'TaskScheduled','taskScheduledEventDetails':"
                + "{'resourceType':'aws-sdk:s3','resource':'getObject'}}]");

    assertTrue(ConformanceRunner.runnable(failsFirst));
    assertEquals(
        Optional.of(true),
        ConformanceRunner.attempt(failsFirst).map(CaseOutcome::passed),
        () -> ConformanceRunner.attempt(failsFirst).toString());
    assertEquals(Optional.empty(), ConformanceRunner.attempt(reachesIt));
  }

  @Test
  void anActivityOrCredentialsNeedAws() throws IOException {
    ConformanceCase activity =
        serviceCase(
            "'definition':{'StartAt':'A','States':{'A':{'Type':'Task',"
                + "'Resource':'arn:aws:states:us-east-1:111111111111:activity:work','End':true}}},"
                + "'externalDependencies':['Task A: arn:aws:states:us-east-1:111111111111:activity:work'],"
                + "'input':{},'expected':{'status':'SUCCEEDED'}");

    assertFalse(ConformanceRunner.runnable(activity));
    assertEquals(null, ConformanceRunner.guardedResource("Credentials"));
  }
}
