package io.asl4j.dsl.builder;

import com.fasterxml.jackson.databind.JsonNode;
import io.asl4j.dsl.model.PassState;
import io.asl4j.dsl.model.QueryLanguage;
import io.asl4j.dsl.model.State;

/**
 * A {@code Pass} state: passes its input on, optionally injecting a fixed {@code Result} (JSONPath)
 * or computing an {@code Output} (JSONata).
 *
 * <pre>{@code
 * Pass.JsonPath expressShip = Pass.jsonPath("ExpressShip")
 *     .result(TextNode.valueOf("express"))
 *     .resultPath("$.shipMethod");
 * Pass.Jsonata tag = Pass.jsonata("Tag").output("{% $merge([$states.input, {'tagged': true}]) %}");
 * }</pre>
 *
 * @param <S> the concrete Pass type
 * @see <a href="https://states-language.net/spec.html#pass-state">Pass state</a>
 */
public abstract sealed class Pass<S extends Pass<S>> extends NextableState<S>
    permits Pass.JsonPath, Pass.Jsonata {
  JsonNode result;

  Pass(String name, QueryLanguage language) {
    super(name, language);
  }

  /** A JSONPath Pass state. */
  public static JsonPath jsonPath(String name) {
    return new JsonPath(name);
  }

  /** A JSONata Pass state. */
  public static Jsonata jsonata(String name) {
    return new Jsonata(name);
  }

  @Override
  final State toModel(BuildContext context, String pointer) {
    return new PassState(
        comment, modelLanguage(context.machineLanguage), io, result, nextName(), endValue());
  }

  /**
   * A JSONPath Pass state: {@code Result}, {@code InputPath}, {@code Parameters}, {@code
   * ResultPath}, {@code OutputPath}.
   *
   * <pre>{@code
   * Pass.jsonPath("Init").result(Payload.object().put("count", 0).toJson()).resultPath("$.state")
   * }</pre>
   */
  public static final class JsonPath extends Pass<JsonPath>
      implements JsonPathFields.Result<JsonPath> {
    JsonPath(String name) {
      super(name, QueryLanguage.JSONPATH);
    }

    /** Sets {@code Result}, a literal (not a template) used as the state's result. */
    public JsonPath result(JsonNode result) {
      this.result = result;
      return this;
    }

    /** Sets {@code Result} from a payload (written as is: {@code .$} keys are not evaluated). */
    public JsonPath result(Payload result) {
      return result(json(result));
    }
  }

  /**
   * A JSONata Pass state: {@code Output}.
   *
   * <pre>{@code
   * Pass.jsonata("Shape").output(Payload.object().put("id", "{% $states.input.orderId %}"))
   * }</pre>
   */
  public static final class Jsonata extends Pass<Jsonata> implements JsonataFields.Output<Jsonata> {
    Jsonata(String name) {
      super(name, QueryLanguage.JSONATA);
    }
  }
}
