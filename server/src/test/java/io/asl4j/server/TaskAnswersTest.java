package io.asl4j.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.asl4j.runtime.MockConfig;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/** How Task states are answered: a mock file's test case, a Lambda endpoint, instant time. */
class TaskAnswersTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String ROLE = StepFunctionsApiTest.ROLE;

  static final String ORDERS =
      "{\"StartAt\":\"Charge\",\"States\":{"
          + "\"Charge\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:lambda:us-east-1:123456789012:function:charge\","
          + "\"ResultPath\":\"$.charge\",\"Next\":\"Ship\"},"
          + "\"Ship\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::lambda:invoke\","
          + "\"Parameters\":{\"FunctionName\":\"ship\",\"Payload.$\":\"$\"},\"ResultSelector\":{\"shipped.$\":\"$.Payload\"},\"End\":true}}}";

  @Test
  void aMockFileTestCaseAnswersTheTasksItNamesWhenStartedAsArnHashTestCase() throws Exception {
    MockConfig mocks =
        MockConfig.parse(
            ("{'StateMachines':{'orders':{'TestCases':{'HappyPath':{'Charge':'Paid','Ship':'Shipped'}}}},"
                    + "'MockedResponses':{'Paid':{'0':{'Return':{'paid':true}}},"
                    + "'Shipped':{'0':{'Return':{'StatusCode':200,'Payload':{'tracking':'T1'}}}}}}")
                .replace('\'', '"'));
    try (Asl4jServer server = Asl4jServer.start(new Asl4jServer.Config().mocks(mocks));
        SfnClient sfn = Asl4jServerExtension.client(server.endpoint(), server.region())) {
      String machine =
          sfn.createStateMachine(b -> b.name("orders").definition(ORDERS).roleArn(ROLE))
              .stateMachineArn();
      String arn =
          sfn.startExecution(b -> b.stateMachineArn(machine + "#HappyPath").input("{\"id\":1}"))
              .executionArn();
      assertEquals(
          "arn:aws:states:us-east-1:123456789012:execution:orders:"
              + arn.substring(arn.lastIndexOf(':') + 1),
          arn);
      DescribeExecutionResponse described = StepFunctionsApiTest.awaitEnd(sfn, arn);
      assertEquals(ExecutionStatus.SUCCEEDED, described.status());
      assertEquals(
          JSON.readTree("{\"shipped\":{\"tracking\":\"T1\"}}"), JSON.readTree(described.output()));
      assertEquals(machine, described.stateMachineArn());

      var unknown =
          assertThrows(
              software.amazon.awssdk.services.sfn.model.SfnException.class,
              () ->
                  sfn.startExecution(b -> b.stateMachineArn(machine + "#NoSuchCase").input("{}")));
      assertEquals("ValidationException", unknown.awsErrorDetails().errorCode());
      assertTrue(
          unknown.awsErrorDetails().errorMessage().contains("NoSuchCase"),
          unknown.awsErrorDetails().errorMessage());
    }
  }

  @Test
  void lambdaTasksAreInvokedAtTheLambdaEndpointWithItsPayloadsAndErrors() throws Exception {
    HttpServer lambda = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    lambda.createContext(
        "/2015-03-31/functions/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          String response;
          if (path.contains("/charge/")) {
            response =
                body.contains("\"fail\":true")
                    ? "{\"errorMessage\":\"card declined\",\"errorType\":\"CardDeclined\",\"stackTrace\":[]}"
                    : "{\"charged\":" + body + "}";
            if (body.contains("\"fail\":true")) {
              exchange.getResponseHeaders().set("X-Amz-Function-Error", "Unhandled");
            }
          } else {
            response = "{\"tracking\":\"T-" + body.length() + "\"}";
          }
          byte[] bytes = response.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    lambda.start();
    URI endpoint = URI.create("http://127.0.0.1:" + lambda.getAddress().getPort());
    try (Asl4jServer server = Asl4jServer.start(new Asl4jServer.Config().lambdaEndpoint(endpoint));
        SfnClient sfn = Asl4jServerExtension.client(server.endpoint(), server.region())) {
      String machine =
          sfn.createStateMachine(b -> b.name("lambdas").definition(ORDERS).roleArn(ROLE))
              .stateMachineArn();
      String ok =
          sfn.startExecution(b -> b.stateMachineArn(machine).input("{\"id\":1}")).executionArn();
      DescribeExecutionResponse succeeded = StepFunctionsApiTest.awaitEnd(sfn, ok);
      String shippedInput = "{\"id\":1,\"charge\":{\"charged\":{\"id\":1}}}";
      assertEquals(
          JSON.readTree("{\"shipped\":{\"tracking\":\"T-" + shippedInput.length() + "\"}}"),
          JSON.readTree(succeeded.output()));
      String declined =
          sfn.startExecution(b -> b.stateMachineArn(machine).input("{\"fail\":true}"))
              .executionArn();
      DescribeExecutionResponse failed = StepFunctionsApiTest.awaitEnd(sfn, declined);
      assertEquals(
          List.of(
              "FAILED",
              "CardDeclined",
              "{\"errorMessage\":\"card declined\",\"errorType\":\"CardDeclined\",\"stackTrace\":[]}"),
          List.of(failed.statusAsString(), failed.error(), failed.cause()));
    } finally {
      lambda.stop(0);
    }
  }

  @Test
  void withWaitTimeScaleZeroWaitsPassAtOnceButACallbackIsStillWaitedFor() throws Exception {
    try (Asl4jServer server = Asl4jServer.start(new Asl4jServer.Config().waitTimeScale(0));
        SfnClient sfn = Asl4jServerExtension.client(server.endpoint(), server.region())) {
      String queue = server.services().sqs().queueUrl("approvals");
      String definition =
          "{\"StartAt\":\"Day\",\"States\":{\"Day\":{\"Type\":\"Wait\",\"Seconds\":86400,\"Next\":\"Ask\"},"
              + "\"Ask\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::sqs:sendMessage.waitForTaskToken\","
              + "\"Parameters\":{\"QueueUrl\":\""
              + queue
              + "\",\"MessageBody\":{\"token.$\":\"$$.Task.Token\"}},"
              + "\"Next\":\"Week\"},"
              + "\"Week\":{\"Type\":\"Wait\",\"Seconds\":604800,\"End\":true}}}";
      String machine =
          sfn.createStateMachine(b -> b.name("instant").definition(definition).roleArn(ROLE))
              .stateMachineArn();
      String arn = sfn.startExecution(b -> b.stateMachineArn(machine).input("{}")).executionArn();
      String token =
          server
              .services()
              .sqs()
              .poll(queue, Duration.ofSeconds(10))
              .orElseThrow()
              .bodyJson()
              .get("token")
              .asText();
      Thread.sleep(50);
      assertEquals(
          ExecutionStatus.RUNNING, sfn.describeExecution(b -> b.executionArn(arn)).status());
      sfn.sendTaskSuccess(b -> b.taskToken(token).output("{\"ok\":true}"));
      DescribeExecutionResponse described = StepFunctionsApiTest.awaitEnd(sfn, arn);
      assertEquals(
          List.of("SUCCEEDED", "{\"ok\":true}"),
          List.of(described.statusAsString(), described.output()));
      // The execution's clock jumped a day and then a week.
      assertTrue(
          Duration.between(described.startDate(), described.stopDate()).toDays() >= 8,
          described.startDate() + " .. " + described.stopDate());
    }
  }

  @Test
  void aWaitTimeScaleOfOneHundredthMakesAHundredSecondWaitTakeASecond() throws Exception {
    try (Asl4jServer server = Asl4jServer.start(new Asl4jServer.Config().waitTimeScale(0.01));
        SfnClient sfn = Asl4jServerExtension.client(server.endpoint(), server.region())) {
      String definition =
          "{\"StartAt\":\"Pause\",\"States\":{\"Pause\":{\"Type\":\"Wait\",\"Seconds\":100,"
              + "\"End\":true}}}";
      String machine =
          sfn.createStateMachine(b -> b.name("scaled").definition(definition).roleArn(ROLE))
              .stateMachineArn();
      long started = System.nanoTime();
      String arn = sfn.startExecution(b -> b.stateMachineArn(machine).input("{}")).executionArn();
      DescribeExecutionResponse described = StepFunctionsApiTest.awaitEnd(sfn, arn);
      long tookMillis = (System.nanoTime() - started) / 1_000_000;
      assertEquals("SUCCEEDED", described.statusAsString());
      // A second of real time (give or take the machine's load), 100 seconds of the execution's.
      assertTrue(tookMillis >= 950 && tookMillis < 10_000, "took " + tookMillis + " ms");
      long executionSeconds =
          Duration.between(described.startDate(), described.stopDate()).toSeconds();
      assertTrue(
          executionSeconds >= 100 && executionSeconds < 120,
          described.startDate() + " .. " + described.stopDate());
    }
  }

  @Test
  void aNestedStartExecutionSyncRunsThisServersOwnMachineListedUnderIt() throws Exception {
    try (Asl4jServer server = Asl4jServer.start(new Asl4jServer.Config().waitTimeScale(0));
        SfnClient sfn = Asl4jServerExtension.client(server.endpoint(), server.region())) {
      String child =
          sfn.createStateMachine(
                  b ->
                      b.name("child")
                          .roleArn(ROLE)
                          .definition(
                              "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"Parameters\":{\"got.$\":\"$.n\"},\"End\":true}}}"))
              .stateMachineArn();
      String parent =
          sfn.createStateMachine(
                  b ->
                      b.name("parent")
                          .roleArn(ROLE)
                          .definition(
                              "{\"StartAt\":\"Run\",\"States\":{\"Run\":{\"Type\":\"Task\","
                                  + "\"Resource\":\"arn:aws:states:::states:startExecution.sync:2\","
                                  + "\"Parameters\":{\"StateMachineArn\":\""
                                  + child
                                  + "\",\"Input\":{\"n.$\":\"$.n\"}},"
                                  + "\"OutputPath\":\"$.Output\",\"End\":true}}}"))
              .stateMachineArn();
      String arn =
          sfn.startExecution(b -> b.stateMachineArn(parent).input("{\"n\":3}")).executionArn();
      DescribeExecutionResponse described = StepFunctionsApiTest.awaitEnd(sfn, arn);
      assertEquals(
          List.of("SUCCEEDED", "{\"got\":3}"),
          List.of(described.statusAsString(), String.valueOf(described.output())));
      // As on AWS, the child is one of the child machine's executions.
      List<software.amazon.awssdk.services.sfn.model.ExecutionListItem> children =
          sfn.listExecutions(b -> b.stateMachineArn(child)).executions();
      assertEquals(
          List.of(List.of(child, "SUCCEEDED")),
          children.stream().map(c -> List.of(c.stateMachineArn(), c.statusAsString())).toList());
      DescribeExecutionResponse childRun =
          sfn.describeExecution(b -> b.executionArn(children.get(0).executionArn()));
      assertEquals(
          List.of("SUCCEEDED", "{\"n\":3}", "{\"got\":3}"),
          List.of(childRun.statusAsString(), childRun.input(), childRun.output()));
      assertEquals(
          List.of(),
          sfn.listExecutions(b -> b.stateMachineArn(parent).statusFilter("RUNNING")).executions());
    }
  }
}
