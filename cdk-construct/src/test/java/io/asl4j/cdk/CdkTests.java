package io.asl4j.cdk;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.assertions.TemplateParsingOptions;

/**
 * Shared setup of the CDK tests: one jsii kernel per JVM (the jsii runtime is a process-wide
 * singleton; surefire reuses one fork), cheap Apps, and a clear skip where Node.js is missing.
 */
final class CdkTests {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String ACCOUNT = "123456789012";
  static final String REGION = "eu-west-1";

  private static Boolean nodeAvailable;
  private static String nodeProblem;

  private CdkTests() {}

  /**
   * Skips the calling test class (from {@code @BeforeAll}) when {@code node --version} fails: the
   * AWS CDK for Java runs its library in Node.js through jsii, and without it jsii fails with a
   * long stack trace instead of a reason.
   */
  static synchronized void assumeNodeJs() {
    if (nodeAvailable == null) {
      try {
        Process process = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean done = process.waitFor(20, TimeUnit.SECONDS);
        nodeAvailable = done && process.exitValue() == 0;
        nodeProblem =
            done
                ? "`node --version` exited " + process.exitValue() + ": " + out.trim()
                : "`node --version` timed out";
      } catch (IOException e) {
        nodeAvailable = false;
        nodeProblem = "`node` is not on the PATH (" + e.getMessage() + ")";
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        nodeAvailable = false;
        nodeProblem = "interrupted while running `node --version`";
      }
    }
    assumeTrue(
        nodeAvailable,
        () ->
            "Skipping the CDK tests: Node.js is required (the AWS CDK for Java runs through jsii on"
                + " Node.js) but "
                + nodeProblem
                + ". Install Node.js 18 or later to run them.");
  }

  /**
   * A stack in a fresh App with the per-synth extras turned off: no construct stack traces, no tree
   * metadata, no analytics. The jsii kernel behind them is shared.
   */
  static Stack stack() {
    App app =
        new App(
            AppProps.builder()
                .stackTraces(false)
                .treeMetadata(false)
                .analyticsReporting(false)
                .build());
    return new Stack(
        app,
        "Test",
        StackProps.builder()
            .env(Environment.builder().account(ACCOUNT).region(REGION).build())
            .build());
  }

  /**
   * What building the state machine {@code id} of {@code definition} with {@code substitutions} in
   * {@code stack} throws.
   */
  static Asl4jSynthesisException synthesisFailure(
      Stack stack, String id, Asl4jDefinition definition, DefinitionSubstitutions substitutions) {
    return assertThrows(
        Asl4jSynthesisException.class,
        () ->
            Asl4jStateMachine.Builder.create(stack, id)
                .definition(definition)
                .substitutions(substitutions)
                .build());
  }

  /** The synthesized template, without the cyclic-dependency walk (one test keeps it). */
  static Template template(Stack stack) {
    return Template.fromStack(
        stack, TemplateParsingOptions.builder().skipCyclicalDependenciesCheck(true).build());
  }

  static JsonNode tree(Object value) {
    return JSON.valueToTree(value);
  }

  static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The properties of the only resource of {@code type}. */
  static JsonNode onlyResource(Template template, String type) {
    Map<String, Map<String, Object>> found = template.findResources(type);
    if (found.size() != 1) {
      throw new AssertionError("expected one " + type + ", found " + found.keySet());
    }
    return tree(found.values().iterator().next()).path("Properties");
  }

  /**
   * The statements of the state machine role's default policy, {@link #flatten flattened}, each
   * with its single action or resource as a one-element array (CloudFormation shortens those).
   */
  static JsonNode statements(Template template) {
    JsonNode statements =
        onlyResource(template, "AWS::IAM::Policy").path("PolicyDocument").path("Statement");
    com.fasterxml.jackson.databind.node.ArrayNode out = JSON.createArrayNode();
    for (JsonNode statement : flatten(statements)) {
      com.fasterxml.jackson.databind.node.ObjectNode copy = statement.deepCopy();
      for (String key : new String[] {"Action", "Resource"}) {
        if (copy.has(key) && !copy.get(key).isArray()) {
          copy.set(key, JSON.createArrayNode().add(copy.get(key)));
        }
      }
      copy.remove("Effect");
      out.add(copy);
    }
    return out;
  }

  /**
   * Makes CloudFormation intrinsics readable: {@code Fn::Join} with an empty separator becomes one
   * string, {@code Ref X} becomes {@code ${X}}, {@code Fn::GetAtt [A, B]} becomes {@code ${A.B}}.
   */
  static JsonNode flatten(JsonNode node) {
    if (node.isObject() && node.size() == 1) {
      if (node.has("Ref")) {
        return JSON.getNodeFactory().textNode("${" + node.get("Ref").asText() + "}");
      }
      if (node.has("Fn::GetAtt")) {
        JsonNode att = node.get("Fn::GetAtt");
        return JSON.getNodeFactory()
            .textNode("${" + att.get(0).asText() + "." + att.get(1).asText() + "}");
      }
      if (node.has("Fn::Join") && node.get("Fn::Join").get(0).asText().isEmpty()) {
        StringBuilder joined = new StringBuilder();
        for (JsonNode part : node.get("Fn::Join").get(1)) {
          JsonNode flat = flatten(part);
          if (!flat.isTextual()) {
            return node;
          }
          joined.append(flat.asText());
        }
        return JSON.getNodeFactory().textNode(joined.toString());
      }
    }
    if (node.isObject()) {
      com.fasterxml.jackson.databind.node.ObjectNode out = JSON.createObjectNode();
      node.fields().forEachRemaining(f -> out.set(f.getKey(), flatten(f.getValue())));
      return out;
    }
    if (node.isArray()) {
      com.fasterxml.jackson.databind.node.ArrayNode out = JSON.createArrayNode();
      node.forEach(n -> out.add(flatten(n)));
      return out;
    }
    return node;
  }

  /** Reads a test resource as UTF-8. */
  static String resource(String name) {
    try (java.io.InputStream in = CdkTests.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
