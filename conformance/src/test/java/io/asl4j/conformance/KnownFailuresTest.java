package io.asl4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnownFailuresTest {

  private static CaseOutcome outcome(String category, String id, boolean passed) {
    return outcome(
        category,
        id,
        passed,
        "history: event #9 (MapStateExited) at /previousEventId: expected 6 but was 7");
  }

  private static CaseOutcome outcome(String category, String id, boolean passed, String mismatch) {
    String folder = id.substring(0, id.indexOf('/'));
    return new CaseOutcome(
        category, folder, id, category + "/" + id + ".json", passed, passed ? "" : mismatch);
  }

  private static final String LIST =
      """
      # Known failures of the conformance suite.

      base/A.test_one | at /previousEventId | needs the clock
        pure/base/A.test_two   | at /previousEventId |  JSONata $now
      pure/base/A.test_three.json | (MapStateExited) | history order
      pure/base/A.test_four | at /previousEventId | not run here
      """;

  @Test
  void namesACaseByIdKeyOrPath() {
    KnownFailures known = KnownFailures.parse(LIST);

    assertEquals(4, known.size());
    assertEquals(
        Optional.of("needs the clock"), known.reasonFor(outcome("pure", "base/A.test_one", false)));
    assertEquals(
        Optional.of("JSONata $now"), known.reasonFor(outcome("pure", "base/A.test_two", false)));
    assertEquals(
        Optional.of("history order"), known.reasonFor(outcome("pure", "base/A.test_three", false)));
    assertEquals(
        Optional.of("(MapStateExited)"),
        known.failureFor(outcome("pure", "base/A.test_three", false)));
    assertEquals(Optional.empty(), known.reasonFor(outcome("pure", "base/A.test_five", false)));
  }

  @Test
  void aCaseListedAsUnstableMayPassOrFailWithItsListedMismatch() {
    KnownFailures known =
        KnownFailures.parse("pure/base/A.test_one | but was 7 | unstable: depends on the day\n");

    assertTrue(known.mayPass(outcome("pure", "base/A.test_one", true)));
    assertEquals(
        new KnownFailures.Verdict(List.of(), List.of()),
        known.judge(List.of(outcome("pure", "base/A.test_one", true)), true));
    assertEquals(
        new KnownFailures.Verdict(List.of(), List.of()),
        known.judge(List.of(outcome("pure", "base/A.test_one", false)), true));
    assertEquals(
        Optional.of(
            "pure/base/A.test_one fails differently: listed as failing with \"but was 7\" but:"
                + " status: expected SUCCEEDED but was FAILED"),
        known.problem(
            outcome(
                "pure", "base/A.test_one", false, "status: expected SUCCEEDED but was FAILED")));
    assertEquals(
        false, KnownFailures.parse(LIST).mayPass(outcome("pure", "base/A.test_one", true)));
  }

  @Test
  void passesWhenTheListIsExact() {
    KnownFailures.Verdict verdict =
        KnownFailures.parse(LIST)
            .judge(
                List.of(
                    outcome("pure", "base/A.test_one", false),
                    outcome("pure", "base/A.test_two", false),
                    outcome("pure", "base/A.test_three", false),
                    outcome("pure", "base/A.test_four", false),
                    outcome("pure", "base/A.test_six", true)),
                true);

    assertEquals(new KnownFailures.Verdict(List.of(), List.of()), verdict);
    assertTrue(verdict.ok());
  }

  @Test
  void aListedCaseThatFailsWithAnotherMismatchFailsTheSuite() {
    KnownFailures known = KnownFailures.parse(LIST);
    CaseOutcome other =
        outcome("pure", "base/A.test_three", false, "output at /a: expected 1 but was 2");

    assertEquals(
        Optional.of(
            "pure/base/A.test_three fails differently: listed as failing with \"(MapStateExited)\" but:"
                + " output at /a: expected 1 but was 2"),
        known.problem(other));
    assertEquals(false, known.judge(List.of(other), false).ok());
  }

  @Test
  void aStaleEntryFailsAWholeRunAndIsOnlyReportedByAPartialOne() {
    List<CaseOutcome> outcomes =
        List.of(
            outcome("pure", "base/A.test_one", false),
            outcome("pure", "base/A.test_two", false),
            outcome("pure", "base/A.test_three", false));
    KnownFailures known = KnownFailures.parse(LIST);

    assertEquals(
        new KnownFailures.Verdict(
            List.of("pure/base/A.test_four is listed but no such case ran: remove the stale entry"),
            List.of("pure/base/A.test_four")),
        known.judge(outcomes, true));
    assertEquals(
        new KnownFailures.Verdict(List.of(), List.of("pure/base/A.test_four")),
        known.judge(outcomes, false));
  }

  @Test
  void failsOnAListedCaseThatPassesAndAnUnlistedCaseThatFails() {
    KnownFailures.Verdict verdict =
        KnownFailures.parse(LIST)
            .judge(
                List.of(
                    outcome("pure", "base/A.test_one", true),
                    outcome("pure", "base/A.test_two", false),
                    outcome("pure", "base/A.test_three", false),
                    outcome("pure", "base/A.test_four", false),
                    outcome("lambda", "base/B.test_new", false, "differs")),
                true);

    assertEquals(
        new KnownFailures.Verdict(
            List.of(
                "pure/base/A.test_one passes now: remove it from the known failures (listed as: needs the clock)",
                "lambda/base/B.test_new fails: differs"),
            List.of()),
        verdict);
    assertEquals(false, verdict.ok());
  }

  @Test
  void rejectsALineWithoutTheFailureOrTheReason() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> KnownFailures.parse("# x\nbase/A.test_one | needs a clock\n"));
    assertEquals(
        "line 2: expected '<case id or path> | <part of the mismatch it fails with> | <reason>', got:"
            + " base/A.test_one | needs a clock",
        e.getMessage());
    IllegalArgumentException empty =
        assertThrows(
            IllegalArgumentException.class, () -> KnownFailures.parse("base/A.test_one | x |  "));
    assertEquals(
        "line 1: expected '<case id or path> | <part of the mismatch it fails with> | <reason>', got:"
            + " base/A.test_one | x |",
        empty.getMessage());
  }

  @Test
  void rejectsACaseListedTwice() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> KnownFailures.parse("base/A | x | one\n\nbase/A | x | two\n"));
    assertEquals("line 3: base/A is listed twice", e.getMessage());
  }

  @Test
  void readsAFile(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("known-failures.txt"), LIST);

    assertEquals(4, KnownFailures.read(file).size());
    assertEquals(0, KnownFailures.none().size());
  }
}
