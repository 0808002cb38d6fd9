package io.asl4j.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.asl4j.examples.orders.Order;
import io.asl4j.examples.orders.OrderProcessingDefinition;
import io.asl4j.examples.orders.OrderTasks;
import io.asl4j.render.Diagrams;
import io.asl4j.runtime.Execution;
import io.asl4j.runtime.HistoryEvent;
import io.asl4j.runtime.LocalStateMachine;
import io.asl4j.runtime.cost.CostEstimate;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The quick start: runs the order-processing workflow (compiled from the annotated {@code
 * OrderProcessing} class, its tasks typed Java) locally on a virtual clock, prints the states it
 * visited with their virtual timestamps and the output, and writes the ASL and the history to a
 * folder (the first argument, else the {@code asl4j.quickstart.dir} property, else {@code
 * target/asl4j-quickstart}).
 *
 * <pre>{@code
 * mvn -B -q -DskipTests -Pquickstart package
 * }</pre>
 */
public final class QuickStart {
  static final Instant CLOCK = Instant.parse("2025-01-01T09:00:00Z");
  private static final ObjectMapper JSON = new ObjectMapper();

  private QuickStart() {}

  public static void main(String[] args) throws IOException {
    Path folder =
        Path.of(
            args.length > 0
                ? args[0]
                : System.getProperty("asl4j.quickstart.dir", "target/asl4j-quickstart"));
    run(folder, System.out);
  }

  /**
   * Runs the three orders, prints them to {@code out} and writes the files to {@code folder};
   * returns the express execution.
   */
  public static Execution run(Path folder, PrintStream out) throws IOException {
    LocalStateMachine machine =
        OrderTasks.bind(OrderProcessingDefinition.localMachine().virtualClock(CLOCK).seed(1))
            .build();

    out.println("asl4j quick start: the order-processing workflow, run locally on a virtual clock");
    out.println();
    Execution express =
        machine.run(JSON.valueToTree(Order.of("ORD-001", "Laptop", 1, 999, "express")));
    print("express order ORD-001", express, out);
    Execution standard =
        machine.run(JSON.valueToTree(Order.of("ORD-002", "Book", 2, 15, "standard")));
    print("standard order ORD-002", standard, out);
    Execution invalid =
        machine.run(JSON.valueToTree(Order.of("ORD-003", "Phone", 0, 599, "standard")));
    print("invalid order ORD-003 (quantity 0)", invalid, out);

    Files.createDirectories(folder);
    Path asl = folder.resolve(OrderProcessingDefinition.NAME + ".asl.json");
    Files.writeString(asl, OrderProcessingDefinition.aslJson(), StandardCharsets.UTF_8);
    Path history = folder.resolve("ORD-001.history.json");
    ArrayNode events = JSON.createArrayNode();
    express.history().forEach(e -> events.add(e.toJson()));
    Files.writeString(history, events.toPrettyString() + "\n", StandardCharsets.UTF_8);
    Path svg = folder.resolve(OrderProcessingDefinition.NAME + ".svg");
    Files.writeString(
        svg,
        Diagrams.svg(OrderProcessingDefinition.stateMachine(), express),
        StandardCharsets.UTF_8);
    Path mermaid = folder.resolve(OrderProcessingDefinition.NAME + ".mmd");
    Files.writeString(
        mermaid,
        Diagrams.mermaid(OrderProcessingDefinition.stateMachine()),
        StandardCharsets.UTF_8);
    out.println("wrote " + asl.toAbsolutePath().normalize());
    out.println("wrote " + history.toAbsolutePath().normalize());
    out.println(
        "wrote " + svg.toAbsolutePath().normalize() + " (the express order's path highlighted)");
    out.println("wrote " + mermaid.toAbsolutePath().normalize());
    out.println();
    out.println("on AWS, the express order would cost: " + CostEstimate.of(express).summary());
    synthesize(folder.resolve("cdk.out"), out);
    return express;
  }

  /** Synthesizes the CDK example app when Node.js is there (the CDK library runs on it). */
  static void synthesize(Path outdir, PrintStream out) {
    if (!nodeAvailable()) {
      out.println(
          "Node.js not found: skipping the CDK template (install Node.js to synthesize it)");
      return;
    }
    software.amazon.awscdk.App app =
        software.amazon.awscdk.App.Builder.create().outdir(outdir.toString()).build();
    new io.asl4j.examples.cdk.OrderProcessingApp.OrderProcessingStack(
        app, "Asl4jOrderProcessing", software.amazon.awscdk.StackProps.builder().build());
    app.synth();
    out.println(
        "wrote "
            + outdir.resolve("Asl4jOrderProcessing.template.json").toAbsolutePath().normalize()
            + " (the CDK template: state machine, its role and least-privilege policy, three functions)");
  }

  private static boolean nodeAvailable() {
    try {
      Process node = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      node.getInputStream().readAllBytes();
      return node.waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  static void print(String title, Execution execution, PrintStream out) {
    out.println(
        "== "
            + title
            + ": "
            + execution.status()
            + (execution.error() == null
                ? ""
                : " (" + execution.error() + ": " + execution.cause() + ")"));
    List<HistoryEvent> history = execution.history();
    Instant start = history.get(0).timestamp();
    for (HistoryEvent event : history) {
      if (event.type().endsWith("StateEntered")) {
        String kind = event.type().substring(0, event.type().length() - "StateEntered".length());
        out.printf(
            Locale.ROOT,
            "  %s  %-9s  %-18s %s%n",
            event.timestamp(),
            elapsed(Duration.between(start, event.timestamp())),
            event.stateName(),
            kind);
      }
    }
    HistoryEvent last = history.get(history.size() - 1);
    out.printf(
        Locale.ROOT,
        "  %s  %-9s  %s%n",
        last.timestamp(),
        elapsed(Duration.between(start, last.timestamp())),
        last.type());
    JsonNode output = execution.output();
    if (output != null) {
      out.println("  output: " + output);
    }
    out.println();
  }

  static String elapsed(Duration d) {
    return String.format(Locale.ROOT, "+%d.%03ds", d.toSeconds(), d.toMillisPart());
  }
}
