package io.asl4j.dsl.json;

import static io.asl4j.dsl.testing.Machines.task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.asl4j.dsl.model.StateMachine;
import io.asl4j.dsl.validate.Problem;
import io.asl4j.dsl.validate.Validator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The reader on input the property tests found it mishandling (see {@code AslReaderProperties}).
 */
class AslReaderTest {

  /** {@code "x"} inside {@code depth} arrays, each holding the next. */
  private static JsonNode nestedArrays(int depth) {
    JsonNode deep = TextNode.valueOf("x");
    for (int i = 0; i < depth; i++) {
      ArrayNode array = JsonNodeFactory.instance.arrayNode();
      array.add(deep);
      deep = array;
    }
    return deep;
  }

  private static List<Problem> problems(String json) {
    return assertThrows(AslReadException.class, () -> AslReader.read(json)).problems();
  }

  @Test
  void aBackoffRateBeyondTheRangeOfADoubleIsAProblemNotInfinity() {
    // Before: read as Infinity, written back as the string "Infinity", and the validator threw
    // NumberFormatException.
    String json = task(",\"Retry\":[{\"ErrorEquals\":[\"X\"],\"BackoffRate\":1e400}]");

    assertEquals(
        List.of(
            Problem.error(
                "NumberRange",
                "/States/A/Retry/0/BackoffRate",
                "expected a number of at most 1.7976931348623157E308 in size, but found number 1E+400")),
        problems(json));
    assertEquals(problems(json), Validator.validateJson(json).problems());
  }

  @Test
  void aTreeNestedDeeperThanTextCanBeIsRefusedWhereItGetsTooDeep() throws Exception {
    // given: 1,000 nested arrays, which text never parses into (the parser stops at 500 levels)
    JsonNode deep = nestedArrays(1_000);
    ObjectNode tree =
        (ObjectNode)
            new ObjectMapper()
                .readTree(
                    "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}");
    ((ObjectNode) tree.get("States").get("P")).set("Result", deep);

    // when: before, reading passed and validating threw a StreamConstraintsException
    AslReadException e = assertThrows(AslReadException.class, () -> AslReader.read(tree));

    // then: the first array at level 501 (the machine, States and P are levels 1 to 3)
    assertTrue(e.isUnreadable());
    assertEquals(
        List.of(
            Problem.error(
                "NestingTooDeep",
                "/States/P/Result" + "/0".repeat(497),
                "arrays and objects are nested more than 500 levels deep here; a definition may nest at most 500")),
        e.problems());
  }

  @Test
  void aChoiceRuleWithABrokenConditionStillHasItsOtherFieldsChecked() {
    // Before: only the operator problem was reported; Next, Comment and the Not rule went unread.
    String json =
        "{\"StartAt\":\"C\",\"States\":{\"C\":{\"Type\":\"Choice\",\"Choices\":["
            + "{\"And\":5,\"Not\":{\"Variable\":1,\"IsNull\":true},\"Next\":7,\"Comment\":false}]}}}";

    assertEquals(
        List.of(
            Problem.error(
                "ChoiceRuleOperator",
                "/States/C/Choices/0",
                "a choice rule can have only one comparison operator, but has [And, Not]"),
            Problem.error(
                "WrongType",
                "/States/C/Choices/0/And",
                "expected an array of choice rules, but found number 5"),
            Problem.error(
                "WrongType",
                "/States/C/Choices/0/Not/Variable",
                "expected a string, but found number 1"),
            Problem.error(
                "WrongType", "/States/C/Choices/0/Next", "expected a string, but found number 7"),
            Problem.error(
                "WrongType",
                "/States/C/Choices/0/Comment",
                "expected a string, but found boolean false")),
        problems(json));
  }

  @Test
  void aNumberThatIsNotFiniteInATreeBuiltInCodeIsAProblem() throws Exception {
    // given: JSON text has no NaN, but a tree built in code can hold one
    ObjectNode tree = (ObjectNode) new ObjectMapper().readTree(task(""));
    ((ObjectNode) tree.get("States").get("A")).put("TimeoutSeconds", Double.NaN);

    // when: before, reading threw NumberFormatException
    AslReadException e = assertThrows(AslReadException.class, () -> AslReader.read(tree));

    // then
    assertEquals(
        List.of(
            Problem.error(
                "NumberRange",
                "/States/A/TimeoutSeconds",
                "expected a finite number, but found NaN")),
        e.problems());
  }

  @Test
  void anUnknownStateTypeIsQuotedOnlyWhenShort() {
    String json =
        "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":{\"long\":\""
            + "x".repeat(1_000)
            + "\"}}}}";

    assertEquals(
        List.of(
            Problem.error(
                "UnknownStateType",
                "/States/A/Type",
                "expected one of Pass, Task, Choice, Wait, Succeed, Fail, Parallel, Map, but found object")),
        problems(json));
  }

  @Test
  void aModelHoldingJsonNestedTooDeeplyIsNotWritten() {
    // given: a model built in code, as the reader refuses such trees
    JsonNode deep = nestedArrays(600);
    StateMachine machine =
        new StateMachine(
            null,
            "P",
            java.util.Map.of(
                "P",
                new io.asl4j.dsl.model.PassState(
                    null, null, io.asl4j.dsl.model.Io.NONE, deep, null, true)),
            null,
            null,
            null);

    // when / then: before, Jackson's writer limit surfaced as a RuntimeException or
    // IllegalStateException
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> AslWriter.write(machine));
    assertEquals(
        "cannot write /States/P/Result"
            + "/0".repeat(497)
            + ": arrays and objects are nested more than 500 levels deep here; a definition may nest at most 500",
        e.getMessage());
    assertEquals(
        e.getMessage(),
        assertThrows(IllegalArgumentException.class, () -> AslWriter.writeCompact(machine))
            .getMessage());
  }

  @Test
  void aNumberWhoseExponentNoDecimalCanHoldIsInvalidJson() {
    // Found by the long run: before, the parser's NumberFormatException escaped read() and
    // Validator.validateJson().
    String json = task(",\"TimeoutSeconds\":1e2147483648");

    List<Problem> expected =
        List.of(
            Problem.error(
                "InvalidJson",
                "",
                "not valid JSON: Value \"1e2147483648\" can not be deserialized as `java.math.BigDecimal`,"
                    + " reason:  Exponent overflow."));
    AslReadException e = assertThrows(AslReadException.class, () -> AslReader.read(json));
    assertTrue(e.isUnreadable());
    assertEquals(expected, e.problems());
    assertEquals(expected, Validator.validateJson(json).problems());
  }

  @Test
  void anUnclosedObjectIsReportedWithWhereItWasOpenedAndWhereTheTextEnded() {
    AslReadException e =
        assertThrows(AslReadException.class, () -> AslReader.parse("{\n  \"StartAt\": {\n"));

    assertEquals(
        List.of(
            Problem.error(
                "InvalidJson",
                "",
                "not valid JSON: Unexpected end-of-input: expected close marker for Object"
                    + " (opened at line 2, column 14) (line 3, column 1)")),
        e.problems());
  }

  @Test
  void aNumberTooSmallForADoubleReadsAsZeroNotNegativeZero() {
    // Found by the 30,000-try run of AslWriterProperties: -0.0 was written and read back as 0.0.
    StateMachine machine =
        AslReader.read(
            task(",\"Retry\":[{\"ErrorEquals\":[\"X\"],\"BackoffRate\":-1e-999999999}]"));

    assertEquals(machine, AslReader.read(AslWriter.write(machine)));
    assertEquals(
        0.0,
        ((io.asl4j.dsl.model.TaskState) machine.states().get("A")).retry().get(0).backoffRate());
  }
}
