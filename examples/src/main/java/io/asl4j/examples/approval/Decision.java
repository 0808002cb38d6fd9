package io.asl4j.examples.approval;

/** What the approver sends back with the task token. */
public record Decision(boolean approved, String approver, String comment) {}
