package io.asl4j.processor;

import static io.asl4j.processor.Annotations.explicit;
import static io.asl4j.processor.Annotations.isVoid;
import static io.asl4j.processor.Annotations.list;
import static io.asl4j.processor.Annotations.repeated;
import static io.asl4j.processor.Annotations.string;
import static io.asl4j.processor.Annotations.value;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.asl4j.dsl.model.ChoiceRule;
import io.asl4j.dsl.model.ChoiceState;
import io.asl4j.dsl.model.ComparisonOperator;
import io.asl4j.dsl.model.Condition;
import io.asl4j.dsl.model.Io;
import io.asl4j.dsl.model.QueryLanguage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.TypeElement;

/**
 * Reads a {@code @Choice} state: each {@code @When} becomes a rule (a JSONata {@code condition}, or
 * a JSONPath {@code variable} with one comparison, or {@code and}/{@code or}/{@code not} over
 * {@code @Rule}s); a rule with no form or two is reported where it is written.
 */
final class ChoiceReader {
  /** The comparison attributes by name ({@code numericGreaterThan}), as the model's operators. */
  static final Map<String, ComparisonOperator> OPERATORS = new LinkedHashMap<>();

  static {
    for (ComparisonOperator operator : ComparisonOperator.values()) {
      String name = operator.aslName();
      OPERATORS.put(Character.toLowerCase(name.charAt(0)) + name.substring(1), operator);
    }
  }

  private final Attributes attributes;
  private final Transitions transitions;
  private final Origins origins;
  private final Reporter reporter;

  ChoiceReader(Attributes attributes, Transitions transitions, Origins origins, Reporter reporter) {
    this.attributes = attributes;
    this.transitions = transitions;
    this.origins = origins;
    this.reporter = reporter;
  }

  /** A {@code @Choice} state: its {@code @When} rules and its {@code otherwise}. */
  ChoiceState choice(StateInfo info, String at, String comment, QueryLanguage language, Io io) {
    TypeElement e = info.element();
    AnnotationMirror m = info.mirror();
    boolean jsonata = language == QueryLanguage.JSONATA;
    List<ChoiceRule> rules = new ArrayList<>();
    List<AnnotationMirror> whens = repeated(e, "When");
    for (int i = 0; i < whens.size(); i++) {
      rules.add(rule(info, whens.get(i), at + "/Choices/" + i, jsonata));
    }
    origins.put(at + "/Choices", new Origin(e, m, null));
    String otherwise = null;
    AnnotationValue otherwiseValue = value(m, "otherwise");
    if (otherwiseValue != null && !isVoid(otherwiseValue)) {
      otherwise = transitions.target(info, m, otherwiseValue, at + "/Default", "otherwise", false);
    }
    return new ChoiceState(comment, language, io, rules, otherwise);
  }

  private ChoiceRule rule(StateInfo info, AnnotationMirror when, String at, boolean jsonata) {
    TypeElement e = info.element();
    origins.put(at, new Origin(e, when, null));
    StateInfo asRule = new StateInfo(e, when, info.kind(), info.name(), info.owner());
    AnnotationValue nextValue = value(when, "next");
    String next =
        nextValue == null
            ? null
            : transitions.target(info, when, nextValue, at + "/Next", "next", false);
    String conditionText = attributes.field(asRule, at, "condition", "Condition");
    Map<String, AnnotationValue> written = explicit(when);
    List<String> forms = new ArrayList<>();
    if (conditionText != null) {
      forms.add("condition");
    }
    if (written.containsKey("variable")
        || written.keySet().stream().anyMatch(OPERATORS::containsKey)) {
      forms.add("variable");
    }
    for (String combination : List.of("and", "or", "not")) {
      if (written.containsKey(combination)) {
        forms.add(combination);
      }
    }
    Condition condition = null;
    if (forms.size() > 1) {
      reporter.error(
          "ChoiceRule",
          "a @When has one of a JSONata 'condition', a JSONPath 'variable' with one comparison, 'and',"
              + " 'or' or 'not', but has "
              + String.join(" and ", forms),
          e,
          when,
          value(when, forms.get(1)));
      origins.reported(at);
    }
    String form = forms.isEmpty() ? "variable" : forms.get(0);
    switch (form) {
      case "condition" -> condition = new Condition.Jsonata(TextNode.valueOf(conditionText));
      case "and", "or" -> {
        String aslName = form.equals("and") ? "And" : "Or";
        List<Condition> operands = new ArrayList<>();
        List<? extends AnnotationValue> items = list(value(when, form));
        origins.put(at + "/" + aslName, new Origin(e, when, value(when, form)));
        for (int k = 0; k < items.size(); k++) {
          Condition operand =
              comparison(
                  info,
                  (AnnotationMirror) items.get(k).getValue(),
                  at + "/" + aslName + "/" + k,
                  jsonata,
                  true);
          if (operand != null) {
            operands.add(operand);
          }
        }
        condition =
            form.equals("and")
                ? new Condition.And(operands, null)
                : new Condition.Or(operands, null);
      }
      case "not" -> {
        Condition operand =
            comparison(
                info, (AnnotationMirror) value(when, "not").getValue(), at + "/Not", jsonata, true);
        condition = operand == null ? null : new Condition.Not(operand, null);
      }
      default -> condition = comparison(info, when, at, jsonata, false);
    }
    return new ChoiceRule(
        condition,
        next,
        string(when, "comment"),
        attributes.json(asRule, at, "assign", "Assign"),
        attributes.json(asRule, at, "output", "Output"));
  }

  /**
   * The comparison of a {@code @When} or a nested {@code @Rule}: a variable and exactly one
   * operator; a {@code @Rule(not = true)} is wrapped in {@code Not}.
   */
  private Condition comparison(
      StateInfo info, AnnotationMirror m, String at, boolean jsonata, boolean nested) {
    TypeElement e = info.element();
    String what = nested ? "@Rule" : "@When";
    if (nested) {
      origins.put(at, new Origin(e, m, null));
    }
    boolean negated =
        nested && Boolean.TRUE.equals(value(m, "not") == null ? null : value(m, "not").getValue());
    String comment = nested ? string(m, "comment") : null;
    String inner = negated ? at + "/Not" : at;
    StateInfo asRule = new StateInfo(e, m, info.kind(), info.name(), info.owner());
    String variable = attributes.field(asRule, inner, "variable", "Variable");
    List<String> operators = new ArrayList<>();
    for (String attribute : explicit(m).keySet()) {
      if (OPERATORS.containsKey(attribute)) {
        operators.add(attribute);
      }
    }
    if (operators.isEmpty()) {
      reporter.error(
          "ChoiceRule",
          "a "
              + what
              + " needs a comparison such as stringEquals or numericGreaterThan"
              + (jsonata && !nested ? ", or a JSONata 'condition'" : ""),
          e,
          m,
          null);
      origins.reported(at);
      return null;
    }
    if (operators.size() > 1) {
      reporter.error(
          "ChoiceRule",
          "a " + what + " has exactly one comparison, but has " + String.join(" and ", operators),
          e,
          m,
          value(m, operators.get(1)));
      origins.reported(at);
    }
    String attribute = operators.get(0);
    ComparisonOperator operator = OPERATORS.get(attribute);
    AnnotationValue operand = value(m, attribute);
    origins.put(inner + "/" + operator.aslName(), new Origin(e, m, operand));
    Condition comparison =
        new Condition.Comparison(
            variable, operator, operandNode(operand.getValue()), negated ? null : comment);
    return negated ? new Condition.Not(comparison, comment) : comparison;
  }

  /**
   * A {@code @When}'s own comparison and the {@code @Rule}s of its {@code and}, {@code or}, {@code
   * not}.
   */
  static List<AnnotationMirror> comparisons(AnnotationMirror when) {
    List<AnnotationMirror> all = new ArrayList<>();
    all.add(when);
    for (String combination : List.of("and", "or")) {
      AnnotationValue items = value(when, combination);
      if (items != null) {
        for (AnnotationValue item : list(items)) {
          all.add((AnnotationMirror) item.getValue());
        }
      }
    }
    AnnotationValue not = value(when, "not");
    if (not != null) {
      all.add((AnnotationMirror) not.getValue());
    }
    return all;
  }

  private static JsonNode operandNode(Object value) {
    if (value instanceof Boolean b) {
      return BooleanNode.valueOf(b);
    }
    if (value instanceof Number n) {
      return Attributes.number(n.doubleValue());
    }
    return TextNode.valueOf(String.valueOf(value));
  }
}
