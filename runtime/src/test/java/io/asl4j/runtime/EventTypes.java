package io.asl4j.runtime;

import java.util.List;
import java.util.stream.Stream;

/** The event types of histories that more than one test expects, in full and in order. */
final class EventTypes {
  /** A one-Task execution up to its {@code .waitForTaskToken} task's wait for the token. */
  static final List<String> CALLBACK_TASK_WAITING =
      List.of(
          "ExecutionStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskSubmitted");

  /** A one-Task execution whose {@code .waitForTaskToken} task was stopped while it waited. */
  static final List<String> CALLBACK_TASK_ABORTED = then(CALLBACK_TASK_WAITING, "ExecutionAborted");

  /** A one-Task execution whose {@code .waitForTaskToken} task got its token's success. */
  static final List<String> CALLBACK_TASK_SUCCEEDED =
      then(CALLBACK_TASK_WAITING, "TaskSucceeded", "TaskStateExited", "ExecutionSucceeded");

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

  /** {@code start}, then {@code more}. */
  static List<String> then(List<String> start, String... more) {
    return Stream.concat(start.stream(), Stream.of(more)).toList();
  }
}
