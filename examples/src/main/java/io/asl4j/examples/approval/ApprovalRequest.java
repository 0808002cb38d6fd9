package io.asl4j.examples.approval;

import io.asl4j.dsl.annotation.WorkflowData;

/**
 * A purchase waiting for a person's decision; {@code decision} is filled in by the callback. The
 * processor generates {@code ApprovalRequestPaths}, whose {@code decision().approved()} is the
 * typed path {@code $.decision.approved}.
 */
@WorkflowData
public record ApprovalRequest(
    String requestId, String requester, double amount, Decision decision) {
  /** A request before its decision. */
  public static ApprovalRequest of(String requestId, String requester, double amount) {
    return new ApprovalRequest(requestId, requester, amount, null);
  }
}
