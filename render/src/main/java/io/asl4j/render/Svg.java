package io.asl4j.render;

import static io.asl4j.render.SvgLayout.GROUP_HEADER;
import static io.asl4j.render.SvgLayout.GROUP_PAD;
import static io.asl4j.render.SvgLayout.backOnLeft;
import static io.asl4j.render.SvgLayout.frameWidth;
import static io.asl4j.render.SvgLayout.layout;
import static io.asl4j.render.SvgLayout.lines;
import static io.asl4j.render.SvgLayout.port;

import io.asl4j.dsl.model.StateType;
import io.asl4j.render.SvgLayout.Box;
import io.asl4j.render.SvgLayout.Layout;
import io.asl4j.render.SvgLayout.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A self-contained SVG, drawn from {@link SvgLayout}: each scope is layered top to bottom (longest
 * path, with dummy nodes on long edges), ordered within layers by barycenter sweeps, and placed
 * with nodes pulled toward their neighbours. A Parallel or Map state is a group: its scopes are
 * laid out first (branches side by side) and the group is one big node of its parent scope, so no
 * edge ever crosses a group's border. This class holds the look (colours, sizes, text widths) and
 * the drawing.
 */
final class Svg {
  static final String FONT = "-apple-system, 'Segoe UI', Helvetica, Arial, sans-serif";
  static final String INK = "#5a6b86";
  static final String TEXT = "#16191f";
  static final String MUTED = "#687078";
  static final String GREEN = "#2e8540";
  static final String RED = "#d0312d";

  static final double NAME_SIZE = 13;
  static final double LABEL_SIZE = 11;
  static final double NODE_HEIGHT = 46;
  static final double PSEUDO = 40;
  static final double H_GAP = 28;
  static final double MARGIN = 20;

  private final ExecutionPath trace;
  private final StringBuilder body = new StringBuilder();

  private Svg(ExecutionPath trace) {
    this.trace = trace;
  }

  static String render(DiagramGraph top, String title, ExecutionPath trace) {
    return new Svg(trace).write(top, title);
  }

  /** Width of text in pixels, estimated (no font metrics without a display). */
  static double textWidth(String text, double size) {
    double units = 0;
    for (char c : text.toCharArray()) {
      if ("il.,:;|!'`".indexOf(c) >= 0) {
        units += 0.3;
      } else if ("mwMW@".indexOf(c) >= 0) {
        units += 0.9;
      } else if (Character.isUpperCase(c) || Character.isDigit(c)) {
        units += 0.66;
      } else {
        units += 0.56;
      }
    }
    return units * size;
  }

  // ---------------------------------------------------------------- drawing

  private String write(DiagramGraph top, String title) {
    Layout layout = layout(top);
    double titleHeight = title == null || title.isBlank() ? 0 : 28;
    double width =
        Math.max(layout.width, titleHeight > 0 ? textWidth(title, NAME_SIZE) : 0) + 2 * MARGIN;
    double height = layout.height + 2 * MARGIN + titleHeight;
    layout.offsetX = MARGIN + (width - 2 * MARGIN - layout.width) / 2;
    layout.offsetY = MARGIN + titleHeight;
    if (titleHeight > 0) {
      body.append(
          String.format(
              Locale.ROOT,
              "  <text x=\"%.1f\" y=\"%.1f\" class=\"title\">%s</text>%n",
              MARGIN,
              MARGIN + 12,
              xml(title)));
    }
    draw(layout, 0, 0);
    StringBuilder svg = new StringBuilder();
    svg.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" font-family=\"%s\">%n",
            width,
            height,
            width,
            height,
            xml(FONT)));
    svg.append("  <defs>\n");
    for (String[] marker :
        new String[][] {{"arrow", INK}, {"arrow-catch", RED}, {"arrow-taken", GREEN}}) {
      svg.append("    <marker id=\"")
          .append(marker[0])
          .append(
              "\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerUnits=\"userSpaceOnUse\" markerWidth=\"9\" markerHeight=\"9\" orient=\"auto-start-reverse\">")
          .append("<path d=\"M0,0 L10,5 L0,10 z\" fill=\"")
          .append(marker[1])
          .append("\"/></marker>\n");
    }
    svg.append("  </defs>\n");
    svg.append("  <style>\n");
    svg.append("    .title { font-size: 13px; fill: ").append(MUTED).append("; }\n");
    svg.append("    .name { font-size: 13px; fill: ").append(TEXT).append("; }\n");
    svg.append("    .type { font-size: 10px; fill: ").append(MUTED).append("; }\n");
    svg.append("    .label { font-size: 11px; fill: #414d5c; }\n");
    svg.append("    .catch-label { font-size: 11px; fill: ").append(RED).append("; }\n");
    svg.append("  </style>\n");
    svg.append(
        String.format(
            Locale.ROOT,
            "  <rect width=\"%.0f\" height=\"%.0f\" fill=\"#ffffff\"/>%n",
            width,
            height));
    svg.append(body);
    svg.append("</svg>\n");
    return svg.toString();
  }

  private String mark(String name) {
    if (trace == null) {
      return null;
    }
    if (trace.failed().contains(name)) {
      return "failed";
    }
    return trace.visited().contains(name) ? "visited" : null;
  }

  private void draw(Layout layout, double parentX, double parentY) {
    double ox = parentX + layout.offsetX;
    double oy = parentY + layout.offsetY;
    // Groups first (their backgrounds), then edges, then the nodes and labels on top.
    for (Box box : layout.boxes.values()) {
      if (!box.inner.isEmpty()) {
        drawGroup(box, ox, oy);
      }
    }
    List<String> labels = new ArrayList<>();
    for (Route route : layout.routes) {
      drawRoute(route, layout, ox, oy, labels);
    }
    for (Box box : layout.boxes.values()) {
      if (box.inner.isEmpty()) {
        drawNode(box, ox, oy);
      }
    }
    for (String label : labels) {
      body.append(label);
    }
  }

  private void drawGroup(Box box, double ox, double oy) {
    String mark = mark(box.name);
    String stroke = mark == null ? INK : mark.equals("failed") ? RED : GREEN;
    String fill = mark == null ? "#f7f9fb" : mark.equals("failed") ? "#fdf1f1" : "#f3faf4";
    double x = ox + box.x;
    double y = oy + box.y;
    body.append(
        String.format(Locale.ROOT, "  <g class=\"group\" data-state=\"%s\">%n", xml(box.name)));
    body.append(
        String.format(
            Locale.ROOT, "    <title>%s (%s)</title>%n", xml(box.name), box.node.typeName()));
    body.append(
        String.format(
            Locale.ROOT,
            "    <rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"10\" fill=\"%s\" stroke=\"%s\" stroke-width=\"%s\" stroke-dasharray=\"6 4\"/>%n",
            x,
            y,
            box.w,
            box.h,
            fill,
            stroke,
            mark == null ? "1.2" : "2"));
    body.append(
        String.format(
            Locale.ROOT,
            "    <text x=\"%.1f\" y=\"%.1f\"><tspan class=\"name\" font-weight=\"600\">%s</tspan><tspan class=\"type\" dx=\"8\">%s</tspan></text>%n",
            x + GROUP_PAD,
            y + 19,
            xml(box.name),
            box.node.typeName()));
    if (mark != null && mark.equals("failed")) {
      failedBadge(x + box.w, y);
    }
    boolean branches = box.inner.size() > 1 || box.node.state().type() == StateType.PARALLEL;
    for (Layout sub : box.inner) {
      if (branches) {
        double fw = frameWidth(sub, true);
        double fx = x + sub.offsetX - (fw - sub.width) / 2;
        double fy = y + GROUP_HEADER;
        body.append(
            String.format(
                Locale.ROOT,
                "    <rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"8\" fill=\"#ffffff\" stroke=\"#c6ced6\"/>%n",
                fx,
                fy,
                fw,
                box.h - GROUP_HEADER - GROUP_PAD + 4));
        body.append(
            String.format(
                Locale.ROOT,
                "    <text x=\"%.1f\" y=\"%.1f\" class=\"type\">%s</text>%n",
                fx + 10,
                fy + 14,
                xml(sub.scope.label)));
      }
    }
    body.append("  </g>\n");
    for (Layout sub : box.inner) {
      draw(sub, x, y);
    }
  }

  private void failedBadge(double right, double top) {
    body.append(
        String.format(
            Locale.ROOT,
            "    <g class=\"failed-badge\"><circle cx=\"%.1f\" cy=\"%.1f\" r=\"9\" fill=\"%s\"/><path d=\"M%.1f,%.1f l7,7 M%.1f,%.1f l-7,7\" stroke=\"#ffffff\" stroke-width=\"2\"/></g>%n",
            right - 4,
            top + 4,
            RED,
            right - 7.5,
            top + 0.5,
            right - 0.5,
            top + 0.5));
  }

  private void drawNode(Box box, double ox, double oy) {
    double x = ox + box.x;
    double y = oy + box.y;
    if (box.node.isPseudo()) {
      boolean start = box.name.equals(DiagramGraph.START);
      body.append(
          String.format(
              Locale.ROOT,
              "  <g class=\"%s\"><circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\"/><text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"11\" fill=\"#ffffff\">%s</text></g>%n",
              start ? "start" : "end",
              x + box.w / 2,
              y + box.h / 2,
              box.w / 2,
              INK,
              x + box.w / 2,
              y + box.h / 2 + 4,
              start ? "Start" : "End"));
      return;
    }
    String mark = mark(box.name);
    String stroke = mark == null ? INK : mark.equals("failed") ? RED : GREEN;
    String fill = mark == null ? "#ffffff" : mark.equals("failed") ? "#fbe3e4" : "#e3f4e6";
    StateType type = box.node.state().type();
    body.append(
        String.format(
            Locale.ROOT,
            "  <g class=\"state%s\" data-state=\"%s\">%n",
            mark == null ? "" : " " + mark,
            xml(box.name)));
    body.append(
        String.format(
            Locale.ROOT, "    <title>%s (%s)</title>%n", xml(box.name), box.node.typeName()));
    double rx = type == StateType.SUCCEED || type == StateType.FAIL ? box.h / 2 : 6;
    body.append(
        String.format(
            Locale.ROOT,
            "    <rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"%.1f\" fill=\"%s\" stroke=\"%s\" stroke-width=\"%s\"/>%n",
            x,
            y,
            box.w,
            box.h,
            rx,
            fill,
            stroke,
            mark == null ? "1.2" : "2"));
    // A coloured stripe tells the type at a glance, as Workflow Studio's icons do.
    String accent =
        switch (type) {
          case TASK -> "#ff9900";
          case CHOICE -> "#8c4fff";
          case PASS, WAIT -> "#7d8998";
          case SUCCEED -> GREEN;
          case FAIL -> RED;
          default -> INK;
        };
    if (rx < 10) {
      body.append(
          String.format(
              Locale.ROOT,
              "    <rect x=\"%.1f\" y=\"%.1f\" width=\"4\" height=\"%.1f\" fill=\"%s\"/>%n",
              x + 1,
              y + 6,
              box.h - 12,
              accent));
    }
    body.append(
        String.format(
            Locale.ROOT,
            "    <text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" class=\"name\">%s</text>%n",
            x + box.w / 2,
            y + 20,
            xml(box.name)));
    body.append(
        String.format(
            Locale.ROOT,
            "    <text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" class=\"type\">%s</text>%n",
            x + box.w / 2,
            y + 36,
            box.node.typeName()));
    if ("failed".equals(mark)) {
      failedBadge(x + box.w, y);
    }
    body.append("  </g>\n");
  }

  private void drawRoute(Route route, Layout layout, double ox, double oy, List<String> labels) {
    DiagramGraph.Edge edge = route.edge();
    boolean isCatch = edge.kind() == DiagramGraph.EdgeKind.CATCH;
    boolean taken = trace != null && taken(edge);
    String color = taken ? GREEN : isCatch ? RED : INK;
    String marker = taken ? "arrow-taken" : isCatch ? "arrow-catch" : "arrow";
    // Names the edge on its path and its label alike, so a reader (or a test) can pair them.
    String edgeId = edge.from() + " -> " + edge.to() + (isCatch ? " (catch)" : "");
    List<Box> path = route.path();
    Box from = path.get(0);
    Box to = path.get(path.size() - 1);
    StringBuilder d = new StringBuilder();
    if (route.back()) {
      boolean left = backOnLeft(route, layout);
      double x1 = ox + (left ? from.x : from.x + from.w);
      double y1 = oy + from.y + from.h / 2;
      double x2 = ox + (left ? to.x : to.x + to.w);
      double y2 = oy + to.y + to.h / 2;
      double bulge = left ? Math.min(x1, x2) - 36 : Math.max(x1, x2) + 36;
      d.append(
          String.format(
              Locale.ROOT,
              "M%.1f,%.1f C%.1f,%.1f %.1f,%.1f %.1f,%.1f",
              x1,
              y1,
              bulge,
              y1,
              bulge,
              y2,
              x2 + (left ? -2 : 2),
              y2));
    } else {
      double x1 = ox + port(from, route, layout, true);
      double y1 = oy + from.y + from.h;
      d.append(String.format(Locale.ROOT, "M%.1f,%.1f", x1, y1));
      double px = x1;
      double py = y1;
      for (int i = 1; i < path.size(); i++) {
        Box box = path.get(i);
        boolean last = i == path.size() - 1;
        double nx = ox + (last ? port(box, route, layout, false) : box.cx());
        double ny = oy + box.y;
        double my = (py + ny) / 2;
        d.append(
            String.format(
                Locale.ROOT,
                " C%.1f,%.1f %.1f,%.1f %.1f,%.1f",
                px,
                my,
                nx,
                my,
                nx,
                ny - (last ? 2 : 0)));
        if (!last) {
          d.append(String.format(Locale.ROOT, " L%.1f,%.1f", nx, oy + box.y + box.h));
          py = oy + box.y + box.h;
        }
        px = nx;
      }
    }
    body.append(
        String.format(
            Locale.ROOT,
            "  <path class=\"edge%s\" data-edge=\"%s\" d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"%s\"%s marker-end=\"url(#%s)\"/>%n",
            isCatch ? " catch" : "",
            xml(edgeId),
            d,
            color,
            taken ? "2.5" : "1.3",
            isCatch ? " stroke-dasharray=\"5 4\"" : "",
            marker));
    double[] at = layout.labels.get(route);
    if (at != null) {
      double cx = ox + at[0];
      double cy = oy + at[1];
      double w = at[2];
      double h = at[3];
      StringBuilder label = new StringBuilder();
      label.append(
          String.format(
              Locale.ROOT,
              "  <g class=\"edge-label\" data-edge=\"%s\"><rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"4\" fill=\"#ffffff\" fill-opacity=\"0.92\" stroke=\"%s\" stroke-width=\"0.6\"/>",
              xml(edgeId),
              cx - w / 2,
              cy - h / 2,
              w,
              h,
              isCatch ? "#f0b8b8" : "#d5dbe1"));
      double ty = cy - h / 2 + 3 + LABEL_SIZE;
      for (String text : lines(route)) {
        label.append(
            String.format(
                Locale.ROOT,
                "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" class=\"%s\">%s</text>",
                cx,
                ty,
                isCatch ? "catch-label" : "label",
                xml(text)));
        ty += LABEL_SIZE + 4;
      }
      label.append("</g>\n");
      labels.add(label.toString());
    }
  }

  private boolean taken(DiagramGraph.Edge edge) {
    if (edge.to().equals(DiagramGraph.END)) {
      return trace.visited().contains(edge.from()) && !trace.failed().contains(edge.from());
    }
    return trace.took(edge.from(), edge.to());
  }

  static String xml(String text) {
    StringBuilder escaped = new StringBuilder();
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> escaped.append("&amp;");
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '"' -> escaped.append("&quot;");
        default -> {
          if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
            escaped.append(' ');
          } else {
            escaped.append(c);
          }
        }
      }
    }
    return escaped.toString();
  }
}
