package io.asl4j.dsl.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.asl4j.dsl.json.AslReader;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class VariableRulesTest {
  private static List<String> problems(String json) {
    return Validator.validate(AslReader.read(json.replace('\'', '"'))).problems().stream()
        .map(Problem::toString)
        .collect(Collectors.toList());
  }

  @Test
  void aJsonPathVariableNoStateAssignsIsAWarning() {
    assertEquals(
        List.of(
            "/States/A: warning [UnassignedVariable] variable '$total' is read here but no state of this scope or an enclosing one assigns it"),
        problems(
            "{'StartAt':'A','States':{'A':{'Type':'Pass','Parameters':{'t.$':'$total'},'End':true}}}"));
  }

  @Test
  void aJsonataVariableNoStateAssignsIsAWarning() {
    assertEquals(
        List.of(
            "/States/A: warning [UnassignedVariable] variable '$total' is read here but no state of this scope or an enclosing one assigns it"),
        problems(
            "{'QueryLanguage':'JSONata','StartAt':'A','States':{'A':{'Type':'Pass','Output':'{% $total + 1 %}','End':true}}}"));
  }

  @Test
  void aVariableAssignedAnywhereInTheScopeOrAroundItIsNotReported() {
    assertEquals(
        List.of(),
        problems(
            "{'StartAt':'Set','States':{"
                + "'Set':{'Type':'Pass','Assign':{'total':1},'Next':'Each'},"
                + "'Each':{'Type':'Map','ItemProcessor':{'StartAt':'Use','States':{'Use':{'Type':'Pass','Parameters':{'t.$':'$total'},'End':true}}},'End':true}}}"));
  }

  @Test
  void aDistributedMapsChildrenDoNotSeeOuterVariables() {
    assertEquals(
        List.of(
            "/States/Each/ItemProcessor/States/Use: warning [UnassignedVariable] variable '$total' is read here but no state of this scope or an enclosing one assigns it"),
        problems(
            "{'StartAt':'Set','States':{"
                + "'Set':{'Type':'Pass','Assign':{'total':1},'Next':'Each'},"
                + "'Each':{'Type':'Map','ItemProcessor':{'ProcessorConfig':{'Mode':'DISTRIBUTED','ExecutionType':'STANDARD'},"
                + "'StartAt':'Use','States':{'Use':{'Type':'Pass','Parameters':{'t.$':'$total'},'End':true}}},'End':true}}}"));
  }

  @Test
  void quotedTextInAnIntrinsicIsNotAVariable() {
    assertEquals(
        List.of(),
        Validator.validate(
                AslReader.read(
                    "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"Parameters\":"
                        + "{\"t.$\":\"States.Format('costs $price {}', $.x)\"},\"End\":true}}}"))
            .problems());
  }
}
