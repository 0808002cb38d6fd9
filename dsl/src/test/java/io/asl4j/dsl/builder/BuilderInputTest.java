package io.asl4j.dsl.builder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.asl4j.dsl.expression.AslPath;
import io.asl4j.dsl.expression.AslPath.Field;
import io.asl4j.dsl.json.AslReader;
import io.asl4j.dsl.json.AslWriter;
import io.asl4j.dsl.model.StateMachine;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The builder on input the property tests found it mishandling (see {@code WorkflowProperties}):
 * what it builds reads back to the same model, and what it cannot build is refused at the call,
 * saying why.
 */
class BuilderInputTest {

  @Test
  void numbersAreBuiltAsTheReaderReadsThemBack() {
    // given: before, longs were LongNodes and doubles DoubleNodes, which the reader reads back as
    // IntNodes and exact decimals: the model read from the written ASL differed from the built one
    Pass.JsonPath pass =
        Pass.jsonPath("P")
            .result(
                Payload.object()
                    .put("small", 7L)
                    .put("large", 10_000_000_000L)
                    .put("fraction", 2.5)
                    .put("tiny", 1.0E-5)
                    .put("huge", 1.0E10)
                    .put("decimal", new BigDecimal("1.50"))
                    .put("integral", new BigDecimal("42")));
    Wait.JsonPath wait = Wait.jsonPath("W").seconds(3);
    Choice.JsonPath choice =
        Choice.jsonPath("C").when(JsonPaths.input().number("n").gt(0.5), Succeed.jsonPath("S"));

    // when
    StateMachine built =
        Workflow.jsonPath().definition(Chain.start(pass).next(wait).next(choice)).build();

    // then
    assertEquals(built, AslReader.read(AslWriter.write(built)));
  }

  @Test
  void numbersJsonCannotHoldAreRefusedAtTheCall() {
    // Before: NaN was written as the string "NaN", and a NaN BackoffRate or percentage made
    // build() throw NumberFormatException.
    assertEquals(
        "not a finite number: NaN (JSON has no NaN or Infinity)",
        assertThrows(IllegalArgumentException.class, () -> Payload.object().put("k", Double.NaN))
            .getMessage());
    assertEquals(
        "not a finite number: Infinity (JSON has no NaN or Infinity)",
        assertThrows(
                IllegalArgumentException.class,
                () -> JsonPaths.input().number("n").lt(Double.POSITIVE_INFINITY))
            .getMessage());
    assertEquals(
        "not a finite number: -Infinity (JSON has no NaN or Infinity)",
        assertThrows(
                IllegalArgumentException.class,
                () -> MapState.jsonPath("M").toleratedFailurePercentage(Double.NEGATIVE_INFINITY))
            .getMessage());
    assertEquals(
        "BackoffRate must be a finite number of at least 1.0: NaN",
        assertThrows(IllegalArgumentException.class, () -> Retry.on("E").backoffRate(Double.NaN))
            .getMessage());
    assertEquals(
        "not a finite number: NaN (JSON has no NaN or Infinity)",
        assertThrows(IllegalArgumentException.class, () -> States.format("{}", Double.NaN))
            .getMessage());
  }

  @Test
  void aFieldNameWithQuotesOrBackslashesIsAddressedVerbatim() {
    // Before: "it's" became $['it\'s'] and "a\b" became $['a\\b']; quoted names are read verbatim
    // (as AWS reads them), so those named other fields.
    assertEquals("$[\"it's\"]", JsonPaths.input().string("it's").path());
    assertEquals("$['a\\b']", JsonPaths.input().string("a\\b").path());
    assertEquals(
        List.of(new Field("it's")), AslPath.parse(JsonPaths.input().string("it's").path()).steps());
    assertEquals(
        List.of(new Field("a\\b")), AslPath.parse(JsonPaths.input().string("a\\b").path()).steps());
  }

  @Test
  void aFieldNameNoPathCanAddressIsRefused() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> JsonPaths.input().string("it's \"x\""));

    assertEquals(
        "field name cannot be written in a JSONPath (it holds both quotes or ends with a backslash): it's \"x\"",
        e.getMessage());
  }

  @Test
  void anOffsetDateTimeKeepsItsSecondsWhenTheyAreZero() {
    // Before: OffsetDateTime.toString() wrote 2016-03-14T01:59Z, which is no RFC 3339 timestamp.
    Condition condition =
        JsonPaths.input().timestamp("t").gt(OffsetDateTime.parse("2016-03-14T01:59:00+01:00"));

    assertEquals(
        "2016-03-14T01:59:00+01:00",
        ((io.asl4j.dsl.model.Condition.Comparison) condition.toModel()).operand().textValue());
  }

  @Test
  void aVariableNameIsCheckedAtTheCall() {
    // Before: variable(null) gave the path "$null", and variable("a b") the invalid "$a b".
    assertEquals(
        "name == null",
        assertThrows(NullPointerException.class, () -> JsonPaths.variable(null)).getMessage());
    assertEquals(
        "not a valid variable name: a b",
        assertThrows(IllegalArgumentException.class, () -> JsonPaths.variable("a b")).getMessage());
  }

  @Test
  void nullArgumentsAreNamedInTheException() {
    // Before: these threw NullPointerExceptions that did not say which argument was null.
    assertEquals(
        "condition == null",
        assertThrows(NullPointerException.class, () -> Condition.not(null)).getMessage());
    assertEquals(
        "catcher == null",
        assertThrows(
                NullPointerException.class,
                () -> Task.jsonPath("T").resource(Resource.lambdaInvoke()).catching((Catch) null))
            .getMessage());
    assertEquals(
        "assign == null",
        assertThrows(NullPointerException.class, () -> Catch.all().assign((Payload) null))
            .getMessage());
    assertEquals(
        "other == null",
        assertThrows(
                NullPointerException.class,
                () -> JsonPaths.input().number("a").eq((NumberPath) null))
            .getMessage());
  }

  @Test
  void aDurationBeyondAnIntIsRefusedWithAMessage() {
    // Before: Math.toIntExact threw ArithmeticException("integer overflow").
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Task.jsonPath("T")
                    .resource(Resource.lambdaInvoke())
                    .timeout(Duration.ofSeconds(3_000_000_000L)));

    assertEquals("more seconds than an int holds: PT833333H20M", e.getMessage());
  }

  @Test
  void aCommentOnATopLevelConditionBecomesTheRulesComment() {
    // Before: it stayed on the condition, was written as the rule's Comment, and read back there:
    // the model read from the written ASL differed from the built one.
    Choice.JsonPath choice =
        Choice.jsonPath("C")
            .when(JsonPaths.input().bool("b").isTrue().comment("why"), Succeed.jsonPath("S"));

    StateMachine built = Workflow.jsonPath().definition(choice).build();

    assertEquals(
        "why",
        ((io.asl4j.dsl.model.ChoiceState) built.states().get("C")).choices().get(0).comment());
    assertEquals(built, AslReader.read(AslWriter.write(built)));
  }
}
