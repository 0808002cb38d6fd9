package io.asl4j.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.asl4j.dsl.json.AslReadException;
import io.asl4j.dsl.json.AslReader;
import io.asl4j.dsl.model.Graph;
import io.asl4j.dsl.model.GraphWalker;
import io.asl4j.dsl.model.TaskState;
import io.asl4j.runtime.internal.engine.MockedResponses;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Step Functions Local mock file ({@code MockConfigFile.json}), accepted as is: {@code
 * StateMachines → <name> → TestCases → <case> → <state>: <response name>} and {@code
 * MockedResponses → <name> → "0" | "1-2" → Return | Throw}.
 *
 * <pre>{@code
 * MockConfig mocks = MockConfig.read(Path.of("MockConfigFile.json"));
 * LocalStateMachine machine = LocalStateMachine.builder(definition)
 *     .mocks(mocks, "LambdaSQSIntegration", "HappyPath")
 *     .build();
 * }</pre>
 *
 * <p>A mocked response takes the place of the state's task call, retries included (invocation 0 is
 * the first attempt); for a {@code .waitForTaskToken} state it also completes the callback.
 */
public final class MockConfig {
  private static final Pattern RANGE = Pattern.compile("(\\d+)(?:-(\\d+))?");

  private final JsonNode root;

  private MockConfig(JsonNode root) {
    this.root = root;
  }

  /** Reads a mock file. */
  public static MockConfig read(Path file) throws IOException {
    return parse(Files.readString(file, StandardCharsets.UTF_8));
  }

  /**
   * Parses a mock file's text.
   *
   * @throws IllegalArgumentException naming the JSON pointer of the first problem
   */
  public static MockConfig parse(String json) {
    JsonNode root;
    try {
      root = AslReader.parse(json);
    } catch (AslReadException e) {
      throw new IllegalArgumentException("mock file: " + e.problems().get(0).message(), e);
    }
    MockConfig config = new MockConfig(root);
    config.check();
    return config;
  }

  /** The state machine names in the file, in file order. */
  public List<String> stateMachines() {
    List<String> names = new ArrayList<>();
    root.path("StateMachines").fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** The test case names of {@code stateMachine}, in file order. */
  public List<String> testCases(String stateMachine) {
    List<String> names = new ArrayList<>();
    root.path("StateMachines")
        .path(stateMachine)
        .path("TestCases")
        .fieldNames()
        .forEachRemaining(names::add);
    return names;
  }

  /**
   * The responses of one test case for {@code definition}, for the runtime.
   *
   * @throws IllegalArgumentException when the test case is missing, or mocks a state that is not a
   *     Task state of {@code definition} (a renamed state would otherwise run unmocked)
   */
  MockedResponses responses(String stateMachine, String testCase, Graph definition) {
    MockedResponses responses = responses(stateMachine, testCase);
    List<String> tasks = new ArrayList<>();
    collectTaskStates(definition, tasks);
    for (String state : responses.states()) {
      if (!tasks.contains(state)) {
        throw new IllegalArgumentException(
            "mock file: test case '"
                + testCase
                + "' of state machine '"
                + stateMachine
                + "' mocks '"
                + state
                + "', which is not a Task state of this definition, at /StateMachines/"
                + stateMachine
                + "/TestCases/"
                + testCase
                + "/"
                + state
                + "; its Task states are "
                + tasks);
      }
    }
    return responses;
  }

  /** The Task states of {@code graph} and of the branches and processors in it, in ASL order. */
  private static void collectTaskStates(Graph graph, List<String> names) {
    GraphWalker.walk(
        graph,
        "",
        (name, state, pointer) -> {
          if (state instanceof TaskState) {
            names.add(name);
          }
        });
  }

  private MockedResponses responses(String stateMachine, String testCase) {
    JsonNode testCaseNode =
        root.path("StateMachines").path(stateMachine).path("TestCases").path(testCase);
    if (!testCaseNode.isObject()) {
      throw new IllegalArgumentException(
          "mock file: no test case '"
              + testCase
              + "' for state machine '"
              + stateMachine
              + "' at /StateMachines/"
              + stateMachine
              + "/TestCases; it has "
              + testCases(stateMachine));
    }
    Map<String, List<MockedResponses.Response>> byState = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = testCaseNode.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String responseName = e.getValue().asText();
      byState.put(e.getKey(), responses(responseName));
    }
    return new MockedResponses(byState);
  }

  private List<MockedResponses.Response> responses(String name) {
    JsonNode node = root.path("MockedResponses").path(name);
    List<MockedResponses.Response> list = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      Matcher m = RANGE.matcher(e.getKey());
      m.matches(); // checked by check()
      int from = Integer.parseInt(m.group(1));
      int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
      JsonNode response = e.getValue();
      if (response.has("Return")) {
        list.add(new MockedResponses.Response(from, to, response.get("Return"), null, null));
      } else {
        JsonNode thrown = response.get("Throw");
        list.add(
            new MockedResponses.Response(
                from,
                to,
                null,
                thrown.path("Error").asText(null),
                thrown.path("Cause").asText(null)));
      }
    }
    return list;
  }

  /** Checks the file's shape once, so a broken file fails when read, with a pointer. */
  private void check() {
    require(root.isObject(), "", "a JSON object with StateMachines and MockedResponses");
    JsonNode machines = root.path("StateMachines");
    JsonNode responses = root.path("MockedResponses");
    require(machines.isObject(), "/StateMachines", "an object of state machines by name");
    require(responses.isObject(), "/MockedResponses", "an object of mocked responses by name");
    machines
        .fields()
        .forEachRemaining(
            machine -> {
              String at = "/StateMachines/" + machine.getKey() + "/TestCases";
              JsonNode cases = machine.getValue().path("TestCases");
              require(cases.isObject(), at, "an object of test cases by name");
              cases
                  .fields()
                  .forEachRemaining(
                      testCase ->
                          testCase
                              .getValue()
                              .fields()
                              .forEachRemaining(
                                  state -> {
                                    String stateAt =
                                        at + "/" + testCase.getKey() + "/" + state.getKey();
                                    require(
                                        state.getValue().isTextual(),
                                        stateAt,
                                        "the name of a mocked response");
                                    require(
                                        responses.has(state.getValue().asText()),
                                        stateAt,
                                        "the name of a mocked response, but there is no MockedResponses/"
                                            + state.getValue().asText());
                                  }));
            });
    responses
        .fields()
        .forEachRemaining(
            response -> {
              String at = "/MockedResponses/" + response.getKey();
              require(
                  response.getValue().isObject(),
                  at,
                  "an object of responses by invocation (\"0\", \"1-2\")");
              response
                  .getValue()
                  .fields()
                  .forEachRemaining(
                      invocation -> {
                        String invocationAt = at + "/" + invocation.getKey();
                        require(
                            RANGE.matcher(invocation.getKey()).matches(),
                            invocationAt,
                            "an invocation number or range such as \"0\" or \"1-2\"");
                        JsonNode value = invocation.getValue();
                        require(
                            value.has("Return") ^ value.has("Throw"),
                            invocationAt,
                            "exactly one of Return and Throw");
                        if (value.has("Throw")) {
                          require(
                              value.get("Throw").isObject(),
                              invocationAt + "/Throw",
                              "an object with Error and Cause");
                        }
                      });
            });
  }

  private static void require(boolean ok, String at, String expected) {
    if (!ok) {
      throw new IllegalArgumentException(
          "mock file: expected " + expected + " at " + (at.isEmpty() ? "/" : at));
    }
  }
}
