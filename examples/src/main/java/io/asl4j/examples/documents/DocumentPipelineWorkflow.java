package io.asl4j.examples.documents;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asl4j.dsl.builder.Catch;
import io.asl4j.dsl.builder.Chain;
import io.asl4j.dsl.builder.Choice;
import io.asl4j.dsl.builder.Errors;
import io.asl4j.dsl.builder.Fail;
import io.asl4j.dsl.builder.JsonPaths;
import io.asl4j.dsl.builder.Parallel;
import io.asl4j.dsl.builder.Retry;
import io.asl4j.dsl.builder.Task;
import io.asl4j.dsl.builder.Workflow;
import io.asl4j.dsl.model.StateMachine;
import java.time.Duration;

/** {@link DocumentPipeline} in the builder style. */
public final class DocumentPipelineWorkflow {
  private DocumentPipelineWorkflow() {}

  public static StateMachine stateMachine() {
    ObjectMapper json = new ObjectMapper();
    String lambda = DocumentPipeline.LAMBDA;

    ObjectNode getObject =
        json.createObjectNode().put("Bucket.$", "$.bucket").put("Key.$", "$.key");
    ObjectNode review = json.createObjectNode().put("QueueUrl", DocumentPipeline.REVIEW_QUEUE);
    review
        .putObject("MessageBody")
        .put("taskToken.$", JsonPaths.TASK_TOKEN.path())
        .put("key.$", "$.key")
        .put("category.$", "$.classification.category");
    ObjectNode putItem = json.createObjectNode().put("TableName", DocumentPipeline.TABLE);
    ObjectNode item = putItem.putObject("Item");
    item.putObject("documentId").put("S.$", "$.key");
    item.putObject("category").put("S.$", "$.classification.category");
    item.putObject("approvedBy").put("S.$", "$.approval.approver");

    Fail.JsonPath checksFailed =
        Fail.jsonPath("ChecksFailed")
            .error("ChecksFailed")
            .cause("A PII or compliance check failed");
    Fail.JsonPath reviewExpired =
        Fail.jsonPath("ReviewExpired")
            .error("ReviewExpired")
            .cause("No reviewer answered within 3 days");
    Chain approveAndFinalize =
        Chain.start(
                Task.jsonPath("WaitForApproval")
                    .resource("arn:aws:states:::sqs:sendMessage.waitForTaskToken")
                    .parameters(review)
                    .timeout(Duration.ofDays(3))
                    .resultPath("$.approval")
                    .catching(Catch.on(Errors.TIMEOUT).to(reviewExpired)))
            .next(
                Task.jsonPath("FinalizeDocument")
                    .resource("arn:aws:states:::dynamodb:putItem")
                    .parameters(putItem)
                    .resultPath("$.stored"));

    return Workflow.jsonPath()
        .comment("Document pipeline: extract, classify, check, approve, finalize")
        .definition(
            Chain.start(
                    Task.jsonPath("ExtractText")
                        .resource("arn:aws:states:::aws-sdk:s3:getObject")
                        .parameters(getObject)
                        .resultSelector(json.createObjectNode().put("text.$", "$.Body"))
                        .resultPath("$.extracted"))
                .next(
                    Task.jsonPath("ClassifyDocument")
                        .resource(lambda + "ClassifyDocument")
                        .resultPath("$.classification")
                        .retry(
                            Retry.on(Errors.TASK_FAILED)
                                .interval(Duration.ofSeconds(1))
                                .maxAttempts(2)))
                .next(
                    Parallel.jsonPath("RunChecks")
                        .branch(Task.jsonPath("CheckPii").resource(lambda + "CheckPii"))
                        .branch(
                            Task.jsonPath("CheckCompliance").resource(lambda + "CheckCompliance"))
                        .resultPath("$.checks"))
                .next(
                    Choice.jsonPath("AllChecksPassed")
                        .when(JsonPaths.bool("$.checks[0].passed").isFalse(), checksFailed)
                        .when(JsonPaths.bool("$.checks[1].passed").isFalse(), checksFailed)
                        .otherwise(approveAndFinalize)))
        .build();
  }
}
