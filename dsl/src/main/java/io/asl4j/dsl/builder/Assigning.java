package io.asl4j.dsl.builder;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code Assign}: workflow variables set by a state, in both query languages; every state but
 * Succeed and Fail may set them.
 *
 * <pre>{@code
 * Pass.jsonata("Remember").assign(Payload.object().put("orderId", "{% $states.input.id %}"));
 * }</pre>
 *
 * @param <S> the state type, returned by the setters
 * @see <a
 *     href="https://docs.aws.amazon.com/step-functions/latest/dg/workflow-variables.html">Workflow
 *     variables</a>
 */
public sealed interface Assigning<S extends Assigning<S>> permits NextableState, Choice {

  /**
   * Sets {@code Assign}: workflow variables to set from this state (JSONPath: paths with {@code .$}
   * keys; JSONata: {@code {% %}} expressions); a Choice applies it whichever rule matched. Defaults
   * to none.
   */
  default S assign(JsonNode assign) {
    return StateBuilder.withIo(this, io -> io.withAssign(assign));
  }

  /** Sets {@code Assign} from a payload template; see {@link #assign(JsonNode)}. */
  default S assign(Payload assign) {
    return assign(StateBuilder.json(assign));
  }
}
