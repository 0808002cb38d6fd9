package io.asl4j.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * One run of a conformance suite: its cases as dynamic tests judged against a known-failures file
 * (a listed case that passes or fails otherwise fails, and so does an unlisted one that fails),
 * then, after a whole run, the entries naming no case that ran, and the report table.
 */
final class SuiteRun {
  private final String knownFile;
  private final KnownFailures known;
  private final List<CaseOutcome> outcomes = new ArrayList<>();

  /** The cases not run: they need AWS itself. */
  private final List<ConformanceCase> notRunnable = new ArrayList<>();

  private final AtomicInteger finished = new AtomicInteger();
  private int planned = -1;

  private SuiteRun(String knownFile, KnownFailures known) {
    this.knownFile = knownFile;
    this.known = known;
  }

  /** The AWS-recorded corpus; the suite is skipped when it is absent. */
  static Path corpus() {
    Path dir = Path.of(System.getProperty("asl4j.conformance.dir", "../../shared/conformance"));
    assumeTrue(
        Files.isDirectory(dir),
        "conformance corpus not found at "
            + dir.toAbsolutePath()
            + " (set -Dasl4j.conformance.dir); skipping");
    return dir;
  }

  /**
   * A run judged against {@code /conformance/<knownFile>} on the test class path (none: no
   * entries).
   */
  static SuiteRun against(String knownFile) throws IOException {
    try (InputStream in = SuiteRun.class.getResourceAsStream("/conformance/" + knownFile)) {
      KnownFailures known =
          in == null
              ? KnownFailures.none()
              : KnownFailures.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      return new SuiteRun(knownFile, known);
    }
  }

  /** A case that will not run: it needs AWS itself. */
  void notRunnable(ConformanceCase c) {
    synchronized (outcomes) {
      notRunnable.add(c);
    }
  }

  /**
   * One test a case. {@code attempt} runs it; an empty answer means the run reached a resource only
   * AWS can answer, as the recording test set it up, and the case is skipped as not runnable.
   */
  Stream<DynamicTest> tests(
      List<ConformanceCase> cases, Function<ConformanceCase, Optional<CaseOutcome>> attempt) {
    planned = cases.size();
    return cases.stream()
        .map(
            c ->
                DynamicTest.dynamicTest(
                    c.relativePath(),
                    () -> {
                      finished.incrementAndGet();
                      Optional<CaseOutcome> attempted = attempt.apply(c);
                      if (attempted.isEmpty()) {
                        notRunnable(c);
                        abort(
                            "the run reached a resource only AWS can answer, as the recording test set it up");
                      }
                      CaseOutcome outcome = attempted.get();
                      synchronized (outcomes) {
                        outcomes.add(outcome);
                      }
                      known
                          .problem(outcome)
                          .ifPresent(problem -> fail(problem + " (" + knownFile + ")"));
                    }));
  }

  /**
   * After a run of every case, an entry of the known failures that named no case that ran is stale
   * and fails the suite (the cases' own verdicts failed their tests already).
   */
  void failOnStaleEntries() {
    if (planned >= 0 && finished.get() == planned) {
      List<String> stale = known.judge(outcomes, true).unusedEntries();
      assertTrue(
          stale.isEmpty(), "stale entries in " + knownFile + ", naming no case that ran: " + stale);
    }
  }

  /** The report table, as {@code asl4j conformance} prints it. */
  void printTable() {
    if (!outcomes.isEmpty()) {
      ConformanceReport report = new ConformanceReport();
      report.addAll(outcomes);
      notRunnable.forEach(report::notRunnable);
      System.out.println(report.table());
      System.out.print(report.runnableSummary());
      System.out.println(report.summaryLine());
    }
  }
}
