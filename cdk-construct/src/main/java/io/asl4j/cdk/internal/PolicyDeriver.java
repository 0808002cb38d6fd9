package io.asl4j.cdk.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.asl4j.cdk.DefinitionSubstitutions.Binding;
import io.asl4j.dsl.json.AslReader;
import io.asl4j.dsl.model.Graph;
import io.asl4j.dsl.model.GraphWalker;
import io.asl4j.dsl.model.ItemReader;
import io.asl4j.dsl.model.MapState;
import io.asl4j.dsl.model.ResourceArn;
import io.asl4j.dsl.model.ResultWriter;
import io.asl4j.dsl.model.StateMachine;
import io.asl4j.dsl.model.TaskState;
import io.asl4j.dsl.validate.Problem;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import software.amazon.awscdk.services.ecs.ITaskDefinition;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.sqs.IQueue;
import software.amazon.awscdk.services.stepfunctions.IActivity;

/**
 * Derives the least-privilege statements a state machine's role needs from its definition: one rule
 * per task pattern (see the table in {@code Asl4jStateMachine}'s Javadoc). Where a resource cannot
 * be known at synth time (a {@code .$} path, a JSONata expression, an {@code aws-sdk} call without
 * a recognisable resource parameter) the grant is widened as little as possible and a {@code
 * [Asl4jWidenedPolicy]} warning says where and why.
 */
public final class PolicyDeriver {
  /** Tag of the warning emitted where a grant had to be widened. */
  public static final String WIDENED = "Asl4jWidenedPolicy";

  private static final String HTTP_INVOKE = ResourceArn.STATES_PREFIX + "http:invoke";

  private static final Map<String, String> DYNAMODB_ACTIONS =
      Map.of(
          "getItem", "dynamodb:GetItem",
          "putItem", "dynamodb:PutItem",
          "updateItem", "dynamodb:UpdateItem",
          "deleteItem", "dynamodb:DeleteItem");

  /** Where the state machine is deployed: partition, region, account (literals or CDK tokens). */
  public record Env(String partition, String region, String account) {
    String arn(String service, String resource) {
      return "arn:" + partition + ":" + service + ":" + region + ":" + account + ":" + resource;
    }
  }

  /** The derived statements and the problems found on the way (errors and warnings). */
  public record Result(List<Grant> grants, List<Problem> problems) {}

  private final Map<String, Binding> bindings;
  private final Env env;
  private final String selfName;
  private final Set<String> overridden;
  private final Map<Object, Grant> grants = new LinkedHashMap<>();
  private final List<Problem> problems = new ArrayList<>();
  private String currentState;

  private PolicyDeriver(
      Map<String, Binding> bindings, Env env, String selfName, Set<String> overridden) {
    this.bindings = bindings;
    this.env = env;
    this.selfName = selfName;
    this.overridden = overridden;
  }

  /**
   * Derives the statements for {@code machine}.
   *
   * @param selfName the state machine's name, required when {@link #needsOwnName} is true
   * @param overridden states whose statements the user gives instead (no derivation, no warning)
   */
  public static Result derive(
      StateMachine machine,
      Map<String, Binding> bindings,
      Env env,
      String selfName,
      Set<String> overridden) {
    PolicyDeriver deriver = new PolicyDeriver(bindings, env, selfName, overridden);
    deriver.graph(machine, "");
    return new Result(List.copyOf(deriver.grants.values()), List.copyOf(deriver.problems));
  }

  /**
   * Whether the role must name the state machine itself (a distributed Map starts child executions
   * of it; {@code http:invoke} is authorised on it), so its name must be known at synth time.
   */
  public static boolean needsOwnName(StateMachine machine) {
    boolean[] needs = {false};
    GraphWalker.walk(
        machine,
        "",
        (name, state, at) -> {
          if (state instanceof TaskState task
                  && task.resource() != null
                  && ResourceArn.parse(task.resource()).canonical().equals(HTTP_INVOKE)
              || state instanceof MapState map && map.isDistributed()) {
            needs[0] = true;
          }
        });
    return needs[0];
  }

  /** All states of the machine by name, across branches and item processors. */
  public static Set<String> stateNames(StateMachine machine) {
    Set<String> names = new java.util.LinkedHashSet<>();
    GraphWalker.walk(machine, "", (name, state, at) -> names.add(name));
    return names;
  }

  // ---------------------------------------------------------------------------------------------
  // Walking the definition

  private void graph(Graph graph, String pointer) {
    GraphWalker.walk(
        graph,
        pointer,
        (name, state, at) -> {
          currentState = name;
          if (overridden.contains(name)) {
            return; // an overridden state's grants come from its override
          }
          if (state instanceof TaskState task) {
            task(task, at);
          } else if (state instanceof MapState map) {
            map(map, at);
          }
        });
  }

  private void map(MapState map, String at) {
    if (map.isDistributed()) {
      add(
          at,
          List.of("states:StartExecution"),
          List.of(env.arn("states", "stateMachine:" + selfName)));
      add(
          at,
          List.of("states:DescribeExecution", "states:StopExecution"),
          List.of(env.arn("states", "execution:" + selfName + "/*")));
    }
    ItemReader reader = map.itemReader();
    if (reader != null && reader.resource() != null) {
      itemReader(reader, at + "/ItemReader");
    }
    ResultWriter writer = map.resultWriter();
    if (writer != null && writer.resource() != null) {
      resultWriter(writer, at + "/ResultWriter");
    }
  }

  private void itemReader(ItemReader reader, String at) {
    JsonNode params = reader.parameters() != null ? reader.parameters() : reader.arguments();
    String paramsAt = at + (reader.parameters() != null ? "/Parameters" : "/Arguments");
    String resource = substitute(reader.resource(), at + "/Resource");
    if (resource == null) {
      return;
    }
    String bucket = resolve(params, "Bucket", Ref.BUCKET, paramsAt);
    ResourceArn arn = ResourceArn.parse(resource);
    boolean isS3 =
        arn.kind() == ResourceArn.Kind.SERVICE_INTEGRATION && arn.serviceName().equals("s3");
    if (isS3 && arn.action().equals("listObjectsV2")) {
      add(
          at,
          List.of("s3:ListBucket"),
          List.of(orWiden(bucket, s3("*"), at, "Bucket", "s3:ListBucket")));
    } else if (isS3 && arn.action().equals("getObject")) {
      String key = ParamArns.literal(params, "Key");
      String object = bucket == null ? null : bucket + "/" + (key == null ? "*" : key);
      if (bucket != null && key == null) {
        widened(
            at,
            "the ItemReader's Key is not known at synth time; granted s3:GetObject on "
                + "every object of the bucket");
      }
      add(
          at,
          List.of("s3:GetObject"),
          List.of(orWiden(object, s3("*"), at, "Bucket", "s3:GetObject")));
    } else {
      unknownIntegration(resource, at);
    }
  }

  private void resultWriter(ResultWriter writer, String at) {
    JsonNode params = writer.parameters() != null ? writer.parameters() : writer.arguments();
    String paramsAt = at + (writer.parameters() != null ? "/Parameters" : "/Arguments");
    String bucket = resolve(params, "Bucket", Ref.BUCKET, paramsAt);
    String prefix = ParamArns.literal(params, "Prefix");
    String objects = bucket == null ? null : bucket + "/" + (prefix == null ? "" : prefix) + "*";
    add(
        at,
        List.of(
            "s3:PutObject",
            "s3:GetObject",
            "s3:ListMultipartUploadParts",
            "s3:AbortMultipartUpload"),
        List.of(orWiden(objects, s3("*"), at, "Bucket", "s3:PutObject")));
  }

  private void task(TaskState task, String at) {
    String resourceAt = at + "/Resource";
    String raw = task.resource();
    if (raw == null) {
      return;
    }
    String whole = Placeholders.whole(raw);
    if (whole != null) {
      Binding binding = bindings.get(whole);
      if (binding == null) {
        return; // reported as an unbound placeholder
      }
      if (binding.target() instanceof IFunction function) {
        lambda(at, function.getFunctionArn());
        return;
      }
      if (binding.target() instanceof IActivity) {
        return; // activities need no permission in the state machine's role
      }
      if (binding.target() != null) {
        wrongKind(resourceAt, whole, binding, "a Function or an Activity");
        return;
      }
    }
    String resource = substitute(raw, resourceAt);
    if (resource == null) {
      return;
    }
    ResourceArn arn = ResourceArn.parse(resource);
    if (arn.kind() == ResourceArn.Kind.LAMBDA_FUNCTION) {
      // The function in its own partition, region and account, without its version or alias.
      lambda(at, arn.unqualifiedFunctionArn());
      return;
    }
    if (arn.kind() == ResourceArn.Kind.ACTIVITY) {
      return;
    }
    if (arn.kind() != ResourceArn.Kind.SERVICE_INTEGRATION) {
      problems.add(
          Problem.warning(
              WIDENED,
              resourceAt,
              "cannot tell what '" + raw + "' is; no permission granted for it"));
      return;
    }
    boolean sdk = arn.isSdk();
    String service = arn.serviceName();
    String action = arn.action();
    boolean sync =
        arn.pattern() == ResourceArn.IntegrationPattern.SYNC
            || arn.pattern() == ResourceArn.IntegrationPattern.SYNC2;
    String paramsAt = at + (task.io().parameters() != null ? "/Parameters" : "/Arguments");
    JsonNode params =
        task.io().parameters() != null ? task.io().parameters() : task.io().arguments();
    if (sdk) {
      sdk(service, action, params, at, paramsAt);
      return;
    }
    switch (service + ":" + action) {
      case "lambda:invoke" -> {
        String fn = resolve(params, "FunctionName", Ref.FUNCTION, paramsAt);
        if (fn == null) {
          widened(
              at,
              "FunctionName is not known at synth time; granted lambda:InvokeFunction on every function of the account and region");
          lambda(at, env.arn("lambda", "function:*"));
        } else {
          lambda(at, fn);
        }
      }
      case "dynamodb:getItem", "dynamodb:putItem", "dynamodb:updateItem", "dynamodb:deleteItem" -> {
        String table = resolve(params, "TableName", Ref.TABLE, paramsAt);
        add(
            at,
            List.of(DYNAMODB_ACTIONS.get(action)),
            List.of(
                orWiden(
                    table,
                    env.arn("dynamodb", "table/*"),
                    at,
                    "TableName",
                    DYNAMODB_ACTIONS.get(action))));
      }
      case "sqs:sendMessage" -> {
        String queue = resolve(params, "QueueUrl", Ref.QUEUE, paramsAt);
        add(
            at,
            List.of("sqs:SendMessage"),
            List.of(orWiden(queue, env.arn("sqs", "*"), at, "QueueUrl", "sqs:SendMessage")));
        IQueue bound = target(params, "QueueUrl", IQueue.class);
        if (bound != null && bound.getEncryptionMasterKey() != null) {
          kms(at, bound.getEncryptionMasterKey());
        }
      }
      case "sns:publish" -> sns(params, at, paramsAt);
      case "events:putEvents" -> putEvents(params, at, paramsAt);
      case "states:startExecution" -> {
        String sm = resolve(params, "StateMachineArn", Ref.STATE_MACHINE, paramsAt);
        add(
            at,
            List.of("states:StartExecution"),
            List.of(
                orWiden(
                    sm,
                    env.arn("states", "stateMachine:*"),
                    at,
                    "StateMachineArn",
                    "states:StartExecution")));
        if (sync) {
          String executions =
              sm == null ? env.arn("states", "execution:*") : ParamArns.executionsOf(sm);
          add(at, List.of("states:DescribeExecution", "states:StopExecution"), List.of(executions));
          eventsRule(at, "StepFunctionsGetEventsForStepFunctionsExecutionRule");
        }
      }
      case "ecs:runTask" -> ecs(params, at, paramsAt, sync);
      case "glue:startJobRun" -> {
        String job = resolve(params, "JobName", Ref.GLUE_JOB, paramsAt);
        List<String> actions =
            sync
                ? List.of(
                    "glue:StartJobRun", "glue:GetJobRun", "glue:GetJobRuns", "glue:BatchStopJobRun")
                : List.of("glue:StartJobRun");
        add(
            at,
            actions,
            List.of(orWiden(job, env.arn("glue", "job/*"), at, "JobName", "glue:StartJobRun")));
      }
      case "batch:submitJob" -> {
        String definition = resolve(params, "JobDefinition", Ref.JOB_DEFINITION, paramsAt);
        String queue = resolve(params, "JobQueue", Ref.JOB_QUEUE, paramsAt);
        add(
            at,
            List.of("batch:SubmitJob"),
            List.of(
                orWiden(
                    definition,
                    env.arn("batch", "job-definition/*"),
                    at,
                    "JobDefinition",
                    "batch:SubmitJob"),
                orWiden(
                    queue, env.arn("batch", "job-queue/*"), at, "JobQueue", "batch:SubmitJob")));
        if (sync) {
          // DescribeJobs has no resource-level permissions: '*' is its only resource.
          add(at, List.of("batch:DescribeJobs"), List.of("*"));
          add(at, List.of("batch:TerminateJob"), List.of(env.arn("batch", "job/*")));
          eventsRule(at, "StepFunctionsGetEventsForBatchJobsRule");
        }
      }
      case "http:invoke" -> http(params, at, paramsAt);
      default -> unknownIntegration(resource, at);
    }
  }

  private void lambda(String at, String functionArn) {
    add(at, List.of("lambda:InvokeFunction"), List.of(functionArn, functionArn + ":*"));
  }

  private void sns(JsonNode params, String at, String paramsAt) {
    if (ParamArns.has(params, "PhoneNumber")) {
      // SMS to a phone number is authorised on '*': there is no topic ARN to name.
      widened(at, "publishing to a PhoneNumber needs sns:Publish on *");
      add(at, List.of("sns:Publish"), List.of("*"));
      return;
    }
    String key = ParamArns.has(params, "TargetArn") ? "TargetArn" : "TopicArn";
    String topic = resolve(params, key, Ref.TOPIC, paramsAt);
    add(
        at,
        List.of("sns:Publish"),
        List.of(orWiden(topic, env.arn("sns", "*"), at, key, "sns:Publish")));
    ITopic bound = target(params, key, ITopic.class);
    if (bound != null && bound.getMasterKey() != null) {
      kms(at, bound.getMasterKey());
    }
  }

  private void putEvents(JsonNode params, String at, String paramsAt) {
    JsonNode entries = params == null ? null : params.get("Entries");
    List<String> buses = new ArrayList<>();
    if (entries == null || !entries.isArray()) {
      widened(
          at,
          "Entries are not known at synth time; granted events:PutEvents on every event bus of the account and region");
      buses.add(env.arn("events", "event-bus/*"));
    } else {
      for (int i = 0; i < entries.size(); i++) {
        JsonNode entry = entries.get(i);
        String bus;
        if (!ParamArns.has(entry, "EventBusName")) {
          bus = env.arn("events", "event-bus/default");
        } else {
          bus = resolve(entry, "EventBusName", Ref.EVENT_BUS, paramsAt + "/Entries/" + i);
          bus =
              orWiden(
                  bus,
                  env.arn("events", "event-bus/*"),
                  at,
                  "Entries/" + i + "/EventBusName",
                  "events:PutEvents");
        }
        if (!buses.contains(bus)) {
          buses.add(bus);
        }
      }
    }
    add(at, List.of("events:PutEvents"), buses);
  }

  private void ecs(JsonNode params, String at, String paramsAt, boolean sync) {
    String taskDefinition = resolve(params, "TaskDefinition", Ref.TASK_DEFINITION, paramsAt);
    add(
        at,
        List.of("ecs:RunTask"),
        List.of(
            orWiden(
                taskDefinition,
                env.arn("ecs", "task-definition/*"),
                at,
                "TaskDefinition",
                "ecs:RunTask")));
    ITaskDefinition bound = target(params, "TaskDefinition", ITaskDefinition.class);
    if (bound != null) {
      List<String> roles = new ArrayList<>();
      roles.add(bound.getTaskRole().getRoleArn());
      IRole execution = bound.getExecutionRole();
      if (execution != null) {
        roles.add(execution.getRoleArn());
      }
      add(at, List.of("iam:PassRole"), roles);
    } else {
      widened(
          at,
          "the task definition's roles are unknown; granted iam:PassRole on * to ecs-tasks.amazonaws.com only (bind the task definition with DefinitionSubstitutions.taskDefinition to name its roles)");
      grants.putIfAbsent(
          List.of(List.of("iam:PassRole"), List.of("*"), "ecs"),
          new Grant(
              at,
              List.of("iam:PassRole"),
              List.of("*"),
              Map.of("StringEquals", Map.of("iam:PassedToService", "ecs-tasks.amazonaws.com"))));
    }
    if (sync) {
      add(at, List.of("ecs:StopTask", "ecs:DescribeTasks"), List.of(env.arn("ecs", "task/*")));
      eventsRule(at, "StepFunctionsGetEventsForECSTaskRule");
    }
  }

  private void http(JsonNode params, String at, String paramsAt) {
    Map<String, Object> conditions = new LinkedHashMap<>();
    String method = ParamArns.literal(params, "Method");
    String endpoint = ParamArns.literal(params, "ApiEndpoint");
    if (method != null && Placeholders.whole(method) == null) {
      conditions.put("StringEquals", Map.of("states:HTTPMethod", method));
    }
    if (endpoint != null && !endpoint.contains("${")) {
      conditions.put("StringLike", Map.of("states:HTTPEndpoint", endpoint + "*"));
    }
    Grant invoke =
        new Grant(
            at,
            List.of("states:InvokeHTTPEndpoint"),
            List.of(env.arn("states", "stateMachine:" + selfName)),
            conditions);
    grants.putIfAbsent(invoke.key(), invoke);
    JsonNode auth = params == null ? null : params.get("Authentication");
    String connection =
        resolve(auth, "ConnectionArn", Ref.CONNECTION, paramsAt + "/Authentication");
    add(
        at,
        List.of("events:RetrieveConnectionCredentials"),
        List.of(
            orWiden(
                connection,
                env.arn("events", "connection/*"),
                at,
                "Authentication/ConnectionArn",
                "events:RetrieveConnectionCredentials")));
    add(
        at,
        List.of("secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"),
        List.of(env.arn("secretsmanager", "secret:events!connection/*")));
  }

  private void sdk(String service, String action, JsonNode params, String at, String paramsAt) {
    String iamAction =
        SdkIamPrefixes.of(service)
            + ":"
            + Character.toUpperCase(action.charAt(0))
            + action.substring(1);
    List<String> resources = new ArrayList<>();
    if (params != null && params.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = params.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        String key = field.getKey();
        if (!field.getValue().isTextual() || key.endsWith(".$")) {
          continue;
        }
        Ref ref = Ref.ofSdkParameter(key);
        String text = field.getValue().textValue();
        String whole = Placeholders.whole(text);
        boolean bound =
            whole != null && bindings.containsKey(whole) && bindings.get(whole).target() != null;
        if (ref == Ref.ANY && !bound && !text.startsWith("arn:")) {
          continue;
        }
        String arn = resolve(params, key, ref, paramsAt);
        if (arn == null) {
          continue;
        }
        if ("Bucket".equals(key) && ParamArns.has(params, "Key")) {
          String objectKey = ParamArns.literal(params, "Key");
          arn = arn + "/" + (objectKey == null ? "*" : objectKey);
        }
        resources.add(arn);
        if (ref == Ref.TABLE && ParamArns.has(params, "IndexName")) {
          resources.add(arn + "/index/*");
        }
      }
    }
    if (resources.isEmpty()) {
      widened(
          at,
          "cannot infer the resource of aws-sdk:"
              + service
              + ":"
              + action
              + "; granted "
              + iamAction
              + " on * (bind a resource parameter to a CDK object, or give this state's statements with statePolicy)");
      resources.add("*");
    }
    add(at, List.of(iamAction), resources);
  }

  private void unknownIntegration(String resource, String at) {
    ResourceArn arn = ResourceArn.parse(resource);
    if (arn.kind() != ResourceArn.Kind.SERVICE_INTEGRATION) {
      return;
    }
    String service = arn.serviceName();
    String action =
        service + ":" + Character.toUpperCase(arn.action().charAt(0)) + arn.action().substring(1);
    widened(
        at,
        "no least-privilege rule for "
            + resource
            + "; granted "
            + action
            + " on * (the integration may need more; give this state's statements with statePolicy)");
    add(at, List.of(action), List.of("*"));
  }

  private void eventsRule(String at, String rule) {
    add(
        at,
        List.of("events:PutTargets", "events:PutRule", "events:DescribeRule"),
        List.of(env.arn("events", "rule/" + rule)));
  }

  private void kms(String at, IKey key) {
    add(at, List.of("kms:Decrypt", "kms:GenerateDataKey*"), List.of(key.getKeyArn()));
  }

  // ---------------------------------------------------------------------------------------------
  // Resolving parameter values to ARNs

  private <T> T target(JsonNode params, String key, Class<T> type) {
    String text = ParamArns.literal(params, key);
    String whole = text == null ? null : Placeholders.whole(text);
    Binding binding = whole == null ? null : bindings.get(whole);
    return binding != null && type.isInstance(binding.target())
        ? type.cast(binding.target())
        : null;
  }

  /**
   * The ARN a parameter names, or {@code null} when it cannot be known at synth time (absent,
   * dynamic, or bound to nothing, which is reported elsewhere).
   */
  private String resolve(JsonNode params, String key, Ref ref, String paramsAt) {
    String text = ParamArns.literal(params, key);
    if (text == null) {
      return null;
    }
    String at = paramsAt + "/" + AslReader.escape(key);
    String whole = Placeholders.whole(text);
    if (whole != null) {
      Binding binding = bindings.get(whole);
      if (binding == null) {
        return null;
      }
      if (binding.target() != null) {
        String arn = ref.arnOf(binding.target());
        if (arn == null) {
          wrongKind(at, whole, binding, ref.expected());
        }
        return arn;
      }
    }
    String value = substitute(text, at);
    return value == null ? null : ParamArns.arnOf(value, ref, env);
  }

  private String s3(String rest) {
    return "arn:" + env.partition() + ":s3:::" + rest;
  }

  /** {@code text} with every bound placeholder replaced; {@code null} if one is unbound. */
  private String substitute(String text, String at) {
    Matcher m = Placeholders.PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      Binding binding = bindings.get(m.group(1));
      if (binding == null) {
        return null;
      }
      m.appendReplacement(out, Matcher.quoteReplacement(binding.value()));
    }
    m.appendTail(out);
    return out.toString();
  }

  private String orWiden(String resolved, String wide, String at, String field, String action) {
    if (resolved != null) {
      return resolved;
    }
    widened(
        at, field + " is not known at synth time; granted " + action + " on " + describeWide(wide));
    return wide;
  }

  private static String describeWide(String wide) {
    return wide.equals("*") || wide.contains(":s3:::")
        ? "'" + wide + "'"
        : "every resource of that type in the account and region";
  }

  private void widened(String at, String message) {
    problems.add(Problem.warning(WIDENED, at, message));
  }

  private void wrongKind(String at, String name, Binding binding, String expected) {
    problems.add(
        Problem.error(
            "Asl4jSubstitutionKind",
            at,
            "${"
                + name
                + "} is bound to "
                + binding.describe()
                + ", but state '"
                + currentState
                + "' needs "
                + expected
                + " here"));
  }

  private void add(String at, List<String> actions, List<String> resources) {
    Grant grant = Grant.of(at, actions, resources);
    grants.putIfAbsent(grant.key(), grant);
  }
}
