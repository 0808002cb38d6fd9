package io.asl4j.conformance;

/**
 * Whether one case passed, and why not.
 *
 * @param category the case category, e.g. {@code pure}
 * @param folder the feature folder, e.g. {@code choice_operators}
 * @param id the case id
 * @param relativePath {@code category/folder/file.json}
 * @param passed whether the run matched what AWS recorded
 * @param reason why it failed; empty when it passed
 */
public record CaseOutcome(
    String category, String folder, String id, String relativePath, boolean passed, String reason) {

  public CaseOutcome {
    reason = passed ? "" : reason;
  }

  /** A passing case. */
  public static CaseOutcome passed(ConformanceCase c) {
    return new CaseOutcome(c.category(), c.folder(), c.id(), c.relativePath(), true, "");
  }

  /** A failing case. */
  public static CaseOutcome failed(ConformanceCase c, String reason) {
    return new CaseOutcome(c.category(), c.folder(), c.id(), c.relativePath(), false, reason);
  }

  /** The outcome a comparison decides. */
  public static CaseOutcome of(ConformanceCase c, Comparison comparison) {
    return comparison.matches() ? passed(c) : failed(c, comparison.difference());
  }

  /** The report group, {@code category/folder}. */
  public String group() {
    return category + "/" + folder;
  }

  /** The key used in reports and in the known-failures file: {@code category/id}. */
  public String key() {
    return category + "/" + id;
  }
}
