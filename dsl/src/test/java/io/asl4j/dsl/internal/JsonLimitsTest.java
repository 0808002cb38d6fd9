package io.asl4j.dsl.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonLimitsTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void theTextLengthBoundIsNeverBelowTheCompactTextsLength() throws Exception {
    ObjectNode built = JsonNodeFactory.instance.objectNode();
    built.put("control\u0001\u001f", "\u0000\u0007\"\\/\n");
    built.put("big", new BigDecimal("1234567890.123456789012345678901234567890E-300"));
    built.put("double", -1.7976931348623157e308);
    built.put("tiny", 4.9e-324);
    built.put("long", Long.MIN_VALUE);
    built.putArray("empty");
    built.putObject("nested").putArray("a").add(true).add(false).addNull().add("é😀");
    List<JsonNode> nodes =
        List.of(
            built,
            MAPPER.readTree("{}"),
            MAPPER.readTree("[]"),
            MAPPER.readTree("\"\""),
            MAPPER.readTree("0"),
            MAPPER.readTree("{\"a\":[1,2,{\"b\":null}],\"c\":\"\\u0001\"}"));

    for (JsonNode node : nodes) {
      long exact = node.toString().length();
      assertTrue(JsonLimits.textLengthBound(node) >= exact, node + ": bound below " + exact);
    }
  }

  @Test
  void aStringIsBoundedAsIfEveryCharacterNeededASixCharacterEscape() {
    assertEquals(2 + 6 * 3, JsonLimits.textLengthBound(JsonNodeFactory.instance.textNode("abc")));
  }
}
