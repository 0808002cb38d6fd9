package io.asl4j.runtime.internal.jsonata;

import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;
import io.asl4j.dsl.expression.JsonataExpressions;
import io.asl4j.runtime.StatesError;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * Evaluates JSONata expressions the way Step Functions does.
 *
 * <ul>
 *   <li>There is no context item: {@code $} and bare field names at the top level are undefined.
 *       Data comes from {@code $states} ({@code input}, {@code context}, {@code result}, {@code
 *       errorOutput}) and from workflow variables {@code $name}, looked up by name only when the
 *       expression mentions them.
 *   <li>Step Functions' functions are available ({@code $partition, $range, $hash, $random, $uuid,
 *       $parse}); {@code $eval} is not.
 *   <li>Results come back as JSON, integral numbers as integers; undefined comes back as Java
 *       {@code null}, for the caller to judge (most fields reject it, see {@link JsonataTemplate}).
 *   <li>Every failure is a {@link StatesError} {@code States.QueryEvaluationError} worded as AWS
 *       words it, without the state prefix; nothing the library throws escapes.
 *   <li>Each evaluation is bounded in time, nesting depth and the number of values it makes (see
 *       {@link EvaluationBounds}), so a runaway expression fails instead of hanging the execution
 *       or exhausting memory.
 * </ul>
 *
 * <p>Expressions are parsed once and cached by text. An engine is safe for concurrent use.
 *
 * <pre>{@code
 * JsonataEngine engine = new JsonataEngine(new Random(7), clock, Duration.ofSeconds(1), 200);
 * JsonNode total = engine.evaluate("$sum($states.input.prices)", "Output", states, vars::get);
 * }</pre>
 */
public final class JsonataEngine {

  /** How long one evaluation may run by default. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

  /** How deeply one evaluation may nest by default (sub-expressions and function calls). */
  public static final int DEFAULT_MAX_DEPTH = 500;

  private final StepFunctionsFunctions functions = new StepFunctionsFunctions();
  private final RandomGenerator random;
  private final Clock clock;
  private final long timeoutMillis;
  private final int maxDepth;
  private final Map<String, Compiled> cache = new ConcurrentHashMap<>();

  /** An engine with secure randomness ({@code $random()}, {@code $uuid()}) and the UTC clock. */
  public JsonataEngine() {
    this(new SecureRandom(), Clock.systemUTC(), DEFAULT_TIMEOUT, DEFAULT_MAX_DEPTH);
  }

  /**
   * An engine whose {@code $random()}, {@code $uuid()} and {@code $shuffle()} draw from {@code
   * random} (give a seeded generator for reproducible runs; it is used under a lock) and whose
   * {@code $now()} and {@code $millis()} read {@code clock}, once per evaluation; unless an
   * evaluation brings its own, as an execution's do ({@link JsonataTemplate#evaluate(JsonataEngine,
   * JsonNode, Function, RandomGenerator, long)}).
   */
  public JsonataEngine(RandomGenerator random, Clock clock, Duration timeout, int maxDepth) {
    this.random = Objects.requireNonNull(random, "random");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
    if (maxDepth < 1) {
      throw new IllegalArgumentException("maxDepth must be positive: " + maxDepth);
    }
    this.timeoutMillis = timeout.toMillis();
    this.maxDepth = maxDepth;
  }

  /**
   * Evaluates {@code expression} (the trimmed text between {@code {%} and {@code %}}).
   *
   * @param field the field path the expression sits at, for error causes ({@code Output/result})
   * @param states the {@code $states} object; {@code null} leaves {@code $states} undefined
   * @param variables the value of each workflow variable, {@code null} when unassigned
   * @return the result as JSON, or {@code null} when the expression returned nothing (undefined)
   * @throws StatesError {@code States.QueryEvaluationError} when evaluation fails or the result is
   *     no JSON (a function)
   */
  public JsonNode evaluate(
      String expression, String field, JsonNode states, Function<String, JsonNode> variables) {
    return evaluate(expression, field, new Bindings(states, variables));
  }

  JsonNode evaluate(String expression, String field, Bindings bindings) {
    Compiled compiled = cache.computeIfAbsent(expression, Compiled::of);
    if (compiled.syntaxError() != null) {
      throw JsonataErrors.threwError(expression, field, compiled.syntaxError());
    }
    Jsonata.Frame frame;
    try {
      frame = frame(compiled, bindings);
    } catch (EvaluationFailure unreadable) {
      throw JsonataErrors.threwError(expression, field, unreadable.getMessage());
    }
    Object result;
    try {
      result = compiled.expression().evaluate(null, frame);
    } catch (RuntimeException | StackOverflowError failure) {
      throw JsonataErrors.threwError(
          expression, field, LibraryErrors.describe(failure, expression));
    }
    try {
      return JsonataValues.toJson(result);
    } catch (JsonataValues.UnsupportedValue notJson) {
      throw JsonataErrors.unsupportedType(expression, field);
    } catch (EvaluationFailure failure) {
      throw JsonataErrors.threwError(expression, field, failure.getMessage());
    }
  }

  private Jsonata.Frame frame(Compiled compiled, Bindings bindings) {
    Jsonata.Frame frame = compiled.expression().createFrame();
    functions.bindInto(
        frame,
        compiled.names(),
        bindings.nowMillis() != null ? bindings.nowMillis() : clock.millis(),
        bindings.random() != null ? bindings.random() : random);
    // Variables after functions: like JSONata's own bindings, a variable shadows a function.
    for (String name : compiled.names()) {
      // $states is reserved: bound below, never looked up as a workflow variable.
      Object value = name.equals("states") ? null : bindings.variable(name);
      if (value != null) {
        frame.bind(name, value);
      }
    }
    Object states = bindings.states();
    if (states != null) {
      frame.bind("states", states);
    }
    EvaluationBounds.install(frame, timeoutMillis, maxDepth);
    return frame;
  }

  /** A parsed expression with the names it may read, or why it does not parse. */
  private record Compiled(Jsonata expression, Set<String> names, String syntaxError) {

    static Compiled of(String text) {
      try {
        Jsonata expression = Jsonata.jsonata(text);
        // Keep JSON null distinct from undefined in results.
        expression.setOutputConvertNulls(false);
        return new Compiled(expression, JsonataExpressions.variableNames(text), null);
      } catch (RuntimeException unparsable) {
        return new Compiled(null, Set.of(), LibraryErrors.describe(unparsable));
      }
    }
  }
}
