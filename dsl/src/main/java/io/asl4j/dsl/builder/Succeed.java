package io.asl4j.dsl.builder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.asl4j.dsl.model.NullablePath;
import io.asl4j.dsl.model.QueryLanguage;
import io.asl4j.dsl.model.State;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
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
  public static final class JsonPath extends Succeed<JsonPath> {
    JsonPath(String name) {
      super(name, QueryLanguage.JSONPATH);
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
   * A JSONata Succeed state: {@code Output}.
   *
   * <pre>{@code
   * Succeed.jsonata("Done").output("{% $states.input.result %}")
   * }</pre>
   */
  public static final class Jsonata extends Succeed<Jsonata> {
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
