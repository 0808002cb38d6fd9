package io.asl4j.dsl.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A whole Amazon States Language definition.
 *
 * <pre>{@code
 * StateMachine machine = AslReader.read(Files.readString(path));
 * String json = AslWriter.write(machine);
 * }</pre>
 *
 * @param version {@code Version}, or {@code null} (AWS assumes "1.0")
 * @param timeoutSeconds {@code TimeoutSeconds}, or {@code null} (no limit but the service's)
 * @param queryLanguage {@code QueryLanguage}, or {@code null} (JSONPath)
 */
public record StateMachine(
    String comment,
    String startAt,
    Map<String, State> states,
    String version,
    Integer timeoutSeconds,
    QueryLanguage queryLanguage)
    implements Graph {
  public StateMachine {
    states = states == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(states));
  }

  /** The machine's default query language: {@code QueryLanguage}, else JSONPath. */
  public QueryLanguage defaultQueryLanguage() {
    return queryLanguage == null ? QueryLanguage.JSONPATH : queryLanguage;
  }

  @Override
  public StateMachine withStates(Map<String, State> states) {
    return new StateMachine(comment, startAt, states, version, timeoutSeconds, queryLanguage);
  }

  /**
   * This machine with {@code TimeoutSeconds} set to {@code timeoutSeconds} ({@code null}: none).
   */
  public StateMachine withTimeoutSeconds(Integer timeoutSeconds) {
    return new StateMachine(comment, startAt, states, version, timeoutSeconds, queryLanguage);
  }
}
