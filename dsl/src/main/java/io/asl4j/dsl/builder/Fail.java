package io.asl4j.dsl.builder;

import io.asl4j.dsl.model.FailState;
import io.asl4j.dsl.model.QueryLanguage;
import io.asl4j.dsl.model.State;
import java.util.List;

/**
 * A {@code Fail} state: ends the workflow with an error name and a cause. Nothing can follow it: it
 * is not {@link Nextable}.
 *
 * <pre>{@code
 * Fail.JsonPath orderFailed = Fail.jsonPath("OrderFailed").error("InvalidOrder").cause("Validation failed");
 * Fail.jsonPath("Rethrow").errorPath("$.Error").causePath("$.Cause");
 * Fail.jsonata("Reject").error("{% $states.input.code %}");
 * }</pre>
 *
 * @param <S> the concrete Fail type
 * @see <a href="https://states-language.net/spec.html#fail-state">Fail state</a>
 */
public abstract sealed class Fail<S extends Fail<S>> extends StateBuilder<S>
    permits Fail.JsonPath, Fail.Jsonata {
  String error;
  String errorPath;
  String cause;
  String causePath;

  Fail(String name, QueryLanguage language) {
    super(name, language);
  }

  /** A JSONPath Fail state. */
  public static JsonPath jsonPath(String name) {
    return new JsonPath(name);
  }

  /** A JSONata Fail state. */
  public static Jsonata jsonata(String name) {
    return new Jsonata(name);
  }

  /**
   * Sets {@code Error} (in JSONata, text or a {@code "{% ... %}"} expression). Defaults to none.
   */
  public final S error(String error) {
    this.error = error;
    return self();
  }

  /**
   * Sets {@code Cause} (in JSONata, text or a {@code "{% ... %}"} expression). Defaults to none.
   */
  public final S cause(String cause) {
    this.cause = cause;
    return self();
  }

  @Override
  final State toModel(BuildContext context, String pointer) {
    return new FailState(
        comment, modelLanguage(context.machineLanguage), error, errorPath, cause, causePath);
  }

  @Override
  final List<StateBuilder<?>> successors() {
    return List.of();
  }

  /**
   * A JSONPath Fail state: also {@code ErrorPath} and {@code CausePath}.
   *
   * <pre>{@code
   * Fail.jsonPath("Rethrow").errorPath("$.Error")
   * }</pre>
   */
  public static final class JsonPath extends Fail<JsonPath> {
    JsonPath(String name) {
      super(name, QueryLanguage.JSONPATH);
    }

    /** Sets {@code ErrorPath}: a reference path or intrinsic call giving the error name. */
    public JsonPath errorPath(String path) {
      errorPath = path;
      return this;
    }

    /** Sets {@code ErrorPath} from a path or an intrinsic call. */
    public JsonPath errorPath(Expression expression) {
      return errorPath(expression.asl());
    }

    /** Sets {@code CausePath}: a reference path or intrinsic call giving the cause. */
    public JsonPath causePath(String path) {
      causePath = path;
      return this;
    }

    /** Sets {@code CausePath} from a path or an intrinsic call. */
    public JsonPath causePath(Expression expression) {
      return causePath(expression.asl());
    }
  }

  /**
   * A JSONata Fail state: {@code Error} and {@code Cause} may be expressions.
   *
   * <pre>{@code
   * Fail.jsonata("Reject").cause("{% 'bad order ' & $states.input.id %}")
   * }</pre>
   */
  public static final class Jsonata extends Fail<Jsonata> {
    Jsonata(String name) {
      super(name, QueryLanguage.JSONATA);
    }
  }
}
