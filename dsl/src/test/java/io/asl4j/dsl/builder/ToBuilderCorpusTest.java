package io.asl4j.dsl.builder;

import static com.google.common.truth.Truth.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.asl4j.dsl.json.AslReader;
import io.asl4j.dsl.model.StateMachine;
import io.asl4j.dsl.model.StateMachineType;
import io.asl4j.dsl.testing.Corpus;
import io.asl4j.dsl.validate.ValidationOptions;
import io.asl4j.dsl.validate.Validator;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every definition AWS ran can be turned into builders ({@link Workflow#from}) and built back into
 * an equal model: the builder expresses all of it. When the validator accepts the original, {@code
 * build()} accepts the rebuilt workflow too (a few recorded definitions carry fake resource ARNs
 * that the validator rightly rejects).
 */
class ToBuilderCorpusTest {

  @TestFactory
  Stream<DynamicTest> everyExecutedDefinitionRebuildsToAnEqualModel() {
    return Stream.of("pure", "lambda", "service")
        .flatMap(category -> Corpus.cases(category).stream())
        .map(file -> DynamicTest.dynamicTest(Corpus.name(file), () -> rebuild(file)));
  }

  private static void rebuild(Path file) {
    // given
    JsonNode testCase = Corpus.read(file);
    StateMachine original = AslReader.read(testCase.get("definition"));
    StateMachineType type =
        StateMachineType.valueOf(testCase.path("stateMachineType").asText("STANDARD"));

    // when
    Workflow workflow = Workflow.from(original).type(type);

    // then
    assertThat(workflow.toModel()).isEqualTo(original);
    if (Validator.validate(original, ValidationOptions.forType(type)).isValid()) {
      assertThat(workflow.build()).isEqualTo(original);
    }
  }
}
