package io.asl4j.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;

/**
 * What the runtime's tests share: JSON from text, definitions written with single quotes, a start
 * time, and machines more than one test class runs.
 */
public final class TestJson {
  public static final ObjectMapper MAPPER = new ObjectMapper();

  /** The virtual clock's start in the tests that fix it. */
  public static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

  /** A Lambda function ARN for Task states. */
  public static final String FN = "arn:aws:lambda:us-east-1:123456789012:function:work";

  private TestJson() {}

  /** {@code text} parsed as JSON; a test's own text, so a mistake in it fails the test at once. */
  public static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** An ASL definition written with single quotes (easier to read in Java), with double quotes. */
  public static String asl(String text) {
    return text.replace('\'', '"');
  }

  /** A handler that takes {@code duration} on the execution's clock and answers with its input. */
  public static TaskHandler echoAfter(Duration duration) {
    return (input, ctx) -> {
      ctx.simulateDuration(duration);
      return input;
    };
  }

  /**
   * One Task that sends its token by SQS ({@code .waitForTaskToken}; the send answers {@code
   * {"MessageId":"m-1"}}) and waits for it, on the real clock: for callbacks and stops from other
   * threads.
   */
  public static LocalStateMachine sqsCallbackOnTheRealClock() {
    return LocalStateMachine.builder(
            asl(
                "{'StartAt':'Approve','States':{'Approve':{'Type':'Task',"
                    + "'Resource':'arn:aws:states:::sqs:sendMessage.waitForTaskToken',"
                    + "'Parameters':{'MessageBody':{'token.$':'$$.Task.Token'}},'End':true}}}"))
        .handler(
            "arn:aws:states:::sqs:sendMessage", (input, ctx) -> json("{\"MessageId\":\"m-1\"}"))
        .realClock()
        .build();
  }
}
