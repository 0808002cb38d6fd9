package io.asl4j.runtime;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A task an activity worker took with {@link LocalStateMachine#getActivityTask}: answer it with
 * {@code sendTaskSuccess(taskToken, output)} or {@code sendTaskFailure}, keep it alive with {@code
 * sendTaskHeartbeat}.
 */
public record ActivityTask(String taskToken, JsonNode input) {}
