package io.asl4j.conformance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A case's Lambda function, reproduced from its {@code lambdas} entry: what the Python handler
 * answers, as the Lambda service hands it back to Step Functions.
 *
 * <pre>{@code
 * switch (mock.invoke(payload, requestId)) {
 *   case LambdaMock.Returned r -> ...       // r.payload(): the response text
 *   case LambdaMock.FunctionError e -> ...  // e.errorType(), e.causeForFunctionArn()
 *   case LambdaMock.Delayed d -> ...        // d.delay(), then d.then()
 * }
 * }</pre>
 *
 * @param name the function name
 * @param kind the handler's behaviour
 * @param arn the function ARN as the case names it; {@code null} when absent
 * @param code the handler's Python source; {@code null} when absent
 * @param value what a {@link Kind#CONSTANT} handler returns; {@code null} for other kinds
 * @param errorType the exception class a {@link Kind#RAISE} handler raises; {@code null} otherwise
 * @param errorMessage {@code str()} of that exception (empty when it has none); {@code null}
 *     otherwise
 * @param delay how long a {@link Kind#IDENTITY_AFTER_DELAY} handler sleeps; {@code null} otherwise
 */
public record LambdaMock(
    String name,
    Kind kind,
    String arn,
    String code,
    JsonNode value,
    String errorType,
    String errorMessage,
    Duration delay) {

  /** The handler behaviours the corpus uses. */
  public enum Kind {
    /** Returns the event. */
    IDENTITY,
    /** Returns {@code value}. */
    CONSTANT,
    /** Raises an exception: a Lambda function error. */
    RAISE,
    /** Sleeps {@code delay}, then returns the event. */
    IDENTITY_AFTER_DELAY,
    /** Returns Python bytes, which Lambda passes on as the raw response payload. */
    RETURNS_BYTES,
    /** Returns a string built with Python formatting ({@code repr} of the event). */
    PYTHON_FORMAT;

    /** The kind named {@code identity}, {@code raise}, ... in a case file. */
    public static Kind of(String name) {
      try {
        return valueOf(name.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("unknown lambda kind: " + name);
      }
    }
  }

  /** What one invocation gives back. */
  public sealed interface Invocation permits Returned, FunctionError, Delayed {}

  /**
   * A normal return: the response payload exactly as the Lambda service sends it.
   *
   * @param payload the payload text: the handler's value as {@code json.dumps} writes it, or raw
   *     bytes (which need not be JSON)
   */
  public record Returned(String payload) implements Invocation {
    public Returned {
      Objects.requireNonNull(payload, "payload");
    }

    /** The payload parsed as JSON; empty when it is not JSON. */
    public Optional<JsonNode> json() {
      try {
        return Optional.of(ConformanceCases.JSON.readTree(payload)).filter(n -> !n.isMissingNode());
      } catch (JsonProcessingException e) {
        return Optional.empty();
      }
    }

    /** The payload size in bytes: Lambda's {@code Content-Length}, Step Functions' size limit. */
    public int sizeInBytes() {
      return payload.getBytes(StandardCharsets.UTF_8).length;
    }
  }

  /**
   * A Lambda function error: the handler raised. The state's error is {@link #errorType()}; its
   * cause is the error payload, written differently by the two integration paths.
   *
   * @param errorType the exception class name
   * @param errorMessage {@code str()} of the exception
   * @param requestId the invocation's request id
   * @param stackTrace the traceback entries, {@code traceback.format_list} style
   */
  public record FunctionError(
      String errorType, String errorMessage, String requestId, List<String> stackTrace)
      implements Invocation {

    public FunctionError {
      stackTrace = List.copyOf(stackTrace);
    }

    /**
     * The error payload: {@code errorMessage}, {@code errorType}, {@code requestId}, {@code
     * stackTrace}.
     */
    public ObjectNode payload() {
      ObjectNode payload = ConformanceCases.JSON.createObjectNode();
      payload.put("errorMessage", errorMessage);
      payload.put("errorType", errorType);
      payload.put("requestId", requestId);
      stackTrace.forEach(payload.putArray("stackTrace")::add);
      return payload;
    }

    /**
     * The cause through a function-ARN {@code Resource}: the Python runtime's payload passed on as
     * is, {@code json.dumps} spacing ({@code ": "}, {@code ", "}).
     */
    public String causeForFunctionArn() {
      return PythonValues.jsonDumps(payload());
    }

    /**
     * The cause through {@code arn:aws:states:::lambda:invoke}: the same payload, rewritten as
     * compact JSON.
     */
    public String causeForInvokeIntegration() {
      try {
        return ConformanceCases.JSON.writeValueAsString(payload());
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /**
   * The handler sleeps before answering; a runtime applies its task timeout to {@code delay}.
   *
   * @param delay how long the handler runs
   * @param then what it answers after that
   */
  public record Delayed(Duration delay, Invocation then) implements Invocation {}

  public LambdaMock {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
  }

  /**
   * Reads one {@code lambdas} entry, checking it holds what its kind needs.
   *
   * @throws IllegalArgumentException when it does not
   */
  public static LambdaMock fromJson(String name, JsonNode entry) {
    if (entry == null || !entry.isObject()) {
      throw new IllegalArgumentException("lambda " + name + ": not an object");
    }
    Kind kind = Kind.of(entry.path("kind").asText());
    String arn = text(entry, "arn");
    String code = text(entry, "code");
    try {
      LambdaMock mock =
          switch (kind) {
            case IDENTITY, RETURNS_BYTES, PYTHON_FORMAT ->
                new LambdaMock(name, kind, arn, code, null, null, null, null);
            case CONSTANT -> {
              if (!entry.has("value")) {
                throw new IllegalArgumentException("no 'value'");
              }
              yield new LambdaMock(name, kind, arn, code, entry.get("value"), null, null, null);
            }
            case RAISE -> {
              HandlerSource.RaiseSite site = HandlerSource.parse(code).raiseSite();
              String type =
                  Optional.ofNullable(text(entry, "errorType")).orElse(site.exceptionClass());
              if (type.isEmpty()) {
                throw new IllegalArgumentException("no 'errorType'");
              }
              // An exception built without arguments has an empty str(), and no errorMessage here.
              String message = Optional.ofNullable(text(entry, "errorMessage")).orElse("");
              yield new LambdaMock(name, kind, arn, code, null, type, message, null);
            }
            case IDENTITY_AFTER_DELAY -> {
              JsonNode seconds = entry.get("delaySeconds");
              if (seconds == null || !seconds.isNumber() || seconds.doubleValue() < 0) {
                throw new IllegalArgumentException("no 'delaySeconds'");
              }
              Duration delay = Duration.ofMillis(Math.round(seconds.doubleValue() * 1000));
              yield new LambdaMock(name, kind, arn, code, null, null, null, delay);
            }
          };
      if (kind == Kind.RETURNS_BYTES || kind == Kind.PYTHON_FORMAT) {
        // Evaluate once now, so a handler outside the supported subset fails the load, not the run.
        mock.invoke(TextNode.valueOf(""), "");
      }
      return mock;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "lambda " + name + " (" + kind + "): " + e.getMessage(), e);
    }
  }

  /** Invokes the function with a fresh request id. */
  public Invocation invoke(JsonNode event) {
    return invoke(event, UUID.randomUUID().toString());
  }

  /**
   * Invokes the function.
   *
   * @param event the invocation payload, as Step Functions sends it
   * @param requestId the request id a function error reports
   */
  public Invocation invoke(JsonNode event, String requestId) {
    Objects.requireNonNull(event, "event");
    return switch (kind) {
      case IDENTITY -> new Returned(PythonValues.jsonDumps(event));
      case CONSTANT -> new Returned(PythonValues.jsonDumps(value));
      case IDENTITY_AFTER_DELAY -> new Delayed(delay, new Returned(PythonValues.jsonDumps(event)));
      case RETURNS_BYTES, PYTHON_FORMAT ->
          new Returned(marshal(HandlerSource.parse(code).evaluateReturn(event)));
      case RAISE -> {
        HandlerSource.RaiseSite site = HandlerSource.parse(code).raiseSite();
        String frame =
            "  File \"/var/task/handler.py\", line "
                + site.line()
                + ", in handler\n    "
                + site.source()
                + "\n";
        yield new FunctionError(errorType, errorMessage, requestId, List.of(frame));
      }
    };
  }

  // Lambda sends bytes as they are and json.dumps anything else.
  private static String marshal(Object value) {
    if (value instanceof byte[] bytes) {
      return new String(bytes, StandardCharsets.UTF_8);
    }
    if (value instanceof String text) {
      return PythonValues.jsonString(text);
    }
    if (value instanceof Long number) {
      return number.toString();
    }
    return PythonValues.jsonDumps((JsonNode) value);
  }

  private static String text(JsonNode entry, String field) {
    JsonNode value = entry.get(field);
    return value == null || !value.isTextual() ? null : value.textValue();
  }
}
