package io.asl4j.cdk.internal;

import java.util.Map;

/** The IAM action prefix of an {@code aws-sdk} service: mostly its SDK name, a few differ. */
final class SdkIamPrefixes {
  /** SDK service names whose IAM prefix differs. */
  private static final Map<String, String> IAM_PREFIX =
      Map.ofEntries(
          Map.entry("sfn", "states"),
          Map.entry("cloudwatchlogs", "logs"),
          Map.entry("sesv2", "ses"),
          Map.entry("efs", "elasticfilesystem"),
          Map.entry("elasticloadbalancingv2", "elasticloadbalancing"),
          Map.entry("mediastoredata", "mediastore"),
          Map.entry("apigatewayv2", "apigateway"),
          Map.entry("apigatewaymanagementapi", "execute-api"),
          Map.entry("emrserverless", "emr-serverless"),
          Map.entry("emrcontainers", "emr-containers"),
          Map.entry("cognitoidentityprovider", "cognito-idp"),
          Map.entry("cognitoidentity", "cognito-identity"),
          Map.entry("opensearch", "es"),
          Map.entry("dynamodbstreams", "dynamodb"),
          Map.entry("iotdata", "iot"),
          Map.entry("lexruntimev2", "lex"),
          Map.entry("sagemakerruntime", "sagemaker"),
          Map.entry("bedrockruntime", "bedrock"),
          Map.entry("bedrockagentruntime", "bedrock"),
          Map.entry("s3control", "s3"));

  private SdkIamPrefixes() {}

  /** The IAM prefix of SDK service {@code service} (e.g. {@code sfn} → {@code states}). */
  static String of(String service) {
    return IAM_PREFIX.getOrDefault(service, service);
  }
}
