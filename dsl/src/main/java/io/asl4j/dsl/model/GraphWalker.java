package io.asl4j.dsl.model;

/**
 * The one walk over a graph and the graphs nested in it (Parallel branches, Map processors), to any
 * depth. States are visited in document order, each before the graphs nested in it.
 */
public final class GraphWalker {
  private GraphWalker() {}

  /** Receives each state with its name and JSON pointer. */
  @FunctionalInterface
  public interface StateVisitor {
    void state(String name, State state, String pointer);
  }

  /**
   * Visits every state of {@code graph}, written at pointer {@code at} ({@code ""} for a machine),
   * and of every graph nested in them.
   */
  public static void walk(Graph graph, String at, StateVisitor visitor) {
    for (java.util.Map.Entry<String, State> entry : graph.states().entrySet()) {
      String pointer = at + "/States/" + escape(entry.getKey());
      visitor.state(entry.getKey(), entry.getValue(), pointer);
      walkNested(entry.getValue(), pointer, visitor);
    }
  }

  /** Visits every state of the graphs nested in {@code state}, written at pointer {@code at}. */
  public static void walkNested(State state, String at, StateVisitor visitor) {
    for (NestedGraph nested : state.nestedGraphsAt(at)) {
      walk(nested.graph(), nested.pointer(), visitor);
    }
  }

  /** Replaces a state, given its name and the state with its nested graphs already rewritten. */
  @FunctionalInterface
  public interface StateRewriter {
    State rewrite(String name, State state);
  }

  /**
   * {@code graph} with every state, in it and in the graphs nested in it, replaced by what {@code
   * rewriter} makes of it; nested graphs are rewritten first, so the rewriter sees their result.
   * Everything else, including the order of states, is kept.
   */
  @SuppressWarnings("unchecked") // each Graph record's withStates returns its own type
  public static <G extends Graph> G rewrite(G graph, StateRewriter rewriter) {
    java.util.Map<String, State> states = new java.util.LinkedHashMap<>();
    graph
        .states()
        .forEach(
            (name, state) ->
                states.put(name, rewriter.rewrite(name, rewriteNested(state, rewriter))));
    return (G) graph.withStates(states);
  }

  private static State rewriteNested(State state, StateRewriter rewriter) {
    if (state instanceof ParallelState parallel && parallel.branches() != null) {
      return parallel.withBranches(
          parallel.branches().stream().map(branch -> rewrite(branch, rewriter)).toList());
    }
    if (state instanceof MapState map && (map.iterator() != null || map.itemProcessor() != null)) {
      return map.withProcessors(
          map.iterator() == null ? null : rewrite(map.iterator(), rewriter),
          map.itemProcessor() == null ? null : rewrite(map.itemProcessor(), rewriter));
    }
    return state;
  }

  /**
   * A state name as a JSON pointer segment (RFC 6901: {@code ~} as {@code ~0}, {@code /} as {@code
   * ~1}).
   */
  public static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }
}
