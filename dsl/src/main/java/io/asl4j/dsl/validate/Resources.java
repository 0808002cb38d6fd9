package io.asl4j.dsl.validate;

import io.asl4j.dsl.model.ResourceArn;
import io.asl4j.dsl.model.ResourceArn.IntegrationPattern;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises the {@code Resource} ARNs of Task states, ItemReaders and ResultWriters.
 *
 * <p>The table of optimized integrations follows the AWS Step Functions developer guide
 * ("Integrating optimized services with Step Functions"): each service, its actions, and the
 * integration patterns each action supports beyond request-response. AWS rejects an optimized
 * integration it does not know ({@code arn:aws:states:::dynamodb:query}: DynamoDB's optimized
 * integration has only the four item actions; queries go through {@code aws-sdk:dynamodb:query}).
 */
final class Resources {
  private Resources() {}

  /** What a Task {@code Resource} is, for validation. */
  enum Kind {
    LAMBDA_FUNCTION,
    ACTIVITY,
    OPTIMIZED,
    SDK,
    /** Contains a {@code ${Name}} placeholder, substituted at deployment; its shape is unknown. */
    PLACEHOLDER,
    UNKNOWN
  }

  /** A classified resource: its kind and, for integrations, the pattern it asks for. */
  record Resource(Kind kind, IntegrationPattern pattern) {}

  // aws, aws-cn, aws-us-gov, aws-iso-b, ...: a bounded repetition, since java.util.regex recurses
  // once per repetition of a group and a long "aws-a-a-a..." would overflow the stack.
  private static final Pattern PARTITION = Pattern.compile("aws(?:-[a-z]+){0,3}");

  /** us-east-1, eu-central-2, us-gov-west-1, cn-north-1, ap-southeast-5, ... */
  private static final Pattern REGION = Pattern.compile("[a-z]{2}(?:-[a-z]+){1,3}-[0-9]{1,2}");

  /** An account id: AWS's have 12 digits; examples and tests often shorten them. */
  private static final Pattern ACCOUNT = Pattern.compile("[0-9]{1,12}");

  /**
   * A {@code ${Name}} placeholder of CloudFormation, SAM or CDK (letters, digits, {@code :._-}).
   */
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[A-Za-z0-9_.:-]+\\}");

  /** The literal words templates use in place of a region or an account id. */
  private static final Pattern PLACEHOLDER_WORD =
      Pattern.compile("(?i):((?:your-)?region|(?:your-)?account(?:[_-]?id)?)(?=:)");

  private static final Set<IntegrationPattern> RR = Set.of(IntegrationPattern.REQUEST_RESPONSE);
  private static final Set<IntegrationPattern> RR_SYNC =
      Set.of(IntegrationPattern.REQUEST_RESPONSE, IntegrationPattern.SYNC);
  private static final Set<IntegrationPattern> RR_TOKEN =
      Set.of(IntegrationPattern.REQUEST_RESPONSE, IntegrationPattern.WAIT_FOR_TASK_TOKEN);
  private static final Set<IntegrationPattern> RR_SYNC_TOKEN =
      Set.of(
          IntegrationPattern.REQUEST_RESPONSE,
          IntegrationPattern.SYNC,
          IntegrationPattern.WAIT_FOR_TASK_TOKEN);

  /** Service → action → supported patterns, for {@code arn:aws:states:::<service>:<action>}. */
  private static final Map<String, Map<String, Set<IntegrationPattern>>> OPTIMIZED =
      Map.ofEntries(
          Map.entry("lambda", Map.of("invoke", RR_TOKEN)),
          Map.entry("batch", Map.of("submitJob", RR_SYNC)),
          Map.entry(
              "dynamodb", Map.of("getItem", RR, "putItem", RR, "updateItem", RR, "deleteItem", RR)),
          Map.entry("ecs", Map.of("runTask", RR_SYNC_TOKEN)),
          Map.entry("sns", Map.of("publish", RR_TOKEN)),
          Map.entry("sqs", Map.of("sendMessage", RR_TOKEN)),
          Map.entry("glue", Map.of("startJobRun", RR_SYNC)),
          Map.entry(
              "sagemaker",
              Map.of(
                  "createEndpoint", RR,
                  "createEndpointConfig", RR,
                  "createHyperParameterTuningJob", RR_SYNC,
                  "createLabelingJob", RR_SYNC,
                  "createModel", RR,
                  "createProcessingJob", RR_SYNC,
                  "createTrainingJob", RR_SYNC,
                  "createTransformJob", RR_SYNC,
                  "updateEndpoint", RR)),
          Map.entry(
              "elasticmapreduce",
              Map.of(
                  "createCluster", RR_SYNC,
                  "terminateCluster", RR_SYNC,
                  "addStep", RR_SYNC,
                  "cancelStep", RR,
                  "setClusterTerminationProtection", RR,
                  "modifyInstanceFleetByName", RR,
                  "modifyInstanceGroupByName", RR)),
          Map.entry(
              "emr-containers",
              Map.of(
                  "createVirtualCluster", RR,
                  "deleteVirtualCluster", RR_SYNC,
                  "startJobRun", RR_SYNC)),
          Map.entry(
              "emr-serverless",
              Map.of(
                  "createApplication", RR_SYNC,
                  "startApplication", RR_SYNC,
                  "stopApplication", RR_SYNC,
                  "deleteApplication", RR_SYNC,
                  "startJobRun", RR_SYNC,
                  "cancelJobRun", RR_SYNC)),
          Map.entry(
              "codebuild",
              Map.of(
                  "startBuild", RR_SYNC,
                  "stopBuild", RR,
                  "batchDeleteBuilds", RR,
                  "batchGetReports", RR,
                  "startBuildBatch", RR_SYNC,
                  "stopBuildBatch", RR,
                  "retryBuildBatch", RR_SYNC,
                  "deleteBuildBatch", RR)),
          Map.entry(
              "athena",
              Map.of(
                  "startQueryExecution", RR_SYNC,
                  "stopQueryExecution", RR,
                  "getQueryExecution", RR,
                  "getQueryResults", RR)),
          Map.entry(
              "eks",
              Map.of(
                  "createCluster", RR_SYNC,
                  "deleteCluster", RR_SYNC,
                  "createFargateProfile", RR_SYNC,
                  "deleteFargateProfile", RR_SYNC,
                  "createNodegroup", RR_SYNC,
                  "deleteNodegroup", RR_SYNC,
                  "runJob", RR_SYNC,
                  "call", RR)),
          Map.entry("apigateway", Map.of("invoke", RR_TOKEN)),
          Map.entry("databrew", Map.of("startJobRun", RR_SYNC)),
          Map.entry("events", Map.of("putEvents", RR_TOKEN)),
          Map.entry(
              "states",
              Map.of(
                  "startExecution",
                  Set.of(
                      IntegrationPattern.REQUEST_RESPONSE,
                      IntegrationPattern.SYNC,
                      IntegrationPattern.SYNC2,
                      IntegrationPattern.WAIT_FOR_TASK_TOKEN))),
          Map.entry("http", Map.of("invoke", RR)),
          Map.entry("bedrock", Map.of("invokeModel", RR, "createModelCustomizationJob", RR_SYNC)),
          Map.entry("mediaconvert", Map.of("createJob", RR_SYNC)));

  /** Classifies a Task {@code Resource} of a state machine. */
  static Resource task(String resource) {
    return task(resource, false);
  }

  /**
   * Classifies a Task {@code Resource}; {@code anyAccount} accepts any word as the region and
   * account of a Lambda function or an activity, as the TestState API does.
   */
  static Resource task(String resource, boolean anyAccount) {
    ResourceArn arn = ResourceArn.parse(resource);
    IntegrationPattern pattern = arn.pattern();
    if (resource.contains("${")) {
      return new Resource(placeholdersClosed(resource) ? Kind.PLACEHOLDER : Kind.UNKNOWN, pattern);
    }
    switch (arn.kind()) {
      case LAMBDA_FUNCTION:
      case ACTIVITY:
        // The TestState API accepts any word in place of the region and account of a Lambda
        // function or an activity (its recordings ran
        // arn:aws:lambda:your-region:your-account-id:...).
        boolean located =
            anyAccount
                ? !arn.region().isEmpty() && !arn.account().isEmpty()
                : REGION.matcher(arn.region()).matches()
                    && ACCOUNT.matcher(arn.account()).matches();
        Kind kind = arn.kind() == ResourceArn.Kind.ACTIVITY ? Kind.ACTIVITY : Kind.LAMBDA_FUNCTION;
        return new Resource(
            located && PARTITION.matcher(arn.partition()).matches() ? kind : Kind.UNKNOWN, pattern);
      case SERVICE_INTEGRATION:
        if (!integrationLocated(arn)) {
          return new Resource(Kind.UNKNOWN, pattern);
        }
        if (arn.isSdk()) {
          // SDK integrations: any service and action; .sync is not available for them.
          boolean known =
              pattern == IntegrationPattern.REQUEST_RESPONSE
                  || pattern == IntegrationPattern.WAIT_FOR_TASK_TOKEN;
          return new Resource(known ? Kind.SDK : Kind.UNKNOWN, pattern);
        }
        Set<IntegrationPattern> patterns =
            OPTIMIZED.getOrDefault(arn.service(), Map.of()).get(arn.action());
        return new Resource(
            patterns != null && patterns.contains(pattern) ? Kind.OPTIMIZED : Kind.UNKNOWN,
            pattern);
      default:
        return new Resource(Kind.UNKNOWN, pattern);
    }
  }

  /**
   * Whether a service integration's partition is AWS's and its region and account are empty ({@code
   * arn:aws:states:::sns:publish}) or filled in ({@code
   * arn:aws:states:us-east-1:123456789012:aws-sdk:transcribe:startTranscriptionJob}), as CDK and
   * SAM templates write it after substituting {@code ${AWS::Region}} and {@code ${AWS::AccountId}}.
   */
  private static boolean integrationLocated(ResourceArn arn) {
    return PARTITION.matcher(arn.partition()).matches()
        && (arn.region().isEmpty() || REGION.matcher(arn.region()).matches())
        && (arn.account().isEmpty() || ACCOUNT.matcher(arn.account()).matches());
  }

  /** Whether {@code resource} can be a distributed Map's {@code ItemReader} resource. */
  static boolean isItemReader(String resource) {
    return resource.contains("${")
        ? placeholdersClosed(resource)
        : isS3(resource, "getObject") || isS3(resource, "listObjectsV2");
  }

  /** Whether {@code resource} can be a distributed Map's {@code ResultWriter} resource. */
  static boolean isResultWriter(String resource) {
    return resource.contains("${") ? placeholdersClosed(resource) : isS3(resource, "putObject");
  }

  private static boolean isS3(String resource, String action) {
    ResourceArn arn = ResourceArn.parse(resource);
    return arn.kind() == ResourceArn.Kind.SERVICE_INTEGRATION
        && integrationLocated(arn)
        && arn.canonical().equals(ResourceArn.STATES_PREFIX + "s3:" + action);
  }

  /**
   * Why an unrecognised resource is wrong, when the cause is a common slip of templates: a
   * placeholder left open ({@code ${lambdaArn}), or the words REGION and ACCOUNT where a region
   * and an account id belong. Null when there is nothing more specific to say.
   */
  static String hint(String resource) {
    String open = openPlaceholder(resource);
    if (open != null) {
      return "the placeholder '" + open + "' is not closed with '}'";
    }
    Matcher word = PLACEHOLDER_WORD.matcher(resource);
    if (word.find()) {
      return "'"
          + word.group(1)
          + "' stands where a region (us-east-1) or a 12-digit account id belongs;"
          + " substitute it, or write ${AWS::Region} and ${AWS::AccountId}";
    }
    return null;
  }

  /** Whether every {@code ${} opens a well-formed {@code ${Name}} placeholder. */
  private static boolean placeholdersClosed(String resource) {
    return openPlaceholder(resource) == null;
  }

  /** The first {@code ${...} that is not a well-formed placeholder, up to where it breaks. */
  private static String openPlaceholder(String resource) {
    int from = 0;
    while (true) {
      int start = resource.indexOf("${", from);
      if (start < 0) {
        return null;
      }
      Matcher m = PLACEHOLDER.matcher(resource);
      if (m.find(start) && m.start() == start) {
        from = m.end();
        continue;
      }
      int end = resource.indexOf('}', start);
      return end < 0 ? resource.substring(start) : resource.substring(start, end + 1);
    }
  }
}
