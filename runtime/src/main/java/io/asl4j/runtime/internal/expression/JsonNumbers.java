package io.asl4j.runtime.internal.expression;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/**
 * Numbers of JSON values, safe for every node a reader can make.
 *
 * <pre>{@code
 * JsonNumbers.decimal(DoubleNode.valueOf(Double.POSITIVE_INFINITY)); // null
 * JsonNumbers.compare(IntNode.valueOf(1), DecimalNode.valueOf(new BigDecimal("1.0"))); // 0
 * JsonNumbers.wholeLong(DecimalNode.valueOf(new BigDecimal("1E+999999999"))); // null, at once
 * }</pre>
 *
 * <p>Two kinds of node need care. A default Jackson reader turns {@code 1e400} into an infinite
 * double, whose {@link JsonNode#decimalValue()} throws. {@code AslReader} keeps it exact, and a
 * {@link BigDecimal} such as {@code 1E+999999999} is cheap until something writes out its digits
 * ({@code toBigInteger()}, {@code setScale(0)}, {@code toPlainString()}, {@code longValue()}),
 * which takes a billion of them. Everything here answers such values without doing so.
 */
public final class JsonNumbers {
  private JsonNumbers() {}

  /**
   * The exact value of a number node, or {@code null} for a double or float that is infinite or NaN
   * (values no JSON text denotes exactly).
   */
  public static BigDecimal decimal(JsonNode number) {
    if ((number.isDouble() || number.isFloat()) && !Double.isFinite(number.doubleValue())) {
      return null;
    }
    return number.decimalValue();
  }

  /**
   * Compares two number nodes by value ({@code 1} equals {@code 1.0}); an infinite double is beyond
   * every exact number of its sign.
   */
  public static int compare(JsonNode a, JsonNode b) {
    BigDecimal x = decimal(a);
    BigDecimal y = decimal(b);
    if (x != null && y != null) {
      return x.compareTo(y);
    }
    if (x == null && y == null) {
      return Double.compare(a.doubleValue(), b.doubleValue());
    }
    // One side is infinite (or NaN, which sorts above everything, as Double.compare has it).
    double infinite = x == null ? a.doubleValue() : b.doubleValue();
    int sign = infinite < 0 ? -1 : 1;
    return x == null ? sign : -sign;
  }

  /** Whether the number has no fractional part; an infinite double has none either way: false. */
  public static boolean isWhole(JsonNode number) {
    BigDecimal value = decimal(number);
    return value != null && (value.signum() == 0 || value.stripTrailingZeros().scale() <= 0);
  }

  /** The number as a long when it is whole and fits one, else {@code null}. */
  public static Long wholeLong(JsonNode number) {
    BigDecimal value = decimal(number);
    if (value == null) {
      return null;
    }
    try {
      // Checks the magnitude before it computes anything.
      return value.longValueExact();
    } catch (ArithmeticException notWholeOrTooLarge) {
      return null;
    }
  }

  /** How many digits the whole part of {@code value} has, computed without writing them out. */
  public static long integerDigits(BigDecimal value) {
    return (long) value.precision() - value.scale();
  }
}
