package io.asl4j.dsl.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AslWriterTest {
  @Test
  void writesTypeFirstNextOrEndLastTwoSpaceIndentCompactEmptyArraysAndATrailingNewline() {
    String json =
        "{\"States\":{\"A\":{\"End\":true,\"Result\":{\"a\":[],\"b\":[1]},\"ResultPath\":null,\"Type\":\"Pass\"}},"
            + "\"StartAt\":\"A\",\"Comment\":\"c\"}";
    assertEquals(
        "{\n"
            + "  \"Comment\": \"c\",\n"
            + "  \"StartAt\": \"A\",\n"
            + "  \"States\": {\n"
            + "    \"A\": {\n"
            + "      \"Type\": \"Pass\",\n"
            + "      \"ResultPath\": null,\n"
            + "      \"Result\": {\n"
            + "        \"a\": [],\n"
            + "        \"b\": [\n"
            + "          1\n"
            + "        ]\n"
            + "      },\n"
            + "      \"End\": true\n"
            + "    }\n"
            + "  }\n"
            + "}\n",
        AslWriter.write(AslReader.read(json)));
  }
}
