package io.asl4j.runtime.internal.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/**
 * Random JSON documents for property tests: nested objects and arrays, unicode keys, numbers of
 * every kind the runtime can be handed, nulls.
 *
 * <p>Numbers come as the nodes the two usual readers make of valid JSON text: {@code AslReader}
 * (ints, longs, big integers, and {@link BigDecimal}s for every fraction or exponent, so {@code
 * 1e999999999} arrives exactly) and a default Jackson {@code ObjectMapper} (doubles, where {@code
 * 1e400} becomes infinity). NaN is left out: no JSON text produces it.
 *
 * <p>Keys come mostly from a small pool, so that generated paths and expressions find them, and
 * include the characters that paths and templates treat specially.
 */
public final class JsonArbitraries {
  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

  /** Keys that paths can reach with {@code .name}. */
  public static final List<String> PLAIN_KEYS = List.of("a", "b", "c", "id", "items", "n", "x");

  /** Keys that need quoting in a path, or mean something in one. */
  public static final List<String> ODD_KEYS =
      List.of(
          "",
          " ",
          "a b",
          "a.b",
          "a'b",
          "a\"b",
          "[0]",
          "$",
          "*",
          "@",
          "..",
          "\\",
          "a.$",
          "ключ",
          "日本語",
          "\uD83D\uDE00",
          "\uD800",
          "\u0000",
          "\n",
          "length()");

  private JsonArbitraries() {}

  /** Any key: mostly plain ones, some odd, some random unicode. */
  public static Arbitrary<String> keys() {
    return Arbitraries.frequencyOf(
        Tuple.of(6, Arbitraries.of(PLAIN_KEYS)),
        Tuple.of(2, Arbitraries.of(ODD_KEYS)),
        Tuple.of(1, Arbitraries.strings().all().ofMaxLength(4)));
  }

  /** Numbers as either reader makes them, with the edges weighted up. */
  public static Arbitrary<JsonNode> numbers() {
    Arbitrary<JsonNode> ints = Arbitraries.integers().map(IntNode::valueOf);
    Arbitrary<JsonNode> smallInts = Arbitraries.integers().between(-3, 10).map(IntNode::valueOf);
    Arbitrary<JsonNode> longs =
        Arbitraries.longs().map(LongNode::valueOf).map(JsonNode.class::cast);
    Arbitrary<JsonNode> bigIntegers =
        Arbitraries.bigIntegers()
            .between(BigInteger.TEN.pow(19).negate(), BigInteger.TEN.pow(40))
            .map(BigIntegerNode::valueOf);
    Arbitrary<JsonNode> decimals =
        Arbitraries.bigDecimals()
            .between(new BigDecimal("-1e6"), new BigDecimal("1e6"))
            .ofScale(3)
            .map(DecimalNode::valueOf);
    Arbitrary<JsonNode> edgeDecimals =
        Arbitraries.of(
                "0.5",
                "-0.5",
                "1.5",
                "-1.5",
                "2.5",
                "0.0",
                "-0.0",
                "1.0",
                "1e2",
                "1E+400",
                "-1E+400",
                "1E-400",
                "1E+999999999",
                "-1E+999999999",
                "1E-999999999",
                "2147483647.5",
                "2147483648",
                "-2147483648.5",
                "9.223372036854775807E+18",
                "1.7976931348623157E+309")
            .map(text -> (JsonNode) DecimalNode.valueOf(new BigDecimal(text)));
    Arbitrary<JsonNode> doubles =
        Arbitraries.oneOf(
            Arbitraries.doubles().map(DoubleNode::valueOf),
            Arbitraries.of(
                    -0.0,
                    Double.MIN_VALUE,
                    Double.MAX_VALUE,
                    -Double.MAX_VALUE,
                    1e-300,
                    4.5,
                    Double.POSITIVE_INFINITY,
                    Double.NEGATIVE_INFINITY)
                .map(DoubleNode::valueOf));
    return Arbitraries.frequencyOf(
        Tuple.of(4, smallInts),
        Tuple.of(2, ints),
        Tuple.of(1, longs),
        Tuple.of(1, bigIntegers),
        Tuple.of(2, decimals),
        Tuple.of(2, edgeDecimals),
        Tuple.of(1, doubles));
  }

  /** Strings: short unicode, some that look like paths, expressions or JSON, some long. */
  public static Arbitrary<String> strings() {
    return Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.strings().all().ofMaxLength(8)),
        Tuple.of(2, Arbitraries.strings().withChars("ab*\\{}").ofMaxLength(8)),
        Tuple.of(2, keys()),
        Tuple.of(
            2,
            Arbitraries.of(
                "$",
                "$.a",
                "$$.Execution",
                "{}",
                "[]",
                "{\"a\":1}",
                "[1,2]",
                "null",
                "true",
                "1",
                "1e999999999",
                " ",
                "{% 1 %}",
                "2016-03-14T01:59:00Z",
                "2016-13-05T21:29:29Z",
                "+999999999-12-31T23:59:59Z",
                "-999999999-01-01T00:00:00Z",
                "YWJj",
                "===",
                "MD5",
                "SHA-256",
                "a,b,,c",
                "\uD800",
                "\uD83D\uDE00")),
        Tuple.of(1, Arbitraries.strings().withChars("ab").ofMinLength(100).ofMaxLength(3000)));
  }

  /** A JSON value of any type, at most {@code depth} containers deep. */
  public static Arbitrary<JsonNode> values(int depth) {
    Arbitrary<JsonNode> scalars = scalars();
    if (depth <= 0) {
      return scalars;
    }
    Arbitrary<JsonNode> inner = Arbitraries.lazy(() -> values(depth - 1));
    return Arbitraries.frequencyOf(
        Tuple.of(3, scalars), Tuple.of(2, arraysOf(inner)), Tuple.of(2, objectsOf(inner)));
  }

  /** A JSON object up to {@code depth} containers deep. */
  public static Arbitrary<JsonNode> objects(int depth) {
    return objectsOf(Arbitraries.lazy(() -> values(Math.max(0, depth - 1))));
  }

  /**
   * A chain of objects ({@code {"a":{"a":...}}}) or arrays nested 100 to 600 deep: past the 500
   * levels {@code AslReader} accepts, as a document built in Java can be.
   */
  public static Arbitrary<JsonNode> deepDocuments() {
    return Arbitraries.integers()
        .between(100, 600)
        .flatMap(
            depth ->
                Arbitraries.of(true, false)
                    .map(
                        objects -> {
                          JsonNode node = IntNode.valueOf(depth);
                          for (int i = 0; i < depth; i++) {
                            node =
                                objects
                                    ? NODES.objectNode().set(i % 2 == 0 ? "a" : "items", node)
                                    : NODES.arrayNode().add(node);
                          }
                          return node;
                        }));
  }

  /** Null, booleans, numbers and strings. */
  public static Arbitrary<JsonNode> scalars() {
    return Arbitraries.frequencyOf(
        Tuple.of(1, Arbitraries.just(NullNode.getInstance())),
        Tuple.of(1, Arbitraries.of(BooleanNode.TRUE, BooleanNode.FALSE)),
        Tuple.of(3, numbers()),
        Tuple.of(3, strings().map(TextNode::valueOf)));
  }

  private static Arbitrary<JsonNode> arraysOf(Arbitrary<JsonNode> elements) {
    return elements
        .list()
        .ofMaxSize(5)
        .map(
            list -> {
              ArrayNode array = NODES.arrayNode();
              list.forEach(array::add);
              return array;
            });
  }

  private static Arbitrary<JsonNode> objectsOf(Arbitrary<JsonNode> values) {
    return Arbitraries.maps(keys(), values)
        .ofMaxSize(5)
        .map(
            map -> {
              ObjectNode object = NODES.objectNode();
              for (Map.Entry<String, JsonNode> member : map.entrySet()) {
                object.set(member.getKey(), member.getValue());
              }
              return object;
            });
  }
}
