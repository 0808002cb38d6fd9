package io.asl4j.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asl4j.runtime.ExecutionStatus;
import io.asl4j.runtime.LocalStateMachine;
import io.asl4j.runtime.MockConfig;
import io.asl4j.runtime.TaskHandler;
import io.asl4j.runtime.services.AwsServices;
import io.asl4j.server.internal.Registry.ExecutionRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Step Functions API's operations, request JSON in and response JSON out, answered by the asl4j
 * runtime. Every state machine revision runs on its own {@link LocalStateMachine}. Each concern's
 * operations live in a class of their own, sharing this service's state ({@link ServiceCore}).
 */
public final class StepFunctionsService extends ServiceCore implements AutoCloseable {
  /** AWS's long poll of GetActivityTask. */
  static final long ACTIVITY_POLL_MILLIS = 60_000;

  private final StateMachineOperations machines = new StateMachineOperations(this);
  private final ExecutionOperations executions = new ExecutionOperations(this);
  private final CallbackOperations callbacks = new CallbackOperations(this);
  private final TagOperations tags = new TagOperations(this);
  private final MapRunOperations mapRuns = new MapRunOperations(this);
  private final TestStateOperations testState = new TestStateOperations(this);

  /**
   * @param waitTimeScale 0: Waits, back-off and timeouts pass at once (a virtual clock), except
   *     that an execution waiting for a callback or an activity worker waits for it; otherwise the
   *     real clock, sped up by it (0.01: a Wait of 100 seconds takes one)
   * @param extraHandlers task handlers every machine gets (e.g. Lambda forwarded to an endpoint)
   */
  public StepFunctionsService(
      String region,
      String account,
      AwsServices services,
      MockConfig mocks,
      double waitTimeScale,
      Map<String, TaskHandler> extraHandlers,
      Map<String, TaskHandler> extraPrefixHandlers,
      long activityPollMillis,
      LambdaForwarder lambda) {
    super(
        region,
        account,
        services,
        mocks,
        waitTimeScale,
        extraHandlers,
        extraPrefixHandlers,
        activityPollMillis,
        lambda);
  }

  /** The names of the 37 operations of the service model, as the X-Amz-Target header names them. */
  public static final List<String> OPERATIONS =
      List.of(
          "CreateActivity",
          "CreateStateMachine",
          "CreateStateMachineAlias",
          "DeleteActivity",
          "DeleteStateMachine",
          "DeleteStateMachineAlias",
          "DeleteStateMachineVersion",
          "DescribeActivity",
          "DescribeExecution",
          "DescribeMapRun",
          "DescribeStateMachine",
          "DescribeStateMachineAlias",
          "DescribeStateMachineForExecution",
          "GetActivityTask",
          "GetExecutionHistory",
          "ListActivities",
          "ListExecutions",
          "ListMapRuns",
          "ListStateMachineAliases",
          "ListStateMachineVersions",
          "ListStateMachines",
          "ListTagsForResource",
          "PublishStateMachineVersion",
          "RedriveExecution",
          "SendTaskFailure",
          "SendTaskHeartbeat",
          "SendTaskSuccess",
          "StartExecution",
          "StartSyncExecution",
          "StopExecution",
          "TagResource",
          "TestState",
          "UntagResource",
          "UpdateMapRun",
          "UpdateStateMachine",
          "UpdateStateMachineAlias",
          "ValidateStateMachineDefinition");

  /**
   * Answers one operation.
   *
   * @throws ApiException as AWS refuses the request
   */
  public ObjectNode call(String operation, JsonNode request) {
    return switch (operation) {
      case "CreateStateMachine" -> machines.createStateMachine(request);
      case "DescribeStateMachine" -> machines.describeStateMachine(request);
      case "DescribeStateMachineForExecution" -> machines.describeStateMachineForExecution(request);
      case "UpdateStateMachine" -> machines.updateStateMachine(request);
      case "DeleteStateMachine" -> machines.deleteStateMachine(request);
      case "ListStateMachines" -> machines.listStateMachines(request);
      case "StartExecution" -> executions.startExecution(request);
      case "StartSyncExecution" -> executions.startSyncExecution(request);
      case "DescribeExecution" -> executions.describeExecution(request);
      case "ListExecutions" -> executions.listExecutions(request);
      case "StopExecution" -> executions.stopExecution(request);
      case "GetExecutionHistory" -> executions.getExecutionHistory(request);
      case "RedriveExecution" -> executions.redriveExecution(request);
      case "SendTaskSuccess" -> callbacks.sendTaskSuccess(request);
      case "SendTaskFailure" -> callbacks.sendTaskFailure(request);
      case "SendTaskHeartbeat" -> callbacks.sendTaskHeartbeat(request);
      case "CreateActivity" -> callbacks.createActivity(request);
      case "DescribeActivity" -> callbacks.describeActivity(request);
      case "DeleteActivity" -> callbacks.deleteActivity(request);
      case "ListActivities" -> callbacks.listActivities(request);
      case "GetActivityTask" -> callbacks.getActivityTask(request);
      case "PublishStateMachineVersion" -> machines.publishStateMachineVersion(request);
      case "ListStateMachineVersions" -> machines.listStateMachineVersions(request);
      case "DeleteStateMachineVersion" -> machines.deleteStateMachineVersion(request);
      case "CreateStateMachineAlias" -> machines.createStateMachineAlias(request);
      case "DescribeStateMachineAlias" -> machines.describeStateMachineAlias(request);
      case "UpdateStateMachineAlias" -> machines.updateStateMachineAlias(request);
      case "DeleteStateMachineAlias" -> machines.deleteStateMachineAlias(request);
      case "ListStateMachineAliases" -> machines.listStateMachineAliases(request);
      case "TagResource" -> tags.tagResource(request);
      case "UntagResource" -> tags.untagResource(request);
      case "ListTagsForResource" -> tags.listTagsForResource(request);
      case "DescribeMapRun" -> mapRuns.describeMapRun(request);
      case "ListMapRuns" -> mapRuns.listMapRuns(request);
      case "UpdateMapRun" -> mapRuns.updateMapRun(request);
      case "TestState" -> testState.testState(request);
      case "ValidateStateMachineDefinition" -> testState.validateStateMachineDefinition(request);
      default ->
          throw new ApiException("UnknownOperationException", "Unknown operation: " + operation);
    };
  }

  /** The executions still running, for the shutdown message. */
  public List<String> runningExecutions() {
    List<String> running = new ArrayList<>();
    synchronized (registry) {
      for (ExecutionRecord record : registry.executionOrder) {
        if (record.execution.status() == ExecutionStatus.RUNNING) {
          running.add(record.arn());
        }
      }
    }
    return running;
  }

  @Override
  public void close() {
    closing.set(true);
    runner.shutdownNow();
    timers.shutdownNow();
  }
}
