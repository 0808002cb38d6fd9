package io.asl4j.runtime.internal.jsonata;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asl4j.runtime.StatesError;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JSONata as Step Functions runs it, on dashjoin's jsonata-java: expressions compiled once,
 * {@code $states} and the workflow variables bound per evaluation, AWS's extra functions ({@code
 * $partition}, {@code $range}, {@code $hash}, {@code $random}, {@code $uuid}, {@code $parse}) added
 * and {@code $eval} taken away. Failures become {@code States.QueryEvaluationError} with AWS's
 * wording; no library exception escapes.
 */
public final class JsonataEngine {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Pattern VARIABLE = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*)");
  /** A runaway expression (deep recursion, endless loop) fails instead of hanging the runtime. */
  private static final long TIMEOUT_MILLIS = 10_000;

  private static final int MAX_DEPTH = 1_000;

  private final Map<String, Compiled> cache = new ConcurrentHashMap<>();

  /**
   * Evaluates an ASL JSONata value: a string that is exactly {@code {% ... %}} is evaluated;
   * objects and arrays are walked; everything else is taken as it is.
   *
   * @param field the field, named in errors; nested keys are joined with {@code /}
   * @param states the {@code $states} object ({@code input}, {@code context}, ...)
   * @param variables the workflow variables; {@code null} for a name never assigned
   * @throws StatesError {@code States.QueryEvaluationError}, without the state prefix
   */
  public JsonNode evaluateTemplate(
      JsonNode value, String field, JsonNode states, Function<String, JsonNode> variables) {
    if (value.isTextual() && isExpression(value.textValue())) {
      return evaluate(value.textValue(), field, states, variables);
    }
    if (value.isObject()) {
      ObjectNode out = NODES.objectNode();
      for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        out.set(e.getKey(), evaluateTemplate(e.getValue(), field + "/" + e.getKey(), states, variables));
      }
      return out;
    }
    if (value.isArray()) {
      ArrayNode out = NODES.arrayNode();
      for (int i = 0; i < value.size(); i++) {
        out.add(evaluateTemplate(value.get(i), field + "/" + i, states, variables));
      }
      return out;
    }
    return value;
  }

  /** Whether {@code text} is a JSONata expression: it starts with {@code {%} and ends with {@code %}}. */
  public static boolean isExpression(String text) {
    return text.length() >= 4 && text.startsWith("{%") && text.endsWith("%}");
  }

  private JsonNode evaluate(String text, String field, JsonNode states, Function<String, JsonNode> variables) {
    String body = text.substring(2, text.length() - 2).trim();
    Compiled compiled = cache.computeIfAbsent(body, Compiled::new);
    if (compiled.syntaxError != null) {
      throw error(body, field, "threw an error during evaluation. " + compiled.syntaxError);
    }
    Object result;
    synchronized (compiled) {
      Jsonata.Frame frame = compiled.expression.createFrame();
      frame.setRuntimeBounds(TIMEOUT_MILLIS, MAX_DEPTH);
      frame.bind("states", toJava(states));
      for (String name : compiled.variables) {
        JsonNode value = variables.apply(name);
        if (value != null) {
          frame.bind(name, toJava(value));
        }
      }
      try {
        result = compiled.expression.evaluate(toJava(states.get("input")), frame);
      } catch (JException e) {
        throw error(body, field, "threw an error during evaluation. " + describe(e));
      } catch (RuntimeException | StackOverflowError e) {
        throw error(body, field, "threw an error during evaluation. " + e.getMessage());
      }
    }
    if (result == null) {
      throw error(body, field, "returned nothing (undefined).");
    }
    if (result instanceof Jsonata.JFunction || result instanceof Jsonata.JLambda) {
      throw error(body, field, "returned an unsupported result type.");
    }
    try {
      return toJson(result);
    } catch (IllegalArgumentException e) {
      throw error(body, field, "returned an unsupported result type.");
    }
  }

  private static StatesError error(String body, String field, String what) {
    return new StatesError(
        "States.QueryEvaluationError",
        "The JSONata expression '" + body + "' specified for the field '" + field + "' " + what);
  }

  private static String describe(JException e) {
    String message = e.getMessage();
    return e.getError() == null ? message : e.getError() + ": " + message;
  }

  /** One expression, parsed once, with AWS's functions registered on it. */
  private static final class Compiled {
    final Jsonata expression;
    final String syntaxError;
    final Set<String> variables = new LinkedHashSet<>();

    Compiled(String body) {
      Jsonata parsed = null;
      String problem = null;
      try {
        parsed = Jsonata.jsonata(body);
        parsed.setOutputConvertNulls(false);
        AwsFunctions.register(parsed);
      } catch (JException e) {
        problem = describe(e);
      } catch (RuntimeException e) {
        problem = String.valueOf(e.getMessage());
      }
      this.expression = parsed;
      this.syntaxError = problem;
      Matcher m = VARIABLE.matcher(body);
      while (m.find()) {
        if (!m.group(1).equals("states")) {
          variables.add(m.group(1));
        }
      }
    }
  }

  // ---- JSON ↔ jsonata-java values ----------------------------------------------------------------

  static Object toJava(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return Jsonata.NULL_VALUE;
    }
    switch (node.getNodeType()) {
      case OBJECT:
        {
          Map<String, Object> map = new LinkedHashMap<>();
          for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            map.put(e.getKey(), toJava(e.getValue()));
          }
          return map;
        }
      case ARRAY:
        {
          List<Object> list = new ArrayList<>(node.size());
          node.forEach(element -> list.add(toJava(element)));
          return list;
        }
      case STRING:
        return node.textValue();
      case BOOLEAN:
        return node.booleanValue();
      case NUMBER:
        if (node.isIntegralNumber() && node.canConvertToLong()) {
          return node.canConvertToInt() ? (Object) node.intValue() : (Object) node.longValue();
        }
        return node.doubleValue();
      default:
        return node.toString();
    }
  }

  static JsonNode toJson(Object value) {
    if (value == null || value == Jsonata.NULL_VALUE) {
      return NODES.nullNode();
    }
    if (value instanceof Map<?, ?> map) {
      ObjectNode out = NODES.objectNode();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (e.getValue() != null) {
          out.set(String.valueOf(e.getKey()), toJson(e.getValue()));
        }
      }
      return out;
    }
    if (value instanceof List<?> list) {
      ArrayNode out = NODES.arrayNode();
      for (Object element : list) {
        if (element != null) {
          out.add(toJson(element));
        }
      }
      return out;
    }
    if (value instanceof String s) {
      return NODES.textNode(s);
    }
    if (value instanceof Boolean b) {
      return NODES.booleanNode(b);
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      return NODES.numberNode(((Number) value).longValue());
    }
    if (value instanceof BigInteger big) {
      return NODES.numberNode(big);
    }
    if (value instanceof BigDecimal decimal) {
      return NODES.numberNode(decimal);
    }
    if (value instanceof Number number) {
      double d = number.doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new IllegalArgumentException("not a finite number: " + d);
      }
      // JSONata numbers are doubles; AWS prints integral ones as integers (7, not 7.0).
      if (d == Math.rint(d) && Math.abs(d) < 1e15) {
        return NODES.numberNode((long) d);
      }
      return NODES.numberNode(d);
    }
    throw new IllegalArgumentException("not a JSON value: " + value.getClass().getSimpleName());
  }

  /** The functions Step Functions adds to JSONata, and the one it removes. */
  static final class AwsFunctions {
    private AwsFunctions() {}

    static void register(Jsonata expression) {
      expression.registerFunction("partition", varargs("partition", AwsFunctions::partition));
      expression.registerFunction("range", varargs("range", AwsFunctions::range));
      expression.registerFunction("hash", varargs("hash", AwsFunctions::hash));
      expression.registerFunction("random", varargs("random", AwsFunctions::random));
      expression.registerFunction("uuid", varargs("uuid", args -> UUID.randomUUID().toString()));
      expression.registerFunction("parse", varargs("parse", AwsFunctions::parse));
      // $eval is not available in Step Functions: calling it fails like calling any non-function.
      expression.registerFunction("eval", varargs("eval", args -> {
        throw new JException("T1006", -1);
      }));
    }

    private static Jsonata.JFunction varargs(String name, Jsonata.FnVarArgs<Object> fn) {
      return Jsonata.function(name, fn, null);
    }

    private static Object partition(List<?> args) {
      List<?> array = list(args, 0, "partition");
      int size = integer(args, 1, "partition");
      if (size <= 0) {
        throw new JException("D3001", -1, "$partition size must be positive");
      }
      List<Object> out = new ArrayList<>();
      for (int i = 0; i < array.size(); i += size) {
        out.add(new ArrayList<>(array.subList(i, Math.min(array.size(), i + size))));
      }
      return out;
    }

    private static Object range(List<?> args) {
      double start = number(args, 0, "range");
      double end = number(args, 1, "range");
      double step = args.size() > 2 ? number(args, 2, "range") : 1;
      if (step == 0) {
        throw new JException("D3001", -1, "$range step must not be 0");
      }
      List<Object> out = new ArrayList<>();
      for (double v = start; step > 0 ? v <= end : v >= end; v += step) {
        out.add(v == Math.rint(v) ? (Object) (long) v : (Object) v);
        if (out.size() > 1000) {
          throw new JException("D3001", -1, "$range would return more than 1000 items");
        }
      }
      return out;
    }

    private static Object hash(List<?> args) {
      Object value = args.isEmpty() ? null : args.get(0);
      String algorithm = args.size() > 1 ? String.valueOf(args.get(1)) : "SHA-256";
      if (!(value instanceof String text)) {
        throw new JException("T0410", -1, "$hash expects a string");
      }
      try {
        byte[] digest = MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest);
      } catch (NoSuchAlgorithmException e) {
        throw new JException("D3001", -1, "$hash algorithm must be one of MD5, SHA-1, SHA-256, SHA-384, SHA-512");
      }
    }

    private static Object random(List<?> args) {
      if (!args.isEmpty() && args.get(0) instanceof Number seed) {
        return new SplittableRandom(seed.longValue()).nextDouble();
      }
      return new SplittableRandom().nextDouble();
    }

    private static Object parse(List<?> args) {
      Object value = args.isEmpty() ? null : args.get(0);
      if (!(value instanceof String text)) {
        throw new JException("T0410", -1, "$parse expects a JSON string");
      }
      try {
        return toJava(io.asl4j.dsl.json.AslReader.parse(text));
      } catch (RuntimeException e) {
        throw new JException("D3001", -1, "$parse: not valid JSON");
      }
    }

    private static List<?> list(List<?> args, int index, String fn) {
      Object value = args.size() > index ? args.get(index) : null;
      if (value instanceof List<?> list) {
        return list;
      }
      if (value == null) {
        throw new JException("T0410", -1, "$" + fn + " expects an array");
      }
      return List.of(value);
    }

    private static int integer(List<?> args, int index, String fn) {
      return (int) number(args, index, fn);
    }

    private static double number(List<?> args, int index, String fn) {
      Object value = args.size() > index ? args.get(index) : null;
      if (value instanceof Number number) {
        return number.doubleValue();
      }
      throw new JException("T0410", -1, "$" + fn + " expects a number as argument " + (index + 1));
    }
  }
}
