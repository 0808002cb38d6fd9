package io.asl4j.dsl.json;

import static io.asl4j.dsl.testing.Located.abbreviate;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.asl4j.dsl.model.StateMachine;
import io.asl4j.dsl.testing.Deadline;
import io.asl4j.dsl.testing.JsonMutator;
import io.asl4j.dsl.testing.Seeds;
import io.asl4j.dsl.validate.Problem;
import io.asl4j.dsl.validate.Validator;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Writing what was read: for every definition the reader accepts (recorded ones and mutations of
 * them), the written ASL reads back to an equal model, is written the same again, and validates
 * with the same problems.
 */
class AslWriterProperties {

  /** The seeds the reader accepts, so that every try has a definition to write. */
  @Provide
  Arbitrary<String> seeds() {
    return Arbitraries.of(
        Seeds.definitions().stream()
            .filter(AslWriterProperties::reads)
            .collect(Collectors.toList()));
  }

  private static boolean reads(String text) {
    try {
      AslReader.read(text);
      return true;
    } catch (AslReadException e) {
      return false;
    }
  }

  @Property
  void writingAReadDefinitionIsStableAndKeepsItsMeaning(
      @ForAll("seeds") String seed, @ForAll Random random) {
    // given: a mutation of the seed that still reads, or else the seed
    String text = readable(seed, random);
    Statistics.label("written").collect(text.equals(seed) ? "seed" : "mutation");
    Statistics.label("written")
        .coverage(coverage -> coverage.check("mutation").percentage(p -> p > 50));

    Deadline.run(
        () -> {
          // when
          StateMachine machine = AslReader.read(text);
          String written = AslWriter.write(machine);
          StateMachine reread = AslReader.read(written);

          // then
          String context = "\nread from: " + abbreviate(text) + "\nwritten: " + abbreviate(written);
          assertEquals(machine, reread, "model changed by the round trip" + context);
          assertEquals(written, AslWriter.write(reread), "written twice differently" + context);
          assertEquals(
              machine, AslReader.read(AslWriter.writeCompact(machine)), "compact" + context);
          assertEquals(
              Validator.validate(machine),
              Validator.validate(reread),
              "problems changed" + context);
          // The writer puts fields in ASL order, and problems are listed in document order: the
          // same problems, but perhaps in another order.
          assertEquals(
              comparable(Validator.validateJson(text).problems()),
              comparable(Validator.validateJson(written).problems()),
              "problems changed by the round trip" + context);
        },
        () -> "took too long on: " + abbreviate(text));
  }

  /** Mostly a tree mutation of a readable seed that the reader accepts, else the seed itself. */
  private static String readable(String seed, Random random) {
    JsonMutator mutator = new JsonMutator(random);
    for (int attempt = 0; attempt < 7; attempt++) {
      String candidate = mutator.mutate(seed);
      if (reads(candidate)) {
        return candidate;
      }
    }
    return seed;
  }

  /**
   * The problems in a fixed order, except the size limit: the written text is pretty-printed, so
   * its length differs from that of the text read.
   */
  private static List<String> comparable(List<Problem> problems) {
    return problems.stream()
        .filter(p -> !p.tag().equals("DefinitionTooLarge"))
        .map(Problem::toString)
        .sorted()
        .collect(Collectors.toList());
  }
}
