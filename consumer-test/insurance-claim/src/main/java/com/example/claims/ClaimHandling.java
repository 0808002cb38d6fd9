package com.example.claims;

import io.asl4j.dsl.annotation.Catch;
import io.asl4j.dsl.annotation.End;
import io.asl4j.dsl.annotation.Pass;
import io.asl4j.dsl.annotation.StartAt;
import io.asl4j.dsl.annotation.Task;
import io.asl4j.dsl.annotation.Workflow;

/** An insurance claim: assessed by a Java function, referred to a person when it refuses, announced on SNS. */
@Workflow(comment = "Insurance claim: assess, refer what the assessor refuses, notify")
public final class ClaimHandling {
  private ClaimHandling() {}

  /** The assessment function as the tests know it; the CDK app binds it to the real one. */
  public static final String ASSESS = "arn:aws:lambda:us-east-1:123456789012:function:assess-claim";

  /** The topic as the tests know it. */
  public static final String TOPIC = "arn:aws:sns:us-east-1:123456789012:claims";

  @StartAt
  @Task(resource = ASSESS, resultPath = "$.approval", next = Notify.class)
  @Catch(errors = "java.lang.IllegalStateException", resultPath = "$.error", next = ReferToAdjuster.class)
  public interface Assess {
    Approval assess(Claim claim);
  }

  @Pass(
      result = """
          {"adjuster": "manual", "approved": false}
          """,
      resultPath = "$.approval",
      next = Notify.class)
  interface ReferToAdjuster {}

  @Task(
      resource = "arn:aws:states:::sns:publish",
      parameters = """
          {
            "TopicArn": "arn:aws:sns:us-east-1:123456789012:claims",
            "Message": {"claimId.$": "$.claimId", "adjuster.$": "$.approval.adjuster"}
          }
          """,
      resultPath = "$.notification",
      next = End.class)
  interface Notify {}
}
