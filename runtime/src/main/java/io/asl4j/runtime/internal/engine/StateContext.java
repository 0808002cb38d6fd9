package io.asl4j.runtime.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.asl4j.dsl.model.Io;
import io.asl4j.dsl.model.NullablePath;
import io.asl4j.runtime.StatesError;
import java.util.Map;

/**
 * What a state's executor sees of the interpreter while it runs one state: the state's input, the
 * I/O pipeline ({@link IoPipeline}) and the ways to leave. Expressions evaluate against it, as a
 * {@link Data.Environment}.
 */
interface StateContext extends Data.Environment {
  /** The state's name. */
  String name();

  /** The state's input, before InputPath or Arguments. */
  JsonNode rawInput();

  /** Whether the state's query language is JSONata. */
  boolean jsonata();

  /** The evaluator of paths, templates and JSONata expressions. */
  Data data();

  /** JSONPath: InputPath then Parameters. JSONata: Arguments (or the raw input). */
  JsonNode effectiveInput(Io io);

  /**
   * {@code value} through {@code path}; {@code null} (no path) leaves it, a discarding one gives
   * {@code {}}.
   */
  JsonNode applyPath(NullablePath path, JsonNode value);

  /** Tells the observer (TestState) an intermediate value of the state. */
  void inspect(String key, JsonNode value);

  /**
   * JSONPath: ResultSelector → ResultPath into the raw input → OutputPath, and Assign with {@code
   * $} = the selected result. JSONata: Output (default the result) and Assign.
   */
  Completed complete(Io io, JsonNode result);

  /** A JSONPath {@code Assign}'s variables, with {@code $} = {@code dollar}. */
  Map<String, JsonNode> assignJsonPath(JsonNode assign, JsonNode dollar);

  /** A JSONata {@code Assign}'s variables, evaluated against {@code states}. */
  Map<String, JsonNode> assignJsonata(JsonNode assign, JsonNode states, String field);

  /** The {@code $states} variable of JSONata. */
  JsonNode statesVariable(JsonNode result, JsonNode errorOutput);

  /** Leaves the state for its {@code Next} (or ends the graph at {@code End}). */
  void exit(Completed completed);

  /** Leaves the state for {@code next}; null ends the graph. */
  void exitTo(String next, Completed completed);

  /** As {@link #exit}, at {@code atMillis} on the execution's clock. */
  void exitAt(long atMillis, Completed completed);

  /** Fails the graph the state runs in with {@code error}: no Retry or Catch applies. */
  void fail(String error, String cause);

  /**
   * Fails the state with an error raised by the runtime or a field's evaluation (Retry and Catch
   * apply).
   */
  void failState(StatesError e);
}
