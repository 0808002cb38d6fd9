package io.asl4j.runtime.internal.engine;

import io.asl4j.dsl.model.ErrorHandling;
import io.asl4j.dsl.model.Graph;
import io.asl4j.dsl.model.QueryLanguage;
import io.asl4j.dsl.model.State;
import io.asl4j.dsl.model.StateType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the interpreter needs to know of one state before running it, worked out once per machine
 * ({@link Data#plans}) instead of at every entry: its event names, whether it is evaluated with
 * JSONata, how many retriers it has, and the plans of the graphs nested in it.
 */
final class StatePlan {
  final String name;
  final State state;
  final String enteredEvent;
  final String exitedEvent;
  final boolean jsonata;
  final int retriers;

  /**
   * The state's {@code ResultPath} compiled, when it has one that compiles (an invalid one is left
   * to fail where it is used, as it did).
   */
  final io.asl4j.dsl.expression.AslPath resultPath;

  /** A Task's resource taken apart; null for other states. */
  final TaskExecutor.Resource resource;

  /**
   * The plans of the state's own graphs, in the same order: a Parallel state's branches, a Map
   * state's item processor; empty for other states. Frames for them take their plans from here,
   * without a lookup per branch or iteration.
   */
  final List<Graph> nestedGraphs;

  final List<Map<String, StatePlan>> nestedPlans;

  /**
   * A Task's handler, once resolved ({@link RunSetup#invoke}). Racy but safe: any thread resolves
   * the same handler for the same machine, and a handler reference is published whole.
   */
  io.asl4j.runtime.TaskHandler handler;

  private StatePlan(String name, State state, QueryLanguage machineDefault) {
    this.name = name;
    this.state = state;
    StateType type = state.type();
    this.enteredEvent = type.aslName() + "StateEntered";
    this.exitedEvent = type.aslName() + "StateExited";
    this.jsonata = state.effectiveQueryLanguage(machineDefault) == QueryLanguage.JSONATA;
    this.retriers = state instanceof ErrorHandling handling ? handling.retriersOrEmpty().size() : 0;
    this.resource =
        state instanceof io.asl4j.dsl.model.TaskState task
            ? TaskExecutor.Resource.of(task.resource())
            : null;
    this.resultPath = compiled(state.io() == null ? null : state.io().resultPath());
    this.nestedGraphs = List.copyOf(state.nestedGraphs());
    List<Map<String, StatePlan>> plans = new ArrayList<>(nestedGraphs.size());
    for (Graph graph : nestedGraphs) {
      plans.add(of(graph, machineDefault));
    }
    this.nestedPlans = List.copyOf(plans);
  }

  /** The plans of {@code graph}, one of this state's own graphs ({@link #nestedGraphs}). */
  Map<String, StatePlan> nested(Graph graph) {
    for (int i = 0; i < nestedGraphs.size(); i++) {
      if (nestedGraphs.get(i) == graph) {
        return nestedPlans.get(i);
      }
    }
    throw new IllegalArgumentException("not a graph of state '" + name + "'");
  }

  private static io.asl4j.dsl.expression.AslPath compiled(io.asl4j.dsl.model.NullablePath path) {
    if (path == null || path.isDiscard()) {
      return null;
    }
    try {
      return io.asl4j.dsl.expression.AslPath.parse(path.path());
    } catch (io.asl4j.dsl.expression.ExpressionException e) {
      return null;
    }
  }

  /** The plans of every state of {@code graph}, by name. */
  static Map<String, StatePlan> of(Graph graph, QueryLanguage machineDefault) {
    Map<String, State> states = graph.states();
    Map<String, StatePlan> plans = new HashMap<>(Math.max(16, states.size() * 2));
    states.forEach((name, state) -> plans.put(name, new StatePlan(name, state, machineDefault)));
    return plans;
  }
}
