package io.asl4j.runtime.internal.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WildcardsTest {

  @Test
  void aStarMatchesAnyRunAndEscapesAreLiteral() {
    assertTrue(Wildcards.matches("log-*.txt", "log-2024-01.txt"));
    assertTrue(Wildcards.matches("*", ""));
    assertTrue(Wildcards.matches("a\\*b", "a*b"));
    assertTrue(Wildcards.matches("a\\\\*", "a\\xyz"));
    assertFalse(Wildcards.matches("a\\*b", "axb"));
    assertFalse(Wildcards.matches("*.txt", "notes.txt.bak"));
    assertFalse(Wildcards.matches("ab*ba", "aba"));
  }

  @Test
  void aLongRunBeforeTheLastLiteralTakesLinearTime() {
    // Backtracking from the star tried each of the 50,001 start positions against 50,000 a's.
    String text = "a".repeat(100_000);
    String pattern = "*" + "a".repeat(50_000) + "b";

    assertTimeoutPreemptively(
        Duration.ofSeconds(1), () -> assertFalse(Wildcards.matches(pattern, text)));
  }
}
