package io.asl4j.examples.cdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.asl4j.dsl.json.AslReader;
import io.asl4j.dsl.json.AslWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Template;

/** The example CDK app synthesizes: the tested workflow, three functions, least privilege. */
class OrderProcessingAppTest {
  @BeforeAll
  static void requireNode() {
    boolean ok;
    try {
      Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      ok = p.waitFor() == 0;
    } catch (IOException e) {
      ok = false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      ok = false;
    }
    assumeTrue(
        ok,
        "Skipping the CDK app test: Node.js is required (the AWS CDK for Java runs through jsii on"
            + " Node.js) but `node --version` failed. Install Node.js 18 or later to run it.");
  }

  @Test
  void appSynthesizesTheTestedWorkflowWithRealFunctions() throws IOException {
    // given
    App app = new App(AppProps.builder().stackTraces(false).treeMetadata(false).build());
    OrderProcessingApp.OrderProcessingStack stack =
        new OrderProcessingApp.OrderProcessingStack(app, "Orders", StackProps.builder().build());

    // when
    Template template = Template.fromStack(stack);

    // then
    template.resourceCountIs("AWS::Lambda::Function", 3);
    JsonNode sm =
        new ObjectMapper()
            .valueToTree(template.findResources("AWS::StepFunctions::StateMachine"))
            .elements()
            .next()
            .path("Properties");
    String tested;
    try (InputStream in =
        OrderProcessingApp.class.getResourceAsStream("/workflows/order-processing.asl.json")) {
      tested = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String expected = tested;
    for (Map.Entry<String, String> e : OrderProcessingApp.FUNCTIONS.entrySet()) {
      expected = expected.replace(e.getKey(), "${" + e.getValue() + "}");
    }
    expected = expected.replaceFirst("\\{", "{\"TimeoutSeconds\":300,");
    assertEquals(AslWriter.write(AslReader.read(expected)), sm.path("DefinitionString").asText());
    assertEquals(3, sm.path("DefinitionSubstitutions").size());
    String statements =
        new ObjectMapper()
            .valueToTree(template.findResources("AWS::IAM::Policy"))
            .findValues("Statement")
            .toString();
    assertEquals(3, statements.split("lambda:InvokeFunction", -1).length - 1, statements);
  }
}
