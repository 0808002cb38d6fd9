package io.asl4j.cdk.internal;

import io.asl4j.dsl.model.Graph;
import io.asl4j.dsl.model.GraphWalker;
import io.asl4j.dsl.model.StateMachine;
import io.asl4j.dsl.model.TaskState;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Rewrites Task resources throughout a machine (branches and item processors included). */
public final class Resources {
  private Resources() {}

  /** {@code machine} with Task resources replaced; every replaced key is added to {@code seen}. */
  public static StateMachine replace(
      StateMachine machine, Map<String, String> replacements, Set<String> seen) {
    return GraphWalker.rewrite(
        machine,
        (name, state) -> {
          if (state instanceof TaskState task
              && task.resource() != null
              && replacements.containsKey(task.resource())) {
            seen.add(task.resource());
            return task.withResource(replacements.get(task.resource()));
          }
          return state;
        });
  }

  /** Every Task resource of the machine, sorted. */
  public static Set<String> all(Graph graph) {
    Set<String> out = new TreeSet<>();
    GraphWalker.walk(
        graph,
        "",
        (name, state, pointer) -> {
          if (state instanceof TaskState task && task.resource() != null) {
            out.add(task.resource());
          }
        });
    return out;
  }
}
