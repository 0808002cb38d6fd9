package io.asl4j.runtime;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * One event of an execution's history, shaped like AWS's {@code GetExecutionHistory} events.
 *
 * <p>The runtime records events while an execution runs and builds their details only when they
 * are read, so recording history costs little.
 */
public final class HistoryEvent {
  private final long id;
  private final long previousEventId;
  private final long timestampMillis;
  private final String type;
  private final Supplier<ObjectNode> details;

  /** An event whose details are {@code details} (null for none). */
  public HistoryEvent(long id, long previousEventId, Instant timestamp, String type, ObjectNode details) {
    this(id, previousEventId, timestamp.toEpochMilli(), type, details == null ? null : () -> details);
  }

  /** An event whose details are built when first read (for the runtime's own recording). */
  public HistoryEvent(long id, long previousEventId, long timestampMillis, String type, Supplier<ObjectNode> details) {
    this.id = id;
    this.previousEventId = previousEventId;
    this.timestampMillis = timestampMillis;
    this.type = type;
    this.details = details;
  }

  public long id() {
    return id;
  }

  public long previousEventId() {
    return previousEventId;
  }

  public Instant timestamp() {
    return Instant.ofEpochMilli(timestampMillis);
  }

  public String type() {
    return type;
  }

  /**
   * The {@code <type>EventDetails} object, or {@code null} when the event has none. Inputs and
   * outputs are JSON text, as AWS records them.
   */
  public ObjectNode details() {
    if (details == null) {
      return null;
    }
    ObjectNode rendered = details.get().deepCopy();
    rendered.fields().forEachRemaining(field -> render(field));
    return rendered;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HistoryEvent e && e.toJson().equals(toJson());
  }

  @Override
  public int hashCode() {
    return toJson().hashCode();
  }

  @Override
  public String toString() {
    return toJson().toString();
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
    if (details == null || !type.contains("State")) {
      return null;
    }
    ObjectNode d = details.get();
    return d.has("name") ? d.get("name").asText() : null;
  }

  /** This event as AWS's JSON. */
  public ObjectNode toJson() {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("id", id);
    json.put("previousEventId", previousEventId);
    json.put("timestamp", timestamp().toString());
    json.put("type", type);
    ObjectNode rendered = details();
    if (rendered != null) {
      json.set(detailsField(), rendered);
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
