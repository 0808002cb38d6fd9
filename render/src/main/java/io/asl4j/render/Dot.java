package io.asl4j.render;

import io.asl4j.dsl.model.StateType;
import io.asl4j.dsl.model.Transitioning;
import java.util.ArrayList;
import java.util.List;

/** A Graphviz DOT digraph ({@code dot -Tsvg}); Parallel and Map states are clusters. */
final class Dot {
  private static final String INK = "#5a6b86";
  private static final String GREEN = "#2e8540";
  private static final String RED = "#d0312d";

  private final StringBuilder out = new StringBuilder();
  private final List<String> edgeLines = new ArrayList<>();
  private final ExecutionPath trace;
  private final DiagramGraph top;

  private Dot(DiagramGraph top, ExecutionPath trace) {
    this.top = top;
    this.trace = trace;
  }

  static String render(DiagramGraph top, String title, ExecutionPath trace) {
    return new Dot(top, trace).write(title);
  }

  private String write(String title) {
    out.append("digraph ")
        .append(quote(title == null || title.isBlank() ? "StateMachine" : title))
        .append(" {\n");
    out.append(
        "  graph [compound=true, rankdir=TB, fontname=\"Helvetica\", fontsize=11, nodesep=0.4, ranksep=0.5];\n");
    out.append(
        "  node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", color=\""
            + INK
            + "\", fontname=\"Helvetica\", fontsize=11];\n");
    out.append("  edge [color=\"" + INK + "\", fontname=\"Helvetica\", fontsize=9];\n");
    scope(top, "  ", "");
    for (String line : edgeLines) {
      out.append("  ").append(line).append('\n');
    }
    out.append("}\n");
    return out.toString();
  }

  private void scope(DiagramGraph scope, String indent, String clusterPrefix) {
    for (DiagramGraph.Node node : scope.nodes) {
      if (node.isPseudo()) {
        out.append(indent)
            .append(quote(node.name()))
            .append(
                " [shape=circle, style=filled, fillcolor=\""
                    + INK
                    + "\", fontcolor=\"#ffffff\", width=0.6, fixedsize=true, label=")
            .append(quote(node.name().equals(DiagramGraph.START) ? "Start" : "End"))
            .append("];\n");
      } else if (node.isGroup()) {
        out.append(indent)
            .append("subgraph ")
            .append(quote("cluster_" + node.name()))
            .append(" {\n");
        out.append(indent)
            .append("  label=")
            .append(quote(node.name() + " (" + node.typeName() + ")"))
            .append("; labeljust=l; style=")
            .append(quote("rounded,dashed" + (mark(node) == null ? "" : ",filled")))
            .append("; color=")
            .append(quote(color(node, INK)));
        if (mark(node) != null) {
          out.append("; fillcolor=")
              .append(quote(mark(node).equals("failed") ? "#fdf1f1" : "#f3faf4"))
              .append("; penwidth=2");
        }
        out.append(";\n");
        if (node.children().size() == 1) {
          scope(node.children().get(0), indent + "  ", node.name());
        } else {
          int i = 1;
          for (DiagramGraph child : node.children()) {
            out.append(indent)
                .append("  subgraph ")
                .append(quote("cluster_" + node.name() + "_" + i++))
                .append(" {\n");
            out.append(indent)
                .append("    label=")
                .append(quote(child.label))
                .append("; labeljust=l; style=\"rounded\"; color=\"#aab7c4\";\n");
            scope(child, indent + "    ", node.name());
            out.append(indent).append("  }\n");
          }
        }
        out.append(indent).append("}\n");
      } else {
        out.append(indent).append(quote(node.name())).append(" [");
        StateType type = node.state().type();
        if (type == StateType.CHOICE) {
          out.append("shape=hexagon, style=filled, ");
        } else if (type == StateType.SUCCEED || type == StateType.FAIL) {
          out.append("style=\"rounded,filled,bold\", ");
        }
        String mark = mark(node);
        if (mark != null) {
          out.append("fillcolor=")
              .append(quote(mark.equals("failed") ? "#fbe3e4" : "#e3f4e6"))
              .append(", color=")
              .append(quote(color(node, INK)))
              .append(", penwidth=2, ");
        }
        out.append("label=<")
            .append(html(node.name()))
            .append("<BR/><FONT POINT-SIZE=\"8\" COLOR=\"#687078\">")
            .append(node.typeName())
            .append("</FONT>>];\n");
      }
    }
    for (DiagramGraph.Edge edge : scope.edges) {
      List<String> attributes = new ArrayList<>();
      String from = edge.from();
      String to = edge.to();
      DiagramGraph.Node source = scope.node(from);
      DiagramGraph.Node target = scope.node(to);
      if (source.isGroup()) {
        attributes.add("ltail=" + quote("cluster_" + from));
        from = innerExit(source);
      }
      if (target.isGroup()) {
        attributes.add("lhead=" + quote("cluster_" + to));
        to = innerEntry(target);
      }
      if (edge.label() != null) {
        attributes.add("label=" + quote(" " + edge.label() + " "));
      }
      if (edge.kind() == DiagramGraph.EdgeKind.CATCH) {
        attributes.add("style=dashed");
        attributes.add("color=" + quote(RED));
        attributes.add("fontcolor=" + quote(RED));
      }
      if (trace != null && taken(edge)) {
        attributes.add("color=" + quote(GREEN));
        attributes.add("penwidth=2.5");
      }
      edgeLines.add(
          quote(from)
              + " -> "
              + quote(to)
              + (attributes.isEmpty() ? "" : " [" + String.join(", ", attributes) + "]")
              + ";");
    }
  }

  /** A node inside a group where edges into it end (DOT clips them at the cluster with lhead). */
  private static String innerEntry(DiagramGraph.Node group) {
    DiagramGraph first = group.children().get(0);
    DiagramGraph.Node start = first.node(first.startAt);
    if (start == null) {
      start = first.nodes.get(0);
    }
    return start.isGroup() ? innerEntry(start) : start.name();
  }

  /** A node inside a group where edges out of it start: an end state of its first scope. */
  private static String innerExit(DiagramGraph.Node group) {
    DiagramGraph first = group.children().get(0);
    DiagramGraph.Node exit = first.nodes.get(first.nodes.size() - 1);
    for (DiagramGraph.Node node : first.nodes) {
      if (node.state() instanceof Transitioning t && t.isEnd()
          || node.state() != null
              && (node.state().type() == StateType.SUCCEED
                  || node.state().type() == StateType.FAIL)) {
        exit = node;
        break;
      }
    }
    return exit.isGroup() ? innerExit(exit) : exit.name();
  }

  private boolean taken(DiagramGraph.Edge edge) {
    if (edge.to().equals(DiagramGraph.END)) {
      return trace.visited().contains(edge.from()) && !trace.failed().contains(edge.from());
    }
    return trace.took(edge.from(), edge.to());
  }

  private String mark(DiagramGraph.Node node) {
    if (trace == null) {
      return null;
    }
    if (trace.failed().contains(node.name())) {
      return "failed";
    }
    return trace.visited().contains(node.name()) ? "visited" : null;
  }

  private String color(DiagramGraph.Node node, String otherwise) {
    String mark = mark(node);
    return mark == null ? otherwise : mark.equals("failed") ? RED : GREEN;
  }

  static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }

  static String html(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
