package io.asl4j.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.asl4j.dsl.json.AslReadException;
import io.asl4j.dsl.json.AslReader;
import io.asl4j.dsl.model.StateMachine;
import io.asl4j.dsl.model.StateMachineType;
import io.asl4j.dsl.validate.AslValidationException;
import io.asl4j.runtime.Execution;
import io.asl4j.runtime.ExecutionStatus;
import io.asl4j.runtime.HistoryEvent;
import io.asl4j.runtime.LocalStateMachine;
import io.asl4j.runtime.StatesError;
import io.asl4j.runtime.TaskContext;
import io.asl4j.runtime.services.AwsServices;
import io.asl4j.runtime.services.S3Objects;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Runs one recorded execution case on the local runtime and compares it with what AWS recorded.
 *
 * <p>The case's Lambda functions are mocked from their descriptions; the virtual clock starts now:
 * the corpus computed its "now + n" timestamps when it was extracted, not when AWS recorded the
 * case. Nothing here depends on a case's id or input.
 */
public final class ConformanceRunner {
  private static final String LAMBDA_INVOKE = "arn:aws:states:::lambda:invoke";

  private ConformanceRunner() {}

  /**
   * Whether the local runtime may run this case: it needs no AWS service but Lambda, or only S3
   * objects for an ItemReader, which the case carries, or an S3 bucket a ResultWriter writes to
   * (the S3 fake creates buckets as they are written), or services the fakes answer alone,
   * including callbacks over them that nobody answered (see {@link #callbackAnswered}); or its
   * other needs are Task resources, which {@link #attempt} stands guard over: a run that reaches
   * one of them needs AWS after all and has no verdict.
   */
  public static boolean runnable(ConformanceCase c) {
    if (c.definition() == null) {
      return false;
    }
    if ("pure".equals(c.category()) || "lambda".equals(c.category())) {
      return true;
    }
    JsonNode dependencies = c.raw().path("externalDependencies");
    if (!"service".equals(c.category()) || dependencies.size() == 0) {
      return false;
    }
    for (JsonNode dependency : dependencies) {
      if (!servedByFakes(dependency.asText(), c) && guardedResource(dependency.asText()) == null) {
        return false;
      }
    }
    return true;
  }

  /**
   * The resource to guard for a Task dependency the fakes cannot stand in for ({@code Task <state>:
   * <resource>}): the resource, without a {@code .sync}, {@code .sync:2} or {@code
   * .waitForTaskToken} suffix, as the runtime routes those to their base integration. Null for
   * other dependencies (activities, credentials, an ItemReader without its objects).
   */
  static String guardedResource(String dependency) {
    if (!dependency.startsWith("Task ")) {
      return null;
    }
    // Only service integrations go to handlers; an activity waits for a worker instead.
    int separator = dependency.indexOf(": arn:aws:states:::");
    if (separator < 0) {
      return null;
    }
    String resource = dependency.substring(separator + 2);
    int suffix = resource.indexOf(".sync");
    if (suffix < 0) {
      suffix = resource.indexOf(WAIT_FOR_TASK_TOKEN);
    }
    return suffix < 0 ? resource : resource.substring(0, suffix);
  }

  /**
   * Integrations the in-memory fakes answer with no setup a case cannot describe: any queue, topic
   * or bus is there, and a task token the execution did not issue is unknown.
   */
  private static final List<String> SELF_CONTAINED =
      List.of(
          "arn:aws:states:::sqs:sendMessage",
          "arn:aws:states:::sns:publish",
          "arn:aws:states:::events:putEvents",
          "arn:aws:states:::aws-sdk:sfn:sendTaskSuccess",
          "arn:aws:states:::aws-sdk:sfn:sendTaskFailure",
          "arn:aws:states:::aws-sdk:sfn:sendTaskHeartbeat");

  private static boolean servedByFakes(String dependency, ConformanceCase c) {
    if (dependency.endsWith(": ItemReader")) {
      return c.raw().path("s3Objects").isArray();
    }
    if (dependency.endsWith(": ResultWriter")) {
      return true;
    }
    String resource = dependency;
    if (dependency.endsWith(WAIT_FOR_TASK_TOKEN)) {
      // A callback answered by the recording test's other half (a consumer sending the token back
      // with an output the case does not describe) cannot be run; one nobody answered can.
      if (callbackAnswered(c)) {
        return false;
      }
      resource = dependency.substring(0, dependency.length() - WAIT_FOR_TASK_TOKEN.length());
    }
    String served = resource;
    return SELF_CONTAINED.stream().anyMatch(r -> served.endsWith(": " + r));
  }

  private static final String WAIT_FOR_TASK_TOKEN = ".waitForTaskToken";

  /**
   * Whether the recorded history shows a callback task answered from outside the execution: a
   * {@code TaskSucceeded} or {@code TaskFailed} of a {@code .waitForTaskToken} resource after its
   * {@code TaskSubmitted}. Without a recorded history nobody can tell, so it counts as answered.
   */
  static boolean callbackAnswered(ConformanceCase c) {
    if (c.history() == null) {
      return true;
    }
    boolean submitted = false;
    for (JsonNode event : c.history()) {
      String type = event.path("type").asText();
      if (type.equals("TaskSubmitted")) {
        submitted = true;
      } else if (submitted && (type.equals("TaskSucceeded") || type.equals("TaskFailed"))) {
        JsonNode details =
            event.path(
                type.equals("TaskSucceeded")
                    ? "taskSucceededEventDetails"
                    : "taskFailedEventDetails");
        if (details.path("resource").asText().endsWith(WAIT_FOR_TASK_TOKEN)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Runs the case and judges it; empty when the run reached a resource only AWS can answer (see
   * {@link #runnable}) and the recording shows AWS scheduling it there too. Never throws: a crash
   * is a failed case with its reason.
   */
  public static Optional<CaseOutcome> attempt(ConformanceCase c) {
    List<String> reached = new CopyOnWriteArrayList<>();
    CaseOutcome outcome = run(c, reached);
    if (reached.isEmpty()) {
      return Optional.of(outcome);
    }
    // Only a resource AWS itself was seen to schedule excuses the run: reaching one the recording
    // never shows AWS scheduling means the run went where AWS's did not.
    for (String resource : reached) {
      if (!recordingSchedules(c, resource)) {
        return Optional.of(
            CaseOutcome.failed(
                c,
                "the run reached "
                    + resource
                    + ", which the recorded history never shows AWS scheduling"));
      }
    }
    return Optional.empty();
  }

  /**
   * Whether the recorded history shows AWS scheduling {@code resource} ({@code
   * arn:aws:states:::sqs:sendMessage}): a {@code TaskScheduled} event of that resource type and
   * action, with or without a {@code .sync} or {@code .waitForTaskToken} suffix.
   */
  static boolean recordingSchedules(ConformanceCase c, String resource) {
    if (c.history() == null) {
      return false;
    }
    String integration = resource.substring(resource.indexOf(":::") + 3);
    for (JsonNode event : c.history()) {
      if (!"TaskScheduled".equals(event.path("type").asText())) {
        continue;
      }
      JsonNode details = event.path("taskScheduledEventDetails");
      String action = details.path("resource").asText();
      int suffix = action.indexOf('.');
      String scheduled =
          details.path("resourceType").asText()
              + ":"
              + (suffix < 0 ? action : action.substring(0, suffix));
      if (scheduled.equals(integration)) {
        return true;
      }
    }
    return false;
  }

  private static CaseOutcome run(ConformanceCase c, List<String> reached) {
    try {
      Execution execution = execute(c, reached);
      ActualResult actual =
          execution.status() == ExecutionStatus.SUCCEEDED
              ? ActualResult.succeeded(execution.output())
              : new ActualResult(
                  execution.status().name(), null, execution.error(), execution.cause());
      ExpectedComparator comparator = ExpectedComparator.forCase(c);
      Comparison result = comparator.compare(actual);
      if (result.matches() && c.history() != null) {
        result =
            comparator.compareHistory(
                execution.history().stream().map(HistoryEvent::toJson).toList());
      }
      return CaseOutcome.of(c, result);
    } catch (AslReadException | AslValidationException e) {
      return CaseOutcome.failed(c, "definition refused: " + e.getMessage().replace('\n', ' '));
    } catch (RuntimeException e) {
      return CaseOutcome.failed(c, "runtime crashed: " + e);
    }
  }

  /**
   * Runs the case's execution to its end; a Task reaching a resource the fakes cannot stand in for
   * fails, and its resource is added to {@code reached}.
   */
  private static Execution execute(ConformanceCase c, List<String> reached) {
    StateMachine definition = AslReader.read(c.definition());
    LocalStateMachine.Builder builder =
        LocalStateMachine.builder(definition)
            .virtualClock(Instant.now())
            .seed(0)
            .account("111111111111")
            .type(
                "EXPRESS".equals(c.stateMachineType())
                    ? StateMachineType.EXPRESS
                    : StateMachineType.STANDARD);
    for (Map.Entry<String, LambdaMock> entry : c.lambdas().entrySet()) {
      LambdaMock mock = entry.getValue();
      builder.handler(mock.arn(), (input, ctx) -> invoke(mock, input, ctx));
    }
    // A lambda:invoke naming a function the case does not have fails as Lambda does.
    builder.handler(
        LAMBDA_INVOKE,
        (input, ctx) -> {
          String name = input.path("FunctionName").asText("");
          throw new StatesError(
              "Lambda.ResourceNotFoundException",
              "Function not found: arn:aws:lambda:us-east-1:111111111111:function:"
                  + name
                  + ":$LATEST (Service: AWSLambda; Status Code: 404; Error Code: ResourceNotFoundException;"
                  + " Request ID: "
                  + UUID.randomUUID()
                  + "; Proxy: null)");
        });
    AwsServices services = AwsServices.create(0);
    builder.services(services);
    S3Objects objects = services.s3();
    for (JsonNode object : c.raw().path("s3Objects")) {
      objects.put(
          object.path("bucket").asText(),
          object.path("key").asText(),
          object.path("body").asText());
    }
    builder.s3(objects);
    for (JsonNode dependency : c.raw().path("externalDependencies")) {
      String resource =
          servedByFakes(dependency.asText(), c) ? null : guardedResource(dependency.asText());
      if (resource != null) {
        builder.handler(
            resource,
            (input, ctx) -> {
              reached.add(resource);
              throw new StatesError(
                  "Asl4j.NeedsAws",
                  "the case needs " + resource + " as the recording test set it up");
            });
      }
    }
    LocalStateMachine machine = builder.build();
    return machine.start(c.input(), "conformance").await();
  }

  private static JsonNode invoke(LambdaMock mock, JsonNode input, TaskContext ctx) {
    LambdaMock.Invocation invocation = mock.invoke(input, UUID.randomUUID().toString());
    if (invocation instanceof LambdaMock.Delayed delayed) {
      ctx.simulateDuration(delayed.delay());
      invocation = delayed.then();
    }
    if (invocation instanceof LambdaMock.FunctionError error) {
      boolean viaInvoke = ctx.resource().startsWith(LAMBDA_INVOKE);
      throw new StatesError(
          error.errorType(),
          viaInvoke ? error.causeForInvokeIntegration() : error.causeForFunctionArn());
    }
    LambdaMock.Returned returned = (LambdaMock.Returned) invocation;
    // A payload that is not JSON (raw bytes) still counts against the payload limit.
    return returned.json().orElseGet(() -> TextNode.valueOf(returned.payload()));
  }
}
