package io.asl4j.dsl.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.asl4j.dsl.model.GraphWalker;
import io.asl4j.dsl.model.State;
import io.asl4j.dsl.model.StateMachine;
import io.asl4j.dsl.model.StateMachineType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * One validation of one definition: walks the model once, collecting every problem with its
 * pointer. The rules live in {@link GraphRules} (names, transitions, reachability, and the walk
 * over states), {@link FieldRules}, {@link MapRules} and {@link ExpressionRules}. Not thread-safe;
 * {@link Validator} makes a new one per call.
 */
final class ValidationRun {
  private final ValidationOptions options;
  private final ExpressionSyntax syntax;

  /** What the reader could not read (see {@link io.asl4j.dsl.json.AslReader.Reading#unread()}). */
  private Set<String> unread = Set.of();

  /** The document the model was read from, for the states the reader left out. */
  private JsonNode document;

  ValidationRun(ValidationOptions options, ExpressionSyntax syntax) {
    this.options = options;
    this.syntax = syntax;
  }

  /**
   * Validates what a reader could read of {@code document}: what it left out or left empty is not
   * reported again, and states it left out still count as targets, with the transitions the
   * document gives them.
   */
  ValidationRun partial(Set<String> unread, JsonNode document) {
    this.unread = unread;
    this.document = document;
    return this;
  }

  List<Problem> machine(StateMachine machine) {
    Rules.Run run =
        new Rules.Run(options, syntax, unread, document, machine.defaultQueryLanguage(), false);
    GraphRules graphs = run.graphs;
    GraphWalker.walk(machine, "", graphs::name);
    GraphWalker.walk(machine, "", graphs::failError);
    if (machine.timeoutSeconds() != null) {
      graphs.range(
          BigDecimal.valueOf(machine.timeoutSeconds()),
          "/TimeoutSeconds",
          "TimeoutSeconds",
          Rules.POSITIVE_BELOW_LIMIT);
    }
    graphs.graph(machine, "", options.type() == StateMachineType.EXPRESS);
    return run.problems;
  }

  /**
   * A lone state, as the TestState API takes it: it has no scope, so its own transitions are not
   * checked.
   */
  List<Problem> state(State state) {
    Rules.Run run = new Rules.Run(options, syntax, unread, document, null, true);
    GraphRules graphs = run.graphs;
    GraphWalker.walkNested(state, "", graphs::name);
    graphs.failError(null, state, "");
    GraphWalker.walkNested(state, "", graphs::failError);
    graphs.state(state, "", options.type() == StateMachineType.EXPRESS, null);
    return run.problems;
  }
}
