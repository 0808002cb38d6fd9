package io.asl4j.cdk.internal;

import io.asl4j.dsl.model.Graph;
import io.asl4j.dsl.model.ItemProcessor;
import io.asl4j.dsl.model.MapState;
import io.asl4j.dsl.model.ParallelState;
import io.asl4j.dsl.model.State;
import io.asl4j.dsl.model.StateGraph;
import io.asl4j.dsl.model.StateMachine;
import io.asl4j.dsl.model.TaskState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Rewrites Task resources throughout a machine (branches and item processors included). */
public final class Resources {
  private Resources() {}

  /** {@code machine} with Task resources replaced; every replaced key is added to {@code seen}. */
  public static StateMachine replace(
      StateMachine machine, Map<String, String> replacements, Set<String> seen) {
    return new StateMachine(
        machine.comment(),
        machine.startAt(),
        states(machine.states(), replacements, seen),
        machine.version(),
        machine.timeoutSeconds(),
        machine.queryLanguage());
  }

  /** Every Task resource of the machine, sorted. */
  public static Set<String> all(Graph graph) {
    Set<String> out = new TreeSet<>();
    collect(graph, out);
    return out;
  }

  private static void collect(Graph graph, Set<String> out) {
    for (State state : graph.states().values()) {
      if (state instanceof TaskState task && task.resource() != null) {
        out.add(task.resource());
      } else if (state instanceof ParallelState parallel && parallel.branches() != null) {
        parallel.branches().forEach(b -> collect(b, out));
      } else if (state instanceof MapState map && map.processor() != null) {
        collect(map.processor(), out);
      }
    }
  }

  private static Map<String, State> states(
      Map<String, State> states, Map<String, String> replacements, Set<String> seen) {
    Map<String, State> out = new LinkedHashMap<>();
    states.forEach((name, state) -> out.put(name, state(state, replacements, seen)));
    return out;
  }

  private static State state(State state, Map<String, String> r, Set<String> seen) {
    if (state instanceof TaskState t && t.resource() != null && r.containsKey(t.resource())) {
      seen.add(t.resource());
      return new TaskState(
          t.comment(), t.queryLanguage(), t.io(), r.get(t.resource()), t.timeoutSeconds(),
          t.timeoutSecondsPath(), t.heartbeatSeconds(), t.heartbeatSecondsPath(), t.credentials(),
          t.retry(), t.catchers(), t.next(), t.end());
    }
    if (state instanceof ParallelState p && p.branches() != null) {
      List<StateGraph> branches =
          p.branches().stream()
              .map(b -> new StateGraph(b.comment(), b.startAt(), states(b.states(), r, seen)))
              .toList();
      return new ParallelState(
          p.comment(), p.queryLanguage(), p.io(), branches, p.retry(), p.catchers(), p.next(), p.end());
    }
    if (state instanceof MapState m) {
      return new MapState(
          m.comment(), m.queryLanguage(), m.io(), m.itemsPath(), m.items(), m.itemSelector(),
          processor(m.iterator(), r, seen), processor(m.itemProcessor(), r, seen), m.itemReader(),
          m.itemBatcher(), m.resultWriter(), m.maxConcurrency(), m.maxConcurrencyPath(),
          m.toleratedFailurePercentage(), m.toleratedFailurePercentagePath(),
          m.toleratedFailureCount(), m.toleratedFailureCountPath(), m.label(), m.retry(),
          m.catchers(), m.next(), m.end());
    }
    return state;
  }

  private static ItemProcessor processor(ItemProcessor p, Map<String, String> r, Set<String> seen) {
    return p == null
        ? null
        : new ItemProcessor(p.processorConfig(), p.comment(), p.startAt(), states(p.states(), r, seen));
  }
}
