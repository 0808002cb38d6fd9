package io.asl4j.runtime.services;

import static io.asl4j.runtime.services.Fixtures.DATE;
import static io.asl4j.runtime.services.Fixtures.SEED;
import static io.asl4j.runtime.services.Fixtures.ids;
import static io.asl4j.runtime.services.Fixtures.json;
import static io.asl4j.runtime.services.Fixtures.runTask;
import static io.asl4j.runtime.services.Fixtures.sdkV1Cause;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.asl4j.runtime.Execution;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnsTest {
  private static final String TOPIC = "arn:aws:sns:us-east-1:123456789012:orders";

  @Test
  void publishSendsAnObjectMessageAsJsonTextAndAnswersWithAMessageIdAndXmlMetadata() {
    AwsServices services = AwsServices.create(SEED);
    Execution execution =
        runTask(
            "arn:aws:states:::sns:publish",
            "{'TopicArn':'" + TOPIC + "','Message.$':'$','Subject':'New order'}",
            services,
            "{'orderId':'o-1'}");

    List<String> ids = ids(2);
    // AWS's PublishResponse XML is 294 bytes with two UUIDs in it.
    String length = "294";
    assertEquals(
        json(
            "{'MessageId':'"
                + ids.get(1)
                + "','SdkHttpMetadata':{'AllHttpHeaders':{"
                + "'x-amzn-RequestId':['"
                + ids.get(0)
                + "'],'connection':['keep-alive'],'Content-Length':['"
                + length
                + "'],"
                + "'Date':['"
                + DATE
                + "'],'Content-Type':['text/xml']},'HttpHeaders':{'connection':'keep-alive',"
                + "'Content-Length':'"
                + length
                + "','Content-Type':'text/xml','Date':'"
                + DATE
                + "','x-amzn-RequestId':'"
                + ids.get(0)
                + "'},"
                + "'HttpStatusCode':200},'SdkResponseMetadata':{'RequestId':'"
                + ids.get(0)
                + "'}}"),
        execution.output());
    assertEquals(
        List.of(
            new Sns.Message(
                ids.get(1), TOPIC, "{\"orderId\":\"o-1\"}", "New order", null, null, null, null)),
        services.sns().published(TOPIC));
    assertEquals(json("{'orderId':'o-1'}"), services.sns().published().get(0).messageJson());
  }

  @Test
  void aRegionAndAccountQualifiedPublishRunsOnTheFakeAndIsRecordedLikeTheUsualOne() {
    String parameters = "{'TopicArn':'" + TOPIC + "','Message':'m'}";
    AwsServices usualServices = AwsServices.create(SEED);
    AwsServices qualifiedServices = AwsServices.create(SEED);
    Execution usual = runTask("arn:aws:states:::sns:publish", parameters, usualServices, "{}");
    Execution qualified =
        runTask(
            "arn:aws:states:us-east-1:123456789012:sns:publish",
            parameters,
            qualifiedServices,
            "{}");

    assertEquals("SUCCEEDED", qualified.status().name());
    assertEquals(usual.output(), qualified.output());
    assertEquals(
        List.of(new Sns.Message(ids(2).get(1), TOPIC, "m", null, null, null, null, null)),
        qualifiedServices.sns().published(TOPIC));
    assertEquals(usualServices.sns().published(), qualifiedServices.sns().published());
    // AWS records the service and the action, not the ARN as written.
    assertEquals(
        "{\"resourceType\":\"sns\",\"resource\":\"publish\",\"region\":\"us-east-1\","
            + "\"parameters\":\"{\\\"TopicArn\\\":\\\""
            + TOPIC
            + "\\\",\\\"Message\\\":\\\"m\\\"}\"}",
        qualified.history().stream()
            .filter(e -> e.type().equals("TaskScheduled"))
            .findFirst()
            .orElseThrow()
            .details()
            .toString());
    assertEquals(
        usual.history().stream().map(Object::toString).toList(),
        qualified.history().stream().map(Object::toString).toList());
  }

  @Test
  void aFifoTopicRequiresAMessageGroupIdAndAnswersWithASequenceNumber() {
    AwsServices services = AwsServices.create(SEED);
    String fifo = TOPIC + ".fifo";
    Execution missing =
        runTask(
            "arn:aws:states:::sns:publish",
            "{'TopicArn':'" + fifo + "','Message':'m'}",
            services,
            "{}");
    Execution grouped =
        runTask(
            "arn:aws:states:::sns:publish",
            "{'TopicArn':'"
                + fifo
                + "','Message':'m','MessageGroupId':'g','MessageDeduplicationId':'d'}",
            services,
            "{}");

    assertEquals("SNS.InvalidParameterException", missing.error());
    assertEquals(
        sdkV1Cause(
            "Invalid parameter: The MessageGroupId parameter is required for FIFO topics",
            "AmazonSNS",
            400,
            "InvalidParameter"),
        missing.cause());
    assertEquals("10000000000000000001", grouped.output().get("SequenceNumber").asText());
    assertEquals(
        "352", grouped.output().at("/SdkHttpMetadata/HttpHeaders/Content-Length").asText());
  }

  @Test
  void aStrictSnsRefusesATopicThatWasNotCreated() {
    AwsServices services = AwsServices.create(SEED);
    services.sns().strict();
    Execution execution =
        runTask(
            "arn:aws:states:::sns:publish",
            "{'TopicArn':'" + TOPIC + "','Message':'m'}",
            services,
            "{}");

    assertEquals("SNS.NotFoundException", execution.error());
    assertEquals(
        sdkV1Cause("Topic does not exist", "AmazonSNS", 404, "NotFound"), execution.cause());
    assertEquals(TOPIC, services.sns().createTopic("orders"));
  }

  @Test
  void anEmptyMessageIsAnInvalidParameter() {
    Execution execution =
        runTask(
            "arn:aws:states:::sns:publish",
            "{'TopicArn':'" + TOPIC + "','Message':''}",
            AwsServices.create(SEED),
            "{}");

    assertEquals("SNS.InvalidParameterException", execution.error());
  }

  @Test
  void messageAttributesAreKeptForTheTestToInspect() {
    AwsServices services = AwsServices.create(SEED);
    runTask(
        "arn:aws:states:::sns:publish",
        "{'TopicArn':'"
            + TOPIC
            + "','Message':'m',"
            + "'MessageAttributes':{'kind':{'DataType':'String','StringValue':'order'}}}",
        services,
        "{}");

    assertEquals(
        json("{'kind':{'DataType':'String','StringValue':'order'}}"),
        services.sns().published(TOPIC).get(0).messageAttributes());
  }
}
