package io.asl4j.dsl.builder;

/** Where a chain continues: a state's {@code Next}, or a Choice's {@code Default}. */
interface OpenEnd {
  void connect(StateBuilder<?> target);
}
