package io.asl4j.examples.approval;

/** What ProcessApproval returns. */
public record ApprovalResult(String requestId, String status, String approvedBy) {}
