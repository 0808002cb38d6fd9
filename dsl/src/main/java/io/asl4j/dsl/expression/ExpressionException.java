package io.asl4j.dsl.expression;

/**
 * A Path or intrinsic function call that does not parse.
 *
 * <p>The message says what is wrong; {@link #position()} is the 0-based character offset in the
 * expression where the problem was found:
 *
 * <pre>{@code
 * try {
 *   AslPath.parse("$.a b");
 * } catch (ExpressionException e) {
 *   e.position(); // 2
 * }
 * }</pre>
 */
public final class ExpressionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int position;

  public ExpressionException(String message, int position) {
    super(message);
    this.position = position;
  }

  /**
   * The 0-based offset in the expression text where the problem was found, or -1 when the problem
   * is not in the text of one expression (a payload template naming a field twice, say).
   */
  public int position() {
    return position;
  }
}
