package io.asl4j.runtime.internal.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asl4j.runtime.HistoryEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The event history of one execution: the parent's, or a distributed Map child's. Events are
 * numbered from 1 in recording order; the loop's thread appends and any thread may read a copy.
 * The execution's end is its last event: once recorded ({@link #recordLast}, from any thread, as a
 * stop may come from anywhere), whatever a step still running tries to record is dropped.
 */
final class History {
  private final List<HistoryEvent> events;
  /** Whether the last event is recorded. Guarded by {@link #events}. */
  private boolean closed;

  /** {@code expected}: how many events to make room for (growing an ArrayList copies it). */
  History(int expected) {
    this.events = new ArrayList<>(expected);
  }

  /**
   * Records an event whose details are built only if the history is read; returns its id. After
   * the last event nothing is recorded, and the last event's id is returned.
   */
  long record(long previous, long nowMillis, String type, Supplier<ObjectNode> details) {
    synchronized (events) {
      if (closed) {
        return events.size();
      }
      long id = events.size() + 1;
      events.add(new HistoryEvent(id, previous, nowMillis, type, details));
      return id;
    }
  }

  /**
   * Records the execution's end, chained to {@code previous} or, when it is negative, to the event
   * recorded last; nothing is recorded after it.
   */
  void recordLast(long previous, long nowMillis, String type, Supplier<ObjectNode> details) {
    synchronized (events) {
      if (closed) {
        throw new IllegalStateException("the execution has ended already");
      }
      long id = events.size() + 1;
      events.add(new HistoryEvent(id, previous < 0 ? id - 1 : previous, nowMillis, type, details));
      closed = true;
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
