package io.asl4j.processor.golden;

import io.asl4j.dsl.annotation.Branch;
import io.asl4j.dsl.annotation.Catch;
import io.asl4j.dsl.annotation.Choice;
import io.asl4j.dsl.annotation.End;
import io.asl4j.dsl.annotation.Fail;
import io.asl4j.dsl.annotation.Parallel;
import io.asl4j.dsl.annotation.Retry;
import io.asl4j.dsl.annotation.StartAt;
import io.asl4j.dsl.annotation.Task;
import io.asl4j.dsl.annotation.When;
import io.asl4j.dsl.annotation.Workflow;

/** Seed: the order workflow ValidateOrder → ProcessPayment → IsPaymentApproved → FulfillOrder. */
@Workflow(comment = "Order Processing Workflow")
public final class OrderWorkflow {
  private OrderWorkflow() {}

  @StartAt
  @Task(
      resource = "arn:aws:lambda:us-east-1:123:function:ValidateOrder",
      next = ProcessPayment.class)
  @Catch(errors = "ValidationError", next = SendFailureNotification.class)
  public interface ValidateOrder {
    Order validateOrder(Order order);
  }

  @Task(
      resource = "arn:aws:lambda:us-east-1:123:function:ProcessPayment",
      next = IsPaymentApproved.class)
  @Retry(errors = "States.TaskFailed", intervalSeconds = 2, maxAttempts = 3, backoffRate = 2.0)
  public interface ProcessPayment {
    Order processPayment(Order order);
  }

  @Choice(otherwise = SendPaymentFailed.class)
  @When(variable = OrderPaths.PAYMENT_STATUS, stringEquals = "APPROVED", next = FulfillOrder.class)
  public interface IsPaymentApproved {}

  @Parallel(
      branches = {Inventory.class, Confirmation.class},
      next = End.class)
  public interface FulfillOrder {}

  @Branch
  public interface Inventory {
    @StartAt
    @Task(resource = "arn:aws:lambda:us-east-1:123:function:UpdateInventory", next = End.class)
    interface UpdateInventory {
      Order updateInventory(Order order);
    }
  }

  @Branch
  public interface Confirmation {
    @StartAt
    @Task(resource = "arn:aws:lambda:us-east-1:123:function:SendEmail", next = End.class)
    interface SendConfirmationEmail {}
  }

  @Fail(error = "PaymentFailed", cause = "The payment was not approved")
  public interface SendPaymentFailed {}

  @Task(
      resource = "arn:aws:lambda:us-east-1:123:function:SendFailureNotification",
      next = End.class)
  public interface SendFailureNotification {}
}
