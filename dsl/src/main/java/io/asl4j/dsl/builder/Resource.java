package io.asl4j.dsl.builder;

import java.util.Objects;

/**
 * A Task {@code Resource}: a Lambda function, an optimized or SDK service integration, an activity,
 * or a {@code ${Name}} placeholder bound at deployment. Immutable.
 *
 * <pre>{@code
 * Resource.lambdaFunction("us-east-1", "123456789012", "ValidateOrder")
 *     // arn:aws:lambda:us-east-1:123456789012:function:ValidateOrder
 * Resource.lambdaInvoke().waitForTaskToken()   // arn:aws:states:::lambda:invoke.waitForTaskToken
 * Resource.glueStartJobRun().sync()            // arn:aws:states:::glue:startJobRun.sync
 * Resource.placeholder("ValidateOrderFn")      // ${ValidateOrderFn}
 * }</pre>
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/step-functions/latest/dg/integrate-optimized.html">Optimized
 *     integrations</a>
 */
public final class Resource extends WrappedValue {
  private final String arn;

  private Resource(String arn) {
    this.arn = arn;
  }

  /** Any resource ARN as text. */
  public static Resource arn(String arn) {
    return new Resource(Objects.requireNonNull(arn, "arn == null"));
  }

  /** {@code ${name}}: a placeholder that the CDK construct replaces with a real ARN. */
  public static Resource placeholder(String name) {
    Objects.requireNonNull(name, "name == null");
    if (name.isEmpty() || name.contains("}")) {
      throw new IllegalArgumentException("not a valid placeholder name: " + name);
    }
    return new Resource("${" + name + "}");
  }

  /** A Lambda function by ARN (called directly: the result is the function's output). */
  public static Resource lambda(String functionArn) {
    return arn(functionArn);
  }

  /** {@code arn:aws:lambda:<region>:<account>:function:<name>}. */
  public static Resource lambdaFunction(String region, String account, String name) {
    return arn("arn:aws:lambda:" + region + ":" + account + ":function:" + name);
  }

  /** {@code arn:aws:states:<region>:<account>:activity:<name>}. */
  public static Resource activity(String region, String account, String name) {
    return arn("arn:aws:states:" + region + ":" + account + ":activity:" + name);
  }

  /** {@code arn:aws:states:::<service>:<action>}: any optimized integration. */
  public static Resource integration(String service, String action) {
    return arn("arn:aws:states:::" + service + ":" + action);
  }

  /** {@code arn:aws:states:::aws-sdk:<service>:<action>}: an AWS SDK integration. */
  public static Resource sdk(String service, String action) {
    return arn("arn:aws:states:::aws-sdk:" + service + ":" + action);
  }

  /** {@code arn:aws:states:::lambda:invoke} (arguments: FunctionName, Payload). */
  public static Resource lambdaInvoke() {
    return integration("lambda", "invoke");
  }

  /** {@code arn:aws:states:::dynamodb:getItem}. */
  public static Resource dynamoDbGetItem() {
    return integration("dynamodb", "getItem");
  }

  /** {@code arn:aws:states:::dynamodb:putItem}. */
  public static Resource dynamoDbPutItem() {
    return integration("dynamodb", "putItem");
  }

  /** {@code arn:aws:states:::dynamodb:updateItem}. */
  public static Resource dynamoDbUpdateItem() {
    return integration("dynamodb", "updateItem");
  }

  /** {@code arn:aws:states:::dynamodb:deleteItem}. */
  public static Resource dynamoDbDeleteItem() {
    return integration("dynamodb", "deleteItem");
  }

  /** {@code arn:aws:states:::sqs:sendMessage}. */
  public static Resource sqsSendMessage() {
    return integration("sqs", "sendMessage");
  }

  /** {@code arn:aws:states:::sns:publish}. */
  public static Resource snsPublish() {
    return integration("sns", "publish");
  }

  /** {@code arn:aws:states:::events:putEvents} (EventBridge). */
  public static Resource eventBridgePutEvents() {
    return integration("events", "putEvents");
  }

  /** {@code arn:aws:states:::states:startExecution}: a nested state machine. */
  public static Resource startExecution() {
    return integration("states", "startExecution");
  }

  /** {@code arn:aws:states:::ecs:runTask}. */
  public static Resource ecsRunTask() {
    return integration("ecs", "runTask");
  }

  /** {@code arn:aws:states:::glue:startJobRun}. */
  public static Resource glueStartJobRun() {
    return integration("glue", "startJobRun");
  }

  /** {@code arn:aws:states:::batch:submitJob}. */
  public static Resource batchSubmitJob() {
    return integration("batch", "submitJob");
  }

  /** {@code arn:aws:states:::http:invoke}: an HTTPS endpoint through an EventBridge connection. */
  public static Resource httpInvoke() {
    return integration("http", "invoke");
  }

  /** {@code arn:aws:states:::bedrock:invokeModel}. */
  public static Resource bedrockInvokeModel() {
    return integration("bedrock", "invokeModel");
  }

  /** This integration with {@code .sync}: wait for the job to complete. */
  public Resource sync() {
    return suffixed(".sync");
  }

  /** This integration with {@code .sync:2} (nested state machines: output as JSON). */
  public Resource sync2() {
    return suffixed(".sync:2");
  }

  /** This integration with {@code .waitForTaskToken}: wait for a callback with the task token. */
  public Resource waitForTaskToken() {
    return suffixed(".waitForTaskToken");
  }

  private Resource suffixed(String suffix) {
    if (arn.endsWith(".sync") || arn.endsWith(".sync:2") || arn.endsWith(".waitForTaskToken")) {
      throw new IllegalStateException("resource already has an integration pattern: " + arn);
    }
    return new Resource(arn + suffix);
  }

  /** The ARN text. */
  public String arn() {
    return arn;
  }

  @Override
  Object wrapped() {
    return arn;
  }
}
