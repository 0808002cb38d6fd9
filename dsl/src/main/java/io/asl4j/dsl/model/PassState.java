package io.asl4j.dsl.model;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A {@code Pass} state: passes its input to its output, optionally injecting {@code Result}
 * (JSONPath) or computing {@code Output} (JSONata).
 *
 * @param result the {@code Result} literal (not a payload template), or {@code null} when absent
 */
public record PassState(
    String comment, QueryLanguage queryLanguage, Io io, JsonNode result, String next, Boolean end)
    implements Transitioning {
  public PassState {
    io = io == null ? Io.NONE : io;
  }

  @Override
  public StateType type() {
    return StateType.PASS;
  }
}
