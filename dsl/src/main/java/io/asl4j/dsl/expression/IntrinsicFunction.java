package io.asl4j.dsl.expression;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The intrinsic functions of JSONPath-mode ASL, with how many arguments each takes.
 *
 * <pre>{@code
 * IntrinsicFunction f = IntrinsicFunction.forName("States.MathRandom").orElseThrow();
 * f.minArguments(); // 2
 * f.maxArguments(); // 3
 * }</pre>
 *
 * @see <a href="https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html">
 *     Intrinsic functions</a>
 */
public enum IntrinsicFunction {
  FORMAT("States.Format", 1, Integer.MAX_VALUE),
  STRING_TO_JSON("States.StringToJson", 1, 1),
  JSON_TO_STRING("States.JsonToString", 1, 1),
  ARRAY("States.Array", 0, Integer.MAX_VALUE),
  ARRAY_PARTITION("States.ArrayPartition", 2, 2),
  ARRAY_CONTAINS("States.ArrayContains", 2, 2),
  ARRAY_RANGE("States.ArrayRange", 3, 3),
  ARRAY_GET_ITEM("States.ArrayGetItem", 2, 2),
  ARRAY_LENGTH("States.ArrayLength", 1, 1),
  ARRAY_UNIQUE("States.ArrayUnique", 1, 1),
  BASE64_ENCODE("States.Base64Encode", 1, 1),
  BASE64_DECODE("States.Base64Decode", 1, 1),
  HASH("States.Hash", 2, 2),
  JSON_MERGE("States.JsonMerge", 3, 3),
  MATH_RANDOM("States.MathRandom", 2, 3),
  MATH_ADD("States.MathAdd", 2, 2),
  STRING_SPLIT("States.StringSplit", 2, 2),
  UUID("States.UUID", 0, 0);

  private static final Map<String, IntrinsicFunction> BY_NAME =
      Stream.of(values())
          .collect(Collectors.toUnmodifiableMap(f -> f.aslName, Function.identity()));

  private final String aslName;
  private final int minArguments;
  private final int maxArguments;

  IntrinsicFunction(String aslName, int minArguments, int maxArguments) {
    this.aslName = aslName;
    this.minArguments = minArguments;
    this.maxArguments = maxArguments;
  }

  /** The function for an ASL name such as {@code States.Format}; names are case-sensitive. */
  public static Optional<IntrinsicFunction> forName(String aslName) {
    return Optional.ofNullable(BY_NAME.get(Objects.requireNonNull(aslName, "aslName == null")));
  }

  /** The name as written in ASL, e.g. {@code States.Format}. */
  public String aslName() {
    return aslName;
  }

  /** The fewest arguments a call may pass. */
  public int minArguments() {
    return minArguments;
  }

  /** The most arguments a call may pass; {@link Integer#MAX_VALUE} for variadic functions. */
  public int maxArguments() {
    return maxArguments;
  }

  /** True for {@code States.Format} and {@code States.Array}, which take any number of values. */
  public boolean isVariadic() {
    return maxArguments == Integer.MAX_VALUE;
  }

  /** "takes 2 arguments", "takes 2 or 3 arguments", "takes at least 1 argument", ... */
  String arityDescription() {
    if (isVariadic()) {
      return "takes at least " + plural(minArguments);
    }
    if (minArguments == maxArguments) {
      return minArguments == 0 ? "takes no arguments" : "takes " + plural(minArguments);
    }
    return "takes " + minArguments + " or " + plural(maxArguments);
  }

  private static String plural(int count) {
    return count + (count == 1 ? " argument" : " arguments");
  }
}
