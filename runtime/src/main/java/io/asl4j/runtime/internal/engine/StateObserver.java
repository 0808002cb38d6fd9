package io.asl4j.runtime.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.asl4j.dsl.model.Io;
import io.asl4j.dsl.model.MapState;
import io.asl4j.dsl.model.Retrier;
import java.util.Map;

/**
 * Watches an execution's states at the points AWS's TestState reports on, and may take over there.
 * Every run goes through these calls; an ordinary execution's observer is {@link #NONE}, which does
 * nothing, and a single-state run's ({@link SingleStateRun}) watches the state under test, records
 * its intermediate values and stops the run at its transition.
 */
interface StateObserver {
  /** Observes nothing and never takes over. */
  StateObserver NONE = new StateObserver() {};

  /** What a watched retrier does with an error. */
  enum Retrying {
    /** Retry as the retrier says. */
    AS_USUAL,
    /** Do not retry: the error goes on to the catchers. */
    NOT_RETRIED,
    /** The observer has ended the run: nothing more happens. */
    ENDED
  }

  /** A state was entered (its entered event recorded); it runs next. */
  default void entered(Step step) {}

  /**
   * The context object {@code step} sees instead of the execution's, or null for the execution's.
   */
  default JsonNode contextObject(Step step) {
    return null;
  }

  /**
   * Whether {@code step}'s evaluation errors are reported without the "An error occurred ..."
   * prefix.
   */
  default boolean reportsBareCauses(Step step) {
    return false;
  }

  /** An intermediate value of {@code step} (e.g. {@code afterInputPath}). */
  default void inspect(Step step, String key, JsonNode value) {}

  /** {@code step} exited towards {@code next} (null: the graph's end); true stops the run there. */
  default boolean exited(Step step, String next, JsonNode output, Map<String, JsonNode> assigned) {
    return false;
  }

  /** Retrier {@code index} of {@code step} matched an error, after {@code retriesSoFar} retries. */
  default Retrying retrier(
      Step step, int index, Retrier retrier, int retriesSoFar, String error, String cause) {
    return Retrying.AS_USUAL;
  }

  /** Catcher {@code index} of {@code step} caught an error. */
  default void caught(Step step, int index, String error, String cause) {}

  /**
   * A Parallel {@code step} is about to run its branches: true when the observer took over instead.
   */
  default boolean tookOverParallel(Step step, Io io) {
    return false;
  }

  /** The data a Map {@code step}'s ItemReader stands for, or null to read it. */
  default JsonNode itemReaderData(Step step, MapState map) {
    return null;
  }

  /** A Map {@code step} selected its items (before ItemSelector and ItemBatcher). */
  default void mapItems(
      Step step, MapState map, ArrayNode items, JsonNode effective, JsonNode states) {}

  /**
   * A Map {@code step}'s attempt is about to run its iterations, with its tolerance worked out:
   * true when the observer took over instead; {@code retry} re-runs the attempt.
   */
  default boolean tookOverMap(
      Step step, MapState map, MapLimits.Tolerance tolerance, int total, Runnable retry) {
    return false;
  }
}
