package io.asl4j.dsl.builder;

/**
 * The error names Step Functions defines, for {@link Retry#on} and {@link Catch#on}.
 *
 * <pre>{@code
 * Retry.on(Errors.TASK_FAILED, Errors.TIMEOUT);
 * }</pre>
 *
 * <p>Each equals the {@link io.asl4j.dsl.model.PredefinedError#errorName()} of the same name, which
 * a test checks; they stay compile-time constants so that annotations can use them too.
 *
 * @see <a href="https://states-language.net/spec.html#appendix-a">Predefined error codes</a>
 */
public final class Errors {
  private Errors() {}

  /** Matches any error; use {@link Retry#all()} or {@link Catch#all()}, never in a list. */
  public static final String ALL = "States.ALL";

  /** A Task failed. */
  public static final String TASK_FAILED = "States.TaskFailed";

  /** A Task ran longer than {@code TimeoutSeconds}, or a Map or Parallel branch timed out. */
  public static final String TIMEOUT = "States.Timeout";

  /**
   * A Task sent no heartbeat within {@code HeartbeatSeconds}: matched by Retry and Catch, while the
   * history and the error output record it as {@link #TIMEOUT}.
   */
  public static final String HEARTBEAT_TIMEOUT = "States.HeartbeatTimeout";

  /** The state machine lacked a permission. */
  public static final String PERMISSIONS = "States.Permissions";

  /** A {@code ResultPath} could not be applied to the input. */
  public static final String RESULT_PATH_MATCH_FAILURE = "States.ResultPathMatchFailure";

  /** A path in {@code Parameters} did not match the input. */
  public static final String PARAMETER_PATH_FAILURE = "States.ParameterPathFailure";

  /** A Parallel branch failed. */
  public static final String BRANCH_FAILED = "States.BranchFailed";

  /** No Choice rule matched and there is no {@code Default}. */
  public static final String NO_CHOICE_MATCHED = "States.NoChoiceMatched";

  /** An intrinsic function failed. */
  public static final String INTRINSIC_FAILURE = "States.IntrinsicFailure";

  /** A Map's tolerated failure threshold was exceeded. */
  public static final String EXCEED_TOLERATED_FAILURE_THRESHOLD =
      "States.ExceedToleratedFailureThreshold";

  /** A Map's {@code ItemReader} failed. */
  public static final String ITEM_READER_FAILED = "States.ItemReaderFailed";

  /** A Map's {@code ResultWriter} failed. */
  public static final String RESULT_WRITER_FAILED = "States.ResultWriterFailed";

  /** An output exceeded the payload size limit. */
  public static final String DATA_LIMIT_EXCEEDED = "States.DataLimitExceeded";

  /** A JSONata expression failed to evaluate. */
  public static final String QUERY_EVALUATION_ERROR = "States.QueryEvaluationError";

  /** An execution-level error that cannot be caught, such as an invalid path at run time. */
  public static final String RUNTIME = "States.Runtime";

  /** An HTTP Task could not connect. */
  public static final String HTTP_SOCKET = "States.Http.Socket";
}
