package io.asl4j.runtime.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.asl4j.dsl.model.ChoiceRule;
import io.asl4j.dsl.model.ChoiceState;
import io.asl4j.dsl.model.ComparisonOperator;
import io.asl4j.dsl.model.Condition;
import io.asl4j.runtime.internal.expression.JsonNumbers;
import java.time.Instant;
import java.util.Map;

/**
 * The Choice state: the first rule whose condition holds picks the next state, else {@code
 * Default}, else {@code States.NoChoiceMatched}. A comparison whose value has the wrong type is
 * false, never an error; numbers compare by value ({@code 0 == 0.0}); timestamps compare as
 * instants.
 */
final class ChoiceExecutor {
  private ChoiceExecutor() {}

  static void execute(StateContext step, ChoiceState choice) {
    boolean jsonata = step.jsonata();
    JsonNode rawInput = step.rawInput();
    Data data = step.data();
    JsonNode effective = jsonata ? rawInput : step.applyPath(choice.io().inputPath(), rawInput);
    step.inspect("afterInputPath", effective);
    JsonNode states = jsonata ? step.statesVariable(null, null) : null;
    ChoiceRule matched = null;
    for (ChoiceRule rule : choice.choices()) {
      if (matches(rule.condition(), effective, step, data, states)) {
        matched = rule;
        break;
      }
    }
    if (matched == null && choice.defaultState() == null) {
      step.fail("States.NoChoiceMatched", "No Matches!");
      return;
    }
    // A matched rule's own Output and Assign stand for the state's.
    JsonNode output =
        matched != null && matched.output() != null ? matched.output() : choice.io().output();
    JsonNode assign =
        matched != null && matched.assign() != null ? matched.assign() : choice.io().assign();
    Completed completed;
    if (jsonata) {
      JsonNode out = output != null ? data.jsonata(output, "Output", states, step) : rawInput;
      completed = new Completed(out, step.assignJsonata(assign, states, "Assign"));
    } else if (matched != null) {
      Map<String, JsonNode> assigned = step.assignJsonPath(assign, effective);
      completed = new Completed(step.applyPath(choice.io().outputPath(), effective), assigned);
    } else {
      JsonNode out = step.applyPath(choice.io().outputPath(), effective);
      completed = new Completed(out, step.assignJsonPath(assign, effective));
    }
    String next = matched != null ? matched.next() : choice.defaultState();
    step.exitTo(next, completed);
  }

  static boolean matches(
      Condition condition, JsonNode input, Data.Environment env, Data data, JsonNode states) {
    if (condition instanceof Condition.Jsonata jsonata) {
      JsonNode value = jsonata.condition();
      if (value.isTextual()) {
        value = data.jsonata(value, "Condition", states, env);
      }
      if (!value.isBoolean()) {
        throw Data.unexpectedType(jsonata.condition(), "Condition", "boolean", value);
      }
      return value.booleanValue();
    }
    if (condition instanceof Condition.And and) {
      for (Condition c : and.conditions()) {
        if (!matches(c, input, env, data, states)) {
          return false;
        }
      }
      return true;
    }
    if (condition instanceof Condition.Or or) {
      for (Condition c : or.conditions()) {
        if (matches(c, input, env, data, states)) {
          return true;
        }
      }
      return false;
    }
    if (condition instanceof Condition.Not not) {
      return !matches(not.condition(), input, env, data, states);
    }
    Condition.Comparison comparison = (Condition.Comparison) condition;
    return compare(comparison, input, env, data);
  }

  private static boolean compare(
      Condition.Comparison comparison, JsonNode input, Data.Environment env, Data data) {
    ComparisonOperator operator = comparison.operator();
    if (operator == ComparisonOperator.IS_PRESENT) {
      boolean present = data.pathOrNull(comparison.variable(), input, env) != null;
      return present == comparison.operand().asBoolean();
    }
    JsonNode value =
        operator.kind() == ComparisonOperator.Kind.TYPE_TEST
            ? data.pathOrNull(comparison.variable(), input, env)
            : data.path(comparison.variable(), input, env);
    JsonNode operand =
        operator.isPath()
            ? data.path(comparison.operand().asText(), input, env)
            : comparison.operand();
    switch (operator.kind()) {
      case TYPE_TEST:
        return typeTest(operator, value) == operand.asBoolean();
      case STRING:
        return value.isTextual()
            && operand.isTextual()
            && order(operator, value.textValue().compareTo(operand.textValue()));
      case STRING_PATTERN:
        return value.isTextual()
            && operand.isTextual()
            && Wildcards.matches(operand.textValue(), value.textValue());
      case NUMERIC:
        return value.isNumber()
            && operand.isNumber()
            && order(operator, compareNumbers(value, operand));
      case BOOLEAN:
        return value.isBoolean()
            && operand.isBoolean()
            && value.booleanValue() == operand.booleanValue();
      case TIMESTAMP:
        {
          Instant left = value.isTextual() ? JsonValues.parseTimestamp(value.textValue()) : null;
          Instant right =
              operand.isTextual() ? JsonValues.parseTimestamp(operand.textValue()) : null;
          return left != null && right != null && order(operator, left.compareTo(right));
        }
      default:
        throw new AssertionError(operator);
    }
  }

  private static boolean typeTest(ComparisonOperator operator, JsonNode value) {
    if (value == null) {
      return false;
    }
    switch (operator) {
      case IS_NULL:
        return value.isNull();
      case IS_NUMERIC:
        return value.isNumber();
      case IS_STRING:
        return value.isTextual();
      case IS_BOOLEAN:
        return value.isBoolean();
      case IS_TIMESTAMP:
        return value.isTextual() && JsonValues.parseTimestamp(value.textValue()) != null;
      default:
        throw new AssertionError(operator);
    }
  }

  /** Whether a comparison result satisfies the operator's relation. */
  private static boolean order(ComparisonOperator operator, int cmp) {
    switch (RELATIONS[operator.ordinal()]) {
      case GREATER_OR_EQUAL:
        return cmp >= 0;
      case LESS_OR_EQUAL:
        return cmp <= 0;
      case GREATER:
        return cmp > 0;
      case LESS:
        return cmp < 0;
      default:
        return cmp == 0;
    }
  }

  private enum Relation {
    EQUAL,
    GREATER,
    GREATER_OR_EQUAL,
    LESS,
    LESS_OR_EQUAL
  }

  /** Each operator's relation, read off its name once (per comparison it cost a string replace). */
  private static final Relation[] RELATIONS = relations();

  private static Relation[] relations() {
    ComparisonOperator[] operators = ComparisonOperator.values();
    Relation[] relations = new Relation[operators.length];
    for (ComparisonOperator operator : operators) {
      String name = operator.aslName().replace("Path", "");
      relations[operator.ordinal()] =
          name.endsWith("GreaterThanEquals")
              ? Relation.GREATER_OR_EQUAL
              : name.endsWith("LessThanEquals")
                  ? Relation.LESS_OR_EQUAL
                  : name.endsWith("GreaterThan")
                      ? Relation.GREATER
                      : name.endsWith("LessThan") ? Relation.LESS : Relation.EQUAL;
    }
    return relations;
  }

  /** Numbers compared by value; int and long ones without making BigDecimals. */
  private static int compareNumbers(JsonNode left, JsonNode right) {
    if ((left.isInt() || left.isLong()) && (right.isInt() || right.isLong())) {
      return Long.compare(left.longValue(), right.longValue());
    }
    return JsonNumbers.compare(left, right);
  }
}
