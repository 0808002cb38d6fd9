package io.asl4j.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * What a run of a case produced, in the terms AWS reports an execution.
 *
 * @param status {@code SUCCEEDED}, {@code FAILED}, {@code TIMED_OUT} or {@code ABORTED}
 * @param output the output of a successful run; {@code null} otherwise
 * @param error the error name of a failed run; {@code null} when there is none
 * @param cause the cause text of a failed run; {@code null} when there is none
 */
public record ActualResult(String status, JsonNode output, String error, String cause) {

  public ActualResult {
    Objects.requireNonNull(status, "status");
  }

  /** A successful run with this output. */
  public static ActualResult succeeded(JsonNode output) {
    return new ActualResult("SUCCEEDED", Objects.requireNonNull(output, "output"), null, null);
  }

  /** A failed run; either part may be {@code null}, as AWS allows. */
  public static ActualResult failed(String error, String cause) {
    return new ActualResult("FAILED", null, error, cause);
  }
}
