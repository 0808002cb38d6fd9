package io.asl4j.runtime.cost;

import java.math.BigDecimal;

/**
 * AWS Step Functions prices, overridable: {@code new Pricing(...)} for another region or a later
 * price list.
 *
 * <p>{@link #AWS_US_EAST_1}: from https://aws.amazon.com/step-functions/pricing/ (US East, N.
 * Virginia), as read on {@value #AS_OF}: Standard $0.025 per 1,000 state transitions (retries
 * included; the free tier of 4,000 transitions a month is <em>not</em> deducted here); Express
 * $1.00 per million requests plus $0.00001667 per GB-second (the first price tier), duration
 * rounded up to the nearest 100 ms, memory billed in 64-MB chunks (64 MB, the minimum, is assumed).
 *
 * @param standardPerTransition USD per state transition of a Standard workflow
 * @param expressPerRequest USD per Express execution (request)
 * @param expressPerGbSecond USD per GB-second of Express duration
 * @param expressMemoryMb memory billed for an Express execution, in MB
 * @param expressGranularityMillis Express duration is rounded up to a multiple of this
 */
public record Pricing(
    BigDecimal standardPerTransition,
    BigDecimal expressPerRequest,
    BigDecimal expressPerGbSecond,
    int expressMemoryMb,
    long expressGranularityMillis) {
  /** When the prices below were read from the AWS pricing page. */
  public static final String AS_OF = "2026-11-22";

  /** Where they were read. */
  public static final String SOURCE = "https://aws.amazon.com/step-functions/pricing/";

  /** $0.025 per 1,000 state transitions. */
  public static final BigDecimal STANDARD_PER_TRANSITION = new BigDecimal("0.000025");

  /** $1.00 per million requests. */
  public static final BigDecimal EXPRESS_PER_REQUEST = new BigDecimal("0.000001");

  /** $0.00001667 per GB-second, first tier. */
  public static final BigDecimal EXPRESS_PER_GB_SECOND = new BigDecimal("0.00001667");

  /** 64 MB, the minimum memory chunk billed. */
  public static final int EXPRESS_MEMORY_MB = 64;

  /** Duration rounded up to the nearest 100 ms. */
  public static final long EXPRESS_GRANULARITY_MILLIS = 100;

  /** The US East (N. Virginia) prices of {@link #AS_OF}. */
  public static final Pricing AWS_US_EAST_1 =
      new Pricing(
          STANDARD_PER_TRANSITION,
          EXPRESS_PER_REQUEST,
          EXPRESS_PER_GB_SECOND,
          EXPRESS_MEMORY_MB,
          EXPRESS_GRANULARITY_MILLIS);
}
