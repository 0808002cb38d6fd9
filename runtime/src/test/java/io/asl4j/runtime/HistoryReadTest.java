package io.asl4j.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reading a history: every event's details show values as JSON text, each read gets details of
 * its own, and an event's JSON text is what Jackson writes for its {@code toJson()}.
 */
class HistoryReadTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

  private static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** A Task, a Parallel, a Map, a variable and text that needs escaping. */
  private static Execution run() {
    String definition = ("{'StartAt':'Work','States':{"
        + "'Work':{'Type':'Task','Resource':'arn:aws:lambda:us-east-1:123456789012:function:work',"
        + "'Assign':{'seen.$':'$.note'},'Next':'Both'},"
        + "'Both':{'Type':'Parallel','Branches':["
        + "{'StartAt':'A','States':{'A':{'Type':'Pass','Result':{'k':'é\\\\n\\\"q\\\"'},'End':true}}},"
        + "{'StartAt':'B','States':{'B':{'Type':'Pass','End':true}}}],'Next':'Each'},"
        + "'Each':{'Type':'Map','ItemsPath':'$[1].items','ItemProcessor':{'StartAt':'I','States':"
        + "{'I':{'Type':'Pass','End':true}}},'End':true}}}").replace('\'', '"');
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

    assertEquals("{\"id\":99,\"previousEventId\":0,\"type\":\"TaskStateEntered\",\"stateEnteredEventDetails\":"
            + "{\"name\":\"Work\",\"input\":\"{\\\"note\\\":\\\"tab\\\\there\\\",\\\"items\\\":[1,2.5,null]}\","
            + "\"inputDetails\":{\"truncated\":false}}}",
        json.toString());
  }

  @Test
  void theStateEventsShowTheirInputsAndOutputsAsJsonText() {
    List<HistoryEvent> history = run().history();

    assertEquals(json("{\"name\":\"Work\",\"input\":\"{\\\"note\\\":\\\"tab\\\\there\\\",\\\"items\\\":[1,2.5,null]}\","
            + "\"inputDetails\":{\"truncated\":false}}"),
        history.get(1).details());
    HistoryEvent workExited = history.stream().filter(e -> e.type().equals("TaskStateExited")).findFirst().orElseThrow();
    assertEquals(json("{\"name\":\"Work\",\"output\":\"{\\\"note\\\":\\\"tab\\\\there\\\",\\\"items\\\":[1,2.5,null]}\","
            + "\"outputDetails\":{\"truncated\":false},\"assignedVariables\":{\"seen\":\"\\\"tab\\\\there\\\"\"},"
            + "\"assignedVariablesDetails\":{\"truncated\":false}}"),
        workExited.details());
  }

  @Test
  void aSecondReadOfAnEndedHistoryShowsTheSameEventsAsTheFirst() {
    Execution execution = run();
    List<String> first = execution.history().stream().map(e -> e.toJson().toString() + e.details()).toList();
    List<String> second = execution.history().stream().map(e -> e.toJson().toString() + e.details()).toList();

    assertEquals(first, second);
    assertEquals(first.size(), execution.history().size());
  }

  @Test
  void eachReadOfTheDetailsIsItsOwnCopy() {
    List<HistoryEvent> history = run().history();
    for (HistoryEvent event : history) {
      ObjectNode first = event.details();
      if (first == null) {
        continue;
      }
      String before = first.toString();
      first.removeAll();
      first.properties().clear();
      ObjectNode second = event.details();

      assertNotSame(first, second);
      assertEquals(before, second.toString(), event.type());
      second.fields().forEachRemaining(f -> {
        if (f.getValue().isObject()) {
          ((ObjectNode) f.getValue()).put("changed", true);
        }
      });
      assertEquals(before, event.details().toString(), event.type());
    }
  }
}
