package io.asl4j.dsl.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.asl4j.dsl.model.StateMachineType;
import io.asl4j.dsl.testing.Corpus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Parity with asl-validator and statelint: every definition either tool rejects, with the tools'
 * verdicts as recorded by {@code tools/parity/parity.js} under {@code src/test/resources/parity}.
 * Where the tool's rule is a rule of the spec (AWS rejects too), asl4j rejects with the mapped tag;
 * where it is the tool's own opinion (AWS accepts), asl4j accepts. Conformance cases are referenced
 * by path, not copied, and are skipped when the corpus is absent.
 */
class ValidationParityTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** As in {@link ValidatorCorpusTest}: AWS saw a real activity ARN where this placeholder is. */
  private static final String ACTIVITY_PLACEHOLDER =
      "arn:aws:fake:us-east-1:111111111111:create_activity()[activityArn]";

  private static final String ACTIVITY_ARN =
      "arn:aws:states:us-east-1:111111111111:activity:TestActivity";

  @TestFactory
  Stream<DynamicTest> everyDefinitionAToolRejectsForASpecRuleIsRejectedWithTheMappedTag() {
    return cases("reject").map(file -> DynamicTest.dynamicTest(name(file), () -> rejected(file)));
  }

  @TestFactory
  Stream<DynamicTest> everyDefinitionAToolRejectsOnlyByItsOwnOpinionIsAccepted() {
    return cases("accept").map(file -> DynamicTest.dynamicTest(name(file), () -> accepted(file)));
  }

  @Test
  void theRecordedVerdictsCoverBothToolsAndBothOutcomes() {
    List<JsonNode> all = cases(null).map(ValidationParityTest::read).collect(Collectors.toList());
    for (String tool : List.of("asl-validator", "statelint")) {
      assertTrue(
          all.stream().anyMatch(c -> c.path("rejectedBy").toString().contains(tool)),
          () -> "no case rejected by " + tool + "; regenerate with tools/parity/parity.js");
    }
    assertTrue(cases("reject").count() > 0, "no case asl4j must reject");
    assertTrue(cases("accept").count() > 0, "no case asl4j must accept");
  }

  private static void rejected(Path file) {
    JsonNode c = read(file);
    List<Problem> errors = errors(c);
    assertFalse(
        errors.isEmpty(),
        () -> c.path("specRule").asText() + ": the tools reject this definition, asl4j accepts it");
    for (JsonNode tag : c.path("asl4jTags")) {
      assertTrue(
          errors.stream().anyMatch(p -> p.tag().equals(tag.asText())),
          () ->
              "expected an error ["
                  + tag.asText()
                  + "] ("
                  + c.path("specRule").asText()
                  + "), got:\n"
                  + lines(errors));
    }
  }

  private static void accepted(Path file) {
    JsonNode c = read(file);
    assertEquals(
        List.of(),
        errors(c).stream().map(Problem::toString).collect(Collectors.toList()),
        () -> "AWS accepts this definition: " + c.path("why").asText());
  }

  /** The validator's errors for a case's definition, inline or in the conformance corpus. */
  private static List<Problem> errors(JsonNode c) {
    JsonNode definition = c.get("definition");
    if (definition == null) {
      JsonNode recorded = Corpus.read(Corpus.root().resolve(c.path("conformanceCase").asText()));
      definition =
          recorded.has("definition")
              ? recorded.get("definition")
              : recorded.path("request").path("definition");
    }
    String text = definition.toString().replace(ACTIVITY_PLACEHOLDER, ACTIVITY_ARN);
    StateMachineType type = StateMachineType.valueOf(c.path("stateMachineType").asText("STANDARD"));
    return Validator.validateJson(text, ValidationOptions.forType(type)).errors();
  }

  /** The recorded cases whose {@code expect} is {@code outcome} (all when null), sorted. */
  private static Stream<Path> cases(String outcome) {
    Path root = root();
    try (Stream<Path> files = Files.walk(root)) {
      List<Path> found =
          files
              .filter(p -> p.toString().endsWith(".json"))
              .filter(p -> outcome == null || outcome.equals(read(p).path("expect").asText()))
              .sorted()
              .collect(Collectors.toList());
      return found.stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path root() {
    try {
      return Path.of(ValidationParityTest.class.getResource("/parity").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String name(Path file) {
    return root().relativize(file).toString();
  }

  private static JsonNode read(Path file) {
    try {
      return MAPPER.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String lines(List<Problem> problems) {
    return problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
  }
}
