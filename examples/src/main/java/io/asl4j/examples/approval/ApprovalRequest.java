package io.asl4j.examples.approval;

/** A purchase waiting for a person's decision; {@code decision} is filled in by the callback. */
public record ApprovalRequest(String requestId, String requester, double amount, Decision decision) {
  /** A request before its decision. */
  public static ApprovalRequest of(String requestId, String requester, double amount) {
    return new ApprovalRequest(requestId, requester, amount, null);
  }
}
