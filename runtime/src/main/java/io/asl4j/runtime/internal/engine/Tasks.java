package io.asl4j.runtime.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asl4j.dsl.model.TaskState;
import io.asl4j.runtime.StatesError;
import io.asl4j.runtime.TaskContext;
import io.asl4j.runtime.internal.engine.ExecutionRun.Step;
import java.time.Duration;
import java.time.Instant;

/**
 * The Task state: resolves the handler for its resource, records the event family AWS records
 * (Lambda function ARNs get {@code LambdaFunction*} events, everything else {@code Task*}), and
 * applies {@code TimeoutSeconds} on the execution's clock.
 */
final class Tasks {
  private final RunSetup setup;
  private final ExecutionRun run;

  Tasks(RunSetup setup, ExecutionRun run) {
    this.setup = setup;
    this.run = run;
  }

  void execute(Step step, TaskState task) {
    JsonNode effective = step.effectiveInput(task.io());
    attempt(step, task, effective);
  }

  private void attempt(Step step, TaskState task, JsonNode effective) {
    Long timeoutSeconds = timeout(step, task);
    Resource resource = Resource.of(task.resource());
    boolean lambdaArn = resource.isLambdaFunctionArn();
    ObjectNode scheduled = ExecutionRun.NODES.objectNode();
    if (lambdaArn) {
      scheduled.put("resource", task.resource());
      scheduled.put("input", ExecutionRun.text(effective));
      scheduled.set("inputDetails", ExecutionRun.notTruncated());
      if (timeoutSeconds != null) {
        scheduled.put("timeoutInSeconds", timeoutSeconds);
      }
      run.event(step.frame, "LambdaFunctionScheduled", scheduled);
    } else {
      scheduled.put("resourceType", resource.type());
      scheduled.put("resource", resource.action());
      scheduled.put("region", setup.region());
      scheduled.put("parameters", ExecutionRun.text(effective));
      if (timeoutSeconds != null) {
        scheduled.put("timeoutInSeconds", timeoutSeconds);
      }
      run.event(step.frame, "TaskScheduled", scheduled);
    }
    // The task starts in a step of its own: concurrent branches all schedule before any starts.
    run.scheduler().post(() -> {
      if (step.frame.live()) {
        try {
          start(step, task, effective, resource, timeoutSeconds);
        } catch (StatesError e) {
          step.failState(e);
        }
      }
    });
  }

  private void start(Step step, TaskState task, JsonNode effective, Resource resource, Long timeoutSeconds) {
    boolean lambdaArn = resource.isLambdaFunctionArn();
    if (lambdaArn) {
      run.event(step.frame, "LambdaFunctionStarted", null);
    } else {
      run.event(step.frame, "TaskStarted", resourceDetails(resource));
    }
    Call call = new Call(step, task.resource());
    JsonNode result;
    StatesError failure = null;
    try {
      result = setup.invoke(task.resource(), effective, call);
      if (result == null) {
        result = com.fasterxml.jackson.databind.node.NullNode.getInstance();
      }
      if (JsonSize.exceeds(result, ExecutionRun.PAYLOAD_LIMIT_BYTES)) {
        throw new StatesError(
            "States.DataLimitExceeded",
            "The state/task '"
                + resource.limitName(task.resource())
                + "' returned a result with a size exceeding the maximum number of bytes service limit.");
      }
    } catch (StatesError e) {
      result = null;
      failure = e;
    } catch (RuntimeException e) {
      // A handler bug is reported like a function error, never as a raw stack trace.
      result = null;
      failure = new StatesError(e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
    }
    long now = run.nowMillis();
    long durationMillis = call.durationMillis;
    Runnable retry = () -> attempt(step, task, effective);
    if (timeoutSeconds != null && durationMillis > timeoutSeconds * 1000) {
      run.scheduler().at(now + timeoutSeconds * 1000, () -> {
        if (!step.frame.live()) {
          return;
        }
        ObjectNode d = lambdaArn ? ExecutionRun.NODES.objectNode() : resourceDetails(resource);
        d.put("error", "States.Timeout");
        run.event(step.frame, lambdaArn ? "LambdaFunctionTimedOut" : "TaskTimedOut", d);
        step.handleError("States.Timeout", null, retry);
      });
      return;
    }
    JsonNode finalResult = result;
    StatesError finalFailure = failure;
    Runnable finish = () -> {
      if (!step.frame.live()) {
        return;
      }
      if (finalFailure != null) {
        ObjectNode d = lambdaArn ? ExecutionRun.NODES.objectNode() : resourceDetails(resource);
        if (finalFailure.error() != null) {
          d.put("error", finalFailure.error());
        }
        if (finalFailure.cause() != null) {
          d.put("cause", finalFailure.cause());
        }
        run.event(step.frame, lambdaArn ? "LambdaFunctionFailed" : "TaskFailed", d);
        step.handleError(finalFailure.error(), finalFailure.cause(), retry);
        return;
      }
      ObjectNode d = lambdaArn ? ExecutionRun.NODES.objectNode() : resourceDetails(resource);
      d.put("output", ExecutionRun.text(finalResult));
      d.set("outputDetails", ExecutionRun.notTruncated());
      run.event(step.frame, lambdaArn ? "LambdaFunctionSucceeded" : "TaskSucceeded", d);
      try {
        step.exit(step.complete(task.io(), finalResult));
      } catch (StatesError e) {
        step.failState(e);
      }
    };
    if (durationMillis > 0) {
      run.scheduler().at(now + durationMillis, finish);
    } else {
      finish.run();
    }
  }

  private Long timeout(Step step, TaskState task) {
    if (task.timeoutSecondsPath() != null) {
      JsonNode value = run.setup().data().path(task.timeoutSecondsPath(), step.rawInput, step);
      return value.longValue();
    }
    JsonNode value = task.timeoutSeconds();
    if (value == null) {
      return null;
    }
    if (value.isTextual()) {
      value = run.setup().data().jsonata(value, "TimeoutSeconds", step.statesVariable(null, null), step);
    }
    return value.longValue();
  }

  private static ObjectNode resourceDetails(Resource resource) {
    ObjectNode d = ExecutionRun.NODES.objectNode();
    d.put("resourceType", resource.type());
    d.put("resource", resource.action());
    return d;
  }

  /** A Task resource ARN taken apart the way history events name it. */
  record Resource(String type, String action, boolean isLambdaFunctionArn) {
    static Resource of(String arn) {
      if (arn.startsWith("arn:aws:lambda:") && arn.contains(":function:")) {
        return new Resource("lambda", "invoke", true);
      }
      String prefix = "arn:aws:states:::";
      if (arn.startsWith(prefix)) {
        String rest = arn.substring(prefix.length());
        int colon = rest.lastIndexOf(':');
        if (rest.startsWith("aws-sdk:")) {
          return new Resource(rest.substring(0, colon), rest.substring(colon + 1), false);
        }
        int first = rest.indexOf(':');
        if (first > 0) {
          return new Resource(rest.substring(0, first), rest.substring(first + 1), false);
        }
      }
      if (arn.contains(":activity:")) {
        return new Resource("activity", arn, false);
      }
      return new Resource("unknown", arn, false);
    }

    /** The task name AWS puts in a {@code States.DataLimitExceeded} cause. */
    String limitName(String arn) {
      return isLambdaFunctionArn ? arn : type;
    }
  }

  /** The {@link TaskContext} of one handler call. */
  private final class Call implements TaskContext {
    private final Step step;
    private final String resource;
    long durationMillis;

    Call(Step step, String resource) {
      this.step = step;
      this.resource = resource;
    }

    @Override
    public String executionArn() {
      return setup.executionArn();
    }

    @Override
    public String stateName() {
      return step.name;
    }

    @Override
    public String resource() {
      return resource;
    }

    @Override
    public int retryCount() {
      return step.retryCount;
    }

    @Override
    public String taskToken() {
      return step.taskToken;
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

  /** The response of {@code arn:aws:states:::lambda:invoke} around a function's payload. */
  static ObjectNode invokeResponse(JsonNode payload, String requestId, Instant now, boolean logTail) {
    ObjectNode response = ExecutionRun.NODES.objectNode();
    response.put("ExecutedVersion", "$LATEST");
    String logResult = logTail ? logTail(requestId) : null;
    if (logResult != null) {
      response.put("LogResult", logResult);
    }
    response.set("Payload", payload);
    String length = String.valueOf(pythonJsonLength(payload));
    ObjectNode metadata = response.putObject("SdkHttpMetadata");
    ObjectNode all = metadata.putObject("AllHttpHeaders");
    if (logResult != null) {
      list(all, "X-Amz-Log-Result", logResult);
    }
    list(all, "X-Amz-Executed-Version", "$LATEST");
    list(all, "x-amzn-Remapped-Content-Length", "0");
    list(all, "Connection", "keep-alive");
    list(all, "x-amzn-RequestId", requestId);
    list(all, "Content-Length", length);
    list(all, "Date", java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(now.atZone(java.time.ZoneOffset.UTC)));
    list(all, "X-Amzn-Trace-Id", "Root=1-00000000-000000000000000000000000");
    list(all, "Content-Type", "application/json");
    ObjectNode headers = metadata.putObject("HttpHeaders");
    if (logResult != null) {
      headers.put("X-Amz-Log-Result", logResult);
    }
    headers.put("Connection", "keep-alive");
    headers.put("Content-Length", length);
    headers.put("Content-Type", "application/json");
    headers.put("Date", all.get("Date").get(0).asText());
    headers.put("X-Amz-Executed-Version", "$LATEST");
    headers.put("x-amzn-Remapped-Content-Length", "0");
    headers.put("x-amzn-RequestId", requestId);
    headers.put("X-Amzn-Trace-Id", "Root=1-00000000-000000000000000000000000");
    metadata.put("HttpStatusCode", 200);
    response.putObject("SdkResponseMetadata").put("RequestId", requestId);
    response.put("StatusCode", 200);
    return response;
  }

  /** {@code LogType: Tail}: the base64 tail of the function's log, as Lambda returns it. */
  private static String logTail(String requestId) {
    String log =
        "START RequestId: " + requestId + " Version: $LATEST\n"
            + "END RequestId: " + requestId + "\n"
            + "REPORT RequestId: " + requestId + "\tDuration: 1.00 ms\tBilled Duration: 1 ms\n";
    return java.util.Base64.getEncoder().encodeToString(log.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /**
   * The byte length of {@code value} as a Python function's {@code json.dumps} writes it (", " and
   * ": " separators, non-ASCII escaped): what Lambda reports as the payload's Content-Length.
   */
  static long pythonJsonLength(JsonNode value) {
    switch (value.getNodeType()) {
      case OBJECT:
        {
          long n = 2;
          int i = 0;
          for (java.util.Iterator<java.util.Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); i++) {
            java.util.Map.Entry<String, JsonNode> e = it.next();
            n += (i > 0 ? 2 : 0) + pythonStringLength(e.getKey()) + 2 + pythonJsonLength(e.getValue());
          }
          return n;
        }
      case ARRAY:
        {
          long n = 2;
          for (int i = 0; i < value.size(); i++) {
            n += (i > 0 ? 2 : 0) + pythonJsonLength(value.get(i));
          }
          return n;
        }
      case STRING:
        return pythonStringLength(value.textValue());
      default:
        return value.toString().length();
    }
  }

  private static long pythonStringLength(String s) {
    long n = 2;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\' || c == '\n' || c == '\r' || c == '\t' || c == '\b' || c == '\f') {
        n += 2;
      } else if (c < 0x20 || c > 0x7e) {
        n += 6;
      } else {
        n += 1;
      }
    }
    return n;
  }

  private static void list(ObjectNode headers, String name, String value) {
    ArrayNode values = headers.putArray(name);
    values.add(value);
  }
}
