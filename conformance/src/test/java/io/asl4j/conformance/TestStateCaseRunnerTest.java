package io.asl4j.conformance;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which recorded TestState calls the runtime can answer alone. */
class TestStateCaseRunnerTest {
  @TempDir Path dir;

  private ConformanceCase testState(String request) throws IOException {
    return testState(request, "");
  }

  private ConformanceCase testState(String request, String more) throws IOException {
    return CaseFiles.write(
        dir,
        "test_state/test_state/T.test_x.json",
        "{'id':'test_state/T.test_x','category':'test_state','expected':{'status':'SUCCEEDED'},"
            + "'request':"
            + request
            + more
            + "}");
  }

  @Test
  void aLambdaTaskWithNeitherAMockNorAFunctionDescriptionIsNotRunnable() throws IOException {
    ConformanceCase byArn =
        testState(
            "{'definition':{'Type':'Task','Resource':'arn:aws:lambda:us-east-1:111111111111:function:f','End':true},'input':{}}");
    ConformanceCase byInvoke =
        testState(
            "{'definition':{'Type':'Task','Resource':'arn:aws:states:::lambda:invoke','Parameters':{'FunctionName':'f'},'End':true}}");

    assertTrue(TestStateCaseRunner.isTestState(byArn));
    assertFalse(TestStateCaseRunner.runnable(byArn));
    assertFalse(TestStateCaseRunner.runnable(byInvoke));
  }

  @Test
  void aMockedLambdaTaskIsRunnable() throws IOException {
    ConformanceCase mocked =
        testState(
            "{'definition':{'Type':'Task','Resource':'arn:aws:states:::lambda:invoke','End':true},'mock':{'result':'{}'}}");

    assertTrue(TestStateCaseRunner.runnable(mocked));
  }

  @Test
  void aLambdaTaskWhoseFunctionTheCaseDescribesIsRunnable() throws IOException {
    ConformanceCase described =
        testState(
            "{'definition':{'Type':'Task','Resource':'arn:aws:lambda:us-east-1:111111111111:function:f','End':true}}",
            ",'lambdas':{'f':{'kind':'identity','arn':'arn:aws:lambda:us-east-1:111111111111:function:f'}}");

    assertTrue(TestStateCaseRunner.runnable(described));
  }

  @Test
  void aMapUnderTestWhoseProcessorInvokesAnUndescribedFunctionIsNotRunnable() throws IOException {
    ConformanceCase map =
        testState(
            "{'definition':{'Type':'Map','ItemProcessor':{'StartAt':'F','States':{'F':{'Type':'Task',"
                + "'Resource':'arn:aws:lambda:us-east-1:111111111111:function:f','End':true}}},'End':true}}");

    assertFalse(TestStateCaseRunner.runnable(map));
  }

  @Test
  void onlyTheStateNamedByStateNameCountsInAWholeMachine() throws IOException {
    String machine =
        "{'StartAt':'P','States':{'P':{'Type':'Pass','Next':'F'},"
            + "'F':{'Type':'Task','Resource':'arn:aws:lambda:us-east-1:111111111111:function:f','End':true}}}";

    assertTrue(
        TestStateCaseRunner.runnable(testState("{'definition':" + machine + ",'stateName':'P'}")));
    assertFalse(
        TestStateCaseRunner.runnable(testState("{'definition':" + machine + ",'stateName':'F'}")));
  }

  @Test
  void nonLambdaTasksAndOtherStatesStayRunnable() throws IOException {
    assertTrue(
        TestStateCaseRunner.runnable(testState("{'definition':{'Type':'Pass','End':true}}")));
    assertTrue(
        TestStateCaseRunner.runnable(
            testState(
                "{'definition':{'Type':'Task','Resource':'arn:aws:states:::sqs:sendMessage','End':true}}")));
  }

  @Test
  void aCallIsGivenARoleAsTheRecordingTestsGaveOneExactlyWhenItsDefinitionHasATask()
      throws IOException {
    String flowStatesOnly =
        "{'definition':{'StartAt':'P','States':{'P':{'Type':'Pass','Next':'S'},"
            + "'S':{'Type':'Succeed'}}},'stateName':'P'}";
    String besideATask =
        "{'definition':{'StartAt':'P','States':{'P':{'Type':'Pass','Next':'T'},"
            + "'T':{'Type':'Task','Resource':'arn:aws:states:::sqs:sendMessage','End':true}}},'stateName':'P'}";
    String mapOverATask =
        "{'definition':{'Type':'Map','ItemProcessor':{'StartAt':'T','States':{'T':{'Type':'Task',"
            + "'Resource':'arn:aws:states:::lambda:invoke','End':true}}},'End':true},'mock':{'result':'[]'}}";

    assertFalse(TestStateCaseRunner.needsRole(testState(flowStatesOnly).raw().get("request")));
    assertTrue(TestStateCaseRunner.needsRole(testState(besideATask).raw().get("request")));
    assertTrue(TestStateCaseRunner.needsRole(testState(mapOverATask).raw().get("request")));
  }
}
