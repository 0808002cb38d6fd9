package io.asl4j.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.asl4j.runtime.Execution;
import io.asl4j.runtime.HistoryEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one execution did, as a diagram shows it: the states entered, the states that failed (an
 * error that was not followed by success in the same state, or a Fail state), and the transitions
 * taken ({@code from -> to}; {@link #START} for the first state).
 *
 * <pre>{@code
 * ExecutionPath trace = ExecutionPath.of(execution);                 // an Execution
 * ExecutionPath trace = ExecutionPath.parse(Files.readString(path)); // asl4j run --history output
 * }</pre>
 */
public record ExecutionPath(Set<String> visited, Set<String> failed, Set<Transition> transitions) {
  /** The pseudo-state before the first state. */
  public static final String START = "__start";

  /** A transition taken: the state exited (or {@link #START}) and the state entered. */
  public record Transition(String from, String to) {}

  public ExecutionPath {
    visited = Collections.unmodifiableSet(new LinkedHashSet<>(visited));
    failed = Collections.unmodifiableSet(new LinkedHashSet<>(failed));
    transitions = Collections.unmodifiableSet(new LinkedHashSet<>(transitions));
  }

  public static ExecutionPath of(Execution execution) {
    return of(execution.history());
  }

  public static ExecutionPath of(List<HistoryEvent> history) {
    List<JsonNode> events = new ArrayList<>();
    for (HistoryEvent event : history) {
      events.add(event.toJson());
    }
    return fromJson(events);
  }

  /**
   * Reads a history: a JSON array of events, or one event a line as {@code asl4j run --history}
   * prints it (lines that are not events, such as the output printed last, are skipped).
   *
   * @throws IllegalArgumentException when the text holds no history events
   */
  public static ExecutionPath parse(String text) {
    ObjectMapper mapper = new ObjectMapper();
    List<JsonNode> events = new ArrayList<>();
    String trimmed = text.strip();
    if (trimmed.startsWith("[")) {
      try {
        JsonNode array = mapper.readTree(trimmed);
        array.forEach(events::add);
      } catch (IOException e) {
        throw new IllegalArgumentException(
            "not a JSON array of history events: " + firstLine(e.getMessage()));
      }
    } else {
      int number = 0;
      for (String line : trimmed.split("\\R")) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        try {
          events.add(mapper.readTree(line));
        } catch (IOException e) {
          throw new IllegalArgumentException(
              "line " + number + " is not JSON: " + firstLine(e.getMessage()));
        }
      }
    }
    events.removeIf(e -> !e.isObject() || !e.has("type") || !e.has("id"));
    if (events.isEmpty()) {
      throw new IllegalArgumentException("no history events (objects with \"id\" and \"type\")");
    }
    return fromJson(events);
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.split("\\R")[0];
  }

  private static ExecutionPath fromJson(List<JsonNode> events) {
    Set<String> visited = new LinkedHashSet<>();
    Map<String, Boolean> lastOutcomeFailed = new HashMap<>();
    Set<Transition> transitions = new LinkedHashSet<>();
    Map<Long, JsonNode> byId = new HashMap<>();
    Map<Long, String> stateOf = new HashMap<>();
    List<String> openCompound = new ArrayList<>(); // Parallel/Map states entered, not yet exited
    for (JsonNode event : events) {
      long id = event.path("id").asLong();
      long previous = event.path("previousEventId").asLong();
      String type = event.path("type").asText();
      byId.put(id, event);
      if (type.endsWith("StateEntered")) {
        String name = event.path("stateEnteredEventDetails").path("name").asText(null);
        if (name == null) {
          continue;
        }
        visited.add(name);
        stateOf.put(id, name);
        JsonNode before = byId.get(previous);
        String from;
        if (before == null || before.path("type").asText().equals("ExecutionStarted")) {
          from = START;
        } else {
          from = stateOf.get(previous);
        }
        if (from != null && !from.equals(name)) {
          transitions.add(new Transition(from, name));
        }
        if (type.startsWith("Fail")) {
          lastOutcomeFailed.put(name, true);
        }
        if (type.startsWith("Parallel") || type.startsWith("Map")) {
          openCompound.add(name);
        }
      } else if (type.endsWith("StateExited")) {
        String name = event.path("stateExitedEventDetails").path("name").asText(null);
        stateOf.put(id, name);
        openCompound.remove(name);
      } else if (type.startsWith("ParallelState")
          || type.startsWith("MapState")
          || type.startsWith("MapRun")) {
        String name = openCompound.isEmpty() ? null : openCompound.get(openCompound.size() - 1);
        stateOf.put(id, name);
        outcome(type, name, lastOutcomeFailed);
      } else if (!type.startsWith("Execution") && !type.startsWith("MapIteration")) {
        String name = stateOf.get(previous);
        if (name != null) {
          JsonNode before = byId.get(previous);
          String beforeType = before == null ? "" : before.path("type").asText();
          if (beforeType.endsWith("StateExited")) {
            name = null; // after a state exits, the next event belongs to no state
          }
        }
        stateOf.put(id, name);
        outcome(type, name, lastOutcomeFailed);
      }
    }
    Set<String> failed = new LinkedHashSet<>();
    lastOutcomeFailed.forEach(
        (name, isFailed) -> {
          if (isFailed) {
            failed.add(name);
          }
        });
    return new ExecutionPath(visited, failed, transitions);
  }

  private static void outcome(String type, String name, Map<String, Boolean> lastOutcomeFailed) {
    if (name == null) {
      return;
    }
    if (type.endsWith("Failed") || type.endsWith("TimedOut") || type.endsWith("Aborted")) {
      lastOutcomeFailed.put(name, true);
    } else if (type.endsWith("Succeeded")) {
      lastOutcomeFailed.put(name, false);
    }
  }

  /** Whether the transition was taken. */
  public boolean took(String from, String to) {
    return transitions.contains(new Transition(from, to));
  }
}
