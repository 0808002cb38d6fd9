package io.asl4j.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Conformance cases the tests write themselves. */
final class CaseFiles {
  private CaseFiles() {}

  /**
   * The case {@code json} (single quotes standing for double ones) written at {@code path} under
   * {@code dir}, as {@link ConformanceCases#read} reads it.
   */
  static ConformanceCase write(Path dir, String path, String json) throws IOException {
    Path file = dir.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, json.replace('\'', '"'));
    return ConformanceCases.read(file);
  }
}
