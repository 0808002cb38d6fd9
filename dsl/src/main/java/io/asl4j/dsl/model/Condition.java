package io.asl4j.dsl.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The test of a Choice rule: a comparison of a {@code Variable} (JSONPath), a boolean combination
 * of conditions, or a JSONata {@code Condition}.
 */
public sealed interface Condition
    permits Condition.Comparison, Condition.And, Condition.Or, Condition.Not, Condition.Jsonata {

  /** The {@code Comment} on a nested rule, or {@code null}. */
  String comment();

  /**
   * {@code {"Variable": "$.x", "<Operator>": operand}}.
   *
   * @param operand the operator's value: a literal, or a path string for {@code *Path} operators
   */
  record Comparison(String variable, ComparisonOperator operator, JsonNode operand, String comment)
      implements Condition {}

  /** {@code {"And": [...]}}. */
  record And(List<Condition> conditions, String comment) implements Condition {
    public And {
      conditions = List.copyOf(conditions);
    }
  }

  /** {@code {"Or": [...]}}. */
  record Or(List<Condition> conditions, String comment) implements Condition {
    public Or {
      conditions = List.copyOf(conditions);
    }
  }

  /** {@code {"Not": {...}}}. */
  record Not(Condition condition, String comment) implements Condition {}

  /** JSONata {@code "Condition"}: a {@code "{% %}"} string or a boolean literal. */
  record Jsonata(JsonNode condition) implements Condition {
    @Override
    public String comment() {
      return null;
    }
  }
}
