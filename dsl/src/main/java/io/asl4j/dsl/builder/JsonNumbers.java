package io.asl4j.dsl.builder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;

/**
 * Numbers as the reader reads them back from the written ASL, so that a built model equals the
 * model read from its JSON: integers as the smallest of int, long and big integer nodes, other
 * numbers as exact decimals ({@code 2.5}, {@code 1.0E+10}). NaN and infinities have no JSON form
 * and are refused.
 */
final class JsonNumbers {
  private JsonNumbers() {}

  static JsonNode of(long value) {
    return value == (int) value ? IntNode.valueOf((int) value) : LongNode.valueOf(value);
  }

  /**
   * @throws IllegalArgumentException when {@code value} is NaN or infinite
   */
  static JsonNode of(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(
          "not a finite number: " + value + " (JSON has no NaN or Infinity)");
    }
    return DecimalNode.valueOf(BigDecimal.valueOf(value));
  }

  static JsonNode of(BigDecimal value) {
    Objects.requireNonNull(value, "value == null");
    if (value.scale() != 0) {
      return DecimalNode.valueOf(value);
    }
    BigInteger integer = value.unscaledValue();
    if (integer.bitLength() < 32) {
      return IntNode.valueOf(integer.intValue());
    }
    return integer.bitLength() < 64
        ? LongNode.valueOf(integer.longValue())
        : BigIntegerNode.valueOf(integer);
  }
}
