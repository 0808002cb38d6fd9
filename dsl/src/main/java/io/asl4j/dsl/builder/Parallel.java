package io.asl4j.dsl.builder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.asl4j.dsl.model.NullablePath;
import io.asl4j.dsl.model.ParallelState;
import io.asl4j.dsl.model.QueryLanguage;
import io.asl4j.dsl.model.State;
import io.asl4j.dsl.model.StateGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A {@code Parallel} state: runs every branch on the same input; its result is the array of their
 * outputs.
 *
 * <pre>{@code
 * Parallel.JsonPath fulfill = Parallel.jsonPath("FulfillOrder")
 *     .branch(updateInventory)
 *     .branch(sendConfirmationEmail)
 *     .catching(Catch.all().to(orderFailed));
 * }</pre>
 *
 * @param <S> the concrete Parallel type
 * @see <a href="https://states-language.net/spec.html#parallel-state">Parallel state</a>
 */
public abstract sealed class Parallel<S extends Parallel<S>> extends ErrorHandlingState<S>
    permits Parallel.JsonPath, Parallel.Jsonata {
  final List<Branch> branches = new ArrayList<>();

  Parallel(String name, QueryLanguage language) {
    super(name, language);
  }

  /** A JSONPath Parallel state. */
  public static JsonPath jsonPath(String name) {
    return new JsonPath(name);
  }

  /** A JSONata Parallel state. */
  public static Jsonata jsonata(String name) {
    return new Jsonata(name);
  }

  /** Adds a branch starting at {@code start}. At least one is required. */
  public final S branch(Chainable start) {
    return branch(Branch.of(start));
  }

  /** Adds a branch. At least one is required. */
  public final S branch(Branch branch) {
    branches.add(Objects.requireNonNull(branch, "branch == null"));
    return self();
  }

  @Override
  final State toModel(BuildContext context, String pointer) {
    List<StateGraph> graphs = new ArrayList<>();
    for (int i = 0; i < branches.size(); i++) {
      graphs.add(branches.get(i).toGraph(context, pointer + "/Branches/" + i));
    }
    return new ParallelState(
        comment,
        modelLanguage(context.machineLanguage),
        io,
        graphs,
        retriers,
        catcherModels(),
        nextName(),
        endValue());
  }

  /**
   * A JSONPath Parallel state: {@code InputPath}, {@code Parameters}, {@code ResultSelector},
   * {@code ResultPath}, {@code OutputPath}.
   *
   * <pre>{@code
   * Parallel.jsonPath("FanOut").branch(a).branch(b).resultPath("$.results")
   * }</pre>
   */
  public static final class JsonPath extends Parallel<JsonPath> {
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

    /** Sets {@code Parameters}, the payload template of the state's input. Defaults to none. */
    public JsonPath parameters(JsonNode parameters) {
      io = io.withParameters(parameters);
      return this;
    }

    /** Sets {@code Parameters} from a payload; see {@link #parameters(JsonNode)}. */
    public JsonPath parameters(Payload parameters) {
      return parameters(json(parameters));
    }

    /** Sets {@code ResultSelector}, a payload template over the result. Defaults to none. */
    public JsonPath resultSelector(JsonNode selector) {
      io = io.withResultSelector(selector);
      return this;
    }

    /** Sets {@code ResultSelector} from a payload; see {@link #resultSelector(JsonNode)}. */
    public JsonPath resultSelector(Payload selector) {
      return resultSelector(json(selector));
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

    /** Adds catchers, tried in order after the retriers are exhausted. */
    public JsonPath catching(Catch... catchers) {
      for (Catch c : catchers) {
        addCatch(Objects.requireNonNull(c, "catcher == null").spec());
      }
      return this;
    }

    /** Adds catchers with JsonPath-only fields. */
    public JsonPath catching(Catch.JsonPath... catchers) {
      for (Catch.JsonPath c : catchers) {
        addCatch(Objects.requireNonNull(c, "catcher == null").spec());
      }
      return this;
    }
  }

  /**
   * A JSONata Parallel state: {@code Arguments}, {@code Output}.
   *
   * <pre>{@code
   * Parallel.jsonata("FanOut").branch(a).branch(b).output("{% $states.result[0] %}")
   * }</pre>
   */
  public static final class Jsonata extends Parallel<Jsonata> {
    Jsonata(String name) {
      super(name, QueryLanguage.JSONATA);
    }

    /** Sets {@code Arguments}, the input of the task or branches. Defaults to the state input. */
    public Jsonata arguments(JsonNode arguments) {
      io = io.withArguments(arguments);
      return this;
    }

    /** Sets {@code Arguments} from a payload; see {@link #arguments(JsonNode)}. */
    public Jsonata arguments(Payload arguments) {
      return arguments(json(arguments));
    }

    /** Sets {@code Arguments} to one {@code "{% ... %}"} expression. */
    public Jsonata arguments(String expression) {
      return arguments(TextNode.valueOf(expression));
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

    /** Adds catchers, tried in order after the retriers are exhausted. */
    public Jsonata catching(Catch... catchers) {
      for (Catch c : catchers) {
        addCatch(Objects.requireNonNull(c, "catcher == null").spec());
      }
      return this;
    }

    /** Adds catchers with Jsonata-only fields. */
    public Jsonata catching(Catch.Jsonata... catchers) {
      for (Catch.Jsonata c : catchers) {
        addCatch(Objects.requireNonNull(c, "catcher == null").spec());
      }
      return this;
    }
  }
}
