package io.asl4j.runtime.internal.engine;

import java.util.ArrayDeque;
import java.util.PriorityQueue;

/**
 * A deterministic, single-threaded event loop for one execution.
 *
 * <p>Steps run in the order they were posted; timers fire in time order (ties in the order they
 * were set). On a virtual clock, when nothing is runnable, time jumps to the next timer at once —
 * so a year-long Wait costs nothing. On the real clock the loop sleeps instead. No thread is held
 * while an execution waits for something outside it.
 */
final class Scheduler {
  private final ArrayDeque<Runnable> ready = new ArrayDeque<>();

  /**
   * Steps handed in from other threads (task completions), applied by the loop's thread. Made by
   * the first delivery or wait: most executions never receive one, and a blocking queue is seven
   * objects (two locks, two conditions).
   */
  private volatile java.util.concurrent.LinkedBlockingQueue<Runnable> inbox;

  /** Tasks waiting for a completion from outside; only the loop's thread changes it. */
  private int parked;

  /**
   * The first timer set (an execution's own time limit: every execution sets it first), kept out of
   * the queue so that executions that set no other timer need no queue. It has the lowest sequence,
   * so among timers due at the same instant it comes first, as it would in the queue.
   */
  private Timer deadline;

  /** Every other timer; made when the first is set. */
  private PriorityQueue<Timer> timers;

  private final boolean virtual;

  /**
   * The execution's time: read from any thread (a stop stamps its event with it), never going back.
   */
  private volatile long nowMillis;

  private static final java.lang.invoke.VarHandle NOW;
  private long sequence;

  static {
    try {
      NOW =
          java.lang.invoke.MethodHandles.lookup()
              .findVarHandle(Scheduler.class, "nowMillis", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** On the real clock, how fast the execution's time passes: 0.01 makes 100 s pass in one. */
  private final double scale;

  private final long startMillis;
  private final long realStartMillis = System.currentTimeMillis();

  Scheduler(long startMillis, boolean virtual, double scale) {
    this.nowMillis = startMillis;
    this.startMillis = startMillis;
    this.virtual = virtual;
    this.scale = scale;
  }

  long nowMillis() {
    if (!virtual) {
      advanceTo(clockMillis());
    }
    return nowMillis;
  }

  /** The real clock, scaled. */
  private long clockMillis() {
    long real = System.currentTimeMillis();
    return scale == 1 ? real : startMillis + (long) ((real - realStartMillis) / scale);
  }

  /** Moves the clock to {@code millis} unless it is past it already; any thread may call it. */
  private void advanceTo(long millis) {
    long seen;
    while ((seen = nowMillis) < millis && !NOW.compareAndSet(this, seen, millis)) {
      Thread.onSpinWait();
    }
  }

  void post(Runnable step) {
    ready.add(step);
  }

  /**
   * For a redrive of the ended execution: drops what its last attempt left behind (steps, timers,
   * deliveries, waits), keeping the clock, and moves a virtual clock on to {@code atMillis}.
   */
  void restartAt(long atMillis) {
    ready.clear();
    deadline = null;
    timers = null;
    parked = 0;
    java.util.concurrent.LinkedBlockingQueue<Runnable> delivered = inbox;
    if (delivered != null) {
      delivered.clear();
    }
    if (virtual) {
      advanceTo(atMillis);
    }
  }

  boolean virtual() {
    return virtual;
  }

  /** Runs {@code step} at {@code atMillis}; the returned timer can be cancelled. */
  Timer at(long atMillis, Runnable step) {
    Timer timer = new Timer(atMillis, sequence++, step);
    if (timer.sequence == 0) {
      deadline = timer;
    } else {
      if (timers == null) {
        timers = new PriorityQueue<>();
      }
      timers.add(timer);
    }
    return timer;
  }

  /** The next timer due (the earliest; the first set among equals), or null; not removed. */
  private Timer peekTimer() {
    Timer queued = timers == null ? null : timers.peek();
    if (deadline == null) {
      return queued;
    }
    return queued == null || deadline.compareTo(queued) < 0 ? deadline : queued;
  }

  /** Removes and returns {@link #peekTimer()}. */
  private Timer pollTimer() {
    Timer next = peekTimer();
    if (next != null && next == deadline) {
      deadline = null;
    } else if (next != null) {
      timers.poll();
    }
    return next;
  }

  /** Puts a timer taken by {@link #pollTimer()} back. */
  private void putBack(Timer timer) {
    if (timer.sequence == 0) {
      deadline = timer;
    } else {
      timers.add(timer);
    }
  }

  /** The inbox, made on first use by whichever thread comes first. */
  private java.util.concurrent.LinkedBlockingQueue<Runnable> inbox() {
    java.util.concurrent.LinkedBlockingQueue<Runnable> queue = inbox;
    if (queue == null) {
      synchronized (this) {
        queue = inbox;
        if (queue == null) {
          queue = new java.util.concurrent.LinkedBlockingQueue<>();
          inbox = queue;
        }
      }
    }
    return queue;
  }

  /** Hands a step in from any thread; the loop runs it in order with its own steps. */
  void deliver(Runnable step) {
    inbox().add(step);
  }

  void parked(int delta) {
    parked += delta;
  }

  boolean hasParked() {
    return parked > 0;
  }

  /**
   * Runs until {@code done} says so. When nothing is runnable: with {@code stopWhenWaiting},
   * returns as soon as a task waits for a completion from outside; otherwise time moves on to the
   * next timer (at once on a virtual clock), or, with nothing scheduled, the loop waits for a
   * completion to arrive. Returns when nothing at all is left.
   */
  void runUntil(java.util.function.BooleanSupplier done, boolean stopWhenWaiting) {
    while (!done.getAsBoolean()) {
      java.util.concurrent.LinkedBlockingQueue<Runnable> delivered = inbox;
      if (delivered != null
          && !delivered.isEmpty()) { // drainTo takes the queue's lock even when empty
        delivered.drainTo(ready);
      }
      Runnable step = ready.poll();
      if (step != null) {
        step.run();
        continue;
      }
      if (parked > 0 && stopWhenWaiting && (virtual || !timerDue())) {
        return; // on the real clock a timer already due (a timeout, a Wait) fires first
      }
      Timer timer = pollTimer();
      while (timer != null && timer.cancelled) {
        timer = pollTimer();
      }
      if (timer == null) {
        if (parked == 0) {
          return;
        }
        waitForDelivery(Long.MAX_VALUE);
        continue;
      }
      if (virtual) {
        advanceTo(timer.atMillis);
      } else if (!sleepUntil(timer.atMillis)) {
        putBack(timer); // a completion arrived first: handle it before the timer
        continue;
      }
      // Everything due at the same instant happens before what those events cause: AWS records
      // simultaneous timeouts together, then their consequences.
      ready.add(timer.step);
      for (Timer due = peekTimer();
          due != null && due.atMillis <= timer.atMillis;
          due = peekTimer()) {
        pollTimer();
        if (!due.cancelled) {
          ready.add(due.step);
        }
      }
    }
  }

  /** On the real clock: whether the next timer is due now; drops cancelled timers ahead of it. */
  private boolean timerDue() {
    Timer next;
    while ((next = peekTimer()) != null && next.cancelled) {
      pollTimer();
    }
    return next != null && next.atMillis <= clockMillis();
  }

  /**
   * On the real clock, the real milliseconds until the next timer is due (0 when it is), or -1 on a
   * virtual clock or without a timer. Only the loop's thread (or one holding it) may ask.
   */
  long realMillisToNextTimer() {
    Timer next;
    while ((next = peekTimer()) != null && next.cancelled) {
      pollTimer();
    }
    if (virtual || next == null) {
      return -1;
    }
    return Math.max(0, (long) Math.ceil((next.atMillis - clockMillis()) * scale));
  }

  /** Waits until a completion is delivered or {@code millis} pass. */
  private void waitForDelivery(long millis) {
    try {
      Runnable delivered = inbox().poll(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
      if (delivered != null) {
        ready.add(delivered);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a task completion", e);
    }
  }

  /** Sleeps until {@code atMillis}; false when a completion arrived first. */
  private boolean sleepUntil(long atMillis) {
    long delay;
    while ((delay = atMillis - clockMillis()) > 0) {
      waitForDelivery(Math.max(1, (long) Math.ceil(delay * scale)));
      if (!ready.isEmpty()) {
        return false;
      }
    }
    advanceTo(atMillis);
    return true;
  }

  /** A step due at a time. */
  static final class Timer implements Comparable<Timer> {
    final long atMillis;
    final long sequence;
    final Runnable step;
    boolean cancelled;

    Timer(long atMillis, long sequence, Runnable step) {
      this.atMillis = atMillis;
      this.sequence = sequence;
      this.step = step;
    }

    void cancel() {
      cancelled = true;
    }

    @Override
    public int compareTo(Timer other) {
      int byTime = Long.compare(atMillis, other.atMillis);
      return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
    }
  }
}
