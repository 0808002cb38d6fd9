package io.asl4j.runtime.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asl4j.runtime.TaskContext;
import io.asl4j.runtime.services.internal.Aws;
import io.asl4j.runtime.services.internal.Ids;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * In-memory SQS queues, by URL. Serves {@code arn:aws:states:::sqs:sendMessage} (and so {@code
 * sqs:sendMessage.waitForTaskToken}): a {@code MessageBody} that is not a string is sent as its
 * JSON text; the response carries {@code MD5OfMessageBody} (the real MD5), {@code MessageId} and,
 * with attributes, {@code MD5OfMessageAttributes}. Queues are created on first use unless {@link
 * #strict()}.
 *
 * <p>A test plays the consumer: {@link #receive} takes the oldest message, {@link #poll} waits for
 * one (from another thread), {@link #messages} only looks.
 *
 * <pre>{@code
 * Sqs.Message request = services.sqs().receive(queueUrl).orElseThrow();
 * machine.sendTaskSuccess(request.bodyJson().get("TaskToken").asText(), approved);
 * }</pre>
 */
public final class Sqs {
  private final Ids ids;
  private final String region;
  private final String account;
  private final Map<String, Deque<Message>> queues = new LinkedHashMap<>();
  private final Map<String, List<Message>> sent = new LinkedHashMap<>();
  private final AtomicLong sequence = new AtomicLong();
  private boolean strict;

  /**
   * One message sent to a queue.
   *
   * @param messageAttributes the {@code MessageAttributes} parameter as sent, or {@code null}
   * @param messageGroupId for FIFO queues, else {@code null}
   */
  public record Message(
      String messageId,
      String body,
      String md5OfBody,
      JsonNode messageAttributes,
      String messageGroupId,
      String messageDeduplicationId) {
    /** The body parsed as JSON (a body that is not JSON comes back as a JSON string). */
    public JsonNode bodyJson() {
      return Aws.jsonOrText(body);
    }
  }

  Sqs(Ids ids, String region, String account) {
    this.ids = ids;
    this.region = region;
    this.account = account;
  }

  /**
   * Refuses queues not created with {@link #createQueue} ({@code SQS.QueueDoesNotExistException}).
   */
  public synchronized Sqs strict() {
    this.strict = true;
    return this;
  }

  /** Creates the queue {@code name} and returns its URL. */
  public synchronized String createQueue(String name) {
    String url = queueUrl(name);
    queues.computeIfAbsent(url, u -> new ArrayDeque<>());
    return url;
  }

  /**
   * The URL of the queue {@code name}: {@code https://sqs.<region>.amazonaws.com/<account>/<name>}.
   */
  public String queueUrl(String name) {
    return "https://sqs." + region + ".amazonaws.com/" + account + "/" + name;
  }

  /** The messages waiting in the queue (sent, not yet received), oldest first. */
  public synchronized List<Message> messages(String queueUrl) {
    Deque<Message> queue = queues.get(queueUrl);
    return queue == null ? List.of() : List.copyOf(queue);
  }

  /** Every message ever sent to the queue, received or not, oldest first. */
  public synchronized List<Message> sent(String queueUrl) {
    return List.copyOf(sent.getOrDefault(queueUrl, List.of()));
  }

  /** Takes the oldest waiting message off the queue, if any. */
  public synchronized Optional<Message> receive(String queueUrl) {
    Deque<Message> queue = queues.get(queueUrl);
    return Optional.ofNullable(queue == null ? null : queue.pollFirst());
  }

  /**
   * Takes the oldest waiting message off the queue, waiting up to {@code timeout} (real time) for
   * one to be sent: for a test consuming on its own thread while an execution runs on another.
   */
  public synchronized Optional<Message> poll(String queueUrl, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Optional<Message> message = receive(queueUrl);
      long left = deadline - System.nanoTime();
      if (message.isPresent() || left <= 0) {
        return message;
      }
      wait(Math.max(1, left / 1_000_000));
    }
  }

  synchronized JsonNode sendMessage(JsonNode input, TaskContext ctx) {
    String requestId = ids.uuid();
    String url = Aws.string(input, "QueueUrl");
    if (url == null) {
      throw missingParameter("QueueUrl", requestId);
    }
    String host = hostOf(url);
    if (host == null || (!host.contains(".") && !host.equals("localhost"))) {
      throw new io.asl4j.runtime.StatesError(
          "SQS.SdkClientException",
          "Unable to execute HTTP request: "
              + (host == null ? url : host)
              + ": Name or service not known");
    }
    if (strict && !queues.containsKey(url)) {
      throw Aws.v1Error(
          "SQS",
          "QueueDoesNotExistException",
          "The specified queue does not exist for this wsdl version.",
          "AmazonSQS",
          400,
          "AWS.SimpleQueueService.NonExistentQueue",
          requestId);
    }
    JsonNode bodyNode = input.get("MessageBody");
    String body = bodyNode == null || bodyNode.isNull() ? "" : Aws.text(bodyNode);
    if (body.isEmpty()) {
      throw missingParameter("MessageBody", requestId);
    }
    boolean fifo = url.endsWith(".fifo");
    String groupId = Aws.string(input, "MessageGroupId");
    if (fifo && groupId == null) {
      throw missingParameter("MessageGroupId", requestId);
    }
    JsonNode attributes = input.get("MessageAttributes");
    if (attributes != null && (attributes.isNull() || attributes.isEmpty())) {
      attributes = null;
    }
    Message message =
        new Message(
            ids.uuid(),
            body,
            Aws.md5Hex(body),
            attributes == null ? null : attributes.deepCopy(),
            groupId,
            Aws.string(input, "MessageDeduplicationId"));
    queues.computeIfAbsent(url, u -> new ArrayDeque<>()).addLast(message);
    sent.computeIfAbsent(url, u -> new ArrayList<>()).add(message);
    notifyAll();

    ObjectNode response = Aws.NODES.objectNode();
    if (attributes != null) {
      response.put("MD5OfMessageAttributes", md5OfAttributes(attributes));
    }
    response.put("MD5OfMessageBody", message.md5OfBody());
    response.put("MessageId", message.messageId());
    if (fifo) {
      response.put("SequenceNumber", String.format("1%019d", sequence.incrementAndGet()));
    }
    String responseBody = Aws.json(response);
    return Aws.withHttpMetadata(
        response,
        Aws.jsonHeaders(responseBody, "application/x-amz-json-1.0", ctx.now(), requestId),
        requestId);
  }

  private static String hostOf(String url) {
    try {
      return URI.create(url).getHost();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** SQS's MD5 of message attributes: over name, type and value of each, sorted by name. */
  static String md5OfAttributes(JsonNode attributes) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Map<String, JsonNode> sorted = new TreeMap<>();
    attributes.fields().forEachRemaining(e -> sorted.put(e.getKey(), e.getValue()));
    sorted.forEach(
        (name, attribute) -> {
          String dataType = Objects.toString(Aws.string(attribute, "DataType"), "String");
          writeString(bytes, name);
          writeString(bytes, dataType);
          if (dataType.startsWith("Binary")) {
            bytes.write(2);
            writeBytes(
                bytes,
                java.util.Base64.getDecoder()
                    .decode(Objects.toString(Aws.string(attribute, "BinaryValue"), "")));
          } else {
            bytes.write(1);
            writeString(bytes, Objects.toString(Aws.string(attribute, "StringValue"), ""));
          }
        });
    return Aws.md5Hex(bytes.toByteArray());
  }

  private static void writeString(ByteArrayOutputStream out, String text) {
    writeBytes(out, text.getBytes(StandardCharsets.UTF_8));
  }

  private static void writeBytes(ByteArrayOutputStream out, byte[] data) {
    int n = data.length;
    out.write(n >>> 24);
    out.write(n >>> 16);
    out.write(n >>> 8);
    out.write(n);
    out.write(data, 0, n);
  }

  /** SQS's answer to a request without {@code parameter} (or with it empty). */
  private static io.asl4j.runtime.StatesError missingParameter(String parameter, String requestId) {
    return Aws.v1Error(
        "SQS",
        "AmazonSQSException",
        "The request must contain the parameter " + parameter + ".",
        "AmazonSQS",
        400,
        "MissingParameter",
        requestId);
  }
}
