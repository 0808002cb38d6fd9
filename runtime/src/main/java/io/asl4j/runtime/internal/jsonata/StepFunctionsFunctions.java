package io.asl4j.runtime.internal.jsonata;

import com.dashjoin.jsonata.Functions;
import com.dashjoin.jsonata.Jsonata;
import com.dashjoin.jsonata.Jsonata.JFunction;
import com.dashjoin.jsonata.Utils;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The functions Step Functions adds to JSONata ({@code $partition}, {@code $range}, {@code $hash},
 * {@code $random}, {@code $uuid}, {@code $parse}) and the replacements this runtime needs:
 *
 * <ul>
 *   <li>{@code $now} and {@code $millis}: the library reads a stale per-thread timestamp; these
 *       read the execution's clock.
 *   <li>{@code $shuffle}: the library's draws from an unseeded generator; this one from the
 *       execution's, so that seeded runs repeat.
 *   <li>{@code $pad} and {@code $spread}: the library's take time quadratic in their result ({@code
 *       $pad('x', 1000000)} ran for minutes, out of reach of the evaluation timeout, which is only
 *       checked between steps); these take linear time, and {@code $pad} makes at most {@value
 *       #MAX_STRING_LENGTH} characters.
 *   <li>{@code $fromMillis}, {@code $formatInteger} and {@code $formatNumber}: the library pads
 *       widths in quadratic time, so pictures are limited to {@value #MAX_PICTURE_LENGTH}
 *       characters and widths to {@value #MAX_PICTURE_WIDTH}; within those the library formats.
 *   <li>{@code $eval}, which Step Functions removes.
 * </ul>
 *
 * <p>Each function declares a JSONata signature, so wrong argument types fail with JSONata's own
 * {@code T0410} error. An undefined main argument gives an undefined result, as JSONata's built-in
 * functions do.
 */
final class StepFunctionsFunctions {

  private static final Set<String> HASH_ALGORITHMS =
      Set.of("MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512");

  /** The longest string {@code $pad} makes: 40 times the payload limit, 20 MB of memory. */
  static final int MAX_STRING_LENGTH = 10_000_000;

  /** The longest picture string the formatting functions take. */
  static final int MAX_PICTURE_LENGTH = 10_000;

  /** The largest width a picture may ask for ({@code [Y,10000]}). */
  static final int MAX_PICTURE_WIDTH = 10_000;

  /**
   * A width modifier in a date/time picture: {@code ,min} or {@code ,min-max}, each maybe {@code
   * *}.
   */
  private static final Pattern WIDTH = Pattern.compile(",\\s*(\\*|\\d+)(?:\\s*-\\s*(\\*|\\d+))?");

  private static final ObjectMapper STRICT_JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final Map<String, JFunction> fixed;

  StepFunctionsFunctions() {
    this.fixed =
        Map.of(
            "partition", new JFunction((input, args) -> partition(args), "<an:a>"),
            "range", new JFunction((input, args) -> range(args), "<nnn:a>"),
            "hash", new JFunction((input, args) -> hash(args), "<ss:s>"),
            "parse", new JFunction((input, args) -> parse(args), "<s:x>"),
            "pad", new JFunction((input, args) -> pad(args), "<s-ns?:s>"),
            "spread", new JFunction((input, args) -> spread(arg(args, 0)), "<x-:a<o>>"),
            "fromMillis", new JFunction((input, args) -> fromMillis(args), "<n-s?s?:s>"),
            "formatInteger", new JFunction((input, args) -> formatInteger(args), "<n-s:s>"),
            "formatNumber", new JFunction((input, args) -> formatNumber(args), "<n-so?:s>"));
  }

  /**
   * Binds every function into {@code frame}. Those that read the clock or draw random numbers are
   * bound only when {@code names} (the {@code $names} the expression mentions) holds them, as they
   * are made for each evaluation: {@code now} is the instant, in epoch milliseconds, that {@code
   * $now()} and {@code $millis()} report, and {@code random} what {@code $random()}, {@code
   * $uuid()} and {@code $shuffle()} draw from (used under a lock).
   */
  void bindInto(Jsonata.Frame frame, Set<String> names, long now, RandomGenerator random) {
    fixed.forEach(frame::bind);
    if (names.contains("now")) {
      frame.bind(
          "now",
          new JFunction(
              (input, args) -> {
                checkPicture("$now", (String) arg(args, 0), true);
                return Functions.dateTimeFromMillis(
                    now, (String) arg(args, 0), (String) arg(args, 1));
              },
              "<s?s?:s>"));
    }
    if (names.contains("millis")) {
      frame.bind("millis", new JFunction((input, args) -> now, "<:n>"));
    }
    if (names.contains("random")) {
      frame.bind("random", new JFunction((input, args) -> random(random, args), "<n?:n>"));
    }
    if (names.contains("uuid")) {
      frame.bind("uuid", new JFunction((input, args) -> uuid(random), "<:s>"));
    }
    if (names.contains("shuffle")) {
      frame.bind("shuffle", new JFunction((input, args) -> shuffle(random, args), "<a:a>"));
    }
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
    if (array.size() > EvaluationBounds.MAX_RANGE_SIZE) {
      // Only a range makes an array this long (payloads hold far fewer items); a chunk list each
      // would take gigabytes, out of reach of the evaluation timeout.
      throw new EvaluationFailure(
          "$partition takes at most "
              + EvaluationBounds.MAX_RANGE_SIZE
              + " items, but was given "
              + array.size());
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
    if (steps + 1 > EvaluationBounds.MAX_RANGE_SIZE) {
      throw new EvaluationFailure(
          "$range would create "
              + (long) (steps + 1)
              + " items, more than "
              + EvaluationBounds.MAX_RANGE_SIZE);
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

  private static Object random(RandomGenerator random, List<?> args) {
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

  private static Object uuid(RandomGenerator random) {
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

  /** JSONata's {@code $shuffle}: a random permutation, Fisher-Yates, from {@code random}. */
  private static Object shuffle(RandomGenerator random, List<?> args) {
    List<?> array = (List<?>) arg(args, 0);
    if (array == null || array.size() <= 1) {
      return array;
    }
    List<Object> shuffled = new ArrayList<>(array);
    synchronized (random) {
      for (int i = shuffled.size() - 1; i > 0; i--) {
        Collections.swap(shuffled, i, random.nextInt(i + 1));
      }
    }
    return shuffled;
  }

  /**
   * JSONata's {@code $pad}: {@code width} characters (code points) at least, padded on the right,
   * or on the left for a negative width, by repeating {@code fill} (a space by default).
   */
  private static Object pad(List<?> args) {
    String text = (String) arg(args, 0);
    Number width = (Number) arg(args, 1);
    String fill = (String) arg(args, 2);
    if (text == null) {
      return null;
    }
    if (width == null) {
      return text;
    }
    if (fill == null || fill.isEmpty()) {
      fill = " ";
    }
    // As the library reads the width: truncated to an int.
    long target = Math.abs((long) width.intValue());
    long missing = target - text.codePointCount(0, text.length());
    if (missing <= 0) {
      return text;
    }
    if (target > MAX_STRING_LENGTH) {
      throw new EvaluationFailure(
          "$pad would create a string of "
              + target
              + " characters, more than "
              + MAX_STRING_LENGTH);
    }
    int[] points = fill.codePoints().toArray();
    StringBuilder padding = new StringBuilder();
    for (long i = 0; i < missing; i++) {
      padding.appendCodePoint(points[(int) (i % points.length)]);
    }
    return width.intValue() > 0 ? text + padding : padding + text;
  }

  /**
   * JSONata's {@code $spread}: arrays flattened, each object split into one object a field, any
   * other value as it is. Builds one list instead of copying the partial result at each item.
   */
  static Object spread(Object value) {
    if (value instanceof List<?> list) {
      List<Object> empty = Utils.createSequence();
      Object result = empty;
      Utils.JList<Object> collected = null;
      for (Object item : list) {
        Object spread = spread(item);
        if (spread == null) {
          continue;
        }
        if (collected == null) {
          if (spread instanceof Utils.RangeList) {
            // As the library's append: a range appended to nothing is kept as it is.
            result = spread;
            continue;
          }
          collected = new Utils.JList<>(result == empty ? List.of() : (List<?>) result);
          result = collected;
        }
        if (spread instanceof List<?> items) {
          collected.addAll(items);
        } else {
          collected.add(spread);
        }
      }
      return result;
    }
    if (value instanceof Map<?, ?> map) {
      List<Object> fields = Utils.createSequence();
      for (Map.Entry<?, ?> field : map.entrySet()) {
        Map<Object, Object> single = new LinkedHashMap<>();
        single.put(field.getKey(), field.getValue());
        fields.add(single);
      }
      return fields;
    }
    return value;
  }

  private static Object fromMillis(List<?> args) {
    checkPicture("$fromMillis", (String) arg(args, 1), true);
    return Functions.dateTimeFromMillis(
        (Number) arg(args, 0), (String) arg(args, 1), (String) arg(args, 2));
  }

  private static Object formatInteger(List<?> args) {
    checkPicture("$formatInteger", (String) arg(args, 1), false);
    return Functions.formatInteger((Number) arg(args, 0), (String) arg(args, 1));
  }

  private static Object formatNumber(List<?> args) {
    checkPicture("$formatNumber", (String) arg(args, 1), false);
    return Functions.formatNumber(
        (Number) arg(args, 0), (String) arg(args, 1), (Map<?, ?>) arg(args, 2));
  }

  /** Refuses a picture too long, or (for date/time pictures) asking for too wide a component. */
  private static void checkPicture(String function, String picture, boolean dateTime) {
    if (picture == null) {
      return;
    }
    if (picture.length() > MAX_PICTURE_LENGTH) {
      throw new EvaluationFailure(
          "The picture string given to "
              + function
              + " has "
              + picture.length()
              + " characters, more than "
              + MAX_PICTURE_LENGTH);
    }
    if (!dateTime) {
      return;
    }
    // Widths are written inside markers: "[Y,4]", "[M01,2-2]"; "[[" is a literal bracket.
    for (int open = picture.indexOf('['); open >= 0; open = picture.indexOf('[', open + 1)) {
      if (open + 1 < picture.length() && picture.charAt(open + 1) == '[') {
        open++;
        continue;
      }
      int close = picture.indexOf(']', open);
      Matcher width = WIDTH.matcher(picture.substring(open, close < 0 ? picture.length() : close));
      while (width.find()) {
        for (int group = 1; group <= 2; group++) {
          String digits = width.group(group);
          if (digits != null
              && !digits.equals("*")
              && new BigInteger(digits).compareTo(BigInteger.valueOf(MAX_PICTURE_WIDTH)) > 0) {
            throw new EvaluationFailure(
                "The picture string given to "
                    + function
                    + " asks for a width of "
                    + digits
                    + ", more than "
                    + MAX_PICTURE_WIDTH);
          }
        }
      }
      if (close < 0) {
        return;
      }
      open = close;
    }
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
              : " (line "
                  + e.getLocation().getLineNr()
                  + ", column "
                  + e.getLocation().getColumnNr()
                  + ")";
      throw new EvaluationFailure("The argument of $parse is not valid JSON" + where);
    }
  }

  private static Object arg(List<?> args, int index) {
    return index < args.size() ? args.get(index) : null;
  }
}
