package io.asl4j.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
  private static SuiteRun run;

  @TestFactory
  Stream<DynamicTest> recordedExecutionsEndAsOnAws() throws IOException {
    Path corpus = SuiteRun.corpus();
    run = SuiteRun.against("known-failures.txt");
    List<ConformanceCase> cases = new ArrayList<>();
    for (String category : List.of("pure", "lambda", "service")) {
      Path dir = corpus.resolve(category);
      if (Files.isDirectory(dir)) {
        ConformanceCases loaded = ConformanceCases.load(dir);
        assertTrue(loaded.failures().isEmpty(), "unreadable cases: " + loaded.failures());
        for (ConformanceCase c : loaded.cases()) {
          if (ConformanceRunner.runnable(c)) {
            cases.add(c);
          } else {
            run.notRunnable(c); // see ConformanceRunner#runnable
          }
        }
      }
    }
    return run.tests(cases, ConformanceRunner::attempt);
  }

  @AfterAll
  static void noKnownFailureIsStaleAndTheTableIsPrinted() {
    if (run != null) {
      run.printTable();
      run.failOnStaleEntries();
    }
  }
}
