package io.asl4j.runtime.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.asl4j.dsl.model.SucceedState;
import java.util.Map;

/**
 * The Succeed state: ends its graph with its input through InputPath and OutputPath (or Output).
 */
final class SucceedExecutor {
  private SucceedExecutor() {}

  static void execute(StateContext step, SucceedState succeed) {
    Completed completed;
    if (step.jsonata()) {
      completed = step.complete(succeed.io(), null);
    } else {
      JsonNode effective = step.applyPath(succeed.io().inputPath(), step.rawInput());
      step.inspect("afterInputPath", effective);
      completed = new Completed(step.applyPath(succeed.io().outputPath(), effective), Map.of());
    }
    step.exitTo(null, completed);
  }
}
