package io.asl4j.dsl.builder;

import io.asl4j.dsl.model.ChoiceRule;
import io.asl4j.dsl.model.ChoiceState;
import io.asl4j.dsl.model.QueryLanguage;
import io.asl4j.dsl.model.State;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A {@code Choice} state: goes to the target of the first rule that holds, else to {@link
 * #otherwise}. It has no {@code next()}: leave it through its rules, {@code otherwise()}, or {@link
 * #afterwards()}, which rejoins all branches (CDK's {@code afterwards}).
 *
 * <pre>{@code
 * StringPath priority = JsonPaths.input().string("priority");
 * NumberPath total = JsonPaths.input().number("total");
 * Chain chain = Chain.start(validate)
 *     .next(Choice.jsonPath("CheckPriority")
 *         .when(priority.eq("express"), expressShip)
 *         .when(total.gt(100), expressShip)
 *         .otherwise(standardShip)
 *         .afterwards())
 *     .next(notifyAndUpdate);
 *
 * Choice.jsonata("Route").when("{% $states.input.priority = 'HIGH' %}", expedite).otherwise(normal);
 * }</pre>
 *
 * @param <S> the concrete Choice type
 * @see <a href="https://states-language.net/spec.html#choice-state">Choice state</a>
 */
public abstract sealed class Choice<S extends Choice<S>> extends StateBuilder<S>
    implements Assigning<S> permits Choice.JsonPath, Choice.Jsonata {
  final List<ChoiceRuleSpec> rules = new ArrayList<>();
  private final List<Chainable> branches = new ArrayList<>();
  StateBuilder<?> otherwise;
  boolean choicesAbsent;

  Choice(String name, QueryLanguage language) {
    super(name, language);
  }

  /** A JSONPath Choice state. */
  public static JsonPath jsonPath(String name) {
    return new JsonPath(name);
  }

  /** A JSONata Choice state. */
  public static Jsonata jsonata(String name) {
    return new Jsonata(name);
  }

  /**
   * Sets {@code Default}, where to go when no rule holds. Defaults to none: then no match fails
   * with {@code States.NoChoiceMatched}.
   */
  public final S otherwise(Chainable target) {
    Objects.requireNonNull(target, "target == null");
    if (otherwise != null) {
      throw new IllegalStateException("Choice '" + name() + "' already has an otherwise");
    }
    otherwise = target.startState();
    branches.add(target);
    return self();
  }

  /**
   * A chain that continues after every branch of this Choice: {@code next()} on it connects the
   * open ends of each rule's target and of the {@link #otherwise} target, and, when there is no
   * otherwise yet, becomes the {@code Default}.
   */
  public final Chain afterwards() {
    List<OpenEnd> ends = new ArrayList<>();
    for (Chainable branch : branches) {
      for (OpenEnd end : Ends.of(branch)) {
        if (!ends.contains(end)) {
          ends.add(end);
        }
      }
    }
    if (otherwise == null) {
      ends.add(target -> otherwise = target);
    }
    return new Chain(this, ends);
  }

  final S addRule(ChoiceRuleSpec rule, Chainable target) {
    Objects.requireNonNull(target, "target == null");
    rules.add(rule.withTarget(target.startState()));
    branches.add(target);
    return self();
  }

  @Override
  final State toModel(BuildContext context, String pointer) {
    List<ChoiceRule> models = null;
    if (!choicesAbsent || !rules.isEmpty()) {
      models = new ArrayList<>();
      for (ChoiceRuleSpec rule : rules) {
        models.add(rule.toModel());
      }
    }
    return new ChoiceState(
        comment,
        modelLanguage(context.machineLanguage),
        io,
        models,
        otherwise == null ? null : otherwise.name());
  }

  @Override
  final List<StateBuilder<?>> successors() {
    List<StateBuilder<?>> successors = new ArrayList<>();
    for (ChoiceRuleSpec rule : rules) {
      successors.add(rule.target());
    }
    if (otherwise != null) {
      successors.add(otherwise);
    }
    return successors;
  }

  /**
   * A JSONPath Choice: rules are {@link Condition}s; {@code InputPath} and {@code OutputPath}.
   *
   * <pre>{@code
   * Choice.jsonPath("IsPaymentApproved")
   *     .when(JsonPaths.input().string("paymentStatus").eq("APPROVED"), fulfillOrder)
   *     .otherwise(sendPaymentFailed)
   * }</pre>
   */
  public static final class JsonPath extends Choice<JsonPath>
      implements JsonPathFields.InputOutput<JsonPath> {
    JsonPath(String name) {
      super(name, QueryLanguage.JSONPATH);
    }

    /** Adds a rule: when {@code condition} holds, go to {@code target}. */
    public JsonPath when(Condition condition, Chainable target) {
      return when(Rule.when(condition), target);
    }

    /** Adds a rule with a {@code Comment}. */
    public JsonPath when(Condition condition, Chainable target, String comment) {
      return when(Rule.when(condition).comment(comment), target);
    }

    /** Adds a rule with its own {@code Comment} or {@code Assign}. */
    public JsonPath when(Rule rule, Chainable target) {
      return addRule(rule.spec(), target);
    }
  }

  /**
   * A JSONata Choice: rules are {@code "{% ... %}"} conditions; {@code Output}.
   *
   * <pre>{@code
   * Choice.jsonata("Route").when("{% $states.input.total > 100 %}", express).otherwise(standard)
   * }</pre>
   */
  public static final class Jsonata extends Choice<Jsonata>
      implements JsonataFields.Output<Jsonata> {
    Jsonata(String name) {
      super(name, QueryLanguage.JSONATA);
    }

    /** Adds a rule: when the {@code "{% ... %}"} condition is true, go to {@code target}. */
    public Jsonata when(String condition, Chainable target) {
      return when(Rule.jsonata(condition), target);
    }

    /** Adds a rule with its own {@code Comment}, {@code Assign} or {@code Output}. */
    public Jsonata when(Rule.Jsonata rule, Chainable target) {
      return addRule(rule.spec(), target);
    }
  }
}
