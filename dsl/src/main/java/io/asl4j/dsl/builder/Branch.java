package io.asl4j.dsl.builder;

import io.asl4j.dsl.model.ItemProcessor;
import io.asl4j.dsl.model.ProcessorConfig;
import io.asl4j.dsl.model.StateGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A nested graph: a Parallel branch or a Map's item processor. Its states are those reachable from
 * its start (plus any {@linkplain #include included} ones); transitions cannot leave it.
 *
 * <pre>{@code
 * Parallel.jsonPath("FulfillOrder")
 *     .branch(Branch.of(updateInventory).comment("stock"))
 *     .branch(sendConfirmationEmail);
 * }</pre>
 */
public final class Branch {
  private final StateBuilder<?> start;
  private final String comment;
  private final List<StateBuilder<?>> extra;

  private Branch(StateBuilder<?> start, String comment, List<StateBuilder<?>> extra) {
    this.start = start;
    this.comment = comment;
    this.extra = List.copyOf(extra);
  }

  /** A graph starting at {@code start}. */
  public static Branch of(Chainable start) {
    return new Branch(Objects.requireNonNull(start, "start == null").startState(), null, List.of());
  }

  /** Sets the graph's {@code Comment}. Defaults to none. */
  public Branch comment(String comment) {
    return new Branch(start, comment, extra);
  }

  /** Adds states that no transition reaches (AWS accepts them; the validator warns). */
  public Branch include(StateBuilder<?>... states) {
    List<StateBuilder<?>> all = new ArrayList<>(extra);
    all.addAll(List.of(states));
    return new Branch(start, comment, all);
  }

  StateGraph toGraph(BuildContext context, String pointer) {
    return new StateGraph(comment, start.name(), context.graph(start, extra, pointer));
  }

  ItemProcessor toProcessor(ProcessorConfig config, BuildContext context, String pointer) {
    return new ItemProcessor(config, comment, start.name(), context.graph(start, extra, pointer));
  }
}
