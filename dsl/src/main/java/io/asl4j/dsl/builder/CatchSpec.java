package io.asl4j.dsl.builder;

import com.fasterxml.jackson.databind.JsonNode;
import io.asl4j.dsl.model.Catcher;
import io.asl4j.dsl.model.NullablePath;
import java.util.List;

/** What every kind of {@link Catch} holds; the target is a state, resolved to its name at build. */
record CatchSpec(
    List<String> errors,
    StateBuilder<?> target,
    String comment,
    JsonNode assign,
    NullablePath resultPath,
    JsonNode output) {

  CatchSpec withTarget(Chainable target) {
    return new CatchSpec(errors, target.startState(), comment, assign, resultPath, output);
  }

  CatchSpec withComment(String value) {
    return new CatchSpec(errors, target, value, assign, resultPath, output);
  }

  CatchSpec withAssign(JsonNode value) {
    return new CatchSpec(errors, target, comment, value, resultPath, output);
  }

  CatchSpec withResultPath(NullablePath value) {
    return new CatchSpec(errors, target, comment, assign, value, output);
  }

  CatchSpec withOutput(JsonNode value) {
    return new CatchSpec(errors, target, comment, assign, resultPath, value);
  }

  Catcher toModel() {
    return new Catcher(errors, target.name(), resultPath, output, assign, comment);
  }
}
