package io.asl4j.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.SfnException;

/** The AWS JSON 1.0 protocol itself: raw requests, malformed ones, and SigV4 verification. */
class ProtocolTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static Asl4jServer server;
  static HttpClient http;

  @BeforeAll
  static void serve() {
    server = Asl4jServer.start();
    http = HttpClient.newHttpClient();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static HttpResponse<String> post(String target, byte[] body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(server.endpoint().resolve("/"))
            .header("Content-Type", "application/x-amz-json-1.0")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (target != null) {
      request.header("X-Amz-Target", target);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  @Test
  void aResponseIsJson10WithEpochSecondTimestamps() throws Exception {
    HttpResponse<String> response =
        post(
            "AWSStepFunctions.CreateActivity",
            "{\"name\":\"raw\"}".getBytes(StandardCharsets.UTF_8));
    assertEquals(200, response.statusCode());
    assertEquals(
        "application/x-amz-json-1.0", response.headers().firstValue("Content-Type").orElse(null));
    assertTrue(response.headers().firstValue("x-amzn-RequestId").isPresent());
    JsonNode body = JSON.readTree(response.body());
    assertEquals(
        "arn:aws:states:us-east-1:123456789012:activity:raw", body.get("activityArn").asText());
    assertTrue(body.get("creationDate").isNumber(), response.body());
    assertEquals(System.currentTimeMillis() / 1000.0, body.get("creationDate").asDouble(), 60);
  }

  @Test
  void malformedJsonIsASerializationExceptionAndAnUnknownTargetAnUnknownOperation()
      throws Exception {
    HttpResponse<String> malformed =
        post(
            "AWSStepFunctions.ListStateMachines",
            "{\"maxResults\":".getBytes(StandardCharsets.UTF_8));
    assertEquals(400, malformed.statusCode());
    assertEquals("SerializationException", JSON.readTree(malformed.body()).get("__type").asText());
    HttpResponse<String> unknown =
        post("AWSStepFunctions.LaunchRocket", "{}".getBytes(StandardCharsets.UTF_8));
    assertEquals(400, unknown.statusCode());
    assertEquals("{\"__type\":\"UnknownOperationException\"}", unknown.body());
    HttpResponse<String> none = post(null, "{}".getBytes(StandardCharsets.UTF_8));
    assertEquals("{\"__type\":\"UnknownOperationException\"}", none.body());
    HttpResponse<String> wrongType =
        post("AWSStepFunctions.CreateActivity", "{\"name\":42}".getBytes(StandardCharsets.UTF_8));
    assertEquals(
        "{\"__type\":\"SerializationException\",\"message\":\"Member 'name' must be a string, but is number\"}",
        wrongType.body());
    HttpResponse<String> missing =
        post("AWSStepFunctions.DescribeExecution", "{}".getBytes(StandardCharsets.UTF_8));
    assertEquals(
        "{\"__type\":\"ValidationException\",\"message\":\"1 validation error detected: Value null at 'executionArn' failed to satisfy constraint: Member must not be null\"}",
        missing.body());
    HttpResponse<String> badName =
        post(
            "AWSStepFunctions.CreateActivity",
            "{\"name\":\"a b\"}".getBytes(StandardCharsets.UTF_8));
    assertEquals(
        "{\"__type\":\"InvalidName\",\"message\":\"Invalid Name: 'a b'\"}", badName.body());
  }

  @Test
  void anOversizeInputIsRefusedAsTheApiRefusesIt() throws Exception {
    post(
        "AWSStepFunctions.CreateStateMachine",
        ("{\"name\":\"big\",\"roleArn\":\""
                + StepFunctionsApiTest.ROLE
                + "\",\"definition\":\"{\\\"StartAt\\\":\\\"P\\\",\\\"States\\\":{\\\"P\\\":{\\\"Type\\\":\\\"Pass\\\",\\\"End\\\":true}}}\"}")
            .getBytes(StandardCharsets.UTF_8));
    String input = "\\\"" + "x".repeat(262_144) + "\\\"";
    HttpResponse<String> response =
        post(
            "AWSStepFunctions.StartExecution",
            ("{\"stateMachineArn\":\"arn:aws:states:us-east-1:123456789012:stateMachine:big\",\"input\":\""
                    + input
                    + "\"}")
                .getBytes(StandardCharsets.UTF_8));
    assertEquals(400, response.statusCode());
    assertEquals(
        "{\"__type\":\"ValidationException\",\"message\":\"1 validation error detected: Value '...' at 'input' failed to satisfy constraint: Member must have length less than or equal to 262144\"}",
        response.body());
    HttpResponse<String> huge = post("AWSStepFunctions.StartExecution", new byte[5 * 1024 * 1024]);
    assertEquals(413, huge.statusCode());
    assertEquals("ValidationException", JSON.readTree(huge.body()).get("__type").asText());
  }

  @Test
  void thousandsOfMalformedRequestsGetErrorsWithoutStackTracesAndAWorkflowStillRuns()
      throws Exception {
    Random random = new Random(20);
    List<String> operations =
        List.of(
            "CreateStateMachine",
            "StartExecution",
            "DescribeExecution",
            "GetExecutionHistory",
            "SendTaskSuccess",
            "TestState",
            "ListExecutions",
            "CreateStateMachineAlias",
            "TagResource",
            "StartSyncExecution",
            "UpdateStateMachine",
            "ValidateStateMachineDefinition",
            "GetActivityTask",
            "RedriveExecution",
            "DescribeMapRun",
            "Nope");
    String[] fragments = {
      "{",
      "}",
      "[",
      "]",
      "\"",
      ":",
      ",",
      "null",
      "true",
      "1e999",
      "-0",
      "\"stateMachineArn\"",
      "\"arn:aws:states:us-east-1:123456789012:stateMachine:x\"",
      "\"definition\"",
      "\"name\"",
      "\"input\"",
      "\"{\\\"a\\\":\"",
      "\"maxResults\"",
      "-1",
      "\"nextToken\"",
      "\"!!\"",
      "\"taskToken\"",
      "\"routingConfiguration\"",
      "\\u0000",
      "\"\\ud800\"",
      "{\"Type\":\"Pass\"}",
      "\"activityArn\"",
      "\"arn:aws:states:us-east-1:123456789012:activity:x\""
    };
    for (int i = 0; i < 2000; i++) {
      String operation = operations.get(random.nextInt(operations.size()));
      byte[] body;
      if (random.nextInt(4) == 0) {
        body = new byte[random.nextInt(64)];
        random.nextBytes(body);
      } else {
        StringBuilder text = new StringBuilder();
        int parts = random.nextInt(12);
        for (int p = 0; p < parts; p++) {
          text.append(fragments[random.nextInt(fragments.length)]);
        }
        body = text.toString().getBytes(StandardCharsets.UTF_8);
      }
      HttpResponse<String> response = post("AWSStepFunctions." + operation, body);
      assertTrue(
          response.statusCode() == 200
              || (response.statusCode() >= 400 && response.statusCode() < 500),
          operation
              + " "
              + new String(body, StandardCharsets.UTF_8)
              + " -> "
              + response.statusCode()
              + " "
              + response.body());
      JsonNode json = JSON.readTree(response.body());
      if (response.statusCode() != 200) {
        assertTrue(json.hasNonNull("__type"), response.body());
      }
      assertFalse(
          response.body().contains("\tat ")
              || response.body().contains("Exception: ") && response.body().contains(".java:"),
          response.body());
    }
    try (SfnClient sfn = Asl4jServerExtension.client(server.endpoint(), server.region())) {
      String machine =
          sfn.createStateMachine(
                  b ->
                      b.name("after-fuzz")
                          .roleArn(StepFunctionsApiTest.ROLE)
                          .definition(StepFunctionsApiTest.PASS_CHAIN))
              .stateMachineArn();
      String arn =
          sfn.startExecution(b -> b.stateMachineArn(machine).input("{\"x\":5}")).executionArn();
      assertEquals(
          "{\"sum\":6,\"size\":\"big\"}", StepFunctionsApiTest.awaitEnd(sfn, arn).output());
    }
  }

  @Test
  void withCredentialsOnlyRequestsSignedWithThatKeyPairAreServed() {
    try (Asl4jServer guarded =
        Asl4jServer.start(new Asl4jServer.Config().credentials("AKIDLOCAL", "s3cret"))) {
      try (SfnClient right = client(guarded, "AKIDLOCAL", "s3cret")) {
        assertEquals(List.of(), right.listStateMachines(b -> {}).stateMachines());
      }
      try (SfnClient otherKey = client(guarded, "AKIDOTHER", "s3cret")) {
        SfnException refused =
            assertThrows(SfnException.class, () -> otherKey.listStateMachines(b -> {}));
        assertEquals(
            List.of(
                "UnrecognizedClientException",
                "The security token included in the request is invalid."),
            List.of(
                refused.awsErrorDetails().errorCode(), refused.awsErrorDetails().errorMessage()));
      }
      try (SfnClient wrongSecret = client(guarded, "AKIDLOCAL", "guess")) {
        SfnException refused =
            assertThrows(SfnException.class, () -> wrongSecret.listStateMachines(b -> {}));
        assertEquals("InvalidSignatureException", refused.awsErrorDetails().errorCode());
      }
    }
  }

  static SfnClient client(Asl4jServer server, String key, String secret) {
    return SfnClient.builder()
        .endpointOverride(URI.create(server.endpoint().toString()))
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create(key, secret)))
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .overrideConfiguration(o -> o.retryStrategy(r -> r.maxAttempts(1)))
        .build();
  }
}
