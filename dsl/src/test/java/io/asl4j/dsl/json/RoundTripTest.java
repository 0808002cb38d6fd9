package io.asl4j.dsl.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.asl4j.dsl.model.State;
import io.asl4j.dsl.model.StateMachine;
import io.asl4j.dsl.testing.Corpus;
import io.asl4j.dsl.testing.JsonEquality;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every definition AWS accepted round-trips: read → write → read gives an equal model, and the
 * written JSON equals the original as JSON.
 */
class RoundTripTest {

  @TestFactory
  Stream<DynamicTest> everyExecutedDefinitionRoundTrips() {
    return Stream.of("pure", "lambda", "service")
        .flatMap(category -> Corpus.cases(category).stream())
        .map(
            file ->
                DynamicTest.dynamicTest(Corpus.name(file), () -> roundTrip(file, "definition")));
  }

  @TestFactory
  Stream<DynamicTest> everyTestStateDefinitionRoundTrips() {
    return Corpus.cases("test_state").stream()
        .map(file -> DynamicTest.dynamicTest(Corpus.name(file), () -> testStateRoundTrip(file)));
  }

  @TestFactory
  Stream<DynamicTest> everyRejectedDefinitionRoundTripsOrIsRejectedByTheReaderWithProblems() {
    return Corpus.cases("validation").stream()
        .filter(file -> Corpus.read(file).path("definition").isObject())
        .map(
            file ->
                DynamicTest.dynamicTest(
                    Corpus.name(file),
                    () -> {
                      try {
                        roundTrip(file, "definition");
                      } catch (AslReadException e) {
                        assertFalse(e.problems().isEmpty());
                      }
                    }));
  }

  private static void roundTrip(Path file, String field) {
    JsonNode original = AslReader.parse(Corpus.read(file).get(field).toString());
    StateMachine machine = AslReader.read(original);
    String written = AslWriter.write(machine);
    StateMachine reread = AslReader.read(written);
    assertEquals(machine, reread, "model changed by a round trip");
    assertNull(
        JsonEquality.firstDifference(original, AslReader.parse(written)),
        "written JSON differs from the original at the pointer shown:\n" + written);
    assertEquals(written, AslWriter.write(reread), "writer output is not stable");
  }

  private static void testStateRoundTrip(Path file) {
    JsonNode definition =
        AslReader.parse(Corpus.read(file).path("request").path("definition").toString());
    if (definition.has("States")) {
      StateMachine machine = AslReader.read(definition);
      assertNull(JsonEquality.firstDifference(definition, AslWriter.toJson(machine)));
      assertEquals(machine, AslReader.read(AslWriter.write(machine)));
    } else {
      State state = AslReader.readState(definition);
      assertNull(JsonEquality.firstDifference(definition, AslWriter.toJson(state)));
      assertEquals(state, AslReader.readState(AslWriter.toJson(state)));
    }
  }
}
