package io.asl4j.examples.documents;

import java.util.List;

/**
 * A document as the pipeline enriches it: the S3 location, then its text, category, checks and
 * approval.
 */
public record Document(
    String bucket,
    String key,
    Extracted extracted,
    Classification classification,
    List<CheckResult> checks,
    Approval approval) {
  public static Document at(String bucket, String key) {
    return new Document(bucket, key, null, null, null, null);
  }

  /** ExtractText's result. */
  public record Extracted(String text) {}

  /** ClassifyDocument's result. */
  public record Classification(String category, double confidence) {}

  /** One check of RunChecks. */
  public record CheckResult(String check, boolean passed, String reason) {}

  /** The reviewer's answer to WaitForApproval. */
  public record Approval(String approver, String note) {}
}
