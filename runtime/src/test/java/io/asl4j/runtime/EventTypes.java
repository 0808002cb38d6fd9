package io.asl4j.runtime;

import java.util.List;

/** The event types of histories that more than one test expects, in full and in order. */
final class EventTypes {
  /** A one-Task execution whose {@code .waitForTaskToken} task was stopped while it waited. */
  static final List<String> CALLBACK_TASK_ABORTED =
      List.of(
          "ExecutionStarted",
          "TaskStateEntered",
          "TaskScheduled",
          "TaskStarted",
          "TaskSubmitted",
          "ExecutionAborted");

  /** A one-Task execution whose {@code .waitForTaskToken} task got its token's success. */
  static final List<String> CALLBACK_TASK_SUCCEEDED =
      List.of(
          "ExecutionStarted",
          "TaskStateEntered",
          "TaskScheduled",
          "TaskStarted",
          "TaskSubmitted",
          "TaskSucceeded",
          "TaskStateExited",
          "ExecutionSucceeded");

  /** A one-Task execution whose Lambda function succeeded at once. */
  static final List<String> LAMBDA_TASK_SUCCEEDED =
      List.of(
          "ExecutionStarted",
          "TaskStateEntered",
          "LambdaFunctionScheduled",
          "LambdaFunctionStarted",
          "LambdaFunctionSucceeded",
          "TaskStateExited",
          "ExecutionSucceeded");

  /** An execution whose only state is a Distributed Map whose Map Run succeeded. */
  static final List<String> DISTRIBUTED_MAP_SUCCEEDED =
      List.of(
          "ExecutionStarted",
          "MapStateEntered",
          "MapStateStarted",
          "MapRunStarted",
          "MapRunSucceeded",
          "MapStateSucceeded",
          "MapStateExited",
          "ExecutionSucceeded");

  private EventTypes() {}
}
