package io.asl4j.runtime.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.asl4j.dsl.model.PassState;

/** The Pass state: its {@code Result} (JSONPath), or its input, through the I/O pipeline. */
final class PassExecutor {
  private PassExecutor() {}

  static void execute(StateContext step, PassState pass) {
    if (step.jsonata()) {
      step.exit(step.complete(pass.io(), null));
      return;
    }
    JsonNode effective = step.effectiveInput(pass.io());
    JsonNode result = pass.result() != null ? pass.result() : effective;
    step.exit(step.complete(pass.io(), result));
  }
}
