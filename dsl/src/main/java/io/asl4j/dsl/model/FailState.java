package io.asl4j.dsl.model;

/**
 * A {@code Fail} state: ends the execution with an error name and a cause.
 *
 * @param error the {@code Error} (a JSONata {@code "{% %}"} string in JSONata), or {@code null}
 * @param errorPath the {@code ErrorPath} (a path or an intrinsic call), or {@code null}
 * @param cause the {@code Cause}, or {@code null}
 * @param causePath the {@code CausePath} (a path or an intrinsic call), or {@code null}
 */
public record FailState(
    String comment,
    QueryLanguage queryLanguage,
    String error,
    String errorPath,
    String cause,
    String causePath)
    implements State {

  /** A Fail state has no input or output processing. */
  @Override
  public Io io() {
    return Io.NONE;
  }

  @Override
  public StateType type() {
    return StateType.FAIL;
  }
}
