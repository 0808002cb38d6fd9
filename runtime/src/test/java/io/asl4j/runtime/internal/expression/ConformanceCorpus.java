package io.asl4j.runtime.internal.expression;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;

/**
 * The AWS-recorded cases under {@code asl4j.conformance.dir} (the shared folder next to the
 * repository). When it is absent, the tests built on it report one skipped test saying so.
 */
final class ConformanceCorpus {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private ConformanceCorpus() {}

  /** The corpus root, if the property names an existing folder. */
  static Optional<Path> root() {
    String dir = System.getProperty("asl4j.conformance.dir");
    return dir == null || !Files.isDirectory(Path.of(dir))
        ? Optional.empty()
        : Optional.of(Path.of(dir));
  }

  /** A single skipped test explaining that the corpus is missing. */
  static Stream<DynamicTest> skipped() {
    String why =
        "no AWS-recorded conformance corpus at asl4j.conformance.dir="
            + System.getProperty("asl4j.conformance.dir")
            + ": skipping the recorded cases";
    return Stream.of(dynamicTest("conformance corpus", () -> Assumptions.abort(why)));
  }

  /** The case files of {@code pure/<feature>}, sorted by name; empty without a corpus. */
  static List<Path> pureCases(String feature) {
    Optional<Path> root = root();
    if (root.isEmpty() || !Files.isDirectory(root.get().resolve("pure").resolve(feature))) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(root.get().resolve("pure").resolve(feature))) {
      return files
          .filter(f -> f.toString().endsWith(".json"))
          .sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode read(Path file) {
    try {
      return MAPPER.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
