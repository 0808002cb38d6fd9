package io.asl4j.dsl.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The AWS-recorded conformance cases in {@code ../shared/conformance}, for tests. */
public final class Corpus {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Corpus() {}

  /** The corpus folder; the calling test is skipped, with a message, when it is absent. */
  public static Path root() {
    String dir = System.getProperty("asl4j.conformance.dir", "../../shared/conformance");
    Path path = Path.of(dir);
    assumeTrue(
        Files.isDirectory(path),
        "conformance corpus not found at "
            + path.toAbsolutePath()
            + " (set -Dasl4j.conformance.dir); skipping the corpus tests");
    return path;
  }

  /** Every case file under {@code category}, sorted by path. */
  public static List<Path> cases(String category) {
    return cases(root(), category);
  }

  /** Every case file under {@code category} of the corpus at {@code root}, sorted by path. */
  public static List<Path> cases(Path root, String category) {
    Path dir = root.resolve(category);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files
          .filter(p -> p.toString().endsWith(".json"))
          .sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static JsonNode read(Path file) {
    try {
      return MAPPER.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The case id relative to the corpus root, for test names. */
  public static String name(Path file) {
    return root().relativize(file).toString();
  }
}
