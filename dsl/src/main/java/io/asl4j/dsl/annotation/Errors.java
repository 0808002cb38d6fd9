package io.asl4j.dsl.annotation;

/**
 * The predefined error names, for {@link Retry#errors()} and {@link Catch#errors()}.
 *
 * <pre>{@code
 * @Catch(errors = Errors.ALL, next = Failed.class)
 * }</pre>
 *
 * <p>Compile-time constants, because annotation members need them; each equals the {@link
 * io.asl4j.dsl.model.PredefinedError#errorName()} of the same name, which a test checks.
 *
 * @see <a href="https://states-language.net/spec.html#appendix-a">Predefined error codes</a>
 */
public final class Errors {
  /** Matches any error; must appear alone and in the last retrier or catcher. */
  public static final String ALL = "States.ALL";

  /** A Task ran longer than {@code TimeoutSeconds} (or the execution timed out). */
  public static final String TIMEOUT = "States.Timeout";

  /** A Task failed: any error but {@code States.Timeout}. */
  public static final String TASK_FAILED = "States.TaskFailed";

  /**
   * A Task sent no heartbeat within {@code HeartbeatSeconds}: matched by Retry and Catch, while the
   * history and the error output record it as {@link #TIMEOUT}.
   */
  public static final String HEARTBEAT_TIMEOUT = "States.HeartbeatTimeout";

  /** Not allowed: insufficient privileges. */
  public static final String PERMISSIONS = "States.Permissions";

  /** A {@code ResultPath} could not be applied to the input. */
  public static final String RESULT_PATH_MATCH_FAILURE = "States.ResultPathMatchFailure";

  /** A path in {@code Parameters} or {@code ItemSelector} did not match. */
  public static final String PARAMETER_PATH_FAILURE = "States.ParameterPathFailure";

  /** A Parallel branch failed. */
  public static final String BRANCH_FAILED = "States.BranchFailed";

  /** No Choice rule matched and there is no Default. */
  public static final String NO_CHOICE_MATCHED = "States.NoChoiceMatched";

  /** An intrinsic function failed. */
  public static final String INTRINSIC_FAILURE = "States.IntrinsicFailure";

  /** A JSONata expression failed. */
  public static final String QUERY_EVALUATION_ERROR = "States.QueryEvaluationError";

  /** A Map's tolerated failure threshold was exceeded. */
  public static final String EXCEED_TOLERATED_FAILURE_THRESHOLD =
      "States.ExceedToleratedFailureThreshold";

  /** A Map's {@code ItemReader} failed. */
  public static final String ITEM_READER_FAILED = "States.ItemReaderFailed";

  /** A Map's {@code ResultWriter} failed. */
  public static final String RESULT_WRITER_FAILED = "States.ResultWriterFailed";

  /** An output exceeded the payload size limit. */
  public static final String DATA_LIMIT_EXCEEDED = "States.DataLimitExceeded";

  /**
   * An execution-level error that {@link #ALL} does not catch, such as an invalid path at run time.
   */
  public static final String RUNTIME = "States.Runtime";

  /** An HTTP Task could not connect. */
  public static final String HTTP_SOCKET = "States.Http.Socket";

  private Errors() {}
}
