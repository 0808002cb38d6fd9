package io.asl4j.runtime.internal.engine;

/**
 * How many events an execution's history may hold, and the cause it fails with past them. The
 * history's size is the counter: when an event would be the last one the quota allows and is not
 * the execution's own end, the execution fails instead.
 */
final class HistoryQuota {
  /**
   * AWS's hard quota on a Standard execution's history: the event that would be number 25,000 is
   * replaced by {@code ExecutionFailed} unless it is the execution's own end. Express executions
   * have no history on AWS and no such quota.
   */
  static final int STANDARD = 25_000;

  /**
   * An Express execution ends after 5 minutes on AWS, but a loop of Pass and Choice states takes no
   * virtual time, so here it would run forever: past this many events it fails instead. Not an AWS
   * quota; 40 times the Standard one, and far more than an Express workflow records in its 5
   * minutes.
   */
  static final int EXPRESS_GUARD = 1_000_000;

  static final String STANDARD_CAUSE =
      "The execution reached the maximum number of history events (" + STANDARD + ").";

  private HistoryQuota() {}

  /** Standard: 25,000 events (AWS's quota). Express: the local guard against endless loops. */
  static int limit(boolean express) {
    return express ? EXPRESS_GUARD : STANDARD;
  }

  /** The cause of an execution's failure at the quota. */
  static String executionCause(boolean express) {
    return express
        ? "The execution reached the local runtime's limit of "
            + EXPRESS_GUARD
            + " history events (AWS records no history for an Express execution and ends it after 5 minutes;"
            + " here a loop that takes no time would never end)."
        : STANDARD_CAUSE;
  }

  /** The cause of a distributed Map child execution's failure at the quota. */
  static String childCause(boolean express) {
    return express
        ? "The execution reached the local runtime's limit of " + EXPRESS_GUARD + " history events."
        : STANDARD_CAUSE;
  }
}
