package io.asl4j.render;

import io.asl4j.dsl.model.StateType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** A Mermaid flowchart (GitHub renders it in Markdown ```mermaid blocks). */
final class Mermaid {
  private static final Set<String> RESERVED =
      Set.of(
          "end",
          "subgraph",
          "graph",
          "flowchart",
          "style",
          "class",
          "classdef",
          "click",
          "linkstyle",
          "direction",
          "default");

  private final StringBuilder out = new StringBuilder();
  private final Map<String, String> ids = new HashMap<>();
  private final Set<String> usedIds = new HashSet<>();
  private final ExecutionPath trace;
  private final List<String> edgeLines = new ArrayList<>();
  private final List<Integer> takenEdges = new ArrayList<>();
  private final List<Integer> catchEdges = new ArrayList<>();

  private Mermaid(ExecutionPath trace) {
    this.trace = trace;
  }

  static String render(DiagramGraph top, ExecutionPath trace) {
    return new Mermaid(trace).write(top);
  }

  private String write(DiagramGraph top) {
    out.append("flowchart TD\n");
    scope(top, "  ");
    for (String line : edgeLines) {
      out.append("  ").append(line).append('\n');
    }
    out.append("  classDef pseudo fill:#5a6b86,stroke:#5a6b86,color:#ffffff\n");
    out.append("  classDef state fill:#ffffff,stroke:#5a6b86,color:#16191f\n");
    out.append("  class ")
        .append(id(DiagramGraph.START))
        .append(',')
        .append(id(DiagramGraph.END))
        .append(" pseudo\n");
    List<String> plain = new ArrayList<>();
    for (DiagramGraph.Node node : top.allStates()) {
      if (!node.isGroup()) {
        plain.add(id(node.name()));
      }
    }
    if (!plain.isEmpty()) {
      out.append("  class ").append(String.join(",", plain)).append(" state\n");
    }
    if (!catchEdges.isEmpty()) {
      out.append("  linkStyle ").append(join(catchEdges)).append(" stroke:#d0312d\n");
    }
    if (trace != null) {
      out.append("  classDef visited fill:#e3f4e6,stroke:#2e8540,stroke-width:2px,color:#16191f\n");
      out.append("  classDef failed fill:#fbe3e4,stroke:#d0312d,stroke-width:3px,color:#16191f\n");
      List<String> visited = new ArrayList<>();
      List<String> failed = new ArrayList<>();
      for (DiagramGraph.Node node : top.allStates()) {
        if (trace.failed().contains(node.name())) {
          if (node.isGroup()) {
            out.append("  style ")
                .append(id(node.name()))
                .append(" fill:#fdf1f1,stroke:#d0312d,stroke-width:3px\n");
          } else {
            failed.add(id(node.name()));
          }
        } else if (trace.visited().contains(node.name())) {
          if (node.isGroup()) {
            out.append("  style ")
                .append(id(node.name()))
                .append(" fill:#f3faf4,stroke:#2e8540,stroke-width:2px\n");
          } else {
            visited.add(id(node.name()));
          }
        }
      }
      if (!visited.isEmpty()) {
        out.append("  class ").append(String.join(",", visited)).append(" visited\n");
      }
      if (!failed.isEmpty()) {
        out.append("  class ").append(String.join(",", failed)).append(" failed\n");
      }
      if (!takenEdges.isEmpty()) {
        out.append("  linkStyle ")
            .append(join(takenEdges))
            .append(" stroke:#2e8540,stroke-width:3px\n");
      }
    }
    return out.toString();
  }

  private static String join(List<Integer> numbers) {
    StringBuilder text = new StringBuilder();
    for (Integer n : numbers) {
      if (text.length() > 0) {
        text.append(',');
      }
      text.append(n);
    }
    return text.toString();
  }

  private void scope(DiagramGraph scope, String indent) {
    for (DiagramGraph.Node node : scope.nodes) {
      String id = id(node.name());
      if (node.isPseudo()) {
        out.append(indent)
            .append(id)
            .append(node.name().equals(DiagramGraph.START) ? "((\"Start\"))" : "((\"End\"))")
            .append('\n');
      } else if (node.isGroup()) {
        out.append(indent)
            .append("subgraph ")
            .append(id)
            .append(" [\"")
            .append(escape(node.name() + " (" + node.typeName() + ")"))
            .append("\"]\n");
        out.append(indent).append("  direction TB\n");
        if (node.children().size() == 1) {
          scope(node.children().get(0), indent + "  ");
        } else {
          for (DiagramGraph child : node.children()) {
            String childId = id(node.name() + "__" + child.label);
            out.append(indent)
                .append("  subgraph ")
                .append(childId)
                .append(" [\"")
                .append(escape(child.label))
                .append("\"]\n");
            out.append(indent).append("    direction TB\n");
            scope(child, indent + "    ");
            out.append(indent).append("  end\n");
          }
        }
        out.append(indent).append("end\n");
      } else {
        out.append(indent)
            .append(id)
            .append(shape(node.state().type(), escape(node.name())))
            .append('\n');
      }
    }
    for (DiagramGraph.Edge edge : scope.edges) {
      String arrow = edge.kind() == DiagramGraph.EdgeKind.CATCH ? "-.->" : "-->";
      String label = edge.label() == null ? "" : "|\"" + escape(edge.label()) + "\"|";
      int index = edgeLines.size();
      edgeLines.add(id(edge.from()) + " " + arrow + label + " " + id(edge.to()));
      if (edge.kind() == DiagramGraph.EdgeKind.CATCH) {
        catchEdges.add(index);
      }
      if (trace != null && taken(edge)) {
        takenEdges.add(index);
      }
    }
  }

  private boolean taken(DiagramGraph.Edge edge) {
    if (edge.to().equals(DiagramGraph.END)) {
      return trace.visited().contains(edge.from()) && !trace.failed().contains(edge.from());
    }
    return trace.took(edge.from(), edge.to());
  }

  private static String shape(StateType type, String label) {
    String quoted = "\"" + label + "\"";
    switch (type) {
      case CHOICE:
        return "{{" + quoted + "}}";
      case SUCCEED:
      case FAIL:
        return "([" + quoted + "])";
      case PASS:
      case WAIT:
        return "(" + quoted + ")";
      default:
        return "[" + quoted + "]";
    }
  }

  private String id(String name) {
    return ids.computeIfAbsent(
        name,
        n -> {
          String base = n.replaceAll("[^A-Za-z0-9_]", "_");
          if (base.isEmpty() || !Character.isLetter(base.charAt(0)) && base.charAt(0) != '_') {
            base = "s_" + base;
          }
          if (RESERVED.contains(base.toLowerCase(Locale.ROOT))) {
            base = base + "_";
          }
          String id = base;
          for (int i = 2; !usedIds.add(id); i++) {
            id = base + "_" + i;
          }
          return id;
        });
  }

  /** Mermaid's entity codes for what would end or break a quoted label. */
  static String escape(String text) {
    StringBuilder escaped = new StringBuilder();
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> escaped.append("#quot;");
        case '<' -> escaped.append("#lt;");
        case '>' -> escaped.append("#gt;");
        case '#' -> escaped.append("#35;");
        case '|' -> escaped.append("#124;");
        case '\n', '\r' -> escaped.append(' ');
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }
}
