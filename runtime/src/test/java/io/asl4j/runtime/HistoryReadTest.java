package io.asl4j.runtime;

import static io.asl4j.runtime.TestJson.MAPPER;
import static io.asl4j.runtime.TestJson.START;
import static io.asl4j.runtime.TestJson.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Reading a history: every event's details show values as JSON text, are read-only and shared by
 * every read, and an event's JSON text is what Jackson writes for its {@code toJson()}.
 */
class HistoryReadTest {
  /** A Task, a Parallel, a Map, a variable and text that needs escaping. */
  private static Execution run() {
    String definition =
        ("{'StartAt':'Work','States':{"
                + "'Work':{'Type':'Task','Resource':'arn:aws:lambda:us-east-1:123456789012:function:work',"
                + "'Assign':{'seen.$':'$.note'},'Next':'Both'},"
                + "'Both':{'Type':'Parallel','Branches':["
                + "{'StartAt':'A','States':{'A':{'Type':'Pass','Result':{'k':'é\\\\n\\\"q\\\"'},'End':true}}},"
                + "{'StartAt':'B','States':{'B':{'Type':'Pass','End':true}}}],'Next':'Each'},"
                + "'Each':{'Type':'Map','ItemsPath':'$[1].items','ItemProcessor':{'StartAt':'I','States':"
                + "{'I':{'Type':'Pass','End':true}}},'End':true}}}")
            .replace('\'', '"');
    return LocalStateMachine.builder(definition)
        .handlerForPrefix("arn:", (in, ctx) -> in)
        .virtualClock(START)
        .build()
        .run(json("{\"note\":\"tab\\there\",\"items\":[1,2.5,null]}"));
  }

  @Test
  void eachEventsJsonTextIsWhatJacksonWritesForIt() throws Exception {
    for (HistoryEvent event : run().history()) {
      ObjectNode json = event.toJson();

      assertEquals(MAPPER.writeValueAsString(json), json.toString(), event.type());
      assertEquals(json.toString(), event.toString());
      assertEquals(json.deepCopy(), json);
      assertEquals(json, json.deepCopy());
    }
  }

  @Test
  void anEventsJsonTextWrittenBeforeItsNodeIsLookedIntoIsJacksonsTextOfThatNode() throws Exception {
    for (HistoryEvent event : run().history()) {
      String unbuilt = event.toJson().toString();

      assertEquals(MAPPER.writeValueAsString(event.toJson()), unbuilt, event.type());
      assertEquals(MAPPER.writeValueAsString(MAPPER.readTree(unbuilt)), unbuilt, event.type());
    }
  }

  @Test
  void anEventsJsonShowsChangesMadeToIt() {
    HistoryEvent event = run().history().get(1);
    ObjectNode json = event.toJson();
    json.put("id", 99);
    json.remove("timestamp");

    assertEquals(
        "{\"id\":99,\"previousEventId\":0,\"type\":\"TaskStateEntered\",\"stateEnteredEventDetails\":"
            + "{\"name\":\"Work\",\"input\":\"{\\\"note\\\":\\\"tab\\\\there\\\",\\\"items\\\":[1,2.5,null]}\","
            + "\"inputDetails\":{\"truncated\":false}}}",
        json.toString());
  }

  @Test
  void theStateEventsShowTheirInputsAndOutputsAsJsonText() {
    List<HistoryEvent> history = run().history();

    assertEquals(
        json(
            "{\"name\":\"Work\",\"input\":\"{\\\"note\\\":\\\"tab\\\\there\\\",\\\"items\\\":[1,2.5,null]}\","
                + "\"inputDetails\":{\"truncated\":false}}"),
        history.get(1).details());
    HistoryEvent workExited =
        history.stream().filter(e -> e.type().equals("TaskStateExited")).findFirst().orElseThrow();
    assertEquals(
        json(
            "{\"name\":\"Work\",\"output\":\"{\\\"note\\\":\\\"tab\\\\there\\\",\\\"items\\\":[1,2.5,null]}\","
                + "\"outputDetails\":{\"truncated\":false},\"assignedVariables\":{\"seen\":\"\\\"tab\\\\there\\\"\"},"
                + "\"assignedVariablesDetails\":{\"truncated\":false}}"),
        workExited.details());
  }

  @Test
  void aSecondReadOfAnEndedHistoryShowsTheSameEventsAsTheFirst() {
    Execution execution = run();
    List<String> first =
        execution.history().stream().map(e -> e.toJson().toString() + e.details()).toList();
    List<String> second =
        execution.history().stream().map(e -> e.toJson().toString() + e.details()).toList();

    assertEquals(first, second);
    assertEquals(first.size(), execution.history().size());
  }

  @Test
  void theDetailsAreReadOnlyAndSharedByEveryRead() {
    Execution execution = run();
    List<HistoryEvent> history = execution.history();
    int checked = 0;
    for (HistoryEvent event : history) {
      ObjectNode details = event.details();
      if (details == null) {
        continue;
      }
      String before = details.toString();
      List<Executable> changes =
          new ArrayList<>(
              List.of(
                  () -> details.put("changed", true),
                  () -> details.remove("name"),
                  () -> details.removeAll(),
                  () -> details.properties().clear(),
                  () -> details.set("input", json("1")),
                  () -> details.putObject("more")));
      details
          .fields()
          .forEachRemaining(
              f -> {
                if (f.getValue() instanceof ObjectNode inner) {
                  changes.add(() -> inner.put("changed", true));
                  changes.add(() -> inner.removeAll());
                }
              });
      for (Executable change : changes) {
        UnsupportedOperationException refused =
            assertThrows(UnsupportedOperationException.class, change);
        assertTrue(refused.getMessage().contains("read-only"), refused.getMessage());
      }

      assertEquals(before, details.toString(), event.type());
      assertSame(details, event.details(), event.type());
      assertEquals(MAPPER.valueToTree(details).toString(), before, event.type());
      ObjectNode copy = details.deepCopy();
      copy.put("changed", true);
      assertEquals(before, event.details().toString(), event.type());
      checked++;
    }
    assertEquals(history.stream().filter(e -> e.details() != null).count(), checked);
    assertTrue(checked >= 20, "events with details: " + checked);
    List<HistoryEvent> again = execution.history();
    for (int i = 0; i < history.size(); i++) {
      assertSame(history.get(i).details(), again.get(i).details());
    }
  }

  @Test
  void theEventJsonIsTheCallersOwnTree() {
    HistoryEvent event = run().history().get(1);
    String before = event.toJson().toString();
    ObjectNode json = event.toJson();
    ((ObjectNode) json.get(event.detailsField())).put("changed", true);

    assertEquals(before, event.toJson().toString());
    assertEquals(before.substring(0, before.length() - 2) + ",\"changed\":true}}", json.toString());
  }
}
