package io.asl4j.dsl.expression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import io.asl4j.dsl.expression.IntrinsicArgument.BooleanLiteral;
import io.asl4j.dsl.expression.IntrinsicArgument.CallArgument;
import io.asl4j.dsl.expression.IntrinsicArgument.NullLiteral;
import io.asl4j.dsl.expression.IntrinsicArgument.NumberLiteral;
import io.asl4j.dsl.expression.IntrinsicArgument.PathArgument;
import io.asl4j.dsl.expression.IntrinsicArgument.StringLiteral;
import java.math.BigInteger;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IntrinsicCallTest {

  @Test
  void argumentsAreLiteralsPathsAndNestedCalls() {
    IntrinsicCall call =
        IntrinsicCall.parse(
            "States.Array('text', 42, -1.5, true, false, null, $.a[0], $$.Execution.Id, $v,"
                + " States.UUID())");

    assertEquals(IntrinsicFunction.ARRAY, call.function());
    assertEquals("States.Array", call.name());
    assertEquals(
        List.of(
            new StringLiteral("text"),
            new NumberLiteral(IntNode.valueOf(42)),
            new NumberLiteral(DoubleNode.valueOf(-1.5)),
            new BooleanLiteral(true),
            new BooleanLiteral(false),
            new NullLiteral(),
            new PathArgument(AslPath.parse("$.a[0]")),
            new PathArgument(AslPath.parse("$$.Execution.Id")),
            new PathArgument(AslPath.parse("$v")),
            new CallArgument(IntrinsicCall.parse("States.UUID()"))),
        call.arguments());
  }

  @Test
  void nestedCallsKeepTheirOwnText() {
    IntrinsicCall call =
        IntrinsicCall.parse(
            "States.ArrayGetItem(States.StringSplit($$.StateMachine.Name, '-'), 0)");

    IntrinsicCall inner = ((CallArgument) call.arguments().get(0)).call();
    assertEquals("States.StringSplit($$.StateMachine.Name, '-')", inner.text());
    assertEquals(IntrinsicFunction.STRING_SPLIT, inner.function());
    assertEquals(
        List.of(new PathArgument(AslPath.parse("$$.StateMachine.Name")), new StringLiteral("-")),
        inner.arguments());
  }

  @Test
  void whitespaceMaySurroundArguments() {
    assertEquals(
        IntrinsicCall.parse("States.MathAdd(1,2)"),
        IntrinsicCall.parse("States.MathAdd( 1 ,\n\t2 )"));
    assertEquals(List.of(), IntrinsicCall.parse("States.Array( )").arguments());
  }

  @Test
  void numbersKeepTheirJsonType() {
    List<IntrinsicArgument> arguments =
        IntrinsicCall.parse("States.Array(0, -7, 3000000000, 99999999999999999999, 2.50, 1e3)")
            .arguments();

    assertEquals(
        List.of(
            new NumberLiteral(IntNode.valueOf(0)),
            new NumberLiteral(IntNode.valueOf(-7)),
            new NumberLiteral(LongNode.valueOf(3_000_000_000L)),
            new NumberLiteral(BigIntegerNode.valueOf(new BigInteger("99999999999999999999"))),
            new NumberLiteral(DoubleNode.valueOf(2.5)),
            new NumberLiteral(DoubleNode.valueOf(1000.0))),
        arguments);
  }

  @Test
  void escapesResolveInTheValueAndStayInTheSource() {
    StringLiteral literal =
        (StringLiteral)
            IntrinsicCall.parse("States.Format('\\{\\} it\\'s \\\\ {}', 1)").arguments().get(0);

    assertEquals("{} it's \\ {}", literal.value());
    assertEquals("\\{\\} it\\'s \\\\ {}", literal.source());
  }

  @Test
  void aLiteralBuiltFromAValueEscapesEveryReservedCharacter() {
    assertEquals(new StringLiteral("a{b}'\\", "a\\{b\\}\\'\\\\"), new StringLiteral("a{b}'\\"));
  }

  @Test
  void unescapedBracesQuotesAndNewlinesAreAcceptedAsAwsDoes() {
    // Both recorded as succeeding on AWS (test_json_merge_escaped_argument, test_escape_sequence).
    IntrinsicCall merge =
        IntrinsicCall.parse(
            "States.JsonMerge(States.StringToJson('{\"constant_in_literal\": \"false\"}'),"
                + " $$.Execution.Input.input_field, false)");
    IntrinsicCall split = IntrinsicCall.parse("States.StringSplit('Hello\nWorld', '\n')");

    IntrinsicCall toJson = ((CallArgument) merge.arguments().get(0)).call();
    assertEquals(
        List.of(
            new StringLiteral(
                "{\"constant_in_literal\": \"false\"}", "{\"constant_in_literal\": \"false\"}")),
        toJson.arguments());
    assertEquals(
        List.of(new StringLiteral("Hello\nWorld", "Hello\nWorld"), new StringLiteral("\n", "\n")),
        split.arguments());
  }

  @Test
  void anEscapedDoubleQuoteIsRejectedAsAwsRejectsIt() {
    // ESCAPE_SEQUENCES_ILLEGAL_INTRINSIC_FUNCTION: CreateStateMachine refused this value.
    String text = "States.StringToJson('{\"text\":\"An \\\"escaped double quote\\\" here\"}')";

    ExpressionException e =
        assertThrows(ExpressionException.class, () -> IntrinsicCall.parse(text));

    assertEquals(
        "invalid escape '\\\"' (only \\', \\{, \\} and \\\\ are allowed) at position 33 in '"
            + text
            + "'",
        e.getMessage());
    assertEquals(33, e.position());
  }

  @Test
  void pathArgumentsEndAtTheFirstCommaOrParenthesisOutsideBrackets() {
    IntrinsicCall call = IntrinsicCall.parse("States.Array($.a[?(@.b == 'x, y)')], $.c)");

    assertEquals(
        List.of(
            new PathArgument(AslPath.parse("$.a[?(@.b == 'x, y)')]")),
            new PathArgument(AslPath.parse("$.c"))),
        call.arguments());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "States.Foo(1)              | 0  | unknown intrinsic function 'States.Foo'",
        "States.format('x')         | 0  | unknown intrinsic function 'States.format'",
        "Format('x')                | 0  | an intrinsic function call must start with 'States.'",
        "States.Format              | 13 | expected '(' after 'States.Format'",
        "States.Format ('x')        | 13 | expected '(' after 'States.Format'",
        "States.Format('a'          | 17 | missing ')' to close 'States.Format('",
        "States.Format('a',)        | 18 | expected an argument but found ')'",
        "States.Format('a' 1)       | 18 | expected ',' or ')' but found '1'",
        "States.Format('abc         | 14 | string literal is not closed with '",
        "States.Format('a\\         | 16 | unpaired backslash",
        "States.Format('a\\n')      | 16 | invalid escape '\\n' (only \\', \\{, \\} and \\\\ are"
            + " allowed)",
        "States.MathAdd(abc, 2)     | 15 | unexpected 'abc' (strings are single-quoted)",
        "States.MathAdd(01, 2)      | 15 | invalid number '01'",
        "States.MathAdd(1.2.3, 2)   | 15 | invalid number '1.2.3'",
        "States.MathAdd(1, 2)x      | 20 | unexpected text after the closing ')'",
        "States.Array($.)           | 15 | invalid path (Path must not end with a '.' or '..')",
        "States.Array($x-y)         | 15 | expected '.' or '[' after '$x' but found '-'",
      })
  void malformedCallsAreRejectedWithTheProblemAndItsPosition(
      String text, int position, String problem) {
    ExpressionException e =
        assertThrows(ExpressionException.class, () -> IntrinsicCall.parse(text));

    assertEquals(problem + " at position " + position + " in '" + text + "'", e.getMessage());
    assertEquals(position, e.position());
  }

  @Test
  void doubleQuotedStringsAreNotArguments() {
    ExpressionException e =
        assertThrows(ExpressionException.class, () -> IntrinsicCall.parse("States.Array(\"x\")"));

    assertEquals(
        "expected an argument but found '\"' at position 13 in 'States.Array(\"x\")'",
        e.getMessage());
  }

  @Test
  void nothingMayPrecedeOrFollowTheCall() {
    assertThrows(ExpressionException.class, () -> IntrinsicCall.parse(" States.UUID()"));
    assertThrows(ExpressionException.class, () -> IntrinsicCall.parse("States.UUID() "));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "States.MathAdd(1)                      | States.MathAdd takes 2 arguments but got 1",
        "States.StringToJson()                  | States.StringToJson takes 1 argument but got 0",
        "States.MathRandom(1, 2, 3, 4)          | States.MathRandom takes 2 or 3 arguments but got"
            + " 4",
        "States.Format()                        | States.Format takes at least 1 argument but got"
            + " 0",
        "States.UUID(1)                         | States.UUID takes no arguments but got 1",
        "States.ArrayGetItem(States.UUID(1), 0) | States.UUID takes no arguments but got 1",
      })
  void aWrongArgumentCountNamesTheFunctionAndWhatItTakes(String text, String problem) {
    ExpressionException e =
        assertThrows(ExpressionException.class, () -> IntrinsicCall.parse(text));

    int position = text.indexOf(problem.substring(0, problem.indexOf(' ')));
    assertEquals(problem + " at position " + position + " in '" + text + "'", e.getMessage());
    assertEquals(position, e.position());
  }

  @Test
  void eachFunctionTakesItsDocumentedNumberOfArguments() {
    String table =
        Stream.of(IntrinsicFunction.values())
            .map(
                f ->
                    f.aslName()
                        + " "
                        + f.minArguments()
                        + ".."
                        + (f.isVariadic() ? "*" : String.valueOf(f.maxArguments())))
            .collect(Collectors.joining("\n"));

    assertEquals(
        String.join(
            "\n",
            "States.Format 1..*",
            "States.StringToJson 1..1",
            "States.JsonToString 1..1",
            "States.Array 0..*",
            "States.ArrayPartition 2..2",
            "States.ArrayContains 2..2",
            "States.ArrayRange 3..3",
            "States.ArrayGetItem 2..2",
            "States.ArrayLength 1..1",
            "States.ArrayUnique 1..1",
            "States.Base64Encode 1..1",
            "States.Base64Decode 1..1",
            "States.Hash 2..2",
            "States.JsonMerge 3..3",
            "States.MathRandom 2..3",
            "States.MathAdd 2..2",
            "States.StringSplit 2..2",
            "States.UUID 0..0"),
        table);
  }

  @Test
  void functionsAreFoundByTheirExactAslName() {
    assertEquals(IntrinsicFunction.HASH, IntrinsicFunction.forName("States.Hash").orElseThrow());
    assertTrue(IntrinsicFunction.forName("States.hash").isEmpty());
    assertTrue(IntrinsicFunction.forName("Hash").isEmpty());
  }

  @Test
  void onlyTextStartingWithStatesDotLooksLikeACall() {
    assertTrue(IntrinsicCall.looksLikeIntrinsic("States.UUID()"));
    assertTrue(IntrinsicCall.looksLikeIntrinsic("States.Nope"));
    assertFalse(IntrinsicCall.looksLikeIntrinsic(" States.UUID()"));
    assertFalse(IntrinsicCall.looksLikeIntrinsic("$.States"));
    assertFalse(IntrinsicCall.looksLikeIntrinsic(null));
  }

  @Test
  void callsAreEqualWhenTheyCallTheSameFunctionWithTheSameArguments() {
    assertEquals(
        IntrinsicCall.parse("States.Hash($.a,'MD5')"),
        IntrinsicCall.parse("States.Hash( $.a , 'MD5' )"));
    assertEquals(
        "States.Hash( $.a , 'MD5' )", IntrinsicCall.parse("States.Hash( $.a , 'MD5' )").toString());
  }

  @Test
  void callsNestedMoreThanAHundredDeepAreRejectedNotAStackOverflow() {
    // Before: the recursive parser overflowed the stack at about 1,500 levels.
    String text = "States.Array(".repeat(20_000) + ")".repeat(20_000);

    ExpressionException e =
        assertThrows(ExpressionException.class, () -> IntrinsicCall.parse(text));

    assertEquals(
        "calls are nested more than 100 levels deep at position 1300 in '" + text + "'",
        e.getMessage());
    assertEquals(1300, e.position()); // the 101st "States.Array("
  }

  @Test
  void aHundredNestedCallsAreRead() {
    String text = "States.Array(".repeat(100) + ")".repeat(100);

    assertEquals(IntrinsicFunction.ARRAY, IntrinsicCall.parse(text).function());
  }

  @Test
  void aNumberTooLargeForADoubleIsRejectedNotInfinity() {
    // Before: read as Infinity, which no JSON value can hold.
    ExpressionException e =
        assertThrows(ExpressionException.class, () -> IntrinsicCall.parse("States.Array(1e999)"));

    assertEquals(
        "number '1e999' is too large for a double at position 13 in 'States.Array(1e999)'",
        e.getMessage());
  }

  @Test
  void aNumberOfMoreThanAThousandDigitsIsRejectedQuickly() {
    // Before: a million digits took 15 s to read as a BigInteger.
    String digits = "9".repeat(1_000_000);
    String text = "States.Array(" + digits + ")";

    ExpressionException e =
        assertThrows(ExpressionException.class, () -> IntrinsicCall.parse(text));

    assertEquals(
        "a number may have at most 1000 characters at position 13 in '" + text + "'",
        e.getMessage());
    assertEquals(
        new NumberLiteral(BigIntegerNode.valueOf(new BigInteger("9".repeat(1_000)))),
        IntrinsicCall.parse("States.Array(" + "9".repeat(1_000) + ")").arguments().get(0));
  }
}
