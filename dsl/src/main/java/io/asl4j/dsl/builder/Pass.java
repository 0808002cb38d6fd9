package io.asl4j.dsl.builder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.asl4j.dsl.model.NullablePath;
import io.asl4j.dsl.model.QueryLanguage;
import io.asl4j.dsl.model.State;
import java.time.Duration;
import java.util.Objects;
import io.asl4j.dsl.model.PassState;

/**
 * A {@code Pass} state: passes its input on, optionally injecting a fixed {@code Result}
 * (JSONPath) or computing an {@code Output} (JSONata).
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
  public static final class JsonPath extends Pass<JsonPath> {
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

    /** Sets {@code InputPath}, the part of the input the state sees. Defaults to {@code $}. */
    public JsonPath inputPath(String path) {
      io = io.withInputPath(NullablePath.of(path));
      return this;
    }

    /** Sets {@code "InputPath": null}: the state sees {@code {}}. */
    public JsonPath ignoreInput() {
      io = io.withInputPath(NullablePath.DISCARD);
      return this;
    }

    /** Sets {@code Parameters}, the payload template of the state's input. Defaults to none. */
    public JsonPath parameters(JsonNode parameters) {
      io = io.withParameters(parameters);
      return this;
    }

    /** Sets {@code Parameters} from a payload; see {@link #parameters(JsonNode)}. */
    public JsonPath parameters(Payload parameters) {
      return parameters(json(parameters));
    }

    /** Sets {@code ResultPath}, where the result goes in the input. Defaults to {@code $}. */
    public JsonPath resultPath(String path) {
      io = io.withResultPath(NullablePath.of(path));
      return this;
    }

    /** Sets {@code "ResultPath": null}: the result is discarded and the input passed on. */
    public JsonPath discardResult() {
      io = io.withResultPath(NullablePath.DISCARD);
      return this;
    }

    /** Sets {@code OutputPath}, the part of the output passed on. Defaults to {@code $}. */
    public JsonPath outputPath(String path) {
      io = io.withOutputPath(NullablePath.of(path));
      return this;
    }

    /** Sets {@code "OutputPath": null}: the output is {@code {}}. */
    public JsonPath discardOutput() {
      io = io.withOutputPath(NullablePath.DISCARD);
      return this;
    }
  }

  /**
   * A JSONata Pass state: {@code Output}.
   *
   * <pre>{@code
   * Pass.jsonata("Shape").output(Payload.object().put("id", "{% $states.input.orderId %}"))
   * }</pre>
   */
  public static final class Jsonata extends Pass<Jsonata> {
    Jsonata(String name) {
      super(name, QueryLanguage.JSONATA);
    }

    /** Sets {@code Output}, the state output. Defaults to the result (or the input). */
    public Jsonata output(JsonNode output) {
      io = io.withOutput(output);
      return this;
    }

    /** Sets {@code Output} from a payload; see {@link #output(JsonNode)}. */
    public Jsonata output(Payload output) {
      return output(json(output));
    }

    /** Sets {@code Output} to one {@code "{% ... %}"} expression. */
    public Jsonata output(String expression) {
      return output(TextNode.valueOf(expression));
    }
  }
}
