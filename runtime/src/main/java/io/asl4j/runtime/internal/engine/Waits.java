package io.asl4j.runtime.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.asl4j.dsl.model.WaitState;
import java.math.BigDecimal;
import java.time.Instant;

/** When a Wait state ends, with AWS's errors for values it cannot use. */
final class Waits {
  /** AWS refuses delays of 2^31 seconds or more. */
  private static final long MAX_DELAY_SECONDS = Integer.MAX_VALUE;

  private Waits() {}

  static long untilMillis(
      WaitState wait, JsonNode input, Data.Environment env, Data data, JsonNode states, long nowMillis) {
    long until;
    if (wait.seconds() != null) {
      JsonNode seconds = wait.seconds();
      if (seconds.isTextual()) {
        seconds = data.jsonata(seconds, "Seconds", states, env);
        if (!seconds.isIntegralNumber() && !(seconds.isNumber() && isWhole(seconds.decimalValue()))) {
          throw Data.unexpectedType(wait.seconds(), "Seconds", "integer", seconds);
        }
      }
      until = nowMillis + delay(seconds.longValue());
    } else if (wait.secondsPath() != null) {
      JsonNode value = data.pathOrNull(wait.secondsPath(), input, env);
      String path = wait.secondsPath();
      if (value == null) {
        throw FieldError.runtime("The SecondsPath parameter does not reference an input value: " + path);
      }
      if (!value.isNumber() || !isWhole(value.decimalValue())) {
        throw FieldError.runtime(
            "The SecondsPath parameter cannot be parsed as a long value: " + path + " == " + shown(value));
      }
      if (value.decimalValue().signum() < 0) {
        throw FieldError.runtime(
            "The SecondsPath parameter references a negative value: " + path + " == " + shown(value));
      }
      until = nowMillis + delay(value.longValue());
    } else if (wait.timestamp() != null) {
      JsonNode value = wait.timestamp();
      boolean expression = states != null && value.isTextual() && Data.isJsonata(value.textValue());
      if (expression) {
        value = data.jsonata(value, "Timestamp", states, env);
      }
      Instant instant = value.isTextual() ? ExecutionRun.parseTimestamp(value.textValue()) : null;
      if (instant == null) {
        throw FieldError.query(
            "The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: "
                + shown(value),
            "Timestamp");
      }
      until = untilInstant(instant, nowMillis);
    } else {
      String path = wait.timestampPath();
      JsonNode value = data.pathOrNull(path, input, env);
      if (value == null) {
        throw FieldError.runtime("The TimestampPath parameter does not reference an input value: " + path);
      }
      Instant instant = value.isTextual() ? ExecutionRun.parseTimestamp(value.textValue()) : null;
      if (instant == null) {
        throw FieldError.runtime(
            "The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: "
                + path + " == " + shown(value));
      }
      until = untilInstant(instant, nowMillis);
    }
    return until;
  }

  private static long untilInstant(Instant instant, long nowMillis) {
    long millis = instant.toEpochMilli();
    if (millis <= nowMillis) {
      return nowMillis;
    }
    delay((millis - nowMillis) / 1000);
    return millis;
  }

  private static long delay(long seconds) {
    if (seconds > MAX_DELAY_SECONDS) {
      throw FieldError.runtime("Wait state delay is too long.");
    }
    return Math.max(0, seconds) * 1000;
  }

  private static boolean isWhole(BigDecimal value) {
    return value.signum() == 0 || value.stripTrailingZeros().scale() <= 0;
  }

  private static String shown(JsonNode value) {
    return value.isTextual() ? value.textValue() : value.toString();
  }
}
