package io.asl4j.runtime.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.asl4j.dsl.json.AslReader;
import io.asl4j.dsl.model.Retrier;
import io.asl4j.runtime.ExecutionStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The interpreter calls its {@link StateObserver} at the same points for every state, in order. */
class StateObserverTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Writes down every call, and stops the run where {@code stopAt} exits (null: nowhere). */
  private static final class Recorder implements StateObserver {
    final List<String> calls = new ArrayList<>();
    final String stopAt;
    final Retrying verdict;

    Recorder(String stopAt, Retrying verdict) {
      this.stopAt = stopAt;
      this.verdict = verdict;
    }

    @Override
    public void entered(Step step) {
      calls.add("entered " + step.name);
    }

    @Override
    public void inspect(Step step, String key, JsonNode value) {
      calls.add("inspect " + step.name + " " + key + " " + value);
    }

    @Override
    public boolean exited(Step step, String next, JsonNode output, Map<String, JsonNode> assigned) {
      calls.add("exited " + step.name + " -> " + next + " " + output + " " + assigned);
      return step.name.equals(stopAt);
    }

    @Override
    public Retrying retrier(
        Step step, int index, Retrier retrier, int retriesSoFar, String error, String cause) {
      calls.add("retrier " + step.name + " #" + index + " after " + retriesSoFar + " " + error);
      return verdict;
    }

    @Override
    public void caught(Step step, int index, String error, String cause) {
      calls.add("caught " + step.name + " #" + index + " " + error + ": " + cause);
    }
  }

  private static ExecutionRun run(String definition, String input, StateObserver observer)
      throws Exception {
    RunSetup setup =
        new RunSetup(
            new RunSetup.Machine(
                AslReader.read(definition),
                new Data(),
                Map.of(),
                Map.of(),
                true,
                "us-east-1",
                "123456789012",
                "observed",
                false,
                new TaskTokens(),
                null,
                null,
                new ActivityQueues(),
                1.0),
            0,
            1L,
            "observed-1",
            1,
            null);
    ExecutionRun run = new ExecutionRun(setup, JSON.readTree(input));
    run.observer = observer;
    run.start();
    run.runToCompletion();
    return run;
  }

  @Test
  void observerSeesEachStateEnteredItsIntermediateValuesAndItsExitInOrder() throws Exception {
    // given
    String definition =
        """
        {"StartAt": "Greet", "States": {
          "Greet": {"Type": "Pass", "Result": {"hello": "world"}, "ResultPath": "$.greeting",
                    "Assign": {"greeted": true}, "Next": "Done"},
          "Done": {"Type": "Succeed", "OutputPath": "$.greeting"}}}""";
    Recorder recorder = new Recorder(null, StateObserver.Retrying.AS_USUAL);

    // when
    ExecutionRun run = run(definition, "{\"name\":\"Ada\"}", recorder);

    // then
    assertEquals(ExecutionStatus.SUCCEEDED, run.status());
    assertEquals("{\"hello\":\"world\"}", run.output().toString());
    assertEquals(
        List.of(
            "entered Greet",
            "inspect Greet afterInputPath {\"name\":\"Ada\"}",
            "inspect Greet afterParameters {\"name\":\"Ada\"}",
            "inspect Greet result {\"hello\":\"world\"}",
            "inspect Greet afterResultSelector {\"hello\":\"world\"}",
            "inspect Greet afterResultPath {\"name\":\"Ada\",\"greeting\":{\"hello\":\"world\"}}",
            "exited Greet -> Done {\"name\":\"Ada\",\"greeting\":{\"hello\":\"world\"}} {greeted=true}",
            "entered Done",
            "inspect Done afterInputPath {\"name\":\"Ada\",\"greeting\":{\"hello\":\"world\"}}",
            "exited Done -> null {\"hello\":\"world\"} {}"),
        recorder.calls);
  }

  @Test
  void observerThatStopsAtATransitionEndsTheRunThere() throws Exception {
    // given
    String definition =
        """
        {"StartAt": "First", "States": {
          "First": {"Type": "Choice", "Choices": [{"Variable": "$.go", "BooleanEquals": true, "Next": "Second"}]},
          "Second": {"Type": "Pass", "End": true}}}""";
    Recorder recorder = new Recorder("First", StateObserver.Retrying.AS_USUAL);

    // when
    ExecutionRun run = run(definition, "{\"go\":true}", recorder);

    // then: the second state is never entered; with nothing left to run, the virtual clock skips
    // to the execution's time limit
    assertEquals(ExecutionStatus.TIMED_OUT, run.status());
    assertEquals(
        List.of(
            "entered First",
            "inspect First afterInputPath {\"go\":true}",
            "exited First -> Second {\"go\":true} {}"),
        recorder.calls);
  }

  @Test
  void retrierTheObserverDoesNotRetryPassesTheErrorToTheCatchers() throws Exception {
    // given: a Parallel whose branch fails; its retrier would retry, but the observer says no
    String definition =
        """
        {"StartAt": "Fan", "States": {
          "Fan": {"Type": "Parallel", "End": true,
                  "Branches": [{"StartAt": "Boom", "States": {
                    "Boom": {"Type": "Fail", "Error": "Custom.Boom", "Cause": "it broke"}}}],
                  "Retry": [{"ErrorEquals": ["States.ALL"], "MaxAttempts": 3}],
                  "Catch": [{"ErrorEquals": ["Custom.Boom"], "Next": "Recovered"}]},
          "Recovered": {"Type": "Succeed"}}}""";
    Recorder recorder = new Recorder(null, StateObserver.Retrying.NOT_RETRIED);

    // when
    ExecutionRun run = run(definition, "{}", recorder);

    // then
    assertEquals(ExecutionStatus.SUCCEEDED, run.status());
    assertEquals("{\"Error\":\"Custom.Boom\",\"Cause\":\"it broke\"}", run.output().toString());
    assertEquals(
        List.of(
            "entered Fan",
            "inspect Fan afterInputPath {}",
            "inspect Fan afterParameters {}",
            "entered Boom",
            "retrier Fan #0 after 0 Custom.Boom",
            "caught Fan #0 Custom.Boom: it broke",
            "exited Fan -> Recovered {\"Error\":\"Custom.Boom\",\"Cause\":\"it broke\"} {}",
            "entered Recovered",
            "inspect Recovered afterInputPath {\"Error\":\"Custom.Boom\",\"Cause\":\"it broke\"}",
            "exited Recovered -> null {\"Error\":\"Custom.Boom\",\"Cause\":\"it broke\"} {}"),
        recorder.calls);
  }
}
