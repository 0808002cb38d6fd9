package io.asl4j.dsl.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.asl4j.dsl.json.AslReader;
import io.asl4j.dsl.json.AslWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class StateTest {
  private static final StateMachine MACHINE =
      AslReader.read(
          ("{'StartAt':'Both','States':{"
                  + "'Both':{'Type':'Parallel','Branches':["
                  + "{'StartAt':'A','States':{'A':{'Type':'Pass','End':true}}},"
                  + "{'StartAt':'B','States':{'B':{'Type':'Pass','End':true}}}],'Next':'Each'},"
                  + "'Each':{'Type':'Map','ItemProcessor':{'StartAt':'C','States':{'C':{'Type':'Pass','End':true}}},'Next':'Old'},"
                  + "'Old':{'Type':'Map','Iterator':{'StartAt':'D','States':{'D':{'Type':'Pass','End':true}}},'Next':'Done'},"
                  + "'Done':{'Type':'Succeed'}}}")
              .replace('\'', '"'));

  @Test
  void aParallelsBranchesAndAMapsProcessorAreItsNestedGraphsAndOtherStatesHaveNone() {
    ParallelState both = (ParallelState) MACHINE.states().get("Both");
    MapState each = (MapState) MACHINE.states().get("Each");
    MapState old = (MapState) MACHINE.states().get("Old");

    assertEquals(List.<Graph>copyOf(both.branches()), both.nestedGraphs());
    assertSame(each.itemProcessor(), each.nestedGraphs().get(0));
    assertSame(old.iterator(), old.nestedGraphs().get(0));
    assertEquals(List.of(), MACHINE.states().get("Done").nestedGraphs());
    assertEquals(
        List.of(),
        new ParallelState(null, null, null, null, null, null, null, true).nestedGraphs());
  }

  private static final StateMachine ROUTES =
      AslReader.read(
          ("{'StartAt':'Pick','States':{"
                  + "'Pick':{'Type':'Choice','Choices':["
                  + "{'Variable':'$.a','IsPresent':true,'Next':'Work'},"
                  + "{'Variable':'$.b','IsPresent':true,'Next':'Wait'}],'Default':'Fail'},"
                  + "'Work':{'Type':'Task','Resource':'arn:aws:lambda:us-east-1:123456789012:function:f',"
                  + "'Catch':[{'ErrorEquals':['A'],'Next':'Fail'},{'ErrorEquals':['States.ALL'],'Next':'Done'}],"
                  + "'Next':'Done'},"
                  + "'Wait':{'Type':'Wait','Seconds':1,'End':true},"
                  + "'Fail':{'Type':'Fail'},"
                  + "'Done':{'Type':'Succeed'}}}")
              .replace('\'', '"'));

  @Test
  void transitionsListNextChoicesDefaultAndCatchersWithTheirPointers() {
    List<String> pick =
        ROUTES.states().get("Pick").transitions().stream()
            .map(t -> t.field() + " " + t.pointer() + " " + t.target())
            .toList();
    List<String> work =
        ROUTES.states().get("Work").transitions().stream()
            .map(t -> t.field() + " " + t.pointer() + " " + t.target())
            .toList();

    assertEquals(
        List.of(
            "CHOICE /Choices/0/Next Work", "CHOICE /Choices/1/Next Wait", "DEFAULT /Default Fail"),
        pick);
    assertEquals(
        List.of("NEXT /Next Done", "CATCH /Catch/0/Next Fail", "CATCH /Catch/1/Next Done"), work);
    assertEquals(List.of("Done", "Fail", "Done"), ROUTES.states().get("Work").successors());
    assertEquals(List.of(), ROUTES.states().get("Wait").transitions());
    assertEquals(List.of(), ROUTES.states().get("Done").transitions());
  }

  @Test
  void terminalStatesAreSucceedFailAndEndTrue() {
    assertEquals(
        List.of("Wait", "Fail", "Done"),
        ROUTES.states().entrySet().stream()
            .filter(e -> e.getValue().isTerminal())
            .map(java.util.Map.Entry::getKey)
            .toList());
  }

  @Test
  void theWalkerVisitsEveryStateBeforeItsNestedGraphsWithPointers() {
    List<String> visited = new java.util.ArrayList<>();

    GraphWalker.walk(MACHINE, "", (name, state, pointer) -> visited.add(name + " " + pointer));

    assertEquals(
        List.of(
            "Both /States/Both",
            "A /States/Both/Branches/0/States/A",
            "B /States/Both/Branches/1/States/B",
            "Each /States/Each",
            "C /States/Each/ItemProcessor/States/C",
            "Old /States/Old",
            "D /States/Old/Iterator/States/D",
            "Done /States/Done"),
        visited);
  }

  @Test
  void aMapWithBothIteratorAndItemProcessorHoldsBothAsWritten() {
    ItemProcessor legacy = ((MapState) MACHINE.states().get("Old")).iterator();
    ItemProcessor current = ((MapState) MACHINE.states().get("Each")).itemProcessor();
    MapState both =
        new MapState(
            null, null, null, null, null, null, legacy, current, null, null, null, null, null, null,
            null, null, null, null, null, null, null, true);

    assertEquals(
        List.of(
            new NestedGraph(legacy, "/X/Iterator"), new NestedGraph(current, "/X/ItemProcessor")),
        both.nestedGraphsAt("/X"));
    assertEquals(List.<Graph>of(current), both.nestedGraphs());
  }

  @Test
  void stateNamesAreEscapedAsJsonPointerSegments() {
    assertEquals("a~1b~0c", GraphWalker.escape("a/b~c"));
  }

  @Test
  void rewriteReplacesStatesInEveryNestedGraphAndKeepsEverythingElse() {
    StateMachine machine =
        AslReader.read(
            ("{'Comment':'c','TimeoutSeconds':60,'StartAt':'Both','States':{"
                    + "'Both':{'Type':'Parallel','Branches':[{'StartAt':'T1','States':{"
                    + "'T1':{'Type':'Task','Resource':'old','TimeoutSeconds':5,'End':true}}}],'Next':'Each'},"
                    + "'Each':{'Type':'Map','ItemProcessor':{'ProcessorConfig':{'Mode':'INLINE'},'StartAt':'T2',"
                    + "'States':{'T2':{'Type':'Task','Resource':'old','End':true}}},'Label':'L','End':true}}}")
                .replace('\'', '"'));

    StateMachine rewritten =
        GraphWalker.rewrite(
            machine,
            (name, state) ->
                state instanceof TaskState task ? task.withResource("new-" + name) : state);

    assertEquals(
        ("{'Comment':'c','StartAt':'Both','States':{"
                + "'Both':{'Type':'Parallel','Branches':[{'StartAt':'T1','States':{"
                + "'T1':{'Type':'Task','Resource':'new-T1','TimeoutSeconds':5,'End':true}}}],'Next':'Each'},"
                + "'Each':{'Type':'Map','Label':'L','ItemProcessor':{'ProcessorConfig':{'Mode':'INLINE'},'StartAt':'T2',"
                + "'States':{'T2':{'Type':'Task','Resource':'new-T2','End':true}}},'End':true}},'TimeoutSeconds':60}")
            .replace('\'', '"'),
        AslWriter.writeCompact(rewritten));
    assertEquals(Integer.valueOf(30), machine.withTimeoutSeconds(30).timeoutSeconds());
    assertEquals(machine.states(), machine.withTimeoutSeconds(30).states());
  }
}
