package io.asl4j.dsl.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.asl4j.dsl.model.ChoiceRule;
import io.asl4j.dsl.model.ComparisonOperator;
import io.asl4j.dsl.model.Condition;
import io.asl4j.dsl.validate.Problem;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Reads a Choice state's rules and their conditions, to any depth. */
final class ChoiceReader extends FieldReader {
  ChoiceReader(FieldReader shared) {
    super(shared);
  }

  // ---- Choice rules -----------------------------------------------------------------------------

  List<ChoiceRule> choices(JsonNode json, String at) {
    return objectList(
        json, "Choices", at, "an array of choice rules", "a choice rule object", this::rule);
  }

  private ChoiceRule rule(JsonNode r, String rAt) {
    Condition condition = condition(r, rAt, true);
    // Read even when the condition is broken, so that all of the rule's problems are reported.
    String next = string(r, "Next", rAt);
    String comment = string(r, "Comment", rAt);
    if (condition == null) {
      unread.add(rAt);
      return null;
    }
    return new ChoiceRule(condition, next, comment, r.get("Assign"), r.get("Output"));
  }

  private Condition condition(JsonNode json, String at, boolean topLevel) {
    if (!json.isObject()) {
      wrongType(at, "a choice rule object", json);
      return null;
    }
    List<String> operators = new ArrayList<>();
    for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      switch (name) {
        case "Variable":
        case "Comment":
          break;
        case "Next":
        case "Assign":
        case "Output":
          if (!topLevel) {
            problems.add(
                Problem.error(
                    "NestedRuleField",
                    at + "/" + name,
                    "field '" + name + "' is only allowed on a top-level choice rule"));
          }
          break;
        case "And":
        case "Or":
        case "Not":
        case "Condition":
          operators.add(name);
          break;
        default:
          if (ComparisonOperator.fromAslName(name) != null) {
            operators.add(name);
          } else {
            problems.add(
                Problem.error(
                    "UnknownField",
                    at + "/" + AslReader.escape(name),
                    "field '" + name + "' is not supported in a choice rule"));
          }
      }
    }
    String comment = topLevel ? null : string(json, "Comment", at);
    String variable = string(json, "Variable", at);
    if (operators.size() != 1) {
      problems.add(
          Problem.error(
              "ChoiceRuleOperator",
              at,
              operators.isEmpty()
                  ? "a choice rule needs exactly one comparison operator, And, Or, Not or Condition, but has none"
                  : "a choice rule can have only one comparison operator, but has " + operators));
      // Each operator is still read, so that the problems inside it are reported as well.
      for (String operator : operators) {
        operator(json, operator, at, variable, comment);
      }
      return null;
    }
    String operator = operators.get(0);
    if (ComparisonOperator.fromAslName(operator) == null && json.has("Variable")) {
      problems.add(
          Problem.error(
              "UnknownField",
              at + "/Variable",
              "'Variable' is not allowed beside '" + operator + "'"));
    }
    return operator(json, operator, at, variable, comment);
  }

  /** The condition of one operator of a rule; null when it is broken (its problems recorded). */
  private Condition operator(
      JsonNode json, String operator, String at, String variable, String comment) {
    switch (operator) {
      case "Condition":
        {
          JsonNode value = json.get("Condition");
          if (!value.isTextual() && !value.isBoolean()) {
            wrongType(at + "/Condition", "a JSONata expression or a boolean", value);
          }
          return new Condition.Jsonata(value);
        }
      case "And":
      case "Or":
        {
          JsonNode list = json.get(operator);
          String listAt = at + "/" + operator;
          if (!list.isArray()) {
            wrongType(listAt, "an array of choice rules", list);
            return null;
          }
          List<Condition> conditions = new ArrayList<>();
          for (int i = 0; i < list.size(); i++) {
            Condition c = condition(list.get(i), listAt + "/" + i, false);
            if (c != null) {
              conditions.add(c);
            }
          }
          return operator.equals("And")
              ? new Condition.And(conditions, comment)
              : new Condition.Or(conditions, comment);
        }
      case "Not":
        {
          Condition inner = condition(json.get("Not"), at + "/Not", false);
          return inner == null ? null : new Condition.Not(inner, comment);
        }
      default:
        {
          ComparisonOperator op = ComparisonOperator.fromAslName(operator);
          return new Condition.Comparison(variable, op, json.get(operator), comment);
        }
    }
  }
}
