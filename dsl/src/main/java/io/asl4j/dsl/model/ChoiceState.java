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

  /** The {@code Next} of each rule, then {@code Default}. */
  @Override
  public List<Transition> transitions() {
    List<Transition> transitions = new java.util.ArrayList<>();
    if (choices != null) {
      for (int i = 0; i < choices.size(); i++) {
        if (choices.get(i).next() != null) {
          transitions.add(new Transition(Transition.Field.CHOICE, i, choices.get(i).next()));
        }
      }
    }
    if (defaultState != null) {
      transitions.add(new Transition(Transition.Field.DEFAULT, 0, defaultState));
    }
    return List.copyOf(transitions);
  }

  @Override
  public StateType type() {
    return StateType.CHOICE;
  }
}
