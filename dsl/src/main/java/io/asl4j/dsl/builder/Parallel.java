package io.asl4j.dsl.builder;

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
  public static final class JsonPath extends Parallel<JsonPath>
      implements JsonPathFields.ResultSelector<JsonPath> {
    JsonPath(String name) {
      super(name, QueryLanguage.JSONPATH);
    }
  }

  /**
   * A JSONata Parallel state: {@code Arguments}, {@code Output}.
   *
   * <pre>{@code
   * Parallel.jsonata("FanOut").branch(a).branch(b).output("{% $states.result[0] %}")
   * }</pre>
   */
  public static final class Jsonata extends Parallel<Jsonata>
      implements JsonataFields.Arguments<Jsonata> {
    Jsonata(String name) {
      super(name, QueryLanguage.JSONATA);
    }
  }
}
