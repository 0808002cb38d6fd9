package io.asl4j.dsl.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A {@code Task} state: calls the {@code Resource} (a Lambda function, an optimized integration, an
 * SDK integration or an activity).
 *
 * @param timeoutSeconds a number, or a JSONata {@code "{% %}"} string; {@code null} when absent
 * @param heartbeatSeconds a number, or a JSONata {@code "{% %}"} string; {@code null} when absent
 * @param credentials the {@code Credentials} object, or {@code null}
 */
public record TaskState(
    String comment,
    QueryLanguage queryLanguage,
    Io io,
    String resource,
    JsonNode timeoutSeconds,
    String timeoutSecondsPath,
    JsonNode heartbeatSeconds,
    String heartbeatSecondsPath,
    JsonNode credentials,
    List<Retrier> retry,
    List<Catcher> catchers,
    String next,
    Boolean end)
    implements ErrorHandling {
  public TaskState {
    io = io == null ? Io.NONE : io;
    retry = retry == null ? null : List.copyOf(retry);
    catchers = catchers == null ? null : List.copyOf(catchers);
  }

  @Override
  public StateType type() {
    return StateType.TASK;
  }

  /** This task with {@code Resource} set to {@code resource}, every other field kept. */
  public TaskState withResource(String resource) {
    return new TaskState(
        comment,
        queryLanguage,
        io,
        resource,
        timeoutSeconds,
        timeoutSecondsPath,
        heartbeatSeconds,
        heartbeatSecondsPath,
        credentials,
        retry,
        catchers,
        next,
        end);
  }
}
