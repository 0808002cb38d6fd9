package io.asl4j.runtime.internal.jsonata;

import com.dashjoin.jsonata.Functions;
import com.dashjoin.jsonata.Jsonata;
import com.dashjoin.jsonata.Jsonata.JFunction;
import com.dashjoin.jsonata.Utils;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * The functions Step Functions adds to JSONata ({@code $partition}, {@code $range}, {@code $hash},
 * {@code $random}, {@code $uuid}, {@code $parse}) and the replacements this runtime needs for
 * {@code $now} and {@code $millis} (the library reads a stale per-thread timestamp) and for {@code
 * $eval} (which Step Functions removes).
 *
 * <p>Each function declares a JSONata signature, so wrong argument types fail with JSONata's own
 * {@code T0410} error. An undefined main argument gives an undefined result, as JSONata's built-in
 * functions do.
 */
final class StepFunctionsFunctions {

  private static final Set<String> HASH_ALGORITHMS =
      Set.of("MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512");

  /** Same bound as JSONata's range operator: past it, a typo would exhaust memory. */
  private static final long MAX_RANGE_SIZE = 1_000_000;

  private static final ObjectMapper STRICT_JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final RandomGenerator random;
  private final Map<String, JFunction> fixed;

  StepFunctionsFunctions(RandomGenerator random) {
    this.random = random;
    this.fixed =
        Map.of(
            "partition", new JFunction((input, args) -> partition(args), "<an:a>"),
            "range", new JFunction((input, args) -> range(args), "<nnn:a>"),
            "hash", new JFunction((input, args) -> hash(args), "<ss:s>"),
            "random", new JFunction((input, args) -> random(args), "<n?:n>"),
            "uuid", new JFunction((input, args) -> uuid(), "<:s>"),
            "parse", new JFunction((input, args) -> parse(args), "<s:x>"));
  }

  /**
   * Binds every function into {@code frame}; {@code now} is the instant, in epoch milliseconds,
   * that {@code $now()} and {@code $millis()} report for this one evaluation.
   */
  void bindInto(Jsonata.Frame frame, long now) {
    fixed.forEach(frame::bind);
    frame.bind(
        "now",
        new JFunction(
            (input, args) ->
                Functions.dateTimeFromMillis(now, (String) arg(args, 0), (String) arg(args, 1)),
            "<s?s?:s>"));
    frame.bind("millis", new JFunction((input, args) -> now, "<:n>"));
    // A name bound to nothing: calling $eval fails as calling any unknown function does (T1006).
    frame.bind("eval", (Object) null);
  }

  private static Object partition(List<?> args) {
    List<?> array = (List<?>) arg(args, 0);
    Number size = (Number) arg(args, 1);
    if (array == null || size == null) {
      return null;
    }
    double chunk = size.doubleValue();
    if (chunk < 1 || chunk != Math.rint(chunk)) {
      throw new EvaluationFailure(
          "The chunk size given to $partition must be a positive integer, but was " + size);
    }
    int length = (int) Math.min(chunk, Integer.MAX_VALUE);
    List<Object> chunks = new ArrayList<>();
    for (int start = 0; start < array.size(); start += length) {
      chunks.add(new ArrayList<>(array.subList(start, Math.min(array.size(), start + length))));
    }
    return chunks;
  }

  private static Object range(List<?> args) {
    Number start = (Number) arg(args, 0);
    Number end = (Number) arg(args, 1);
    Number step = (Number) arg(args, 2);
    if (start == null || end == null || step == null) {
      return null;
    }
    double first = start.doubleValue();
    double increment = step.doubleValue();
    if (increment == 0) {
      throw new EvaluationFailure("The step given to $range must not be zero");
    }
    // Both ends are included, as in States.ArrayRange; a step away from the end gives [].
    double steps = Math.floor((end.doubleValue() - first) / increment);
    if (steps + 1 > MAX_RANGE_SIZE) {
      throw new EvaluationFailure(
          "$range would create " + (long) (steps + 1) + " items, more than " + MAX_RANGE_SIZE);
    }
    List<Object> values = new ArrayList<>();
    for (long i = 0; i <= steps; i++) {
      values.add(Utils.convertNumber(first + i * increment));
    }
    return values;
  }

  private static Object hash(List<?> args) {
    String value = (String) arg(args, 0);
    String algorithm = (String) arg(args, 1);
    if (value == null || algorithm == null) {
      return null;
    }
    if (!HASH_ALGORITHMS.contains(algorithm)) {
      throw new EvaluationFailure(
          "The hash algorithm '"
              + algorithm
              + "' is not supported; use MD5, SHA-1, SHA-256, SHA-384 or SHA-512");
    }
    try {
      byte[] digest =
          MessageDigest.getInstance(algorithm).digest(value.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime provides " + algorithm, e);
    }
  }

  private Object random(List<?> args) {
    Number seed = (Number) arg(args, 0);
    if (seed != null) {
      // The same seed always gives the same number; whole seeds keep their plain value.
      double value = seed.doubleValue();
      long bits = value == Math.rint(value) ? seed.longValue() : Double.doubleToLongBits(value);
      return new Random(bits).nextDouble();
    }
    synchronized (random) {
      return random.nextDouble();
    }
  }

  private Object uuid() {
    long high;
    long low;
    synchronized (random) {
      high = random.nextLong();
      low = random.nextLong();
    }
    // Version 4 (random) in the time_hi_and_version nibble, variant 10 in clock_seq_hi.
    high = (high & 0xFFFFFFFFFFFF0FFFL) | 0x0000000000004000L;
    low = (low & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(high, low).toString();
  }

  private static Object parse(List<?> args) {
    String text = (String) arg(args, 0);
    if (text == null) {
      return null;
    }
    try {
      JsonNode json = STRICT_JSON.readTree(text);
      if (json == null || json.isMissingNode()) {
        throw new EvaluationFailure("The argument of $parse is not valid JSON: it is empty");
      }
      return JsonataValues.toJsonata(json);
    } catch (JsonProcessingException e) {
      // The parser's own wording names Java types and settings; the position is what helps.
      String where =
          e.getLocation() == null
              ? ""
              : " (line " + e.getLocation().getLineNr() + ", column "
                  + e.getLocation().getColumnNr() + ")";
      throw new EvaluationFailure("The argument of $parse is not valid JSON" + where);
    }
  }

  private static Object arg(List<?> args, int index) {
    return index < args.size() ? args.get(index) : null;
  }
}
