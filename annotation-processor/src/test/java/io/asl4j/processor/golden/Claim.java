package io.asl4j.processor.golden;

import io.asl4j.dsl.annotation.WorkflowData;
import java.time.Instant;
import java.util.List;

/** An insurance claim with a nested record, for {@code ClaimPaths}' nested navigation. */
@WorkflowData
public record Claim(
    String claimId, double amount, Instant filed, List<String> documents, Approval approval) {
  /** What the adjuster decided; nested, so {@code ClaimPaths.approval().approved()} exists. */
  public record Approval(String adjuster, boolean approved) {}
}
