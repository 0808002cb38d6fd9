package io.asl4j.conformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Passed and failed counts per folder ({@code pure/choice_operators}, ...) with the reason of each
 * failure, as a fixed-width table whose last line is exactly {@code N passed, M failed}, or as
 * Markdown.
 */
public final class ConformanceReport {

  private final Map<String, List<CaseOutcome>> byGroup = new TreeMap<>();

  /** Cases the runtime cannot run alone (they need AWS itself), by category. */
  private final Map<String, Integer> notRunnable = new TreeMap<>();

  /** Counts one outcome. */
  public void add(CaseOutcome outcome) {
    byGroup.computeIfAbsent(outcome.group(), g -> new ArrayList<>()).add(outcome);
  }

  /** Counts every outcome. */
  public void addAll(Collection<CaseOutcome> outcomes) {
    outcomes.forEach(this::add);
  }

  /**
   * Counts a case the runtime cannot run on its own (a service it has no fake for, a real Lambda
   * function the case does not describe): not run, so neither passed nor failed, but part of {@link
   * #runnableSummary()}.
   */
  public void notRunnable(ConformanceCase c) {
    notRunnable.merge(c.category(), 1, Integer::sum);
  }

  /**
   * One line per category, {@code <category> <passed>/<runnable> (of the <runnable> runnable, <n>
   * not runnable)}, the way the README reports the corpus; the parenthesis only when some cases of
   * the category could not run.
   */
  public String runnableSummary() {
    Map<String, int[]> byCategory = new TreeMap<>();
    byGroup
        .values()
        .forEach(
            outcomes ->
                outcomes.forEach(
                    o -> {
                      int[] counts = byCategory.computeIfAbsent(o.category(), k -> new int[2]);
                      counts[0] += o.passed() ? 1 : 0;
                      counts[1]++;
                    }));
    notRunnable.keySet().forEach(category -> byCategory.computeIfAbsent(category, k -> new int[2]));
    StringBuilder out = new StringBuilder();
    byCategory.forEach(
        (category, counts) -> {
          out.append(category).append(' ').append(counts[0]).append('/').append(counts[1]);
          int skipped = notRunnable.getOrDefault(category, 0);
          if (skipped > 0) {
            out.append(" (of the ")
                .append(counts[1])
                .append(" runnable, ")
                .append(skipped)
                .append(" not runnable)");
          }
          out.append('\n');
        });
    return out.toString();
  }

  /** How many cases passed. */
  public int passed() {
    return (int) all().stream().filter(CaseOutcome::passed).count();
  }

  /** How many cases failed. */
  public int failed() {
    return (int) all().stream().filter(o -> !o.passed()).count();
  }

  /** Every outcome, by folder and then relative path. */
  public List<CaseOutcome> outcomes() {
    return all();
  }

  /** The failed outcomes, by folder and then relative path. */
  public List<CaseOutcome> failures() {
    return all().stream().filter(o -> !o.passed()).toList();
  }

  /** Exactly {@code N passed, M failed}. */
  public String summaryLine() {
    return passed() + " passed, " + failed() + " failed";
  }

  /** One row per folder, then the total row; columns padded to fixed widths. */
  public String table() {
    int width = "folder".length();
    for (String group : byGroup.keySet()) {
      width = Math.max(width, group.length());
    }
    String format = "%-" + width + "s  %7s  %7s  %7s\n";
    StringBuilder out = new StringBuilder();
    out.append(String.format(format, "folder", "passed", "failed", "total"));
    byGroup.forEach(
        (group, outcomes) -> {
          long passed = outcomes.stream().filter(CaseOutcome::passed).count();
          out.append(
              String.format(format, group, passed, outcomes.size() - passed, outcomes.size()));
        });
    out.append(String.format(format, "total", passed(), failed(), passed() + failed()));
    return out.toString();
  }

  /**
   * The failures, one {@code FAIL key: reason} line each, then the table, the {@link
   * #runnableSummary()} when some cases could not run, and the summary line.
   */
  public String render() {
    StringBuilder out = new StringBuilder();
    for (CaseOutcome failure : failures()) {
      out.append("FAIL ").append(failure.key()).append(": ").append(oneLine(failure.reason()));
      out.append('\n');
    }
    if (!failures().isEmpty()) {
      out.append('\n');
    }
    out.append(table());
    if (!notRunnable.isEmpty()) {
      out.append(runnableSummary());
    }
    return out.append(summaryLine()).toString();
  }

  /** The table and the failures grouped by folder, in Markdown, ending with the summary line. */
  public String markdown() {
    StringBuilder out = new StringBuilder("# Conformance report\n\n");
    out.append("| folder | passed | failed | total |\n|---|---:|---:|---:|\n");
    byGroup.forEach(
        (group, outcomes) -> {
          long passed = outcomes.stream().filter(CaseOutcome::passed).count();
          out.append("| ").append(group).append(" | ").append(passed).append(" | ");
          out.append(outcomes.size() - passed).append(" | ").append(outcomes.size()).append(" |\n");
        });
    out.append("| **total** | ").append(passed()).append(" | ").append(failed());
    out.append(" | ").append(passed() + failed()).append(" |\n");
    if (failed() > 0) {
      out.append("\n## Failures\n");
      byGroup.forEach(
          (group, outcomes) -> {
            List<CaseOutcome> failed = outcomes.stream().filter(o -> !o.passed()).toList();
            if (failed.isEmpty()) {
              return;
            }
            out.append("\n### ").append(group).append("\n\n");
            failed.forEach(
                f ->
                    out.append("- `")
                        .append(f.id())
                        .append("`: ")
                        .append(oneLine(f.reason()))
                        .append('\n'));
          });
    }
    return out.append('\n').append(summaryLine()).append('\n').toString();
  }

  /** Writes {@link #markdown()} to {@code file}, creating its folder. */
  public void writeMarkdown(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, markdown(), StandardCharsets.UTF_8);
  }

  private List<CaseOutcome> all() {
    List<CaseOutcome> all = new ArrayList<>();
    byGroup
        .values()
        .forEach(
            outcomes ->
                outcomes.stream()
                    .sorted(Comparator.comparing(CaseOutcome::relativePath))
                    .forEach(all::add));
    return all;
  }

  private static String oneLine(String text) {
    return text.replaceAll("\\s*\\R\\s*", " ");
  }
}
