package io.asl4j.examples.approval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asl4j.dsl.builder.Catch;
import io.asl4j.dsl.builder.Chain;
import io.asl4j.dsl.builder.Choice;
import io.asl4j.dsl.builder.Errors;
import io.asl4j.dsl.builder.Fail;
import io.asl4j.dsl.builder.JsonPaths;
import io.asl4j.dsl.builder.Task;
import io.asl4j.dsl.builder.Workflow;
import io.asl4j.dsl.model.StateMachine;
import java.time.Duration;

/** {@link HumanApproval} in the builder style. */
public final class HumanApprovalWorkflow {
  private HumanApprovalWorkflow() {}

  /** The definition, validated. */
  public static StateMachine stateMachine() {
    ObjectNode parameters =
        new ObjectMapper().createObjectNode().put("QueueUrl", HumanApproval.QUEUE_URL);
    parameters
        .putObject("MessageBody")
        .put("taskToken.$", JsonPaths.TASK_TOKEN.path())
        .put("requestId.$", "$.requestId")
        .put("amount.$", "$.amount");
    Fail.JsonPath rejected =
        Fail.jsonPath("Rejected").error("Rejected").cause("The approver said no");
    Fail.JsonPath timedOut =
        Fail.jsonPath("ApprovalTimedOut")
            .error("ApprovalTimedOut")
            .cause("No answer within 24 hours");
    return Workflow.jsonPath()
        .comment("Human approval through a .waitForTaskToken callback, 24 hours to answer")
        .definition(
            Chain.start(
                    Task.jsonPath("WaitForApproval")
                        .resource("arn:aws:states:::sqs:sendMessage.waitForTaskToken")
                        .parameters(parameters)
                        .timeout(Duration.ofHours(24))
                        .resultPath("$.decision")
                        .catching(Catch.on(Errors.TIMEOUT).to(timedOut)))
                .next(
                    Choice.jsonPath("IsApproved")
                        .when(
                            ApprovalRequestPaths.decision().approved().isTrue(),
                            Task.jsonPath("ProcessApproval")
                                .resource(HumanApproval.PROCESS_APPROVAL))
                        .otherwise(rejected)))
        .build();
  }
}
