package io.asl4j.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.GetActivityTaskResponse;

/** On the real clock (the default), an execution waiting for a callback holds no thread. */
class RealClockParkingTest {
  static final String ROLE = StepFunctionsApiTest.ROLE;

  /** The server's threads that are inside the runtime: running or sleeping in an execution. */
  private static List<String> threadsInsideExecutions() {
    List<String> inside = new ArrayList<>();
    for (Map.Entry<Thread, StackTraceElement[]> entry : Thread.getAllStackTraces().entrySet()) {
      if (!entry.getKey().getName().startsWith("asl4j-execution-")) {
        continue;
      }
      for (StackTraceElement frame : entry.getValue()) {
        if (frame.getClassName().startsWith("io.asl4j.runtime.")) {
          inside.add(entry.getKey().getName() + " at " + frame);
          break;
        }
      }
    }
    return inside;
  }

  @Test
  void executionsWaitingForAnActivityWorkerOnTheRealClockHoldNoThreadAndRunOnWhenAnswered()
      throws Exception {
    try (Asl4jServer server = Asl4jServer.start(new Asl4jServer.Config());
        SfnClient sfn = Asl4jServerExtension.client(server.endpoint(), server.region())) {
      String activity = sfn.createActivity(b -> b.name("approve")).activityArn();
      String definition =
          "{\"StartAt\":\"Approve\",\"States\":{\"Approve\":{\"Type\":\"Task\",\"Resource\":\""
              + activity
              + "\",\"TimeoutSeconds\":600,\"HeartbeatSeconds\":300,\"End\":true}}}";
      String machine =
          sfn.createStateMachine(b -> b.name("parked").definition(definition).roleArn(ROLE))
              .stateMachineArn();
      int count = 40;
      List<String> executions = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int n = i;
        executions.add(
            sfn.startExecution(b -> b.stateMachineArn(machine).input("{\"n\":" + n + "}"))
                .executionArn());
      }
      List<GetActivityTaskResponse> tasks = new ArrayList<>();
      while (tasks.size() < count) {
        GetActivityTaskResponse task = sfn.getActivityTask(b -> b.activityArn(activity));
        if (task.taskToken() != null) {
          tasks.add(task);
        }
      }
      Thread.sleep(100); // the runs that gave out the tasks let their threads go
      assertEquals(List.of(), threadsInsideExecutions());
      for (GetActivityTaskResponse task : tasks) {
        sfn.sendTaskSuccess(b -> b.taskToken(task.taskToken()).output(task.input()));
      }
      for (int i = 0; i < count; i++) {
        DescribeExecutionResponse described = StepFunctionsApiTest.awaitEnd(sfn, executions.get(i));
        assertEquals(
            List.of("SUCCEEDED", "{\"n\":" + i + "}"),
            List.of(described.statusAsString(), described.output()));
      }
    }
  }

  @Test
  void aParkedExecutionsTaskTimeoutFiresOnTheRealClockWithoutAThreadWaitingForIt()
      throws Exception {
    try (Asl4jServer server = Asl4jServer.start(new Asl4jServer.Config());
        SfnClient sfn = Asl4jServerExtension.client(server.endpoint(), server.region())) {
      String activity = sfn.createActivity(b -> b.name("silent")).activityArn();
      String definition =
          "{\"StartAt\":\"Work\",\"States\":{\"Work\":{\"Type\":\"Task\",\"Resource\":\""
              + activity
              + "\",\"TimeoutSeconds\":1,\"End\":true}}}";
      String machine =
          sfn.createStateMachine(b -> b.name("silent").definition(definition).roleArn(ROLE))
              .stateMachineArn();
      long started = System.nanoTime();
      String arn = sfn.startExecution(b -> b.stateMachineArn(machine).input("{}")).executionArn();
      Thread.sleep(300);
      assertEquals(List.of(), threadsInsideExecutions());
      DescribeExecutionResponse described = StepFunctionsApiTest.awaitEnd(sfn, arn);
      long tookMillis = (System.nanoTime() - started) / 1_000_000;
      assertEquals(
          List.of("FAILED", "States.Timeout"),
          List.of(described.statusAsString(), described.error()));
      assertTrue(tookMillis >= 950 && tookMillis < 10_000, "took " + tookMillis + " ms");
      assertTrue(
          Duration.between(described.startDate(), described.stopDate()).toMillis() >= 1000,
          described.startDate() + " .. " + described.stopDate());
    }
  }
}
