package io.asl4j.dsl.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.asl4j.dsl.json.AslReader;
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
    assertEquals(List.of(), new ParallelState(null, null, null, null, null, null, null, true).nestedGraphs());
  }
}
