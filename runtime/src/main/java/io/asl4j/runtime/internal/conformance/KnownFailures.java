package io.asl4j.runtime.internal.conformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The cases the runtime is known to fail, each with its reason, read from a file of lines
 *
 * <pre>
 * # comment
 * pure/scenarios/TestBaseScenarios.test_wait_timestamp_path[SECONDS] | needs a controllable clock
 * </pre>
 *
 * <p>An entry names a case by its id, its key ({@code category/id}) or its relative path (with or
 * without {@code .json}). The suite passes only when the list is exact: a listed case that passes
 * and an unlisted case that fails are both errors, so the list can only shrink as the runtime
 * improves.
 *
 * <p>One exception: a reason that starts with {@value #UNSTABLE} lists a case whose verdict the
 * runtime cannot decide, because the recording depends on something outside the case, such as the
 * day it was extracted; it may pass or fail.
 *
 * <pre>
 * pure/base/TestSfnWait.test_x | unstable: its input is "now + 24856 days" at extraction
 * </pre>
 */
public final class KnownFailures {

  /** How the reason of a case that may pass or fail begins. */
  public static final String UNSTABLE = "unstable:";

  private final Map<String, String> reasons;

  private KnownFailures(Map<String, String> reasons) {
    this.reasons = reasons;
  }

  /** No known failures. */
  public static KnownFailures none() {
    return new KnownFailures(Map.of());
  }

  /**
   * Reads a known-failures file.
   *
   * @throws IllegalArgumentException naming the line of a malformed or repeated entry
   */
  public static KnownFailures read(Path file) throws IOException {
    return parse(Files.readString(file, StandardCharsets.UTF_8));
  }

  /**
   * Parses known-failures text: {@code <case> | <reason>} lines, {@code #} comment lines, blank
   * lines.
   *
   * @throws IllegalArgumentException naming the line of a malformed or repeated entry
   */
  public static KnownFailures parse(String text) {
    Map<String, String> reasons = new LinkedHashMap<>();
    String[] lines = text.split("\\R", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int bar = line.indexOf('|');
      String name = bar < 0 ? line : normalize(line.substring(0, bar));
      String reason = bar < 0 ? "" : line.substring(bar + 1).strip();
      if (bar < 0 || name.isEmpty() || reason.isEmpty()) {
        throw new IllegalArgumentException(
            "line " + (i + 1) + ": expected '<case id or path> | <reason>', got: " + line);
      }
      if (reasons.putIfAbsent(name, reason) != null) {
        throw new IllegalArgumentException("line " + (i + 1) + ": " + name + " is listed twice");
      }
    }
    return new KnownFailures(Map.copyOf(reasons));
  }

  /** How many cases are listed. */
  public int size() {
    return reasons.size();
  }

  /** Why the case is known to fail; empty when it is not listed. */
  public Optional<String> reasonFor(CaseOutcome outcome) {
    return names(outcome).map(reasons::get).filter(r -> r != null).findFirst();
  }

  /** Whether the case is listed as one that may pass or fail ({@value #UNSTABLE}). */
  public boolean mayPass(CaseOutcome outcome) {
    return reasonFor(outcome).filter(reason -> reason.startsWith(UNSTABLE)).isPresent();
  }

  /**
   * Decides the suite: every failing case must be listed, and every listed case that ran must fail.
   */
  public Verdict judge(Collection<CaseOutcome> outcomes) {
    List<String> problems = new ArrayList<>();
    Set<String> used = new HashSet<>();
    for (CaseOutcome outcome : outcomes) {
      Optional<String> entry = names(outcome).filter(reasons::containsKey).findFirst();
      entry.ifPresent(used::add);
      if (outcome.passed() && entry.isPresent() && !mayPass(outcome)) {
        problems.add(outcome.key() + " passes now: remove it from the known failures");
      } else if (!outcome.passed() && entry.isEmpty()) {
        problems.add(outcome.key() + " fails: " + outcome.reason());
      }
    }
    List<String> unused =
        reasons.keySet().stream().filter(k -> !used.contains(k)).sorted().toList();
    return new Verdict(problems, unused);
  }

  /**
   * The suite's verdict.
   *
   * @param problems what makes the suite fail, one line each
   * @param unusedEntries listed cases that did not run (a partial run, or a stale entry)
   */
  public record Verdict(List<String> problems, List<String> unusedEntries) {
    public Verdict {
      problems = List.copyOf(problems);
      unusedEntries = List.copyOf(unusedEntries);
    }

    /** Whether the suite passes. */
    public boolean ok() {
      return problems.isEmpty();
    }
  }

  private static Stream<String> names(CaseOutcome outcome) {
    String path = outcome.relativePath();
    String withoutJson = path.endsWith(".json") ? path.substring(0, path.length() - 5) : path;
    return Stream.of(outcome.id(), outcome.key(), path, withoutJson);
  }

  private static String normalize(String name) {
    return name.strip().replace('\\', '/');
  }
}
