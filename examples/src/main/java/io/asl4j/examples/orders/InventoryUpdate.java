package io.asl4j.examples.orders;

/** What UpdateDB returns: the stock reserved for the order. */
public record InventoryUpdate(String orderId, String item, int reserved) {}
