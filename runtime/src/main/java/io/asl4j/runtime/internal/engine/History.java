package io.asl4j.runtime.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asl4j.runtime.HistoryEvent;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The event history of one execution: the parent's, or a distributed Map child's. Events are
 * numbered from 1 in recording order; the loop's thread appends and any thread may read a copy. The
 * execution's end is its last event: once recorded ({@link #recordLast}, from any thread, as a stop
 * may come from anywhere), whatever a step still running tries to record is dropped.
 *
 * <p>Stored in columns: no object per event until the history is read, and a state's entered and
 * exited events point at the state's {@link Step} instead of a closure each (the step builds their
 * details when they are read).
 *
 * <p>No lock: a writer reserves the next slot with one compare-and-set on {@link #reserved} (which
 * also carries the closed flag, so a stop's last event and a loop's append cannot both take a slot
 * past the end), writes the slot once every slot before it is published (in practice at once: only
 * a stop racing the loop ever waits, and only for the loop's one write), then publishes the count
 * with release semantics; a reader that acquires the count sees every event below it. A lock per
 * event cost more than the rest of recording it.
 */
final class History {
  /** How an event's details are made: by a supplier, or by the step it names. */
  static final byte SUPPLIED = 0;

  static final byte STATE_ENTERED = 1;
  static final byte STATE_EXITED = 2;

  /** Set in {@link #reserved} once the last event has its slot. */
  private static final int CLOSED = Integer.MIN_VALUE;

  private static final VarHandle COUNT;
  private static final VarHandle RESERVED;
  private static final VarHandle COLUMNS;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      COUNT = lookup.findVarHandle(History.class, "count", int.class);
      RESERVED = lookup.findVarHandle(History.class, "reserved", int.class);
      COLUMNS = lookup.findVarHandle(History.class, "columns", Columns.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /**
   * The columns, replaced whole when they grow: a reader holding older columns still finds every
   * event it counted in them, as they were copied before the new ones were published. Two arrays
   * with two slots per event, written in order, rather than one per field: recording touches fewer
   * fresh cache lines.
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

  private Columns columns;

  /** The events published (readable). */
  private int count;

  /** The slots taken, with {@link #CLOSED} once the last event took one. */
  private int reserved;

  /** {@code expected}: how many events to make room for (growing copies the columns). */
  History(int expected) {
    this.columns = new Columns(Math.max(1, expected));
  }

  /**
   * Records an event whose details are built only if the history is read; returns its id. After the
   * last event nothing is recorded, and the last event's id is returned.
   */
  long record(long previous, long nowMillis, String type, Supplier<ObjectNode> details) {
    return record(previous, nowMillis, type, details, SUPPLIED);
  }

  /**
   * As {@link #record(long, long, String, Supplier)}; {@code source} is a {@code
   * Supplier<ObjectNode>} for {@link #SUPPLIED}, else the {@link Step} it names.
   */
  long record(long previous, long nowMillis, String type, Object source, byte kind) {
    int slot;
    for (; ; ) {
      int r = (int) RESERVED.getVolatile(this);
      if ((r & CLOSED) != 0) {
        return r & ~CLOSED;
      }
      if (RESERVED.compareAndSet(this, r, r + 1)) {
        slot = r;
        break;
      }
    }
    write(slot, previous, nowMillis, type, source, kind);
    return slot + 1;
  }

  /**
   * Records the execution's end, chained to {@code previous} or, when it is negative, to the event
   * recorded last; nothing is recorded after it.
   */
  void recordLast(long previous, long nowMillis, String type, Supplier<ObjectNode> details) {
    int slot;
    for (; ; ) {
      int r = (int) RESERVED.getVolatile(this);
      if ((r & CLOSED) != 0) {
        throw new IllegalStateException("the execution has ended already");
      }
      if (RESERVED.compareAndSet(this, r, (r + 1) | CLOSED)) {
        slot = r;
        break;
      }
    }
    write(slot, previous < 0 ? slot : previous, nowMillis, type, details, SUPPLIED);
  }

  /**
   * A redrive: the ended history takes events again, numbered on after its last one. Only on the
   * loop's thread, once the execution has ended.
   */
  void reopen() {
    for (; ; ) {
      int r = (int) RESERVED.getVolatile(this);
      if ((r & CLOSED) == 0 || RESERVED.compareAndSet(this, r, r & ~CLOSED)) {
        return;
      }
    }
  }

  /** Fills {@code slot} once all before it are published, then publishes it. */
  private void write(
      int slot, long previous, long nowMillis, String type, Object source, byte kind) {
    for (int spins = 0; (int) COUNT.getAcquire(this) != slot; spins++) {
      if (spins < 100) {
        Thread.onSpinWait();
      } else {
        Thread.yield();
      }
    }
    Columns c = columns;
    if (slot == c.capacity()) {
      c = new Columns(c, slot * 2);
      COLUMNS.setRelease(this, c);
    }
    c.numbers[2 * slot] = nowMillis;
    c.numbers[2 * slot + 1] = previous << 8 | kind;
    c.refs[2 * slot] = type;
    c.refs[2 * slot + 1] = source;
    COUNT.setRelease(this, slot + 1);
  }

  /** The id of the last event, 0 when there is none (any thread). */
  long lastId() {
    return (int) COUNT.getAcquire(this);
  }

  /**
   * The texts of the values this history's events show, kept with the execution once it is first
   * read, so a second read writes nothing again (values are never changed once recorded).
   */
  private volatile JsonText.Cache texts;

  /**
   * The last read's events: handed out again while no event was recorded since, and the first
   * events of the next read (an event never changes once recorded, so its details, built once when
   * first read, serve every later read).
   */
  private volatile List<HistoryEvent> lastRead = List.of();

  /** The events recorded so far (any thread). */
  List<HistoryEvent> snapshot() {
    int n = (int) COUNT.getAcquire(this);
    List<HistoryEvent> last = lastRead;
    if (last.size() == n) {
      return last;
    }
    Columns c = (Columns) COLUMNS.getAcquire(this);
    JsonText.Cache cache = texts;
    if (cache == null) {
      cache = new JsonText.Cache();
      texts = cache;
    }
    HistoryEvent[] events = new HistoryEvent[n];
    int kept = Math.min(last.size(), n);
    for (int i = 0; i < kept; i++) {
      events[i] = last.get(i);
    }
    for (int i = kept; i < n; i++) {
      long previousAndKind = c.numbers[2 * i + 1];
      events[i] =
          new HistoryEvent(
              i + 1,
              previousAndKind >>> 8,
              c.numbers[2 * i],
              (String) c.refs[2 * i],
              details(c.refs[2 * i + 1], (byte) (previousAndKind & 0xff)),
              cache);
    }
    List<HistoryEvent> read = Collections.unmodifiableList(Arrays.asList(events));
    lastRead = read;
    return read;
  }

  @SuppressWarnings("unchecked")
  private static Supplier<ObjectNode> details(Object source, byte kind) {
    switch (kind) {
      case STATE_ENTERED:
        return new StepDetails((Step) source, true);
      case STATE_EXITED:
        return new StepDetails((Step) source, false);
      default:
        return (Supplier<ObjectNode>) source;
    }
  }

  /** A state's entered or exited details, built by its step when read. */
  private record StepDetails(Step step, boolean entered)
      implements HistoryEvent.RenderedDetails, JsonText.Writable {
    @Override
    public void writeTo(StringBuilder out, JsonText.Cache cache) {
      if (entered) {
        step.writeEnteredDetails(out, cache);
      } else {
        step.writeExitedDetails(out, cache);
      }
    }

    @Override
    public ObjectNode get() {
      return entered ? step.enteredDetails() : step.exitedDetails();
    }

    @Override
    public ObjectNode rendered(Function<JsonNode, String> texts) {
      return entered ? step.enteredDetails(texts) : step.exitedDetails(texts);
    }
  }
}
