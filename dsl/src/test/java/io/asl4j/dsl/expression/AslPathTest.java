package io.asl4j.dsl.expression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asl4j.dsl.expression.AslPath.Field;
import io.asl4j.dsl.expression.AslPath.Index;
import io.asl4j.dsl.expression.AslPath.Root;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AslPathTest {

  @Test
  void dollarAloneIsTheInputRoot() {
    AslPath path = AslPath.parse("$");

    assertEquals(Root.INPUT, path.root());
    assertNull(path.variableName());
    assertEquals(List.of(), path.steps());
    assertEquals("$", path.jsonPathOnRoot());
  }

  @Test
  void doubleDollarIsTheContextObject() {
    AslPath path = AslPath.parse("$$.Execution.Input");

    assertEquals(Root.CONTEXT, path.root());
    assertNull(path.variableName());
    assertEquals(List.of(new Field("Execution"), new Field("Input")), path.steps());
    assertEquals("$.Execution.Input", path.jsonPathOnRoot());
  }

  @Test
  void dollarNameIsAWorkflowVariable() {
    AslPath path = AslPath.parse("$order_2.items[0]");

    assertEquals(Root.VARIABLE, path.root());
    assertEquals("order_2", path.variableName());
    assertEquals(List.of(new Field("items"), new Index(0)), path.steps());
    assertEquals("$.items[0]", path.jsonPathOnRoot());
  }

  @Test
  void aBareVariableRewritesToTheRoot() {
    AslPath path = AslPath.parse("$x");

    assertEquals("x", path.variableName());
    assertEquals(List.of(), path.steps());
    assertEquals("$", path.jsonPathOnRoot());
  }

  @Test
  void statesIsReadAsAnOrdinaryVariableName() {
    AslPath path = AslPath.parse("$states.input");

    assertEquals(Root.VARIABLE, path.root());
    assertEquals("states", path.variableName());
    assertEquals(List.of(new Field("input")), path.steps());
  }

  @Test
  void referenceStepsMayMixDotsQuotedBracketsAndIndexes() {
    AslPath path = AslPath.parse("$.a['b c'][\"d\"][2][-1].e");

    assertTrue(path.isReferencePath());
    assertEquals(
        List.of(
            new Field("a"),
            new Field("b c"),
            new Field("d"),
            new Index(2),
            new Index(-1),
            new Field("e")),
        path.steps());
  }

  @Test
  void aDotBeforeABracketIsIgnoredAsJaywayDoes() {
    // The AWS documentation writes "$.abc.['def ghi']".
    assertEquals(
        List.of(new Field("abc"), new Field("def ghi")),
        AslPath.parse("$.abc.['def ghi']").steps());
  }

  @Test
  void quotedNamesAreTakenVerbatimWithoutEscapes() {
    // Recorded on AWS: "$['Test\""Name"']" reads the key Test\""Name" (ESCAPE_SEQUENCES_JSONPATH).
    assertEquals(
        List.of(new Field("Test\\\"\"Name\"")), AslPath.parse("$['Test\\\"\"Name\"']").steps());
  }

  @Test
  void aBackslashInADottedNameBelongsToTheName() {
    assertEquals(
        List.of(new Field("store\\"), new Field("book")), AslPath.parse("$.store\\.book").steps());
  }

  @Test
  void dottedNamesMayHoldPunctuationAndDigits() {
    assertEquals(
        List.of(new Field("int-literal"), new Field("1"), new Field("a$b")),
        AslPath.parse("$.int-literal.1.a$b").steps());
  }

  @Test
  void indexesMayHaveSpacesAndLeadingZeros() {
    assertEquals(List.of(new Index(1), new Index(0)), AslPath.parse("$[ 01 ][0]").steps());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "$.items[*]",
        "$.*",
        "$..author",
        "$.items[1:5]",
        "$.items[:1].itemValue",
        "$.items[0,1]",
        "$['a','b']",
        "$.users[?(@.status == 0)]",
        "$.a.length()",
        "$$.Execution.Input[*]",
        "$x..y"
      })
  void pathsSelectingByPatternAreNotReferencePaths(String text) {
    AslPath path = AslPath.parse(text);

    assertFalse(path.isReferencePath());
    IllegalStateException e = assertThrows(IllegalStateException.class, path::steps);
    assertEquals("not a reference path: " + text, e.getMessage());
  }

  @Test
  void jsonPathOnRootKeepsEverythingAfterTheRoot() {
    assertEquals("$.a[?(@.b == 'x')]", AslPath.parse("$$.a[?(@.b == 'x')]").jsonPathOnRoot());
    assertEquals("$['k'][0]", AslPath.parse("$v['k'][0]").jsonPathOnRoot());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "a.b    | 0 | a path must start with '$' at position 0 in 'a.b'",
        "$x-y   | 2 | expected '.' or '[' after '$x' but found '-' at position 2 in '$x-y'",
        "$$x    | 2 | expected '.' or '[' after '$$' but found 'x' at position 2 in '$$x'",
        "$1     | 1 | expected '.' or '[' after '$' but found '1' at position 1 in '$1'",
        "$.     | 2 | invalid path (Path must not end with a '.' or '..') at position 2 in '$.'",
        "$[     | 2 | invalid path (the path is incomplete) at position 2 in '$['",
        "$['a   | 4 | invalid path (Property has not been closed - missing closing ') at position 4"
            + " in '$['a'",
        "$.a[]  | 3 | invalid path (Could not parse token starting at position 3. Expected ?, ',"
            + " 0-9, * ) at position 3 in '$.a[]'",
      },
      quoteCharacter = '"')
  void malformedPathsAreRejectedWithTheProblemAndItsPosition(
      String text, int position, String message) {
    ExpressionException e = assertThrows(ExpressionException.class, () -> AslPath.parse(text));

    assertEquals(message, e.getMessage());
    assertEquals(position, e.position());
  }

  @Test
  void anEmptyPathIsRejected() {
    ExpressionException e = assertThrows(ExpressionException.class, () -> AslPath.parse(""));

    assertEquals("a path must start with '$' at position 0 in ''", e.getMessage());
    assertEquals(0, e.position());
  }

  @Test
  void positionsOfJaywayErrorsCountFromTheOriginalRoot() {
    ExpressionException e =
        assertThrows(ExpressionException.class, () -> AslPath.parse("$$.Execution.a b"));

    assertEquals(
        "invalid path (Use bracket notion ['my prop'] if your property contains blank characters."
            + " position: 12) at position 13 in '$$.Execution.a b'",
        e.getMessage());
    assertEquals(13, e.position()); // the 'a' of "a b"
  }

  @Test
  void blankInsideADottedNameIsRejected() {
    ExpressionException e = assertThrows(ExpressionException.class, () -> AslPath.parse("$.a b"));

    assertEquals(2, e.position());
  }

  @Test
  void pathsAreEqualWhenWrittenAlike() {
    assertEquals(AslPath.parse("$.a[0]"), AslPath.parse("$.a[0]"));
    assertEquals(AslPath.parse("$.a[0]").hashCode(), AslPath.parse("$.a[0]").hashCode());
    assertNotEquals(AslPath.parse("$.a[0]"), AslPath.parse("$['a'][0]"));
    assertEquals("$.a[0]", AslPath.parse("$.a[0]").toString());
  }

  @Test
  void aPathOfThousandsOfStepsIsRejectedNotAStackOverflow() {
    // Before: Jayway's recursive compiler overflowed the stack (StackOverflowError).
    String text = "$" + ".a".repeat(50_000);

    ExpressionException e = assertThrows(ExpressionException.class, () -> AslPath.parse(text));

    assertEquals(
        "the path has 50000 dots, brackets and parentheses; at most 256 are read at position 0 in '"
            + text
            + "'",
        e.getMessage());
    assertEquals(0, e.position());
  }

  @Test
  void anEscapedQuoteInAFilterStringDoesNotHideTheStepsAfterItFromTheLimit() {
    // Found by the runtime's path properties: the count took \' for the end of the string, so
    // everything after the next quote was counted as quoted.
    String text = "$[?(@.a == '\\'')]" + ".a".repeat(300);

    ExpressionException e = assertThrows(ExpressionException.class, () -> AslPath.parse(text));

    assertEquals(
        "the path has 303 dots, brackets and parentheses; at most 256 are read at position 0 in '"
            + text
            + "'",
        e.getMessage());
  }

  @Test
  void dotsAndBracketsInsideQuotedNamesDoNotCountTowardsTheLimit() {
    String name = "a.[(".repeat(1_000);

    assertEquals(List.of(new Field(name)), AslPath.parse("$['" + name + "']").steps());
  }

  @Test
  void aPathOf256StepsIsRead() {
    assertEquals(256, AslPath.parse("$" + ".a".repeat(255) + "[0]").steps().size());
  }
}
