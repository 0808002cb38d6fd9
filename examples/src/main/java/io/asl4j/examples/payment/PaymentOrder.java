package io.asl4j.examples.payment;

/** An order to be paid: {@code paymentStatus} is set by ProcessPayment. */
public record PaymentOrder(
    String orderId,
    String customerEmail,
    String item,
    int quantity,
    double total,
    String paymentStatus) {
  /** A new, unpaid order. */
  public static PaymentOrder of(
      String orderId, String customerEmail, String item, int quantity, double total) {
    return new PaymentOrder(orderId, customerEmail, item, quantity, total, null);
  }

  /** This order with a payment status. */
  public PaymentOrder withPaymentStatus(String status) {
    return new PaymentOrder(orderId, customerEmail, item, quantity, total, status);
  }
}
