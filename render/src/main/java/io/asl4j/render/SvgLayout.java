package io.asl4j.render;

import static io.asl4j.render.Svg.H_GAP;
import static io.asl4j.render.Svg.LABEL_SIZE;
import static io.asl4j.render.Svg.NAME_SIZE;
import static io.asl4j.render.Svg.NODE_HEIGHT;
import static io.asl4j.render.Svg.PSEUDO;
import static io.asl4j.render.Svg.textWidth;

import io.asl4j.dsl.model.StateType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * Where {@link Svg} draws each box and edge of a scope: layered top to bottom (longest path, with
 * dummy boxes on long edges), ordered within layers by barycenter sweeps, placed with boxes pulled
 * toward their neighbours, edge labels put where they cover least. A Parallel or Map state is one
 * big box whose inner scopes are laid out first.
 */
final class SvgLayout {
  private SvgLayout() {}

  /** A laid-out box: a state, a pseudo-node, or a dummy point of a long edge. */
  static final class Box {
    final String name;
    final DiagramGraph.Node node; // null for a dummy
    double w;
    double h;
    double x; // left, relative to its scope
    double y; // top
    int layer;
    double order;
    List<Layout> inner = List.of(); // a group's laid-out scopes, positioned inside the box

    Box(String name, DiagramGraph.Node node, double w, double h) {
      this.name = name;
      this.node = node;
      this.w = w;
      this.h = h;
    }

    double cx() {
      return x + w / 2;
    }
  }

  record Route(DiagramGraph.Edge edge, List<Box> path, boolean back, List<String> labels) {}

  static final class Layout {
    final DiagramGraph scope;
    final Map<String, Box> boxes = new LinkedHashMap<>();
    final List<Box> dummies = new ArrayList<>();
    final List<Route> routes = new ArrayList<>();
    final Map<Route, double[]> labels = new java.util.IdentityHashMap<>();
    double width;
    double height;
    double offsetX; // where this layout sits, absolute, once placed
    double offsetY;

    Layout(DiagramGraph scope) {
      this.scope = scope;
    }
  }

  static final double GROUP_PAD = 14;
  static final double GROUP_HEADER = 28;
  static final double BRANCH_HEADER = 20;
  static final double BRANCH_GAP = 16;

  static Layout layout(DiagramGraph scope) {
    Layout layout = new Layout(scope);
    for (DiagramGraph.Node node : scope.nodes) {
      Box box;
      if (node.isPseudo()) {
        box = new Box(node.name(), node, PSEUDO, PSEUDO);
      } else if (node.isGroup()) {
        List<Layout> inner = new ArrayList<>();
        double w = 0;
        double h = 0;
        boolean branches = node.children().size() > 1 || node.state().type() == StateType.PARALLEL;
        for (DiagramGraph child : node.children()) {
          Layout sub = layout(child);
          inner.add(sub);
          double cw = sub.width + (branches ? 2 * 10 : 0);
          double ch = sub.height + (branches ? BRANCH_HEADER + 10 : 0);
          cw = Math.max(cw, branches ? textWidth(child.label, LABEL_SIZE) + 20 : 0);
          w += cw + (w > 0 ? BRANCH_GAP : 0);
          h = Math.max(h, ch);
        }
        String header = node.name() + "  " + node.typeName();
        w = Math.max(w, textWidth(header, NAME_SIZE) + 40);
        box = new Box(node.name(), node, w + 2 * GROUP_PAD, h + GROUP_HEADER + GROUP_PAD);
        box.inner = inner;
      } else {
        double w =
            Math.max(
                120,
                Math.max(textWidth(node.name(), NAME_SIZE), textWidth(node.typeName(), LABEL_SIZE))
                    + 32);
        box = new Box(node.name(), node, w, NODE_HEIGHT);
      }
      layout.boxes.put(node.name(), box);
    }
    // Merge edges between the same two nodes of the same kind: one line, one label per rule.
    Map<String, Route> merged = new LinkedHashMap<>();
    for (DiagramGraph.Edge edge : scope.edges) {
      String key =
          edge.from()
              + "\u0000"
              + edge.to()
              + "\u0000"
              + (edge.kind() == DiagramGraph.EdgeKind.CATCH);
      Route route =
          merged.computeIfAbsent(
              key, k -> new Route(edge, new ArrayList<>(), false, new ArrayList<>()));
      if (edge.label() != null) {
        route.labels().add(edge.label());
      }
    }
    List<Route> routes = new ArrayList<>(merged.values());
    Set<Route> back = backEdges(layout, routes);
    assignLayers(layout, routes, back);
    for (Route route : routes) {
      boolean isBack = back.contains(route);
      Route placed = new Route(route.edge(), new ArrayList<>(), isBack, route.labels());
      Box from = layout.boxes.get(route.edge().from());
      Box to = layout.boxes.get(route.edge().to());
      placed.path().add(from);
      if (!isBack) {
        for (int layer = from.layer + 1; layer < to.layer; layer++) {
          Box dummy = new Box("", null, 12, 0);
          dummy.layer = layer;
          layout.dummies.add(dummy);
          placed.path().add(dummy);
        }
      }
      placed.path().add(to);
      layout.routes.add(placed);
    }
    order(layout);
    place(layout);
    return layout;
  }

  /** Back edges of a depth-first walk from the first node: the edges that close a loop. */
  private static Set<Route> backEdges(Layout layout, List<Route> routes) {
    Map<String, List<Route>> out = new HashMap<>();
    for (Route route : routes) {
      out.computeIfAbsent(route.edge().from(), k -> new ArrayList<>()).add(route);
    }
    Set<Route> back = new HashSet<>();
    Set<String> done = new HashSet<>();
    Set<String> onStack = new HashSet<>();
    List<String> roots = new ArrayList<>();
    if (layout.scope.top) {
      roots.add(DiagramGraph.START);
    } else if (layout.scope.startAt != null) {
      roots.add(layout.scope.startAt);
    }
    roots.addAll(layout.boxes.keySet());
    for (String root : roots) {
      if (layout.boxes.containsKey(root) && !done.contains(root)) {
        dfs(root, out, done, onStack, back);
      }
    }
    return back;
  }

  private static void dfs(
      String name,
      Map<String, List<Route>> out,
      Set<String> done,
      Set<String> onStack,
      Set<Route> back) {
    done.add(name);
    onStack.add(name);
    for (Route route : out.getOrDefault(name, List.of())) {
      String to = route.edge().to();
      if (onStack.contains(to)) {
        back.add(route);
      } else if (!done.contains(to)) {
        dfs(to, out, done, onStack, back);
      }
    }
    onStack.remove(name);
  }

  private static void assignLayers(Layout layout, List<Route> routes, Set<Route> back) {
    Map<String, Integer> indegree = new HashMap<>();
    for (String name : layout.boxes.keySet()) {
      indegree.put(name, 0);
    }
    for (Route route : routes) {
      if (!back.contains(route)) {
        indegree.merge(route.edge().to(), 1, Integer::sum);
      }
    }
    Deque<String> ready = new ArrayDeque<>();
    for (String name : layout.boxes.keySet()) {
      if (indegree.get(name) == 0) {
        ready.add(name);
      }
    }
    while (!ready.isEmpty()) {
      String name = ready.poll();
      Box box = layout.boxes.get(name);
      for (Route route : routes) {
        if (!back.contains(route) && route.edge().from().equals(name)) {
          Box to = layout.boxes.get(route.edge().to());
          to.layer = Math.max(to.layer, box.layer + 1);
          if (indegree.merge(route.edge().to(), -1, Integer::sum) == 0) {
            ready.add(route.edge().to());
          }
        }
      }
    }
    // End is drawn below everything.
    Box end = layout.boxes.get(DiagramGraph.END);
    if (end != null) {
      int max = 0;
      for (Box box : layout.boxes.values()) {
        if (box != end) {
          max = Math.max(max, box.layer);
        }
      }
      end.layer = Math.max(end.layer, max + 1);
    }
  }

  private static List<List<Box>> layers(Layout layout) {
    List<List<Box>> layers = new ArrayList<>();
    List<Box> all = new ArrayList<>(layout.boxes.values());
    all.addAll(layout.dummies);
    for (Box box : all) {
      while (layers.size() <= box.layer) {
        layers.add(new ArrayList<>());
      }
      layers.get(box.layer).add(box);
    }
    for (List<Box> layer : layers) {
      layer.sort(Comparator.comparingDouble(b -> b.order));
    }
    return layers;
  }

  /** Orders the nodes of each layer: definition order first, then barycenter sweeps. */
  private static void order(Layout layout) {
    int i = 0;
    for (Box box : layout.boxes.values()) {
      box.order = i++;
    }
    for (Route route : layout.routes) {
      Box from = route.path().get(0);
      for (Box box : route.path()) {
        if (box.node == null) {
          box.order = from.order + 0.5;
        }
      }
    }
    List<List<Box>> layers = layers(layout);
    renumber(layers);
    for (int sweep = 0; sweep < 8; sweep++) {
      boolean down = sweep % 2 == 0;
      for (int k = 0; k < layers.size(); k++) {
        int index = down ? k : layers.size() - 1 - k;
        List<Box> layer = layers.get(index);
        Map<Box, Double> centre = new HashMap<>();
        for (Box box : layer) {
          centre.put(box, neighbourMean(layout, box, down, b -> b.order, box.order));
        }
        layer.sort(Comparator.comparingDouble(centre::get));
        for (int p = 0; p < layer.size(); p++) {
          layer.get(p).order = p;
        }
      }
    }
  }

  /**
   * The mean {@code position} of {@code box}'s neighbours on the forward routes: the boxes before
   * it when {@code down}, after it otherwise; {@code own} when it has none.
   */
  private static double neighbourMean(
      Layout layout, Box box, boolean down, ToDoubleFunction<Box> position, double own) {
    double sum = 0;
    int count = 0;
    for (Route route : layout.routes) {
      if (route.back()) {
        continue;
      }
      List<Box> path = route.path();
      for (int p = 0; p < path.size(); p++) {
        if (path.get(p) != box) {
          continue;
        }
        Box neighbour =
            down
                ? (p > 0 ? path.get(p - 1) : null)
                : (p < path.size() - 1 ? path.get(p + 1) : null);
        if (neighbour != null) {
          sum += position.applyAsDouble(neighbour);
          count++;
        }
      }
    }
    return count == 0 ? own : sum / count;
  }

  private static void renumber(List<List<Box>> layers) {
    for (List<Box> layer : layers) {
      for (int p = 0; p < layer.size(); p++) {
        layer.get(p).order = p;
      }
    }
  }

  /** A label's lines: one a rule, long ones wrapped at spaces to about 32 characters. */
  static List<String> lines(Route route) {
    List<String> lines = new ArrayList<>();
    for (String label : route.labels()) {
      StringBuilder line = new StringBuilder();
      for (String word : label.split(" ")) {
        if (line.length() > 0 && line.length() + 1 + word.length() > 32) {
          lines.add(line.toString());
          line.setLength(0);
        }
        line.append(line.length() > 0 ? " " : "").append(word);
      }
      lines.add(line.toString());
    }
    return lines;
  }

  private static double labelHeight(Route route) {
    return route.labels().isEmpty() ? 0 : lines(route).size() * (LABEL_SIZE + 4) + 6;
  }

  private static double labelWidth(Route route) {
    double w = 0;
    for (String label : lines(route)) {
      w = Math.max(w, textWidth(label, LABEL_SIZE));
    }
    return w + 10;
  }

  /**
   * Where along its first segment a label may sit, most preferred first (0 source, 1 next layer).
   */
  private static final double[] ALONG_THE_EDGE = {0.5, 0.38, 0.62, 0.28, 0.72, 0.2, 0.8};

  /**
   * The point at {@code along} of a forward route's first segment, the cubic drawn by {@code
   * drawRoute} (controls at mid-height above each end), with that segment's top and bottom y.
   */
  private static double[] firstSegmentAt(Route route, Layout layout, double along) {
    List<Box> path = route.path();
    Box from = path.get(0);
    Box next = path.get(1);
    boolean last = path.size() == 2;
    double x1 = port(from, route, layout, true);
    double y1 = from.y + from.h;
    double x2 = last ? port(next, route, layout, false) : next.cx();
    double y2 = next.y - (last ? 2 : 0);
    double s = along;
    double x = x1 + (x2 - x1) * (3 * s * s - 2 * s * s * s);
    double y = y1 + (y2 - y1) * (1.5 * s * (1 - s) + s * s * s);
    return new double[] {x, y, y1, y2};
  }

  /** The area two centred rectangles share, with a small margin around the other. */
  /**
   * How much a label of {@code w} × {@code h} centred at ({@code cx}, {@code cy}) covers those
   * placed.
   */
  private static double overlap(double cx, double cy, double w, double h, List<double[]> placed) {
    double total = 0;
    for (double[] other : placed) {
      total += overlap(cx, cy, w, h, other);
    }
    return total;
  }

  private static double overlap(double cx, double cy, double w, double h, double[] other) {
    double dx = (w + other[2]) / 2 + 4 - Math.abs(cx - other[0]);
    double dy = (h + other[3]) / 2 + 2 - Math.abs(cy - other[1]);
    return dx > 0 && dy > 0 ? dx * dy : 0;
  }

  /** Coordinates: layers top to bottom, nodes pulled toward the centres of their neighbours. */
  private static void place(Layout layout) {
    List<List<Box>> layers = layers(layout);
    // y: each layer as tall as its tallest node; the gap below it fits the labels leaving it.
    double y = 0;
    for (int index = 0; index < layers.size(); index++) {
      List<Box> layer = layers.get(index);
      double h = 0;
      for (Box box : layer) {
        h = Math.max(h, box.h);
      }
      for (Box box : layer) {
        box.y = y + (h - box.h) / 2;
        if (box.node == null) {
          box.y = y;
          box.h = h;
        }
      }
      double gap = 34;
      for (Route route : layout.routes) {
        if (!route.back() && route.path().get(0).layer == index) {
          gap = Math.max(gap, labelHeight(route) + 30);
        }
      }
      y += h + gap;
    }
    // x: packed, then pulled toward neighbours, down and up, keeping order and gaps.
    for (List<Box> layer : layers) {
      double x = 0;
      for (Box box : layer) {
        box.x = x;
        x += box.w + gap(box);
      }
    }
    for (int sweep = 0; sweep < 10; sweep++) {
      boolean down = sweep % 2 == 0;
      for (int k = 0; k < layers.size(); k++) {
        List<Box> layer = layers.get(down ? k : layers.size() - 1 - k);
        double[] desired = new double[layer.size()];
        for (int p = 0; p < layer.size(); p++) {
          Box box = layer.get(p);
          desired[p] = neighbourMean(layout, box, down, Box::cx, box.cx());
        }
        // Place at the desired centres, then push apart left to right and right to left.
        for (int p = 0; p < layer.size(); p++) {
          layer.get(p).x = desired[p] - layer.get(p).w / 2;
        }
        for (int p = 1; p < layer.size(); p++) {
          Box left = layer.get(p - 1);
          Box box = layer.get(p);
          box.x = Math.max(box.x, left.x + left.w + gap(left));
        }
        // Re-centre the layer on its desired centre so that pushing does not drift right.
        double drift = 0;
        for (int p = 0; p < layer.size(); p++) {
          drift += layer.get(p).cx() - desired[p];
        }
        drift /= layer.size();
        for (Box box : layer) {
          box.x -= drift;
        }
      }
    }
    // Labels: on their own edge, on its first segment (where a Choice's edges part), slid along it
    // to the first position that overlaps no label placed before; never moved off the edge.
    List<double[]> placed = new ArrayList<>();
    for (Route route : layout.routes) {
      if (route.labels().isEmpty()) {
        continue;
      }
      double w = labelWidth(route);
      double h = labelHeight(route);
      double cx;
      double cy;
      if (route.back()) {
        // On the loop drawn round the side (drawRoute's cubic), slid along it past other labels.
        Box from = route.path().get(0);
        Box to = route.path().get(1);
        boolean left = backOnLeft(route, layout);
        double x1 = left ? from.x : from.x + from.w;
        double y1 = from.y + from.h / 2;
        double x2 = left ? to.x : to.x + to.w;
        double y2 = to.y + to.h / 2;
        double bulge = left ? Math.min(x1, x2) - 36 : Math.max(x1, x2) + 36;
        double[] best = null;
        double bestOverlap = Double.MAX_VALUE;
        for (double t : ALONG_THE_EDGE) {
          double u = 1 - t;
          double[] point = {
            u * u * u * x1 + 3 * u * t * bulge + t * t * t * x2,
            u * u * u * y1 + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t * t * t * y2
          };
          double total = overlap(point[0], point[1], w, h, placed);
          if (total < bestOverlap) {
            best = point;
            bestOverlap = total;
            if (total == 0) {
              break;
            }
          }
        }
        cx = best[0];
        cy = best[1];
      } else {
        double[] best = null;
        double bestOverlap = Double.MAX_VALUE;
        for (double along : ALONG_THE_EDGE) {
          double[] point = firstSegmentAt(route, layout, along);
          if (point[1] - h / 2 < point[2] + 2 || point[1] + h / 2 > point[3] - 2) {
            continue; // would cover the box above or below
          }
          double total = overlap(point[0], point[1], w, h, placed);
          if (total < bestOverlap) {
            best = point;
            bestOverlap = total;
            if (total == 0) {
              break;
            }
          }
        }
        if (best == null) {
          best = firstSegmentAt(route, layout, 0.5);
        }
        cx = best[0];
        cy = best[1];
      }
      double[] at = {cx, cy, w, h};
      placed.add(at);
      layout.labels.put(route, at);
    }
    double minX = Double.MAX_VALUE;
    double maxX = -Double.MAX_VALUE;
    double maxY = 0;
    List<Box> all = new ArrayList<>(layout.boxes.values());
    all.addAll(layout.dummies);
    for (Box box : all) {
      minX = Math.min(minX, box.x);
      maxX = Math.max(maxX, box.x + box.w);
      maxY = Math.max(maxY, box.y + box.h);
    }
    for (Route route : layout.routes) {
      double[] at = layout.labels.get(route);
      if (at != null) {
        minX = Math.min(minX, at[0] - at[2] / 2);
        maxX = Math.max(maxX, at[0] + at[2] / 2);
      }
      if (route.back()) {
        Box from = route.path().get(0);
        Box to = route.path().get(1);
        if (backOnLeft(route, layout)) {
          minX = Math.min(minX, Math.min(from.x, to.x) - 40);
        } else {
          maxX = Math.max(maxX, Math.max(from.x + from.w, to.x + to.w) + 40);
        }
      }
    }
    for (Box box : all) {
      box.x -= minX;
    }
    for (double[] at : layout.labels.values()) {
      at[0] -= minX;
    }
    layout.width = maxX - minX;
    layout.height = maxY;
    // The groups' inner layouts sit inside their boxes.
    for (Box box : layout.boxes.values()) {
      if (!box.inner.isEmpty()) {
        boolean branches = box.inner.size() > 1 || box.node.state().type() == StateType.PARALLEL;
        double contentWidth = 0;
        for (Layout sub : box.inner) {
          contentWidth += frameWidth(sub, branches) + (contentWidth > 0 ? BRANCH_GAP : 0);
        }
        double x = (box.w - contentWidth) / 2;
        for (Layout sub : box.inner) {
          double fw = frameWidth(sub, branches);
          sub.offsetX = x + (fw - sub.width) / 2;
          sub.offsetY = GROUP_HEADER + (branches ? BRANCH_HEADER + 4 : 0);
          x += fw + BRANCH_GAP;
        }
      }
    }
  }

  /** A back edge goes round the left when its source lies left of the scope's middle. */
  static boolean backOnLeft(Route route, Layout layout) {
    double min = Double.MAX_VALUE;
    double max = -Double.MAX_VALUE;
    for (Box box : layout.boxes.values()) {
      min = Math.min(min, box.x);
      max = Math.max(max, box.x + box.w);
    }
    return route.path().get(0).cx() < (min + max) / 2;
  }

  static double frameWidth(Layout sub, boolean branches) {
    return branches
        ? Math.max(sub.width + 20, textWidth(sub.scope.label, LABEL_SIZE) + 20)
        : sub.width;
  }

  private static double gap(Box box) {
    return box.node == null ? 14 : H_GAP;
  }

  /** Where on a box's bottom (out) or top (in) a route attaches: spread by the other ends' x. */
  static double port(Box box, Route route, Layout layout, boolean out) {
    if (box.node == null) {
      return box.cx();
    }
    List<Route> sharing = new ArrayList<>();
    for (Route r : layout.routes) {
      if (!r.back() && (out ? r.path().get(0) == box : r.path().get(r.path().size() - 1) == box)) {
        sharing.add(r);
      }
    }
    if (sharing.size() <= 1) {
      return box.cx();
    }
    sharing.sort(
        Comparator.comparingDouble(
            r -> out ? r.path().get(1).cx() : r.path().get(r.path().size() - 2).cx()));
    int index = sharing.indexOf(route);
    double usable = Math.min(box.w * 0.6, 24.0 * (sharing.size() - 1));
    return box.cx() - usable / 2 + usable * index / (sharing.size() - 1);
  }
}
