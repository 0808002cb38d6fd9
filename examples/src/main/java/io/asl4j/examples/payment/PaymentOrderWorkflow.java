package io.asl4j.examples.payment;

import com.fasterxml.jackson.databind.ObjectMapper;
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

/** {@link PaymentWorkflow} in the builder style. */
public final class PaymentOrderWorkflow {
  private PaymentOrderWorkflow() {}

  public static StateMachine stateMachine() {
    String lambda = PaymentWorkflow.LAMBDA;
    Task.JsonPath sendFailureNotification =
        Task.jsonPath("SendFailureNotification")
            .resource("arn:aws:states:::sns:publish")
            .parameters(
                new ObjectMapper()
                    .createObjectNode()
                    .put("TopicArn", PaymentWorkflow.FAILURE_TOPIC)
                    .put("Message.$", "$.Cause"));
    Fail.JsonPath paymentFailed =
        Fail.jsonPath("PaymentFailed").error("PaymentFailed").cause("Payment was not approved");
    Parallel.JsonPath fulfillOrder =
        Parallel.jsonPath("FulfillOrder")
            .branch(Task.jsonPath("UpdateInventory").resource(lambda + "UpdateInventory"))
            .branch(
                Task.jsonPath("SendConfirmationEmail").resource(lambda + "SendConfirmationEmail"));
    return Workflow.jsonPath()
        .comment("Order Processing Workflow")
        .definition(
            Chain.start(
                    Task.jsonPath("ValidateOrder")
                        .resource(lambda + "ValidateOrder")
                        .catching(Catch.on("ValidationError").to(sendFailureNotification)))
                .next(
                    Task.jsonPath("ProcessPayment")
                        .resource(lambda + "ProcessPayment")
                        .retry(
                            Retry.on(Errors.TASK_FAILED)
                                .interval(Duration.ofSeconds(2))
                                .maxAttempts(3)
                                .backoffRate(2.0)))
                .next(
                    Choice.jsonPath("IsPaymentApproved")
                        .when(
                            JsonPaths.input().string("paymentStatus").eq("APPROVED"), fulfillOrder)
                        .otherwise(paymentFailed)))
        .build();
  }
}
