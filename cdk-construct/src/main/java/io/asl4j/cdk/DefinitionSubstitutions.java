package io.asl4j.cdk;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
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
 * Binds the {@code ${Name}} placeholders of a definition to CDK objects or plain values; deployed
 * as the state machine's {@code DefinitionSubstitutions}, and read to derive its IAM policy.
 *
 * <pre>{@code
 * DefinitionSubstitutions.builder()
 *     .function("ValidateOrderFn", validateOrder)   // ${ValidateOrderFn} -> the function's ARN
 *     .table("OrdersTable", orders)                 // ${OrdersTable}     -> the table's name
 *     .arn("AuditTopic", "arn:aws:sns:eu-west-1:123456789012:audit")
 *     .build();
 * }</pre>
 *
 * <p>What each binding substitutes is what the matching integration's parameter expects:
 *
 * <table>
 *   <caption>Substituted values</caption>
 *   <tr><th>binding</th><th>substituted</th><th>used in</th></tr>
 *   <tr><td>{@link IFunction}</td><td>function ARN</td><td>{@code Resource}, {@code FunctionName}</td></tr>
 *   <tr><td>{@link ITable}</td><td>table name</td><td>{@code TableName}</td></tr>
 *   <tr><td>{@link IQueue}</td><td>queue URL</td><td>{@code QueueUrl}</td></tr>
 *   <tr><td>{@link ITopic}</td><td>topic ARN</td><td>{@code TopicArn}</td></tr>
 *   <tr><td>{@link IStateMachine}</td><td>state machine ARN</td><td>{@code StateMachineArn}</td></tr>
 *   <tr><td>{@link IActivity}</td><td>activity ARN</td><td>{@code Resource}</td></tr>
 *   <tr><td>{@link IEventBus}</td><td>event bus ARN</td><td>{@code Entries[].EventBusName}</td></tr>
 *   <tr><td>{@link IBucket}</td><td>bucket name</td><td>{@code Bucket} (ItemReader, ResultWriter, aws-sdk:s3)</td></tr>
 *   <tr><td>{@link ITaskDefinition}</td><td>task definition ARN</td><td>{@code TaskDefinition} (ecs:runTask)</td></tr>
 *   <tr><td>{@link Builder#arn arn}/{@link Builder#value value}</td><td>the string</td><td>anywhere</td></tr>
 * </table>
 */
public final class DefinitionSubstitutions {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private static final DefinitionSubstitutions NONE = new DefinitionSubstitutions(Map.of());

  private final Map<String, Binding> bindings;

  private DefinitionSubstitutions(Map<String, Binding> bindings) {
    this.bindings = Collections.unmodifiableMap(new LinkedHashMap<>(bindings));
  }

  /** No substitutions. */
  public static DefinitionSubstitutions none() {
    return NONE;
  }

  public static Builder builder() {
    return new Builder(Map.of());
  }

  /** A builder holding these bindings, to add more. */
  public Builder toBuilder() {
    return new Builder(bindings);
  }

  /** The bindings by placeholder name, in the order they were added. */
  public Map<String, Binding> bindings() {
    return bindings;
  }

  /** What one placeholder is bound to. */
  public enum Kind {
    FUNCTION("Function"),
    TABLE("Table"),
    QUEUE("Queue"),
    TOPIC("Topic"),
    STATE_MACHINE("StateMachine"),
    ACTIVITY("Activity"),
    EVENT_BUS("EventBus"),
    BUCKET("Bucket"),
    TASK_DEFINITION("TaskDefinition"),
    /** A plain string: an ARN, a name, a URL. */
    VALUE("value");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    /** How messages name the kind: {@code Function}, {@code Table}, … */
    public String label() {
      return label;
    }
  }

  /**
   * One binding: the kind, the CDK object (or {@code null} for a plain value) and the string that
   * replaces the placeholder (a CDK token for CDK objects).
   */
  public record Binding(Kind kind, Object target, String value) {
    public Binding {
      Objects.requireNonNull(kind, "kind == null");
      Objects.requireNonNull(value, "value == null");
    }

    /** For messages: {@code Function Stack/ValidateOrder} or {@code value 'arn:…'}. */
    public String describe() {
      if (target instanceof software.constructs.IConstruct construct) {
        return kind.label() + " " + construct.getNode().getPath();
      }
      return kind.label() + " '" + value + "'";
    }
  }

  /** Collects bindings; a name may be bound once. */
  public static final class Builder {
    private final Map<String, Binding> bindings;

    private Builder(Map<String, Binding> bindings) {
      this.bindings = new LinkedHashMap<>(bindings);
    }

    /** {@code ${name}} becomes the function's ARN. */
    public Builder function(String name, IFunction function) {
      check(function, name);
      return put(name, new Binding(Kind.FUNCTION, function, function.getFunctionArn()));
    }

    /** {@code ${name}} becomes the table's name. */
    public Builder table(String name, ITable table) {
      check(table, name);
      return put(name, new Binding(Kind.TABLE, table, table.getTableName()));
    }

    /** {@code ${name}} becomes the queue's URL. */
    public Builder queue(String name, IQueue queue) {
      check(queue, name);
      return put(name, new Binding(Kind.QUEUE, queue, queue.getQueueUrl()));
    }

    /** {@code ${name}} becomes the topic's ARN. */
    public Builder topic(String name, ITopic topic) {
      check(topic, name);
      return put(name, new Binding(Kind.TOPIC, topic, topic.getTopicArn()));
    }

    /** {@code ${name}} becomes the state machine's ARN. */
    public Builder stateMachine(String name, IStateMachine stateMachine) {
      check(stateMachine, name);
      return put(
          name, new Binding(Kind.STATE_MACHINE, stateMachine, stateMachine.getStateMachineArn()));
    }

    /** {@code ${name}} becomes the activity's ARN. */
    public Builder activity(String name, IActivity activity) {
      check(activity, name);
      return put(name, new Binding(Kind.ACTIVITY, activity, activity.getActivityArn()));
    }

    /** {@code ${name}} becomes the event bus's ARN. */
    public Builder eventBus(String name, IEventBus eventBus) {
      check(eventBus, name);
      return put(name, new Binding(Kind.EVENT_BUS, eventBus, eventBus.getEventBusArn()));
    }

    /** {@code ${name}} becomes the bucket's name. */
    public Builder bucket(String name, IBucket bucket) {
      check(bucket, name);
      return put(name, new Binding(Kind.BUCKET, bucket, bucket.getBucketName()));
    }

    /**
     * {@code ${name}} becomes the task definition's ARN; {@code iam:PassRole} is then granted on
     * its task and execution roles only.
     */
    public Builder taskDefinition(String name, ITaskDefinition taskDefinition) {
      check(taskDefinition, name);
      return put(
          name,
          new Binding(Kind.TASK_DEFINITION, taskDefinition, taskDefinition.getTaskDefinitionArn()));
    }

    /** {@code ${name}} becomes {@code arn}, an ARN of any resource. */
    public Builder arn(String name, String arn) {
      check(arn, name);
      return put(name, new Binding(Kind.VALUE, null, arn));
    }

    /** {@code ${name}} becomes {@code value}, any string (a name, a URL, an ARN). */
    public Builder value(String name, String value) {
      check(value, name);
      return put(name, new Binding(Kind.VALUE, null, value));
    }

    public DefinitionSubstitutions build() {
      return new DefinitionSubstitutions(bindings);
    }

    private static void check(Object target, String name) {
      Objects.requireNonNull(name, "name == null");
      if (!NAME.matcher(name).matches()) {
        throw new IllegalArgumentException("not a valid placeholder name: " + name);
      }
      if (target == null) {
        throw new IllegalArgumentException(
            "[Asl4jBindingToNothing] substitution ${" + name + "} is bound to null");
      }
    }

    private Builder put(String name, Binding binding) {
      Binding previous = bindings.putIfAbsent(name, binding);
      if (previous != null) {
        throw new IllegalStateException(
            "${" + name + "} is already bound to " + previous.describe());
      }
      return this;
    }
  }
}
