package io.asl4j.render;

import io.asl4j.dsl.model.Catcher;
import io.asl4j.dsl.model.ChoiceRule;
import io.asl4j.dsl.model.ChoiceState;
import io.asl4j.dsl.model.ErrorHandling;
import io.asl4j.dsl.model.Graph;
import io.asl4j.dsl.model.MapState;
import io.asl4j.dsl.model.ParallelState;
import io.asl4j.dsl.model.State;
import io.asl4j.dsl.model.StateGraph;
import io.asl4j.dsl.model.Transition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One graph of states as every diagram draws it: its nodes (states; a Parallel or Map state is a
 * group holding its branches' or its item processor's scopes) and the edges between them, all
 * within the scope (ASL transitions never leave their graph). The top scope has Start and End
 * pseudo-nodes.
 */
final class DiagramGraph {
  static final String START = ExecutionPath.START;
  static final String END = "__end";

  enum EdgeKind {
    NEXT,
    CHOICE,
    DEFAULT,
    CATCH
  }

  record Edge(String from, String to, EdgeKind kind, String label) {}

  /** A state; {@code children} are the scopes of a Parallel (one a branch) or a Map (one). */
  record Node(String name, State state, List<DiagramGraph> children) {
    boolean isGroup() {
      return !children.isEmpty();
    }

    boolean isPseudo() {
      return state == null;
    }

    String typeName() {
      return state == null ? "" : state.type().aslName();
    }
  }

  final String label;
  final String startAt;
  final boolean top;
  final List<Node> nodes = new ArrayList<>();
  final List<Edge> edges = new ArrayList<>();

  private DiagramGraph(String label, String startAt, boolean top) {
    this.label = label;
    this.startAt = startAt;
    this.top = top;
  }

  static DiagramGraph of(Graph machine) {
    return build(machine, null, true);
  }

  private static DiagramGraph build(Graph graph, String label, boolean top) {
    DiagramGraph scope = new DiagramGraph(label, graph.startAt(), top);
    if (top) {
      scope.nodes.add(new Node(START, null, List.of()));
      scope.edges.add(new Edge(START, graph.startAt(), EdgeKind.NEXT, null));
    }
    for (Map.Entry<String, State> entry : graph.states().entrySet()) {
      String name = entry.getKey();
      State state = entry.getValue();
      List<DiagramGraph> children = new ArrayList<>();
      if (state instanceof ParallelState parallel && parallel.branches() != null) {
        int i = 1;
        for (StateGraph branch : parallel.branches()) {
          children.add(build(branch, "Branch " + i++, false));
        }
      } else if (state instanceof MapState map && map.processor() != null) {
        children.add(build(map.processor(), "Item processor", false));
      }
      scope.nodes.add(new Node(name, state, children));
      // The model says where a state goes (State.transitions()); the diagram only labels the edges.
      for (Transition transition : state.transitions()) {
        scope.edges.add(edge(name, state, transition));
      }
      if (top && state.isTerminal()) {
        scope.edges.add(new Edge(name, END, EdgeKind.NEXT, null));
      }
    }
    if (top) {
      scope.nodes.add(new Node(END, null, List.of()));
    }
    // Edges to states that do not exist (an invalid definition) are left out.
    scope.edges.removeIf(e -> scope.node(e.to()) == null);
    return scope;
  }

  private static Edge edge(String from, State state, Transition transition) {
    return switch (transition.field()) {
      case NEXT -> new Edge(from, transition.target(), EdgeKind.NEXT, null);
      case CHOICE -> {
        ChoiceRule rule = ((ChoiceState) state).choices().get(transition.index());
        String text = rule.condition() == null ? "" : Conditions.describe(rule.condition());
        yield new Edge(from, transition.target(), EdgeKind.CHOICE, text);
      }
      case DEFAULT -> new Edge(from, transition.target(), EdgeKind.DEFAULT, "Default");
      case CATCH -> {
        Catcher catcher = ((ErrorHandling) state).catchersOrEmpty().get(transition.index());
        yield new Edge(
            from, transition.target(), EdgeKind.CATCH, String.join(", ", catcher.errorEquals()));
      }
    };
  }

  Node node(String name) {
    for (Node node : nodes) {
      if (node.name().equals(name)) {
        return node;
      }
    }
    return null;
  }

  /** Every state node of this scope and the scopes inside it, depth first. */
  List<Node> allStates() {
    List<Node> all = new ArrayList<>();
    for (Node node : nodes) {
      if (!node.isPseudo()) {
        all.add(node);
      }
      for (DiagramGraph child : node.children()) {
        all.addAll(child.allStates());
      }
    }
    return all;
  }
}
