package io.asl4j.cdk.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.asl4j.dsl.model.ResourceArn;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a task's parameters say about the resources it touches: their literal values and ARNs. */
final class ParamArns {
  private static final Pattern QUEUE_URL =
      Pattern.compile("https://sqs\\.([a-z0-9-]+)\\.amazonaws\\.com(?:\\.cn)?/([0-9]+)/([^/]+)");

  private ParamArns() {}

  /** Whether the parameters name {@code key}, statically or as a path ({@code key.$}). */
  static boolean has(JsonNode params, String key) {
    return params != null && params.isObject() && (params.has(key) || params.has(key + ".$"));
  }

  /** A static string parameter, or {@code null} when absent, dynamic or not a string. */
  static String literal(JsonNode params, String key) {
    if (params == null || !params.isObject()) {
      return null;
    }
    JsonNode value = params.get(key);
    if (value == null || !value.isTextual()) {
      return null;
    }
    String text = value.textValue();
    return text.startsWith("{%") && text.endsWith("%}") ? null : text;
  }

  /** A name, URL or ARN (possibly holding CDK tokens) as the ARN IAM wants. */
  static String arnOf(String value, Ref ref, PolicyDeriver.Env env) {
    if (value.startsWith("arn:")) {
      return switch (ref) {
        case FUNCTION -> ResourceArn.parse(value).unqualifiedFunctionArn();
        case JOB_DEFINITION -> value.matches(".*:job-definition/[^:]+") ? value + ":*" : value;
        case TASK_DEFINITION -> value.matches(".*:task-definition/[^:]+") ? value + ":*" : value;
        case BUCKET -> value;
        default -> value;
      };
    }
    return switch (ref) {
      case FUNCTION -> env.arn("lambda", "function:" + value.replaceAll(":.*$", ""));
      case TABLE -> env.arn("dynamodb", "table/" + value);
      case QUEUE -> {
        Matcher m = QUEUE_URL.matcher(value);
        yield m.matches()
            ? "arn:" + env.partition() + ":sqs:" + m.group(1) + ":" + m.group(2) + ":" + m.group(3)
            : env.arn("sqs", value);
      }
      case STATE_MACHINE -> env.arn("states", "stateMachine:" + value);
      case EVENT_BUS -> env.arn("events", "event-bus/" + value);
      case BUCKET -> "arn:" + env.partition() + ":s3:::" + value;
      case GLUE_JOB -> env.arn("glue", "job/" + value);
      case JOB_DEFINITION ->
          env.arn("batch", "job-definition/" + value + (value.contains(":") ? "" : ":*"));
      case JOB_QUEUE -> env.arn("batch", "job-queue/" + value);
      case TASK_DEFINITION ->
          env.arn("ecs", "task-definition/" + value + (value.contains(":") ? "" : ":*"));
      default -> null; // a topic or connection must be named by its ARN
    };
  }

  /** The ARN of every execution of a state machine, literal or CDK token. */
  static String executionsOf(String stateMachineArn) {
    Matcher m =
        Pattern.compile("arn:([^:]+):states:([^:]+):([^:]+):stateMachine:([^:]+)")
            .matcher(stateMachineArn);
    if (m.matches()) {
      return "arn:"
          + m.group(1)
          + ":states:"
          + m.group(2)
          + ":"
          + m.group(3)
          + ":execution:"
          + m.group(4)
          + ":*";
    }
    // A token: split it in CloudFormation.
    software.amazon.awscdk.ArnComponents parts =
        software.amazon.awscdk.Arn.split(
            stateMachineArn, software.amazon.awscdk.ArnFormat.COLON_RESOURCE_NAME);
    return "arn:"
        + parts.getPartition()
        + ":states:"
        + parts.getRegion()
        + ":"
        + parts.getAccount()
        + ":execution:"
        + parts.getResourceName()
        + ":*";
  }
}
