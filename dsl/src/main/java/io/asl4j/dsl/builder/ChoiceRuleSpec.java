package io.asl4j.dsl.builder;

import com.fasterxml.jackson.databind.JsonNode;
import io.asl4j.dsl.model.ChoiceRule;
import io.asl4j.dsl.model.Condition;

/** A Choice rule before build: the target is a state, resolved to its name then. */
record ChoiceRuleSpec(
    Condition condition, StateBuilder<?> target, String comment, JsonNode assign, JsonNode output) {

  ChoiceRuleSpec withTarget(StateBuilder<?> value) {
    return new ChoiceRuleSpec(condition, value, comment, assign, output);
  }

  ChoiceRuleSpec withComment(String value) {
    return new ChoiceRuleSpec(condition, target, value, assign, output);
  }

  ChoiceRuleSpec withAssign(JsonNode value) {
    return new ChoiceRuleSpec(condition, target, comment, value, output);
  }

  ChoiceRuleSpec withOutput(JsonNode value) {
    return new ChoiceRuleSpec(condition, target, comment, assign, value);
  }

  ChoiceRule toModel() {
    return new ChoiceRule(condition, target.name(), comment, assign, output);
  }
}
