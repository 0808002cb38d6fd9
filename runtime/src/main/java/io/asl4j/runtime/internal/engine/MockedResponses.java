package io.asl4j.runtime.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.asl4j.runtime.StatesError;
import java.util.List;
import java.util.Map;

/**
 * The mocked responses of one test case, by state name: for each state, what its n-th invocation
 * (0-based, retries included) returns or throws.
 */
public final class MockedResponses {
  /** One response for the invocations {@code from..to}: a result, or an error to throw. */
  public record Response(int from, int to, JsonNode returned, String error, String cause) {}

  private final Map<String, List<Response>> byState;

  public MockedResponses(Map<String, List<Response>> byState) {
    this.byState = Map.copyOf(byState);
  }

  /** The states the test case mocks. */
  public java.util.Set<String> states() {
    return byState.keySet();
  }

  /** Whether the mock file answers {@code state}'s invocations. */
  boolean answers(String state) {
    return byState.containsKey(state);
  }

  /** The mocked result of invocation {@code index} of {@code state}; null when it is not mocked. */
  JsonNode respond(String state, int index) {
    List<Response> responses = byState.get(state);
    if (responses == null) {
      return null;
    }
    for (Response r : responses) {
      if (index >= r.from() && index <= r.to()) {
        if (r.returned() == null) {
          throw new StatesError(r.error(), r.cause());
        }
        return r.returned();
      }
    }
    throw new StatesError(
        "States.TaskFailed",
        "The mock file has no response for invocation " + index + " of state '" + state + "'");
  }
}
