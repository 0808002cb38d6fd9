/**
 * In-memory fakes of the AWS services Step Functions integrates with (DynamoDB, SQS, SNS,
 * EventBridge, nested Step Functions executions, HTTP endpoints, S3 and a hook for any {@code
 * aws-sdk:} call), answering with AWS's response shapes, each inspectable from a test. Start from
 * {@link io.asl4j.runtime.services.AwsServices}.
 */
package io.asl4j.runtime.services;
