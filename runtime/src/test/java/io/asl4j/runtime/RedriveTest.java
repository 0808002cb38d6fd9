package io.asl4j.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.asl4j.dsl.model.StateMachineType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@link Execution#redrive()}: AWS's RedriveExecution, on the virtual clock. */
class RedriveTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
  private static final String CHARGE = "arn:aws:lambda:us-east-1:123456789012:function:charge";

  private static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text.replace('\'', '"'));
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** One line per event: id, previous id, type and details (Lambda ARNs shortened). */
  static List<String> history(List<HistoryEvent> events) {
    return events.stream()
        .map(e -> {
          JsonNode details = e.toJson().get(e.detailsField());
          String text = details == null ? "" : " " + details.toString().replace("\"", "'").replace(CHARGE, "CHARGE");
          return e.id() + " <" + e.previousEventId() + " " + e.type() + text;
        })
        .collect(Collectors.toList());
  }

  /** A handler failing with {@code Card.Down} until the card service is {@code up}. */
  private static TaskHandler charge(AtomicBoolean up, List<JsonNode> inputs) {
    return (input, ctx) -> {
      inputs.add(input);
      if (!up.get()) {
        throw new StatesError("Card.Down", "the card service is down");
      }
      return json("{'charged':" + input.path("amount") + "}");
    };
  }

  @Test
  void print() {
    AtomicBoolean up = new AtomicBoolean(false);
    List<JsonNode> inputs = new ArrayList<>();
    LocalStateMachine machine = LocalStateMachine.builder(json(
            "{'StartAt':'Prepare','States':{"
                + "'Prepare':{'Type':'Pass','Result':{'amount':42},'Next':'Charge'},"
                + "'Charge':{'Type':'Task','Resource':'" + CHARGE + "','Retry':[{'ErrorEquals':['Card.Down'],'MaxAttempts':1,'IntervalSeconds':2}],"
                + "'ResultPath':'$.receipt','Next':'Done'},"
                + "'Done':{'Type':'Pass','Parameters':{'receipt.$':'$.receipt','redrives.$':'$$.Execution.RedriveCount','at.$':'$$.Execution.RedriveTime'},'End':true}}}").toString())
        .handler(CHARGE, charge(up, inputs))
        .virtualClock(START)
        .build();
    Execution execution = machine.run(json("{'order':7}"));
    System.out.println(execution.status() + " " + execution.redriveStatus() + " " + execution.redriveStatusReason());
    up.set(true);
    execution.redriveAt(START.plus(Duration.ofHours(1))).await();
    System.out.println(execution.status() + " " + execution.output() + " " + execution.redriveCount() + " " + execution.redriveDate()
        + " " + execution.redriveStatus() + " " + execution.redriveStatusReason());
    history(execution.history()).forEach(System.out::println);
    System.out.println(inputs);
  }
}
