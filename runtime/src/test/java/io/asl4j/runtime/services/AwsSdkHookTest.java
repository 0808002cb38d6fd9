package io.asl4j.runtime.services;

import static io.asl4j.runtime.services.Fixtures.json;
import static io.asl4j.runtime.services.Fixtures.runTask;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.asl4j.runtime.Execution;
import io.asl4j.runtime.StatesError;
import org.junit.jupiter.api.Test;

class AwsSdkHookTest {
  @Test
  void aHookAnswersItsServiceAndActionWithTheTasksParameters() {
    AwsServices services =
        AwsServices.create()
            .awsSdk(
                "secretsmanager",
                "getSecretValue",
                (input, ctx) ->
                    json(
                        "{'Name':'"
                            + input.get("SecretId").asText()
                            + "','SecretString':'s3cr3t'}"));
    Execution execution =
        runTask(
            "arn:aws:states:::aws-sdk:secretsmanager:getSecretValue",
            "{'SecretId':'db'}",
            services,
            "{}");

    assertEquals(json("{'Name':'db','SecretString':'s3cr3t'}"), execution.output());
  }

  @Test
  void aHookGoesBeforeTheBuiltInFakeAndCanRaiseTheServicesErrors() {
    AwsServices services =
        AwsServices.create()
            .awsSdk(
                "s3",
                "getObject",
                (input, ctx) -> {
                  throw new StatesError("S3.AccessDeniedException", "Access Denied");
                });
    services.s3().putObject("b", "k", "x");
    Execution execution =
        runTask(
            "arn:aws:states:::aws-sdk:s3:getObject", "{'Bucket':'b','Key':'k'}", services, "{}");

    assertEquals("S3.AccessDeniedException", execution.error());
    assertEquals("Access Denied", execution.cause());
  }

  @Test
  void aHookAlsoServesTheWaitForTaskTokenVariant() {
    AwsServices services =
        AwsServices.create()
            .awsSdk(
                "ecs",
                "runTask",
                (input, ctx) -> {
                  ctx.completeLater().succeed(json("{'done':true}"));
                  return json("{}");
                });
    Execution execution =
        runTask(
            "arn:aws:states:::aws-sdk:ecs:runTask.waitForTaskToken",
            "{'Cluster':'c'}",
            services,
            "{}");

    assertEquals(json("{'done':true}"), execution.output());
  }

  @Test
  void anActionNoFakeOrHookAnswersFailsSayingHowToRegisterOne() {
    Execution execution =
        runTask(
            "arn:aws:states:::aws-sdk:sqs:receiveMessage",
            "{'QueueUrl':'q'}",
            AwsServices.create(),
            "{}");

    assertEquals("States.TaskFailed", execution.error());
    assertEquals(
        "No fake answers 'arn:aws:states:::aws-sdk:sqs:receiveMessage': register one with "
            + "AwsServices.awsSdk(\"sqs\", \"receiveMessage\", handler)",
        execution.cause());
  }
}
