package io.asl4j.runtime.internal.expression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.asl4j.dsl.expression.IntrinsicCall;
import io.asl4j.dsl.json.AslReader;
import io.asl4j.runtime.StatesError;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IntrinsicEvaluatorTest {
  private static final JsonNode CONTEXT =
      Nodes.json("{\"StateMachine\": {\"Name\": \"orders-v2\"}}");
  private static final Function<String, JsonNode> VARIABLES = Map.of("limit", Nodes.json("3"))::get;

  private static JsonNode call(String call, String input) {
    return IntrinsicEvaluator.withRandom(new SplittableRandom(11))
        .evaluate(IntrinsicCall.parse(call), Nodes.json(input), CONTEXT, VARIABLES);
  }

  private static JsonNode call(String call) {
    return call(call, "{}");
  }

  private static String failure(String call, String input) {
    StatesError e = assertThrows(StatesError.class, () -> call(call, input));
    assertEquals("States.Runtime", e.error());
    return e.cause();
  }

  @ParameterizedTest(name = "{0} + {1} = {2}")
  @CsvSource({
    "-9, 3, -6",
    "1.49, 1.5, 3",
    "1.5, 1.51, 4",
    "-1.49, -1.5, -2",
    "-1.5, -1.51, -3",
    "-0.5, 0.5, 1",
    "-0.5, 0, 0",
    "-1.5, 0, -1",
    "-2.5, 0, -2",
    "-3.5, 0, -3",
    "3.5, 0, 4",
    "2147483647, 1, 2147483648",
  })
  void mathAddRoundsEachArgumentHalfUpBeforeAdding(String a, String b, String sum) {
    assertEquals(
        Nodes.json(sum), call("States.MathAdd($.a, $.b)", "{\"a\": " + a + ", \"b\": " + b + "}"));
  }

  @Test
  void mathAddTakesNumbersWithinTheIntRange() {
    assertEquals(
        "Invalid arguments in States.MathAdd($.a, 1): argument 1 must be a number, not string"
            + " \"1\"",
        failure("States.MathAdd($.a, 1)", "{\"a\": \"1\"}"));
    assertEquals(
        "Invalid arguments in States.MathAdd(2147483648, 1): argument 1 (2147483648) must be"
            + " between -2147483648 and 2147483647",
        failure("States.MathAdd(2147483648, 1)", "{}"));
  }

  @Test
  void formatInsertsStringsRawScalarsAsJsonAndContainersInJavaNotation() {
    assertEquals(
        Nodes.json(
            "\"s=text n=1.1 i=1 b=true z=null o={Arg1=1, Arg2=[], Arg3={k=v}} a=[a, 2, [null]]\""),
        call(
            "States.Format('s={} n={} i={} b={} z={} o={} a={}', $.s, $.n, $.i, $.b, $.z, $.o,"
                + " $.a)",
            "{\"s\": \"text\", \"n\": 1.1, \"i\": 1, \"b\": true, \"z\": null,"
                + " \"o\": {\"Arg1\": 1, \"Arg2\": [], \"Arg3\": {\"k\": \"v\"}},"
                + " \"a\": [\"a\", 2, [null]]}"));
  }

  @Test
  void formatTreatsEscapedBracesOfALiteralTemplateAsText() {
    assertEquals(Nodes.json("\"{} is 5, it's\""), call("States.Format('\\{\\} is {}, it\\'s', 5)"));
  }

  @Test
  void formatUsesEveryPairOfBracesOfATemplateReadFromData() {
    assertEquals(
        Nodes.json("\"Hello, my name is Arnav.\""),
        call(
            "States.Format($.template, $.name)",
            "{\"name\": \"Arnav\", \"template\": \"Hello, my name is {}.\"}"));
  }

  @Test
  void formatNeedsAValueForEachPlaceholder() {
    assertEquals(
        "Invalid arguments in States.Format('{} and {}', 1): the template has 2 placeholder(s)"
            + " but 1 value(s) were given",
        failure("States.Format('{} and {}', 1)", "{}"));
    assertEquals(
        "Invalid arguments in States.Format($.t): the template must be a string, not number 4",
        failure("States.Format($.t)", "{\"t\": 4}"));
  }

  @Test
  void stringToJsonParsesAndReadsBlankAsNull() {
    assertEquals(
        Nodes.json("{\"Arg1\": 1, \"Arg2\": []}"),
        call("States.StringToJson($.s)", "{\"s\": \"{\\\"Arg1\\\": 1, \\\"Arg2\\\": []}\"}"));
    assertEquals(Nodes.json("null"), call("States.StringToJson('')"));
    assertEquals(Nodes.json("null"), call("States.StringToJson(' \t')"));
    assertEquals(Nodes.json("0"), call("States.StringToJson('-0')"));
    assertEquals(Nodes.json("1.1"), call("States.StringToJson('1.1')"));
  }

  @Test
  void stringToJsonRejectsWhatIsNotJson() {
    assertEquals(
        "Invalid arguments in States.StringToJson('1 2'): the string is not valid JSON: Trailing"
            + " token (of type VALUE_NUMBER_INT) found after value (bound as"
            + " `com.fasterxml.jackson.databind.JsonNode`): not allowed as per"
            + " `DeserializationFeature.FAIL_ON_TRAILING_TOKENS`",
        failure("States.StringToJson('1 2')", "{}"));
    assertTrue(
        failure("States.StringToJson('\\{')", "{}")
            .startsWith(
                "Invalid arguments in States.StringToJson('\\{'): the string is not valid JSON: "));
  }

  @Test
  void jsonToStringWritesCompactJson() {
    assertEquals(
        Nodes.json("\"{\\\"Arg1\\\":1,\\\"Arg2\\\":[]}\""),
        call("States.JsonToString($.o)", "{\"o\": {\"Arg1\": 1, \"Arg2\": []}}"));
    assertEquals(Nodes.json("\"\\\"HelloWorld\\\"\""), call("States.JsonToString('HelloWorld')"));
    assertEquals(Nodes.json("\"null\""), call("States.JsonToString(null)"));
  }

  @Test
  void arrayCollectsItsArguments() {
    assertEquals(
        Nodes.json("[\"a\", 1, 1.5, true, null, {\"k\": 3}, 3]"),
        call("States.Array('a', 1, 1.5, true, null, $.o, $limit)", "{\"o\": {\"k\": 3}}"));
    assertEquals(Nodes.json("[]"), call("States.Array()"));
  }

  @Test
  void arrayPartitionCutsChunksOfTheRoundedSize() {
    assertEquals(
        Nodes.json("[[1, 2], [3, 4], [5]]"),
        call("States.ArrayPartition($.a, 2)", "{\"a\": [1, 2, 3, 4, 5]}"));
    assertEquals(
        Nodes.json("[[1, 2], [3]]"), call("States.ArrayPartition($.a, 1.5)", "{\"a\": [1, 2, 3]}"));
    assertEquals(Nodes.json("[]"), call("States.ArrayPartition($.a, 3)", "{\"a\": []}"));
    assertEquals(
        "Invalid arguments in States.ArrayPartition($.a, 0): the chunk size must be a positive"
            + " integer, not 0",
        failure("States.ArrayPartition($.a, 0)", "{\"a\": [1]}"));
  }

  @Test
  void arrayContainsComparesJsonValues() {
    String input = "{\"a\": [[1, 2, 3], {\"x\": [], \"y\": 1.0}, true], \"v\": [1, 2, 3]}";

    assertEquals(Nodes.json("true"), call("States.ArrayContains($.a, $.v)", input));
    assertEquals(
        Nodes.json("true"),
        call("States.ArrayContains($.a, States.StringToJson('{\"y\": 1, \"x\": []}'))", input));
    assertEquals(Nodes.json("false"), call("States.ArrayContains($.a, false)", input));
    assertEquals(Nodes.json("false"), call("States.ArrayContains($.a, $.a)", input));
  }

  @Test
  void arrayRangeIncludesTheEndWhenTheStepLandsOnIt() {
    assertEquals(Nodes.json("[0, 3, 6, 9]"), call("States.ArrayRange(0, 9, 3)"));
    assertEquals(Nodes.json("[0, 3, 6, 9]"), call("States.ArrayRange(0, 10, 3)"));
    assertEquals(Nodes.json("[5, 3, 1]"), call("States.ArrayRange(5, 0, -2)"));
    assertEquals(Nodes.json("[]"), call("States.ArrayRange(5, 0, 2)"));
    assertEquals(Nodes.json("[2, 3]"), call("States.ArrayRange(1.5, 3.4, 1)"));
  }

  @Test
  void arrayRangeNeedsANonZeroStepAndAtMostAThousandElements() {
    assertEquals(
        "Invalid arguments in States.ArrayRange(0, 1, 0): the step must not be 0",
        failure("States.ArrayRange(0, 1, 0)", "{}"));
    assertEquals(1000, call("States.ArrayRange(1, 1000, 1)").size());
    assertEquals(
        "Invalid arguments in States.ArrayRange(0, 1000, 1): the range has 1001 elements but an"
            + " array may have at most 1000",
        failure("States.ArrayRange(0, 1000, 1)", "{}"));
  }

  @Test
  void arrayGetItemTakesAZeroBasedIndexInsideTheArray() {
    String input = "{\"a\": [1, 2, 3, 4, 5, 6, 7, 8, 9]}";

    assertEquals(Nodes.json("6"), call("States.ArrayGetItem($.a, 5)", input));
    assertEquals(Nodes.json("1"), call("States.ArrayGetItem($.a, 0.0)", input));
    assertEquals(
        "Invalid arguments in States.ArrayGetItem($.a, 9): the index 9 is out of bounds for an"
            + " array of length 9",
        failure("States.ArrayGetItem($.a, 9)", input));
    assertEquals(
        "Invalid arguments in States.ArrayGetItem($.a, 1.5): the index must be an integer, not"
            + " number 1.5",
        failure("States.ArrayGetItem($.a, 1.5)", input));
    assertEquals(
        "Invalid arguments in States.ArrayGetItem($.s, 0): argument 1 must be an array, not"
            + " string \"abc\"",
        failure("States.ArrayGetItem($.s, 0)", "{\"s\": \"abc\"}"));
  }

  @Test
  void arrayLengthCountsElements() {
    assertEquals(Nodes.json("3"), call("States.ArrayLength($.a)", "{\"a\": [null, [], {}]}"));
  }

  @Test
  void arrayUniqueKeepsTheFirstOfEqualValues() {
    assertEquals(
        Nodes.json(
            "[null, true, false, 1, 1.1, 0, \"x\", [], [null], {\"a\": 1, \"b\": 2},"
                + " {\"a\": 1, \"b\": 1}]"),
        call(
            "States.ArrayUnique($.a)",
            "{\"a\": [null, null, true, true, false, false, 1, 1.0, 1.1, 0, 0, \"x\", \"x\", [],"
                + " [], [null], [null], {\"a\": 1, \"b\": 2}, {\"b\": 2, \"a\": 1},"
                + " {\"a\": 1, \"b\": 1}]}"));
  }

  @Test
  void base64EncodesAndDecodesUtf8() {
    assertEquals(
        Nodes.json("\"RGF0YSB0byBlbmNvZGU=\""), call("States.Base64Encode('Data to encode')"));
    assertEquals(
        Nodes.json("\"Data to encode\""), call("States.Base64Decode('RGF0YSB0byBlbmNvZGU=')"));
    assertEquals(Nodes.json("\"w6k=\""), call("States.Base64Encode('é')"));
    assertEquals(Nodes.json("\"\""), call("States.Base64Decode('')"));
  }

  @Test
  void base64RejectsBadInputAndMoreThanTenThousandCharacters() {
    assertEquals(
        "Invalid arguments in States.Base64Decode('%%'): the data is not Base64: Illegal base64"
            + " character 25",
        failure("States.Base64Decode('%%')", "{}"));
    assertEquals(
        "Invalid arguments in States.Base64Encode($.s): the data has 10001 characters but at most"
            + " 10000 are allowed",
        failure("States.Base64Encode($.s)", "{\"s\": \"" + "x".repeat(10_001) + "\"}"));
  }

  @ParameterizedTest
  @CsvSource({
    "input data, MD5, 812f45842bc6d66ee14572ce20db8e86",
    "input data, SHA-1, aaff4a450a104cd177d28d18d74485e8cae074b7",
    "Hash this string, SHA-256, 1cac63f39fd68d8c531f27b807610fb3d50f0fc3f186995767fb6316e7200a3e",
    "input data, SHA-384, d28a7d5cf25a74f11a50a18452b75e04bb3d70c9dd0510d6123aa008c756511b87525bd"
        + "c835ebb27e1fb9e9374a15562",
    "input data, SHA-512, 6ce4adb348546d4f449c4d25aad9a7c9cb711d9e91982d3f0b29ca2f3f47d4ce2deba23bf"
        + "2954f0f1d593fc50283731a533d30d425402d4f91316d871303aac4",
  })
  void hashGivesLowercaseHexAsRecordedOnAws(String data, String algorithm, String hex) {
    assertEquals(
        Nodes.json("\"" + hex + "\""),
        call(
            "States.Hash($.d, $.alg)",
            "{\"d\": \"" + data + "\", \"alg\": \"" + algorithm + "\"}"));
  }

  @Test
  void hashKnowsFiveAlgorithms() {
    assertEquals(
        "Invalid arguments in States.Hash('x', 'sha-256'): the algorithm must be one of MD5,"
            + " SHA-1, SHA-256, SHA-384, SHA-512, not 'sha-256'",
        failure("States.Hash('x', 'sha-256')", "{}"));
  }

  @Test
  void jsonMergeIsShallowAndTheSecondObjectWins() {
    assertEquals(
        Nodes.json("{\"a\": {\"a3\": 1, \"a4\": 2}, \"b\": 2, \"d\": 4, \"c\": 3}"),
        call(
            "States.JsonMerge($.x, $.y, false)",
            "{\"x\": {\"a\": {\"a1\": 1, \"a2\": 2}, \"b\": 2, \"d\": 3},"
                + " \"y\": {\"a\": {\"a3\": 1, \"a4\": 2}, \"c\": 3, \"d\": 4}}"));
  }

  @Test
  void jsonMergeSupportsOnlyTheShallowMode() {
    assertEquals(
        "Invalid arguments in States.JsonMerge($.x, $.x, true): only the shallow merge is"
            + " supported: argument 3 must be false",
        failure("States.JsonMerge($.x, $.x, true)", "{\"x\": {}}"));
    assertEquals(
        "Invalid arguments in States.JsonMerge($.x, 'y', false): argument 2 must be an object,"
            + " not string \"y\"",
        failure("States.JsonMerge($.x, 'y', false)", "{\"x\": {}}"));
  }

  @Test
  void mathRandomDrawsFromStartInclusiveToEndExclusive() {
    IntrinsicEvaluator intrinsics = IntrinsicEvaluator.withRandom(new SplittableRandom(5));
    IntrinsicCall call = IntrinsicCall.parse("States.MathRandom(12.5, 15.4)");
    Set<JsonNode> seen = new HashSet<>();

    for (int i = 0; i < 200; i++) {
      seen.add(intrinsics.evaluate(call, Nodes.json("{}"), CONTEXT, VARIABLES));
    }

    assertEquals(Set.of(Nodes.json("13"), Nodes.json("14")), seen);
  }

  @Test
  void mathRandomWithASeedAlwaysGivesTheSameNumber() {
    JsonNode first =
        IntrinsicEvaluator.withRandom(new SplittableRandom(1))
            .evaluate(
                IntrinsicCall.parse("States.MathRandom(0, 999, 3)"),
                Nodes.json("{}"),
                CONTEXT,
                VARIABLES);
    JsonNode second =
        IntrinsicEvaluator.withRandom(new SplittableRandom(2))
            .evaluate(
                IntrinsicCall.parse("States.MathRandom(0, 999, 3)"),
                Nodes.json("{}"),
                CONTEXT,
                VARIABLES);

    assertEquals(first, second);
    assertTrue(first.isInt() && first.intValue() >= 0 && first.intValue() < 999);
  }

  @Test
  void unseededRandomnessComesFromTheInjectedGenerator() {
    IntrinsicCall call =
        IntrinsicCall.parse("States.Array(States.MathRandom(0, 1000000), States.UUID())");

    JsonNode first =
        IntrinsicEvaluator.withRandom(new SplittableRandom(9))
            .evaluate(call, Nodes.json("{}"), CONTEXT, VARIABLES);
    JsonNode again =
        IntrinsicEvaluator.withRandom(new SplittableRandom(9))
            .evaluate(call, Nodes.json("{}"), CONTEXT, VARIABLES);
    JsonNode other =
        IntrinsicEvaluator.withRandom(new SplittableRandom(10))
            .evaluate(call, Nodes.json("{}"), CONTEXT, VARIABLES);

    assertEquals(first, again);
    assertNotEquals(first, other);
  }

  @Test
  void mathRandomNeedsAnEndAboveTheStart() {
    assertEquals(
        "Invalid arguments in States.MathRandom(5, 5): the end (5) must be greater than the"
            + " start (5)",
        failure("States.MathRandom(5, 5)", "{}"));
  }

  @Test
  void uuidIsARandomVersion4Uuid() {
    String uuid = call("States.UUID()").textValue();

    assertTrue(
        uuid.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"), uuid);
  }

  @Test
  void stringSplitSplitsOnEachDelimiterCharacterAndDropsEmptyPieces() {
    assertEquals(
        Nodes.json("[\"This\", \"is\", \"a\", \"test\", \"string\"]"),
        call("States.StringSplit('This.is+a,test=string', '.+,=')"));
    assertEquals(Nodes.json("[]"), call("States.StringSplit(',,,,', ',')"));
    assertEquals(Nodes.json("[\" \", \" \"]"), call("States.StringSplit(', , ,', ',')"));
    assertEquals(
        Nodes.json("[\"split on \", \" and \", \"new line\"]"),
        call("States.StringSplit($.s, 'T\n')", "{\"s\": \"split on T and \\nnew line\"}"));
    assertEquals(Nodes.json("[\"abc\"]"), call("States.StringSplit('abc', '')"));
  }

  @Test
  void nestedCallsAndContextPathsCompose() {
    assertEquals(
        Nodes.json("\"orders\""),
        call("States.ArrayGetItem(States.StringSplit($$.StateMachine.Name, '-'), 0)"));
  }

  @Test
  void anInfiniteNumberIsRefusedAsAnArgument() {
    // A default Jackson reader turns 1e400 into an infinite double.
    assertEquals(
        "Invalid arguments in States.MathAdd($.a, 1): argument 1 must be a finite number, not"
            + " Infinity",
        failure("States.MathAdd($.a, 1)", "{\"a\": 1e400}"));
    assertEquals(
        "Invalid arguments in States.ArrayRange(0, $.a, 1): argument 2 must be a finite number,"
            + " not -Infinity",
        failure("States.ArrayRange(0, $.a, 1)", "{\"a\": -1e400}"));
  }

  @Test
  void aNumberWithAHugeExponentIsOutOfRangeWithoutWritingItOut() {
    // AslReader keeps 1E+999999999 exact: rounding it digit by digit would take a billion digits.
    JsonNode input = AslReader.parse("{\"big\": 1E+999999999, \"tiny\": -1E-999999999}");
    IntrinsicEvaluator intrinsics = IntrinsicEvaluator.withRandom(new SplittableRandom(1));

    StatesError range =
        assertThrows(
            StatesError.class,
            () ->
                intrinsics.evaluate(
                    IntrinsicCall.parse("States.ArrayRange(0, $.big, 1)"),
                    input,
                    CONTEXT,
                    VARIABLES));
    StatesError item =
        assertThrows(
            StatesError.class,
            () ->
                intrinsics.evaluate(
                    IntrinsicCall.parse("States.ArrayGetItem(States.Array(1), $.big)"),
                    input,
                    CONTEXT,
                    VARIABLES));

    assertEquals(
        "Invalid arguments in States.ArrayRange(0, $.big, 1): the end (more than 10^40) must be"
            + " between -2147483648 and 2147483647",
        range.cause());
    assertEquals(
        "Invalid arguments in States.ArrayGetItem(States.Array(1), $.big): the index 1E+999999999"
            + " is out of bounds for an array of length 1",
        item.cause());
    assertEquals(
        Nodes.json("5"),
        intrinsics.evaluate(
            IntrinsicCall.parse("States.MathAdd($.tiny, 5)"), input, CONTEXT, VARIABLES));
  }

  @Test
  void arrayUniqueAndArrayContainsCompareHugeAndInfiniteNumbersByValue() {
    JsonNode input = AslReader.parse("{\"a\": [1E+999999999, 1.0E+999999999, 1E+999999998]}");
    IntrinsicEvaluator intrinsics = IntrinsicEvaluator.withRandom(new SplittableRandom(1));

    assertEquals(
        AslReader.parse("[1E+999999999, 1E+999999998]"),
        intrinsics.evaluate(
            IntrinsicCall.parse("States.ArrayUnique($.a)"), input, CONTEXT, VARIABLES));
    assertEquals(
        Nodes.json("[1e400, 1]"), call("States.ArrayUnique($.a)", "{\"a\": [1e400, 1, 1e401]}"));
    assertEquals(
        Nodes.json("true"),
        call("States.ArrayContains($.a, $.b)", "{\"a\": [1, 1e400], \"b\": 1e500}"));
  }

  @Test
  void textLongerThanThePayloadLimitIsADataLimitExceededError() {
    String big = "{\"big\": \"" + "x".repeat(100_000) + "\"}";

    StatesError format =
        assertThrows(
            StatesError.class, () -> call("States.Format('{}{}{}', $.big, $.big, $.big)", big));
    StatesError string =
        assertThrows(
            StatesError.class,
            () -> call("States.JsonToString(States.Array($.big, $.big, $.big))", big));

    assertEquals("States.DataLimitExceeded", format.error());
    assertEquals(
        "The intrinsic function States.Format('{}{}{}', $.big, $.big, $.big) returned a result with"
            + " a size exceeding the maximum number of bytes service limit.",
        format.cause());
    assertEquals("States.DataLimitExceeded", string.error());
    assertEquals(
        Nodes.json("\"" + "x".repeat(200_000) + "\""),
        call("States.Format('{}{}', $.big, $.big)", big));
  }

  @Test
  void aMissingPathArgumentIsReportedWithTheInput() {
    IntrinsicEvaluator intrinsics = IntrinsicEvaluator.standard();
    IntrinsicCall call = IntrinsicCall.parse("States.Format('{}', $.Error)");

    StatesError plain =
        assertThrows(
            StatesError.class,
            () -> intrinsics.evaluate(call, Nodes.json("{\"e\": 1}"), CONTEXT, VARIABLES));
    StatesError forField =
        assertThrows(
            StatesError.class,
            () ->
                intrinsics.evaluate(
                    call, "ErrorPath", Nodes.json("{\"e\": 1}"), CONTEXT, VARIABLES));

    assertEquals(
        "The JSONPath '$.Error' could not be found in the input '{\"e\":1}'", plain.cause());
    assertEquals(
        "The JSONPath '$.Error' specified for the field 'ErrorPath' could not be found in the"
            + " input '{\"e\":1}'",
        forField.cause());
  }
}
