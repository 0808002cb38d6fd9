package io.asl4j.runtime;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * One event of an execution's history, shaped like AWS's {@code GetExecutionHistory} events.
 *
 * @param details the {@code <type>EventDetails} object; inputs and outputs in it are JSON text,
 *     as AWS records them
 */
public record HistoryEvent(
    long id, long previousEventId, Instant timestamp, String type, ObjectNode details) {

  /**
   * The {@code <type>EventDetails} object. Inputs and outputs are JSON text, as AWS records them;
   * the runtime writes that text only when the history is read, not while the execution runs.
   */
  @Override
  public ObjectNode details() {
    if (details == null) {
      return null;
    }
    ObjectNode rendered = details.deepCopy();
    rendered.fields().forEachRemaining(field -> render(field));
    return rendered;
  }

  private static void render(java.util.Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> field) {
    com.fasterxml.jackson.databind.JsonNode value = field.getValue();
    if (value instanceof com.fasterxml.jackson.databind.node.POJONode pojo && pojo.getPojo() instanceof DeferredText text) {
      field.setValue(com.fasterxml.jackson.databind.node.TextNode.valueOf(text.render()));
    } else if (value.isObject()) {
      value.fields().forEachRemaining(HistoryEvent::render);
    }
  }

  /** A value whose JSON text a history event shows, written only when the event is read. */
  public record DeferredText(com.fasterxml.jackson.databind.JsonNode value) {
    String render() {
      return value == null ? "null" : value.toString();
    }
  }

  /** The name of the details field, e.g. {@code stateEnteredEventDetails}. */
  public String detailsField() {
    return detailsFieldOf(type);
  }

  /** The state name of a state event, else {@code null}. */
  public String stateName() {
    return details != null && details.has("name") && type.contains("State")
        ? details.get("name").asText()
        : null;
  }

  /** This event as AWS's JSON. */
  public ObjectNode toJson() {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("id", id);
    json.put("previousEventId", previousEventId);
    json.put("timestamp", timestamp.toString());
    json.put("type", type);
    if (details != null) {
      json.set(detailsField(), details());
    }
    return json;
  }

  static String detailsFieldOf(String type) {
    String field;
    if (type.endsWith("StateEntered")) {
      field = "stateEntered";
    } else if (type.endsWith("StateExited")) {
      field = "stateExited";
    } else {
      field = Character.toLowerCase(type.charAt(0)) + type.substring(1);
    }
    return field + "EventDetails";
  }
}
