package io.asl4j.dsl.builder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * The JSONata-only fields, each written once and shared by the JSONata state types that ASL gives
 * it; the JSONPath types implement none of these, so the two languages' fields never mix. The
 * interfaces are sealed: only the builder's own state types implement them.
 *
 * <pre>{@code
 * Task.jsonata("Charge").resource(Resource.lambdaInvoke())
 *     .arguments("{% {'FunctionName': 'charge', 'Payload': $states.input} %}")  // Arguments
 *     .output("{% $states.result.Payload %}")                                // Output
 *     .catching(Catch.all().output("{% $states.errorOutput %}").to(failed));  // Catching
 * }</pre>
 *
 * @see <a href="https://states-language.net/spec.html#transforming-data-with-jsonata">Transforming
 *     data with JSONata</a>
 */
public final class JsonataFields {
  private JsonataFields() {}

  /**
   * {@code Output}: every JSONata state but Fail.
   *
   * @param <S> the state type, returned by the setters
   */
  public sealed interface Output<S extends Output<S>>
      permits Pass.Jsonata, Wait.Jsonata, Choice.Jsonata, Succeed.Jsonata, JsonataFields.Catching {

    /** Sets {@code Output}, the state output. Defaults to the result (or the input). */
    default S output(JsonNode output) {
      return StateBuilder.withIo(this, io -> io.withOutput(output));
    }

    /** Sets {@code Output} from a payload; see {@link #output(JsonNode)}. */
    default S output(Payload output) {
      return output(StateBuilder.json(output));
    }

    /** Sets {@code Output} to one {@code "{% ... %}"} expression. */
    default S output(String expression) {
      return output(TextNode.valueOf(expression));
    }
  }

  /**
   * {@code Arguments}: the input of a Task's call or of a Parallel's branches.
   *
   * @param <S> the state type, returned by the setters
   */
  public sealed interface Arguments<S extends Arguments<S>> extends Catching<S>
      permits Task.Jsonata, Parallel.Jsonata {

    /** Sets {@code Arguments}, the input of the task or branches. Defaults to the state input. */
    default S arguments(JsonNode arguments) {
      return StateBuilder.withIo(this, io -> io.withArguments(arguments));
    }

    /** Sets {@code Arguments} from a payload; see {@link #arguments(JsonNode)}. */
    default S arguments(Payload arguments) {
      return arguments(StateBuilder.json(arguments));
    }

    /** Sets {@code Arguments} to one {@code "{% ... %}"} expression. */
    default S arguments(String expression) {
      return arguments(TextNode.valueOf(expression));
    }
  }

  /**
   * JSONata catchers: the states that may catch (Task, Parallel, Map).
   *
   * @param <S> the state type, returned by the setters
   */
  public sealed interface Catching<S extends Catching<S>> extends Output<S>
      permits MapState.Jsonata, JsonataFields.Arguments {

    /** Adds catchers with JSONata-only fields ({@code Output}). */
    default S catching(Catch.Jsonata... catchers) {
      return ErrorHandlingState.addCatches(this, catchers, Catch.Jsonata::spec);
    }
  }
}
