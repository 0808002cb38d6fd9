package io.asl4j.processor;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Maps JSON pointers of the generated ASL back to the annotation values that produced them, so a
 * validator problem at {@code /States/A/Catch/0/Next} lands on {@code next = Foo.class}.
 */
final class Origins {
  private final Map<String, Origin> byPointer = new HashMap<>();
  private final Set<String> reported = new HashSet<>();

  void put(String pointer, Origin origin) {
    byPointer.put(pointer, origin);
  }

  /** The origin of {@code pointer}, or of its nearest registered ancestor. */
  Origin find(String pointer) {
    String at = pointer;
    while (true) {
      Origin origin = byPointer.get(at);
      if (origin != null || at.isEmpty()) {
        return origin;
      }
      int slash = at.lastIndexOf('/');
      at = slash < 0 ? "" : at.substring(0, slash);
    }
  }

  /**
   * Records that the processor already reported a problem at {@code pointer}: the validator's
   * problems there (or below) would only repeat it in ASL terms.
   */
  void reported(String pointer) {
    reported.add(pointer);
  }

  /** Drops the validator's {@code tag} exactly at {@code pointer}: javac has said it already. */
  void ignore(String pointer, String tag) {
    reported.add(pointer + "\u0000" + tag);
  }

  boolean alreadyReported(String pointer, String tag) {
    return reported.contains(pointer + "\u0000" + tag) || alreadyReported(pointer);
  }

  boolean alreadyReported(String pointer) {
    String at = pointer;
    while (true) {
      if (reported.contains(at)) {
        return true;
      }
      if (at.isEmpty()) {
        return false;
      }
      int slash = at.lastIndexOf('/');
      at = slash < 0 ? "" : at.substring(0, slash);
    }
  }
}
