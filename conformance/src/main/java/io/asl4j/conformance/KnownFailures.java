package io.asl4j.conformance;

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
 * The cases the runtime is known to fail, each with the failure it is known to fail with and why,
 * read from a file of lines
 *
 * <pre>
 * # comment
 * pure/scenarios/TestX.test_wait[SECONDS] | status: expected FAILED but was TIMED_OUT | needs a clock
 * </pre>
 *
 * <p>An entry names a case by its id, its key ({@code category/id}) or its relative path (with or
 * without {@code .json}), then a part of the mismatch the case is known to fail with (a stable
 * part: no random ids), then the reason. The suite passes only when the list is exact: a listed
 * case that passes, a listed case that fails with another mismatch, an unlisted case that fails and
 * an entry naming no case that ran (stale) are all errors, so the list can only shrink as the
 * runtime improves, and a listed case cannot start failing for a new reason unnoticed.
 *
 * <p>One exception: a reason that starts with {@value #UNSTABLE} lists a case whose verdict the
 * runtime cannot decide, because the recording depends on something outside the case, such as the
 * day it was extracted; it may pass, or fail with the listed mismatch.
 *
 * <pre>
 * pure/base/TestSfnWait.test_x | but was TIMED_OUT | unstable: its input is "now + 24856 days"
 * </pre>
 */
public final class KnownFailures {

  /** How the reason of a case that may pass or fail begins. */
  public static final String UNSTABLE = "unstable:";

  /** One listed case: the part of its mismatch it is known to fail with, and why. */
  private record Entry(String failure, String reason) {}

  private final Map<String, Entry> entries;

  private KnownFailures(Map<String, Entry> entries) {
    this.entries = entries;
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
   * Parses known-failures text: {@code <case> | <part of the mismatch> | <reason>} lines, {@code #}
   * comment lines, blank lines.
   *
   * @throws IllegalArgumentException naming the line of a malformed or repeated entry
   */
  public static KnownFailures parse(String text) {
    Map<String, Entry> entries = new LinkedHashMap<>();
    String[] lines = text.split("\\R", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\\|", 3);
      String name = normalize(parts[0]);
      String failure = parts.length < 3 ? "" : parts[1].strip();
      String reason = parts.length < 3 ? "" : parts[2].strip();
      if (name.isEmpty() || failure.isEmpty() || reason.isEmpty()) {
        throw new IllegalArgumentException(
            "line "
                + (i + 1)
                + ": expected '<case id or path> | <part of the mismatch it fails with> | <reason>', got: "
                + line);
      }
      if (entries.putIfAbsent(name, new Entry(failure, reason)) != null) {
        throw new IllegalArgumentException("line " + (i + 1) + ": " + name + " is listed twice");
      }
    }
    return new KnownFailures(Map.copyOf(entries));
  }

  /** How many cases are listed. */
  public int size() {
    return entries.size();
  }

  /** Why the case is known to fail; empty when it is not listed. */
  public Optional<String> reasonFor(CaseOutcome outcome) {
    return entryFor(outcome).map(Entry::reason);
  }

  /** The part of the mismatch the case is known to fail with; empty when it is not listed. */
  public Optional<String> failureFor(CaseOutcome outcome) {
    return entryFor(outcome).map(Entry::failure);
  }

  /** Whether the case is listed as one that may pass or fail ({@value #UNSTABLE}). */
  public boolean mayPass(CaseOutcome outcome) {
    return reasonFor(outcome).filter(reason -> reason.startsWith(UNSTABLE)).isPresent();
  }

  /**
   * What is wrong with one case's outcome against the list, one line; empty when it is as listed:
   * it passes unlisted (or listed as unstable), or fails with its listed mismatch.
   */
  public Optional<String> problem(CaseOutcome outcome) {
    Optional<Entry> entry = entryFor(outcome);
    if (outcome.passed()) {
      return entry.isPresent() && !mayPass(outcome)
          ? Optional.of(
              outcome.key()
                  + " passes now: remove it from the known failures (listed as: "
                  + entry.get().reason()
                  + ")")
          : Optional.empty();
    }
    if (entry.isEmpty()) {
      return Optional.of(outcome.key() + " fails: " + outcome.reason());
    }
    if (!outcome.reason().contains(entry.get().failure())) {
      return Optional.of(
          outcome.key()
              + " fails differently: listed as failing with \""
              + entry.get().failure()
              + "\" but: "
              + outcome.reason());
    }
    return Optional.empty();
  }

  /**
   * Decides the suite: every failing case must be listed with the mismatch it fails with, every
   * listed case that ran must fail (unless unstable), and every entry must name a case that ran.
   *
   * @param wholeRun whether every case ran, so that an entry naming none of them is stale (a
   *     partial run only reports it)
   */
  public Verdict judge(Collection<CaseOutcome> outcomes, boolean wholeRun) {
    List<String> problems = new ArrayList<>();
    Set<String> used = new HashSet<>();
    for (CaseOutcome outcome : outcomes) {
      names(outcome).filter(entries::containsKey).findFirst().ifPresent(used::add);
      problem(outcome).ifPresent(problems::add);
    }
    List<String> unused =
        entries.keySet().stream().filter(k -> !used.contains(k)).sorted().toList();
    if (wholeRun) {
      unused.forEach(
          k -> problems.add(k + " is listed but no such case ran: remove the stale entry"));
    }
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

  private Optional<Entry> entryFor(CaseOutcome outcome) {
    return names(outcome).map(entries::get).filter(e -> e != null).findFirst();
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
