package io.asl4j.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every execution recorded against AWS in {@code ../shared/conformance/pure} and {@code lambda},
 * and the {@code service} cases the runtime can run on its own ({@link ConformanceRunner#runnable}:
 * on the service fakes, or failing before they reach a service only AWS can answer; a run that
 * reaches one is skipped when the recording shows AWS scheduling it, and fails otherwise), runs on
 * the local runtime and must end as AWS's did, history and all. The cases known to fail are listed,
 * each with the mismatch it fails with and its reason, in {@code known-failures.txt}: a listed case
 * that passes or fails with another mismatch fails the suite (so the list only shrinks), and so
 * does an unlisted case that fails and, after a whole run, an entry naming no case that ran.
 */
class ConformanceTest {
  private static final String KNOWN_FILE = "known-failures.txt";
  private static final List<CaseOutcome> OUTCOMES = new ArrayList<>();
  /** The known failures the run was judged against, and how many cases it was to run. */
  private static KnownFailures known;
  private static int planned = -1;
  private static final java.util.concurrent.atomic.AtomicInteger FINISHED = new java.util.concurrent.atomic.AtomicInteger();
  /** The cases not run: they need AWS itself (see {@link ConformanceRunner#runnable}). */
  private static final List<ConformanceCase> NOT_RUNNABLE = new ArrayList<>();

  static Path corpus() {
    Path dir = Path.of(System.getProperty("asl4j.conformance.dir", "../../shared/conformance"));
    assumeTrue(
        Files.isDirectory(dir),
        "conformance corpus not found at " + dir.toAbsolutePath() + " (set -Dasl4j.conformance.dir); skipping");
    return dir;
  }

  static KnownFailures knownFailures() throws IOException {
    try (var in = ConformanceTest.class.getResourceAsStream("/conformance/known-failures.txt")) {
      return in == null ? KnownFailures.none() : KnownFailures.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @TestFactory
  Stream<DynamicTest> recordedExecutionsEndAsOnAws() throws IOException {
    Path corpus = corpus();
    known = knownFailures();
    List<ConformanceCase> cases = new ArrayList<>();
    for (String category : List.of("pure", "lambda", "service")) {
      Path dir = corpus.resolve(category);
      if (Files.isDirectory(dir)) {
        ConformanceCases loaded = ConformanceCases.load(dir);
        assertTrue(loaded.failures().isEmpty(), "unreadable cases: " + loaded.failures());
        for (ConformanceCase c : loaded.cases()) {
          (ConformanceRunner.runnable(c) ? cases : NOT_RUNNABLE).add(c);
        }
      }
    }
    planned = cases.size();
    return cases.stream()
        .map(c -> DynamicTest.dynamicTest(c.relativePath(), () -> {
          FINISHED.incrementAndGet();
          Optional<CaseOutcome> attempted = ConformanceRunner.attempt(c);
          if (attempted.isEmpty()) {
            synchronized (OUTCOMES) {
              NOT_RUNNABLE.add(c);
            }
            abort("the run reached a resource only AWS can answer, as the recording test set it up");
          }
          CaseOutcome outcome = attempted.get();
          synchronized (OUTCOMES) {
            OUTCOMES.add(outcome);
          }
          known.problem(outcome).ifPresent(problem -> fail(problem + " (" + KNOWN_FILE + ")"));
        }));
  }

  /**
   * After a run of every case, an entry of the known failures that named no case that ran is
   * stale and fails the suite (the cases' own verdicts failed their tests already).
   */
  @AfterAll
  static void noKnownFailureIsStale() {
    if (known != null && planned >= 0 && FINISHED.get() == planned) {
      List<String> stale = known.judge(OUTCOMES, true).unusedEntries();
      assertTrue(stale.isEmpty(), "stale entries in " + KNOWN_FILE + ", naming no case that ran: " + stale);
    }
  }

  @AfterAll
  static void printTable() {
    if (!OUTCOMES.isEmpty()) {
      ConformanceReport report = new ConformanceReport();
      report.addAll(OUTCOMES);
      NOT_RUNNABLE.forEach(report::notRunnable);
      System.out.println(report.table());
      System.out.print(report.runnableSummary());
      System.out.println(report.summaryLine());
    }
  }
}
