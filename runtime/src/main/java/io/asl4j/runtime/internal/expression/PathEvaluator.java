package io.asl4j.runtime.internal.expression;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.JsonPathException;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import io.asl4j.dsl.expression.AslPath;
import io.asl4j.dsl.expression.AslPath.Field;
import io.asl4j.dsl.expression.AslPath.Index;
import io.asl4j.dsl.expression.AslPath.Step;
import io.asl4j.runtime.StatesError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

/**
 * Evaluates {@link AslPath}s on the state input, the context object and workflow variables.
 *
 * <pre>{@code
 * JsonNode input = new ObjectMapper().readTree("{\"order\":{\"items\":[{\"sku\":\"A1\"}]}}");
 * PathEvaluator.evaluate(AslPath.parse("$.order.items[0].sku"), input, context, name -> null);
 * // "A1"
 * PathEvaluator.evaluate(AslPath.parse("$.order.total"), input, context, name -> null);
 * // StatesError States.Runtime:
 * //   Invalid path '$.order.total' : No results for path: $['order']['total']
 * }</pre>
 *
 * <p>AWS evaluates Paths with Jayway JsonPath on Jackson nodes, and this class gives the same
 * answers. Reference Paths are walked directly (they are most Paths, and the interpreter's hot
 * path), producing Jayway's values and failure texts: a missing last field is {@code No results for
 * path: ...}, a missing inner field {@code Missing property in path ...}, and an index past the end
 * of an array selects {@code null}. Other Paths go through Jayway, compiled once and cached:
 * definite ones fail like Reference Paths, while wildcards, slices, unions, recursive descent and
 * filters select an array, empty when nothing matches ({@code $.items[1:].name} on {@code {}} is
 * {@code []}); only a step Jayway refuses outright fails them ({@code $[?(@ == 1)]} on a number:
 * {@code Filter: [?] can not be applied to primitives...}). Path functions work on a copy where one
 * could change the data ({@code append()}), and a function Jayway cannot compute ({@code first()}
 * of {@code []}) selects nothing.
 *
 * <p>Variables are looked up through a function that returns null for an unassigned name.
 */
public final class PathEvaluator {
  /** The provider AWS's messages name; as text, so that naming it does not load Jayway. */
  private static final String PROVIDER = "com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider";

  /**
   * Jayway's configurations, in a holder of their own: most Paths are Reference Paths, walked
   * without Jayway, and a machine that has no other kind never loads it.
   */
  private static final class Jayway {
    private static final Configuration DEFINITE =
        Configuration.builder()
            .jsonProvider(new TimedProvider())
            .mappingProvider(new JacksonMappingProvider(Json.MAPPER))
            .options(EnumSet.noneOf(Option.class))
            .build();
    // Recorded on AWS: "$.item.items[1:5]" on {} is [], so a miss below an indefinite step is no
    // error.
    private static final Configuration INDEFINITE = DEFINITE.addOptions(Option.SUPPRESS_EXCEPTIONS);
  }

  /**
   * How long one Jayway evaluation may run. Jayway builds the text of every node's path as it
   * walks, so recursive descents over a deep document grow with a power of its depth: {@code
   * $..*..*[?(@ >= $.a && @)]} ran for over 7 seconds on a 4 KB document 245 levels deep, and one
   * descent more for minutes. Real Paths take microseconds; past this one fails instead.
   */
  static final Duration TIMEOUT = Duration.ofSeconds(1);

  static final String TOO_LONG =
      "The path cannot be evaluated on this input (it ran for more than "
          + TIMEOUT.toSeconds()
          + " second)";

  // Paths come from state machine definitions, so the set is small; the cap only guards misuse.
  private static final int CACHE_LIMIT = 10_000;
  private static final ConcurrentMap<String, JsonPath> COMPILED = new ConcurrentHashMap<>();

  private PathEvaluator() {}

  /**
   * The value {@code path} selects.
   *
   * @throws StatesError {@code States.Runtime} with AWS's cause {@code Invalid path '<path>' :
   *     <reason>} when nothing is selected
   */
  public static JsonNode evaluate(
      AslPath path, JsonNode input, JsonNode context, Function<String, JsonNode> variables) {
    PathResult result = lookup(path, input, context, variables);
    if (result instanceof PathResult.Missing) {
      throw new StatesError("States.Runtime", invalidPathCause(path, (PathResult.Missing) result));
    }
    return ((PathResult.Found) result).value();
  }

  /**
   * The value {@code path} selects, or empty; for callers that report a miss in their own words.
   */
  public static Optional<JsonNode> find(
      AslPath path, JsonNode input, JsonNode context, Function<String, JsonNode> variables) {
    return lookup(path, input, context, variables).toOptional();
  }

  /** The value {@code path} selects, or Jayway's reason why there is none. */
  public static PathResult lookup(
      AslPath path, JsonNode input, JsonNode context, Function<String, JsonNode> variables) {
    JsonNode root = root(path, input, context, variables);
    if (root == null) {
      return new PathResult.Missing("The variable '$" + path.variableName() + "' is not assigned");
    }
    return path.isReferencePath() ? walk(path, root) : jayway(path, root);
  }

  /**
   * The value the Path starts from: the input, the context object, or the variable's value (null
   * when unassigned). Causes such as "could not be found in the input '...'" print it.
   */
  public static JsonNode root(
      AslPath path, JsonNode input, JsonNode context, Function<String, JsonNode> variables) {
    switch (path.root()) {
      case CONTEXT:
        return context == null ? NullNode.instance : context;
      case VARIABLE:
        return variables.apply(path.variableName());
      default:
        return input == null ? NullNode.instance : input;
    }
  }

  /** AWS's cause for a Path that selected nothing in InputPath, OutputPath and the like. */
  public static String invalidPathCause(AslPath path, PathResult.Missing missing) {
    return "Invalid path '" + path.text() + "' : " + missing.reason();
  }

  /** Jayway's evaluation of a definite path of names and indexes, without Jayway. */
  private static PathResult walk(AslPath path, JsonNode root) {
    List<Step> steps = path.steps();
    JsonNode current = root;
    // After an index past the end Jayway carries a Java null, which it reports unlike JSON null.
    boolean absent = false;
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      if (step instanceof Field) {
        String name = ((Field) step).name();
        if (absent || !current.isObject()) {
          return new PathResult.Missing(
              "Expected to find an object with property "
                  + fragments(path).get(i)
                  + " in path "
                  + visited(steps, i)
                  + " but found '"
                  + (absent ? "null" : current.getClass().getName())
                  + "'. This is not a json object according to the JsonProvider: '"
                  + PROVIDER
                  + "'.");
        }
        JsonNode child = current.get(name);
        if (child == null) {
          return new PathResult.Missing(
              i == steps.size() - 1
                  ? "No results for path: $" + String.join("", fragments(path))
                  : "Missing property in path " + visited(steps, i + 1));
        }
        current = child;
      } else {
        int index = ((Index) step).index();
        if (absent) {
          return new PathResult.Missing("The path " + visited(steps, i) + " is null");
        }
        if (!current.isArray()) {
          List<String> fragments = fragments(path);
          return new PathResult.Missing(
              "Filter: "
                  + String.join("", fragments.subList(i, fragments.size()))
                  + " can only be applied to arrays. Current context is: "
                  + Json.compact(current));
        }
        JsonNode child = current.get(index < 0 ? current.size() + index : index);
        absent = child == null;
        current = child;
      }
    }
    return new PathResult.Found(absent ? NullNode.instance : current);
  }

  /**
   * The nodes {@code steps[0..n)} visited, as Jayway names them: with single quotes, whatever
   * quotes the path used ({@code $['a'][0]}). Built only when a failure reports it: building it
   * along the walk cost a string append per step of every Path. ResultPath's failures name the
   * place they stopped at the same way.
   */
  static String visited(List<Step> steps, int n) {
    StringBuilder at = new StringBuilder("$");
    for (int k = 0; k < n; k++) {
      Step step = steps.get(k);
      if (step instanceof Field field) {
        at.append("['").append(field.name()).append("']");
      } else {
        at.append('[').append(((Index) step).index()).append(']');
      }
    }
    return at.toString();
  }

  /**
   * Each step as Jayway prints it in failure texts: {@code ['a']}, or {@code ["a"]} when the path
   * wrote double quotes, and {@code [0]}. Read off Jayway's own rendering; only failures need it.
   */
  private static List<String> fragments(AslPath path) {
    String rendered = compile(path).getPath();
    List<String> fragments = new ArrayList<>();
    int at = 1;
    for (Step step : path.steps()) {
      String fragment;
      if (step instanceof Field) {
        String name = ((Field) step).name();
        String doubleQuoted = "[\"" + name + "\"]";
        fragment = rendered.startsWith(doubleQuoted, at) ? doubleQuoted : "['" + name + "']";
      } else {
        fragment = "[" + ((Index) step).index() + "]";
      }
      fragments.add(fragment);
      at += fragment.length();
    }
    return fragments;
  }

  private static PathResult jayway(AslPath path, JsonNode root) {
    JsonPath compiled = compile(path);
    // Jayway's append() adds to the very array it is applied to: let it change a copy, never the
    // state's data, which other states and the history share.
    boolean appends = path.text().contains("append");
    JsonNode document = appends ? root.deepCopy() : root;
    JsonNode value;
    Clock clock = Clock.start(TIMEOUT.toNanos());
    try {
      if (compiled.isDefinite()) {
        value = toNode(compiled.read(document, Jayway.DEFINITE));
      } else {
        Object result = compiled.read(document, Jayway.INDEFINITE);
        value =
            result instanceof ArrayNode
                ? (ArrayNode) result
                : Json.MAPPER.createArrayNode().add(toNode(result));
      }
    } catch (JsonPathException e) {
      // Suppressing exceptions only hides misses: a filter on a number, say, still throws.
      // Jayway names its provider in some messages: name Jackson's, as AWS's messages do.
      return new PathResult.Missing(
          clock.expired()
              ? TOO_LONG
              : String.valueOf(e.getMessage()).replace(TimedProvider.class.getName(), PROVIDER));
    } catch (RuntimeException e) {
      if (clock.expired()) {
        return new PathResult.Missing(TOO_LONG);
      }
      // Jayway's own defects, such as first() on an empty array (IndexOutOfBoundsException).
      return new PathResult.Missing(
          "The path cannot be evaluated on this input ("
              + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : ": " + e.getMessage())
              + ")");
    } catch (StackOverflowError e) {
      // append() can put an array inside itself, which recursive descent then walks forever.
      return new PathResult.Missing(CONTAINS_ITSELF);
    } finally {
      clock.stop();
    }
    // With SUPPRESS_EXCEPTIONS Jayway swallows the clock's exception and answers what it has.
    if (clock.expired()) {
      return new PathResult.Missing(TOO_LONG);
    }
    // A value that contains itself has no JSON text: writing it out would never end.
    return appends && containsItself(value, new IdentityHashMap<>())
        ? new PathResult.Missing(CONTAINS_ITSELF)
        : new PathResult.Found(value);
  }

  private static final String CONTAINS_ITSELF =
      "The path cannot be evaluated on this input (append() made a value that contains itself)";

  /** Whether {@code node} is among its own descendants; {@code ancestors} are those above it. */
  private static boolean containsItself(
      JsonNode node, IdentityHashMap<JsonNode, Boolean> ancestors) {
    if (!node.isContainerNode()) {
      return false;
    }
    if (ancestors.put(node, Boolean.TRUE) != null) {
      return true;
    }
    for (JsonNode child : node) {
      if (containsItself(child, ancestors)) {
        return true;
      }
    }
    ancestors.remove(node);
    return false;
  }

  private static JsonNode toNode(Object value) {
    if (value == null) {
      return NullNode.instance;
    }
    // Jayway functions such as length() answer with plain Java numbers.
    return value instanceof JsonNode ? (JsonNode) value : Json.MAPPER.valueToTree(value);
  }

  private static JsonPath compile(AslPath path) {
    String text = path.jsonPathOnRoot();
    JsonPath compiled = COMPILED.get(text);
    if (compiled == null) {
      io.asl4j.dsl.internal.JaywayLogging.beforeFirstUse();
      compiled = JsonPath.compile(text);
      if (COMPILED.size() < CACHE_LIMIT) {
        COMPILED.putIfAbsent(text, compiled);
      }
    }
    return compiled;
  }

  /**
   * The clock of the Jayway evaluation running on this thread: Jayway asks its JSON provider about
   * every node it visits, and {@link TimedProvider} looks at the clock every 256 questions. Once
   * the time is up every question fails, so the evaluation unwinds even where Jayway catches.
   */
  private static final class Clock {
    private static final ThreadLocal<Clock> CURRENT = new ThreadLocal<>();

    private static final class TimeUp extends RuntimeException {
      TimeUp() {
        super(TOO_LONG, null, false, false);
      }
    }

    private final long deadline;
    private int questions;
    private boolean expired;

    private Clock(long deadline) {
      this.deadline = deadline;
    }

    static Clock start(long timeoutNanos) {
      Clock clock = new Clock(System.nanoTime() + timeoutNanos);
      CURRENT.set(clock);
      return clock;
    }

    static void tick() {
      Clock clock = CURRENT.get();
      if (clock == null) {
        return;
      }
      if (!clock.expired && (++clock.questions & 255) == 0 && System.nanoTime() > clock.deadline) {
        clock.expired = true;
      }
      if (clock.expired) {
        throw new TimeUp();
      }
    }

    boolean expired() {
      return expired;
    }

    void stop() {
      CURRENT.remove();
    }
  }

  /** Jackson nodes for Jayway, with {@link Clock#tick()} on each question about a node. */
  private static final class TimedProvider extends JacksonJsonNodeJsonProvider {
    TimedProvider() {
      super(Json.MAPPER);
    }

    @Override
    public boolean isArray(Object value) {
      Clock.tick();
      return super.isArray(value);
    }

    @Override
    public boolean isMap(Object value) {
      Clock.tick();
      return super.isMap(value);
    }

    @Override
    public Object getMapValue(Object value, String key) {
      Clock.tick();
      return super.getMapValue(value, key);
    }

    @Override
    public Object getArrayIndex(Object value, int index) {
      Clock.tick();
      return super.getArrayIndex(value, index);
    }
  }
}
