package io.asl4j.processor.golden;

import io.asl4j.dsl.annotation.End;
import io.asl4j.dsl.annotation.StartAt;
import io.asl4j.dsl.annotation.Task;
import io.asl4j.dsl.annotation.Workflow;

/** Seed: a human approval through a .waitForTaskToken callback. */
@Workflow
public final class HumanApproval {
  private HumanApproval() {}

  @StartAt
  @Task(
      resource = "arn:aws:states:::lambda:invoke.waitForTaskToken",
      parameters =
          "{\"FunctionName\": \"SendApprovalEmail\","
              + " \"Payload\": {\"taskToken.$\": \"$$.Task.Token\", \"orderId.$\": \"$.orderId\"}}",
      timeoutSeconds = 86_400,
      next = ProcessApproval.class)
  interface WaitForHumanApproval {}

  @Task(resource = "arn:aws:lambda:us-east-1:123:function:ProcessApproval", next = End.class)
  interface ProcessApproval {}
}
