package io.asl4j.dsl.builder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A JSON object for {@code Parameters}, {@code ResultSelector}, {@code ItemSelector}, {@code
 * Arguments}, {@code Output} or {@code Assign}, built field by field. Immutable: every {@code put}
 * returns a new payload. An {@link Expression} value is written under {@code key.$}, so the {@code
 * .$} suffix is handled for you.
 *
 * <pre>{@code
 * Payload.object()
 *     .put("FunctionName", "SendApprovalEmail")
 *     .put("Payload", Payload.object()
 *         .put("taskToken", JsonPaths.TASK_TOKEN)
 *         .put("orderId", JsonPaths.input().string("orderId")))
 * // {"FunctionName": "SendApprovalEmail",
 * //  "Payload": {"taskToken.$": "$$.Task.Token", "orderId.$": "$.orderId"}}
 * }</pre>
 */
public final class Payload extends WrappedValue {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final ObjectNode node;

  private Payload(ObjectNode node) {
    this.node = node;
  }

  /** An empty object. */
  public static Payload object() {
    return new Payload(NODES.objectNode());
  }

  /** A payload holding a copy of {@code json}. */
  public static Payload of(ObjectNode json) {
    return new Payload(Objects.requireNonNull(json, "json == null").deepCopy());
  }

  public Payload put(String key, String value) {
    return with(key, NODES.textNode(value));
  }

  public Payload put(String key, long value) {
    return with(key, JsonNumbers.of(value));
  }

  /**
   * @throws IllegalArgumentException when {@code value} is NaN or infinite, which JSON cannot hold
   */
  public Payload put(String key, double value) {
    return with(key, JsonNumbers.of(value));
  }

  public Payload put(String key, BigDecimal value) {
    return with(key, JsonNumbers.of(value));
  }

  public Payload put(String key, boolean value) {
    return with(key, NODES.booleanNode(value));
  }

  /** {@code "key": null}. */
  public Payload putNull(String key) {
    return with(key, NODES.nullNode());
  }

  public Payload put(String key, JsonNode value) {
    return with(key, Objects.requireNonNull(value, "value == null").deepCopy());
  }

  public Payload put(String key, Payload value) {
    return with(key, Objects.requireNonNull(value, "value == null").toJson());
  }

  /** {@code "key.$": "<expression>"}: the value is computed at run time. */
  public Payload put(String key, Expression value) {
    Objects.requireNonNull(value, "value == null");
    return with(key + ".$", NODES.textNode(value.asl()));
  }

  /** A copy of the object. */
  public ObjectNode toJson() {
    return node.deepCopy();
  }

  private Payload with(String key, JsonNode value) {
    Objects.requireNonNull(key, "key == null");
    ObjectNode copy = node.deepCopy();
    copy.set(key, value);
    return new Payload(copy);
  }

  @Override
  Object wrapped() {
    return node;
  }
}
