package io.asl4j.runtime.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asl4j.runtime.StatesError;
import io.asl4j.runtime.TaskContext;
import io.asl4j.runtime.services.internal.Aws;
import io.asl4j.runtime.services.internal.Ids;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An in-memory EventBridge that records the events put on any bus. Serves {@code
 * arn:aws:states:::events:putEvents} (and {@code .waitForTaskToken}): answers {@code {"Entries":
 * [{"EventId": ...}], "FailedEntryCount": 0}}; an entry without {@code Source} or {@code
 * DetailType}, or whose {@code Detail} is a string that is not a JSON object, fails — and as on AWS
 * the task then fails with {@code EventBridge.FailedEntry}, the response as its cause.
 *
 * <pre>{@code
 * EventBridge.Event event = services.eventBridge().events().get(0);
 * event.detail().get("orderId");
 * }</pre>
 */
public final class EventBridge {
  private final Ids ids;
  private final List<Event> events = new ArrayList<>();

  /**
   * One event put on a bus.
   *
   * @param detail the {@code Detail}, parsed
   * @param eventBusName {@code default} unless the entry named one
   * @param time the entry's {@code Time}, or when it was put
   */
  public record Event(
      String eventId,
      String eventBusName,
      String source,
      String detailType,
      JsonNode detail,
      JsonNode resources,
      Instant time) {}

  EventBridge(Ids ids) {
    this.ids = ids;
  }

  /** Every event put, in order. */
  public synchronized List<Event> events() {
    return List.copyOf(events);
  }

  /** The events put on the bus {@code eventBusName} (a name or ARN as the entries gave it). */
  public synchronized List<Event> events(String eventBusName) {
    return events.stream().filter(e -> e.eventBusName().equals(eventBusName)).toList();
  }

  synchronized JsonNode putEvents(JsonNode input, TaskContext ctx) {
    JsonNode entries = input.get("Entries");
    if (entries == null || !entries.isArray() || entries.isEmpty()) {
      throw Aws.v1Error(
          "EventBridge",
          "AmazonEventBridgeException",
          "1 validation error detected: Value null at 'entries' failed to satisfy constraint: Member must not be null",
          "AmazonEventBridge",
          400,
          "ValidationException",
          ids.uuid());
    }
    ObjectNode response = Aws.NODES.objectNode();
    ArrayNode results = response.putArray("Entries");
    int failed = 0;
    List<Event> accepted = new ArrayList<>();
    for (JsonNode entry : entries) {
      String problem = null;
      String code = "InvalidArgument";
      JsonNode detail = entry.get("Detail");
      JsonNode parsedDetail = null;
      if (Aws.string(entry, "Source") == null) {
        problem = "Parameter Source is not valid. Reason: Source is a required argument.";
      } else if (Aws.string(entry, "DetailType") == null) {
        problem = "Parameter DetailType is not valid. Reason: DetailType is a required argument.";
      } else if (detail == null || detail.isNull()) {
        problem = "Parameter Detail is not valid. Reason: Detail is a required argument.";
      } else {
        parsedDetail = detail.isTextual() ? Aws.parseOrNull(detail.textValue()) : detail;
        if (parsedDetail == null || !parsedDetail.isObject()) {
          code = "MalformedDetail";
          problem = "Detail is malformed.";
        }
      }
      ObjectNode result = results.addObject();
      if (problem != null) {
        result.put("ErrorCode", code);
        result.put("ErrorMessage", problem);
        failed++;
        continue;
      }
      String eventId = ids.uuid();
      result.put("EventId", eventId);
      String bus = Aws.string(entry, "EventBusName");
      JsonNode time = entry.get("Time");
      Instant at = ctx.now();
      if (time != null && time.isTextual()) {
        try {
          at = Instant.parse(time.textValue());
        } catch (java.time.format.DateTimeParseException e) {
          // EventBridge uses the time of the call when Time is not a timestamp.
        }
      }
      accepted.add(
          new Event(
              eventId,
              bus == null ? "default" : bus,
              Aws.string(entry, "Source"),
              Aws.string(entry, "DetailType"),
              parsedDetail.deepCopy(),
              entry.has("Resources") ? entry.get("Resources").deepCopy() : Aws.NODES.arrayNode(),
              at));
    }
    response.put("FailedEntryCount", failed);
    events.addAll(accepted);
    if (failed > 0) {
      throw new StatesError("EventBridge.FailedEntry", Aws.json(response));
    }
    return response;
  }
}
