package io.asl4j.runtime.internal.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asl4j.runtime.HistoryEvent;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/**
 * The events of one execution. Only the thread running the execution's loop appends (one thread
 * at a time: {@code Execution} holds a lock around the loop), and any thread may read, so an
 * append takes no lock: the event is stored, then the count is published with release semantics,
 * and a reader that acquires the count sees every event below it. A lock per event cost more than
 * the rest of recording it.
 */
final class HistoryLog {
  private static final VarHandle COUNT;
  private static final VarHandle EVENTS;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      COUNT = lookup.findVarHandle(HistoryLog.class, "count", int.class);
      EVENTS = lookup.findVarHandle(HistoryLog.class, "events", HistoryEvent[].class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** Presized: small executions record ~20 events (order-processing 29, pass-chain-10 22). */
  private HistoryEvent[] events = new HistoryEvent[32];
  private int count;

  /** Appends an event (loop thread only); returns its id. */
  long append(long previous, long timestampMillis, String type, Supplier<ObjectNode> details) {
    int n = count;
    HistoryEvent[] array = events;
    if (n == array.length) {
      // A reader holding the old array still finds every event it counted in it.
      array = Arrays.copyOf(array, n * 2);
      EVENTS.setRelease(this, array);
    }
    array[n] = new HistoryEvent(n + 1, previous, timestampMillis, type, details);
    COUNT.setRelease(this, n + 1);
    return n + 1;
  }

  /** The number of events recorded (any thread). */
  int size() {
    return (int) COUNT.getAcquire(this);
  }

  /** The events recorded so far (any thread). */
  List<HistoryEvent> snapshot() {
    int n = (int) COUNT.getAcquire(this);
    HistoryEvent[] array = (HistoryEvent[]) EVENTS.getAcquire(this);
    return Collections.unmodifiableList(Arrays.asList(Arrays.copyOf(array, n)));
  }
}
