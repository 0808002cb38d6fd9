package io.asl4j.dsl.model;

import java.util.List;

/**
 * The error names Step Functions defines, all starting with {@code States.}: the one catalogue that
 * the annotations, the builder, the validator and the runtime read. Any other name starting with
 * {@code States.} is reserved for AWS.
 *
 * <p>How a retrier or catcher matches: names match exactly and case-sensitively; {@link #ALL}
 * matches every error but {@link #RUNTIME}; {@link #TASK_FAILED} matches every error but the
 * timeouts and {@link #RUNTIME}; {@link #TIMEOUT} matches a missed heartbeat too.
 *
 * @see <a href="https://states-language.net/spec.html#appendix-a">Predefined error codes</a>
 */
public enum PredefinedError {
  /**
   * Matches any error but {@code States.Runtime}; must appear alone, in the last retrier or
   * catcher. AWS's guide also names {@code States.DataLimitExceeded} as not caught by it, but the
   * recorded executions in the conformance corpus ({@code lambda/error_handling}, a Lambda result
   * over the payload limit) show a {@code States.ALL} catcher taking it, so it is caught here too.
   */
  ALL("States.ALL", Matched.BY_ALL),
  /** A state's result, input or output exceeded the payload size limit. */
  DATA_LIMIT_EXCEEDED("States.DataLimitExceeded", Matched.BY_ALL),
  /** A Map's failed items exceeded its tolerated failure threshold. */
  EXCEED_TOLERATED_FAILURE_THRESHOLD("States.ExceedToleratedFailureThreshold", Matched.BY_ALL),
  /**
   * A Task sent no heartbeat within {@code HeartbeatSeconds}: matched by Retry and Catch (and by a
   * retrier or catcher naming {@link #TIMEOUT}), while the history's {@code TaskTimedOut} event,
   * the execution's failure and a catcher's error output record it as {@code States.Timeout}, as
   * the recorded {@code .waitForTaskToken} executions in the conformance corpus show.
   */
  HEARTBEAT_TIMEOUT("States.HeartbeatTimeout", Matched.BY_ALL_AND_TIMEOUT),
  /** An HTTP Task could not connect, or timed out after 60 seconds. */
  HTTP_SOCKET("States.Http.Socket", Matched.BY_ALL),
  /** An intrinsic function failed. */
  INTRINSIC_FAILURE("States.IntrinsicFailure", Matched.BY_ALL),
  /** A Map's {@code ItemReader} failed. */
  ITEM_READER_FAILED("States.ItemReaderFailed", Matched.BY_ALL),
  /** No Choice rule matched and there is no {@code Default}. */
  NO_CHOICE_MATCHED("States.NoChoiceMatched", Matched.BY_ALL),
  /** A path in {@code Parameters} or {@code ItemSelector} did not match the input. */
  PARAMETER_PATH_FAILURE("States.ParameterPathFailure", Matched.BY_ALL),
  /** The state machine lacked a permission. */
  PERMISSIONS("States.Permissions", Matched.BY_ALL),
  /** A JSONata expression failed to evaluate. */
  QUERY_EVALUATION_ERROR("States.QueryEvaluationError", Matched.BY_ALL),
  /** A {@code ResultPath} could not be applied to the input. */
  RESULT_PATH_MATCH_FAILURE("States.ResultPathMatchFailure", Matched.BY_ALL),
  /** A Map's {@code ResultWriter} failed. */
  RESULT_WRITER_FAILED("States.ResultWriterFailed", Matched.BY_ALL),
  /**
   * An execution-level error, such as an invalid path at run time: no retrier or catcher matches
   * it, not even {@link #ALL}, unless it names {@code States.Runtime} itself.
   */
  RUNTIME("States.Runtime", Matched.BY_NAME_ONLY),
  /** A Task failed: matches any error but the timeouts and {@code States.Runtime}. */
  TASK_FAILED("States.TaskFailed", Matched.BY_ALL),
  /** A Task ran longer than {@code TimeoutSeconds}, or the execution or a branch timed out. */
  TIMEOUT("States.Timeout", Matched.BY_ALL_NOT_TASK_FAILED),
  /** A Parallel branch failed. */
  BRANCH_FAILED("States.BranchFailed", Matched.BY_ALL);

  /** Which wildcards besides its own name match an error. */
  private enum Matched {
    BY_ALL,
    BY_ALL_NOT_TASK_FAILED,
    BY_ALL_AND_TIMEOUT,
    BY_NAME_ONLY
  }

  private final String errorName;
  private final Matched matched;

  PredefinedError(String errorName, Matched matched) {
    this.errorName = errorName;
    this.matched = matched;
  }

  /** The name as written in ASL, e.g. {@code States.TaskFailed}. */
  public String errorName() {
    return errorName;
  }

  /** Whether a retrier or catcher naming {@code States.ALL} matches this error. */
  public boolean caughtByAll() {
    return matched != Matched.BY_NAME_ONLY;
  }

  /**
   * Whether this error is matched by Retry and Catch under its own name but recorded under another
   * ({@link #recordedName()}): only {@link #HEARTBEAT_TIMEOUT}.
   */
  public boolean retryCatchOnly() {
    return matched == Matched.BY_ALL_AND_TIMEOUT;
  }

  /** The name the history and the error output record this error under. */
  public String recordedName() {
    return retryCatchOnly() ? TIMEOUT.errorName : errorName;
  }

  /** The predefined error called {@code name}, or {@code null} when there is none. */
  public static PredefinedError named(String name) {
    return AslNames.find(values(), PredefinedError::errorName, name);
  }

  /** Whether {@code name} is one of the predefined error names. */
  public static boolean isPredefined(String name) {
    return named(name) != null;
  }

  /** The name an error called {@code name} is recorded and passed on under. */
  public static String recordedName(String name) {
    PredefinedError error = named(name);
    return error == null ? name : error.recordedName();
  }

  /**
   * Whether a retrier's or catcher's {@code ErrorEquals} matches the error called {@code error}
   * ({@code null}: an error without a name, matched by the wildcards only).
   */
  public static boolean matches(List<String> errorEquals, String error) {
    String name = error == null ? "" : error;
    PredefinedError predefined = named(name);
    Matched matched = predefined == null ? Matched.BY_ALL : predefined.matched;
    for (String candidate : errorEquals) {
      if (candidate.equals(name)) {
        return true;
      }
      if (candidate.equals(ALL.errorName) && matched != Matched.BY_NAME_ONLY) {
        return true;
      }
      if (candidate.equals(TASK_FAILED.errorName) && matched == Matched.BY_ALL) {
        return true;
      }
      if (candidate.equals(TIMEOUT.errorName) && matched == Matched.BY_ALL_AND_TIMEOUT) {
        return true;
      }
    }
    return false;
  }
}
