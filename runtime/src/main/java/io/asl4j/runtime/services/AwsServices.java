package io.asl4j.runtime.services;

import com.fasterxml.jackson.databind.JsonNode;
import io.asl4j.dsl.model.ResourceArn;
import io.asl4j.runtime.StatesError;
import io.asl4j.runtime.TaskContext;
import io.asl4j.runtime.TaskHandler;
import io.asl4j.runtime.services.internal.Ids;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * In-memory fakes of the services Step Functions calls directly, answering with AWS's response
 * shapes and errors, each inspectable from a test. Register them all on a machine with {@code
 * LocalStateMachine.Builder#services}:
 *
 * <pre>{@code
 * AwsServices services = AwsServices.create();
 * services.dynamoDb().createTable("Orders", "orderId");
 * LocalStateMachine machine = LocalStateMachine.builder(definition).services(services).build();
 * machine.run(input);
 * services.dynamoDb().items("Orders");
 * services.sqs().messages("https://sqs.us-east-1.amazonaws.com/123456789012/approvals");
 * }</pre>
 *
 * <table>
 *   <caption>Resources served</caption>
 *   <tr><th>fake</th><th>resources ({@code arn:aws:states:::...}, with their {@code .sync}/{@code .waitForTaskToken} variants)</th></tr>
 *   <tr><td>{@link #dynamoDb()}</td><td>{@code dynamodb:getItem, putItem, updateItem, deleteItem};
 *       {@code aws-sdk:dynamodb:getItem, putItem, updateItem, deleteItem, query, scan}</td></tr>
 *   <tr><td>{@link #sqs()}</td><td>{@code sqs:sendMessage}</td></tr>
 *   <tr><td>{@link #sns()}</td><td>{@code sns:publish}</td></tr>
 *   <tr><td>{@link #eventBridge()}</td><td>{@code events:putEvents}</td></tr>
 *   <tr><td>{@link #stepFunctions()}</td><td>{@code states:startExecution} ({@code .sync}, {@code .sync:2});
 *       {@code aws-sdk:sfn:startExecution, sendTaskSuccess, sendTaskFailure, sendTaskHeartbeat}</td></tr>
 *   <tr><td>{@link #http()}</td><td>{@code http:invoke}</td></tr>
 *   <tr><td>{@link #s3()}</td><td>{@code s3:getObject, putObject, listObjectsV2};
 *       {@code aws-sdk:s3:getObject, putObject, listObjectsV2, listObjects, deleteObject, headObject}</td></tr>
 *   <tr><td>{@link #awsSdk}</td><td>any other {@code aws-sdk:<service>:<action>}</td></tr>
 * </table>
 *
 * <p>Ids (message ids, event ids, request ids) are random; {@link #create(long)} makes them
 * reproducible. Queues and topics default to region {@code us-east-1} and account {@code
 * 123456789012}, as {@code LocalStateMachine} does. Safe to use from any thread.
 */
public final class AwsServices {
  /** The prefix of every optimized integration's resource. */
  public static final String STATES = "arn:aws:states:::";

  /** The prefix of every AWS SDK integration's resource. */
  public static final String AWS_SDK = STATES + "aws-sdk:";

  private final DynamoDb dynamoDb;
  private final Sqs sqs;
  private final Sns sns;
  private final EventBridge eventBridge;
  private final StepFunctions stepFunctions;
  private final Http http;
  private final S3 s3;
  private final Map<String, TaskHandler> sdkHooks = new ConcurrentHashMap<>();

  private AwsServices(Long seed) {
    Ids ids = new Ids(seed);
    this.dynamoDb = new DynamoDb(ids);
    this.sqs = new Sqs(ids, "us-east-1", "123456789012");
    this.sns = new Sns(ids, "us-east-1", "123456789012");
    this.eventBridge = new EventBridge(ids);
    this.stepFunctions = new StepFunctions(ids);
    this.http = new Http();
    this.s3 = new S3(ids);
  }

  /** The exact resources the fakes answer (besides every {@code aws-sdk:} call). */
  private static final Set<String> FAKED = Set.copyOf(new AwsServices(0L).handlers().keySet());

  /**
   * Whether the fakes answer {@code resource}, its {@code .sync} and {@code .waitForTaskToken}
   * forms included: for the hint when a machine has no handler for it.
   */
  public static boolean answers(String resource) {
    ResourceArn arn = ResourceArn.parse(resource);
    return arn.kind() == ResourceArn.Kind.SERVICE_INTEGRATION
        && (arn.isSdk() || FAKED.contains(STATES + arn.service() + ":" + arn.action()));
  }

  /** Fresh, empty fakes with random ids. */
  public static AwsServices create() {
    return new AwsServices(null);
  }

  /**
   * Fresh, empty fakes whose ids (message ids, event ids, request ids) follow from {@code seed}.
   */
  public static AwsServices create(long seed) {
    return new AwsServices(seed);
  }

  public DynamoDb dynamoDb() {
    return dynamoDb;
  }

  public Sqs sqs() {
    return sqs;
  }

  public Sns sns() {
    return sns;
  }

  public EventBridge eventBridge() {
    return eventBridge;
  }

  public StepFunctions stepFunctions() {
    return stepFunctions;
  }

  public Http http() {
    return http;
  }

  public S3 s3() {
    return s3;
  }

  /**
   * Answers {@code arn:aws:states:::aws-sdk:<service>:<action>} with {@code handler}, before any
   * fake: e.g. {@code awsSdk("secretsmanager", "getSecretValue", (input, ctx) -> ...)}. The handler
   * gets the task's parameters and returns the SDK response; throw {@link StatesError} for the
   * service's errors (named {@code <Service>.<Exception>}, e.g. {@code
   * SecretsManager.ResourceNotFoundException}).
   */
  public AwsServices awsSdk(String service, String action, TaskHandler handler) {
    Objects.requireNonNull(service, "service == null");
    Objects.requireNonNull(action, "action == null");
    sdkHooks.put(service + ":" + action, Objects.requireNonNull(handler, "handler == null"));
    return this;
  }

  /** The handlers to register by exact resource. */
  public Map<String, TaskHandler> handlers() {
    Map<String, TaskHandler> handlers = new LinkedHashMap<>();
    for (String action : new String[] {"getItem", "putItem", "updateItem", "deleteItem"}) {
      handlers.put(
          STATES + "dynamodb:" + action,
          (input, ctx) -> dynamoDb.call(action, input, ctx, DynamoDb.Flavor.OPTIMIZED));
    }
    handlers.put(STATES + "sqs:sendMessage", sqs::sendMessage);
    handlers.put(STATES + "sns:publish", sns::publish);
    handlers.put(STATES + "events:putEvents", eventBridge::putEvents);
    handlers.put(
        STATES + "states:startExecution",
        (input, ctx) -> stepFunctions.startExecution(input, ctx, false));
    handlers.put(STATES + "http:invoke", http::invoke);
    for (String action : new String[] {"getObject", "putObject", "listObjectsV2"}) {
      handlers.put(STATES + "s3:" + action, (input, ctx) -> s3.call(action, input, ctx, false));
    }
    return handlers;
  }

  /** The handlers to register by resource prefix: the {@code aws-sdk:} integrations. */
  public Map<String, TaskHandler> prefixHandlers() {
    return Map.of(AWS_SDK, this::awsSdkCall);
  }

  private JsonNode awsSdkCall(JsonNode input, TaskContext ctx) {
    ResourceArn arn = ResourceArn.parse(ctx.resource());
    String service = arn.isSdk() ? arn.serviceName() : "";
    String action = arn.isSdk() ? arn.action() : "";
    TaskHandler hook = sdkHooks.get(service + ":" + action);
    if (hook != null) {
      return hook.handle(input, ctx);
    }
    switch (service) {
      case "dynamodb" -> {
        if (java.util.List.of("getItem", "putItem", "updateItem", "deleteItem", "query", "scan")
            .contains(action)) {
          return dynamoDb.call(action, input, ctx, DynamoDb.Flavor.SDK);
        }
      }
      case "s3" -> {
        if (java.util.List.of(
                "getObject",
                "putObject",
                "listObjectsV2",
                "listObjects",
                "deleteObject",
                "headObject")
            .contains(action)) {
          return s3.call(action, input, ctx, true);
        }
      }
      case "sfn" -> {
        if (action.equals("startExecution")) {
          return stepFunctions.startExecution(input, ctx, true);
        }
        if (java.util.List.of("sendTaskSuccess", "sendTaskFailure", "sendTaskHeartbeat")
            .contains(action)) {
          return stepFunctions.sendTask(action, input);
        }
      }
      default -> {}
    }
    throw new StatesError(
        "States.TaskFailed",
        "No fake answers '"
            + ctx.resource()
            + "': register one with AwsServices.awsSdk(\""
            + service
            + "\", \""
            + action
            + "\", handler)");
  }
}
