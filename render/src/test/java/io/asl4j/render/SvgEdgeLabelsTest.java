package io.asl4j.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asl4j.dsl.json.AslReader;
import io.asl4j.dsl.model.StateMachine;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every edge label of an SVG diagram is centred on the edge it names. */
class SvgEdgeLabelsTest {
  private static final Pattern EDGE =
      Pattern.compile("<path class=\"edge[^\"]*\" data-edge=\"([^\"]+)\" d=\"([^\"]+)\"");
  private static final Pattern LABEL =
      Pattern.compile(
          "<g class=\"edge-label\" data-edge=\"([^\"]+)\"><rect x=\"([-\\d.]+)\" y=\"([-\\d.]+)\""
              + " width=\"([\\d.]+)\" height=\"([\\d.]+)\"[^>]*/>(.*?)</g>");

  private static final String CLAIMS =
      """
      {"StartAt": "Route", "States": {
        "Route": {"Type": "Choice", "Choices": [
          {"Variable": "$.amount", "NumericGreaterThan": 10000, "Next": "Senior"},
          {"Variable": "$.amount", "NumericGreaterThan": 1000, "Next": "Adjuster"},
          {"Variable": "$.flagged", "BooleanEquals": true, "Next": "Fraud"},
          {"Variable": "$.region", "StringEquals": "EU", "Next": "Adjuster"},
          {"Variable": "$.vip", "BooleanEquals": true, "Next": "Senior"}],
          "Default": "Auto"},
        "Senior": {"Type": "Pass", "Next": "Notify"},
        "Adjuster": {"Type": "Pass", "Next": "Notify"},
        "Fraud": {"Type": "Pass", "Next": "Review"},
        "Review": {"Type": "Choice", "Choices": [{"Variable": "$.confirmed", "BooleanEquals": true, "Next": "Reject"}],
          "Default": "Notify"},
        "Reject": {"Type": "Fail", "Error": "Fraud"},
        "Auto": {"Type": "Pass", "Next": "Notify"},
        "Notify": {"Type": "Succeed"}
      }}
      """;

  @Test
  void choiceLabelsSitOnTheirEdgesInALargerDefinition() {
    assertLabelsOnTheirEdges(AslReader.read(CLAIMS), 6);
  }

  @Test
  void theExamplesLabelsSitOnTheirEdges() throws Exception {
    assertLabelsOnTheirEdges(DiagramsTest.read(DiagramsTest.ORDER), -1);
    assertLabelsOnTheirEdges(DiagramsTest.read(DiagramsTest.PMC), -1);
  }

  private static void assertLabelsOnTheirEdges(StateMachine machine, int expectedLabels) {
    String svg = Diagrams.svg(machine);
    java.util.Map<String, String> edges = new java.util.HashMap<>();
    Matcher e = EDGE.matcher(svg);
    while (e.find()) {
      edges.put(e.group(1), e.group(2));
    }
    Matcher m = LABEL.matcher(svg);
    List<String> off = new ArrayList<>();
    int labels = 0;
    while (m.find()) {
      labels++;
      double cx = Double.parseDouble(m.group(2)) + Double.parseDouble(m.group(4)) / 2;
      double cy = Double.parseDouble(m.group(3)) + Double.parseDouble(m.group(5)) / 2;
      String path = edges.get(m.group(1));
      assertTrue(path != null, "no edge " + m.group(1) + " for its label");
      double distance = distance(path, cx, cy);
      if (distance > 1.0) {
        off.add(
            String.format(
                Locale.ROOT,
                "%s is %.1f px from its edge",
                m.group(6).replaceAll("<[^>]+>", " ").trim(),
                distance));
      }
    }
    if (expectedLabels >= 0) {
      assertEquals(expectedLabels, labels, svg);
    } else {
      assertTrue(labels > 0, svg);
    }
    assertEquals(List.of(), off);
  }

  /** The distance from (x, y) to a path of M, C (cubic) and L commands, sampled finely. */
  static double distance(String d, double x, double y) {
    Matcher c = Pattern.compile("([MCL])([-\\d.,\\s]+)").matcher(d);
    double px = 0;
    double py = 0;
    double best = Double.MAX_VALUE;
    while (c.find()) {
      String[] n = c.group(2).trim().split("[,\\s]+");
      double[] v = new double[n.length];
      for (int i = 0; i < n.length; i++) {
        v[i] = Double.parseDouble(n[i]);
      }
      switch (c.group(1)) {
        case "M" -> {
          px = v[0];
          py = v[1];
        }
        case "L" -> {
          for (int i = 0; i <= 400; i++) {
            double t = i / 400.0;
            best = Math.min(best, Math.hypot(px + (v[0] - px) * t - x, py + (v[1] - py) * t - y));
          }
          px = v[0];
          py = v[1];
        }
        default -> {
          for (int i = 0; i <= 2000; i++) {
            double t = i / 2000.0;
            double u = 1 - t;
            double bx =
                u * u * u * px + 3 * u * u * t * v[0] + 3 * u * t * t * v[2] + t * t * t * v[4];
            double by =
                u * u * u * py + 3 * u * u * t * v[1] + 3 * u * t * t * v[3] + t * t * t * v[5];
            best = Math.min(best, Math.hypot(bx - x, by - y));
          }
          px = v[4];
          py = v[5];
        }
      }
    }
    return best;
  }
}
