package io.asl4j.runtime.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.asl4j.dsl.expression.AslPath;
import io.asl4j.dsl.expression.ExpressionException;
import io.asl4j.dsl.expression.JsonataExpressions;
import io.asl4j.runtime.StatesError;
import io.asl4j.runtime.internal.expression.IntrinsicEvaluator;
import io.asl4j.runtime.internal.expression.PathEvaluator;
import io.asl4j.runtime.internal.expression.PathResult;
import io.asl4j.runtime.internal.expression.PayloadTemplate;
import io.asl4j.runtime.internal.expression.ResultPaths;
import io.asl4j.runtime.internal.expression.ValueExpression;
import io.asl4j.runtime.internal.jsonata.JsonataEngine;
import io.asl4j.runtime.internal.jsonata.JsonataErrors;
import io.asl4j.runtime.internal.jsonata.JsonataTemplate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The interpreter's one door to the expression layer: JSONPath paths and payload templates,
 * intrinsic functions, and JSONata. It compiles every expression once per machine (the interpreter
 * evaluates the same ones over and over) and turns evaluation failures into {@link FieldError}s.
 */
public final class Data {
  private final Map<String, AslPath> paths = new ConcurrentHashMap<>();
  private final Map<String, ValueExpression> values = new ConcurrentHashMap<>();
  private final Map<Identity, PayloadTemplate> templates = new ConcurrentHashMap<>();

  /** Whether a template mentions the context object: most do not, and building it costs. */
  private final Map<Identity, Boolean> readsContext = new ConcurrentHashMap<>();

  private final Map<Identity, Map<String, JsonataTemplate>> jsonataTemplates =
      new ConcurrentHashMap<>();

  /**
   * Made on first use: a machine that evaluates no JSONata never loads the library, which is about
   * 20 ms of a first execution in a fresh JVM.
   */
  private volatile JsonataEngine jsonata;

  private final Map<Identity, Map<String, StatePlan>> plans = new ConcurrentHashMap<>();

  /** What an expression can see besides its input: {@code $$}, variables and randomness. */
  public interface Environment {
    JsonNode context();

    JsonNode variable(String name);

    IntrinsicEvaluator intrinsics();

    /** What JSONata's {@code $random()}, {@code $uuid()} and {@code $shuffle()} draw from. */
    java.util.random.RandomGenerator random();

    /** The execution's clock, for JSONata's {@code $now()} and {@code $millis()}. */
    long nowMillis();
  }

  /**
   * A Path in InputPath, OutputPath, ItemsPath, ...: selecting nothing is a States.Runtime error.
   */
  JsonNode path(String path, JsonNode input, Environment env) {
    try {
      return PathEvaluator.evaluate(
          compiledPath(path), input, lazyContext(path, env), env::variable);
    } catch (StatesError e) {
      throw FieldError.runtime(e.cause());
    }
  }

  /** A Path, or {@code null} when it selects nothing. */
  JsonNode pathOrNull(String path, JsonNode input, Environment env) {
    PathResult result =
        PathEvaluator.lookup(compiledPath(path), input, lazyContext(path, env), env::variable);
    return result.toOptional().orElse(null);
  }

  /** A payload template (Parameters, ResultSelector, ItemSelector, Assign) on {@code input}. */
  JsonNode template(JsonNode template, JsonNode input, Environment env) {
    Identity key = new Identity(template);
    // get() first: computeIfAbsent can lock the bin even when the key is there.
    PayloadTemplate compiled = templates.get(key);
    if (compiled == null) {
      compiled = templates.computeIfAbsent(key, k -> compileTemplate(template));
    }
    if (compiled.isConstant()) {
      return template;
    }
    Boolean needsContext = readsContext.get(key);
    if (needsContext == null) {
      needsContext = readsContext.computeIfAbsent(key, k -> template.toString().contains("$$"));
    }
    try {
      return compiled.evaluate(
          input, needsContext ? env.context() : null, env::variable, env.intrinsics());
    } catch (StatesError e) {
      throw evaluationError(e);
    }
  }

  /** ResultPath: {@code result} placed into {@code rawInput}. */
  JsonNode merge(JsonNode rawInput, String resultPath, JsonNode result) {
    return merge(rawInput, compiledResultPath(resultPath), result);
  }

  /** A ResultPath compiled (cached); an invalid one fails as {@link #merge} fails. */
  AslPath compiledResultPath(String resultPath) {
    try {
      return compiledPath(resultPath);
    } catch (StatesError e) {
      throw new FieldError(e.error(), e.cause(), false, null);
    }
  }

  /** ResultPath: {@code result} placed into {@code rawInput} at a compiled path. */
  JsonNode merge(JsonNode rawInput, AslPath resultPath, JsonNode result) {
    try {
      return ResultPaths.merge(rawInput, resultPath, result);
    } catch (StatesError e) {
      throw new FieldError(e.error(), e.cause(), false, null);
    }
  }

  /** ErrorPath and CausePath: a Path or an intrinsic call, named {@code field} in causes. */
  JsonNode pathOrIntrinsic(String expression, JsonNode input, Environment env, String field) {
    ValueExpression value =
        values.computeIfAbsent(
            expression,
            text -> {
              try {
                return ValueExpression.parse(text);
              } catch (ExpressionException e) {
                throw FieldError.runtime(
                    "The value of '"
                        + field
                        + "' is not a valid path or intrinsic function: "
                        + e.getMessage());
              }
            });
    try {
      JsonNode context = expression.contains("$$") ? env.context() : null;
      return value.evaluate(field, input, context, env::variable, env.intrinsics());
    } catch (StatesError e) {
      throw evaluationError(e);
    }
  }

  /**
   * A JSONata-mode value (Arguments, Output, Assign values, Items, ...): {@code {% %}} strings are
   * evaluated, everything else is taken as it is.
   */
  JsonNode jsonata(JsonNode value, String field, JsonNode states, Environment env) {
    JsonataTemplate compiled =
        jsonataTemplates
            .computeIfAbsent(new Identity(value), key -> new ConcurrentHashMap<>())
            .computeIfAbsent(field, name -> JsonataTemplate.compile(value, name));
    try {
      return compiled.evaluate(
          jsonataEngine(), states, env::variable, env.random(), env.nowMillis());
    } catch (FieldError e) {
      throw e;
    } catch (JsonataTemplate.LocatedError e) {
      throw FieldError.query(e.cause(), e.location());
    } catch (StatesError e) {
      throw FieldError.query(e.cause(), field);
    }
  }

  /**
   * Parses JSON text given as a string (a Lambda {@code Payload} string), else keeps the string.
   */
  JsonNode parseJsonText(String text) {
    try {
      return io.asl4j.dsl.json.AslReader.parse(text);
    } catch (RuntimeException e) {
      return com.fasterxml.jackson.databind.node.TextNode.valueOf(text);
    }
  }

  private JsonataEngine jsonataEngine() {
    JsonataEngine engine = jsonata;
    if (engine == null) {
      synchronized (this) {
        engine = jsonata;
        if (engine == null) {
          engine = new JsonataEngine();
          jsonata = engine;
        }
      }
    }
    return engine;
  }

  /** The plans of a graph's states (the machine, a branch, an item processor), once per graph. */
  Map<String, StatePlan> plans(
      io.asl4j.dsl.model.Graph graph, io.asl4j.dsl.model.QueryLanguage machineDefault) {
    Identity key = new Identity(graph);
    Map<String, StatePlan> graphPlans = plans.get(key);
    if (graphPlans == null) {
      graphPlans = plans.computeIfAbsent(key, k -> StatePlan.of(graph, machineDefault));
    }
    return graphPlans;
  }

  AslPath compiledPath(String path) {
    AslPath compiled = paths.get(path);
    if (compiled != null) {
      return compiled;
    }
    return paths.computeIfAbsent(
        path,
        text -> {
          try {
            return AslPath.parse(text);
          } catch (ExpressionException e) {
            throw FieldError.runtime("Invalid path '" + text + "' : " + e.getMessage());
          }
        });
  }

  /**
   * A failed Path or intrinsic call: {@code States.Runtime}, except an intrinsic's result over the
   * payload limit, which fails the state as an oversized output does ({@code
   * States.DataLimitExceeded}, which Catch can handle).
   */
  private static StatesError evaluationError(StatesError e) {
    return "States.DataLimitExceeded".equals(e.error()) ? e : FieldError.runtime(e.cause());
  }

  /** Builds the context object only for paths that read it. */
  private static JsonNode lazyContext(String path, Environment env) {
    return path.startsWith("$$") ? env.context() : null;
  }

  private static PayloadTemplate compileTemplate(JsonNode template) {
    try {
      return PayloadTemplate.compile(template);
    } catch (ExpressionException e) {
      throw FieldError.runtime("Invalid payload template: " + e.getMessage());
    }
  }

  /** Whether {@code text} is a JSONata expression: exactly {@code {% ... %}}. */
  static boolean isJsonata(String text) {
    return JsonataExpressions.isExpression(text);
  }

  /** The expression inside {@code {% %}}, as AWS quotes it in causes. */
  static String expressionText(JsonNode value) {
    String text = value.isTextual() ? value.textValue() : value.toString();
    return isJsonata(text) ? JsonataExpressions.body(text) : text;
  }

  /**
   * The {@code States.QueryEvaluationError} of a JSONata field whose value has the wrong type, in
   * AWS's words ({@link JsonataErrors#unexpectedType}).
   */
  static FieldError unexpectedType(
      JsonNode expression, String field, String expectedType, JsonNode value) {
    return FieldError.query(
        JsonataErrors.unexpectedType(expressionText(expression), field, expectedType, value)
            .cause(),
        field);
  }

  /**
   * A map key comparing by identity: templates are compiled per node of the model, plans per graph
   * (whose records' own equals would compare whole trees).
   */
  private static final class Identity {
    private final Object node;

    Identity(Object node) {
      this.node = node;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Identity identity && identity.node == node;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(node);
    }
  }
}
