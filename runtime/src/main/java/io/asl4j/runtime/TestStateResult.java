package io.asl4j.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;

/**
 * What one state did in a {@link TestState} run, as AWS's TestState answers.
 *
 * @param status how the state ended
 * @param output the state's output ({@code SUCCEEDED} and {@code CAUGHT_ERROR}); else {@code null}
 * @param error the error ({@code FAILED}, {@code CAUGHT_ERROR}, {@code RETRIABLE}); may be null
 * @param cause the error's cause; may be null
 * @param nextState the state the machine would go to next; {@code null} at an end or a failure
 * @param inspectionData the intermediate values ({@code input}, {@code afterInputPath}, {@code
 *     afterParameters}, {@code afterArguments}, {@code result}, {@code afterResultSelector}, {@code
 *     afterResultPath}, {@code afterItemsPath}, {@code maxConcurrency}, {@code
 *     toleratedFailureCount}, {@code toleratedFailurePercentage}, {@code errorDetails} with {@code
 *     catchIndex}/{@code retryIndex}/{@code retryBackoffIntervalSeconds}, {@code variables});
 *     {@code null} at inspection level INFO
 */
public record TestStateResult(
    Status status,
    JsonNode output,
    String error,
    String cause,
    String nextState,
    ObjectNode inspectionData) {

  public TestStateResult {
    Objects.requireNonNull(status, "status == null");
  }

  /** How the state ended, as TestState's {@code status}. */
  public enum Status {
    /** The state completed; {@link #nextState()} is where the machine would go (null at an end). */
    SUCCEEDED,
    /** The state failed and nothing caught the error. */
    FAILED,
    /** A catcher caught the error: the output is the catcher's, the next state its {@code Next}. */
    CAUGHT_ERROR,
    /** A retrier would retry the state; {@code errorDetails} gives its index and back-off. */
    RETRIABLE
  }

  /** The next state, if the machine goes on. */
  public Optional<String> next() {
    return Optional.ofNullable(nextState);
  }

  /**
   * The result as a JSON object with TestState's response fields ({@code status}, {@code output},
   * {@code error}, {@code cause}, {@code nextState}, {@code inspectionData}), absent ones left out.
   * Unlike AWS, which sends JSON text, {@code output} and the inspection values are JSON values.
   */
  public ObjectNode toJson() {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("status", status.name());
    if (output != null) {
      json.set("output", output);
    }
    if (error != null) {
      json.put("error", error);
    }
    if (cause != null) {
      json.put("cause", cause);
    }
    if (nextState != null) {
      json.put("nextState", nextState);
    }
    if (inspectionData != null) {
      json.set("inspectionData", inspectionData);
    }
    return json;
  }
}
