package io.asl4j.dsl.model;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A top-level rule of a Choice state: when {@code condition} holds, go to {@code next}.
 *
 * @param assign {@code Assign} applied when this rule matches, or {@code null}
 * @param output JSONata {@code Output} applied when this rule matches, or {@code null}
 */
public record ChoiceRule(
    Condition condition, String next, String comment, JsonNode assign, JsonNode output) {}
