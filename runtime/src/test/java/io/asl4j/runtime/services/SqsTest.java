package io.asl4j.runtime.services;

import static io.asl4j.runtime.services.Fixtures.DATE;
import static io.asl4j.runtime.services.Fixtures.SEED;
import static io.asl4j.runtime.services.Fixtures.ids;
import static io.asl4j.runtime.services.Fixtures.json;
import static io.asl4j.runtime.services.Fixtures.run;
import static io.asl4j.runtime.services.Fixtures.runTask;
import static io.asl4j.runtime.services.Fixtures.sdkV1Cause;
import static io.asl4j.runtime.services.Fixtures.task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.asl4j.runtime.Execution;
import io.asl4j.runtime.ExecutionStatus;
import io.asl4j.runtime.services.internal.Aws;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SqsTest {
  private static final String QUEUE = "https://sqs.us-east-1.amazonaws.com/123456789012/orders";

  /** The metadata of an SQS response with {@code body}. */
  static String metadata(String body, String requestId) {
    int length = body.getBytes(StandardCharsets.UTF_8).length;
    return "'SdkHttpMetadata':{'AllHttpHeaders':{'x-amzn-RequestId':['"
        + requestId
        + "'],'connection':['keep-alive'],"
        + "'Content-Length':['"
        + length
        + "'],'Date':['"
        + DATE
        + "'],'Content-Type':['application/x-amz-json-1.0']},"
        + "'HttpHeaders':{'connection':'keep-alive','Content-Length':'"
        + length
        + "','Content-Type':'application/x-amz-json-1.0',"
        + "'Date':'"
        + DATE
        + "','x-amzn-RequestId':'"
        + requestId
        + "'},'HttpStatusCode':200},"
        + "'SdkResponseMetadata':{'RequestId':'"
        + requestId
        + "'}";
  }

  @Test
  void sendMessageSendsAnObjectBodyAsJsonTextAndAnswersWithItsMd5AndMessageId() {
    AwsServices services = AwsServices.create(SEED);
    Execution execution =
        runTask(
            "arn:aws:states:::sqs:sendMessage",
            "{'QueueUrl':'" + QUEUE + "','MessageBody.$':'$'}",
            services,
            "{'orderId':'o-1','items':[1,2]}");

    List<String> ids = ids(2);
    String text = "{\"orderId\":\"o-1\",\"items\":[1,2]}";
    String md5 = Aws.md5Hex(text);
    String body = "{\"MD5OfMessageBody\":\"" + md5 + "\",\"MessageId\":\"" + ids.get(1) + "\"}";
    assertEquals(106, body.length());
    assertEquals(
        json(
            "{'MD5OfMessageBody':'"
                + md5
                + "','MessageId':'"
                + ids.get(1)
                + "',"
                + metadata(body, ids.get(0))
                + "}"),
        execution.output());
    assertEquals(
        List.of(new Sqs.Message(ids.get(1), text, md5, null, null, null)),
        services.sqs().messages(QUEUE));
    assertEquals(
        json("{'orderId':'o-1','items':[1,2]}"), services.sqs().messages(QUEUE).get(0).bodyJson());
  }

  @Test
  void aStringBodyIsSentAsIsAndItsMd5IsTheRealOne() {
    AwsServices services = AwsServices.create(SEED);
    Execution execution =
        runTask(
            "arn:aws:states:::sqs:sendMessage",
            "{'QueueUrl':'" + QUEUE + "','MessageBody':'test_message_body'}",
            services,
            "{}");

    assertEquals(
        "c8ab7bb5ebb5fd4b2ab8e0a9d5eee04f".length(),
        execution.output().get("MD5OfMessageBody").asText().length());
    assertEquals(
        Aws.md5Hex("test_message_body"), execution.output().get("MD5OfMessageBody").asText());
    assertEquals("test_message_body", services.sqs().receive(QUEUE).orElseThrow().body());
  }

  @Test
  void messageAttributesAreKeptAndAnsweredWithTheirMd5() {
    AwsServices services = AwsServices.create(SEED);
    Execution execution =
        runTask(
            "arn:aws:states:::sqs:sendMessage",
            "{'QueueUrl':'"
                + QUEUE
                + "','MessageBody':'hi','MessageAttributes':{"
                + "'b':{'DataType':'String','StringValue':'World'},'a':{'DataType':'Number','StringValue':'1'}}}",
            services,
            "{}");

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (String part : new String[] {"a", "Number", null, "1", "b", "String", null, "World"}) {
      if (part == null) {
        bytes.write(1);
        continue;
      }
      byte[] b = part.getBytes(StandardCharsets.UTF_8);
      bytes.writeBytes(new byte[] {0, 0, 0, (byte) b.length});
      bytes.writeBytes(b);
    }
    assertEquals(
        Aws.md5Hex(bytes.toByteArray()), execution.output().get("MD5OfMessageAttributes").asText());
    assertEquals(
        json(
            "{'b':{'DataType':'String','StringValue':'World'},'a':{'DataType':'Number','StringValue':'1'}}"),
        services.sqs().messages(QUEUE).get(0).messageAttributes());
  }

  @Test
  void aMissingBodyIsAMissingParameterError() {
    Execution execution =
        runTask(
            "arn:aws:states:::sqs:sendMessage",
            "{'QueueUrl':'" + QUEUE + "','MessageBody.$':'$.body'}",
            AwsServices.create(SEED),
            "{'body':null}");

    assertEquals("SQS.AmazonSQSException", execution.error());
    assertEquals(
        sdkV1Cause(
            "The request must contain the parameter MessageBody.",
            "AmazonSQS",
            400,
            "MissingParameter"),
        execution.cause());
  }

  @Test
  void aQueueUrlWhoseHostCannotBeResolvedIsAnSdkClientException() {
    Execution execution =
        runTask(
            "arn:aws:states:::sqs:sendMessage",
            "{'QueueUrl':'http://no-such-queue','MessageBody':'x'}",
            AwsServices.create(SEED),
            "{}");

    assertEquals("SQS.SdkClientException", execution.error());
    assertEquals(
        "Unable to execute HTTP request: no-such-queue: Name or service not known",
        execution.cause());
  }

  @Test
  void strictQueuesRefuseAUrlNoQueueWasCreatedFor() {
    AwsServices services = AwsServices.create(SEED);
    String created = services.sqs().strict().createQueue("known");
    Execution unknown =
        runTask(
            "arn:aws:states:::sqs:sendMessage",
            "{'QueueUrl':'" + QUEUE + "','MessageBody':'x'}",
            services,
            "{}");
    Execution known =
        runTask(
            "arn:aws:states:::sqs:sendMessage",
            "{'QueueUrl':'" + created + "','MessageBody':'x'}",
            services,
            "{}");

    assertEquals("SQS.QueueDoesNotExistException", unknown.error());
    assertEquals(ExecutionStatus.SUCCEEDED, known.status());
    assertEquals("https://sqs.us-east-1.amazonaws.com/123456789012/known", created);
  }

  @Test
  void aFifoQueueNeedsAGroupAndAnswersWithASequenceNumber() {
    AwsServices services = AwsServices.create(SEED);
    String fifo = QUEUE + ".fifo";
    Execution execution =
        runTask(
            "arn:aws:states:::sqs:sendMessage",
            "{'QueueUrl':'"
                + fifo
                + "','MessageBody':'x','MessageGroupId':'g','MessageDeduplicationId':'d'}",
            services,
            "{}");
    Execution noGroup =
        runTask(
            "arn:aws:states:::sqs:sendMessage",
            "{'QueueUrl':'" + fifo + "','MessageBody':'x'}",
            services,
            "{}");

    assertEquals("10000000000000000001", execution.output().get("SequenceNumber").asText());
    assertEquals("g", services.sqs().messages(fifo).get(0).messageGroupId());
    assertEquals("SQS.AmazonSQSException", noGroup.error());
  }

  @Test
  void receiveTakesTheOldestMessageAndSentKeepsThemAll() {
    AwsServices services = AwsServices.create(SEED);
    String definition =
        task(
            "arn:aws:states:::sqs:sendMessage",
            "{'QueueUrl':'" + QUEUE + "','MessageBody.$':'$.n'}");
    run(definition, services, "{'n':'first'}");
    run(definition, services, "{'n':'second'}");

    assertEquals("first", services.sqs().receive(QUEUE).orElseThrow().body());
    assertEquals(
        List.of("second"), services.sqs().messages(QUEUE).stream().map(Sqs.Message::body).toList());
    assertEquals(2, services.sqs().sent(QUEUE).size());
    assertEquals("second", services.sqs().receive(QUEUE).orElseThrow().body());
    assertEquals(Optional.empty(), services.sqs().receive(QUEUE));
    assertEquals(
        Optional.empty(),
        services.sqs().receive("https://sqs.us-east-1.amazonaws.com/123456789012/other"));
  }

  @Test
  void pollWaitsForAMessageSentFromAnotherThread() throws Exception {
    AwsServices services = AwsServices.create(SEED);
    CompletableFuture<Execution> sender =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                Thread.sleep(50);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return runTask(
                  "arn:aws:states:::sqs:sendMessage",
                  "{'QueueUrl':'" + QUEUE + "','MessageBody':'late'}",
                  services,
                  "{}");
            });

    assertEquals("late", services.sqs().poll(QUEUE, Duration.ofSeconds(10)).orElseThrow().body());
    assertEquals(ExecutionStatus.SUCCEEDED, sender.get(10, TimeUnit.SECONDS).status());
    assertEquals(Optional.empty(), services.sqs().poll(QUEUE, Duration.ofMillis(10)));
  }

  @Test
  void aMessageWhoseBodyIsNotJsonReadsBackAsAJsonString() {
    assertEquals(
        json("'plain'"), new Sqs.Message("id", "plain", "md5", null, null, null).bodyJson());
    assertNull(new Sqs.Message("id", "plain", "md5", null, null, null).messageGroupId());
  }
}
