package io.asl4j.runtime.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Supplier;

/**
 * What the Task state's executor ({@link TaskExecutor}) sees of the state it runs, beyond a {@link
 * StateContext}: its task token and retries, the plan of its resource, the history it records into,
 * and whether it still runs.
 */
interface TaskStepContext extends StateContext {
  /** The state's plan: its resource, parsed once. */
  StatePlan plan();

  /** Gives this attempt {@code token} as its {@code $$.Task.Token}. */
  void useTaskToken(String token);

  /** This attempt's task token, or null when the resource has none. */
  String taskToken();

  /** How often the state was retried so far ({@code $$.State.RetryCount}). */
  int retryCount();

  /** Forgets the context object built so far: it is built again, equal, when next read. */
  void invalidateContext();

  /** Whether the state still runs: its graph was not cut short and the execution goes on. */
  boolean live();

  /** Whether a handler's result is over the payload limit (always measured: user code made it). */
  boolean handlerResultExceeds(JsonNode result);

  /** The ARN of the execution the state runs in: a distributed Map's child's, or this one's. */
  String executionArn();

  /** Records an event in the state's history chain; returns its id. */
  long event(String type, ObjectNode details);

  /** As {@link #event}, with details built only if the history is read. */
  long eventLazily(String type, Supplier<ObjectNode> details);

  /** Retry or Catch a failed attempt; {@code retry} runs the attempt again. */
  void handleError(String error, String cause, Runnable retry);
}
