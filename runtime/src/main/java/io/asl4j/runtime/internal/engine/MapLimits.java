package io.asl4j.runtime.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import io.asl4j.dsl.model.MapState;
import io.asl4j.runtime.internal.expression.JsonNumbers;
import java.math.BigDecimal;

/**
 * The numbers a Map's fields give: MaxConcurrency and the tolerated failures, literal, by path or
 * by JSONata, with AWS's errors for values it cannot use.
 */
final class MapLimits {
  private MapLimits() {}

  /**
   * How many failed iterations a Map tolerates: more than {@code count}, or more than {@code
   * percentage} of all items, fails it. {@code explicit} when the definition set a tolerance, which
   * changes the error to {@code States.ExceedToleratedFailureThreshold}.
   */
  record Tolerance(int count, BigDecimal percentage, boolean explicit) {
    boolean exceeded(int failures, int total) {
      if (failures > count) {
        return true;
      }
      return percentage != null
          && BigDecimal.valueOf(failures * 100L)
                  .compareTo(percentage.multiply(BigDecimal.valueOf(total)))
              > 0;
    }
  }

  static int maxConcurrency(MapState map, JsonNode input, Step step, Data data, JsonNode states) {
    if (map.maxConcurrencyPath() != null) {
      JsonNode value = data.path(map.maxConcurrencyPath(), input, step);
      Long parsed = wholeNumber(value);
      if (parsed == null || parsed < 0 || parsed > Integer.MAX_VALUE) {
        throw FieldError.runtime(
            "The MaxConcurrencyPath field refers to value "
                + quoted(value)
                + " which is not a valid integer: "
                + map.maxConcurrencyPath());
      }
      return parsed.intValue();
    }
    JsonNode value = map.maxConcurrency();
    if (value == null) {
      return 0;
    }
    if (value.isTextual()) {
      value = data.jsonata(value, "MaxConcurrency", states, step);
    }
    return Math.max(0, value.intValue());
  }

  static Tolerance tolerance(
      MapState map, JsonNode input, Step step, Data data, JsonNode states, int total) {
    int count = -1;
    BigDecimal percentage = null;
    if (map.toleratedFailureCountPath() != null) {
      JsonNode value = data.path(map.toleratedFailureCountPath(), input, step);
      Long parsed = wholeNumber(value);
      if (parsed == null) {
        throw FieldError.runtime(
            "The ToleratedFailureCountPath field refers to value "
                + quoted(value)
                + " which is not a valid integer: "
                + map.toleratedFailureCountPath());
      }
      count = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, parsed));
    } else if (map.toleratedFailureCount() != null) {
      JsonNode value = map.toleratedFailureCount();
      if (value.isTextual()) {
        value = data.jsonata(value, "ToleratedFailureCount", states, step);
      }
      count = value.intValue();
    }
    boolean countGiven =
        map.toleratedFailureCountPath() != null || map.toleratedFailureCount() != null;
    if (countGiven && count < 0) {
      throw FieldError.runtime("ToleratedFailureCount cannot be negative.");
    }
    if (map.toleratedFailurePercentagePath() != null) {
      JsonNode value = data.path(map.toleratedFailurePercentagePath(), input, step);
      percentage = decimalNumber(value);
      if (percentage == null) {
        throw FieldError.runtime(
            "The ToleratedFailurePercentagePath field refers to value "
                + quoted(value)
                + " which is not a valid float: "
                + map.toleratedFailurePercentagePath());
      }
    } else if (map.toleratedFailurePercentage() != null) {
      JsonNode value = map.toleratedFailurePercentage();
      if (value.isTextual()) {
        value = data.jsonata(value, "ToleratedFailurePercentage", states, step);
      }
      percentage = value.decimalValue();
    }
    if (percentage != null
        && (percentage.signum() < 0 || percentage.compareTo(BigDecimal.valueOf(100)) > 0)) {
      throw FieldError.runtime("ToleratedFailurePercentage must be between 0 and 100.");
    }
    if (!countGiven && percentage == null) {
      return new Tolerance(0, null, false);
    }
    return new Tolerance(countGiven ? count : Integer.MAX_VALUE, percentage, true);
  }

  /** A whole number given as a JSON number or a numeric string (AWS accepts both), else null. */
  static Long wholeNumber(JsonNode value) {
    BigDecimal decimal = decimalNumber(value);
    return decimal == null ? null : JsonNumbers.wholeLong(DecimalNode.valueOf(decimal));
  }

  private static BigDecimal decimalNumber(JsonNode value) {
    if (value.isNumber()) {
      return JsonNumbers.decimal(value); // null for an infinite double: no valid number
    }
    if (value.isTextual()) {
      try {
        return new BigDecimal(value.textValue().trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  /** A value as AWS quotes it in these messages: its text between double quotes. */
  private static String quoted(JsonNode value) {
    return "\"" + (value.isTextual() ? value.textValue() : value.toString()) + "\"";
  }
}
