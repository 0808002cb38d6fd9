package io.asl4j.dsl.model;

import java.util.function.Function;

/** Finds the constant of an enum of ASL words by the word as ASL writes it. */
final class AslNames {
  private AslNames() {}

  /**
   * The constant among {@code constants} whose {@code aslName} equals {@code name} (case-sensitive,
   * as ASL is), or {@code null} when there is none.
   */
  static <E> E find(E[] constants, Function<E, String> aslName, String name) {
    for (E constant : constants) {
      if (aslName.apply(constant).equals(name)) {
        return constant;
      }
    }
    return null;
  }
}
