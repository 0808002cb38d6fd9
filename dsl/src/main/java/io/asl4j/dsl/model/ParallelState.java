package io.asl4j.dsl.model;

import java.util.List;

/**
 * A {@code Parallel} state: runs every branch on the same input; its result is their outputs.
 *
 * @param branches the branches in order; {@code null} when {@code Branches} is absent
 */
public record ParallelState(
    String comment,
    QueryLanguage queryLanguage,
    Io io,
    List<StateGraph> branches,
    List<Retrier> retry,
    List<Catcher> catchers,
    String next,
    Boolean end)
    implements ErrorHandling {
  public ParallelState {
    io = io == null ? Io.NONE : io;
    branches = branches == null ? null : List.copyOf(branches);
    retry = retry == null ? null : List.copyOf(retry);
    catchers = catchers == null ? null : List.copyOf(catchers);
  }

  @Override
  public StateType type() {
    return StateType.PARALLEL;
  }

  @Override
  public List<NestedGraph> nestedGraphsAt(String at) {
    if (branches == null) {
      return List.of();
    }
    List<NestedGraph> nested = new java.util.ArrayList<>();
    for (int i = 0; i < branches.size(); i++) {
      if (branches.get(i) != null) {
        nested.add(new NestedGraph(branches.get(i), at + "/Branches/" + i));
      }
    }
    return List.copyOf(nested);
  }

  /** The {@link #branches()} in order. */
  @Override
  public List<Graph> nestedGraphs() {
    return branches == null ? List.of() : java.util.Collections.unmodifiableList(branches);
  }

  /** This state with {@code branches} in place of its own, every other field kept. */
  public ParallelState withBranches(List<StateGraph> branches) {
    return new ParallelState(comment, queryLanguage, io, branches, retry, catchers, next, end);
  }
}
