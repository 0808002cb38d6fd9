package io.asl4j.examples.orders;

import io.asl4j.runtime.LocalStateMachine;
import io.asl4j.runtime.StatesError;

/** The order-processing demo's task implementations: typed Java, records in and out. */
public final class OrderTasks {
  private OrderTasks() {}

  /** Checks the order and computes its total; a bad order fails with {@code ValidationError}. */
  public static Order validateOrder(Order order) {
    if (order.orderId() == null || order.orderId().isBlank()) {
      throw new StatesError("ValidationError", "orderId is missing");
    }
    if (order.quantity() <= 0) {
      throw new StatesError(
          "ValidationError", "quantity must be positive, was " + order.quantity());
    }
    return order.withTotal(order.quantity() * order.price());
  }

  /** Tells the customer how the order ships. */
  public static Notification notify(Order order) {
    return new Notification(
        order.orderId(), "email", "Your " + order.item() + " ships " + order.shipMethod());
  }

  /** Reserves the stock. */
  public static InventoryUpdate updateDB(Order order) {
    return new InventoryUpdate(order.orderId(), order.item(), order.quantity());
  }

  /** The workflow with these implementations bound through the generated typed bindings. */
  public static LocalStateMachine.Builder bind(LocalStateMachine.Builder builder) {
    return OrderProcessingDefinition.tasks()
        .validateOrder(OrderTasks::validateOrder)
        .notify(OrderTasks::notify)
        .updateDB(OrderTasks::updateDB)
        .bindTo(builder);
  }
}
