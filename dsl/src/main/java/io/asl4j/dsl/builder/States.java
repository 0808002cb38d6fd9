package io.asl4j.dsl.builder;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The intrinsic functions of JSONPath-mode ASL as typed Java calls. Arguments are {@link
 * Expression}s (paths and other calls) or literals: strings are quoted and escaped ({@code '},
 * {@code {}, {@code }} and {@code \} get a backslash), numbers, booleans and {@code null} are
 * written as is.
 *
 * <pre>{@code
 * ObjectPath input = JsonPaths.input();
 * States.format("Order {} for {}", input.string("id"), input.string("name")).asl();
 * // States.Format('Order {} for {}', $.id, $.name)
 * States.mathAdd(input.number("count"), 1).asl();          // States.MathAdd($.count, 1)
 * States.arrayLength(input.list("orders")).asl();          // States.ArrayLength($.orders)
 * }</pre>
 *
 * @see <a href="https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html">
 *     Intrinsic functions</a>
 */
public final class States {
  private States() {}

  /** {@code States.Format(template, args...)}: fills each {@code {}} of the template in turn. */
  public static Intrinsic format(String template, Object... args) {
    List<Object> all = new ArrayList<>();
    all.add(new Template(Objects.requireNonNull(template, "template == null")));
    all.addAll(List.of(nonNullArray(args)));
    return call("States.Format", all.toArray());
  }

  /** {@code States.Format} with the template itself computed. */
  public static Intrinsic format(Expression template, Object... args) {
    List<Object> all = new ArrayList<>();
    all.add(template);
    all.addAll(List.of(nonNullArray(args)));
    return call("States.Format", all.toArray());
  }

  /** {@code States.StringToJson(value)}: parses a JSON string. */
  public static Intrinsic stringToJson(Expression value) {
    return call("States.StringToJson", value);
  }

  /** {@code States.JsonToString(value)}: serialises a value. */
  public static Intrinsic jsonToString(Expression value) {
    return call("States.JsonToString", value);
  }

  /** {@code States.Array(values...)}. */
  public static Intrinsic array(Object... values) {
    return call("States.Array", nonNullArray(values));
  }

  /** {@code States.ArrayPartition(array, size)}: chunks of at most {@code size} items. */
  public static Intrinsic arrayPartition(Expression array, int size) {
    return call("States.ArrayPartition", array, size);
  }

  /** {@code States.ArrayPartition(array, size)} with the size computed. */
  public static Intrinsic arrayPartition(Expression array, Expression size) {
    return call("States.ArrayPartition", array, size);
  }

  /** {@code States.ArrayContains(array, value)}. */
  public static Intrinsic arrayContains(Expression array, Object value) {
    return call("States.ArrayContains", array, value);
  }

  /** {@code States.ArrayRange(first, last, step)}. */
  public static Intrinsic arrayRange(long first, long last, long step) {
    return call("States.ArrayRange", first, last, step);
  }

  /** {@code States.ArrayRange} with any argument computed (each a number or an expression). */
  public static Intrinsic arrayRange(Object first, Object last, Object step) {
    return call("States.ArrayRange", first, last, step);
  }

  /** {@code States.ArrayGetItem(array, index)}. */
  public static Intrinsic arrayGetItem(Expression array, int index) {
    return call("States.ArrayGetItem", array, index);
  }

  /** {@code States.ArrayGetItem(array, index)} with the index computed. */
  public static Intrinsic arrayGetItem(Expression array, Expression index) {
    return call("States.ArrayGetItem", array, index);
  }

  /** {@code States.ArrayLength(array)}. */
  public static Intrinsic arrayLength(Expression array) {
    return call("States.ArrayLength", array);
  }

  /** {@code States.ArrayUnique(array)}. */
  public static Intrinsic arrayUnique(Expression array) {
    return call("States.ArrayUnique", array);
  }

  /** {@code States.Base64Encode(value)}. */
  public static Intrinsic base64Encode(Object value) {
    return call("States.Base64Encode", value);
  }

  /** {@code States.Base64Decode(value)}. */
  public static Intrinsic base64Decode(Object value) {
    return call("States.Base64Decode", value);
  }

  /** {@code States.Hash(data, algorithm)}; algorithms: MD5, SHA-1, SHA-256, SHA-384, SHA-512. */
  public static Intrinsic hash(Object data, String algorithm) {
    return call("States.Hash", data, algorithm);
  }

  /** {@code States.JsonMerge(left, right, false)}: a shallow merge (AWS allows only shallow). */
  public static Intrinsic jsonMerge(Expression left, Expression right) {
    return call("States.JsonMerge", left, right, false);
  }

  /** {@code States.MathRandom(start, end)}. */
  public static Intrinsic mathRandom(Object start, Object end) {
    return call("States.MathRandom", start, end);
  }

  /** {@code States.MathRandom(start, end, seed)}. */
  public static Intrinsic mathRandom(Object start, Object end, Object seed) {
    return call("States.MathRandom", start, end, seed);
  }

  /** {@code States.MathAdd(value, step)}. */
  public static Intrinsic mathAdd(Expression value, long step) {
    return call("States.MathAdd", value, step);
  }

  /** {@code States.MathAdd(value, step)} with both computed. */
  public static Intrinsic mathAdd(Expression value, Expression step) {
    return call("States.MathAdd", value, step);
  }

  /** {@code States.StringSplit(value, separators)}. */
  public static Intrinsic stringSplit(Object value, String separators) {
    return call("States.StringSplit", value, separators);
  }

  /** {@code States.UUID()}: a random version 4 UUID. */
  public static Intrinsic uuid() {
    return call("States.UUID");
  }

  private static Object[] nonNullArray(Object[] values) {
    return Objects.requireNonNull(values, "values == null");
  }

  private static Intrinsic call(String function, Object... args) {
    StringBuilder text = new StringBuilder(function).append('(');
    for (int i = 0; i < args.length; i++) {
      if (i > 0) {
        text.append(", ");
      }
      text.append(argument(args[i]));
    }
    return new Intrinsic(text.append(')').toString());
  }

  static String argument(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof Expression expression) {
      return expression.asl();
    }
    if (value instanceof String s) {
      return "'" + escape(s, "'{}\\") + "'";
    }
    if (value instanceof Template t) {
      // The template's {} are placeholders, so only quotes and backslashes are escaped.
      return "'" + escape(t.text(), "'\\") + "'";
    }
    if (value instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if ((value instanceof Double || value instanceof Float)
        && !Double.isFinite(((Number) value).doubleValue())) {
      throw new IllegalArgumentException(
          "not a finite number: " + value + " (JSON has no NaN or Infinity)");
    }
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    throw new IllegalArgumentException(
        "not an intrinsic argument (expected an Expression, String, Number, Boolean or null): "
            + value.getClass().getName());
  }

  private record Template(String text) {}

  private static String escape(String s, String special) {
    StringBuilder out = new StringBuilder();
    for (char c : s.toCharArray()) {
      if (special.indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }
}
