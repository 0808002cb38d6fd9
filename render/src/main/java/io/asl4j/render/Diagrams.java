package io.asl4j.render;

import io.asl4j.dsl.model.StateMachine;
import io.asl4j.runtime.Execution;

/**
 * Pictures of a state machine: Mermaid, Graphviz DOT, or a self-contained SVG. Parallel and Map
 * states are groups around their branches / item processor, Choice edges carry their conditions
 * ({@code $.priority == "express"}, and "Default"), Catch edges are dashed and name their errors.
 * With an {@link ExecutionPath} the states taken are highlighted green and failed states red.
 *
 * <pre>{@code
 * String markdown = "```mermaid\n" + Diagrams.mermaid(machine) + "```\n";
 * String svg = Diagrams.svg(machine, ExecutionPath.of(execution));
 * }</pre>
 */
public final class Diagrams {
  private Diagrams() {}

  public static String mermaid(StateMachine machine) {
    return mermaid(machine, null);
  }

  /** With {@code trace} null, as {@link #mermaid(StateMachine)}. */
  public static String mermaid(StateMachine machine, ExecutionPath trace) {
    return Mermaid.render(DiagramGraph.of(machine), trace);
  }

  public static String dot(StateMachine machine) {
    return dot(machine, null);
  }

  public static String dot(StateMachine machine, ExecutionPath trace) {
    return Dot.render(DiagramGraph.of(machine), machine.comment(), trace);
  }

  public static String svg(StateMachine machine) {
    return svg(machine, (ExecutionPath) null);
  }

  public static String svg(StateMachine machine, ExecutionPath trace) {
    return Svg.render(DiagramGraph.of(machine), machine.comment(), trace);
  }

  public static String svg(StateMachine machine, Execution execution) {
    return svg(machine, ExecutionPath.of(execution));
  }
}
