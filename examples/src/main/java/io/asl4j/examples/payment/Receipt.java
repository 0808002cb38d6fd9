package io.asl4j.examples.payment;

/** What each FulfillOrder branch returns. */
public record Receipt(String orderId, String step, String detail) {}
