package io.asl4j.junit;

import com.fasterxml.jackson.databind.JsonNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.PathNotFoundException;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import io.asl4j.runtime.Execution;
import io.asl4j.runtime.ExecutionStatus;
import io.asl4j.runtime.HistoryEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.opentest4j.AssertionFailedError;

/**
 * Fluent assertions on an {@link Execution}. Every failure message ends with the execution's
 * status, the states it entered and its last events.
 *
 * <pre>{@code
 * assertThat(execution).succeeded().passedThrough("ExpressShip").hasOutput("{\"shipMethod\": \"express\"}");
 * assertThat(execution).failedWith("InvalidOrder").didNotPassThrough("CheckPriority");
 * }</pre>
 */
public final class ExecutionAssert {
  private static final Configuration JSON_PATH =
      Configuration.builder()
          .jsonProvider(new JacksonJsonNodeJsonProvider(Asl4jRuntime.JSON))
          .mappingProvider(new JacksonMappingProvider(Asl4jRuntime.JSON))
          .build();
  private final Execution execution;

  private ExecutionAssert(Execution execution) {
    this.execution = Objects.requireNonNull(execution, "execution == null");
  }

  /** Starts an assertion on {@code execution}. */
  public static ExecutionAssert assertThat(Execution execution) {
    return new ExecutionAssert(execution);
  }

  /** The execution under test. */
  public Execution execution() {
    return execution;
  }

  /** It ended {@code SUCCEEDED}. */
  public ExecutionAssert succeeded() {
    return hasStatus(ExecutionStatus.SUCCEEDED);
  }

  /** It ended {@code FAILED}. */
  public ExecutionAssert failed() {
    return hasStatus(ExecutionStatus.FAILED);
  }

  /** It ended {@code TIMED_OUT}. */
  public ExecutionAssert timedOut() {
    return hasStatus(ExecutionStatus.TIMED_OUT);
  }

  /** It ended {@code ABORTED}. */
  public ExecutionAssert aborted() {
    return hasStatus(ExecutionStatus.ABORTED);
  }

  /** Its status is {@code expected}. */
  /**
   * Checks that the execution would cost at most {@code usd} as a Standard workflow on AWS ({@link
   * io.asl4j.runtime.cost.CostEstimate}: state transitions, Map and Parallel children and retries
   * included).
   */
  public ExecutionAssert costsAtMostAsStandard(String usd) {
    io.asl4j.runtime.cost.CostEstimate cost = io.asl4j.runtime.cost.CostEstimate.of(execution);
    if (cost.standardUsd().compareTo(new java.math.BigDecimal(usd)) > 0) {
      throw new AssertionError(
          "expected a Standard cost of at most $" + usd + " but it is: " + cost.summary());
    }
    return this;
  }

  /** Checks that the execution would cost at most {@code usd} as an Express workflow on AWS. */
  public ExecutionAssert costsAtMostAsExpress(String usd) {
    io.asl4j.runtime.cost.CostEstimate cost = io.asl4j.runtime.cost.CostEstimate.of(execution);
    if (cost.expressUsd().compareTo(new java.math.BigDecimal(usd)) > 0) {
      throw new AssertionError(
          "expected an Express cost of at most $" + usd + " but it is: " + cost.summary());
    }
    return this;
  }

  public ExecutionAssert hasStatus(ExecutionStatus expected) {
    if (execution.status() != expected) {
      throw fail(
          "expected the execution to be " + expected + " but it is " + execution.status(),
          expected,
          execution.status());
    }
    return this;
  }

  /** It FAILED with error {@code error}. */
  public ExecutionAssert failedWith(String error) {
    failed();
    if (!Objects.equals(execution.error(), error)) {
      throw fail(
          "expected the execution to fail with \""
              + error
              + "\" but it failed with \""
              + execution.error()
              + "\"",
          error,
          execution.error());
    }
    return this;
  }

  /** It FAILED with error {@code error} and cause {@code cause}. */
  public ExecutionAssert failedWith(String error, String cause) {
    failedWith(error);
    if (!Objects.equals(execution.cause(), cause)) {
      throw fail(
          "expected the cause \"" + cause + "\" but it is \"" + execution.cause() + "\"",
          cause,
          execution.cause());
    }
    return this;
  }

  /** It entered every one of {@code states} (in any order). */
  public ExecutionAssert passedThrough(String... states) {
    List<String> entered = execution.statesEntered();
    List<String> missing = new ArrayList<>();
    for (String state : states) {
      if (!entered.contains(state)) {
        missing.add(state);
      }
    }
    if (!missing.isEmpty()) {
      throw fail(
          "expected the execution to pass through "
              + ExecutionTrace.list(missing)
              + " but it did not",
          null,
          null);
    }
    return this;
  }

  /** It entered none of {@code states}. */
  public ExecutionAssert didNotPassThrough(String... states) {
    List<String> entered = execution.statesEntered();
    List<String> found = Arrays.stream(states).filter(entered::contains).toList();
    if (!found.isEmpty()) {
      throw fail(
          "expected the execution not to pass through "
              + ExecutionTrace.list(found)
              + " but it did",
          null,
          null);
    }
    return this;
  }

  /** It entered {@code states} in this order (other states may come between them). */
  public ExecutionAssert passedThroughInOrder(String... states) {
    List<String> entered = execution.statesEntered();
    int at = 0;
    for (String state : states) {
      int found = entered.subList(at, entered.size()).indexOf(state);
      if (found < 0) {
        throw fail(
            "expected the execution to pass through "
                + ExecutionTrace.list(List.of(states))
                + " in this order, but \""
                + state
                + "\" does not follow",
            null,
            null);
      }
      at += found + 1;
    }
    return this;
  }

  /** The states it entered are exactly {@code states}, in order. */
  public ExecutionAssert hasPath(String... states) {
    List<String> expected = List.of(states);
    List<String> entered = execution.statesEntered();
    if (!entered.equals(expected)) {
      throw fail(
          "expected the path " + String.join(" -> ", expected),
          String.join(" -> ", expected),
          String.join(" -> ", entered));
    }
    return this;
  }

  /** It entered {@code state} exactly {@code times} times (loops, Map iterations). */
  public ExecutionAssert enteredTimes(String state, int times) {
    long count = execution.statesEntered().stream().filter(state::equals).count();
    if (count != times) {
      throw fail(
          "expected \""
              + state
              + "\" to be entered "
              + times
              + " times but it was entered "
              + count
              + " times",
          times,
          count);
    }
    return this;
  }

  /**
   * It was redriven {@code times} times ({@code Execution.redrive()}): its redrive count and its
   * {@code ExecutionRedriven} events.
   */
  public ExecutionAssert redriven(int times) {
    if (execution.redriveCount() != times) {
      throw fail(
          "expected the execution to be redriven "
              + times
              + " times but it was redriven "
              + execution.redriveCount()
              + " times",
          times,
          execution.redriveCount());
    }
    long events =
        execution.history().stream()
            .map(HistoryEvent::type)
            .filter("ExecutionRedriven"::equals)
            .count();
    if (events != times) {
      throw fail(
          "expected " + times + " ExecutionRedriven events but the history has " + events,
          times,
          events);
    }
    return this;
  }

  /** Its history has at least one event of {@code type} (e.g. {@code "TaskTimedOut"}). */
  public ExecutionAssert hasEvent(String type) {
    if (execution.history().stream().map(HistoryEvent::type).noneMatch(type::equals)) {
      throw fail("expected an event " + type + " in the history", null, null);
    }
    return this;
  }

  /**
   * Its output equals {@code expected}: JSON text, a {@link JsonNode} or a Jackson-convertible
   * object such as a record.
   */
  public ExecutionAssert hasOutput(Object expected) {
    output().isEqualTo(expected);
    return this;
  }

  /** Assertions on its output (a SUCCEEDED execution's). */
  public OutputAssert output() {
    if (execution.output() == null) {
      throw fail(
          "expected the execution to have an output but it is "
              + execution.status()
              + " without one",
          null,
          null);
    }
    return new OutputAssert(execution.output(), "$");
  }

  /** Its output converted to {@code type} (e.g. a record), for further checks. */
  public <T> T outputAs(Class<T> type) {
    return output().as(type);
  }

  /** Virtual time from its start to its last event is exactly {@code expected}. */
  public ExecutionAssert took(Duration expected) {
    Duration took = duration();
    if (!took.equals(expected)) {
      throw fail(
          "expected the execution to take " + expected + " of virtual time but it took " + took,
          expected,
          took);
    }
    return this;
  }

  /** Virtual time from its start to its last event is at least {@code minimum}. */
  public ExecutionAssert tookAtLeast(Duration minimum) {
    Duration took = duration();
    if (took.compareTo(minimum) < 0) {
      throw fail(
          "expected the execution to take at least "
              + minimum
              + " of virtual time but it took "
              + took,
          minimum,
          took);
    }
    return this;
  }

  private Duration duration() {
    List<HistoryEvent> history = execution.history();
    return history.isEmpty()
        ? Duration.ZERO
        : Duration.between(history.get(0).timestamp(), history.get(history.size() - 1).timestamp());
  }

  AssertionFailedError fail(String message, Object expected, Object actual) {
    String full = message + "\n" + ExecutionTrace.describe(execution);
    // The last exception a handler threw is the cause, so IDEs and reports show its whole trace.
    List<Throwable> thrown = execution.taskExceptions();
    Throwable cause = thrown.isEmpty() ? null : thrown.get(thrown.size() - 1);
    return expected == null && actual == null
        ? new AssertionFailedError(full, cause)
        : new AssertionFailedError(full, expected, actual, cause);
  }

  /** Assertions on the output, or on a part of it ({@link #at}). */
  public final class OutputAssert {
    private final JsonNode value;
    private final String where;

    OutputAssert(JsonNode value, String where) {
      this.value = value;
      this.where = where;
    }

    /**
     * The part at {@code path}: a JSON Pointer such as {@code /approval/adjuster} or {@code
     * /notifications/0}, or a JSONPath such as {@code $.approval.adjuster} or {@code
     * $.items[?(@.qty > 1)].sku} (a path selecting several values gives them as an array).
     */
    public OutputAssert at(String path) {
      JsonNode part = path.startsWith("$") ? select(path) : value.at(path);
      if (part == null || part.isMissingNode()) {
        throw fail(
            "expected the output"
                + (where.equals("$") ? "" : " at " + where)
                + " to have "
                + path
                + " but it is "
                + ExecutionTrace.abbreviate(value.toString()),
            null,
            null);
      }
      return new OutputAssert(
          part,
          where.equals("$") ? path : where + (path.startsWith("$") ? path.substring(1) : path));
    }

    private JsonNode select(String jsonPath) {
      io.asl4j.dsl.internal.JaywayLogging.beforeFirstUse();
      try {
        return JsonPath.using(JSON_PATH).parse(value).read(jsonPath);
      } catch (PathNotFoundException e) {
        return null;
      } catch (InvalidPathException e) {
        throw new IllegalArgumentException(
            "not a JSON Pointer or JSONPath: " + jsonPath + " (" + e.getMessage() + ")", e);
      }
    }

    /**
     * Equals {@code expected}: a {@link JsonNode}, a Jackson-convertible object such as a record,
     * or a String. A String is JSON text ({@code "{\"a\": 1}"}, {@code "42"}), except that where
     * the output is a JSON string it may also be that string's text: {@code isEqualTo("auto")} and
     * {@code hasField("adjuster", "auto")} both match {@code "auto"}. Numbers compare by value.
     */
    public OutputAssert isEqualTo(Object expected) {
      if (expected instanceof CharSequence text
          && value.isTextual()
          && value.asText().equals(text.toString())) {
        return this;
      }
      JsonNode want =
          expected instanceof CharSequence text
              ? jsonOrText(text.toString())
              : Asl4jRuntime.json(expected);
      if (!sameJson(want, value)) {
        throw fail(
            "expected the output"
                + (where.equals("$") ? "" : " at " + where)
                + " to be "
                + want
                + " but it is "
                + value,
            want.toPrettyString(),
            value.toPrettyString());
      }
      return this;
    }

    /** Has a field {@code name} (at this level) equal to {@code expected}. */
    public OutputAssert hasField(String name, Object expected) {
      at("/" + name.replace("~", "~0").replace("/", "~1")).isEqualTo(expected);
      return this;
    }

    /** Converted to {@code type} with Jackson (unknown properties ignored). */
    public <T> T as(Class<T> type) {
      return Asl4jRuntime.JSON.convertValue(value, type);
    }

    /** The JSON itself. */
    public JsonNode json() {
      return value;
    }

    /** Back to the execution. */
    public ExecutionAssert and() {
      return ExecutionAssert.this;
    }
  }

  /** {@code text} read as JSON; text that is not JSON is the JSON string it spells. */
  private static JsonNode jsonOrText(String text) {
    try {
      return Asl4jRuntime.JSON.readTree(text);
    } catch (java.io.IOException notJson) {
      return Asl4jRuntime.JSON.getNodeFactory().textNode(text);
    }
  }

  static boolean sameJson(JsonNode a, JsonNode b) {
    return a.equals(
        (x, y) ->
            x.isNumber() && y.isNumber()
                ? x.decimalValue().compareTo(y.decimalValue())
                : x.equals(y) ? 0 : 1,
        b);
  }
}
