package io.asl4j.dsl.model;

/** A {@code Succeed} state: ends the execution, or its branch or iteration, successfully. */
public record SucceedState(String comment, QueryLanguage queryLanguage, Io io) implements State {
  public SucceedState {
    io = io == null ? Io.NONE : io;
  }

  @Override
  public StateType type() {
    return StateType.SUCCEED;
  }
}
