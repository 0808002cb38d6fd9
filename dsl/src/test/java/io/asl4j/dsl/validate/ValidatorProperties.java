package io.asl4j.dsl.validate;

import static io.asl4j.dsl.testing.Located.abbreviate;
import static io.asl4j.dsl.testing.Located.assertLocated;
import static io.asl4j.dsl.testing.Located.assertLocatedInState;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.asl4j.dsl.json.AslReadException;
import io.asl4j.dsl.json.AslReader;
import io.asl4j.dsl.json.AslWriter;
import io.asl4j.dsl.model.StateMachine;
import io.asl4j.dsl.model.StateMachineType;
import io.asl4j.dsl.testing.Deadline;
import io.asl4j.dsl.testing.JsonMutator;
import io.asl4j.dsl.testing.JsonMutator.Location;
import io.asl4j.dsl.testing.JsonMutator.Values;
import io.asl4j.dsl.testing.Seeds;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The reader and the validator on broken definitions: starting from every recorded definition,
 * mutated (see {@link JsonMutator}), they answer with located problems only, in bounded time.
 */
class ValidatorProperties {
  /** {@code /States/<name>} at any depth: the pointer of a state. */
  private static final Pattern STATE_POINTER = Pattern.compile("^(.*/States/[^/]*)");

  @Provide
  Arbitrary<String> seeds() {
    return Arbitraries.of(Seeds.definitions());
  }

  /** Seeds with at least two states. */
  @Provide
  Arbitrary<String> machinesOfSeveralStates() {
    List<String> seeds = new ArrayList<>();
    for (String seed : Seeds.definitions()) {
      JsonNode tree = JsonMutator.parse(seed);
      if (tree != null && tree.path("States").size() >= 2) {
        seeds.add(seed);
      }
    }
    return Arbitraries.of(seeds);
  }

  @Property
  void aMutatedDefinitionIsAnsweredWithLocatedProblemsOnly(
      @ForAll("seeds") String seed, @ForAll Random random) {
    // given
    String text = new JsonMutator(random).mutate(seed);

    Deadline.run(
        () -> {
          // when
          ValidationResult result = Validator.validateJson(text);
          ValidationResult express =
              Validator.validateJson(text, ValidationOptions.forType(StateMachineType.EXPRESS));

          // then
          JsonNode tree = JsonMutator.parse(text);
          assertLocated(result.problems(), tree, text);
          assertLocated(express.problems(), tree, text);
          try {
            StateMachine machine = AslReader.read(text);
            String written = AslWriter.write(machine);
            ValidationResult ofModel = Validator.validate(machine);
            assertLocated(ofModel.problems(), AslReader.parse(written), written);
          } catch (AslReadException e) {
            assertFalse(e.problems().isEmpty());
            assertTrue(
                result.problems().containsAll(e.problems()),
                "validateJson reports every problem of the reader, beside the validator's");
          }
        },
        () -> "took too long on: " + abbreviate(text));
  }

  /** The same for one state, as the TestState API takes it (pointers relative to the state). */
  @Property
  void aMutatedStateIsAnsweredWithLocatedProblemsOnly(
      @ForAll("seeds") String seed, @ForAll Random random) {
    // given: one state of the seed (at any depth), mutated
    JsonNode tree = JsonMutator.parse(seed);
    List<JsonNode> states = new ArrayList<>();
    if (tree != null) {
      for (Location location : Location.all(tree)) {
        if (location.value().has("Type") && statePointer(location) != null) {
          states.add(location.value());
        }
      }
    }
    if (states.isEmpty()) {
      return;
    }
    String text = new JsonMutator(random).mutate(states.get(random.nextInt(states.size())).toString());

    Deadline.run(
        () -> {
          // when
          ValidationResult result = Validator.validateStateJson(text, ValidationOptions.defaults());

          // then
          assertLocatedInState(result.problems(), JsonMutator.parse(text), text);
          try {
            Validator.validateState(AslReader.readState(AslReader.parse(text)));
          } catch (AslReadException e) {
            assertEquals(e.problems(), result.problems(), "validateStateJson reports the reader's problems");
          }
        },
        () -> "took too long on: " + abbreviate(text));
  }

  /**
   * Problems are collected, not reported one at a time: breaking a field of one state never hides
   * the errors of another state broken at the same time.
   */
  @Property
  void errorsOfOneStateAreReportedWhateverIsWrongWithAnother(
      @ForAll("machinesOfSeveralStates") String seed, @ForAll Random random) {
    // given
    JsonNode tree = JsonMutator.parse(seed);
    if (tree == null) {
      Statistics.collect("seed is not JSON");
      return;
    }
    List<Location> inStates = new ArrayList<>();
    for (Location location : Location.all(tree)) {
      if (statePointer(location) != null && !"Type".equals(location.field())) {
        inStates.add(location);
      }
    }
    if (inStates.isEmpty()) {
      Statistics.collect("no states");
      return;
    }
    int a = random.nextInt(inStates.size());
    String stateA = statePointer(inStates.get(a));
    List<Integer> others = new ArrayList<>();
    for (int i = 0; i < inStates.size(); i++) {
      String other = statePointer(inStates.get(i));
      if (!other.equals(stateA) && !other.startsWith(stateA + "/") && !stateA.startsWith(other + "/")) {
        others.add(i);
      }
    }
    if (others.isEmpty()) {
      Statistics.collect("no unrelated state");
      return;
    }
    int b = others.get(random.nextInt(others.size()));
    String stateB = statePointer(inStates.get(b));
    JsonNode valueA = Values.similar(random, inStates.get(a).value(), 10);
    JsonNode valueB = Values.similar(random, inStates.get(b).value(), 10);

    // when
    List<Problem> onlyA = errors(replaced(tree, a, valueA, -1, null));
    List<Problem> onlyB = errors(replaced(tree, b, valueB, -1, null));
    List<Problem> both = errors(replaced(tree, a, valueA, b, valueB));

    // then
    if (onlyA == null || onlyB == null || both == null) {
      Statistics.collect("reader rejected"); // its own property covers that
      return;
    }
    Statistics.collect(onlyA.isEmpty() && onlyB.isEmpty() ? "compared, no errors" : "compared, with errors");
    Set<Problem> expected = new LinkedHashSet<>();
    onlyA.stream().filter(p -> within(p, stateA)).forEach(expected::add);
    onlyB.stream().filter(p -> within(p, stateB)).forEach(expected::add);
    expected.removeAll(both);
    assertTrue(
        expected.isEmpty(),
        () -> "errors lost when both " + stateA + " and " + stateB + " are broken: " + expected
            + "\nin: " + abbreviate(replaced(tree, a, valueA, b, valueB).toString()));
  }

  private static String statePointer(Location location) {
    Matcher m = STATE_POINTER.matcher(location.pointer());
    return m.find() ? m.group(1) : null;
  }

  private static boolean within(Problem problem, String statePointer) {
    return problem.pointer().equals(statePointer) || problem.pointer().startsWith(statePointer + "/");
  }

  /** A copy of {@code tree} with the values at the locations numbered {@code a} and {@code b} replaced. */
  private static JsonNode replaced(JsonNode tree, int a, JsonNode valueA, int b, JsonNode valueB) {
    JsonNode copy = tree.deepCopy();
    List<Location> locations = new ArrayList<>();
    for (Location location : Location.all(copy)) {
      if (statePointer(location) != null && !"Type".equals(location.field())) {
        locations.add(location);
      }
    }
    locations.get(a).set(valueA);
    if (b >= 0) {
      locations.get(b).set(valueB);
    }
    return copy;
  }

  /** The validator's errors, or null when the reader rejects the definition. */
  private static List<Problem> errors(JsonNode definition) {
    String text = definition.toString();
    return Deadline.within(
        () -> {
          try {
            AslReader.read(text);
          } catch (AslReadException e) {
            return null;
          }
          return Validator.validateJson(text).errors();
        },
        () -> "took too long on: " + abbreviate(text));
  }
}
