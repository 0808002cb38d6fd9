package io.asl4j.examples.documents;

import static io.asl4j.junit.ExecutionAssert.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.asl4j.junit.Asl4jRuntime;
import io.asl4j.junit.Asl4jTest;
import io.asl4j.runtime.Execution;
import io.asl4j.runtime.LocalStateMachine;
import io.asl4j.runtime.services.AwsServices;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The pipeline on the S3, SQS and DynamoDB fakes; the 3-day review wait runs on the virtual clock.
 */
@Asl4jTest
class DocumentPipelineTest {
  Asl4jRuntime asl4j;
  AwsServices services;
  LocalStateMachine machine;

  @BeforeEach
  void setUp(Asl4jRuntime asl4j, AwsServices services) {
    this.asl4j = asl4j;
    this.services = services;
    services
        .s3()
        .createBucket("inbox")
        .putObject("inbox", "inv-7.txt", "INVOICE 7: 3 chairs, total 270 EUR")
        .putObject("inbox", "form.txt", "Agreement. Applicant SSN 123-45-6789")
        .putObject("inbox", "note.txt", "remember the milk");
    services.sqs().createQueue("document-reviews");
    services.dynamoDb().createTable(DocumentPipeline.TABLE, "documentId");
    machine =
        DocumentTasks.bind(asl4j.configure(DocumentPipelineDefinition.localMachine())).build();
  }

  @Test
  void aCleanInvoiceIsApprovedAndStored() {
    Execution execution = asl4j.start(machine, Document.at("inbox", "inv-7.txt")).runUntilWaiting();
    JsonNode review = services.sqs().messages(DocumentPipeline.REVIEW_QUEUE).get(0).bodyJson();
    assertEquals("invoice", review.get("category").asText());

    machine.sendTaskSuccess(
        review.get("taskToken").asText(), Asl4jRuntime.json(new Document.Approval("dana", "ok")));
    execution.await();

    assertThat(execution)
        .succeeded()
        .passedThroughInOrder(
            "ExtractText",
            "ClassifyDocument",
            "RunChecks",
            "AllChecksPassed",
            "WaitForApproval",
            "FinalizeDocument")
        .output()
        .at("/checks")
        .isEqualTo(
            List.of(
                new Document.CheckResult("pii", true, "none found"),
                new Document.CheckResult("compliance", true, "category invoice")));
    List<JsonNode> items = services.dynamoDb().items(DocumentPipeline.TABLE);
    assertEquals(1, items.size());
    assertEquals("dana", items.get(0).at("/approvedBy/S").asText());
  }

  @Test
  void aDocumentWithPersonalDataFailsItsChecks() {
    Execution execution = asl4j.run(machine, Document.at("inbox", "form.txt"));

    assertThat(execution).failedWith("ChecksFailed").didNotPassThrough("WaitForApproval");
    assertEquals(List.of(), services.dynamoDb().items(DocumentPipeline.TABLE));
  }

  @Test
  void anUnknownCategoryFailsCompliance() {
    Execution execution = asl4j.run(machine, Document.at("inbox", "note.txt"));

    assertThat(execution)
        .failedWith("ChecksFailed")
        .passedThrough("CheckPii", "CheckCompliance")
        .didNotPassThrough("WaitForApproval");
  }

  @Test
  void anUnansweredReviewExpiresAfterThreeDays() {
    Execution execution = asl4j.run(machine, Document.at("inbox", "inv-7.txt"));

    assertThat(execution)
        .failedWith("ReviewExpired")
        .took(Duration.ofDays(3))
        .didNotPassThrough("FinalizeDocument");
  }

  @Test
  void aMissingObjectFailsExtraction() {
    Execution execution = asl4j.run(machine, Document.at("inbox", "missing.txt"));

    assertThat(execution).failed().hasPath("ExtractText");
  }

  @Test
  void theBuilderWritesTheSameAsl() {
    assertEquals(
        Asl4jRuntime.json(DocumentPipelineDefinition.aslJson()),
        Asl4jRuntime.json(
            io.asl4j.dsl.json.AslWriter.write(DocumentPipelineWorkflow.stateMachine())));
  }
}
