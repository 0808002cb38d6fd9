package io.asl4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class LambdaMockTest {

  private static final String REQUEST_ID = "0b5d3c2e-8f4e-4a57-9b1d-2d6f7c1e9a01";

  private static JsonNode json(String text) {
    try {
      return ConformanceCases.JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static LambdaMock mock(String kind, String extra, String code) {
    return LambdaMock.fromJson(
        "f",
        json(
            "{\"kind\": \"" + kind + "\"" + extra + ", \"code\": " + TextNode.valueOf(code) + "}"));
  }

  private static LambdaMock onlyMock(ConformanceCase c) {
    assertEquals(1, c.lambdas().size(), c.key());
    return c.lambdas().values().iterator().next();
  }

  @Test
  void identityReturnsTheEventAsPythonJsonDumpsWritesIt() {
    LambdaMock identity = mock("identity", "", "def handler(event, context):\n    return event\n");

    assertEquals(
        new LambdaMock.Returned("{\"a\": 1, \"b\": [1.0, \"\\u00e9\", null, true], \"c\": {}}"),
        identity.invoke(
            json("{\"a\": 1, \"b\": [1.0, \"é\", null, true], \"c\": {}}"), REQUEST_ID));
  }

  @Test
  void constantReturnsItsValue() {
    ConformanceCase c = Corpus.get("lambda/services/TestTaskLambda.test_invoke_pipe");

    for (LambdaMock constant : c.lambdas().values()) {
      assertEquals(LambdaMock.Kind.CONSTANT, constant.kind());
      assertEquals(
          new LambdaMock.Returned("{\"Return\": \"HelloWorld\"}"),
          constant.invoke(json("{\"ignored\": 1}"), REQUEST_ID));
    }
  }

  @Test
  void payloadSizesAreTheRecordedContentLengths() {
    int checked = 0;
    for (ConformanceCase c : Corpus.cases().cases()) {
      if (!c.category().equals("lambda")) {
        continue;
      }
      List<JsonNode> responses = new ArrayList<>();
      collectInvokeResponses(c.expected().raw(), responses);
      if (c.history() != null) {
        collectInvokeResponses(c.history(), responses);
      }
      for (JsonNode response : responses) {
        JsonNode payload = response.get("Payload");
        if (payload.toString().contains("<")) {
          continue; // a redacted name changes the length
        }
        int contentLength =
            response.path("SdkHttpMetadata").path("HttpHeaders").path("Content-Length").asInt();
        assertEquals(
            contentLength,
            new LambdaMock.Returned(PythonValues.jsonDumps(payload)).sizeInBytes(),
            c.key() + ": " + payload);
        checked++;
      }
    }
    assertTrue(checked >= 20, "checked " + checked);
  }

  private static void collectInvokeResponses(JsonNode node, List<JsonNode> out) {
    if (node.isObject() && node.has("Payload") && node.has("SdkHttpMetadata")) {
      out.add(node);
    }
    node.forEach(child -> collectInvokeResponses(child, out));
  }

  @Test
  void raiseGivesThePythonRuntimeErrorPayload() {
    LambdaMock raise =
        onlyMock(Corpus.get("lambda/error_handling/TestTaskLambda.test_raise_exception"));

    LambdaMock.FunctionError error =
        (LambdaMock.FunctionError) raise.invoke(json("null"), REQUEST_ID);

    assertEquals(
        new LambdaMock.FunctionError(
            "Exception",
            "Some exception was raised.",
            REQUEST_ID,
            List.of(
                "  File \"/var/task/handler.py\", line 2, in handler\n"
                    + "    raise Exception(\"Some exception was raised.\")\n")),
        error);
    assertEquals(
        "{\"errorMessage\": \"Some exception was raised.\", \"errorType\": \"Exception\","
            + " \"requestId\": \""
            + REQUEST_ID
            + "\", \"stackTrace\": [\"  File"
            + " \\\"/var/task/handler.py\\\", line 2, in handler\\n    raise"
            + " Exception(\\\"Some exception was raised.\\\")\\n\"]}",
        error.causeForFunctionArn());
    assertEquals(
        "{\"errorMessage\":\"Some exception was raised.\",\"errorType\":\"Exception\","
            + "\"requestId\":\""
            + REQUEST_ID
            + "\",\"stackTrace\":[\"  File"
            + " \\\"/var/task/handler.py\\\", line 2, in handler\\n    raise"
            + " Exception(\\\"Some exception was raised.\\\")\\n\"]}",
        error.causeForInvokeIntegration());
  }

  @Test
  void anExceptionWithoutArgumentsHasAnEmptyMessageAndItsOwnLine() {
    LambdaMock raise =
        onlyMock(Corpus.get("lambda/error_handling/TestTaskLambda.test_raise_custom_exception"));

    assertEquals(
        new LambdaMock.FunctionError(
            "CustomException",
            "",
            REQUEST_ID,
            List.of(
                "  File \"/var/task/handler.py\", line 9, in handler\n"
                    + "    raise CustomException()\n")),
        raise.invoke(json("{}"), REQUEST_ID));
  }

  /**
   * Every recorded cause string of a raising function matches the rendering of its integration
   * path, and not the other one: a function ARN passes the Python payload on with {@code ": "}
   * spacing, {@code lambda:invoke} rewrites it compactly.
   */
  @Test
  void causeSpacingFollowsTheIntegrationPath() {
    int functionArn = 0;
    int invoke = 0;
    for (ConformanceCase c : Corpus.cases().cases()) {
      List<LambdaMock> raising =
          c.lambdas().values().stream().filter(m -> m.kind() == LambdaMock.Kind.RAISE).toList();
      if (raising.size() != 1 || c.definition() == null) {
        continue;
      }
      List<String> resources = new ArrayList<>();
      collectResources(c.definition(), resources);
      boolean viaInvoke =
          resources.stream().anyMatch(r -> r.startsWith("arn:aws:states:::lambda:invoke"));
      boolean viaArn = resources.stream().anyMatch(r -> r.startsWith("arn:aws:lambda:"));
      if (viaInvoke == viaArn) {
        continue;
      }
      List<String> causes = new ArrayList<>();
      collectCauses(c.expected().raw(), causes);
      LambdaMock.FunctionError error =
          (LambdaMock.FunctionError) raising.get(0).invoke(json("null"), REQUEST_ID);
      List<String> wildcards =
          Stream.concat(c.normalizedTokens().stream(), c.redactionLiterals().stream()).toList();
      for (String cause : causes) {
        String right = viaInvoke ? error.causeForInvokeIntegration() : error.causeForFunctionArn();
        String wrong = viaInvoke ? error.causeForFunctionArn() : error.causeForInvokeIntegration();
        assertEquals(
            Comparison.match(),
            ExpectedComparator.compareValues(
                TextNode.valueOf(cause), TextNode.valueOf(right), wildcards),
            c.key());
        assertFalse(
            ExpectedComparator.compareValues(
                    TextNode.valueOf(cause), TextNode.valueOf(wrong), wildcards)
                .matches(),
            c.key());
        if (viaInvoke) {
          invoke++;
        } else {
          functionArn++;
        }
      }
    }
    assertTrue(functionArn >= 4, "function ARN causes: " + functionArn);
    assertTrue(invoke >= 15, "lambda:invoke causes: " + invoke);
  }

  private static void collectResources(JsonNode node, List<String> out) {
    if (node.isObject() && node.path("Resource").isTextual()) {
      out.add(node.get("Resource").textValue());
    }
    node.forEach(child -> collectResources(child, out));
  }

  private static void collectCauses(JsonNode node, List<String> out) {
    node.properties()
        .forEach(
            field -> {
              JsonNode value = field.getValue();
              if (field.getKey().equalsIgnoreCase("cause")
                  && value.isTextual()
                  && value.textValue().startsWith("{\"errorMessage\"")) {
                out.add(value.textValue());
              }
            });
    node.forEach(child -> collectCauses(child, out));
  }

  @Test
  void aCauseRecordedAsAnObjectMatchesEitherRendering() {
    ConformanceCase c = Corpus.get("lambda/error_handling/TestTaskLambda.test_raise_exception");
    LambdaMock.FunctionError error =
        (LambdaMock.FunctionError) onlyMock(c).invoke(json("null"), REQUEST_ID);
    ExpectedComparator comparator = ExpectedComparator.forCase(c);

    assertEquals(
        Comparison.match(),
        comparator.compare(ActualResult.failed(error.errorType(), error.causeForFunctionArn())));
    assertEquals(
        Comparison.match(),
        comparator.compare(
            ActualResult.failed(error.errorType(), error.causeForInvokeIntegration())));
  }

  @Test
  void returnedBytesAreTheRawPayload() {
    ConformanceCase c = Corpus.get("lambda/services/TestTaskLambda.test_invoke_bytes_payload");
    LambdaMock bytes = onlyMock(c);

    LambdaMock.Returned returned = (LambdaMock.Returned) bytes.invoke(json("{}"), REQUEST_ID);

    assertEquals(new LambdaMock.Returned("\"HelloWorld!\""), returned);
    assertEquals(Optional.of(TextNode.valueOf("HelloWorld!")), returned.json());
    assertEquals(
        Comparison.match(),
        ExpectedComparator.forCase(c)
            .compare(ActualResult.succeeded(returned.json().orElseThrow())));
  }

  @Test
  void largeReturnedBytesExceedTheStepFunctionsPayloadLimit() {
    LambdaMock bytes =
        onlyMock(
            Corpus.get(
                "lambda/error_handling/TestStatesErrors"
                    + ".test_task_lambda_data_limit_exceeded_on_large_utf8_response"));

    LambdaMock.Returned returned = (LambdaMock.Returned) bytes.invoke(json("null"), REQUEST_ID);

    assertEquals(new LambdaMock.Returned("a".repeat(257 * 1024)), returned);
    assertEquals(263_168, returned.sizeInBytes());
    assertEquals(Optional.empty(), returned.json());
  }

  @Test
  void pythonFormatWritesTheReprOfTheEvent() {
    ConformanceCase c =
        Corpus.get("lambda/local_mocking/TestBaseScenarios.test_parallel_state_lambda");
    LambdaMock format =
        c.lambdas().values().stream()
            .filter(m -> m.kind() == LambdaMock.Kind.PYTHON_FORMAT)
            .findFirst()
            .orElseThrow();
    List<String> recordedPayloads = new ArrayList<>();
    for (JsonNode event : c.history()) {
      JsonNode payload = event.path("taskSucceededEventDetails").path("output").path("Payload");
      if (payload.isTextual()) {
        recordedPayloads.add(payload.textValue());
      }
    }

    LambdaMock.Returned returned =
        (LambdaMock.Returned) format.invoke(c.input().get("Payload"), REQUEST_ID);

    assertEquals(new LambdaMock.Returned("\"input-event-['string-literal']\""), returned);
    assertEquals(List.of(returned.json().orElseThrow().textValue()), recordedPayloads);
  }

  @Test
  void pythonFormatUsesStrOfAStringAndReprOfEverythingElse() {
    LambdaMock format =
        mock(
            "python_format",
            "",
            "def handler(event, context):\n    return f\"input-event-{event}\"\n");

    assertEquals(
        new LambdaMock.Returned("\"input-event-plain\""),
        format.invoke(json("\"plain\""), REQUEST_ID));
    assertEquals(
        new LambdaMock.Returned(
            "\"input-event-{'a': [1, 2.5, True, None, \\\"it's\\\"], 'b': {}}\""),
        format.invoke(json("{\"a\": [1, 2.5, true, null, \"it's\"], \"b\": {}}"), REQUEST_ID));
  }

  @Test
  void identityAfterDelayAnswersAfterItsDelay() {
    LambdaMock sleeping =
        onlyMock(Corpus.get("lambda/timeouts/TestTimeouts.test_fixed_timeout_service_lambda"));

    assertEquals(
        new LambdaMock.Delayed(Duration.ofSeconds(60), new LambdaMock.Returned("{\"x\": 1}")),
        sleeping.invoke(json("{\"x\": 1}"), REQUEST_ID));
  }

  @Test
  void evaluatesStraightLineHandlers() {
    LambdaMock bytes =
        mock(
            "returns_bytes",
            "",
            "def handler(event, ctx):\n"
                + "    # comment\n"
                + "    n = 2 * (1 + 2)  # six\n"
                + "    s = 'ab' * n + \"!\"\n"
                + "    return s.encode(\"utf-8\")\n");

    assertEquals(new LambdaMock.Returned("abababababab!"), bytes.invoke(json("null"), REQUEST_ID));
  }

  @Test
  void refusesHandlersOutsideTheSupportedSubset() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                mock(
                    "python_format",
                    "",
                    "import os\n\n"
                        + "def handler(event, context):\n"
                        + "    print(event)\n"
                        + "    return event\n"));
    assertEquals(
        "lambda f (PYTHON_FORMAT): handler line 4 is not supported: print(event)", e.getMessage());

    IllegalArgumentException noRaise =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                mock(
                    "raise",
                    ", \"errorType\": \"E\"",
                    "def handler(event, context):\n    return 1\n"));
    assertEquals("lambda f (RAISE): the handler body has no 'raise'", noRaise.getMessage());

    IllegalArgumentException constant =
        assertThrows(
            IllegalArgumentException.class,
            () -> mock("constant", "", "def handler(e, c):\n    return 1\n"));
    assertEquals("lambda f (CONSTANT): no 'value'", constant.getMessage());
  }

  @Test
  void writesPythonFloatsAndStringsLikePython() {
    assertEquals("1e+16", PythonValues.floatRepr(1e16));
    assertEquals("1000000000000000.0", PythonValues.floatRepr(1e15));
    assertEquals("0.0001", PythonValues.floatRepr(0.0001));
    assertEquals("1e-05", PythonValues.floatRepr(0.00001));
    assertEquals("1.5e+300", PythonValues.floatRepr(1.5e300));
    assertEquals("123456789.125", PythonValues.floatRepr(123456789.125));
    assertEquals("-0.0", PythonValues.floatRepr(-0.0));
    assertEquals("0.1", PythonValues.floatRepr(0.1));
    assertEquals("'a\\'b\"c'", PythonValues.reprString("a'b\"c"));
    assertEquals("'é\\n\\x00'", PythonValues.reprString("é\n\0"));
    assertEquals("\"\\ud83d\\ude00 \\u007f\"", PythonValues.jsonString("😀 \u007f"));
  }
}
