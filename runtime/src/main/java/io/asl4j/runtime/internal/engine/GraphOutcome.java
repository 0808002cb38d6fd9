package io.asl4j.runtime.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;

/** How a graph (the machine, a Parallel branch, a Map iteration) ended. */
record GraphOutcome(JsonNode output, String error, String cause, boolean failed) {
  static GraphOutcome success(JsonNode output) {
    return new GraphOutcome(output, null, null, false);
  }

  static GraphOutcome failure(String error, String cause) {
    return new GraphOutcome(null, error, cause, true);
  }
}
