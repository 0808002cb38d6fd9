package io.asl4j.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.asl4j.runtime.internal.engine.DelegatingFields;
import io.asl4j.runtime.internal.engine.JsonText;
import io.asl4j.runtime.internal.engine.ReadOnlyNodes;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One event of an execution's history, shaped like AWS's {@code GetExecutionHistory} events.
 *
 * <p>The runtime records events while an execution runs and builds their details only when they are
 * read, so recording history costs little. The events of an execution's history share the JSON text
 * of the values they show, kept with the execution once first read: a state's output is the next
 * state's input, and an echoing Task's input is its output, so each value is written once. {@link
 * #details()} is read-only, built once per event when first looked into and kept with the
 * execution, so every read shares it; {@code toJson()} is the caller's own, changeable tree, and
 * its {@code toString()} writes the event's text straight from what was recorded, without building
 * the details, unless the node was looked into first.
 */
public final class HistoryEvent {
  private final long id;
  private final long previousEventId;
  private final long timestampMillis;
  private final String type;
  private final Supplier<ObjectNode> details;

  /** Writes the JSON text of a value the details show (shared by the events of one read). */
  private final Function<JsonNode, String> texts;

  /** {@link #details()} once asked for: read-only, shared by every read of this event. */
  private volatile ObjectNode shown;

  private static final VarHandle SHOWN;

  static {
    try {
      SHOWN = MethodHandles.lookup().findVarHandle(HistoryEvent.class, "shown", ObjectNode.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** An event whose details are {@code details} (null for none). */
  public HistoryEvent(
      long id, long previousEventId, Instant timestamp, String type, ObjectNode details) {
    this(
        id,
        previousEventId,
        timestamp.toEpochMilli(),
        type,
        details == null ? null : () -> details);
  }

  /** An event whose details are built when first read (for the runtime's own recording). */
  public HistoryEvent(
      long id,
      long previousEventId,
      long timestampMillis,
      String type,
      Supplier<ObjectNode> details) {
    this(id, previousEventId, timestampMillis, type, details, JsonText::of);
  }

  /**
   * An event whose details are built when first read, the values they show written as JSON text by
   * {@code texts} (which the events of one history read share, so a value shown by several events
   * is written once; values are never changed once recorded).
   */
  public HistoryEvent(
      long id,
      long previousEventId,
      long timestampMillis,
      String type,
      Supplier<ObjectNode> details,
      Function<JsonNode, String> texts) {
    this.id = id;
    this.previousEventId = previousEventId;
    this.timestampMillis = timestampMillis;
    this.type = type;
    this.details = details;
    this.texts = texts;
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
   *
   * <p>Read-only and shared: the same object for every call and every later read of the same
   * execution's history, built when first looked into. Any method that would change it (or an
   * object or array inside it) throws {@link UnsupportedOperationException}, so no reader can
   * change what the next one sees; {@code details().deepCopy()} gives a copy of one's own to
   * change.
   */
  public ObjectNode details() {
    if (details == null) {
      return null;
    }
    ObjectNode d = shown;
    if (d == null) { // one compare-and-set, not a lock: most events' details are asked for once
      d = ReadOnlyNodes.builtOnUse(this::builtDetails);
      if (!SHOWN.compareAndSet(this, null, d)) {
        d = shown;
      }
    }
    return d;
  }

  /**
   * The details as {@link #details()} shows them, built anew (changeable; objects inside copied).
   */
  private ObjectNode builtDetails() {
    if (details instanceof RenderedDetails ready) {
      return ready.rendered(texts);
    }
    ObjectNode source = details.get();
    return details instanceof FreshDetails ? renderedInPlace(source) : rendered(source);
  }

  /**
   * Details whose top object is built anew on each call (objects inside it may be shared), so
   * {@link #details()} need not copy it: what the runtime records for a state's entered and exited
   * events, most of a history.
   */
  public interface FreshDetails extends Supplier<ObjectNode> {}

  /**
   * Fresh details that can also be built with their values already written as JSON text, by the
   * read's {@code texts}: {@link #details()} then neither defers nor replaces anything. {@code
   * get()} gives the same details with values deferred (for writing an event's JSON text).
   */
  public interface RenderedDetails extends FreshDetails {
    /** The details, built anew, every value shown as its JSON text by {@code texts}. */
    ObjectNode rendered(Function<JsonNode, String> texts);
  }

  /**
   * {@code fresh} with every deferred value replaced by its JSON text, objects inside it copied.
   */
  private ObjectNode renderedInPlace(ObjectNode fresh) {
    for (Iterator<Map.Entry<String, JsonNode>> it = fresh.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      JsonNode value = field.getValue();
      if (value instanceof POJONode pojo && pojo.getPojo() instanceof DeferredText text) {
        field.setValue(TextNode.valueOf(texts.apply(text.value())));
      } else if (value instanceof ObjectNode object) {
        field.setValue(rendered(object));
      } else if (value instanceof ArrayNode array) {
        field.setValue(array.deepCopy());
      }
    }
    return fresh;
  }

  /**
   * A copy of {@code source} with every deferred value written as its JSON text: objects are copied
   * (the details a supplier gives may be shared), arrays deep-copied, other values immutable.
   */
  private ObjectNode rendered(ObjectNode source) {
    ObjectNode copy = JsonNodeFactory.instance.objectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = source.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      JsonNode value = field.getValue();
      if (value instanceof POJONode pojo && pojo.getPojo() instanceof DeferredText text) {
        value = TextNode.valueOf(texts.apply(text.value()));
      } else if (value instanceof ObjectNode object) {
        value = rendered(object);
      } else if (value instanceof ArrayNode array) {
        value = array.deepCopy();
      }
      copy.set(field.getKey(), value);
    }
    return copy;
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

  /** A value whose JSON text a history event shows, written only when the event is read. */
  public record DeferredText(JsonNode value) {}

  /** The name of the details field, e.g. {@code stateEnteredEventDetails}. */
  public String detailsField() {
    return DETAILS_FIELDS.computeIfAbsent(type, HistoryEvent::detailsFieldOf);
  }

  /** Details field per event type: a few dozen types, asked for at every event written. */
  private static final Map<String, String> DETAILS_FIELDS = new ConcurrentHashMap<>();

  /** The state name of a state event, else {@code null}. */
  public String stateName() {
    if (details == null || !type.contains("State")) {
      return null;
    }
    JsonNode name = details().get("name");
    return name != null ? name.asText() : null;
  }

  /**
   * This event as AWS's JSON. The node is built when first looked into; its {@code toString()}
   * before that writes the event's text straight from what was recorded (the same text).
   */
  public ObjectNode toJson() {
    return new EventJson(this);
  }

  /** This event's JSON built as a tree. */
  private Map<String, JsonNode> jsonFields() {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("id", id);
    json.put("previousEventId", previousEventId);
    json.put("timestamp", timestampText(timestampMillis));
    json.put("type", type);
    ObjectNode shared = details();
    if (shared != null) {
      json.set(detailsField(), shared.deepCopy()); // the caller's own tree, as the rest of it
    }
    LinkedHashMap<String, JsonNode> fields = new LinkedHashMap<>();
    json.fields().forEachRemaining(f -> fields.put(f.getKey(), f.getValue()));
    return fields;
  }

  /** This event's JSON text, written from its recorded details without building them. */
  private String jsonText() {
    JsonText.Cache cache = texts instanceof JsonText.Cache c ? c : null;
    StringBuilder out = new StringBuilder(512);
    out.append("{\"id\":")
        .append(id)
        .append(",\"previousEventId\":")
        .append(previousEventId)
        .append(",\"timestamp\":\"")
        .append(timestampText(timestampMillis))
        .append("\",\"type\":");
    JsonText.quote(type, out);
    if (details != null) {
      out.append(',');
      JsonText.quote(detailsField(), out);
      out.append(':');
      if (cache != null && details instanceof JsonText.Writable writable) {
        writable.writeTo(out, cache);
      } else {
        writeDetails(details.get(), out, cache);
      }
    }
    return out.append('}').toString();
  }

  /** Appends {@code source} as {@link #details()} would show it, deferred values as their text. */
  private void writeDetails(ObjectNode source, StringBuilder out, JsonText.Cache cache) {
    out.append('{');
    boolean first = true;
    for (Iterator<Map.Entry<String, JsonNode>> it = source.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      if (!first) {
        out.append(',');
      }
      first = false;
      JsonText.quote(field.getKey(), out);
      out.append(':');
      JsonNode value = field.getValue();
      if (value instanceof POJONode pojo && pojo.getPojo() instanceof DeferredText text) {
        if (cache != null) {
          out.append(cache.quoted(text.value()));
        } else {
          JsonText.quote(texts.apply(text.value()), out);
        }
      } else if (value instanceof ObjectNode object) {
        writeDetails(object, out, cache);
      } else {
        JsonText.write(value, out);
      }
    }
    out.append('}');
  }

  /** The last timestamp written: the events of an execution mostly share their millisecond. */
  private static volatile Stamp lastStamp = new Stamp(0, Instant.EPOCH.toString());

  private record Stamp(long millis, String text) {}

  /**
   * {@code Instant.ofEpochMilli(millis).toString()}, remembered for the next event at the same
   * time.
   */
  private static String timestampText(long millis) {
    Stamp last = lastStamp;
    if (last.millis() != millis) {
      last = new Stamp(millis, Instant.ofEpochMilli(millis).toString());
      lastStamp = last;
    }
    return last.text();
  }

  /**
   * An event's JSON as {@link #toJson()} gives it: an {@code ObjectNode} like any other, whose
   * fields are built when first looked into or changed (every method of {@code ObjectNode} goes
   * through its field map), and whose {@code toString()} writes the same text as Jackson's: from
   * the recorded event while the fields are unbuilt, else from the fields.
   */
  private static final class EventJson extends ObjectNode {
    private static final long serialVersionUID = 1L;
    private final transient HistoryEvent event;

    EventJson(HistoryEvent event) {
      super(JsonNodeFactory.instance, new BuiltOnUse(event));
      this.event = event;
    }

    @Override
    public String toString() {
      if (!((BuiltOnUse) _children).built()) {
        return event.jsonText();
      }
      return JsonText.of(this, event.texts instanceof JsonText.Cache cache ? cache : null);
    }
  }

  /** An event's JSON fields, built on first use of any kind. */
  private static final class BuiltOnUse extends DelegatingFields {
    private HistoryEvent event;
    private Map<String, JsonNode> fields;

    BuiltOnUse(HistoryEvent event) {
      this.event = event;
    }

    boolean built() {
      return fields != null;
    }

    @Override
    protected Map<String, JsonNode> fields() {
      if (fields == null) {
        fields = event.jsonFields();
        event = null;
      }
      return fields;
    }
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
