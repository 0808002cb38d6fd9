package io.asl4j.runtime.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.asl4j.dsl.model.WaitState;
import io.asl4j.runtime.internal.expression.JsonNumbers;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/** The Wait state: when it ends, with AWS's errors for values it cannot use. */
final class WaitExecutor {
  /** AWS refuses delays of 2^31 seconds or more. */
  private static final long MAX_DELAY_SECONDS = Integer.MAX_VALUE;

  private WaitExecutor() {}

  static void execute(StateContext step, WaitState wait) {
    boolean jsonata = step.jsonata();
    JsonNode effective =
        jsonata ? step.rawInput() : step.applyPath(wait.io().inputPath(), step.rawInput());
    step.inspect("afterInputPath", effective);
    long until =
        untilMillis(
            wait,
            effective,
            step,
            step.data(),
            jsonata ? step.statesVariable(null, null) : null,
            step.nowMillis());
    Completed completed =
        jsonata
            ? step.complete(wait.io(), null)
            : new Completed(
                step.applyPath(wait.io().outputPath(), effective),
                step.assignJsonPath(wait.io().assign(), effective));
    step.exitAt(until, completed);
  }

  static long untilMillis(
      WaitState wait,
      JsonNode input,
      Data.Environment env,
      Data data,
      JsonNode states,
      long nowMillis) {
    long until;
    if (wait.seconds() != null) {
      JsonNode seconds = wait.seconds();
      if (seconds.isTextual()) {
        seconds = data.jsonata(seconds, "Seconds", states, env);
        if (!seconds.isNumber() || !JsonNumbers.isWhole(seconds)) {
          throw Data.unexpectedType(wait.seconds(), "Seconds", "integer", seconds);
        }
      }
      until = nowMillis + delay(wholeSeconds(seconds));
    } else if (wait.secondsPath() != null) {
      JsonNode value = data.pathOrNull(wait.secondsPath(), input, env);
      String path = wait.secondsPath();
      if (value == null) {
        throw FieldError.runtime(
            "The SecondsPath parameter does not reference an input value: " + path);
      }
      // A number past a long (1E+999999999) cannot be parsed as one either; reading it as a long
      // would write out all its digits first.
      Long seconds = value.isNumber() ? JsonNumbers.wholeLong(value) : null;
      if (seconds == null) {
        throw FieldError.runtime(
            "The SecondsPath parameter cannot be parsed as a long value: "
                + path
                + " == "
                + shown(value));
      }
      if (seconds < 0) {
        throw FieldError.runtime(
            "The SecondsPath parameter references a negative value: "
                + path
                + " == "
                + shown(value));
      }
      until = nowMillis + delay(seconds);
    } else if (wait.timestamp() != null) {
      JsonNode value = wait.timestamp();
      boolean expression = states != null && value.isTextual() && Data.isJsonata(value.textValue());
      if (expression) {
        value = data.jsonata(value, "Timestamp", states, env);
      }
      Instant instant = value.isTextual() ? JsonValues.parseTimestamp(value.textValue()) : null;
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
        throw FieldError.runtime(
            "The TimestampPath parameter does not reference an input value: " + path);
      }
      Instant instant = value.isTextual() ? JsonValues.parseTimestamp(value.textValue()) : null;
      if (instant == null) {
        throw FieldError.runtime(
            "The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: "
                + path
                + " == "
                + shown(value));
      }
      until = untilInstant(instant, nowMillis);
    }
    return until;
  }

  private static long untilInstant(Instant instant, long nowMillis) {
    Instant now = Instant.ofEpochMilli(nowMillis);
    if (!instant.isAfter(now)) {
      return nowMillis;
    }
    // Checked before converting: a year like +999999999 has no epoch milliseconds in a long.
    delay(Duration.between(now, instant).getSeconds());
    return instant.toEpochMilli();
  }

  /** A whole number of seconds; past a long, as good as infinite: too long a delay. */
  private static long wholeSeconds(JsonNode seconds) {
    Long whole = JsonNumbers.wholeLong(seconds);
    if (whole != null) {
      return whole;
    }
    BigDecimal value = JsonNumbers.decimal(seconds);
    return value != null && value.signum() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
  }

  private static long delay(long seconds) {
    if (seconds > MAX_DELAY_SECONDS) {
      throw FieldError.runtime("Wait state delay is too long.");
    }
    return Math.max(0, seconds) * 1000;
  }

  private static String shown(JsonNode value) {
    return value.isTextual() ? value.textValue() : value.toString();
  }
}
