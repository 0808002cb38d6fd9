package io.asl4j.runtime;

/** Whether an execution can be redriven now, as AWS's {@code DescribeExecution} reports it. */
public enum RedriveStatus {
  /** {@link Execution#redrive()} would restart it. */
  REDRIVABLE,
  /** {@link Execution#redrive()} would refuse it; {@code redriveStatusReason} says why. */
  NOT_REDRIVABLE,
  /**
   * A distributed Map's child execution: redriven when its parent execution (and so its Map Run)
   * is.
   */
  REDRIVABLE_BY_MAP_RUN
}
