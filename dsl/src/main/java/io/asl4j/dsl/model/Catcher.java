package io.asl4j.dsl.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One entry of {@code Catch}: on a matching error, continue at {@code Next}.
 *
 * @param resultPath JSONPath {@code ResultPath} for the error output, or {@code null} ({@code $})
 * @param output JSONata {@code Output}, or {@code null}
 * @param assign {@code Assign}, or {@code null}
 */
public record Catcher(
    List<String> errorEquals,
    String next,
    NullablePath resultPath,
    JsonNode output,
    JsonNode assign,
    String comment) {
  public Catcher {
    errorEquals = errorEquals == null ? List.of() : List.copyOf(errorEquals);
  }
}
