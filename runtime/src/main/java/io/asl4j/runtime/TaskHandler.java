package io.asl4j.runtime;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Does the work of a Task state locally: receives the effective task input (after {@code InputPath}
 * and {@code Parameters}, or {@code Arguments}) and returns the task result.
 *
 * <p>Throw {@link StatesError} to fail the task exactly as a Lambda function error would: Retry and
 * Catch see its error name, the cause becomes the error's {@code Cause}.
 *
 * <pre>{@code
 * TaskHandler validate = (input, ctx) -> {
 *   if (!input.has("orderId")) throw new StatesError("ValidationError", "orderId is missing");
 *   return input;
 * };
 * }</pre>
 */
@FunctionalInterface
public interface TaskHandler {
  JsonNode handle(JsonNode input, TaskContext context);
}
