package io.asl4j.dsl.expression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JsonataExpressionsTest {

  @Test
  void stringsDelimitedExactlyByPercentBracesAreExpressions() {
    assertTrue(JsonataExpressions.isExpression("{% $states.input %}"));
    assertTrue(JsonataExpressions.isExpression("{%1%}"));
  }

  @Test
  void surroundingWhitespaceOrMissingDelimitersMakeAPlainString() {
    assertFalse(JsonataExpressions.isExpression(" {% states.input %} "));
    assertFalse(JsonataExpressions.isExpression("{% $x %} "));
    assertFalse(JsonataExpressions.isExpression("$states.input"));
    assertFalse(JsonataExpressions.isExpression("{%}"));
    assertFalse(JsonataExpressions.isExpression(null));
  }

  @Test
  void bodyIsTheTrimmedTextBetweenTheDelimiters() {
    assertEquals("$states.input.x", JsonataExpressions.body("{%  $states.input.x\n %}"));
    assertEquals("", JsonataExpressions.body("{%%}"));
  }

  @Test
  void bodyOfAPlainStringFails() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> JsonataExpressions.body("$.x"));
    assertEquals("Not a JSONata expression: $.x", e.getMessage());
  }

  @Test
  void wellFormedExpressionsHaveNoSyntaxError() {
    assertEquals(Optional.empty(), JsonataExpressions.syntaxError("$states.input.a + 1"));
    assertEquals(
        Optional.empty(), JsonataExpressions.syntaxError("$contains('hello$world', /^hello\\$/)"));
    assertEquals(Optional.empty(), JsonataExpressions.syntaxError("$fn := function($x){$x}"));
  }

  static Stream<Arguments> syntaxErrors() {
    return Stream.of(
        arguments("1 +", "S0207: Unexpected end of expression (position 3)"),
        arguments("$x := 1; $x", "S0201: Syntax error: \";\" (position 8)"),
        arguments(
            "'abc", "S0101: String literal must be terminated by a matching quote (position 4)"),
        arguments("", "S0207: Unexpected end of expression (position 0)"));
  }

  @ParameterizedTest
  @MethodSource("syntaxErrors")
  void syntaxErrorsCarryTheCodeTheMessageAndThePosition(String expression, String error) {
    assertEquals(Optional.of(error), JsonataExpressions.syntaxError(expression));
  }

  @Test
  void statesFieldsAreReportedWithTheirFieldName() {
    assertEquals(
        List.of("states.result", "states.errorOutput", "states.input", "states.context"),
        List.copyOf(
            JsonataExpressions.referencedVariables(
                "$states.result.x & $states.errorOutput.Error & $states.input"
                    + " & $states.context.Execution.Id")));
  }

  @Test
  void statesUsedAsAWholeIsReportedAsStates() {
    assertEquals(Set.of("states"), JsonataExpressions.referencedVariables("$keys($states)"));
    assertEquals(Set.of("states"), JsonataExpressions.referencedVariables("$states"));
    assertEquals(
        Set.of("states.result"), JsonataExpressions.referencedVariables("$states.`result`"));
  }

  @Test
  void workflowVariablesAreReportedButFunctionNamesAreNot() {
    assertEquals(
        List.of("total", "items"),
        List.copyOf(
            JsonataExpressions.referencedVariables(
                "$total + $sum($map($items, $string)) + $count($items)")));
    assertEquals(Set.of("eval"), JsonataExpressions.referencedVariables("$eval('1')"));
    assertEquals(
        Set.of("randomSeeded", "states.input"),
        JsonataExpressions.referencedVariables("$randomSeeded($states.input.seed)"));
  }

  @Test
  void dollarSignsInsideLiteralsAndCommentsAreNotVariables() {
    assertEquals(
        Set.of(),
        JsonataExpressions.referencedVariables(
            "$contains('hello$world', /^hello\\$/) & \"$a\" & `$b` /* $c */"));
  }

  @Test
  void contextAndRootAreNotVariables() {
    assertEquals(Set.of(), JsonataExpressions.referencedVariables("$count($[$ = 1]) + $$.a"));
  }

  @Test
  void locallyBoundNamesAreNotReferencesOnceBound() {
    assertEquals(
        Set.of(), JsonataExpressions.referencedVariables("($x := 1; $y := $x + 1; $y * $x)"));
    assertEquals(
        Set.of("states.result"),
        JsonataExpressions.referencedVariables(
            "$map($states.result, function($v, $i) { $v = 1 ? $i : 0 })"));
    assertEquals(
        Set.of("orders"),
        JsonataExpressions.referencedVariables("$orders@$o#$pos.{'n': $o.n, 'p': $pos}"));
  }

  @Test
  void aValueReadInItsOwnAssignmentIsStillAReference() {
    assertEquals(Set.of("x"), JsonataExpressions.referencedVariables("($x := $x + 1; $x)"));
    assertEquals(Set.of("x"), JsonataExpressions.referencedVariables("($y := $x; $x := 2; $y)"));
  }

  @Test
  void divisionIsNotMistakenForARegularExpression() {
    assertEquals(Set.of("a", "b"), JsonataExpressions.referencedVariables("$a / 2 / $b"));
    assertEquals(Set.of("a", "b"), JsonataExpressions.referencedVariables("($a) / $b"));
  }

  @Test
  void variableNamesListsEveryDollarNameWhateverItsRole() {
    assertEquals(
        List.of("x", "sum", "states", "v"),
        List.copyOf(
            JsonataExpressions.variableNames(
                "($x := $sum($states.input); function($v){$v}; $; $$; '$s')")));
  }

  @Test
  void anExpressionNestedThousandsDeepIsASyntaxErrorNotAStackOverflow() {
    assertEquals(
        Optional.of("the expression nests too deeply to be parsed"),
        JsonataExpressions.syntaxError("(".repeat(4_000) + "1" + ")".repeat(4_000)));
  }

  @Test
  void anExpressionLongerThanTenThousandCharactersIsNotParsed() {
    // The parser's time grows with the square of the length: 40 s for 640 KB of string literal.
    assertEquals(
        Optional.of("the expression has 10001 characters; expressions of up to 10000 are parsed"),
        JsonataExpressions.syntaxError("'" + "x".repeat(9_999) + "'"));
    assertEquals(Optional.empty(), JsonataExpressions.syntaxError("'" + "x".repeat(9_998) + "'"));
  }
}
