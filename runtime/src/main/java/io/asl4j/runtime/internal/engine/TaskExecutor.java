package io.asl4j.runtime.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asl4j.dsl.model.ResourceArn;
import io.asl4j.dsl.model.TaskState;
import io.asl4j.runtime.StatesError;
import io.asl4j.runtime.TaskCompletion;
import io.asl4j.runtime.TaskContext;
import io.asl4j.runtime.internal.expression.JsonNumbers;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * The Task state: resolves the handler for its resource, records the event family AWS records
 * (Lambda function ARNs get {@code LambdaFunction*} events, everything else {@code Task*}), and
 * applies {@code TimeoutSeconds} on the execution's clock.
 */
final class TaskExecutor {
  /**
   * TimeoutSeconds and HeartbeatSeconds stay below this service limit (as the validator holds
   * literals).
   */
  private static final long SECONDS_LIMIT = 99_999_999;

  private final RunSetup setup;
  private final ExecutionRun run;

  /** The exceptions Java task handlers threw, in order. */
  private final java.util.List<Throwable> thrown = new java.util.ArrayList<>();

  TaskExecutor(RunSetup setup, ExecutionRun run) {
    this.setup = setup;
    this.run = run;
  }

  void execute(TaskStepContext step, TaskState task) {
    attempt(step, task);
  }

  /**
   * The role ARN of the state's {@code Credentials}, evaluated for each attempt against the state's
   * input (JSONPath) or {@code $states} (JSONata); null when the state has none. The local runtime
   * assumes no role, but AWS records the role it assumed in the scheduled event.
   */
  private String credentialsRole(TaskStepContext step, TaskState task) {
    JsonNode credentials = task.credentials();
    if (credentials == null) {
      return null;
    }
    Data data = run.setup().data();
    JsonNode evaluated =
        step.jsonata()
            ? data.jsonata(credentials, "Credentials", step.statesVariable(null, null), step)
            : data.template(credentials, step.rawInput(), step);
    JsonNode role = evaluated.get("RoleArn");
    return role == null ? null : role.isTextual() ? role.textValue() : role.toString();
  }

  /**
   * {@code taskCredentials}, as AWS records it in a scheduled event when the state assumes a role.
   */
  private static void putCredentials(ObjectNode details, String role) {
    if (role != null) {
      details.putObject("taskCredentials").put("roleArn", role);
    }
  }

  /** One attempt: a retry evaluates the input again and, for a callback, gets a new token. */
  private void attempt(TaskStepContext step, TaskState task) {
    Resource resource = step.plan().resource;
    if (resource.isCallback() || resource.isActivity() || resource.isJob()) {
      // A job (.sync) has a token too: $$.Task.Token, and SendTaskSuccess/Failure/Heartbeat with
      // it end the job early or keep it alive, as on AWS.
      step.useTaskToken(setup.newTaskToken());
    }
    JsonNode effective = step.effectiveInput(task.io());
    Long timeoutSeconds =
        seconds(step, task.timeoutSeconds(), task.timeoutSecondsPath(), "TimeoutSeconds");
    Long heartbeatSeconds =
        seconds(step, task.heartbeatSeconds(), task.heartbeatSecondsPath(), "HeartbeatSeconds");
    String credentialsRole = credentialsRole(step, task);
    if (resource.isActivity()) {
      ObjectNode scheduled = ExecutionRun.NODES.objectNode();
      scheduled.put("resource", task.resource());
      scheduled.set("input", HistoryDetails.deferredText(effective));
      scheduled.set("inputDetails", HistoryDetails.notTruncated());
      if (timeoutSeconds != null) {
        scheduled.put("timeoutInSeconds", timeoutSeconds);
      }
      if (heartbeatSeconds != null) {
        scheduled.put("heartbeatInSeconds", heartbeatSeconds);
      }
      step.event("ActivityScheduled", scheduled);
      // An activity waits for a worker: no handler runs; a worker takes it and answers with the
      // token.
      Attempt attempt =
          new Attempt(step, task, resource, effective, timeoutSeconds, heartbeatSeconds);
      Parked parked = new Parked(step.taskToken());
      parked.arm(attempt);
      setup
          .activities()
          .schedule(
              task.resource(),
              step.taskToken(),
              effective,
              run,
              worker -> {
                if (step.live()) {
                  ObjectNode started = ExecutionRun.NODES.objectNode();
                  started.put("workerName", worker);
                  step.event("ActivityStarted", started);
                }
              });
      return;
    } else if (resource.isLambdaFunctionArn()) {
      // Details built when the history is read: a parked execution then holds a lambda, not a tree.
      step.eventLazily(
          "LambdaFunctionScheduled",
          () -> {
            ObjectNode d = ExecutionRun.NODES.objectNode();
            d.put("resource", task.resource());
            d.set("input", HistoryDetails.deferredText(effective));
            d.set("inputDetails", HistoryDetails.notTruncated());
            if (timeoutSeconds != null) {
              d.put("timeoutInSeconds", timeoutSeconds);
            }
            putCredentials(d, credentialsRole);
            return d;
          });
    } else {
      step.eventLazily(
          "TaskScheduled",
          () -> {
            ObjectNode d = ExecutionRun.NODES.objectNode();
            d.put("resourceType", resource.type());
            d.put("resource", resource.action());
            d.put("region", setup.region());
            d.set("parameters", HistoryDetails.deferredText(effective));
            if (timeoutSeconds != null) {
              d.put("timeoutInSeconds", timeoutSeconds);
            }
            if (heartbeatSeconds != null) {
              d.put("heartbeatInSeconds", heartbeatSeconds);
            }
            putCredentials(d, credentialsRole);
            return d;
          });
    }
    if (resource.isCallback() || resource.isJob()) {
      // The context object is rebuilt, equal, if read again (it depends only on the run and the
      // step): an execution parked on its token should not hold a copy of it.
      step.invalidateContext();
    }
    // The task starts in a step of its own: concurrent branches all schedule before any starts.
    run.scheduler()
        .post(
            () -> {
              if (step.live()) {
                try {
                  start(
                      new Attempt(
                          step, task, resource, effective, timeoutSeconds, heartbeatSeconds));
                } catch (StatesError e) {
                  step.failState(e);
                }
              }
            });
  }

  /** AWS's error for a task result over 256 KiB, naming the resource as AWS does. */
  private static StatesError tooLarge(Attempt a) {
    return new StatesError(
        "States.DataLimitExceeded",
        "The state/task '"
            + a.resource().limitName(a.task().resource())
            + "' returned a result with a size exceeding the maximum number of bytes service limit.");
  }

  /** What one attempt knows. */
  private record Attempt(
      TaskStepContext step,
      TaskState task,
      Resource resource,
      JsonNode input,
      Long timeoutSeconds,
      Long heartbeatSeconds) {
    /** Whether events name no resource type: Lambda function ARNs and activities. */
    boolean lambdaArn() {
      return resource.isLambdaFunctionArn() || resource.isActivity();
    }

    /**
     * {@code <family>Succeeded}, family {@code LambdaFunction}, {@code Activity} or {@code Task}.
     */
    String succeededEvent() {
      return resource.isLambdaFunctionArn()
          ? "LambdaFunctionSucceeded"
          : resource.isActivity() ? "ActivitySucceeded" : "TaskSucceeded";
    }

    String failedEvent() {
      return resource.isLambdaFunctionArn()
          ? "LambdaFunctionFailed"
          : resource.isActivity() ? "ActivityFailed" : "TaskFailed";
    }

    String timedOutEvent() {
      return resource.isLambdaFunctionArn()
          ? "LambdaFunctionTimedOut"
          : resource.isActivity() ? "ActivityTimedOut" : "TaskTimedOut";
    }
  }

  private void start(Attempt a) {
    TaskStepContext step = a.step();
    step.eventLazily(
        a.lambdaArn() ? "LambdaFunctionStarted" : "TaskStarted",
        a.lambdaArn() ? null : () -> resourceDetails(a.resource()));
    if (setup.deliverTwice(step.name())) {
      deliverLostCopy(a);
    }
    Call call =
        new Call(
            step,
            a.resource().canonical(),
            a.resource().isCallback() ? step.taskToken() : null,
            a.resource().isJob() ? step.taskToken() : null);
    JsonNode result = null;
    StatesError failure = null;
    try {
      result = setup.invoke(step.plan(), a.input(), call);
      if (result == null) {
        result = NullNode.getInstance();
      }
      if (step.handlerResultExceeds(result)) {
        throw tooLarge(a);
      }
    } catch (StatesError e) {
      failure = e;
    } catch (RuntimeException e) {
      // A handler's exception fails the state as AWS's Java Lambda runtime reports it; the
      // Throwable itself stays on the execution for the test that wants its stack trace.
      taskThrew(e);
      failure = JavaErrors.of(e);
    }
    if (failure == null && call.parked != null) {
      // A callback, or a job the handler will finish later: the task waits, holding no thread.
      submitted(a, result);
      call.parked.arm(a);
      return;
    }
    if (call.parked != null) {
      call.parked.abandon();
    }
    if (failure == null && a.resource().isJob()) {
      // A job (.sync) the handler (or a mock) finished at once: AWS still records its start.
      submitted(a, result);
    }
    long durationMillis = call.durationMillis;
    if (a.timeoutSeconds() != null && durationMillis > millis(a.timeoutSeconds())) {
      run.scheduler()
          .at(later(run.nowMillis(), a.timeoutSeconds()), () -> timedOut(a, "States.Timeout"));
      return;
    }
    JsonNode finalResult = result;
    StatesError finalFailure = failure;
    Runnable finish =
        () -> {
          if (finalFailure != null) {
            failed(a, finalFailure.error(), finalFailure.cause());
          } else {
            succeeded(a, finalResult);
          }
        };
    if (durationMillis > 0) {
      run.scheduler().at(run.nowMillis() + durationMillis, finish);
    } else {
      finish.run();
    }
  }

  /** The exceptions Java task handlers threw, in order (each failed its attempt). */
  java.util.List<Throwable> thrown() {
    synchronized (thrown) {
      return java.util.List.copyOf(thrown);
    }
  }

  /** Keeps what a handler threw, for the test that wants its stack trace. */
  private void taskThrew(Throwable e) {
    synchronized (thrown) {
      thrown.add(e);
    }
  }

  /**
   * {@code TaskSubmitted}: a callback sent, or a job started, with what its start call answered.
   */
  private void submitted(Attempt a, JsonNode output) {
    a.step()
        .eventLazily(
            "TaskSubmitted",
            () -> {
              ObjectNode submitted = resourceDetails(a.resource());
              submitted.set("output", HistoryDetails.deferredText(output));
              submitted.set("outputDetails", HistoryDetails.notTruncated());
              return submitted;
            });
  }

  /**
   * At-least-once: the handler runs once more before the delivery that counts, on a copy of the
   * same input, and whatever it returns, throws or leaves pending is lost, as when AWS delivers a
   * task again after losing track of the first delivery. The history shows one delivery either way.
   */
  private void deliverLostCopy(Attempt a) {
    Call lost = new Call(a.step(), a.resource().canonical(), null, null);
    try {
      setup.deliver(a.task().resource(), a.resource().canonical(), a.input().deepCopy(), lost);
    } catch (RuntimeException outcomeLost) {
      // The lost delivery's failure never reaches the execution: only the next delivery's counts.
    }
    if (lost.parked != null) {
      lost.parked.abandon();
    }
  }

  private void succeeded(Attempt a, JsonNode result) {
    TaskStepContext step = a.step();
    if (!step.live()) {
      return;
    }
    step.eventLazily(
        a.succeededEvent(),
        () -> {
          ObjectNode d =
              a.lambdaArn() ? ExecutionRun.NODES.objectNode() : resourceDetails(a.resource());
          d.set("output", HistoryDetails.deferredText(result));
          d.set("outputDetails", HistoryDetails.notTruncated());
          return d;
        });
    try {
      step.exit(step.complete(a.task().io(), result));
    } catch (StatesError e) {
      step.failState(e);
    }
  }

  private void failed(Attempt a, String error, String cause) {
    TaskStepContext step = a.step();
    if (!step.live()) {
      return;
    }
    ObjectNode d = a.lambdaArn() ? ExecutionRun.NODES.objectNode() : resourceDetails(a.resource());
    if (error != null) {
      d.put("error", error);
    }
    if (cause != null) {
      d.put("cause", cause);
    }
    step.event(a.failedEvent(), d);
    step.handleError(error, cause, () -> attempt(step, a.task()));
  }

  private void timedOut(Attempt a, String error) {
    TaskStepContext step = a.step();
    if (!step.live()) {
      return;
    }
    ObjectNode d = a.lambdaArn() ? ExecutionRun.NODES.objectNode() : resourceDetails(a.resource());
    d.put("error", ErrorMatching.recordedName(error));
    step.event(a.timedOutEvent(), d);
    // Handled in a step of its own: tasks timing out together are all recorded first.
    run.scheduler()
        .post(
            () -> {
              if (step.live()) {
                step.handleError(error, null, () -> attempt(step, a.task()));
              }
            });
  }

  /**
   * A task waiting for its completion: a callback token, or a job finishing later. Its timers
   * ({@code TimeoutSeconds}, {@code HeartbeatSeconds}) run on the execution's clock; whichever of
   * completion and timer comes first ends it.
   */
  private final class Parked implements TaskTokens.Outcome {
    final String token;
    final TaskCompletion completion;
    Attempt attempt;
    Scheduler.Timer timeout;
    Scheduler.Timer heartbeat;
    boolean over;

    Parked(String token) {
      this.token = token;
      this.completion = setup.tokens().register(token, run, this);
    }

    /** The task has been submitted: it now waits, and its timers start. */
    void arm(Attempt a) {
      this.attempt = a;
      run.scheduler().parked(1);
      long now = run.nowMillis();
      if (a.timeoutSeconds() != null) {
        timeout =
            run.scheduler().at(later(now, a.timeoutSeconds()), () -> expire("States.Timeout"));
      }
      restartHeartbeat(now);
    }

    /** The handler failed before the task could wait: no completion will be accepted. */
    void abandon() {
      over = true;
      setup.tokens().end(token);
    }

    private void restartHeartbeat(long now) {
      if (heartbeat != null) {
        heartbeat.cancel();
      }
      if (attempt.heartbeatSeconds() != null) {
        heartbeat =
            run.scheduler()
                .at(
                    later(now, attempt.heartbeatSeconds()),
                    () -> expire(ErrorMatching.HEARTBEAT_TIMEOUT));
      }
    }

    private boolean end() {
      if (over || attempt == null) {
        return false;
      }
      over = true;
      run.scheduler().parked(-1);
      if (timeout != null) {
        timeout.cancel();
      }
      if (heartbeat != null) {
        heartbeat.cancel();
      }
      return true;
    }

    private void expire(String error) {
      if (end()) {
        setup.tokens().end(token);
        timedOut(attempt, error);
      }
    }

    @Override
    public void succeeded(JsonNode output) {
      if (end()) {
        JsonNode result = output == null ? NullNode.getInstance() : output;
        if (JsonSize.exceeds(result, ExecutionRun.PAYLOAD_LIMIT_BYTES)) {
          // A job finishing later is a task result like any other (callbacks over the limit are
          // refused by sendTaskSuccess before they get here).
          StatesError e = tooLarge(attempt);
          TaskExecutor.this.failed(attempt, e.error(), e.cause());
          return;
        }
        TaskExecutor.this.succeeded(attempt, result);
      }
    }

    @Override
    public void failed(String error, String cause) {
      if (end()) {
        TaskExecutor.this.failed(attempt, error, cause);
      }
    }

    @Override
    public void heartbeat() {
      if (!over && attempt != null) {
        restartHeartbeat(run.nowMillis());
      }
    }
  }

  /**
   * {@code TimeoutSeconds} or {@code HeartbeatSeconds}: a literal, a JSONata expression or a Path.
   */
  private Long seconds(TaskStepContext step, JsonNode literal, String path, String field) {
    if (path != null) {
      JsonNode value = run.setup().data().path(path, step.rawInput(), step);
      Long seconds = MapLimits.wholeNumber(value);
      // The range of the literal fields holds for values a path gives too: a timer of 0 or -5
      // seconds, or of "soon", is no timer.
      if (seconds == null || seconds < 1 || seconds >= SECONDS_LIMIT) {
        String shown = value.isTextual() ? value.textValue() : value.toString();
        throw FieldError.runtime(
            "The "
                + field
                + "Path field refers to value \""
                + shown
                + "\" which is not an integer at least 1 and below "
                + SECONDS_LIMIT
                + ": "
                + path);
      }
      return seconds;
    }
    if (literal == null) {
      return null;
    }
    JsonNode value = literal;
    if (value.isTextual()) {
      value = run.setup().data().jsonata(value, field, step.statesVariable(null, null), step);
    }
    return wholeSeconds(value);
  }

  /** Seconds in milliseconds, saturating: a timeout of 10^17 seconds is not a negative one. */
  private static long millis(long seconds) {
    return seconds > Long.MAX_VALUE / 1000
        ? Long.MAX_VALUE
        : seconds < Long.MIN_VALUE / 1000 ? Long.MIN_VALUE : seconds * 1000;
  }

  /** The instant {@code seconds} after {@code nowMillis}, saturating at the end of time. */
  private static long later(long nowMillis, long seconds) {
    long delay = millis(seconds);
    return delay > 0 && nowMillis > Long.MAX_VALUE - delay ? Long.MAX_VALUE : nowMillis + delay;
  }

  /**
   * A number of seconds as a long: a fraction is cut off, a number past a long is as good as
   * infinite. Reading {@code 1E+999999999} with {@link JsonNode#longValue()} would write out all
   * its digits first.
   */
  private static long wholeSeconds(JsonNode value) {
    if (!value.isNumber()) {
      return value.longValue();
    }
    BigDecimal decimal = JsonNumbers.decimal(value);
    if (decimal == null || JsonNumbers.integerDigits(decimal) > 18) {
      boolean negative = decimal == null ? value.doubleValue() < 0 : decimal.signum() < 0;
      return negative ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
    return decimal.longValue();
  }

  private static ObjectNode resourceDetails(Resource resource) {
    ObjectNode d = ExecutionRun.NODES.objectNode();
    d.put("resourceType", resource.type());
    d.put("resource", resource.action());
    return d;
  }

  /**
   * A Task resource as history events name it, read from its {@link ResourceArn}; made once per
   * state and machine ({@link StatePlan#resource}).
   *
   * @param type the {@code resourceType} of {@code Task*} events: the integration's service ({@code
   *     sns}, {@code aws-sdk:s3}); {@code lambda} for a function, {@code activity}, or {@code
   *     unknown}
   * @param action the {@code resource} of {@code Task*} events: the action with its suffix ({@code
   *     publish.waitForTaskToken}); the ARN itself for an activity or an unknown resource
   * @param canonical what handlers and service fakes are looked up by: {@code
   *     arn:aws:states:::<service>:<action>[.suffix]} for an integration of any partition, region
   *     and account; the ARN as written otherwise
   */
  record Resource(
      String type,
      String action,
      String canonical,
      boolean isLambdaFunctionArn,
      boolean isActivity,
      boolean isCallback,
      boolean isJob) {
    static Resource of(String resource) {
      ResourceArn arn = ResourceArn.parse(resource);
      ResourceArn.IntegrationPattern pattern = arn.pattern();
      boolean callback = pattern == ResourceArn.IntegrationPattern.WAIT_FOR_TASK_TOKEN;
      // A job run to its end (.sync, .sync:2) has a task token, and AWS records it as submitted.
      boolean job =
          pattern == ResourceArn.IntegrationPattern.SYNC
              || pattern == ResourceArn.IntegrationPattern.SYNC2;
      return switch (arn.kind()) {
        case LAMBDA_FUNCTION ->
            new Resource("lambda", "invoke", resource, true, false, false, false);
        case ACTIVITY -> new Resource("activity", resource, resource, false, true, false, false);
        case SERVICE_INTEGRATION ->
            new Resource(
                arn.service(),
                arn.actionWithSuffix(),
                arn.canonical(),
                false,
                false,
                callback,
                job);
        case OTHER -> new Resource("unknown", resource, resource, false, false, callback, job);
      };
    }

    /** The task name AWS puts in a {@code States.DataLimitExceeded} cause. */
    String limitName(String arn) {
      return isLambdaFunctionArn ? arn : type;
    }
  }

  /** The {@link TaskContext} of one handler call. */
  private final class Call implements TaskContext {
    private final TaskStepContext step;
    private final String resource;
    long durationMillis;
    Parked parked;

    /**
     * The token a job finished later waits on: the state's {@code $$.Task.Token}; null for other
     * tasks.
     */
    private final String jobToken;

    Call(TaskStepContext step, String resource, String callbackToken, String jobToken) {
      this.step = step;
      this.resource = resource;
      this.jobToken = jobToken;
      if (callbackToken != null) {
        parked = new Parked(callbackToken);
      }
    }

    @Override
    public TaskCompletion completeLater() {
      if (parked == null) {
        parked = new Parked(jobToken != null ? jobToken : setup.newTaskToken());
      }
      return parked.completion;
    }

    @Override
    public String executionArn() {
      return step.executionArn();
    }

    @Override
    public String stateName() {
      return step.name();
    }

    @Override
    public void recordHttpExchange(
        JsonNode request, JsonNode requestWithSecrets, JsonNode response) {
      step.inspect("request", request);
      step.inspect(SingleStateRun.REQUEST_WITH_SECRETS, requestWithSecrets);
      step.inspect("response", response);
    }

    @Override
    public String resource() {
      return resource;
    }

    @Override
    public int retryCount() {
      return step.retryCount();
    }

    @Override
    public String taskToken() {
      return step.taskToken();
    }

    @Override
    public Instant now() {
      return Instant.ofEpochMilli(run.nowMillis());
    }

    @Override
    public void simulateDuration(Duration duration) {
      durationMillis = Math.max(0, duration.toMillis());
    }
  }
}
