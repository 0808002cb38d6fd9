package io.asl4j.runtime.internal.testing;

import io.asl4j.dsl.expression.AslPath;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Random JSONPath texts, written from the grammar: reference steps, wildcards, slices, unions,
 * recursive descent, filters with every Jayway operator, and Jayway's path functions, on the roots
 * {@code $}, {@code $$} and {@code $var}. Every one parses, so that a property given one evaluates
 * it; most keys are ones {@link JsonArbitraries} puts in documents, so they select something. What
 * does not parse comes from {@link #brokenPaths()}: such a path, broken in one known way.
 */
public final class PathArbitraries {
  private static final List<String> FUNCTIONS =
      List.of(
          ".length()",
          ".size()",
          ".min()",
          ".max()",
          ".avg()",
          ".stddev()",
          ".sum()",
          ".keys()",
          ".first()",
          ".last()",
          ".index(0)",
          ".index(-1)",
          ".index(7)",
          ".concat('x')",
          ".concat(@.a, 'y')",
          ".append(1)",
          ".append('s', $.a)",
          ".append()");

  private static final List<String> OPERATORS =
      List.of(
          "==",
          "!=",
          "<",
          "<=",
          ">",
          ">=",
          "=~",
          "in",
          "nin",
          "subsetof",
          "anyof",
          "noneof",
          "size",
          "empty",
          "contains");

  private static final List<String> OPERANDS =
      List.of(
          "1",
          "-0.5",
          "1e999",
          "'x'",
          "\"a\"",
          "''",
          "true",
          "false",
          "null",
          "[1,2]",
          "['a','b']",
          "[]",
          "/a.*/",
          "/A/i",
          "/(a+)+b/",
          "$.a",
          "$['items'][0]",
          "@.b",
          "@",
          "{}",
          "'\\''");

  private PathArbitraries() {}

  /** A Path on {@code $}: what InputPath, Parameters and intrinsic arguments hold. */
  public static Arbitrary<String> inputPaths() {
    return steps().list().ofMaxSize(5).map(steps -> "$" + String.join("", steps));
  }

  /** A Path on any root: {@code $}, {@code $$} (the context object) or a variable. */
  public static Arbitrary<String> paths() {
    Arbitrary<String> root = Arbitraries.of("$", "$", "$", "$$", "$var", "$unset");
    return Combinators.combine(root, steps().list().ofMaxSize(5))
        .as((r, steps) -> r + String.join("", steps));
  }

  /**
   * The ways {@link #brokenPaths()} breaks a path, each about a seventh of them. Only ways Jayway,
   * AWS's JSONPath dialect, always refuses: it accepts {@code $.a[} and {@code $.nosuch()} (the
   * latter fails when evaluated), so neither is here.
   */
  public static final List<String> BREAKAGES =
      List.of(
          "ends with '.'",
          "unclosed quote",
          "empty slice",
          "blank in a name",
          "no root",
          "unclosed filter",
          "too many steps");

  /** A path that does not parse: one of {@link #paths()} broken in one way, and how. */
  public record Broken(String text, String how) {}

  /** Paths of {@link #paths()}, each broken in one of the {@link #BREAKAGES} ways. */
  public static Arbitrary<Broken> brokenPaths() {
    return Combinators.combine(
            paths(), Arbitraries.of(BREAKAGES), Arbitraries.integers().between(0, 1000))
        .as((path, how, choice) -> new Broken(broken(path, how, choice), how));
  }

  private static String broken(String path, String how, int choice) {
    switch (how) {
      case "ends with '.'":
        return path + ".";
      case "unclosed quote":
        return path
            + "['"
            + JsonArbitraries.PLAIN_KEYS.get(choice % JsonArbitraries.PLAIN_KEYS.size());
      case "empty slice":
        return path + List.of("[:]", "[::1]", "[::-1]", "[::2]").get(choice % 4);
      case "blank in a name":
        return path + ".a b";
      case "no root":
        return path.substring(
                path.startsWith("$$")
                    ? 2
                    : path.startsWith("$var") ? 4 : path.startsWith("$unset") ? 6 : 1)
            + List.of("", "a", ".a", "[0]").get(choice % 4);
      case "unclosed filter":
        return path + List.of("[?(@.a == 1", "[?(@.a == 1]", "[?(", "[?(@.a &&)]").get(choice % 4);
      case "too many steps":
        return path + ".a".repeat(AslPath.MAX_STRUCTURE + 1 + choice % 100);
      default:
        throw new IllegalArgumentException(how);
    }
  }

  /** A Reference Path on {@code $}: names and indexes only, as ResultPath holds. */
  public static Arbitrary<String> referencePaths() {
    return referenceSteps().list().ofMaxSize(4).map(steps -> "$" + String.join("", steps));
  }

  private static Arbitrary<String> referenceSteps() {
    Arbitrary<String> dotted = Arbitraries.of(JsonArbitraries.PLAIN_KEYS).map(key -> "." + key);
    // A quoted name is verbatim (a backslash escapes nothing), so a key ending with a backslash, or
    // holding both quotes, cannot be written in brackets: such keys are reached by wildcards only.
    Arbitrary<String> quoted =
        JsonArbitraries.keys()
            .filter(key -> !key.endsWith("\\") && !(key.contains("'") && key.contains("\"")))
            .map(PathArbitraries::quoted);
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
    // Jayway refuses a slice with neither bound ([:], [::2]): one of them is always given.
    Arbitrary<String> slice =
        Combinators.combine(
                small.injectNull(0.3),
                small.injectNull(0.3),
                Arbitraries.of(0, 1, 2, -1).injectNull(0.6))
            .as(
                (from, to, step) ->
                    "["
                        + (from == null ? (to == null ? "0" : "") : from)
                        + ":"
                        + (to == null ? "" : to)
                        + (step == null ? "" : ":" + step)
                        + "]");
    Arbitrary<String> union =
        Arbitraries.oneOf(
            key.list()
                .ofMinSize(2)
                .ofMaxSize(3)
                .map(keys -> "['" + String.join("','", keys) + "']"),
            small
                .list()
                .ofMinSize(2)
                .ofMaxSize(3)
                .map(
                    indexes ->
                        "["
                            + String.join(",", indexes.stream().map(String::valueOf).toList())
                            + "]"));
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
    Arbitrary<String> operand =
        Arbitraries.of("@", "@.a", "@.b", "@.n", "@.items", "@['a b']", "$.a", "@.a.length()");
    Arbitrary<String> comparison =
        Combinators.combine(operand, Arbitraries.of(OPERATORS), Arbitraries.of(OPERANDS))
            .as((left, op, right) -> left + " " + op + " " + right);
    Arbitrary<String> existence = operand.map(o -> o.startsWith("$") ? "@.c" : o);
    Arbitrary<String> term =
        Arbitraries.frequencyOf(Tuple.of(3, comparison), Tuple.of(1, existence));
    Arbitrary<String> condition =
        Arbitraries.oneOf(
            term,
            term.map(t -> "!(" + t + ")"),
            Combinators.combine(term, Arbitraries.of(" && ", " || "), term)
                .as((a, op, b) -> a + op + b));
    return condition.map(c -> "[?(" + c + ")]");
  }

  /** {@code ['key']}, or {@code ["key"]} for a key holding a single quote. */
  private static String quoted(String key) {
    return key.indexOf('\'') < 0 ? "['" + key + "']" : "[\"" + key + "\"]";
  }
}
