package io.asl4j.examples.orders;

/** What Notify returns: who was told, and how. */
public record Notification(String orderId, String channel, String message) {}
