package io.asl4j.runtime.internal.expression;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.asl4j.dsl.expression.AslPath;
import io.asl4j.dsl.expression.IntrinsicArgument;
import io.asl4j.dsl.expression.IntrinsicArgument.BooleanLiteral;
import io.asl4j.dsl.expression.IntrinsicArgument.CallArgument;
import io.asl4j.dsl.expression.IntrinsicArgument.NumberLiteral;
import io.asl4j.dsl.expression.IntrinsicArgument.PathArgument;
import io.asl4j.dsl.expression.IntrinsicArgument.StringLiteral;
import io.asl4j.dsl.expression.IntrinsicCall;
import io.asl4j.runtime.StatesError;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.StringTokenizer;
import java.util.UUID;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * Runs intrinsic function calls with the behaviour recorded on AWS.
 *
 * <pre>{@code
 * IntrinsicEvaluator intrinsics = IntrinsicEvaluator.withRandom(new SplittableRandom(7));
 * IntrinsicCall add = IntrinsicCall.parse("States.MathAdd(1.5, $.n)");
 * intrinsics.evaluate(add, input, context, name -> null);
 * // with input {"n": 1.49}: 3, as each argument is rounded half up first
 * }</pre>
 *
 * <p>The quirks that matter, each seen in recordings: {@code States.MathAdd} rounds each argument
 * like Java's {@code Math.round} before adding ({@code -1.5} counts as {@code -1}); {@code
 * States.Format} inserts strings raw, numbers, booleans and null as JSON, and objects and arrays in
 * Java's {@code Map}/{@code List} notation ({@code {a=1, b=[x, y]}}); {@code States.StringSplit}
 * splits on every character of its second argument and drops empty pieces; {@code
 * States.StringToJson} of an empty or blank string is {@code null}; {@code States.ArrayRange}
 * includes its end when the step lands on it.
 *
 * <p>Argument errors raise {@code States.Runtime} naming the call. Text that would outgrow the 256
 * KiB payload limit ({@code States.Format}, {@code States.JsonToString}, and {@code
 * States.ArrayUnique} comparing items that large) stops at the limit with {@code
 * States.DataLimitExceeded}. Numbers of any size are answered at once: {@code 1E+999999999} is out
 * of range, never written out digit by digit. {@code States.MathRandom} without a seed and {@code
 * States.UUID} draw from the {@link RandomGenerator} given here, so runs can be reproduced.
 */
public final class IntrinsicEvaluator {
  private static final int MAX_RANGE_ITEMS = 1000;
  private static final int MAX_STRING_LENGTH = 10_000;

  /** AWS's payload limit: no text an intrinsic makes can be part of a larger payload. */
  private static final int PAYLOAD_LIMIT_BYTES = 256 * 1024;

  private static final List<String> HASH_ALGORITHMS =
      List.of("MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512");
  private static final BigDecimal HALF = new BigDecimal("0.5");
  private static final BigInteger INT_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
  private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);
  private static final int HUGE_DIGITS = 40;
  private static final BigInteger HUGE = BigInteger.TEN.pow(HUGE_DIGITS);
  // No recording shows an intrinsic failing; AWS reports its own evaluation errors as
  // States.Runtime.
  private static final String FAILURE = "States.Runtime";

  private final RandomGenerator random;

  private IntrinsicEvaluator(RandomGenerator random) {
    this.random = random;
  }

  /**
   * An evaluator drawing unseeded random numbers and UUIDs from {@code random}. Calls are
   * serialized on it, so generators that are not thread-safe are fine.
   */
  public static IntrinsicEvaluator withRandom(RandomGenerator random) {
    return new IntrinsicEvaluator(Objects.requireNonNull(random, "random == null"));
  }

  /** An evaluator drawing from a {@link SecureRandom}, as {@link UUID#randomUUID()} does. */
  public static IntrinsicEvaluator standard() {
    return new IntrinsicEvaluator(new SecureRandom());
  }

  /**
   * The value of {@code call}.
   *
   * @throws StatesError {@code States.Runtime} for a bad argument, or a Path argument that selects
   *     nothing ({@code The JSONPath '$.x' could not be found in the input '...'}); {@code
   *     States.DataLimitExceeded} for a result over the payload limit
   */
  public JsonNode evaluate(
      IntrinsicCall call, JsonNode input, JsonNode context, Function<String, JsonNode> variables) {
    return evaluate(call, null, input, context, variables);
  }

  /**
   * The value of {@code call} written in the field {@code field} (e.g. {@code value.$} or {@code
   * CausePath}), which a missing Path argument's cause names: {@code The JSONPath '$.x' specified
   * for the field 'value.$' could not be found in the input '...'}.
   */
  public JsonNode evaluate(
      IntrinsicCall call,
      String field,
      JsonNode input,
      JsonNode context,
      Function<String, JsonNode> variables) {
    Objects.requireNonNull(call, "call == null");
    Objects.requireNonNull(variables, "variables == null");
    return call(call, field, input, context, variables);
  }

  private JsonNode call(
      IntrinsicCall call,
      String field,
      JsonNode input,
      JsonNode context,
      Function<String, JsonNode> variables) {
    List<JsonNode> args = new ArrayList<>(call.arguments().size());
    for (IntrinsicArgument argument : call.arguments()) {
      args.add(argument(argument, field, input, context, variables));
    }
    switch (call.function()) {
      case FORMAT:
        return format(call, args);
      case STRING_TO_JSON:
        return stringToJson(call, args.get(0));
      case JSON_TO_STRING:
        return jsonToString(call, args.get(0));
      case ARRAY:
        return Json.MAPPER.createArrayNode().addAll(args);
      case ARRAY_PARTITION:
        return arrayPartition(call, args);
      case ARRAY_CONTAINS:
        return arrayContains(call, args);
      case ARRAY_RANGE:
        return arrayRange(call, args);
      case ARRAY_GET_ITEM:
        return arrayGetItem(call, args);
      case ARRAY_LENGTH:
        return IntNode.valueOf(array(call, args, 0).size());
      case ARRAY_UNIQUE:
        return arrayUnique(call, args);
      case BASE64_ENCODE:
        return base64Encode(call, args);
      case BASE64_DECODE:
        return base64Decode(call, args);
      case HASH:
        return hash(call, args);
      case JSON_MERGE:
        return jsonMerge(call, args);
      case MATH_RANDOM:
        return mathRandom(call, args);
      case MATH_ADD:
        return mathAdd(call, args);
      case STRING_SPLIT:
        return stringSplit(call, args);
      case UUID:
        return uuid();
      default:
        throw new AssertionError(call.function());
    }
  }

  private JsonNode argument(
      IntrinsicArgument argument,
      String field,
      JsonNode input,
      JsonNode context,
      Function<String, JsonNode> variables) {
    if (argument instanceof StringLiteral) {
      return TextNode.valueOf(((StringLiteral) argument).value());
    }
    if (argument instanceof NumberLiteral) {
      return ((NumberLiteral) argument).value();
    }
    if (argument instanceof BooleanLiteral) {
      return BooleanNode.valueOf(((BooleanLiteral) argument).value());
    }
    if (argument instanceof PathArgument) {
      AslPath path = ((PathArgument) argument).path();
      PathResult result = PathEvaluator.lookup(path, input, context, variables);
      if (result instanceof PathResult.Missing) {
        JsonNode document = PathEvaluator.root(path, input, context, variables);
        throw new StatesError(
            "States.Runtime",
            ValueExpression.notFoundCause(path, field, document == null ? input : document));
      }
      return ((PathResult.Found) result).value();
    }
    if (argument instanceof CallArgument) {
      return call(((CallArgument) argument).call(), field, input, context, variables);
    }
    return NullNode.instance;
  }

  private static JsonNode format(IntrinsicCall call, List<JsonNode> args) {
    JsonNode template = args.get(0);
    if (!template.isTextual()) {
      throw invalid(call, "the template must be a string, not " + Json.describe(template));
    }
    IntrinsicArgument written = call.arguments().get(0);
    // In a literal template, escaped braces are text; in a template read from data, "{}" always
    // marks a value.
    List<String> pieces =
        written instanceof StringLiteral
            ? splitTemplate(((StringLiteral) written).source(), true)
            : splitTemplate(template.textValue(), false);
    int values = args.size() - 1;
    if (pieces.size() - 1 != values) {
      throw invalid(
          call,
          "the template has "
              + (pieces.size() - 1)
              + " placeholder(s) but "
              + values
              + " value(s) were given");
    }
    StringBuilder out = new StringBuilder(pieces.get(0));
    for (int i = 1; i < pieces.size(); i++) {
      javaStyle(call, args.get(i), out);
      out.append(pieces.get(i));
      checkLength(call, out.length());
    }
    if (utf8Length(out) > PAYLOAD_LIMIT_BYTES) {
      throw tooLarge(call);
    }
    return TextNode.valueOf(out.toString());
  }

  private static List<String> splitTemplate(String template, boolean escapes) {
    List<String> pieces = new ArrayList<>();
    StringBuilder piece = new StringBuilder();
    for (int i = 0; i < template.length(); i++) {
      char c = template.charAt(i);
      if (escapes && c == '\\' && i + 1 < template.length()) {
        piece.append(template.charAt(++i));
      } else if (c == '{' && i + 1 < template.length() && template.charAt(i + 1) == '}') {
        pieces.add(piece.toString());
        piece.setLength(0);
        i++;
      } else {
        piece.append(c);
      }
    }
    pieces.add(piece.toString());
    return pieces;
  }

  /**
   * Strings raw, scalars as JSON, containers as Java's Map and List print themselves. Stops with
   * {@code States.DataLimitExceeded} as soon as the text outgrows the payload limit: an array may
   * hold the same large value many times over.
   */
  private static void javaStyle(IntrinsicCall call, JsonNode value, StringBuilder out) {
    if (value.isTextual()) {
      out.append(value.textValue());
    } else if (value.isObject()) {
      out.append('{');
      String separator = "";
      for (Map.Entry<String, JsonNode> member : value.properties()) {
        out.append(separator).append(member.getKey()).append('=');
        javaStyle(call, member.getValue(), out);
        separator = ", ";
      }
      out.append('}');
    } else if (value.isArray()) {
      out.append('[');
      String separator = "";
      for (JsonNode element : value) {
        out.append(separator);
        javaStyle(call, element, out);
        separator = ", ";
      }
      out.append(']');
    } else {
      out.append(Json.compact(value));
    }
    checkLength(call, out.length());
  }

  /** Fails once text has more characters than the payload limit has bytes. */
  private static void checkLength(IntrinsicCall call, int length) {
    if (length > PAYLOAD_LIMIT_BYTES) {
      throw tooLarge(call);
    }
  }

  private static JsonNode jsonToString(IntrinsicCall call, JsonNode value) {
    LimitedWriter out = new LimitedWriter(PAYLOAD_LIMIT_BYTES);
    try {
      Json.MAPPER.writeValue(out, value);
    } catch (IOException | RuntimeException e) {
      if (out.exceeded) {
        throw tooLarge(call);
      }
      throw invalid(call, "the value cannot be written as JSON: " + e.getMessage());
    }
    return TextNode.valueOf(out.text.toString());
  }

  /** The UTF-8 size of {@code text}, counted without encoding it. */
  private static long utf8Length(CharSequence text) {
    long bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      // A surrogate pair is 4 bytes, 2 for each half; a lone surrogate is written as "?".
      bytes += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
    }
    return bytes;
  }

  /** Collects text until it outgrows a byte limit, then refuses more. */
  private static final class LimitedWriter extends Writer {
    private final StringBuilder text = new StringBuilder();
    private final long limit;
    private long bytes;
    private boolean exceeded;

    LimitedWriter(long limit) {
      this.limit = limit;
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
      CharSequence written = CharBuffer.wrap(chars, offset, length);
      bytes += utf8Length(written);
      if (bytes > limit) {
        exceeded = true;
        throw new IOException("more than " + limit + " bytes");
      }
      text.append(chars, offset, length);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }

  private static JsonNode stringToJson(IntrinsicCall call, JsonNode text) {
    if (!text.isTextual()) {
      throw invalid(call, "the argument must be a string, not " + Json.describe(text));
    }
    if (text.textValue().isBlank()) {
      return NullNode.instance;
    }
    try {
      return Json.MAPPER.readTree(text.textValue());
    } catch (JsonProcessingException e) {
      throw invalid(call, "the string is not valid JSON: " + e.getOriginalMessage());
    }
  }

  private static JsonNode arrayPartition(IntrinsicCall call, List<JsonNode> args) {
    JsonNode array = array(call, args, 0);
    BigInteger size = rounded(call, args, 1);
    if (size.signum() <= 0) {
      throw invalid(call, "the chunk size must be a positive integer, not " + size);
    }
    int chunk = size.min(BigInteger.valueOf(Integer.MAX_VALUE)).intValue();
    ArrayNode chunks = Json.MAPPER.createArrayNode();
    for (int start = 0; start < array.size(); start += chunk) {
      ArrayNode part = chunks.addArray();
      for (int i = start; i < Math.min(array.size(), start + chunk); i++) {
        part.add(array.get(i));
      }
    }
    return chunks;
  }

  private static JsonNode arrayContains(IntrinsicCall call, List<JsonNode> args) {
    JsonNode array = array(call, args, 0);
    for (JsonNode element : array) {
      if (JsonValues.equal(element, args.get(1))) {
        return BooleanNode.TRUE;
      }
    }
    return BooleanNode.FALSE;
  }

  private static JsonNode arrayRange(IntrinsicCall call, List<JsonNode> args) {
    long start = int32(call, rounded(call, args, 0), "the start");
    long end = int32(call, rounded(call, args, 1), "the end");
    long step = int32(call, rounded(call, args, 2), "the step");
    if (step == 0) {
      throw invalid(call, "the step must not be 0");
    }
    long count = (step > 0 ? end >= start : end <= start) ? (end - start) / step + 1 : 0;
    if (count > MAX_RANGE_ITEMS) {
      throw invalid(
          call,
          "the range has " + count + " elements but an array may have at most " + MAX_RANGE_ITEMS);
    }
    ArrayNode range = Json.MAPPER.createArrayNode();
    for (long i = 0; i < count; i++) {
      range.add(Json.integer(start + i * step));
    }
    return range;
  }

  private static JsonNode arrayGetItem(IntrinsicCall call, List<JsonNode> args) {
    JsonNode array = array(call, args, 0);
    JsonNode index = args.get(1);
    if (!index.isNumber() || !JsonNumbers.isWhole(index)) {
      throw invalid(call, "the index must be an integer, not " + Json.describe(index));
    }
    Long i = JsonNumbers.wholeLong(index);
    if (i == null || i < 0 || i >= array.size()) {
      throw invalid(
          call,
          "the index "
              + (i == null ? index.asText() : i)
              + " is out of bounds for an array of length "
              + array.size());
    }
    return array.get(i.intValue());
  }

  private static JsonNode arrayUnique(IntrinsicCall call, List<JsonNode> args) {
    JsonNode array = array(call, args, 0);
    Set<String> seen = new HashSet<>();
    ArrayNode unique = Json.MAPPER.createArrayNode();
    for (JsonNode element : array) {
      String canonical = JsonValues.canonical(element, PAYLOAD_LIMIT_BYTES);
      if (canonical == null) {
        throw tooLarge(call);
      }
      if (seen.add(canonical)) {
        unique.add(element);
      }
    }
    return unique;
  }

  private static JsonNode base64Encode(IntrinsicCall call, List<JsonNode> args) {
    String text = boundedString(call, args, 0, "the data");
    return TextNode.valueOf(
        Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static JsonNode base64Decode(IntrinsicCall call, List<JsonNode> args) {
    String text = boundedString(call, args, 0, "the data");
    try {
      return TextNode.valueOf(new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      throw invalid(call, "the data is not Base64: " + e.getMessage());
    }
  }

  private static JsonNode hash(IntrinsicCall call, List<JsonNode> args) {
    String data = boundedString(call, args, 0, "the data");
    String algorithm = string(call, args, 1, "the algorithm");
    if (!HASH_ALGORITHMS.contains(algorithm)) {
      throw invalid(
          call,
          "the algorithm must be one of "
              + String.join(", ", HASH_ALGORITHMS)
              + ", not '"
              + algorithm
              + "'");
    }
    try {
      byte[] digest =
          MessageDigest.getInstance(algorithm).digest(data.getBytes(StandardCharsets.UTF_8));
      return TextNode.valueOf(java.util.HexFormat.of().formatHex(digest));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides " + algorithm, e);
    }
  }

  private static JsonNode jsonMerge(IntrinsicCall call, List<JsonNode> args) {
    JsonNode first = args.get(0);
    JsonNode second = args.get(1);
    JsonNode deep = args.get(2);
    if (!first.isObject()) {
      throw invalid(call, "argument 1 must be an object, not " + Json.describe(first));
    }
    if (!second.isObject()) {
      throw invalid(call, "argument 2 must be an object, not " + Json.describe(second));
    }
    if (!deep.isBoolean()) {
      throw invalid(call, "argument 3 must be the boolean false, not " + Json.describe(deep));
    }
    if (deep.booleanValue()) {
      throw invalid(call, "only the shallow merge is supported: argument 3 must be false");
    }
    ObjectNode merged = Json.MAPPER.createObjectNode();
    merged.setAll((ObjectNode) first);
    merged.setAll((ObjectNode) second);
    return merged;
  }

  private JsonNode mathRandom(IntrinsicCall call, List<JsonNode> args) {
    int start = int32(call, rounded(call, args, 0), "the start");
    int end = int32(call, rounded(call, args, 1), "the end");
    if (end <= start) {
      throw invalid(call, "the end (" + end + ") must be greater than the start (" + start + ")");
    }
    if (args.size() == 3) {
      long seed = rounded(call, args, 2).longValue();
      return IntNode.valueOf(new Random(seed).nextInt(start, end));
    }
    synchronized (random) {
      return IntNode.valueOf(random.nextInt(start, end));
    }
  }

  private static JsonNode mathAdd(IntrinsicCall call, List<JsonNode> args) {
    long a = int32(call, rounded(call, args, 0), "argument 1");
    long b = int32(call, rounded(call, args, 1), "argument 2");
    return Json.integer(a + b);
  }

  private static JsonNode stringSplit(IntrinsicCall call, List<JsonNode> args) {
    String text = string(call, args, 0, "the string");
    String delimiters = string(call, args, 1, "the delimiters");
    ArrayNode parts = Json.MAPPER.createArrayNode();
    for (StringTokenizer tokens = new StringTokenizer(text, delimiters); tokens.hasMoreTokens(); ) {
      parts.add(tokens.nextToken());
    }
    return parts;
  }

  private JsonNode uuid() {
    long high;
    long low;
    synchronized (random) {
      high = random.nextLong();
      low = random.nextLong();
    }
    high = (high & 0xffff_ffff_ffff_0fffL) | 0x0000_0000_0000_4000L; // version 4
    low = (low & 0x3fff_ffff_ffff_ffffL) | 0x8000_0000_0000_0000L; // IETF variant
    return TextNode.valueOf(new UUID(high, low).toString());
  }

  private static JsonNode array(IntrinsicCall call, List<JsonNode> args, int i) {
    JsonNode value = args.get(i);
    if (!value.isArray()) {
      throw invalid(call, "argument " + (i + 1) + " must be an array, not " + Json.describe(value));
    }
    return value;
  }

  private static String string(IntrinsicCall call, List<JsonNode> args, int i, String what) {
    JsonNode value = args.get(i);
    if (!value.isTextual()) {
      throw invalid(call, what + " must be a string, not " + Json.describe(value));
    }
    return value.textValue();
  }

  private static String boundedString(IntrinsicCall call, List<JsonNode> args, int i, String what) {
    String text = string(call, args, i, what);
    if (text.length() > MAX_STRING_LENGTH) {
      throw invalid(
          call,
          what
              + " has "
              + text.length()
              + " characters but at most "
              + MAX_STRING_LENGTH
              + " are allowed");
    }
    return text;
  }

  /**
   * A number rounded half up, as Java's {@code Math.round} does: -1.5 → -1, 1.5 → 2. A number with
   * more than {@value #HUGE_DIGITS} digits before the point comes back as ±10^{@value
   * #HUGE_DIGITS}, as out of every range callers accept as itself: rounding {@code 1E+999999999}
   * exactly would write out its billion digits.
   */
  private static BigInteger rounded(IntrinsicCall call, List<JsonNode> args, int i) {
    JsonNode value = args.get(i);
    if (!value.isNumber()) {
      throw invalid(call, "argument " + (i + 1) + " must be a number, not " + Json.describe(value));
    }
    BigDecimal decimal = JsonNumbers.decimal(value);
    if (decimal == null) {
      throw invalid(
          call, "argument " + (i + 1) + " must be a finite number, not " + value.asText());
    }
    long digits = JsonNumbers.integerDigits(decimal);
    if (digits > HUGE_DIGITS) {
      return decimal.signum() > 0 ? HUGE : HUGE.negate();
    }
    if (digits <= 0) {
      // Below 1 in magnitude the answer is -1, 0 or 1; adding 0.5 to 1E-999999999 would not be
      // cheap.
      return BigInteger.valueOf(
          decimal.compareTo(HALF) >= 0 ? 1 : decimal.compareTo(HALF.negate()) >= 0 ? 0 : -1);
    }
    return decimal.add(HALF).setScale(0, RoundingMode.FLOOR).toBigIntegerExact();
  }

  private static int int32(IntrinsicCall call, BigInteger value, String what) {
    if (value.compareTo(INT_MIN) < 0 || value.compareTo(INT_MAX) > 0) {
      throw invalid(
          call,
          what
              + " ("
              + (value.abs().equals(HUGE)
                  ? (value.signum() < 0 ? "-" : "") + "more than 10^" + HUGE_DIGITS
                  : value)
              + ") must be between "
              + Integer.MIN_VALUE
              + " and "
              + Integer.MAX_VALUE);
    }
    return value.intValue();
  }

  private static StatesError tooLarge(IntrinsicCall call) {
    return new StatesError(
        "States.DataLimitExceeded",
        "The intrinsic function "
            + call.text()
            + " returned a result with a size exceeding the maximum number of bytes service limit.");
  }

  private static StatesError invalid(IntrinsicCall call, String problem) {
    return new StatesError(FAILURE, "Invalid arguments in " + call.text() + ": " + problem);
  }
}
