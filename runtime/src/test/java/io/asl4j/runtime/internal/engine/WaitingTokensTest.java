package io.asl4j.runtime.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class WaitingTokensTest {
  @Test
  void tokensComeAndGoOneOrSeveralAtATime() {
    WaitingTokens tokens = new WaitingTokens();
    assertTrue(tokens.add("b"));
    assertEquals(List.of("b"), tokens.sorted());
    assertTrue(tokens.add("c"));
    assertTrue(tokens.add("a"));
    assertEquals(List.of("a", "b", "c"), tokens.sorted());
    assertTrue(tokens.contains("c"));

    tokens.remove("c");
    tokens.remove("a");
    tokens.remove("never-added");
    assertEquals(List.of("b"), tokens.sorted());
    assertFalse(tokens.contains("c"));
    tokens.remove("b");
    assertEquals(List.of(), tokens.sorted());
    assertFalse(tokens.contains("b"));
    assertTrue(tokens.add("d"));
    assertEquals(List.of("d"), tokens.sorted());
  }

  @Test
  void closingHandsBackTheTokensLeftAndRefusesNewOnes() {
    WaitingTokens tokens = new WaitingTokens();
    tokens.add("x");
    tokens.add("y");
    assertEquals(List.of("x", "y"), tokens.close().stream().sorted().toList());
    assertFalse(tokens.add("z"));
    assertFalse(tokens.contains("x"));
    assertEquals(List.of(), tokens.sorted());
    assertEquals(List.of(), tokens.close());

    WaitingTokens one = new WaitingTokens();
    one.add("only");
    assertEquals(List.of("only"), one.close());
    assertEquals(List.of(), new WaitingTokens().close());
  }
}
