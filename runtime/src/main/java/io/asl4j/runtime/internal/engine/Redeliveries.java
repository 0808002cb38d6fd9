package io.asl4j.runtime.internal.engine;

import java.util.SplittableRandom;

/**
 * Which Task invocations of one Express execution are delivered twice, simulating AWS's
 * at-least-once delivery: each eligible invocation is picked with probability {@code fraction}, by
 * a generator of its own so that picking changes no other random choice of the run.
 */
public final class Redeliveries {
  private final double fraction;
  private final SplittableRandom random;

  /** {@code fraction} of invocations (0 to 1) picked by a generator seeded with {@code seed}. */
  public Redeliveries(double fraction, long seed) {
    this.fraction = fraction;
    this.random = new SplittableRandom(seed);
  }

  /** Whether the next eligible invocation is delivered twice. */
  boolean pick() {
    return fraction >= 1.0 || random.nextDouble() < fraction;
  }
}
