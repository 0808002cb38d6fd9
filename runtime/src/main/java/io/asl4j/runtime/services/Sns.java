package io.asl4j.runtime.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asl4j.runtime.TaskContext;
import io.asl4j.runtime.services.internal.Aws;
import io.asl4j.runtime.services.internal.Ids;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * In-memory SNS topics, by ARN. Serves {@code arn:aws:states:::sns:publish} (and {@code
 * .waitForTaskToken}): a {@code Message} that is not a string is published as its JSON text; the
 * response carries {@code MessageId}, and {@code SequenceNumber} for FIFO topics (names ending in
 * {@code .fifo}, which require {@code MessageGroupId}). Topics are created on first use unless
 * {@link #strict()}, when an unknown topic is {@code SNS.NotFoundException}.
 *
 * <pre>{@code
 * services.sns().published("arn:aws:sns:us-east-1:123456789012:orders").get(0).message();
 * }</pre>
 */
public final class Sns {
  private final Ids ids;
  private final String region;
  private final String account;
  private final Map<String, List<Message>> topics = new LinkedHashMap<>();
  private final Map<String, Long> sequences = new LinkedHashMap<>();
  private final List<Message> order = new ArrayList<>();
  private boolean strict;

  /**
   * One published message.
   *
   * @param target the {@code TopicArn}, {@code TargetArn} or {@code PhoneNumber} it went to
   * @param messageAttributes the {@code MessageAttributes} parameter as sent, or {@code null}
   * @param sequenceNumber for FIFO topics, else {@code null}
   */
  public record Message(
      String messageId,
      String target,
      String message,
      String subject,
      JsonNode messageAttributes,
      String messageGroupId,
      String messageDeduplicationId,
      String sequenceNumber) {
    /** The message parsed as JSON (a message that is not JSON comes back as a JSON string). */
    public JsonNode messageJson() {
      return Aws.jsonOrText(message);
    }
  }

  Sns(Ids ids, String region, String account) {
    this.ids = ids;
    this.region = region;
    this.account = account;
  }

  /** Refuses topics not created with {@link #createTopic}. */
  public synchronized Sns strict() {
    this.strict = true;
    return this;
  }

  /** Creates the topic {@code name} and returns its ARN. */
  public synchronized String createTopic(String name) {
    String arn = topicArn(name);
    topics.computeIfAbsent(arn, a -> new ArrayList<>());
    return arn;
  }

  /** The ARN of the topic {@code name}: {@code arn:aws:sns:<region>:<account>:<name>}. */
  public String topicArn(String name) {
    return "arn:aws:sns:" + region + ":" + account + ":" + name;
  }

  /**
   * The messages published to {@code target} (a topic ARN, target ARN or phone number), in order.
   */
  public synchronized List<Message> published(String target) {
    return List.copyOf(topics.getOrDefault(target, List.of()));
  }

  /** Every message published, to any target, in order. */
  public synchronized List<Message> published() {
    return List.copyOf(order);
  }

  synchronized JsonNode publish(JsonNode input, TaskContext ctx) {
    String requestId = ids.uuid();
    String target = Aws.string(input, "TopicArn");
    if (target == null) {
      target = Aws.string(input, "TargetArn");
    }
    if (target == null) {
      target = Aws.string(input, "PhoneNumber");
    }
    if (target == null) {
      throw invalid(
          "Invalid parameter: TopicArn or TargetArn Reason: no value for required parameter",
          requestId);
    }
    boolean phone = target.startsWith("+");
    if (strict && !phone && !topics.containsKey(target)) {
      throw Aws.v1Error(
          "SNS",
          "NotFoundException",
          "Topic does not exist",
          "AmazonSNS",
          404,
          "NotFound",
          requestId);
    }
    JsonNode messageNode = input.get("Message");
    if (messageNode == null || messageNode.isNull()) {
      throw invalid(
          "Invalid parameter: Message Reason: no value for required parameter", requestId);
    }
    String text = Aws.text(messageNode);
    if (text.isEmpty()) {
      throw invalid("Invalid parameter: Empty message", requestId);
    }
    boolean fifo = target.endsWith(".fifo");
    String groupId = Aws.string(input, "MessageGroupId");
    if (fifo && groupId == null) {
      throw invalid(
          "Invalid parameter: The MessageGroupId parameter is required for FIFO topics", requestId);
    }
    String sequenceNumber = null;
    if (fifo) {
      long n = sequences.merge(target, 1L, Long::sum);
      sequenceNumber = String.format("1%019d", n);
    }
    JsonNode attributes = input.get("MessageAttributes");
    Message message =
        new Message(
            ids.uuid(),
            target,
            text,
            Aws.string(input, "Subject"),
            attributes == null || attributes.isNull() ? null : attributes.deepCopy(),
            groupId,
            Aws.string(input, "MessageDeduplicationId"),
            sequenceNumber);
    topics.computeIfAbsent(target, t -> new ArrayList<>()).add(message);
    order.add(message);

    ObjectNode response = Aws.NODES.objectNode();
    response.put("MessageId", message.messageId());
    if (sequenceNumber != null) {
      response.put("SequenceNumber", sequenceNumber);
    }
    String body =
        "<PublishResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\">\n"
            + "  <PublishResult>\n"
            + (sequenceNumber == null
                ? ""
                : "    <SequenceNumber>" + sequenceNumber + "</SequenceNumber>\n")
            + "    <MessageId>"
            + message.messageId()
            + "</MessageId>\n"
            + "  </PublishResult>\n"
            + "  <ResponseMetadata>\n"
            + "    <RequestId>"
            + requestId
            + "</RequestId>\n"
            + "  </ResponseMetadata>\n"
            + "</PublishResponse>\n";
    return Aws.withHttpMetadata(
        response, Aws.jsonHeaders(body, "text/xml", ctx.now(), requestId), requestId);
  }

  private static io.asl4j.runtime.StatesError invalid(String message, String requestId) {
    return Aws.v1Error(
        "SNS",
        "InvalidParameterException",
        message,
        "AmazonSNS",
        400,
        "InvalidParameter",
        requestId);
  }
}
