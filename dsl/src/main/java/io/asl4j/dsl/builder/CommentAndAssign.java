package io.asl4j.dsl.builder;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * {@code Comment} and {@code Assign}: the fields that a catcher ({@link Catch}) and a Choice rule
 * ({@link Rule}) share, in either query language. Both are immutable: each setter returns a new
 * value of the same type. Sealed: only those builder types implement it.
 *
 * <pre>{@code
 * Catch.all().comment("anything else").assign(Payload.object().put("failed", true)).to(cleanUp);
 * Rule.when(total.gt(100)).comment("big orders").assign(Payload.object().put("big", true));
 * }</pre>
 *
 * @param <T> the catcher or rule type, returned by the setters
 */
public sealed interface CommentAndAssign<T extends CommentAndAssign<T>>
    permits CommentAndAssign.CatchFields, Rule, Rule.Jsonata {

  /** Sets {@code Comment}. Defaults to none. */
  default T comment(String comment) {
    return change(this, spec -> spec.withComment(comment), spec -> spec.withComment(comment));
  }

  /**
   * Sets {@code Assign}: variables set when this catcher or rule is taken (a catcher's are
   * evaluated against the error output). Defaults to none.
   */
  default T assign(JsonNode assign) {
    return change(this, spec -> spec.withAssign(assign), spec -> spec.withAssign(assign));
  }

  /** Sets {@code Assign} from a payload template; see {@link #assign(JsonNode)}. */
  default T assign(Payload assign) {
    return assign(Objects.requireNonNull(assign, "assign == null").toJson());
  }

  private static <T> T change(
      Object value,
      UnaryOperator<CatchSpec> catchChange,
      UnaryOperator<ChoiceRuleSpec> ruleChange) {
    return value instanceof CatchFields<?>
        ? Catch.withSpec(value, catchChange)
        : Rule.withSpec(value, ruleChange);
  }

  /**
   * A catcher in either language: also {@code Next}, the fallback state.
   *
   * @param <C> the catcher type, returned by the setters
   */
  sealed interface CatchFields<C extends CatchFields<C>> extends CommentAndAssign<C>
      permits Catch, Catch.JsonPath, Catch.Jsonata {

    /** Sets {@code Next}, the state to continue at. Required. */
    default C to(Chainable target) {
      Objects.requireNonNull(target, "target == null");
      return Catch.withSpec(this, spec -> spec.withTarget(target));
    }
  }
}
