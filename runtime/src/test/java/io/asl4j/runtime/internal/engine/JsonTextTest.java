package io.asl4j.runtime.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * {@link JsonText} writes what Jackson's {@code JsonNode.toString()} writes, for every kind and
 * character.
 */
class JsonTextTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  @Test
  void everyCharacterIsEscapedAsJacksonEscapesIt() {
    StringBuilder all = new StringBuilder();
    for (char c = 0; c < Character.MAX_VALUE; c++) {
      all.append(c);
    }
    JsonNode text = NODES.textNode(all.toString());

    assertEquals(
        text.toString(),
        JsonText.of(NODES.arrayNode().add(text)).substring(1).replaceAll("]$", ""));
    assertEquals(
        "\"a\\\"b\\\\c\\n\\r\\t\\b\\f\\u0000\\u001F\\u007F/é\"".replace("\\u007F", "\u007f"),
        JsonText.of(NODES.arrayNode().add("a\"b\\c\n\r\t\b\f\u0000\u001f\u007f/é"))
            .replaceAll("^\\[|]$", ""));
  }

  @Test
  void everyKindOfNodeIsWrittenAsJacksonWritesIt() {
    ObjectNode object = NODES.objectNode();
    object
        .put("int", 7)
        .put("negative", -3)
        .put("long", Long.MIN_VALUE)
        .put("short", (short) 12)
        .put("double", 1.5e300)
        .put("smallDouble", 1e-7)
        .put("wholeDouble", 2.0)
        .put("nan", Double.NaN)
        .put("infinity", Double.NEGATIVE_INFINITY)
        .put("float", 1.25f)
        .put("decimal", new BigDecimal("1.50E+3"))
        .put("bigInteger", new BigInteger("123456789012345678901234567890"))
        .put("true", true)
        .put("false", false)
        .put("text", "héllo \"you\"")
        .putNull("null");
    object.put("binary", new byte[] {1, 2, 3});
    object.putPOJO("pojo", java.util.List.of(1, "two"));
    object.putObject("empty");
    object.putArray("emptyArray");
    object
        .putArray("nested")
        .add(NODES.objectNode().put("a", 1))
        .add(NODES.arrayNode().add("x").addNull());

    assertEquals(object.toString(), JsonText.of(object));
    assertEquals("null", JsonText.of(null));
    assertEquals("\"plain\"", JsonText.of(NODES.textNode("plain")));
    assertEquals("12", JsonText.of(NODES.numberNode(12)));
  }

  @Property
  void arbitraryTreesAreWrittenAsJacksonWritesThem(@ForAll("trees") JsonNode tree) {
    assertEquals(tree.toString(), JsonText.of(tree));
  }

  @Property
  void aTreesTextAsAJsonStringIsWrittenInOnePassAsQuotingItsTextWouldWriteIt(
      @ForAll("trees") JsonNode tree) {
    StringBuilder quoted = new StringBuilder();
    JsonText.quote(tree.toString(), quoted);

    assertEquals(quoted.toString(), new JsonText.Cache().quoted(tree));
  }

  @Test
  void everyCharacterAndKindOfNodeIsQuotedInOnePassAsQuotingItsTextWouldQuoteIt() {
    StringBuilder all = new StringBuilder();
    for (char c = 0; c < Character.MAX_VALUE; c++) {
      all.append(c);
    }
    ObjectNode object = NODES.objectNode();
    object
        .put("all\"\\\n", all.toString())
        .put("int", 7)
        .put("long", Long.MIN_VALUE)
        .put("double", 1.5e300)
        .put("nan", Double.NaN)
        .put("float", 1.25f)
        .put("decimal", new BigDecimal("1.50E+3"))
        .put("true", true)
        .putNull("null");
    object.put("binary", new byte[] {1, 2, 3});
    object.putPOJO("pojo", java.util.List.of(1, "t\"wo"));
    object.putArray("nested").add(NODES.objectNode().put("a", "\u0001")).addNull();
    JsonText.Cache cache = new JsonText.Cache();
    StringBuilder quoted = new StringBuilder();
    JsonText.quote(object.toString(), quoted);

    assertEquals(quoted.toString(), cache.quoted(object));
    assertEquals("\"null\"", cache.quoted(null));
    ObjectNode written = NODES.objectNode().put("k", "v\"");
    String text = cache.apply(written);
    assertEquals("\"{\\\"k\\\":\\\"v\\\\\\\"\\\"}\"", cache.quoted(written));
    assertEquals("{\"k\":\"v\\\"\"}", text);
  }

  @Provide
  Arbitrary<JsonNode> trees() {
    return tree(3);
  }

  private static Arbitrary<JsonNode> tree(int depth) {
    Arbitrary<JsonNode> leaves =
        Arbitraries.oneOf(
            Arbitraries.strings().all().ofMaxLength(12).map(NODES::textNode),
            Arbitraries.integers().map(NODES::numberNode),
            Arbitraries.longs().map(NODES::numberNode),
            Arbitraries.doubles().map(NODES::numberNode),
            Arbitraries.bigDecimals().map(NODES::numberNode),
            Arbitraries.of(NODES.booleanNode(true), NODES.booleanNode(false), NODES.nullNode()));
    if (depth == 0) {
      return leaves;
    }
    Arbitrary<JsonNode> child = tree(depth - 1);
    Arbitrary<JsonNode> arrays =
        child
            .list()
            .ofMaxSize(4)
            .map(
                items -> {
                  ArrayNode array = NODES.arrayNode();
                  items.forEach(array::add);
                  return array;
                });
    Arbitrary<JsonNode> objects =
        Arbitraries.maps(Arbitraries.strings().all().ofMaxLength(6), child)
            .ofMaxSize(4)
            .map(
                fields -> {
                  ObjectNode object = NODES.objectNode();
                  fields.forEach(object::set);
                  return object;
                });
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, leaves),
        net.jqwik.api.Tuple.of(1, arrays),
        net.jqwik.api.Tuple.of(1, objects));
  }
}
