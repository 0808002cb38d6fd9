package io.asl4j.dsl.builder;

import io.asl4j.dsl.model.QueryLanguage;
import io.asl4j.dsl.model.State;
import io.asl4j.dsl.model.SucceedState;

/**
 * A {@code Succeed} state: ends the workflow (or its branch or iteration) successfully. Nothing can
 * follow it: it is not {@link Nextable}.
 *
 * <pre>{@code
 * ClosedChain chain = Chain.start(work).next(Succeed.jsonPath("Done"));
 * }</pre>
 *
 * @param <S> the concrete Succeed type
 * @see <a href="https://states-language.net/spec.html#succeed-state">Succeed state</a>
 */
public abstract sealed class Succeed<S extends Succeed<S>> extends StateBuilder<S>
    permits Succeed.JsonPath, Succeed.Jsonata {
  Succeed(String name, QueryLanguage language) {
    super(name, language);
  }

  /** A JSONPath Succeed state. */
  public static JsonPath jsonPath(String name) {
    return new JsonPath(name);
  }

  /** A JSONata Succeed state. */
  public static Jsonata jsonata(String name) {
    return new Jsonata(name);
  }

  @Override
  final State toModel(BuildContext context, String pointer) {
    return new SucceedState(comment, modelLanguage(context.machineLanguage), io);
  }

  @Override
  final java.util.List<StateBuilder<?>> successors() {
    return java.util.List.of();
  }

  /**
   * A JSONPath Succeed state: {@code InputPath}, {@code OutputPath}.
   *
   * <pre>{@code
   * Succeed.jsonPath("Done").outputPath("$.result")
   * }</pre>
   */
  public static final class JsonPath extends Succeed<JsonPath>
      implements JsonPathFields.InputOutput<JsonPath> {
    JsonPath(String name) {
      super(name, QueryLanguage.JSONPATH);
    }
  }

  /**
   * A JSONata Succeed state: {@code Output}.
   *
   * <pre>{@code
   * Succeed.jsonata("Done").output("{% $states.input.result %}")
   * }</pre>
   */
  public static final class Jsonata extends Succeed<Jsonata>
      implements JsonataFields.Output<Jsonata> {
    Jsonata(String name) {
      super(name, QueryLanguage.JSONATA);
    }
  }
}
