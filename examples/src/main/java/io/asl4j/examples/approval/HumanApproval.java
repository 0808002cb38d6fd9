package io.asl4j.examples.approval;

import io.asl4j.dsl.annotation.Catch;
import io.asl4j.dsl.annotation.Choice;
import io.asl4j.dsl.annotation.End;
import io.asl4j.dsl.annotation.Errors;
import io.asl4j.dsl.annotation.Fail;
import io.asl4j.dsl.annotation.StartAt;
import io.asl4j.dsl.annotation.Task;
import io.asl4j.dsl.annotation.When;
import io.asl4j.dsl.annotation.Workflow;

/**
 * Human approval: the request goes to an SQS queue with the task token ({@code .waitForTaskToken});
 * a person answers with {@code SendTaskSuccess}, or 24 hours pass and the request times out.
 */
@Workflow(comment = "Human approval through a .waitForTaskToken callback, 24 hours to answer")
public final class HumanApproval {
  private HumanApproval() {}

  /** The queue the approvers read. */
  public static final String QUEUE_URL =
      "https://sqs.us-east-1.amazonaws.com/123456789012/approvals";

  /** The function that carries out an approved request. */
  public static final String PROCESS_APPROVAL =
      "arn:aws:lambda:us-east-1:123456789012:function:ProcessApproval";

  @StartAt
  @Task(
      resource = "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
      parameters =
          "{\"QueueUrl\": \""
              + QUEUE_URL
              + "\","
              + " \"MessageBody\": {\"taskToken.$\": \"$$.Task.Token\", \"requestId.$\": \"$.requestId\", \"amount.$\": \"$.amount\"}}",
      timeoutSeconds = 86_400,
      resultPath = "$.decision",
      next = IsApproved.class)
  @Catch(errors = Errors.TIMEOUT, next = ApprovalTimedOut.class)
  interface WaitForApproval {}

  @Choice(otherwise = Rejected.class)
  @When(variable = "$.decision.approved", booleanEquals = true, next = ProcessApproval.class)
  interface IsApproved {}

  @Task(resource = PROCESS_APPROVAL, next = End.class)
  public interface ProcessApproval {
    ApprovalResult processApproval(ApprovalRequest request);
  }

  @Fail(error = "Rejected", cause = "The approver said no")
  interface Rejected {}

  @Fail(error = "ApprovalTimedOut", cause = "No answer within 24 hours")
  interface ApprovalTimedOut {}
}
