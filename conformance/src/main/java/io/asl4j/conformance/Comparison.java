package io.asl4j.conformance;

/**
 * Whether an actual result matches the expected one.
 *
 * @param matches whether it matches
 * @param difference one paragraph: where the first difference is, expected against actual; empty
 *     when it matches
 */
public record Comparison(boolean matches, String difference) {

  private static final Comparison MATCH = new Comparison(true, "");

  /** A match. */
  public static Comparison match() {
    return MATCH;
  }

  /** A mismatch described by {@code difference}. */
  public static Comparison mismatch(String difference) {
    return new Comparison(false, difference);
  }
}
