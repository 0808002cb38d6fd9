package io.asl4j.runtime.internal.expression;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;

/** JSON values for tests, written as JSON text. */
final class Nodes {
  private Nodes() {}

  static JsonNode json(String text) {
    try {
      return ConformanceCorpus.MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
