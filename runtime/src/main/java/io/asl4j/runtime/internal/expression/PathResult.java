package io.asl4j.runtime.internal.expression;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.Optional;

/**
 * What a Path selected: a value, or why there is none.
 *
 * <pre>{@code
 * PathResult r = PathEvaluator.lookup(AslPath.parse("$.a.b"), input, context, variables);
 * if (r instanceof PathResult.Missing) {
 *   ((PathResult.Missing) r).reason(); // "Missing property in path $['a']"
 * }
 * }</pre>
 */
public sealed interface PathResult {

  /** The selected value; JSON {@code null} is a value, not a miss. */
  record Found(JsonNode value) implements PathResult {
    public Found {
      Objects.requireNonNull(value, "value == null");
    }
  }

  /** Nothing was selected; {@code reason} is Jayway's explanation, as AWS reports it. */
  record Missing(String reason) implements PathResult {
    public Missing {
      Objects.requireNonNull(reason, "reason == null");
    }
  }

  /** The value, or empty when the Path selected nothing. */
  default Optional<JsonNode> toOptional() {
    return this instanceof Found ? Optional.of(((Found) this).value()) : Optional.empty();
  }
}
