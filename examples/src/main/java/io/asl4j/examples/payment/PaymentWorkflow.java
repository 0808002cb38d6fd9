package io.asl4j.examples.payment;

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
 * The payment order workflow of the seed: ValidateOrder (a ValidationError goes to
 * SendFailureNotification, an SNS message), ProcessPayment retried with back-off,
 * IsPaymentApproved, and FulfillOrder running UpdateInventory and SendConfirmationEmail in
 * parallel.
 */
@Workflow(comment = "Order Processing Workflow")
public final class PaymentWorkflow {
  private PaymentWorkflow() {}

  public static final String LAMBDA = "arn:aws:lambda:us-east-1:123456789012:function:";
  public static final String FAILURE_TOPIC = "arn:aws:sns:us-east-1:123456789012:order-failures";

  @StartAt
  @Task(resource = LAMBDA + "ValidateOrder", next = ProcessPayment.class)
  @Catch(errors = "ValidationError", next = SendFailureNotification.class)
  public interface ValidateOrder {
    PaymentOrder validateOrder(PaymentOrder order);
  }

  @Task(resource = LAMBDA + "ProcessPayment", next = IsPaymentApproved.class)
  @Retry(errors = Errors.TASK_FAILED, intervalSeconds = 2, maxAttempts = 3, backoffRate = 2.0)
  public interface ProcessPayment {
    PaymentOrder processPayment(PaymentOrder order);
  }

  @Choice(otherwise = PaymentFailed.class)
  @When(variable = "$.paymentStatus", stringEquals = "APPROVED", next = FulfillOrder.class)
  interface IsPaymentApproved {}

  @Parallel(
      branches = {Inventory.class, Email.class},
      next = End.class)
  interface FulfillOrder {}

  @Branch
  public interface Inventory {
    @StartAt
    @Task(resource = LAMBDA + "UpdateInventory", next = End.class)
    interface UpdateInventory {
      Receipt updateInventory(PaymentOrder order);
    }
  }

  @Branch
  public interface Email {
    @StartAt
    @Task(resource = LAMBDA + "SendConfirmationEmail", next = End.class)
    interface SendConfirmationEmail {
      Receipt sendConfirmationEmail(PaymentOrder order);
    }
  }

  @Task(
      resource = "arn:aws:states:::sns:publish",
      parameters = "{\"TopicArn\": \"" + FAILURE_TOPIC + "\", \"Message.$\": \"$.Cause\"}",
      next = End.class)
  interface SendFailureNotification {}

  @Fail(error = "PaymentFailed", cause = "Payment was not approved")
  interface PaymentFailed {}
}
