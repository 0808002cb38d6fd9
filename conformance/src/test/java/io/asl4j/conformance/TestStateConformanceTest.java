package io.asl4j.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
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
 * Every TestState call recorded against AWS in {@code ../shared/conformance/test_state} runs
 * through {@link io.asl4j.runtime.TestState} and must answer as AWS did. The cases known to fail
 * are listed, each with the mismatch it fails with and its reason, in {@code
 * test-state-known-failures.txt}: a listed case that passes or fails with another mismatch fails
 * the suite (so the list only shrinks), and so does an unlisted case that fails and, after a whole
 * run, an entry naming no case that ran.
 */
class TestStateConformanceTest {
  private static final String KNOWN_FILE = "test-state-known-failures.txt";
  private static final List<CaseOutcome> OUTCOMES = new ArrayList<>();
  /** The known failures the run was judged against, and how many cases it was to run. */
  private static KnownFailures known;
  private static int planned = -1;
  private static final java.util.concurrent.atomic.AtomicInteger FINISHED = new java.util.concurrent.atomic.AtomicInteger();
  /** The cases not run: they need AWS itself (see {@link TestStateCaseRunner#runnable}). */
  private static final List<ConformanceCase> NOT_RUNNABLE = new ArrayList<>();

  static KnownFailures knownFailures() throws IOException {
    try (var in = TestStateConformanceTest.class.getResourceAsStream("/conformance/test-state-known-failures.txt")) {
      return in == null ? KnownFailures.none() : KnownFailures.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @TestFactory
  Stream<DynamicTest> recordedTestStateCallsAnswerAsOnAws() throws IOException {
    Path dir = ConformanceTest.corpus().resolve("test_state");
    assumeTrue(Files.isDirectory(dir), "no test_state cases at " + dir.toAbsolutePath());
    known = knownFailures();
    ConformanceCases loaded = ConformanceCases.load(dir);
    assertTrue(loaded.failures().isEmpty(), "unreadable cases: " + loaded.failures());
    List<ConformanceCase> testState = loaded.cases().stream().filter(TestStateCaseRunner::isTestState).toList();
    List<ConformanceCase> cases = testState.stream().filter(TestStateCaseRunner::runnable).toList();
    testState.stream().filter(c -> !TestStateCaseRunner.runnable(c)).forEach(NOT_RUNNABLE::add);
    assertTrue(!cases.isEmpty(), "no TestState cases found in " + dir);
    planned = cases.size();
    return cases.stream()
        .map(c -> DynamicTest.dynamicTest(c.relativePath(), () -> {
          FINISHED.incrementAndGet();
          CaseOutcome outcome = TestStateCaseRunner.run(c);
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
