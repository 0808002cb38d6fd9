package io.asl4j.examples.approval;

import static io.asl4j.junit.ExecutionAssert.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.asl4j.dsl.json.AslWriter;
import io.asl4j.junit.Asl4jRuntime;
import io.asl4j.junit.Asl4jTest;
import io.asl4j.runtime.Execution;
import io.asl4j.runtime.LocalStateMachine;
import io.asl4j.runtime.services.AwsServices;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Approve, reject and time out: a day of waiting takes milliseconds on the virtual clock. */
@Asl4jTest
class HumanApprovalTest {
  LocalStateMachine machine;
  Asl4jRuntime asl4j;
  AwsServices services;

  @BeforeEach
  void setUp(Asl4jRuntime asl4j, AwsServices services) {
    this.asl4j = asl4j;
    this.services = services;
    services.sqs().createQueue("approvals");
    machine = ApprovalTasks.bind(asl4j.configure(HumanApprovalDefinition.localMachine())).build();
  }

  /** Starts a request and returns it parked on the callback, with the message the approver got. */
  JsonNode startAndReadTheMessage(Execution execution) {
    execution.runUntilWaiting();
    List<io.asl4j.runtime.services.Sqs.Message> messages =
        services.sqs().messages(HumanApproval.QUEUE_URL);
    assertEquals(1, messages.size());
    JsonNode body = messages.get(0).bodyJson();
    assertEquals(execution.waitingTaskTokens(), List.of(body.get("taskToken").asText()));
    return body;
  }

  @Test
  void approve() {
    Execution execution = asl4j.start(machine, ApprovalRequest.of("REQ-1", "ann", 1200));
    JsonNode message = startAndReadTheMessage(execution);
    assertEquals("REQ-1", message.get("requestId").asText());

    machine.sendTaskSuccess(
        message.get("taskToken").asText(), Asl4jRuntime.json(new Decision(true, "bob", "fine")));
    execution.await();

    assertThat(execution)
        .succeeded()
        .hasPath("WaitForApproval", "IsApproved", "ProcessApproval")
        .hasOutput(new ApprovalResult("REQ-1", "APPROVED", "bob"));
  }

  @Test
  void reject() {
    Execution execution = asl4j.start(machine, ApprovalRequest.of("REQ-2", "ann", 99_000));
    JsonNode message = startAndReadTheMessage(execution);

    machine.sendTaskSuccess(
        message.get("taskToken").asText(),
        Asl4jRuntime.json(new Decision(false, "bob", "too much")));
    execution.await();

    assertThat(execution)
        .failedWith("Rejected", "The approver said no")
        .didNotPassThrough("ProcessApproval");
  }

  @Test
  void timesOutAfter24Hours() {
    long started = System.nanoTime();
    Execution execution = asl4j.start(machine, ApprovalRequest.of("REQ-3", "ann", 10));
    startAndReadTheMessage(execution);

    execution.await(); // nobody answers: the virtual clock moves on to the timeout

    assertThat(execution)
        .failedWith("ApprovalTimedOut", "No answer within 24 hours")
        .hasEvent("TaskTimedOut")
        .hasPath("WaitForApproval", "ApprovalTimedOut")
        .took(Duration.ofHours(24));
    assertTrue(
        Duration.ofNanos(System.nanoTime() - started).toSeconds() < 5,
        "24 virtual hours, not real ones");
  }

  @Test
  void theBuilderWritesTheSameAsl() {
    assertEquals(
        Asl4jRuntime.json(HumanApprovalDefinition.aslJson()),
        Asl4jRuntime.json(AslWriter.write(HumanApprovalWorkflow.stateMachine())));
  }
}
