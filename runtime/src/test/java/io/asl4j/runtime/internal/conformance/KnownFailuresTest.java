package io.asl4j.runtime.internal.conformance;

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
    String folder = id.substring(0, id.indexOf('/'));
    return new CaseOutcome(
        category, folder, id, category + "/" + id + ".json", passed, passed ? "" : "differs");
  }

  private static final String LIST =
      """
      # Known failures of the conformance suite.

      base/A.test_one | needs the clock
        pure/base/A.test_two   |  JSONata $now
      pure/base/A.test_three.json | history order
      pure/base/A.test_four | not run here
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
    assertEquals(Optional.empty(), known.reasonFor(outcome("pure", "base/A.test_five", false)));
  }

  @Test
  void aCaseListedAsUnstableMayPassOrFail() {
    KnownFailures known = KnownFailures.parse("pure/base/A.test_one | unstable: depends on the day\n");

    assertTrue(known.mayPass(outcome("pure", "base/A.test_one", true)));
    assertEquals(
        new KnownFailures.Verdict(List.of(), List.of()),
        known.judge(List.of(outcome("pure", "base/A.test_one", true))));
    assertEquals(
        new KnownFailures.Verdict(List.of(), List.of()),
        known.judge(List.of(outcome("pure", "base/A.test_one", false))));
    assertEquals(false, KnownFailures.parse(LIST).mayPass(outcome("pure", "base/A.test_one", true)));
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
                    outcome("pure", "base/A.test_six", true)));

    assertEquals(new KnownFailures.Verdict(List.of(), List.of("pure/base/A.test_four")), verdict);
    assertTrue(verdict.ok());
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
                    outcome("lambda", "base/B.test_new", false)));

    assertEquals(
        new KnownFailures.Verdict(
            List.of(
                "pure/base/A.test_one passes now: remove it from the known failures",
                "lambda/base/B.test_new fails: differs"),
            List.of()),
        verdict);
    assertEquals(false, verdict.ok());
  }

  @Test
  void rejectsALineWithoutAReason() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> KnownFailures.parse("# x\nbase/A.test_one\n"));
    assertEquals(
        "line 2: expected '<case id or path> | <reason>', got: base/A.test_one", e.getMessage());
    IllegalArgumentException empty =
        assertThrows(
            IllegalArgumentException.class, () -> KnownFailures.parse("base/A.test_one |  "));
    assertEquals(
        "line 1: expected '<case id or path> | <reason>', got: base/A.test_one |",
        empty.getMessage());
  }

  @Test
  void rejectsACaseListedTwice() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> KnownFailures.parse("base/A | one\n\nbase/A | two\n"));
    assertEquals("line 3: base/A is listed twice", e.getMessage());
  }

  @Test
  void readsAFile(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("known-failures.txt"), LIST);

    assertEquals(4, KnownFailures.read(file).size());
    assertEquals(0, KnownFailures.none().size());
  }
}
