package io.asl4j.examples.orders;

import io.asl4j.dsl.annotation.WorkflowData;

/**
 * An order as it flows through {@link OrderProcessing}: the input, then {@code total} (set by
 * ValidateOrder) and {@code shipMethod} (set by CheckPriority's Pass states).
 */
@WorkflowData
public record Order(
    String orderId,
    String item,
    int quantity,
    double price,
    String priority,
    Double total,
    String shipMethod) {
  /** A new order, before validation. */
  public static Order of(String orderId, String item, int quantity, double price, String priority) {
    return new Order(orderId, item, quantity, price, priority, null, null);
  }

  /** This order with its total. */
  public Order withTotal(double total) {
    return new Order(orderId, item, quantity, price, priority, total, shipMethod);
  }
}
