package io.asl4j.runtime.internal.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asl4j.runtime.HistoryEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The event history of one execution: the parent's, or a distributed Map child's. Events are
 * numbered from 1 in recording order; the loop's thread appends and any thread may read a copy.
 */
final class History {
  private final List<HistoryEvent> events;

  /** {@code expected}: how many events to make room for (growing an ArrayList copies it). */
  History(int expected) {
    this.events = new ArrayList<>(expected);
  }

  /** Records an event whose details are built only if the history is read; returns its id. */
  long record(long previous, long nowMillis, String type, Supplier<ObjectNode> details) {
    synchronized (events) {
      long id = events.size() + 1;
      events.add(new HistoryEvent(id, previous, nowMillis, type, details));
      return id;
    }
  }

  /** The id of the last event, 0 when there is none. */
  long lastId() {
    synchronized (events) {
      return events.size();
    }
  }

  List<HistoryEvent> snapshot() {
    synchronized (events) {
      return List.copyOf(events);
    }
  }
}
