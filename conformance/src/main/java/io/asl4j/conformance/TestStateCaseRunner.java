package io.asl4j.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.asl4j.dsl.model.ResourceArn;
import io.asl4j.runtime.TestState;
import io.asl4j.runtime.TestStateResult;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs one recorded {@code test_state} case (a call of AWS's TestState API) through {@link
 * TestState} and compares the answer with the recorded one: status, output, error, cause, next
 * state and inspection data, with the case's redaction tokens and literals as wildcards.
 *
 * <p>The recorder kept some values as the JSON text AWS sent (TestState answers with text, and text
 * not starting with <code>{</code> was not parsed back), so an expected string is compared with a
 * non-string actual value by the JSON it holds. The recorded requests carry no {@code roleArn}, so
 * this runner decides as the recording tests did (see {@link #needsRole}). Nothing here depends on
 * a case's id or input.
 */
public final class TestStateCaseRunner {
  /** The role the recording tests created for their calls (its name is redacted in the records). */
  static final String ROLE_ARN = "arn:aws:iam::123456789012:role/asl4j-test-state";

  private TestStateCaseRunner() {}

  /** Whether {@code c} is a TestState case. */
  public static boolean isTestState(ConformanceCase c) {
    return "test_state".equals(c.category()) && c.raw().has("request");
  }

  /**
   * Whether the local runtime can answer {@code c} on its own: a TestState case that does not need
   * a real Lambda function. As with the service cases that need an AWS service, a case is not
   * runnable when the state under test (or a state inside it, such as a Map's processor) is a Task
   * invoking a Lambda function, by function ARN or {@code lambda:invoke}, while the request has no
   * {@code mock} and the case describes no function: only the function the recording test deployed
   * could answer it.
   */
  public static boolean runnable(ConformanceCase c) {
    return isTestState(c) && !needsUndescribedFunction(c);
  }

  private static boolean needsUndescribedFunction(ConformanceCase c) {
    JsonNode request = c.raw().get("request");
    if (request.hasNonNull("mock") || !c.lambdas().isEmpty()) {
      return false;
    }
    JsonNode definition = request.path("definition");
    if (definition.isTextual()) {
      definition =
          parse(definition.textValue())
              .orElse(com.fasterxml.jackson.databind.node.MissingNode.getInstance());
    }
    JsonNode tested =
        request.hasNonNull("stateName")
            ? stateNamed(definition, request.get("stateName").asText())
            : definition;
    return tested != null && invokesLambda(tested);
  }

  /** The state called {@code name} in some {@code States} object under {@code node}, or null. */
  private static JsonNode stateNamed(JsonNode node, String name) {
    if (node.isObject()) {
      JsonNode states = node.get("States");
      if (states != null && states.isObject() && states.has(name)) {
        return states.get(name);
      }
    }
    if (node.isContainerNode()) {
      for (JsonNode child : node) {
        JsonNode found = stateNamed(child, name);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  /** Whether {@code state}, or a state nested in it, is a Task invoking a Lambda function. */
  private static boolean invokesLambda(JsonNode node) {
    return hasTask(
        node,
        task -> {
          ResourceArn resource = ResourceArn.parse(task.path("Resource").asText(""));
          return resource.kind() == ResourceArn.Kind.LAMBDA_FUNCTION
              || resource.canonical().startsWith(ResourceArn.STATES_PREFIX + "lambda:invoke");
        });
  }

  /**
   * Whether {@code node}, or an object anywhere under it, is a Task state that {@code test}
   * accepts.
   */
  private static boolean hasTask(JsonNode node, java.util.function.Predicate<JsonNode> test) {
    if (node.isObject() && "Task".equals(node.path("Type").asText()) && test.test(node)) {
      return true;
    }
    if (node.isContainerNode()) {
      for (JsonNode child : node) {
        if (hasTask(child, test)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether the recording test passed a role with {@code request}: AWS needs one only for a state
   * that calls a service, so the tests pass one when the definition has a Task state (the recorded
   * context objects of such calls name a role) and call without one for flow states alone (Pass,
   * Choice, Wait, Succeed, Fail), where AWS's {@code $$.Execution.RoleArn} is then null.
   */
  static boolean needsRole(JsonNode request) {
    JsonNode definition = request.path("definition");
    if (definition.isTextual()) {
      definition =
          parse(definition.textValue())
              .orElse(com.fasterxml.jackson.databind.node.MissingNode.getInstance());
    }
    return hasTask(definition, task -> true);
  }

  /** Runs the case and judges it. Never throws: a crash is a failed case with its reason. */
  public static CaseOutcome run(ConformanceCase c) {
    try {
      JsonNode request = c.raw().get("request");
      TestState.Builder builder = TestState.fromRequest(request);
      if (!request.hasNonNull("roleArn") && needsRole(request)) {
        builder.roleArn(ROLE_ARN);
      }
      TestStateResult result = builder.seed(0).run();
      return CaseOutcome.of(c, compare(c, result));
    } catch (RuntimeException e) {
      return CaseOutcome.failed(
          c,
          "crashed: "
              + e.getClass().getSimpleName()
              + ": "
              + String.valueOf(e.getMessage()).replace('\n', ' '));
    }
  }

  /** Compares an answer with the case's recorded one. */
  public static Comparison compare(ConformanceCase c, TestStateResult actual) {
    JsonNode expected = c.expected().raw();
    List<String> wildcards = new ArrayList<>(c.normalizedTokens());
    wildcards.addAll(c.redactionLiterals());
    String status = expected.path("status").asText(null);
    if (!actual.status().name().equals(status)) {
      return Comparison.mismatch(
          "status: expected " + status + " but was " + actual.status() + " " + actual.toJson());
    }
    Map<String, JsonNode> parts = new java.util.LinkedHashMap<>();
    parts.put("output", actual.output());
    parts.put("error", actual.error() == null ? null : TextNode.valueOf(actual.error()));
    parts.put("cause", actual.cause() == null ? null : TextNode.valueOf(actual.cause()));
    parts.put(
        "nextState", actual.nextState() == null ? null : TextNode.valueOf(actual.nextState()));
    for (Map.Entry<String, JsonNode> part : parts.entrySet()) {
      Comparison comparison =
          comparePart(part.getKey(), expected.get(part.getKey()), part.getValue(), wildcards);
      if (!comparison.matches()) {
        return comparison;
      }
    }
    JsonNode expectedData = expected.get("inspectionData");
    JsonNode actualData = actual.inspectionData();
    if (expectedData == null || actualData == null) {
      return expectedData == null && actualData == null
          ? Comparison.match()
          : Comparison.mismatch(
              "inspectionData: expected " + expectedData + " but was " + actualData);
    }
    for (Iterator<String> names = actualData.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!expectedData.has(name)) {
        return Comparison.mismatch(
            "inspectionData." + name + ": unexpected, with value " + actualData.get(name));
      }
    }
    for (Iterator<Map.Entry<String, JsonNode>> fields = expectedData.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      Comparison comparison =
          comparePart(
              "inspectionData." + field.getKey(),
              field.getValue(),
              actualData.get(field.getKey()),
              wildcards);
      if (!comparison.matches()) {
        return comparison;
      }
    }
    return Comparison.match();
  }

  private static Comparison comparePart(
      String part, JsonNode expected, JsonNode actual, List<String> wildcards) {
    if (expected == null || actual == null) {
      return expected == null && actual == null
          ? Comparison.match()
          : Comparison.mismatch(part + ": expected " + expected + " but was " + actual);
    }
    JsonNode exp = expected;
    if (expected.isTextual() && !actual.isTextual()) {
      Optional<JsonNode> parsed = parse(expected.textValue());
      if (parsed.isPresent()) {
        exp = parsed.get();
      }
    }
    Comparison comparison = ExpectedComparator.compareValues(exp, actual, wildcards);
    return comparison.matches()
        ? comparison
        : Comparison.mismatch(part + ": " + comparison.difference());
  }

  private static Optional<JsonNode> parse(String text) {
    try {
      return Optional.ofNullable(ConformanceCases.JSON.readTree(text));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return Optional.empty();
    }
  }
}
