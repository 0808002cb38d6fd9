package com.example.claims;

/** The assessment, plain Java: deployed as a Lambda function, bound to the Task in tests. */
public final class ClaimAssessor {
  /** Above this amount a person decides. */
  public static final double AUTOMATIC_LIMIT = 10_000;

  private ClaimAssessor() {}

  /** Approves small claims automatically; refuses what it has no authority for. */
  public static Approval assess(Claim claim) {
    if (claim.amount() > AUTOMATIC_LIMIT) {
      throw new IllegalStateException("claim " + claim.claimId() + " exceeds the automatic limit");
    }
    return new Approval("auto", true);
  }
}
