package io.asl4j.cdk.internal;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.ecs.ITaskDefinition;
import software.amazon.awscdk.services.events.IEventBus;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.sqs.IQueue;
import software.amazon.awscdk.services.stepfunctions.IActivity;
import software.amazon.awscdk.services.stepfunctions.IStateMachine;

/**
 * What a task parameter names (a function, a table, ...), which decides how a name becomes an ARN
 * in {@link PolicyDeriver}, and which CDK construct bound to it gives that ARN.
 */
enum Ref {
  FUNCTION,
  TABLE,
  QUEUE,
  TOPIC,
  STATE_MACHINE,
  EVENT_BUS,
  BUCKET,
  TASK_DEFINITION,
  GLUE_JOB,
  JOB_DEFINITION,
  JOB_QUEUE,
  CONNECTION,
  ANY;

  /** Parameter names the aws-sdk rule reads resources from. */
  private static final Map<String, Ref> SDK_KEYS =
      Map.of(
          "TableName", TABLE,
          "QueueUrl", QUEUE,
          "TopicArn", TOPIC,
          "FunctionName", FUNCTION,
          "StateMachineArn", STATE_MACHINE,
          "EventBusName", EVENT_BUS,
          "Bucket", BUCKET);

  /** What an {@code aws-sdk} task's parameter {@code key} names ({@link #ANY} when not known). */
  static Ref ofSdkParameter(String key) {
    return SDK_KEYS.getOrDefault(key, ANY);
  }

  /** The ARN of {@code target} (a bound CDK construct) as this kind of resource, else null. */
  String arnOf(Object target) {
    return switch (this) {
      case FUNCTION -> target instanceof IFunction f ? f.getFunctionArn() : null;
      case TABLE -> target instanceof ITable t ? t.getTableArn() : null;
      case QUEUE -> target instanceof IQueue q ? q.getQueueArn() : null;
      case TOPIC -> target instanceof ITopic t ? t.getTopicArn() : null;
      case STATE_MACHINE -> target instanceof IStateMachine s ? s.getStateMachineArn() : null;
      case EVENT_BUS -> target instanceof IEventBus b ? b.getEventBusArn() : null;
      case BUCKET -> target instanceof IBucket b ? b.getBucketArn() : null;
      case TASK_DEFINITION -> target instanceof ITaskDefinition t ? t.getTaskDefinitionArn() : null;
      case ANY -> anyArn(target);
      default -> null;
    };
  }

  private static String anyArn(Object target) {
    for (Ref ref :
        List.of(FUNCTION, TABLE, QUEUE, TOPIC, STATE_MACHINE, EVENT_BUS, BUCKET, TASK_DEFINITION)) {
      String arn = ref.arnOf(target);
      if (arn != null) {
        return arn;
      }
    }
    return target instanceof IActivity a ? a.getActivityArn() : null;
  }

  /** The construct a binding for this kind of resource should hold, for error messages. */
  String expected() {
    return switch (this) {
      case FUNCTION -> "a Function";
      case TABLE -> "a Table";
      case QUEUE -> "a Queue";
      case TOPIC -> "a Topic";
      case STATE_MACHINE -> "a StateMachine";
      case EVENT_BUS -> "an EventBus";
      case BUCKET -> "a Bucket";
      case TASK_DEFINITION -> "a TaskDefinition";
      default -> "an ARN value";
    };
  }
}
