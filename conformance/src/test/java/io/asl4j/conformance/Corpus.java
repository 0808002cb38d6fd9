package io.asl4j.conformance;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The AWS-recorded corpus, found through the {@code asl4j.conformance.dir} system property. */
final class Corpus {
  private static ConformanceCases loaded;

  private Corpus() {}

  /** The corpus folder; skips the calling test with a message when it is absent. */
  static Path dir() {
    String property = System.getProperty("asl4j.conformance.dir");
    assumeTrue(
        property != null && Files.isDirectory(Path.of(property)),
        "conformance corpus absent: set -Dasl4j.conformance.dir to the shared/conformance folder"
            + " (was "
            + property
            + ")");
    return Path.of(property);
  }

  /** Every case of the corpus, loaded once. */
  static synchronized ConformanceCases cases() {
    Path dir = dir();
    if (loaded == null) {
      try {
        loaded = ConformanceCases.load(dir);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return loaded;
  }

  /** The case with this key ({@code category/id}); skips when the corpus lacks it. */
  static ConformanceCase get(String key) {
    var found = cases().find(key);
    assumeTrue(found.isPresent(), "case not in this corpus: " + key);
    return found.get();
  }
}
