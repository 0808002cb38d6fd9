package io.asl4j.cdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.asl4j.dsl.json.AslReadException;
import io.asl4j.dsl.json.AslWriter;
import org.junit.jupiter.api.Test;

/** {@code .asl.yaml} definitions deploy as the JSON the local tests run. */
class YamlDefinitionTest {

  @Test
  void aYamlResourceIsReadIntoTheSameModelAsItsJson() {
    Asl4jDefinition yaml =
        Asl4jDefinition.fromResource(YamlDefinitionTest.class, "/workflows/hello.asl.yaml");
    assertEquals(
        "{\"Comment\":\"Greets\",\"StartAt\":\"Greet\",\"States\":{\"Greet\":{\"Type\":\"Pass\","
            + "\"Result\":{\"greeting\":\"hello\"},\"End\":true}}}",
        AslWriter.writeCompact(yaml.model()));
    assertEquals(yaml.model(), Asl4jDefinition.fromString(AslWriter.write(yaml.model())).model());
  }

  @Test
  void aBrokenYamlResourceSaysWhichLineAndColumn() {
    AslReadException e =
        assertThrows(
            AslReadException.class,
            () ->
                Asl4jDefinition.fromResource(
                    YamlDefinitionTest.class, "/workflows/broken.asl.yml"));
    assertEquals(
        "The state machine definition has 1 error:\n"
            + "  5:5: /States/Greet/Next: error [WrongType] expected a string, but found number 5",
        e.getMessage());
  }
}
