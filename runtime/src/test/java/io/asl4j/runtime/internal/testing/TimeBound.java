package io.asl4j.runtime.internal.testing;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Runs a piece of work with a wall-clock bound, so that a property try that would hang fails
 * instead of stalling the build. The work runs on a daemon thread that is reused while tries finish
 * in time; one that overruns is interrupted and, where the JVM still allows it (up to Java 19),
 * stopped, so that it does not go on burning a core; the next try gets a fresh thread.
 */
public final class TimeBound {
  private static Thread worker;
  private static ExecutorService executor = newExecutor();

  private TimeBound() {}

  /**
   * The value of {@code work}, or an {@link AssertionError} naming {@code what} when it takes
   * longer than {@code limit}. Whatever {@code work} throws is rethrown as is.
   */
  public static synchronized <T> T within(Duration limit, String what, Supplier<T> work) {
    Future<T> future = executor.submit(work::get);
    try {
      return future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      executor.shutdownNow();
      stop(worker);
      executor = newExecutor();
      throw new AssertionError("took longer than " + limit + ": " + what);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted: " + what);
    }
  }

  @SuppressWarnings({"deprecation", "removal"})
  private static void stop(Thread thread) {
    try {
      thread.stop(); // a runaway built-in function checks no interrupt flag
    } catch (UnsupportedOperationException | SecurityException notAllowed) {
      // Java 20 and later: the thread runs on as a daemon until the JVM exits.
    }
  }

  private static ExecutorService newExecutor() {
    return Executors.newSingleThreadExecutor(
        work -> {
          // The JVM's default stack size, as an application thread running an execution has: a
          // depth bound must fire before such a stack runs out.
          Thread thread = new Thread(work, "time-bound");
          thread.setDaemon(true);
          worker = thread;
          return thread;
        });
  }
}
