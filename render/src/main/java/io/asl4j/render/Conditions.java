package io.asl4j.render;

import com.fasterxml.jackson.databind.JsonNode;
import io.asl4j.dsl.model.ComparisonOperator;
import io.asl4j.dsl.model.Condition;
import java.util.stream.Collectors;

/**
 * A short, readable rendering of a Choice rule's condition, for diagram edge labels: {@code
 * $.priority == "express"}, {@code $.total > 100 && $.vip is present}.
 */
public final class Conditions {
  /** Longer labels are cut, ending in "…". */
  public static final int MAX_LENGTH = 60;

  private Conditions() {}

  /** The condition as a label, at most {@link #MAX_LENGTH} characters. */
  public static String describe(Condition condition) {
    String text = full(condition);
    return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH - 1) + "…";
  }

  static String full(Condition condition) {
    if (condition instanceof Condition.Comparison c) {
      return comparison(c);
    } else if (condition instanceof Condition.And and) {
      return and.conditions().stream().map(Conditions::operand).collect(Collectors.joining(" && "));
    } else if (condition instanceof Condition.Or or) {
      return or.conditions().stream().map(Conditions::operand).collect(Collectors.joining(" || "));
    } else if (condition instanceof Condition.Not not) {
      return "!" + operand(not.condition());
    } else if (condition instanceof Condition.Jsonata jsonata) {
      JsonNode node = jsonata.condition();
      String text = node == null ? "" : node.isTextual() ? node.asText() : node.toString();
      text = text.strip();
      if (text.startsWith("{%") && text.endsWith("%}")) {
        text = text.substring(2, text.length() - 2).strip();
      }
      return text;
    }
    return String.valueOf(condition);
  }

  /** A nested condition: compound ones in parentheses. */
  private static String operand(Condition condition) {
    String text = full(condition);
    return condition instanceof Condition.And || condition instanceof Condition.Or
        ? "(" + text + ")"
        : text;
  }

  private static String comparison(Condition.Comparison c) {
    ComparisonOperator op = c.operator();
    String variable = c.variable();
    JsonNode operand = c.operand();
    if (op.kind() == ComparisonOperator.Kind.TYPE_TEST) {
      boolean positive = operand == null || operand.asBoolean(true);
      String what =
          switch (op) {
            case IS_NULL -> "null";
            case IS_PRESENT -> "present";
            case IS_NUMERIC -> "numeric";
            case IS_STRING -> "a string";
            case IS_BOOLEAN -> "a boolean";
            default -> "a timestamp";
          };
      if (op == ComparisonOperator.IS_PRESENT) {
        return variable + (positive ? " is present" : " is absent");
      }
      return variable + (positive ? " is " : " is not ") + what;
    }
    String value =
        operand == null
            ? "null"
            : op.isPath()
                ? operand.asText()
                : operand.isTextual() ? operand.toString() : operand.asText();
    if (op == ComparisonOperator.STRING_MATCHES) {
      return variable + " matches " + value;
    }
    String name = op.aslName().replace("Path", "");
    String symbol;
    if (name.endsWith("GreaterThanEquals")) {
      symbol = ">=";
    } else if (name.endsWith("LessThanEquals")) {
      symbol = "<=";
    } else if (name.endsWith("GreaterThan")) {
      symbol = ">";
    } else if (name.endsWith("LessThan")) {
      symbol = "<";
    } else {
      symbol = "==";
    }
    return variable + " " + symbol + " " + value;
  }
}
