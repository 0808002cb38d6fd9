package io.asl4j.runtime.services.internal;

import java.util.SplittableRandom;
import java.util.UUID;

/** Message ids, request ids and event ids: random, or reproducible from a seed. */
public final class Ids {
  private final SplittableRandom random;

  public Ids(Long seed) {
    this.random = seed == null ? null : new SplittableRandom(seed);
  }

  /** A version-4 UUID. */
  public String uuid() {
    if (random == null) {
      return UUID.randomUUID().toString();
    }
    long hi;
    long lo;
    synchronized (this) {
      hi = random.nextLong();
      lo = random.nextLong();
    }
    hi = (hi & ~0xF000L) | 0x4000L;
    lo = (lo & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(hi, lo).toString();
  }
}
