package io.asl4j.dsl.annotation;

/**
 * The predefined error names, for {@link Retry#errors()} and {@link Catch#errors()}.
 *
 * <pre>{@code
 * @Catch(errors = Errors.ALL, next = Failed.class)
 * }</pre>
 *
 * <p>Compile-time constants, because annotation members need them: the names of {@link
 * io.asl4j.dsl.builder.Errors}, which lists and describes them (each equals the {@link
 * io.asl4j.dsl.model.PredefinedError#errorName()} of the same name, which a test checks).
 *
 * @see <a href="https://states-language.net/spec.html#appendix-a">Predefined error codes</a>
 */
public final class Errors {
  /** Matches any error; must appear alone and in the last retrier or catcher. */
  public static final String ALL = io.asl4j.dsl.builder.Errors.ALL;

  /** {@value}: see {@link io.asl4j.dsl.builder.Errors#TIMEOUT}. */
  public static final String TIMEOUT = io.asl4j.dsl.builder.Errors.TIMEOUT;

  /** {@value}: see {@link io.asl4j.dsl.builder.Errors#TASK_FAILED}. */
  public static final String TASK_FAILED = io.asl4j.dsl.builder.Errors.TASK_FAILED;

  /** {@value}: see {@link io.asl4j.dsl.builder.Errors#HEARTBEAT_TIMEOUT}. */
  public static final String HEARTBEAT_TIMEOUT = io.asl4j.dsl.builder.Errors.HEARTBEAT_TIMEOUT;

  /** {@value}: see {@link io.asl4j.dsl.builder.Errors#PERMISSIONS}. */
  public static final String PERMISSIONS = io.asl4j.dsl.builder.Errors.PERMISSIONS;

  /** {@value}: see {@link io.asl4j.dsl.builder.Errors#RESULT_PATH_MATCH_FAILURE}. */
  public static final String RESULT_PATH_MATCH_FAILURE =
      io.asl4j.dsl.builder.Errors.RESULT_PATH_MATCH_FAILURE;

  /** {@value}: see {@link io.asl4j.dsl.builder.Errors#PARAMETER_PATH_FAILURE}. */
  public static final String PARAMETER_PATH_FAILURE =
      io.asl4j.dsl.builder.Errors.PARAMETER_PATH_FAILURE;

  /** {@value}: see {@link io.asl4j.dsl.builder.Errors#BRANCH_FAILED}. */
  public static final String BRANCH_FAILED = io.asl4j.dsl.builder.Errors.BRANCH_FAILED;

  /** {@value}: see {@link io.asl4j.dsl.builder.Errors#NO_CHOICE_MATCHED}. */
  public static final String NO_CHOICE_MATCHED = io.asl4j.dsl.builder.Errors.NO_CHOICE_MATCHED;

  /** {@value}: see {@link io.asl4j.dsl.builder.Errors#INTRINSIC_FAILURE}. */
  public static final String INTRINSIC_FAILURE = io.asl4j.dsl.builder.Errors.INTRINSIC_FAILURE;

  /** {@value}: see {@link io.asl4j.dsl.builder.Errors#QUERY_EVALUATION_ERROR}. */
  public static final String QUERY_EVALUATION_ERROR =
      io.asl4j.dsl.builder.Errors.QUERY_EVALUATION_ERROR;

  /** {@value}: see {@link io.asl4j.dsl.builder.Errors#EXCEED_TOLERATED_FAILURE_THRESHOLD}. */
  public static final String EXCEED_TOLERATED_FAILURE_THRESHOLD =
      io.asl4j.dsl.builder.Errors.EXCEED_TOLERATED_FAILURE_THRESHOLD;

  /** {@value}: see {@link io.asl4j.dsl.builder.Errors#ITEM_READER_FAILED}. */
  public static final String ITEM_READER_FAILED = io.asl4j.dsl.builder.Errors.ITEM_READER_FAILED;

  /** {@value}: see {@link io.asl4j.dsl.builder.Errors#RESULT_WRITER_FAILED}. */
  public static final String RESULT_WRITER_FAILED =
      io.asl4j.dsl.builder.Errors.RESULT_WRITER_FAILED;

  /** {@value}: see {@link io.asl4j.dsl.builder.Errors#DATA_LIMIT_EXCEEDED}. */
  public static final String DATA_LIMIT_EXCEEDED = io.asl4j.dsl.builder.Errors.DATA_LIMIT_EXCEEDED;

  /** {@value}: see {@link io.asl4j.dsl.builder.Errors#RUNTIME}. */
  public static final String RUNTIME = io.asl4j.dsl.builder.Errors.RUNTIME;

  /** {@value}: see {@link io.asl4j.dsl.builder.Errors#HTTP_SOCKET}. */
  public static final String HTTP_SOCKET = io.asl4j.dsl.builder.Errors.HTTP_SOCKET;

  private Errors() {}
}
