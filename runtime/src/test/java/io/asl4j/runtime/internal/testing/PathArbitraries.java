package io.asl4j.runtime.internal.testing;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Random JSONPath texts, grammar-guided: reference steps, wildcards, slices, unions, recursive
 * descent, filters with every Jayway operator, and Jayway's path functions, on the roots {@code $},
 * {@code $$} and {@code $var}; plus some raw noise after the root. Most of them parse, and most
 * keys are ones {@link JsonArbitraries} puts in documents, so they select something.
 */
public final class PathArbitraries {
  private static final List<String> FUNCTIONS =
      List.of(
          ".length()", ".size()", ".min()", ".max()", ".avg()", ".stddev()", ".sum()", ".keys()",
          ".first()", ".last()", ".index(0)", ".index(-1)", ".index(7)", ".concat('x')",
          ".concat(@.a, 'y')", ".append(1)", ".append('s', $.a)", ".append()");

  private static final List<String> OPERATORS =
      List.of(
          "==", "!=", "<", "<=", ">", ">=", "=~", "in", "nin", "subsetof", "anyof", "noneof", "size",
          "empty", "contains");

  private static final List<String> OPERANDS =
      List.of(
          "1", "-0.5", "1e999", "'x'", "\"a\"", "''", "true", "false", "null", "[1,2]", "['a','b']",
          "[]", "/a.*/", "/A/i", "/(a+)+b/", "$.a", "$['items'][0]", "@.b", "@", "{}", "'\\''");

  private PathArbitraries() {}

  /** A Path on {@code $}: what InputPath, Parameters and intrinsic arguments hold. */
  public static Arbitrary<String> inputPaths() {
    return steps().list().ofMaxSize(5).map(steps -> "$" + String.join("", steps));
  }

  /** A Path on any root: {@code $}, {@code $$} (the context object) or a variable. */
  public static Arbitrary<String> paths() {
    Arbitrary<String> root = Arbitraries.of("$", "$", "$", "$$", "$var", "$unset");
    Arbitrary<String> grammar =
        Combinators.combine(root, steps().list().ofMaxSize(5))
            .as((r, steps) -> r + String.join("", steps));
    Arbitrary<String> noise =
        Combinators.combine(
                root, Arbitraries.strings().withChars("$.[]()'\"?@*:,-0123456789ab =<>!&|").ofMaxLength(12))
            .as((r, tail) -> r + tail);
    return Arbitraries.frequencyOf(Tuple.of(9, grammar), Tuple.of(1, noise));
  }

  /** A Reference Path on {@code $}: names and indexes only, as ResultPath holds. */
  public static Arbitrary<String> referencePaths() {
    return referenceSteps().list().ofMaxSize(4).map(steps -> "$" + String.join("", steps));
  }

  private static Arbitrary<String> referenceSteps() {
    Arbitrary<String> dotted = Arbitraries.of(JsonArbitraries.PLAIN_KEYS).map(key -> "." + key);
    Arbitrary<String> quoted = JsonArbitraries.keys().map(PathArbitraries::quoted);
    Arbitrary<String> index =
        Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.integers().between(-2, 5)),
                Tuple.of(1, Arbitraries.of(Integer.MAX_VALUE, Integer.MIN_VALUE + 1, 1000)))
            .map(i -> "[" + i + "]");
    return Arbitraries.frequencyOf(Tuple.of(4, dotted), Tuple.of(2, quoted), Tuple.of(3, index));
  }

  private static Arbitrary<String> steps() {
    Arbitrary<String> key = Arbitraries.of(JsonArbitraries.PLAIN_KEYS);
    Arbitrary<Integer> small = Arbitraries.integers().between(-3, 4);
    Arbitrary<String> wildcard = Arbitraries.of("[*]", ".*", "..*");
    Arbitrary<String> descent = key.map(k -> ".." + k);
    Arbitrary<String> slice =
        Combinators.combine(
                small.injectNull(0.3), small.injectNull(0.3), Arbitraries.of(0, 1, 2, -1).injectNull(0.6))
            .as(
                (from, to, step) ->
                    "["
                        + (from == null ? "" : from)
                        + ":"
                        + (to == null ? "" : to)
                        + (step == null ? "" : ":" + step)
                        + "]");
    Arbitrary<String> union =
        Arbitraries.oneOf(
            key.list().ofMinSize(2).ofMaxSize(3).map(keys -> "['" + String.join("','", keys) + "']"),
            small.list().ofMinSize(2).ofMaxSize(3).map(
                indexes -> "[" + String.join(",", indexes.stream().map(String::valueOf).toList()) + "]"));
    Arbitrary<String> function = Arbitraries.of(FUNCTIONS);
    return Arbitraries.frequencyOf(
        Tuple.of(6, referenceSteps()),
        Tuple.of(2, wildcard),
        Tuple.of(1, descent),
        Tuple.of(1, slice),
        Tuple.of(1, union),
        Tuple.of(2, filters()),
        Tuple.of(1, function));
  }

  private static Arbitrary<String> filters() {
    Arbitrary<String> operand = Arbitraries.of("@", "@.a", "@.b", "@.n", "@.items", "@['a b']", "$.a", "@.a.length()");
    Arbitrary<String> comparison =
        Combinators.combine(operand, Arbitraries.of(OPERATORS), Arbitraries.of(OPERANDS))
            .as((left, op, right) -> left + " " + op + " " + right);
    Arbitrary<String> existence = operand.map(o -> o.startsWith("$") ? "@.c" : o);
    Arbitrary<String> term = Arbitraries.frequencyOf(Tuple.of(3, comparison), Tuple.of(1, existence));
    Arbitrary<String> condition =
        Arbitraries.oneOf(
            term,
            term.map(t -> "!(" + t + ")"),
            Combinators.combine(term, Arbitraries.of(" && ", " || "), term).as((a, op, b) -> a + op + b));
    return condition.map(c -> "[?(" + c + ")]");
  }

  /** {@code ['key']}, or {@code ["key"]} for a key holding a single quote. */
  private static String quoted(String key) {
    return key.indexOf('\'') < 0 ? "['" + key + "']" : "[\"" + key + "\"]";
  }
}
