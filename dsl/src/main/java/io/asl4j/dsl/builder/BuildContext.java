package io.asl4j.dsl.builder;

import io.asl4j.dsl.json.AslReader;
import io.asl4j.dsl.model.QueryLanguage;
import io.asl4j.dsl.model.State;
import io.asl4j.dsl.validate.Problem;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One build of a workflow: turns the graphs of state objects into the model, graph by graph. */
final class BuildContext {
  final QueryLanguage machineLanguage;
  final List<Problem> problems = new ArrayList<>();

  BuildContext(QueryLanguage machineLanguage) {
    this.machineLanguage = machineLanguage;
  }

  /**
   * The states reachable from {@code start} (and from {@code extra}), in depth-first order with
   * {@code Next} first so that the main path reads top to bottom, as models by name.
   */
  Map<String, State> graph(StateBuilder<?> start, List<StateBuilder<?>> extra, String pointer) {
    Map<String, StateBuilder<?>> byName = new LinkedHashMap<>();
    List<StateBuilder<?>> roots = new ArrayList<>();
    roots.add(start);
    roots.addAll(extra);
    for (StateBuilder<?> root : roots) {
      Deque<StateBuilder<?>> todo = new ArrayDeque<>();
      todo.push(root);
      while (!todo.isEmpty()) {
        StateBuilder<?> state = todo.pop();
        StateBuilder<?> known = byName.putIfAbsent(state.name(), state);
        if (known != null) {
          if (known != state) {
            // Two objects with one name cannot both be keys of States; the model keeps the first.
            problems.add(
                Problem.error(
                    "DuplicateStateName",
                    pointer + "/States/" + AslReader.escape(state.name()),
                    "name '" + state.name() + "' is given to two different state objects"));
          }
          continue;
        }
        List<StateBuilder<?>> successors = state.successors();
        for (int i = successors.size() - 1; i >= 0; i--) {
          if (byName.get(successors.get(i).name()) != successors.get(i)) {
            todo.push(successors.get(i));
          }
        }
      }
    }
    Map<String, State> states = new LinkedHashMap<>();
    for (Map.Entry<String, StateBuilder<?>> entry : byName.entrySet()) {
      String at = pointer + "/States/" + AslReader.escape(entry.getKey());
      states.put(entry.getKey(), entry.getValue().toModel(this, at));
    }
    return states;
  }
}
