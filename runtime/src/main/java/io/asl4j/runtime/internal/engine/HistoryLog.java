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
 * The events of one execution, in columns: no object per event until the history is read, and a
 * state's entered and exited events point at the state's {@link ExecutionRun.Step} instead of a
 * closure each (the step builds their details when they are read).
 *
 * <p>Only the thread running the execution's loop appends (one thread at a time: {@code
 * Execution} holds a lock around the loop), and any thread may read, so an append takes no lock:
 * the event is stored, then the count is published with release semantics, and a reader that
 * acquires the count sees every event below it. A lock per event cost more than the rest of
 * recording it.
 */
final class HistoryLog {
  /** How an event's details are made: by a supplier, or by the step it names. */
  static final byte SUPPLIED = 0;
  static final byte STATE_ENTERED = 1;
  static final byte STATE_EXITED = 2;

  /** Room for most executions (order-processing records 29 events, pass-chain-10 22). */
  private static final int INITIAL_CAPACITY = 32;

  private static final VarHandle COUNT;
  private static final VarHandle COLUMNS;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      COUNT = lookup.findVarHandle(HistoryLog.class, "count", int.class);
      COLUMNS = lookup.findVarHandle(HistoryLog.class, "columns", Columns.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /**
   * The columns, replaced whole when they grow: a reader holding older columns still finds every
   * event it counted in them, as they were copied before the new ones were published. Two arrays
   * with two slots per event, written in order, rather than one per field: recording touches
   * fewer fresh cache lines.
   */
  private static final class Columns {
    /** Per event: the timestamp, then {@code previousEventId << 8 | kind}. */
    final long[] numbers;
    /** Per event: the type, then the details' source. */
    final Object[] refs;

    Columns(int capacity) {
      numbers = new long[2 * capacity];
      refs = new Object[2 * capacity];
    }

    Columns(Columns old, int capacity) {
      numbers = Arrays.copyOf(old.numbers, 2 * capacity);
      refs = Arrays.copyOf(old.refs, 2 * capacity);
    }

    int capacity() {
      return refs.length / 2;
    }
  }

  private Columns columns = new Columns(INITIAL_CAPACITY);
  private int count;

  /** Appends an event whose details {@code details} makes (null: none); returns its id. */
  long append(long previous, long timestampMillis, String type, Supplier<ObjectNode> details) {
    return append(previous, timestampMillis, type, details, SUPPLIED);
  }

  /**
   * Appends an event (loop thread only); returns its id. {@code source} is a {@code
   * Supplier<ObjectNode>} for {@link #SUPPLIED}, else the {@link ExecutionRun.Step} it names.
   */
  long append(long previous, long timestampMillis, String type, Object source, byte kind) {
    int n = count;
    Columns c = columns;
    if (n == c.capacity()) {
      c = new Columns(c, n * 2);
      COLUMNS.setRelease(this, c);
    }
    c.numbers[2 * n] = timestampMillis;
    c.numbers[2 * n + 1] = previous << 8 | kind;
    c.refs[2 * n] = type;
    c.refs[2 * n + 1] = source;
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
    Columns c = (Columns) COLUMNS.getAcquire(this);
    HistoryEvent[] events = new HistoryEvent[n];
    for (int i = 0; i < n; i++) {
      long previousAndKind = c.numbers[2 * i + 1];
      events[i] = new HistoryEvent(i + 1, previousAndKind >>> 8, c.numbers[2 * i], (String) c.refs[2 * i],
          details(c.refs[2 * i + 1], (byte) (previousAndKind & 0xff)));
    }
    return Collections.unmodifiableList(Arrays.asList(events));
  }

  @SuppressWarnings("unchecked")
  private static Supplier<ObjectNode> details(Object source, byte kind) {
    switch (kind) {
      case STATE_ENTERED:
        return ((ExecutionRun.Step) source)::enteredDetails;
      case STATE_EXITED:
        return ((ExecutionRun.Step) source)::exitedDetails;
      default:
        return (Supplier<ObjectNode>) source;
    }
  }
}
