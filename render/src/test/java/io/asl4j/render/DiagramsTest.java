package io.asl4j.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.asl4j.dsl.json.AslReader;
import io.asl4j.dsl.model.StateMachine;
import io.asl4j.runtime.Execution;
import io.asl4j.runtime.LocalStateMachine;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class DiagramsTest {
  static final Path ORDER =
      Path.of("../examples/src/main/resources/workflows/order-processing.asl.json");
  static final Path PMC = Path.of("src/test/resources/render/parallel-map-catch.asl.json");
  static final Path GOLDEN = Path.of("src/test/resources/render");

  static StateMachine read(Path file) throws Exception {
    return AslReader.read(Files.readString(file));
  }

  static String golden(String name) throws Exception {
    return Files.readString(GOLDEN.resolve(name));
  }

  @Test
  void orderProcessingMermaid() throws Exception {
    assertEquals(golden("order-processing.mmd"), Diagrams.mermaid(read(ORDER)));
  }

  @Test
  void orderProcessingDot() throws Exception {
    assertEquals(golden("order-processing.dot"), Diagrams.dot(read(ORDER)));
  }

  @Test
  void parallelMapCatchMermaid() throws Exception {
    assertEquals(golden("parallel-map-catch.mmd"), Diagrams.mermaid(read(PMC)));
  }

  @Test
  void parallelMapCatchDot() throws Exception {
    assertEquals(golden("parallel-map-catch.dot"), Diagrams.dot(read(PMC)));
  }

  @Test
  void orderProcessingMermaidWithExecution() throws Exception {
    assertEquals(
        golden("order-processing-express.mmd"),
        Diagrams.mermaid(read(ORDER), ExecutionPath.of(express())));
  }

  @Test
  void conditionsAreShortAndReadable() throws Exception {
    String mermaid = Diagrams.mermaid(read(PMC));
    assertTrue(mermaid.contains("$.size #gt;= 10 && !$.fragile == true"), mermaid);
  }

  @Test
  void svgIsWellFormedAndHoldsEveryState() throws Exception {
    for (Path file : new Path[] {ORDER, PMC}) {
      StateMachine machine = read(file);
      String svg = Diagrams.svg(machine);
      Document document = parse(svg);
      assertEquals("svg", document.getDocumentElement().getTagName());
      Set<String> drawn = states(document);
      for (io.asl4j.render.DiagramGraph.Node node : DiagramGraph.of(machine).allStates()) {
        assertTrue(drawn.contains(node.name()), node.name() + " is not drawn");
      }
    }
  }

  @Test
  void svgHighlightsTheExecutionAndMarksFailures() throws Exception {
    StateMachine machine = read(ORDER);
    Execution failed =
        LocalStateMachine.builder(machine)
            .handlerForPrefix(
                "arn:",
                (in, context) -> {
                  throw new io.asl4j.runtime.StatesError("ValidationError", "bad order");
                })
            .build()
            .run(JsonNodeFactory.instance.objectNode());
    ExecutionPath trace = ExecutionPath.of(failed);
    assertEquals(Set.of("ValidateOrder", "OrderFailed"), trace.visited());
    assertTrue(trace.failed().contains("OrderFailed"), trace.toString());
    assertTrue(trace.took("ValidateOrder", "OrderFailed"));
    Document document = parse(Diagrams.svg(machine, trace));
    NodeList groups = document.getElementsByTagName("g");
    Set<String> failedStates = new HashSet<>();
    for (int i = 0; i < groups.getLength(); i++) {
      Element g = (Element) groups.item(i);
      if (g.getAttribute("class").contains("failed")) {
        failedStates.add(g.getAttribute("data-state"));
      }
    }
    assertTrue(failedStates.contains("OrderFailed"), failedStates.toString());
  }

  @Test
  void traceParsesTheRunHistoryLinesAndAnArray() throws Exception {
    Execution execution = express();
    StringBuilder lines = new StringBuilder();
    StringBuilder array = new StringBuilder("[");
    execution
        .history()
        .forEach(
            e -> {
              lines.append(e.toJson()).append('\n');
              array.append(array.length() > 1 ? "," : "").append(e.toJson());
            });
    lines.append(execution.output()).append('\n'); // run --history prints the output last
    array.append(']');
    ExecutionPath expected = ExecutionPath.of(execution);
    assertEquals(expected, ExecutionPath.parse(lines.toString()));
    assertEquals(expected, ExecutionPath.parse(array.toString()));
    assertTrue(expected.took("CheckPriority", "ExpressShip"));
    assertTrue(expected.took("ExpressShip", "NotifyAndUpdate"));
    assertTrue(expected.took("NotifyAndUpdate", "WaitForProcessing"));
  }

  static Execution express() throws Exception {
    return LocalStateMachine.builder(read(ORDER))
        .handlerForPrefix("arn:", (in, context) -> in)
        .build()
        .run(AslReader.parse("{\"orderId\":\"ORD-001\",\"priority\":\"express\"}"));
  }

  static Document parse(String svg) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }

  static Set<String> states(Document document) {
    Set<String> names = new HashSet<>();
    NodeList groups = document.getElementsByTagName("g");
    for (int i = 0; i < groups.getLength(); i++) {
      String name = ((Element) groups.item(i)).getAttribute("data-state");
      if (!name.isEmpty()) {
        names.add(name);
      }
    }
    return names;
  }
}
