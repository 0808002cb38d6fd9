package io.asl4j.runtime.internal.expression;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.PathNotFoundException;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import io.asl4j.dsl.expression.AslPath;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The direct walk of Reference Paths must answer exactly as Jayway on Jackson nodes (AWS's
 * evaluator) does: the same value, or the same failure text.
 */
class ReferencePathParityTest {
  private static final Configuration JAYWAY =
      Configuration.builder()
          .jsonProvider(new JacksonJsonNodeJsonProvider())
          .mappingProvider(new JacksonMappingProvider())
          .build();

  private static final List<String> DOCUMENTS =
      List.of(
          "{\"a\": {\"b\": [1, {\"c\": null}], \"d\": \"x\"}, \"e f\": 2, \"\": 3, \"n\": null}",
          "[{\"a\": 1}, [2, 3], \"s\"]",
          "\"text\"",
          "null",
          "42",
          "{}");

  private static final List<String> PATHS =
      List.of(
          "$",
          "$.a",
          "$.a.b",
          "$.a.b[1].c",
          "$.a.b[1].c.d",
          "$.a.b[5]",
          "$.a.b[5].c",
          "$.a.b[5][0]",
          "$.a.b[-1]",
          "$.a.b[-9]",
          "$.a.d[0]",
          "$.a.d.e",
          "$['e f']",
          "$[\"e f\"]",
          "$['']",
          "$.n",
          "$.n.x",
          "$.n[0]",
          "$.x",
          "$.x.y",
          "$.x[0]",
          "$[0]",
          "$[0].a",
          "$[1][1]",
          "$[2].a",
          "$[3]",
          "$[3].a",
          "$.a.['d']",
          "$[\"a\"][\"b\"][0][\"x\"]['y']",
          "$['a'][0][\"b\"]['c']",
          "$[ 01 ].x",
          "$.a.b[1][\"c\"]",
          "$[\"a\"].d[-1][\"q\"]",
          "$.a.b[9][\"c\"]");

  static Stream<Arguments> pathsOnDocuments() {
    return DOCUMENTS.stream().flatMap(d -> PATHS.stream().map(p -> Arguments.of(p, d)));
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("pathsOnDocuments")
  void referencePathsAnswerAsJaywayDoes(String path, String document) {
    AslPath parsed = AslPath.parse(path);
    JsonNode root = Nodes.json(document);
    PathResult expected;
    try {
      Object value = JsonPath.compile(parsed.jsonPathOnRoot()).read(root, JAYWAY);
      expected = new PathResult.Found((JsonNode) value);
    } catch (PathNotFoundException e) {
      expected = new PathResult.Missing(e.getMessage());
    }

    PathResult actual = PathEvaluator.lookup(parsed, root, null, name -> null);

    assertEquals(true, parsed.isReferencePath());
    assertEquals(expected, actual);
  }
}
