package io.asl4j.dsl.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Map's {@code ItemProcessor} (or legacy {@code Iterator}, which has no {@code ProcessorConfig}).
 *
 * @param processorConfig the {@code ProcessorConfig}, or {@code null} (inline)
 */
public record ItemProcessor(
    ProcessorConfig processorConfig, String comment, String startAt, Map<String, State> states)
    implements Graph {
  public ItemProcessor {
    states = states == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(states));
  }

  @Override
  public ItemProcessor withStates(Map<String, State> states) {
    return new ItemProcessor(processorConfig, comment, startAt, states);
  }
}
