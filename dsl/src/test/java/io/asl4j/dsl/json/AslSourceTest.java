package io.asl4j.dsl.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.asl4j.dsl.model.StateMachine;
import io.asl4j.dsl.validate.Problem;
import io.asl4j.dsl.validate.ValidationOptions;
import io.asl4j.dsl.validate.Validator;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** YAML definitions, as Workflow Studio in VS Code and SAM write them. */
class AslSourceTest {
  private static final String YAML =
      """
      Comment: Charge and ship
      StartAt: Charge
      States:
        Charge:
          Type: Task
          Resource: arn:aws:states:::lambda:invoke
          Retry:
            - ErrorEquals: [States.TaskFailed]
              MaxAttempts: 2
          Next: Ship
        Ship:
          Type: Pass
          Result:
            flag: "true"
            count: "123"
            none: "null"
            ratio: 0.10
            path: $.x
          End: true
      """;

  @Test
  void aYamlDefinitionReadsLikeItsJson() {
    StateMachine machine = AslReader.read(AslSource.parse(YAML, AslSource.Format.YAML).tree());
    assertEquals(
        "{\"Comment\":\"Charge and ship\",\"StartAt\":\"Charge\",\"States\":{\"Charge\":{\"Type\":"
            + "\"Task\",\"Resource\":\"arn:aws:states:::lambda:invoke\",\"Retry\":[{\"ErrorEquals\":"
            + "[\"States.TaskFailed\"],\"MaxAttempts\":2}],\"Next\":\"Ship\"},\"Ship\":{\"Type\":"
            + "\"Pass\",\"Result\":{\"flag\":\"true\",\"count\":\"123\",\"none\":\"null\",\"ratio\":"
            + "0.10,\"path\":\"$.x\"},\"End\":true}}}",
        AslWriter.writeCompact(machine));
  }

  @Test
  void yamlRoundTripsThroughTheWriter() {
    StateMachine machine = AslReader.read(AslSource.parse(YAML, AslSource.Format.YAML).tree());
    String written = AslWriter.writeYaml(machine);
    assertEquals(machine, AslReader.read(AslSource.parse(written, AslSource.Format.YAML).tree()));
    assertEquals(
        written,
        AslWriter.writeYaml(
            AslReader.read(AslSource.parse(written, AslSource.Format.YAML).tree())));
  }

  @Test
  void everyProblemOfAYamlDefinitionHasItsLineAndColumn() {
    String yaml =
        """
        StartAt: Charge
        States:
          Charge:
            Type: Pass
            Retry: []
            Next: Shipp
          Ship:
            Type: Succeed
        """;
    AslSource source = AslSource.parse(yaml, AslSource.Format.YAML);
    List<String> lines =
        Validator.validateTree(
                source.tree(), ValidationOptions.defaults(), Validator.jsonLength(source.tree()))
            .problems()
            .stream()
            .map(source::describe)
            .collect(Collectors.toList());
    assertEquals(
        List.of(
            "2:1: /States: error [NoTerminalState] no state reachable from StartAt 'Charge' is a"
                + " Succeed or Fail state or has \"End\": true",
            "5:5: /States/Charge/Retry: error [UnknownField] field 'Retry' is not supported by a Pass"
                + " state",
            "6:5: /States/Charge/Next: error [UnknownState] 'Next' names 'Shipp', which is not a state"
                + " of this scope",
            "7:3: /States/Ship: error [UnreachableState] State \"Ship\" is not reachable: no StartAt,"
                + " Next, Default or Catch 'Next' of this scope names it"),
        lines);
  }

  @Test
  void brokenYamlIsRejectedWithItsPosition() {
    AslReadException e =
        assertThrows(
            AslReadException.class,
            () ->
                AslSource.parse(
                    "StartAt: A\nStates:\n  A: {Type: Succeed\n", AslSource.Format.YAML));
    assertEquals(1, e.problems().size());
    Problem problem = e.problems().get(0);
    assertEquals("InvalidYaml", problem.tag());
    assertEquals(true, problem.message().startsWith("not valid YAML: "), problem.message());
    assertEquals(
        true, problem.message().matches(".*\\(line \\d+, column \\d+\\)"), problem.message());
  }

  @Test
  void aRepeatedKeyIsRejectedWithItsPosition() {
    AslReadException e =
        assertThrows(
            AslReadException.class,
            () ->
                AslSource.parse(
                    "StartAt: A\nStates:\n  A:\n    Type: Succeed\n  A:\n    Type: Pass\n",
                    AslSource.Format.YAML));
    assertEquals(
        "not valid YAML: the key 'A' is repeated (line 5, column 3); a mapping's keys must be unique",
        e.problems().get(0).message());
  }

  @Test
  void theFormatFollowsTheFileName() {
    assertEquals(AslSource.Format.YAML, AslSource.Format.of("order.asl.yaml"));
    assertEquals(AslSource.Format.YAML, AslSource.Format.of("ORDER.ASL.YML"));
    assertEquals(AslSource.Format.JSON, AslSource.Format.of("order.asl.json"));
  }
}
