package io.asl4j.examples.payment;

import io.asl4j.runtime.LocalStateMachine;
import io.asl4j.runtime.StatesError;

/** PaymentWorkflow's tasks, typed Java; the card limit decides approval. */
public final class PaymentTasks {
  private PaymentTasks() {}

  /** Orders above this total are declined. */
  public static final double CARD_LIMIT = 5_000;

  public static PaymentOrder validateOrder(PaymentOrder order) {
    if (order.quantity() <= 0 || order.customerEmail() == null) {
      throw new StatesError(
          "ValidationError", "Order " + order.orderId() + " has no quantity or no customer email");
    }
    return order;
  }

  public static PaymentOrder processPayment(PaymentOrder order) {
    return order.withPaymentStatus(order.total() <= CARD_LIMIT ? "APPROVED" : "DECLINED");
  }

  public static Receipt updateInventory(PaymentOrder order) {
    return new Receipt(
        order.orderId(), "inventory", "reserved " + order.quantity() + " x " + order.item());
  }

  public static Receipt sendConfirmationEmail(PaymentOrder order) {
    return new Receipt(order.orderId(), "email", "sent to " + order.customerEmail());
  }

  /** The workflow with these implementations bound through the generated typed bindings. */
  public static LocalStateMachine.Builder bind(LocalStateMachine.Builder builder) {
    return PaymentWorkflowDefinition.tasks()
        .validateOrder(PaymentTasks::validateOrder)
        .processPayment(PaymentTasks::processPayment)
        .updateInventory(PaymentTasks::updateInventory)
        .sendConfirmationEmail(PaymentTasks::sendConfirmationEmail)
        .bindTo(builder);
  }
}
