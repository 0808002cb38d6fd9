package io.asl4j.dsl.model;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A {@code Wait} state. ASL requires exactly one of {@code Seconds}, {@code SecondsPath}, {@code
 * Timestamp} and {@code TimestampPath}; the validator checks that.
 *
 * @param seconds a number, or a JSONata {@code "{% %}"} string; {@code null} when absent
 * @param timestamp an RFC 3339 string, or a JSONata {@code "{% %}"} string; {@code null} when
 *     absent
 */
public record WaitState(
    String comment,
    QueryLanguage queryLanguage,
    Io io,
    JsonNode seconds,
    String secondsPath,
    JsonNode timestamp,
    String timestampPath,
    String next,
    Boolean end)
    implements Transitioning {
  public WaitState {
    io = io == null ? Io.NONE : io;
  }

  @Override
  public StateType type() {
    return StateType.WAIT;
  }
}
