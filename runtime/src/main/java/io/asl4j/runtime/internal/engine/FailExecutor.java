package io.asl4j.runtime.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.asl4j.dsl.model.FailState;

/** The Fail state: fails its graph with its Error and Cause (literal, path or JSONata). */
final class FailExecutor {
  private FailExecutor() {}

  static void execute(StateContext step, FailState fail) {
    Data data = step.data();
    String errorName;
    String errorCause;
    if (step.jsonata()) {
      JsonNode states = step.statesVariable(null, null);
      errorName =
          fail.error() == null
              ? null
              : JsonValues.textOf(
                  data.jsonata(TextNode.valueOf(fail.error()), "Error", states, step));
      errorCause =
          fail.cause() == null
              ? null
              : JsonValues.textOf(
                  data.jsonata(TextNode.valueOf(fail.cause()), "Cause", states, step));
    } else {
      JsonNode input = step.rawInput();
      errorName =
          fail.errorPath() != null
              ? JsonValues.textOf(data.pathOrIntrinsic(fail.errorPath(), input, step, "ErrorPath"))
              : fail.error();
      errorCause =
          fail.causePath() != null
              ? JsonValues.textOf(data.pathOrIntrinsic(fail.causePath(), input, step, "CausePath"))
              : fail.cause();
    }
    step.fail(errorName, errorCause);
  }
}
