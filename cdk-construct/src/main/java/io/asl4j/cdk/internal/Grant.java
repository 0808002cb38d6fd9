package io.asl4j.cdk.internal;

import java.util.List;
import java.util.Map;

/**
 * One derived IAM statement: which state asked for it (a JSON pointer), the actions, the resources
 * and any condition block ({@code {"StringEquals": {"key": "value"}}}).
 */
public record Grant(
    String pointer, List<String> actions, List<String> resources, Map<String, Object> conditions) {
  public Grant {
    actions = List.copyOf(actions);
    resources = List.copyOf(resources);
    conditions = conditions == null ? Map.of() : Map.copyOf(conditions);
  }

  static Grant of(String pointer, List<String> actions, List<String> resources) {
    return new Grant(pointer, actions, resources, null);
  }

  /** The statement without its origin, for de-duplication. */
  Object key() {
    return List.of(actions, resources, conditions);
  }
}
