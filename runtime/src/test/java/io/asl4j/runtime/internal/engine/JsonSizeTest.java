package io.asl4j.runtime.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class JsonSizeTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final long NO_LIMIT = Long.MAX_VALUE;

  @Test
  void aStringCountsItsUtf8BytesAndEscapesWithItsQuotes() {
    assertEquals(2 + 3, JsonSize.size(NODES.textNode("abc"), NO_LIMIT));
    assertEquals(2 + 2 + 3 + 4, JsonSize.size(NODES.textNode("é€😀"), NO_LIMIT));
    assertEquals(2 + 2 + 2 + 2 + 6, JsonSize.size(NODES.textNode("\"\\\n\u0001"), NO_LIMIT));
  }

  @Test
  void theBoundOfAValueFarBelowTheLimitLooksAtNoCharacterAndOverstates() {
    JsonNode value = NODES.objectNode().put("name", "é".repeat(10)).put("n", 7);
    // {"name":<62>,"n":<11>}: keys 6 bytes a char, values 6 a char or their widest text
    assertEquals(2 + (2 + 24 + 2 + 62) + (2 + 6 + 2 + 11), JsonSize.bound(value, 1000));
    assertEquals(
        "{\"name\":\"éééééééééé\",\"n\":7}".getBytes(StandardCharsets.UTF_8).length,
        JsonSize.size(value, NO_LIMIT));
  }

  @Test
  void aBoundAboveTheLimitIsReplacedByTheExactSize() {
    JsonNode value = NODES.textNode("x".repeat(100)); // bound 602, size 102
    assertEquals(102, JsonSize.bound(value, 500));
    assertEquals(602, JsonSize.bound(value, 700));
  }

  @Provide
  Arbitrary<JsonNode> values() {
    Arbitrary<String> text =
        Arbitraries.strings()
            .withCharRange('\u0000', '\u00ff')
            .withChars('€', '\ud83d', '\ude00')
            .ofMaxLength(12);
    Arbitrary<JsonNode> leaves =
        Arbitraries.oneOf(
            text.map(NODES::textNode),
            Arbitraries.integers().map(NODES::numberNode),
            Arbitraries.longs().map(NODES::numberNode),
            Arbitraries.doubles().map(NODES::numberNode),
            Arbitraries.bigDecimals()
                .ofScale(3)
                .map(d -> NODES.numberNode(new BigDecimal(d.toString()))),
            Arbitraries.of(true, false).map(NODES::booleanNode),
            Arbitraries.just(NODES.nullNode()));
    return Arbitraries.recursive(
        () -> leaves,
        inner ->
            Arbitraries.oneOf(
                inner
                    .list()
                    .ofMaxSize(4)
                    .map(
                        list -> {
                          ArrayNode array = NODES.arrayNode();
                          list.forEach(array::add);
                          return array;
                        }),
                Arbitraries.maps(text, inner)
                    .ofMaxSize(4)
                    .map(
                        map -> {
                          ObjectNode object = NODES.objectNode();
                          map.forEach(object::set);
                          return object;
                        })),
        0,
        3);
  }

  /**
   * Whatever the limit, the bound is over it exactly when the size is, and within it never below
   * the size (so bounds can be added up and remembered as sizes are).
   */
  @Property
  void theBoundSaysWhetherAValueExceedsALimitAsTheSizeDoes(
      @ForAll("values") JsonNode value, @ForAll @IntRange(min = -20, max = 20) int offset) {
    long size = JsonSize.size(value, NO_LIMIT);
    long limit = Math.max(0, size + offset);
    long bound = JsonSize.bound(value, limit);
    assertEquals(
        size > limit,
        bound > limit,
        () -> "limit " + limit + ", size " + size + ", bound " + bound + " of " + value);
    if (bound <= limit) {
      assertTrue(bound >= size, () -> "bound " + bound + " below size " + size + " of " + value);
    }
    long unlimited = JsonSize.bound(value, NO_LIMIT);
    assertTrue(
        unlimited >= size, () -> "bound " + unlimited + " below size " + size + " of " + value);
  }

  /** The size is the UTF-8 length of the compact text Jackson writes. */
  @Property
  void theSizeIsTheCompactTextsUtf8Length(@ForAll("values") JsonNode value) {
    assertEquals(
        value.toString().getBytes(StandardCharsets.UTF_8).length,
        JsonSize.size(value, NO_LIMIT),
        value::toString);
  }
}
