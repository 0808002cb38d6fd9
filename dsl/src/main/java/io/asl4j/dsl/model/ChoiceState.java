package io.asl4j.dsl.model;

import java.util.List;

/**
 * A {@code Choice} state: takes the {@code Next} of the first rule that matches, else {@code
 * Default}.
 *
 * @param choices the rules in order; {@code null} when {@code Choices} is absent
 * @param defaultState the {@code Default} state name, or {@code null}
 */
public record ChoiceState(
    String comment,
    QueryLanguage queryLanguage,
    Io io,
    List<ChoiceRule> choices,
    String defaultState)
    implements State {
  public ChoiceState {
    io = io == null ? Io.NONE : io;
    choices = choices == null ? null : List.copyOf(choices);
  }

  @Override
  public StateType type() {
    return StateType.CHOICE;
  }
}
