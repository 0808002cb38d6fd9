package io.asl4j.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.GetExecutionHistoryResponse;
import software.amazon.awssdk.services.sfn.model.SfnException;

/**
 * Replays, through the SDK, the API calls recorded against real AWS in {@code
 * ../shared/conformance}: CreateStateMachine rejections of the {@code validation} cases (the
 * AWS-validated ones whose request is the definition and type alone) must come back with AWS's code
 * and message exactly, and the {@code pure/api} executions with AWS's status, output and history.
 */
class RecordedApiCasesTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final AtomicInteger NAMES = new AtomicInteger();
  static final String BOTO_PREFIX =
      "An error occurred (%s) when calling the CreateStateMachine operation: ";

  static Asl4jServer server;
  static SfnClient sfn;

  @BeforeAll
  static void serve() {
    server = Asl4jServer.start();
    sfn = Asl4jServerExtension.client(server.endpoint(), server.region());
  }

  @AfterAll
  static void stop() {
    sfn.close();
    server.close();
  }

  /**
   * Rejections whose wording the dsl validator does not match yet (the server passes its messages
   * on as they are), with what differs.
   */
  static final java.util.Map<String, String> KNOWN_DIFFERENCES =
      java.util.Map.of(
          "api/TestSfnApiExpress.test_illegal_callbacks[WAIT_FOR_TASK_TOKEN]_create28",
          "AWS puts two spaces before ' at /States/...' after '.waitForTaskToken' service integration",
          "scenarios/TestBaseScenarios.test_illegal_escapes[ESCAPE_SEQUENCES_ILLEGAL_INTRINSIC_FUNCTION]_create3",
          "asl4j adds which escape is invalid and where",
          "scenarios/TestBaseScenarios.test_illegal_escapes[ESCAPE_SEQUENCES_ILLEGAL_INTRINSIC_FUNCTION_2]_create4",
          "asl4j adds which escape is invalid and where");

  /**
   * Whether {@code actual} is {@code expected}, each {@code <...>} redaction token standing for any
   * text.
   */
  static boolean matches(String expected, String actual) {
    StringBuilder regex = new StringBuilder();
    java.util.regex.Matcher token = java.util.regex.Pattern.compile("<[^<>]+>").matcher(expected);
    int at = 0;
    while (token.find()) {
      regex
          .append(java.util.regex.Pattern.quote(expected.substring(at, token.start())))
          .append(".+?");
      at = token.end();
    }
    regex.append(java.util.regex.Pattern.quote(expected.substring(at)));
    return actual.matches(regex.toString());
  }

  static Path corpus() {
    Path dir = Path.of(System.getProperty("asl4j.conformance.dir", "../../shared/conformance"));
    Assumptions.assumeTrue(
        Files.isDirectory(dir),
        "the conformance corpus is not at " + dir.toAbsolutePath() + ": skipped");
    return dir;
  }

  static List<Path> cases(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    }
  }

  @TestFactory
  List<DynamicTest> createStateMachineRejectsAsAwsDid() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path file : cases(corpus().resolve("validation"))) {
      JsonNode c = JSON.readTree(file.toFile());
      JsonNode response = c.path("expected").path("response");
      String code =
          response
              .path("Error")
              .path("Code")
              .asText(response.path("exception_typename").asText(null));
      if (!c.path("source").path("trust").asText().equals("aws-validated")
          || !"InvalidDefinition".equals(code)) {
        continue; // the other rejections depend on request members the case does not carry
      }
      String message =
          response
              .path("Error")
              .path("Message")
              .asText(response.path("exception_value").asText(null));
      String expected =
          message.startsWith(String.format(BOTO_PREFIX, code))
              ? message.substring(String.format(BOTO_PREFIX, code).length())
              : message;
      String definition =
          c.hasNonNull("definitionRaw")
              ? c.get("definitionRaw").asText()
              : c.get("definition").toString();
      if (definition.contains("arn:aws:fake:")) {
        continue; // a resource the recording test created and substituted: the case does not carry
        // it
      }
      String id = c.get("id").asText();
      String type = c.path("stateMachineType").asText("STANDARD");
      tests.add(
          DynamicTest.dynamicTest(
              c.get("id").asText(),
              () -> {
                SfnException refused =
                    assertThrows(
                        SfnException.class,
                        () ->
                            sfn.createStateMachine(
                                b ->
                                    b.name("recorded-" + NAMES.incrementAndGet())
                                        .definition(definition)
                                        .roleArn(StepFunctionsApiTest.ROLE)
                                        .type(type)));
                String actual = refused.awsErrorDetails().errorMessage();
                boolean same =
                    code.equals(refused.awsErrorDetails().errorCode()) && matches(expected, actual);
                String difference = KNOWN_DIFFERENCES.get(id);
                if (difference != null) {
                  // Still different: when the validator's wording is fixed, this fails, and the
                  // entry goes.
                  assertEquals(
                      false,
                      same,
                      id
                          + " now matches AWS: remove it from KNOWN_DIFFERENCES ("
                          + difference
                          + ")");
                  return;
                }
                if (!same) {
                  assertEquals(
                      List.of(code, expected),
                      List.of(refused.awsErrorDetails().errorCode(), actual));
                }
              }));
    }
    Assumptions.assumeFalse(
        tests.isEmpty(), "no AWS-validated InvalidDefinition case in the corpus");
    return tests;
  }

  @TestFactory
  List<DynamicTest> apiExecutionsRunAsOnAws() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path file : cases(corpus().resolve("pure").resolve("api"))) {
      JsonNode c = JSON.readTree(file.toFile());
      tests.add(DynamicTest.dynamicTest(c.get("id").asText(), () -> replay(c)));
    }
    Assumptions.assumeFalse(tests.isEmpty(), "no pure/api case in the corpus");
    return tests;
  }

  private static void replay(JsonNode c) throws Exception {
    String type = c.path("stateMachineType").asText("STANDARD");
    String machine =
        sfn.createStateMachine(
                b ->
                    b.name("api-" + NAMES.incrementAndGet())
                        .definition(c.get("definition").toString())
                        .roleArn(StepFunctionsApiTest.ROLE)
                        .type(type))
            .stateMachineArn();
    String input =
        c.hasNonNull("inputRaw") ? c.get("inputRaw").asText() : c.get("input").toString();
    JsonNode expected = c.get("expected");
    if (type.equals("EXPRESS")) {
      var response = sfn.startSyncExecution(b -> b.stateMachineArn(machine).input(input));
      assertEquals(expected.get("status").asText(), response.statusAsString());
      if (expected.has("output")) {
        assertEquals(expected.get("output"), JSON.readTree(response.output()));
      }
      return;
    }
    String arn = sfn.startExecution(b -> b.stateMachineArn(machine).input(input)).executionArn();
    DescribeExecutionResponse described = StepFunctionsApiTest.awaitEnd(sfn, arn);
    assertEquals(expected.get("status").asText(), described.statusAsString());
    if (expected.has("output")) {
      assertEquals(expected.get("output"), JSON.readTree(described.output()));
    }
    JsonNode history = c.get("history");
    if (history != null) {
      boolean reversed =
          history.size() > 1
              && history.get(0).get("id").asLong() > history.get(1).get("id").asLong();
      GetExecutionHistoryResponse actual =
          sfn.getExecutionHistory(b -> b.executionArn(arn).reverseOrder(reversed));
      List<String> expectedEvents = new ArrayList<>();
      history.forEach(
          e ->
              expectedEvents.add(
                  e.get("id").asLong()
                      + "/"
                      + e.get("previousEventId").asLong()
                      + " "
                      + e.get("type").asText()));
      assertEquals(
          expectedEvents,
          actual.events().stream()
              .map(e -> e.id() + "/" + e.previousEventId() + " " + e.typeAsString())
              .toList());
    }
  }
}
