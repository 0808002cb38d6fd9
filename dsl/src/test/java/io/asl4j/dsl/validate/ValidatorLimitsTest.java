package io.asl4j.dsl.validate;

import static io.asl4j.dsl.testing.Machines.LAMBDA;
import static io.asl4j.dsl.testing.Machines.task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asl4j.dsl.model.Io;
import io.asl4j.dsl.model.PassState;
import io.asl4j.dsl.model.Retrier;
import io.asl4j.dsl.model.StateMachine;
import io.asl4j.dsl.model.TaskState;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The validator on input the property tests found it mishandling (see {@code ValidatorProperties}):
 * huge numbers, NaN in models, long and deep expressions, long resources, large deep documents.
 * Each answers with problems, quickly.
 */
class ValidatorLimitsTest {

  private static String jsonataPass(String output) {
    return "{\"QueryLanguage\":\"JSONata\",\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"Output\":\""
        + output
        + "\",\"End\":true}}}";
  }

  @Test
  void aNumberWithAHugeExponentIsReportedInScientificNotation() {
    // Before: the message wrote 1E+999999999 out in full, a billion digits, taking 11 s.
    ValidationResult result =
        assertTimeoutPreemptively(
            Duration.ofSeconds(20),
            () -> Validator.validateJson(task(",\"TimeoutSeconds\":1e999999999")));

    assertEquals(
        List.of(
            Problem.error(
                "NumberRange",
                "/States/A/TimeoutSeconds",
                "'TimeoutSeconds' must be an integer at least 1 and below 99999999, but is 1E+999999999")),
        result.problems());
  }

  @Test
  void aTinyFractionIsReportedInScientificNotationToo() {
    ValidationResult result =
        assertTimeoutPreemptively(
            Duration.ofSeconds(20),
            () ->
                Validator.validateJson(
                    "{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"Seconds\":-1e-999999999,\"End\":true}}}"));

    assertEquals(
        List.of(
            Problem.error(
                "NumberRange",
                "/States/W/Seconds",
                "'Seconds' must be an integer at least 0, but is -1E-999999999")),
        result.problems());
  }

  @Test
  void aLongPartitionInAResourceIsAnUnknownResourceNotAStackOverflow() {
    String resource = "arn:aws" + "-a".repeat(20_000) + ":lambda:us-east-1:123456789012:function:f";

    ValidationResult result = Validator.validateJson(task("").replace(LAMBDA, resource));

    assertEquals(
        List.of(
            Problem.error(
                "UnknownResource",
                "/States/A/Resource",
                "The resource provided "
                    + resource
                    + " is not recognized. The value is not a valid resource ARN, or the resource is not"
                    + " available in this region.")),
        result.problems());
  }

  @Test
  void numbersJsonCannotHoldAreReportedWhereTheModelHoldsThem() {
    // given: a model built in code; before, validating threw NumberFormatException
    ObjectNode result = JsonNodeFactory.instance.objectNode().put("ratio", Double.NaN);
    Map<String, io.asl4j.dsl.model.State> states = new LinkedHashMap<>();
    states.put("P", new PassState(null, null, Io.NONE, result, "T", null));
    states.put(
        "T",
        new TaskState(
            null,
            null,
            Io.NONE,
            LAMBDA,
            null,
            null,
            null,
            null,
            null,
            List.of(
                new Retrier(List.of("X"), null, null, Double.POSITIVE_INFINITY, null, null, null)),
            null,
            null,
            true));
    StateMachine machine = new StateMachine(null, "P", states, null, null, null);

    // when
    ValidationResult validation = Validator.validate(machine);

    // then
    assertEquals(
        List.of(
            Problem.error(
                "NumberRange",
                "/States/P/Result/ratio",
                "JSON numbers are finite, but this is NaN"),
            Problem.error(
                "NumberRange",
                "/States/T/Retry/0/BackoffRate",
                "JSON numbers are finite, but this is Infinity")),
        validation.problems());
  }

  @Test
  void aJsonataExpressionTooLongToParseQuicklyIsLeftUncheckedWithAWarning() {
    // Before: the JSONata parser takes time growing with the square of the length: 40 s for 640 KB.
    String body = "'" + "x".repeat(10_000) + "'";

    ValidationResult result =
        assertTimeoutPreemptively(
            Duration.ofSeconds(20),
            () -> Validator.validateJson(jsonataPass("{% " + body + " %}")));

    assertEquals(
        List.of(
            Problem.warning(
                "JsonataNotChecked",
                "/States/P/Output",
                "the JSONata expression has 10002 characters; its syntax is checked for expressions of up to 10000")),
        result.problems());
  }

  @Test
  void aJsonataExpressionNestedThousandsDeepIsASyntaxErrorNotAStackOverflow() {
    String body = "(".repeat(4_000) + "1" + ")".repeat(4_000);

    ValidationResult result = Validator.validateJson(jsonataPass("{% " + body + " %}"));

    assertEquals(
        List.of(
            Problem.error(
                "JsonataSyntax",
                "/States/P/Output",
                "not a valid JSONata expression: the expression nests too deeply to be parsed")),
        result.problems());
  }

  @Test
  void aLargeDeeplyNestedDefinitionIsOrderedWithoutNamingEveryNode() {
    // given: 8 MB nested 490 levels deep with 16,000-character keys; naming every node took
    // gigabytes (the sum of all pointer lengths) and ran out of memory
    String key = "k".repeat(16_000);
    StringBuilder json =
        new StringBuilder(
            "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"End\":true,\"Next\":\"A\",\"Result\":");
    json.append(("{\"" + key + "\":").repeat(490))
        .append('1')
        .append("}".repeat(490))
        .append("}}}");

    // when
    ValidationResult result =
        assertTimeoutPreemptively(
            Duration.ofSeconds(60), () -> Validator.validateJson(json.toString()));

    // then
    assertEquals(
        List.of(
            Problem.error(
                "DefinitionTooLarge",
                "",
                "the definition has "
                    + json.length()
                    + " characters; AWS accepts at most 1048576 (1 MiB)"),
            Problem.error("NextOrEnd", "/States/A/End", "'Next' and 'End' cannot both be set")),
        result.problems());
  }

  @Test
  void aDollarInAQuotedFieldNameIsNoVariable() {
    // Before: "$b" and "$c" were taken for variables read, and warned about as unassigned.
    String json =
        "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"Parameters\":{"
            + "\"a.$\":\"$['x $b']\",\"c.$\":\"States.Format('{}', $[\\\"it's $c\\\"], $v)\"},\"End\":true}}}";

    assertEquals(
        List.of(
            Problem.warning(
                "UnassignedVariable",
                "/States/P",
                "variable '$v' is read here but no state of this scope or an enclosing one assigns it")),
        Validator.validateJson(json).problems());
  }
}
