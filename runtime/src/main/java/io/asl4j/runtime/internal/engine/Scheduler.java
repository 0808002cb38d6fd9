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
  private final PriorityQueue<Timer> timers = new PriorityQueue<>();
  private final boolean virtual;
  private long nowMillis;
  private long sequence;

  Scheduler(long startMillis, boolean virtual) {
    this.nowMillis = startMillis;
    this.virtual = virtual;
  }

  long nowMillis() {
    if (!virtual) {
      nowMillis = Math.max(nowMillis, System.currentTimeMillis());
    }
    return nowMillis;
  }

  void post(Runnable step) {
    ready.add(step);
  }

  /** Runs {@code step} at {@code atMillis}; the returned timer can be cancelled. */
  Timer at(long atMillis, Runnable step) {
    Timer timer = new Timer(atMillis, sequence++, step);
    timers.add(timer);
    return timer;
  }

  /** Runs until {@code done} says so, or nothing is left to run. */
  void runUntil(java.util.function.BooleanSupplier done) {
    while (!done.getAsBoolean()) {
      Runnable step = ready.poll();
      if (step != null) {
        step.run();
        continue;
      }
      Timer timer = timers.poll();
      if (timer == null) {
        return;
      }
      if (timer.cancelled) {
        continue;
      }
      if (virtual) {
        nowMillis = Math.max(nowMillis, timer.atMillis);
      } else {
        sleepUntil(timer.atMillis);
      }
      // Everything due at the same instant happens before what those events cause: AWS records
      // simultaneous timeouts together, then their consequences.
      ready.add(timer.step);
      while (!timers.isEmpty() && timers.peek().atMillis <= timer.atMillis) {
        Timer due = timers.poll();
        if (!due.cancelled) {
          ready.add(due.step);
        }
      }
    }
  }

  /** Whether anything is left to run now or later. */
  boolean idle() {
    return ready.isEmpty() && timers.stream().allMatch(t -> t.cancelled);
  }

  private void sleepUntil(long atMillis) {
    long delay;
    while ((delay = atMillis - System.currentTimeMillis()) > 0) {
      try {
        Thread.sleep(delay);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    nowMillis = Math.max(nowMillis, atMillis);
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
