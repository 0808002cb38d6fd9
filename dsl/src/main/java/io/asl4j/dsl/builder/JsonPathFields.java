package io.asl4j.dsl.builder;

import com.fasterxml.jackson.databind.JsonNode;
import io.asl4j.dsl.model.NullablePath;

/**
 * The JSONPath-only fields, each written once and shared by the JSONPath state types that ASL gives
 * it; the JSONata types implement none of these, so the two languages' fields never mix. The
 * interfaces are sealed: only the builder's own state types implement them.
 *
 * <pre>{@code
 * Task.jsonPath("Get").resource(Resource.dynamoDbGetItem())
 *     .inputPath("$.order")          // InputOutput: every JSONPath state but Fail
 *     .parameters(key)               // Result: also Pass
 *     .resultPath("$.item")          // Result
 *     .resultSelector(selector);     // ResultSelector: Task, Parallel and Map
 * }</pre>
 *
 * @see <a href="https://states-language.net/spec.html#filters">Input and Output Processing</a>
 */
public final class JsonPathFields {
  private JsonPathFields() {}

  /**
   * {@code InputPath} and {@code OutputPath}: every JSONPath state but Fail.
   *
   * @param <S> the state type, returned by the setters
   */
  public sealed interface InputOutput<S extends InputOutput<S>>
      permits Wait.JsonPath, Choice.JsonPath, Succeed.JsonPath, JsonPathFields.Result {

    /** Sets {@code InputPath}, the part of the input the state sees. Defaults to {@code $}. */
    default S inputPath(String path) {
      return StateBuilder.withIo(this, io -> io.withInputPath(NullablePath.of(path)));
    }

    /** Sets {@code "InputPath": null}: the state sees {@code {}}. */
    default S ignoreInput() {
      return StateBuilder.withIo(this, io -> io.withInputPath(NullablePath.DISCARD));
    }

    /** Sets {@code OutputPath}, the part of the output passed on. Defaults to {@code $}. */
    default S outputPath(String path) {
      return StateBuilder.withIo(this, io -> io.withOutputPath(NullablePath.of(path)));
    }

    /** Sets {@code "OutputPath": null}: the output is {@code {}}. */
    default S discardOutput() {
      return StateBuilder.withIo(this, io -> io.withOutputPath(NullablePath.DISCARD));
    }
  }

  /**
   * {@code Parameters} and {@code ResultPath}: the states with a result (Pass, Task, Parallel and
   * Map; for Map, {@code Parameters} is the legacy form of {@code ItemSelector}).
   *
   * @param <S> the state type, returned by the setters
   */
  public sealed interface Result<S extends Result<S>> extends InputOutput<S>
      permits Pass.JsonPath, JsonPathFields.ResultSelector {

    /** Sets {@code Parameters}, the payload template of the state's input. Defaults to none. */
    default S parameters(JsonNode parameters) {
      return StateBuilder.withIo(this, io -> io.withParameters(parameters));
    }

    /** Sets {@code Parameters} from a payload; see {@link #parameters(JsonNode)}. */
    default S parameters(Payload parameters) {
      return parameters(StateBuilder.json(parameters));
    }

    /** Sets {@code ResultPath}, where the result goes in the input. Defaults to {@code $}. */
    default S resultPath(String path) {
      return StateBuilder.withIo(this, io -> io.withResultPath(NullablePath.of(path)));
    }

    /** Sets {@code "ResultPath": null}: the result is discarded and the input passed on. */
    default S discardResult() {
      return StateBuilder.withIo(this, io -> io.withResultPath(NullablePath.DISCARD));
    }
  }

  /**
   * {@code ResultSelector} and JSONPath catchers: the states whose result comes from outside and
   * may fail (Task, Parallel, Map).
   *
   * @param <S> the state type, returned by the setters
   */
  public sealed interface ResultSelector<S extends ResultSelector<S>> extends Result<S>
      permits Task.JsonPath, Parallel.JsonPath, MapState.JsonPath {

    /** Sets {@code ResultSelector}, a payload template over the result. Defaults to none. */
    default S resultSelector(JsonNode selector) {
      return StateBuilder.withIo(this, io -> io.withResultSelector(selector));
    }

    /** Sets {@code ResultSelector} from a payload; see {@link #resultSelector(JsonNode)}. */
    default S resultSelector(Payload selector) {
      return resultSelector(StateBuilder.json(selector));
    }

    /** Adds catchers with JSONPath-only fields ({@code ResultPath}). */
    default S catching(Catch.JsonPath... catchers) {
      return ErrorHandlingState.addCatches(this, catchers, Catch.JsonPath::spec);
    }
  }
}
