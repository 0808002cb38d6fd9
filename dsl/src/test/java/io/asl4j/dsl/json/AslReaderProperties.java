package io.asl4j.dsl.json;

import static io.asl4j.dsl.testing.Located.abbreviate;
import static io.asl4j.dsl.testing.Located.assertLocated;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asl4j.dsl.model.StateMachine;
import io.asl4j.dsl.testing.Deadline;
import io.asl4j.dsl.testing.JsonMutator;
import io.asl4j.dsl.testing.JsonMutator.Location;
import io.asl4j.dsl.testing.JsonMutator.Values;
import io.asl4j.dsl.testing.Seeds;
import io.asl4j.dsl.validate.Problem;
import io.asl4j.dsl.validate.ValidationResult;
import io.asl4j.dsl.validate.Validator;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/** The reader on broken definitions: every shape problem is reported, located, at once. */
class AslReaderProperties {
  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

  /**
   * Seeds that are JSON with two fields (not a state's {@code Type}) neither holding the other, so
   * that every try of {@link #aBrokenFieldNeverHidesTheProblemsOfAnother} breaks two.
   */
  @Provide
  Arbitrary<String> seeds() {
    List<String> seeds = new ArrayList<>();
    for (String seed : Seeds.definitions()) {
      JsonNode tree = JsonMutator.parse(seed);
      if (tree != null && !withUnrelated(candidates(tree)).isEmpty()) {
        seeds.add(seed);
      }
    }
    return Arbitraries.of(seeds);
  }

  /**
   * Two fields given values of the wrong shape are both reported: the problems of the definition
   * with both broken include those of each broken alone. Only a state's {@code Type} decides which
   * fields it may have, so it is not broken here.
   */
  @Property
  void aBrokenFieldNeverHidesTheProblemsOfAnother(
      @ForAll("seeds") String seed, @ForAll Random random) {
    // given
    JsonNode tree = JsonMutator.parse(seed);
    List<Location> locations = candidates(tree);
    List<Integer> breakable = withUnrelated(locations);
    int a = breakable.get(random.nextInt(breakable.size()));
    String pa = locations.get(a).pointer();
    List<Integer> unrelated = unrelated(locations, a);
    int b = unrelated.get(random.nextInt(unrelated.size()));
    String pb = locations.get(b).pointer();
    JsonNode valueA = Values.similar(random, locations.get(a).value());
    JsonNode valueB = Values.similar(random, locations.get(b).value());
    JsonNode both = replaced(tree, a, valueA, b, valueB);

    // when
    List<Problem> onlyAProblems = problems(replaced(tree, a, valueA, -1, null));
    List<Problem> onlyBProblems = problems(replaced(tree, b, valueB, -1, null));
    List<Problem> bothProblems = problems(both);

    // then
    Statistics.label("compared")
        .collect(onlyAProblems.isEmpty() || onlyBProblems.isEmpty() ? "one read" : "both rejected");
    Statistics.label("compared")
        .coverage(
            coverage -> coverage.check("both rejected").percentage(p -> p > 5)); // measured: 20 %
    Set<Problem> missing = new LinkedHashSet<>(onlyAProblems);
    missing.addAll(onlyBProblems);
    missing.removeAll(bothProblems);
    assertTrue(
        missing.isEmpty(),
        () ->
            "problems lost when both "
                + pa
                + " and "
                + pb
                + " are broken: "
                + missing
                + "\nreported: "
                + bothProblems
                + "\nin: "
                + abbreviate(both.toString()));
  }

  /**
   * A tree handed to {@code read(JsonNode)} is not limited by the JSON parser's nesting limit: a
   * value nested thousands of levels deep anywhere gets problems, or reads, and then validates and
   * writes, without a stack overflow or any undocumented exception.
   */
  @Property
  void aDeeplyNestedTreeIsReadValidatedAndWrittenWithoutCrashing(
      @ForAll("seeds") String seed,
      @ForAll Random random,
      @ForAll @IntRange(min = 400, max = 12_000) int depth) {
    // given: a seed of seeds(), so JSON with fields
    JsonNode tree = JsonMutator.parse(seed);
    List<Location> locations = Location.all(tree);
    locations.get(random.nextInt(locations.size())).set(nested(depth, random.nextBoolean()));

    Deadline.run(
        () -> {
          // when
          StateMachine machine;
          try {
            machine = AslReader.read(tree);
          } catch (AslReadException e) {
            // then
            assertLocated(
                e.problems(),
                tree,
                "(a tree " + depth + " levels deep)",
                seed.length() + 10 * depth);
            return;
          }
          ValidationResult result = Validator.validate(machine);
          assertLocated(
              result.problems(),
              AslWriter.toJson(machine),
              "(a tree " + depth + " levels deep)",
              seed.length() + 10 * depth);
          AslWriter.write(machine);
        },
        () -> "took too long on a tree " + depth + " levels deep");
  }

  private static JsonNode nested(int depth, boolean arrays) {
    JsonNode node = NODES.textNode("{% $states.input %}");
    for (int i = 0; i < depth; i++) {
      if (arrays) {
        ArrayNode array = NODES.arrayNode();
        array.add(node);
        node = array;
      } else {
        ObjectNode object = NODES.objectNode();
        object.set(i % 2 == 0 ? "Not" : "a.$", node);
        node = object;
      }
    }
    return node;
  }

  /**
   * The indexes of the locations that have at least one location neither holding nor held by them.
   */
  private static List<Integer> withUnrelated(List<Location> locations) {
    List<Integer> indexes = new ArrayList<>();
    for (int i = 0; i < locations.size(); i++) {
      if (!unrelated(locations, i).isEmpty()) {
        indexes.add(i);
      }
    }
    return indexes;
  }

  /** The indexes of the locations neither holding nor held by location {@code a}. */
  private static List<Integer> unrelated(List<Location> locations, int a) {
    String pa = locations.get(a).pointer();
    List<Integer> unrelated = new ArrayList<>();
    for (int i = 0; i < locations.size(); i++) {
      String p = locations.get(i).pointer();
      if (!p.equals(pa) && !p.startsWith(pa + "/") && !pa.startsWith(p + "/")) {
        unrelated.add(i);
      }
    }
    return unrelated;
  }

  /** Values of fields and elements, except a state's {@code Type}. */
  private static List<Location> candidates(JsonNode tree) {
    List<Location> candidates = new ArrayList<>();
    for (Location location : Location.all(tree)) {
      if (!"Type".equals(location.field())) {
        candidates.add(location);
      }
    }
    return candidates;
  }

  private static JsonNode replaced(JsonNode tree, int a, JsonNode valueA, int b, JsonNode valueB) {
    JsonNode copy = tree.deepCopy();
    List<Location> locations = candidates(copy);
    locations.get(a).set(valueA);
    if (b >= 0) {
      locations.get(b).set(valueB);
    }
    return copy;
  }

  /** The reader's problems, none when it reads the definition. */
  private static List<Problem> problems(JsonNode definition) {
    String text = definition.toString();
    return Deadline.within(
        () -> {
          try {
            AslReader.read(text);
            return List.of();
          } catch (AslReadException e) {
            return e.problems();
          }
        },
        () -> "took too long on: " + abbreviate(text));
  }
}
