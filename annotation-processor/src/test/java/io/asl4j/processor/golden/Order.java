package io.asl4j.processor.golden;

import io.asl4j.dsl.annotation.WorkflowData;

/** The order that flows through {@link OrderWorkflow}. */
@WorkflowData
public record Order(String orderId, double total, String paymentStatus, boolean validated) {}
