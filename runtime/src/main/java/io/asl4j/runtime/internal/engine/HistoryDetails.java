package io.asl4j.runtime.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asl4j.runtime.HistoryEvent;
import java.util.function.Function;

/** Values as history events' details show them. */
final class HistoryDetails {
  private HistoryDetails() {}

  /** {@code {"truncated": false}}: shared, since history details are copied when read. */
  private static final ObjectNode NOT_TRUNCATED =
      ExecutionRun.NODES.objectNode().put("truncated", false);

  static ObjectNode notTruncated() {
    return NOT_TRUNCATED;
  }

  static String text(JsonNode value) {
    return value == null ? "null" : value.toString();
  }

  /**
   * {@code value} as a history event shows it: its text by {@code texts}, or deferred when null.
   */
  static JsonNode shown(JsonNode value, Function<JsonNode, String> texts) {
    return texts == null ? deferredText(value) : ExecutionRun.NODES.textNode(texts.apply(value));
  }

  /** A value recorded in a history event as JSON text, written only if the history is read. */
  static JsonNode deferredText(JsonNode value) {
    return ExecutionRun.NODES.pojoNode(new HistoryEvent.DeferredText(value));
  }

  /** {@code {"error": ..., "cause": ...}} of a failure event, each field only when given. */
  static ObjectNode errorAndCause(String error, String cause) {
    return putErrorAndCause(ExecutionRun.NODES.objectNode(), error, cause);
  }

  /** Adds {@code error} and {@code cause} to {@code details}, each only when given. */
  static ObjectNode putErrorAndCause(ObjectNode details, String error, String cause) {
    if (error != null) {
      details.put("error", error);
    }
    if (cause != null) {
      details.put("cause", cause);
    }
    return details;
  }
}
