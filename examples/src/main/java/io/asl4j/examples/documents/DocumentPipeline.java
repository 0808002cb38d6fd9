package io.asl4j.examples.documents;

import io.asl4j.dsl.annotation.Branch;
import io.asl4j.dsl.annotation.Catch;
import io.asl4j.dsl.annotation.Choice;
import io.asl4j.dsl.annotation.End;
import io.asl4j.dsl.annotation.Errors;
import io.asl4j.dsl.annotation.Fail;
import io.asl4j.dsl.annotation.Parallel;
import io.asl4j.dsl.annotation.Retry;
import io.asl4j.dsl.annotation.StartAt;
import io.asl4j.dsl.annotation.Task;
import io.asl4j.dsl.annotation.When;
import io.asl4j.dsl.annotation.Workflow;

/**
 * The document-processing pipeline: ExtractText (S3 through the aws-sdk integration) ->
 * ClassifyDocument -> RunChecks (PII and compliance in parallel) -> AllChecksPassed ->
 * WaitForApproval (a reviewer's callback, up to 3 days) -> FinalizeDocument (DynamoDB putItem).
 */
@Workflow(comment = "Document pipeline: extract, classify, check, approve, finalize")
public final class DocumentPipeline {
  private DocumentPipeline() {}

  public static final String LAMBDA = "arn:aws:lambda:us-east-1:123456789012:function:";
  public static final String REVIEW_QUEUE =
      "https://sqs.us-east-1.amazonaws.com/123456789012/document-reviews";
  public static final String TABLE = "Documents";

  @StartAt
  @Task(
      resource = "arn:aws:states:::aws-sdk:s3:getObject",
      parameters = "{\"Bucket.$\": \"$.bucket\", \"Key.$\": \"$.key\"}",
      resultSelector = "{\"text.$\": \"$.Body\"}",
      resultPath = "$.extracted",
      next = ClassifyDocument.class)
  interface ExtractText {}

  @Task(
      resource = LAMBDA + "ClassifyDocument",
      resultPath = "$.classification",
      next = RunChecks.class)
  @Retry(errors = Errors.TASK_FAILED, intervalSeconds = 1, maxAttempts = 2)
  public interface ClassifyDocument {
    Document.Classification classifyDocument(Document document);
  }

  @Parallel(
      branches = {Pii.class, Compliance.class},
      resultPath = "$.checks",
      next = AllChecksPassed.class)
  interface RunChecks {}

  @Branch
  public interface Pii {
    @StartAt
    @Task(resource = LAMBDA + "CheckPii", next = End.class)
    interface CheckPii {
      Document.CheckResult checkPii(Document document);
    }
  }

  @Branch
  public interface Compliance {
    @StartAt
    @Task(resource = LAMBDA + "CheckCompliance", next = End.class)
    interface CheckCompliance {
      Document.CheckResult checkCompliance(Document document);
    }
  }

  @Choice(otherwise = WaitForApproval.class)
  @When(variable = "$.checks[0].passed", booleanEquals = false, next = ChecksFailed.class)
  @When(variable = "$.checks[1].passed", booleanEquals = false, next = ChecksFailed.class)
  interface AllChecksPassed {}

  @Task(
      resource = "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
      parameters =
          "{\"QueueUrl\": \""
              + REVIEW_QUEUE
              + "\","
              + " \"MessageBody\": {\"taskToken.$\": \"$$.Task.Token\", \"key.$\": \"$.key\", \"category.$\": \"$.classification.category\"}}",
      timeoutSeconds = 3 * 24 * 3600,
      resultPath = "$.approval",
      next = FinalizeDocument.class)
  @Catch(errors = Errors.TIMEOUT, next = ReviewExpired.class)
  interface WaitForApproval {}

  @Task(
      resource = "arn:aws:states:::dynamodb:putItem",
      parameters =
          "{\"TableName\": \""
              + TABLE
              + "\", \"Item\": {\"documentId\": {\"S.$\": \"$.key\"},"
              + " \"category\": {\"S.$\": \"$.classification.category\"}, \"approvedBy\": {\"S.$\": \"$.approval.approver\"}}}",
      resultPath = "$.stored",
      next = End.class)
  interface FinalizeDocument {}

  @Fail(error = "ChecksFailed", cause = "A PII or compliance check failed")
  interface ChecksFailed {}

  @Fail(error = "ReviewExpired", cause = "No reviewer answered within 3 days")
  interface ReviewExpired {}
}
