package io.asl4j.runtime.internal.jsonata;

import static io.asl4j.runtime.internal.jsonata.JsonataEngineTest.json;
import static io.asl4j.runtime.internal.jsonata.JsonataEngineTest.states;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.asl4j.runtime.StatesError;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StepFunctionsFunctionsTest {

  private final JsonataEngine engine = seeded(7);

  private static JsonataEngine seeded(long seed) {
    return new JsonataEngine(new Random(seed), Clock.systemUTC(), Duration.ofSeconds(5), 500);
  }

  private JsonNode eval(String expression) {
    return engine.evaluate(expression, "Output", states("{\"s\":\"hello\"}"), name -> null);
  }

  private String failure(String expression) {
    StatesError error =
        assertThrows(
            StatesError.class,
            () -> engine.evaluate(expression, "Output", states("{}"), name -> null));
    assertEquals("States.QueryEvaluationError", error.error());
    String prefix = "The JSONata expression '" + expression + "' specified for the field 'Output' ";
    assertTrue(error.cause().startsWith(prefix), error.cause());
    return error.cause().substring(prefix.length());
  }

  @Test
  void partitionSplitsIntoChunksWithAShorterLastOne() {
    assertEquals(json("[[1,2],[3,4],[5]]"), eval("$partition([1,2,3,4,5], 2)"));
    assertEquals(json("[[1,2,3]]"), eval("$partition([1,2,3], 5)"));
    assertEquals(json("[]"), eval("$partition([], 2)"));
  }

  @Test
  void partitionNeedsAPositiveWholeChunkSize() {
    assertEquals(
        "threw an error during evaluation. The chunk size given to $partition must be a positive"
            + " integer, but was 0",
        failure("$partition([1,2], 0)"));
    assertEquals(
        "threw an error during evaluation. The chunk size given to $partition must be a positive"
            + " integer, but was 1.5",
        failure("$partition([1,2], 1.5)"));
  }

  @Test
  void partitionOfNothingIsNothing() {
    assertNull(eval("$partition($states.input.missing, 2)"));
  }

  @Test
  void rangeIncludesBothEnds() {
    assertEquals(json("[0,2,4,6,8,10]"), eval("$range(0, 10, 2)"));
    assertEquals(json("[0,3,6,9]"), eval("$range(0, 10, 3)"));
    assertEquals(json("[10,7,4,1]"), eval("$range(10, 0, -3)"));
    assertEquals(json("[0,0.25,0.5,0.75,1]"), eval("$range(0, 1, 0.25)"));
  }

  @Test
  void rangeStepsAwayFromTheEndGiveNoItems() {
    assertEquals(json("[]"), eval("$range(0, 10, -1)"));
  }

  @Test
  void rangeRejectsAZeroStepAndHugeResults() {
    assertEquals(
        "threw an error during evaluation. The step given to $range must not be zero",
        failure("$range(0, 10, 0)"));
    assertEquals(
        "threw an error during evaluation. $range would create 10000001 items, more than 1000000",
        failure("$range(0, 10000000, 1)"));
  }

  @Test
  void hashGivesLowercaseHexForEverySupportedAlgorithm() {
    assertEquals(
        json(
            "[\"5d41402abc4b2a76b9719d911017c592\","
                + "\"aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d\","
                + "\"2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824\","
                + "\"59e1748777448c69de6b800d7a33bbfb9ff1b463e44354c3"
                + "553bcdb9c666fa90125a3c79f90397bdf5f6a13de828684f\","
                + "\"9b71d224bd62f3785d96d46ad3ea3d73319bfbc2890caadae2dff72519673ca7"
                + "2323c3d99ba5c11d7c7acc6e14b8c5da0c4663475c2e5c3adef46f73bcdec043\"]"),
        eval(
            "[$hash($states.input.s, 'MD5'), $hash($states.input.s, 'SHA-1'),"
                + " $hash($states.input.s, 'SHA-256'), $hash($states.input.s, 'SHA-384'),"
                + " $hash($states.input.s, 'SHA-512')]"));
  }

  @Test
  void hashReadsTextAsUtf8() {
    assertEquals(
        json("\"3c48591d8d098a4538f5e013dfcf406e948eac4d3277b10bf614e295d6068179\""),
        eval("$hash('h\u00e9llo', 'SHA-256')"));
  }

  @Test
  void hashRejectsOtherAlgorithms() {
    assertEquals(
        "threw an error during evaluation. The hash algorithm 'SHA-3' is not supported; use MD5,"
            + " SHA-1, SHA-256, SHA-384 or SHA-512",
        failure("$hash('a', 'SHA-3')"));
  }

  @Test
  void partitionTakesAtMostAMillionItems() {
    assertEquals(
        "threw an error during evaluation. $partition takes at most 1000000 items, but was given"
            + " 2000000",
        failure("$partition($append([1..1000000], [1..1000000]), 1)"));
  }

  @Test
  void shuffleDrawsFromTheInjectedGenerator() {
    String expression = "$shuffle([1..20])";

    JsonNode first = seeded(3).evaluate(expression, "Output", states("{}"), name -> null);
    JsonNode again = seeded(3).evaluate(expression, "Output", states("{}"), name -> null);

    assertEquals(first, again);
    assertNotEquals(eval("[1..20]"), first);
    assertEquals(eval("[1..20]"), eval("$sort(" + first + ")"));
  }

  @Test
  void padPadsOnEitherSideWithRepeatedCharacters() {
    assertEquals(json("\"ab   \""), eval("$pad('ab', 5)"));
    assertEquals(json("\"#-#ab\""), eval("$pad('ab', -5, '#-')"));
    assertEquals(
        json("\"\u00e9\uD83D\uDE00\u00e9\""), eval("$pad('\u00e9', -3, '\u00e9\uD83D\uDE00')"));
    assertEquals(json("\"abc\""), eval("$pad('abc', 2)"));
    assertNull(eval("$pad($states.input.nothing, 2)"));
  }

  @Test
  void padTakesLinearTimeAndMakesAtMostTenMillionCharacters() {
    // The library's $pad appended one character at a time: a million took minutes.
    assertTimeoutPreemptively(
        Duration.ofSeconds(2),
        () -> assertEquals(json("1000000"), eval("$length($pad('x', -1000000, 'ab'))")));
    assertEquals(
        "threw an error during evaluation. $pad would create a string of 100000000 characters,"
            + " more than 10000000",
        failure("$pad('x', 100000000)"));
  }

  @Test
  void spreadSplitsObjectsAndFlattensArraysInLinearTime() {
    assertEquals(
        json("[1, {\"a\": 1}, {\"b\": 2}, 3, {\"c\": 4}]"),
        eval("$spread([1, {'a': 1, 'b': 2}, [3, {'c': 4}]])"));
    assertEquals(json("[{\"a\": 1}, {\"b\": 2}]"), eval("$spread({'a': 1, 'b': 2})"));
    assertEquals(json("\"x\""), eval("$spread('x')"));
    assertEquals(json("[1, 2, 3]"), eval("$spread([[1..3]])"));
    // The library's $spread copied the partial result at each item: 80,000 took ten seconds.
    assertTimeoutPreemptively(
        Duration.ofSeconds(2),
        () -> assertEquals(json("200000"), eval("$count($spread([1..200000]))")));
  }

  @Test
  void pictureStringsAreBoundedInLengthAndWidth() {
    assertEquals(json("\"001970\""), eval("$fromMillis(0, '[Y,6]')"));
    assertEquals(json("\"[1970]\""), eval("$fromMillis(0, '[[[Y,4]]]')"));
    assertEquals(
        "threw an error during evaluation. The picture string given to $fromMillis asks for a width"
            + " of 1000000, more than 10000",
        failure("$fromMillis(0, '[Y,1000000]')"));
    assertEquals(
        "threw an error during evaluation. The picture string given to $now asks for a width of"
            + " 2147483647, more than 10000",
        failure("$now('[H01,*-2147483647]')"));
    assertEquals(
        "threw an error during evaluation. The picture string given to $formatInteger has 20000"
            + " characters, more than 10000",
        failure("$formatInteger(5, $join($map([1..20000], function(){'0'})))"));
  }

  @Test
  void seededRandomIsTheSameForTheSameSeed() {
    JsonNode first = eval("$random(42)");
    assertEquals(json(String.valueOf(new Random(42).nextDouble())), first);
    assertEquals(first, seeded(99).evaluate("$random(42)", "Output", states("{}"), n -> null));
    assertNotEquals(first, eval("$random(43)"));
  }

  @Test
  void unseededRandomDrawsFromTheInjectedGenerator() {
    Random expected = new Random(7);
    assertEquals(
        json("[" + expected.nextDouble() + "," + expected.nextDouble() + "]"),
        eval("[$random(), $random()]"));
  }

  @Test
  void uuidIsVersion4AndReproducibleWithASeededGenerator() {
    JsonNode first = eval("$uuid()");
    assertTrue(
        first
            .textValue()
            .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"),
        first.textValue());
    assertEquals(first, seeded(7).evaluate("$uuid()", "Output", states("{}"), n -> null));
    assertNotEquals(first, eval("$uuid()"));
  }

  @Test
  void parseReadsAnyJsonValue() {
    assertEquals(json("{\"Arg1\":1,\"Arg2\":[]}"), eval("$parse('{\"Arg1\": 1, \"Arg2\": []}')"));
    assertEquals(json("[1,2,\"HelloWorld\"]"), eval("$parse('[1, 2, \"HelloWorld\"]')"));
    assertEquals(json("0"), eval("$parse('-0')"));
    assertEquals(json("1.1"), eval("$parse('1.1')"));
    assertEquals(json("null"), eval("$parse('null')"));
  }

  @Test
  void parseRejectsTextThatIsNotExactlyOneJsonValue() {
    assertEquals(
        "threw an error during evaluation. The argument of $parse is not valid JSON"
            + " (line 1, column 1)",
        failure("$parse('nope')"));
    assertEquals(
        "threw an error during evaluation. The argument of $parse is not valid JSON"
            + " (line 1, column 3)",
        failure("$parse('1 2')"));
    assertEquals(
        "threw an error during evaluation. The argument of $parse is not valid JSON: it is empty",
        failure("$parse('')"));
  }
}
