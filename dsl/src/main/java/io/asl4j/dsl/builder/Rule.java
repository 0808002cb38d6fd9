package io.asl4j.dsl.builder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A Choice rule with more than a condition: a {@code Comment} or an {@code Assign} (and, in
 * JSONata, an {@code Output}). Immutable. Most rules need only {@code choice.when(condition,
 * target)}.
 *
 * <pre>{@code
 * choice.when(Rule.when(total.gt(100)).comment("big orders").assign(Payload.object().put("big", true)), express);
 * jsonataChoice.when(Rule.jsonata("{% $states.input.vip %}").output("{% $states.input.order %}"), vip);
 * }</pre>
 */
public final class Rule implements CommentAndAssign<Rule> {
  private final ChoiceRuleSpec spec;

  private Rule(ChoiceRuleSpec spec) {
    this.spec = spec;
  }

  /**
   * A JSONPath rule on {@code condition}. A {@linkplain Condition#comment comment} on the condition
   * becomes the rule's {@code Comment}: ASL has one {@code Comment} on a top-level rule.
   */
  public static Rule when(Condition condition) {
    Objects.requireNonNull(condition, "condition == null");
    String comment = condition.toModel().comment();
    io.asl4j.dsl.model.Condition model =
        comment == null ? condition.toModel() : condition.comment(null).toModel();
    return new Rule(new ChoiceRuleSpec(model, null, comment, null, null));
  }

  /** A JSONata rule on a {@code "{% ... %}"} condition. */
  public static Jsonata jsonata(String condition) {
    return jsonata(TextNode.valueOf(Objects.requireNonNull(condition, "condition == null")));
  }

  /** A JSONata rule on a literal condition ({@code true} always matches). */
  public static Jsonata jsonata(boolean condition) {
    return jsonata(BooleanNode.valueOf(condition));
  }

  /** A JSONata rule on a condition value as read from ASL. */
  public static Jsonata jsonata(JsonNode condition) {
    return new Jsonata(
        new ChoiceRuleSpec(
            new io.asl4j.dsl.model.Condition.Jsonata(condition), null, null, null, null));
  }

  ChoiceRuleSpec spec() {
    return spec;
  }

  /** A copy of {@code rule} (a Rule or Rule.Jsonata) with its spec changed. */
  @SuppressWarnings("unchecked")
  static <R> R withSpec(Object rule, UnaryOperator<ChoiceRuleSpec> change) {
    if (rule instanceof Jsonata r) {
      return (R) new Jsonata(change.apply(r.spec));
    }
    return (R) new Rule(change.apply(((Rule) rule).spec));
  }

  /**
   * A JSONata Choice rule.
   *
   * <pre>{@code
   * Rule.jsonata("{% $states.input.vip %}").comment("VIPs first")
   * }</pre>
   */
  public static final class Jsonata implements CommentAndAssign<Jsonata> {
    private final ChoiceRuleSpec spec;

    private Jsonata(ChoiceRuleSpec spec) {
      this.spec = spec;
    }

    /** Sets the rule's {@code Output}, the Choice's output when it matches. Defaults to none. */
    public Jsonata output(JsonNode output) {
      return new Jsonata(spec.withOutput(output));
    }

    /** Sets the rule's {@code Output} to a {@code "{% ... %}"} expression. */
    public Jsonata output(String expression) {
      return output(TextNode.valueOf(expression));
    }

    ChoiceRuleSpec spec() {
      return spec;
    }
  }
}
