package io.asl4j.dsl.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.asl4j.dsl.model.ResourceArn.IntegrationPattern;
import io.asl4j.dsl.model.ResourceArn.Kind;
import org.junit.jupiter.api.Test;

class ResourceArnTest {
  @Test
  void lambdaFunctionsOfEveryPartitionParseAlike() {
    assertEquals(
        new ResourceArn(
            "arn:aws-cn:lambda:cn-north-1:123456789012:function:validate",
            Kind.LAMBDA_FUNCTION,
            "aws-cn",
            "cn-north-1",
            "123456789012",
            "lambda",
            "invoke",
            "validate",
            null,
            IntegrationPattern.REQUEST_RESPONSE),
        ResourceArn.parse("arn:aws-cn:lambda:cn-north-1:123456789012:function:validate"));
    ResourceArn gov =
        ResourceArn.parse(
            "arn:aws-us-gov:lambda:us-gov-west-1:123456789012:function:validate:live");
    assertEquals(
        new ResourceArn(
            "arn:aws-us-gov:lambda:us-gov-west-1:123456789012:function:validate:live",
            Kind.LAMBDA_FUNCTION,
            "aws-us-gov",
            "us-gov-west-1",
            "123456789012",
            "lambda",
            "invoke",
            "validate",
            "live",
            IntegrationPattern.REQUEST_RESPONSE),
        gov);
    assertEquals(
        "arn:aws-us-gov:lambda:us-gov-west-1:123456789012:function:validate",
        gov.unqualifiedFunctionArn());
    assertEquals(gov.arn(), gov.canonical());
  }

  @Test
  void regionAndAccountQualifiedIntegrationsHaveTheUsualCanonicalForm() {
    ResourceArn publish = ResourceArn.parse("arn:aws:states:us-east-1:123456789012:sns:publish");
    assertEquals(
        new ResourceArn(
            "arn:aws:states:us-east-1:123456789012:sns:publish",
            Kind.SERVICE_INTEGRATION,
            "aws",
            "us-east-1",
            "123456789012",
            "sns",
            "publish",
            null,
            null,
            IntegrationPattern.REQUEST_RESPONSE),
        publish);
    assertEquals("arn:aws:states:::sns:publish", publish.canonical());
    assertEquals("publish", publish.actionWithSuffix());

    ResourceArn transcribe =
        ResourceArn.parse(
            "arn:aws-cn:states:cn-north-1:123456789012:aws-sdk:transcribe:startTranscriptionJob.waitForTaskToken");
    assertEquals("aws-sdk:transcribe", transcribe.service());
    assertEquals("startTranscriptionJob.waitForTaskToken", transcribe.actionWithSuffix());
    assertEquals(IntegrationPattern.WAIT_FOR_TASK_TOKEN, transcribe.pattern());
    assertEquals(
        "arn:aws:states:::aws-sdk:transcribe:startTranscriptionJob.waitForTaskToken",
        transcribe.canonical());
    assertEquals(true, transcribe.isSdk());
    assertEquals("transcribe", transcribe.serviceName());
    assertEquals("sns", publish.serviceName());
  }

  @Test
  void suffixesNameTheIntegrationPattern() {
    assertEquals(
        IntegrationPattern.SYNC2,
        ResourceArn.parse("arn:aws:states:::states:startExecution.sync:2").pattern());
    assertEquals(
        IntegrationPattern.SYNC,
        ResourceArn.parse("arn:aws:states:::glue:startJobRun.sync").pattern());
    assertEquals(
        "arn:aws:states:::states:startExecution.sync:2",
        ResourceArn.parse("arn:aws:states:::states:startExecution.sync:2").canonical());
  }

  @Test
  void activitiesKeepTheirOwnArn() {
    ResourceArn activity =
        ResourceArn.parse("arn:aws:states:us-east-1:123456789012:activity:approve");
    assertEquals(
        new ResourceArn(
            "arn:aws:states:us-east-1:123456789012:activity:approve",
            Kind.ACTIVITY,
            "aws",
            "us-east-1",
            "123456789012",
            "states",
            null,
            "approve",
            null,
            IntegrationPattern.REQUEST_RESPONSE),
        activity);
    assertEquals(activity.arn(), activity.canonical());
  }

  @Test
  void placeholdersAndStrangersAreOther() {
    assertEquals(
        new ResourceArn(
            "${SendFn}.waitForTaskToken",
            Kind.OTHER,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            IntegrationPattern.WAIT_FOR_TASK_TOKEN),
        ResourceArn.parse("${SendFn}.waitForTaskToken"));
    assertEquals(Kind.OTHER, ResourceArn.parse("arn:aws:states:::sns").kind());
    assertEquals(Kind.OTHER, ResourceArn.parse("not an arn").kind());
  }
}
