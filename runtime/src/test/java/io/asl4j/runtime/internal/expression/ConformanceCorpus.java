package io.asl4j.runtime.internal.expression;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The AWS-recorded cases under {@code asl4j.conformance.dir} (the shared folder next to the
 * repository). Tests that need it are skipped, with a message saying why, when it is absent.
 */
final class ConformanceCorpus {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private ConformanceCorpus() {}

  /** The case files of {@code pure/<feature>}, sorted by name; skips the test if unavailable. */
  static List<Path> pureCases(String feature) {
    String dir = System.getProperty("asl4j.conformance.dir");
    Assumptions.assumeTrue(
        dir != null, "asl4j.conformance.dir is not set: skipping the AWS-recorded conformance cases");
    Path folder = Path.of(dir, "pure", feature);
    Assumptions.assumeTrue(
        Files.isDirectory(folder),
        "no conformance corpus at " + folder + ": skipping the AWS-recorded conformance cases");
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.toString().endsWith(".json")).sorted().collect(Collectors.toList());
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
