package io.asl4j.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.asl4j.runtime.Execution;
import io.asl4j.runtime.HistoryEvent;
import io.asl4j.runtime.LocalStateMachine;
import io.asl4j.runtime.TaskHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;

/**
 * The benchmark workloads (the seed's order processing among them) run through the SDK exactly as
 * in-process: the same status, output, and history (types, ids, links, and every event's details
 * but the role the API reports).
 */
class SameAsInProcessTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final TaskHandler ECHO = (input, context) -> input;
  static final Map<String, TaskHandler> HANDLERS =
      Map.of(
          "arn:aws:lambda:us-west-2:123456789012:function:sfn-validate-order", ECHO,
          "arn:aws:lambda:us-west-2:123456789012:function:sfn-notify-customer", ECHO,
          "arn:aws:lambda:us-west-2:123456789012:function:sfn-update-inventory", ECHO);

  @Test
  void theBenchmarkWorkloadsRunThroughTheSdkAsInProcess() throws Exception {
    Path workloads =
        Path.of(System.getProperty("asl4j.conformance.dir", "../../shared/conformance"))
            .resolveSibling("bench")
            .resolve("workloads");
    Assumptions.assumeTrue(
        Files.isDirectory(workloads),
        "no workloads at " + workloads.toAbsolutePath() + ": skipped");
    Asl4jServer.Config config = new Asl4jServer.Config().waitTimeScale(0);
    HANDLERS.forEach(config::handler);
    List<String> compared = new ArrayList<>();
    try (Asl4jServer server = Asl4jServer.start(config);
        SfnClient sfn = Asl4jServerExtension.client(server.endpoint(), server.region())) {
      for (String name : List.of("order-processing", "pass-chain-10", "map-1000")) {
        String definition = Files.readString(workloads.resolve(name + ".asl.json"));
        String input = Files.readString(workloads.resolve(name + ".input.json")).trim();
        LocalStateMachine.Builder local = LocalStateMachine.builder(definition).name(name);
        HANDLERS.forEach(local::handler);
        Execution expected = local.build().run(JSON.readTree(input));

        String machine =
            sfn.createStateMachine(
                    b -> b.name(name).definition(definition).roleArn(StepFunctionsApiTest.ROLE))
                .stateMachineArn();
        String arn =
            sfn.startExecution(b -> b.stateMachineArn(machine).name("same").input(input))
                .executionArn();
        DescribeExecutionResponse described = StepFunctionsApiTest.awaitEnd(sfn, arn);
        assertEquals(expected.status().name(), described.statusAsString(), name);
        assertEquals(expected.output(), JSON.readTree(described.output()), name);
        List<JsonNode> want = new ArrayList<>();
        for (HistoryEvent event : expected.history()) {
          ObjectNodeView details = new ObjectNodeView(event.details());
          want.add(
              JSON.createObjectNode()
                  .put("id", event.id())
                  .put("previousEventId", event.previousEventId())
                  .put("type", event.type())
                  .set("details", details.withoutRole()));
        }
        List<JsonNode> got = new ArrayList<>();
        String token = null;
        do {
          String page = token;
          var history =
              sfn.getExecutionHistory(b -> b.executionArn(arn).maxResults(1000).nextToken(page));
          for (var event : history.events()) {
            got.add(
                JSON.createObjectNode()
                    .put("id", event.id())
                    .put("previousEventId", event.previousEventId())
                    .put("type", event.typeAsString())
                    .set("details", new ObjectNodeView(detailsOf(event)).withoutRole()));
          }
          token = history.nextToken();
        } while (token != null);
        for (int i = 0; i < Math.min(want.size(), got.size()); i++) {
          assertEquals(want.get(i), got.get(i), name + ", event " + (i + 1));
        }
        assertEquals(want.size(), got.size(), name + ": events");
        compared.add(name + " (" + want.size() + " events)");
      }
    }
    assertEquals(3, compared.size(), compared.toString());
  }

  /** The event's details as the SDK parsed them, back to the JSON the server sent. */
  private static JsonNode detailsOf(software.amazon.awssdk.services.sfn.model.HistoryEvent event) {
    for (var field : event.sdkFields()) {
      if (field.memberName().endsWith("EventDetails")) {
        Object value = field.getValueOrDefault(event);
        if (value != null) {
          return toJson((software.amazon.awssdk.core.SdkPojo) value);
        }
      }
    }
    return null;
  }

  private static JsonNode toJson(software.amazon.awssdk.core.SdkPojo pojo) {
    var node = JSON.createObjectNode();
    for (var field : pojo.sdkFields()) {
      Object value = field.getValueOrDefault(pojo);
      if (value == null
          || value instanceof software.amazon.awssdk.core.util.SdkAutoConstructMap<?, ?>
          || value instanceof software.amazon.awssdk.core.util.SdkAutoConstructList<?>) {
        continue; // absent on the wire
      }
      String member =
          Character.toLowerCase(field.memberName().charAt(0)) + field.memberName().substring(1);
      node.set(
          member,
          value instanceof software.amazon.awssdk.core.SdkPojo inner
              ? toJson(inner)
              : JSON.valueToTree(value));
    }
    return node;
  }

  /**
   * Details compared without {@code roleArn} (the runtime's placeholder; the machine's on the API).
   */
  record ObjectNodeView(JsonNode details) {
    JsonNode withoutRole() {
      if (details == null) {
        return com.fasterxml.jackson.databind.node.NullNode.getInstance();
      }
      var copy = details.deepCopy();
      if (copy instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
        object.remove("roleArn");
      }
      return copy;
    }
  }
}
