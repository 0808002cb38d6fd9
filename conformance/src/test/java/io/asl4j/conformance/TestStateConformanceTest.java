package io.asl4j.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
  private static SuiteRun run;

  @TestFactory
  Stream<DynamicTest> recordedTestStateCallsAnswerAsOnAws() throws IOException {
    Path dir = SuiteRun.corpus().resolve("test_state");
    assumeTrue(Files.isDirectory(dir), "no test_state cases at " + dir.toAbsolutePath());
    run = SuiteRun.against("test-state-known-failures.txt");
    ConformanceCases loaded = ConformanceCases.load(dir);
    assertTrue(loaded.failures().isEmpty(), "unreadable cases: " + loaded.failures());
    List<ConformanceCase> testState =
        loaded.cases().stream().filter(TestStateCaseRunner::isTestState).toList();
    List<ConformanceCase> cases = testState.stream().filter(TestStateCaseRunner::runnable).toList();
    testState.stream().filter(c -> !TestStateCaseRunner.runnable(c)).forEach(run::notRunnable);
    assertTrue(!cases.isEmpty(), "no TestState cases found in " + dir);
    return run.tests(cases, c -> Optional.of(TestStateCaseRunner.run(c)));
  }

  @AfterAll
  static void noKnownFailureIsStaleAndTheTableIsPrinted() {
    if (run != null) {
      run.printTable();
      run.failOnStaleEntries();
    }
  }
}
