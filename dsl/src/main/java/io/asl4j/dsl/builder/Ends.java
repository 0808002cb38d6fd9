package io.asl4j.dsl.builder;

import java.util.List;

/** The open ends of a chainable; a Succeed, Fail, Choice or closed chain has none. */
final class Ends {
  private Ends() {}

  static List<OpenEnd> of(Chainable chainable) {
    if (chainable instanceof Chain chain) {
      return chain.ends();
    }
    if (chainable instanceof NextableState<?> state) {
      return List.of(state);
    }
    return List.of();
  }
}
