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
import net.jqwik.api.Assume;
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

  /** Seeds holding at least one state (at any depth), so that every try mutates one. */
  @Provide
  Arbitrary<String> machinesWithStates() {
    List<String> seeds = new ArrayList<>();
    for (String seed : Seeds.definitions()) {
      JsonNode tree = JsonMutator.parse(seed);
      if (tree != null && !states(tree).isEmpty()) {
        seeds.add(seed);
      }
    }
    return Arbitraries.of(seeds);
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
      @ForAll("machinesWithStates") String seed, @ForAll Random random) {
    // given: one state of the seed (at any depth), mutated
    List<JsonNode> states = states(JsonMutator.parse(seed));
    String text =
        new JsonMutator(random).mutate(states.get(random.nextInt(states.size())).toString());

    Deadline.run(
        () -> {
          // when
          ValidationResult result = Validator.validateStateJson(text, ValidationOptions.defaults());

          // then
          assertLocatedInState(result.problems(), JsonMutator.parse(text), text);
          try {
            Validator.validateState(AslReader.readState(AslReader.parse(text)));
          } catch (AslReadException e) {
            assertEquals(
                e.problems(), result.problems(), "validateStateJson reports the reader's problems");
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
    // given: fields of two unrelated states broken so that the reader still reads each alone and
    // both together (the reader's own property covers what it rejects); a few draws find them
    JsonNode tree = JsonMutator.parse(seed);
    List<Location> inStates = new ArrayList<>();
    for (Location location : Location.all(tree)) {
      if (statePointer(location) != null && !"Type".equals(location.field())) {
        inStates.add(location);
      }
    }
    Broken broken = null;
    int draws = 0;
    while (broken == null && draws < MAX_DRAWS) {
      draws++;
      broken = drawReadable(tree, inStates, random);
    }
    Statistics.label("draws")
        .collect(
            draws == 1
                ? "1"
                : draws <= 5 ? "2-5" : draws < MAX_DRAWS ? "6-" + (MAX_DRAWS - 1) : "" + MAX_DRAWS);
    Statistics.label("readable").collect(broken != null);
    Statistics.label("readable").coverage(coverage -> coverage.check(true).percentage(p -> p > 95));
    Assume.that(broken != null);

    // when
    List<Problem> onlyA = broken.onlyA();
    List<Problem> onlyB = broken.onlyB();
    List<Problem> both = broken.both();

    // then
    Statistics.label("compared")
        .collect(onlyA.isEmpty() && onlyB.isEmpty() ? "no errors" : "with errors");
    Statistics.label("compared")
        .coverage(coverage -> coverage.check("with errors").percentage(p -> p > 50));
    String stateA = broken.stateA();
    String stateB = broken.stateB();
    Set<Problem> expected = new LinkedHashSet<>();
    onlyA.stream().filter(p -> within(p, stateA)).forEach(expected::add);
    onlyB.stream().filter(p -> within(p, stateB)).forEach(expected::add);
    expected.removeAll(both);
    Broken found = broken;
    assertTrue(
        expected.isEmpty(),
        () ->
            "errors lost when both "
                + stateA
                + " and "
                + stateB
                + " are broken: "
                + expected
                + "\nin: "
                + abbreviate(found.definition().toString()));
  }

  /** Draws of two fields and their new values, at most, to find a pair the reader reads. */
  private static final int MAX_DRAWS = 20;

  /** Two unrelated states' fields broken, and the validator's errors for each alone and both. */
  private record Broken(
      String stateA,
      String stateB,
      JsonNode definition,
      List<Problem> onlyA,
      List<Problem> onlyB,
      List<Problem> both) {}

  /**
   * One draw: null when the states are related or the reader rejects one of the three definitions.
   */
  private static Broken drawReadable(JsonNode tree, List<Location> inStates, Random random) {
    int a = random.nextInt(inStates.size());
    String stateA = statePointer(inStates.get(a));
    List<Integer> others = new ArrayList<>();
    for (int i = 0; i < inStates.size(); i++) {
      String other = statePointer(inStates.get(i));
      if (!other.equals(stateA)
          && !other.startsWith(stateA + "/")
          && !stateA.startsWith(other + "/")) {
        others.add(i);
      }
    }
    if (others.isEmpty()) {
      return null;
    }
    int b = others.get(random.nextInt(others.size()));
    JsonNode valueA = Values.similar(random, inStates.get(a).value(), 10);
    JsonNode valueB = Values.similar(random, inStates.get(b).value(), 10);
    List<Problem> onlyA = errors(replaced(tree, a, valueA, -1, null));
    if (onlyA == null) {
      return null;
    }
    List<Problem> onlyB = errors(replaced(tree, b, valueB, -1, null));
    if (onlyB == null) {
      return null;
    }
    JsonNode definition = replaced(tree, a, valueA, b, valueB);
    List<Problem> both = errors(definition);
    return both == null
        ? null
        : new Broken(stateA, statePointer(inStates.get(b)), definition, onlyA, onlyB, both);
  }

  /** The states of a definition, at any depth. */
  private static List<JsonNode> states(JsonNode tree) {
    List<JsonNode> states = new ArrayList<>();
    for (Location location : Location.all(tree)) {
      if (location.value().has("Type") && statePointer(location) != null) {
        states.add(location.value());
      }
    }
    return states;
  }

  private static String statePointer(Location location) {
    Matcher m = STATE_POINTER.matcher(location.pointer());
    return m.find() ? m.group(1) : null;
  }

  private static boolean within(Problem problem, String statePointer) {
    return problem.pointer().equals(statePointer)
        || problem.pointer().startsWith(statePointer + "/");
  }

  /**
   * A copy of {@code tree} with the values at the locations numbered {@code a} and {@code b}
   * replaced.
   */
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
