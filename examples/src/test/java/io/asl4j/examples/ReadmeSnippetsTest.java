package io.asl4j.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every Java snippet in README.md is an excerpt of the examples' sources or the consumer project's
 * ({@code consumer-test/insurance-claim}), which compile and are tested, and every Maven and Gradle
 * snippet an excerpt of the consumer project's build files, so the README cannot go stale. Lines
 * are compared trimmed; blank lines and {@code //} comments are left out, so the README may comment
 * on what it shows.
 */
class ReadmeSnippetsTest {
  private static final Path README = Path.of("../README.md");
  private static final Path SOURCES = Path.of("src");
  private static final Path CONSUMER = Path.of("../consumer-test/insurance-claim");

  @TestFactory
  Stream<DynamicTest> everyJavaSnippetInTheReadmeIsTakenFromTheExamples() throws IOException {
    List<List<String>> sources;
    try (Stream<Path> files =
        Stream.concat(Files.walk(SOURCES), Files.walk(CONSUMER.resolve("src")))) {
      sources =
          files
              .filter(f -> f.toString().endsWith(".java"))
              .map(ReadmeSnippetsTest::lines)
              .collect(Collectors.toList());
    }
    List<List<String>> snippets =
        snippets(Files.readString(README, StandardCharsets.UTF_8), "java");
    assertTrue(!snippets.isEmpty(), "README.md has no Java snippets");
    List<DynamicTest> tests = new ArrayList<>();
    for (int i = 0; i < snippets.size(); i++) {
      List<String> snippet = snippets.get(i);
      tests.add(
          DynamicTest.dynamicTest(
              "snippet " + (i + 1) + ": " + snippet.get(0),
              () ->
                  assertTrue(
                      sources.stream().anyMatch(source -> contains(source, snippet)),
                      "this README snippet is not an excerpt of examples/src or consumer-test/insurance-claim/src:\n  "
                          + String.join("\n  ", snippet))));
    }
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> theMavenAndGradleSnippetsAreTheConsumerProjectsBuild() throws IOException {
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    List<DynamicTest> tests = new ArrayList<>();
    for (String[] kind : new String[][] {{"xml", "pom.xml"}, {"kotlin", "build.gradle.kts"}}) {
      List<String> build = lines(CONSUMER.resolve(kind[1]));
      List<List<String>> snippets = snippets(readme, kind[0]);
      assertTrue(!snippets.isEmpty(), "README.md has no " + kind[0] + " snippet");
      for (List<String> snippet : snippets) {
        tests.add(
            DynamicTest.dynamicTest(
                kind[0] + " snippet: " + snippet.get(0),
                () ->
                    assertTrue(
                        contains(build, snippet),
                        "this README snippet is not an excerpt of consumer-test/insurance-claim/"
                            + kind[1]
                            + ":\n  "
                            + String.join("\n  ", snippet))));
      }
    }
    return tests.stream();
  }

  @org.junit.jupiter.api.Test
  void theConsumerProjectUsesThisBuildsVersion() throws IOException {
    String pom = Files.readString(CONSUMER.resolve("pom.xml"), StandardCharsets.UTF_8);
    String version = System.getProperty("asl4j.version", "0.1.0-SNAPSHOT");
    assertTrue(
        pom.contains("<asl4j.version>" + version + "</asl4j.version>"),
        "consumer pom.xml must use asl4j " + version);
    String gradle = Files.readString(CONSUMER.resolve("build.gradle.kts"), StandardCharsets.UTF_8);
    assertTrue(
        gradle.contains("val asl4jVersion = \"" + version + "\""),
        "build.gradle.kts must use asl4j " + version);
  }

  private static List<List<String>> snippets(String readme, String language) {
    List<List<String>> snippets = new ArrayList<>();
    List<String> current = null;
    for (String line : readme.split("\n")) {
      if (current == null && line.trim().equals("```" + language)) {
        current = new ArrayList<>();
      } else if (current != null && line.trim().equals("```")) {
        snippets.add(normalize(current));
        current = null;
      } else if (current != null) {
        current.add(line);
      }
    }
    return snippets;
  }

  private static List<String> lines(Path file) {
    try {
      return normalize(Files.readAllLines(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Trimmed lines without blank lines and {@code //} comments. */
  private static List<String> normalize(List<String> lines) {
    List<String> out = new ArrayList<>();
    for (String line : lines) {
      String code = line.replaceAll("\\s+//\\s.*$", "").trim();
      if (!code.isEmpty() && !code.startsWith("//")) {
        out.add(code);
      }
    }
    return out;
  }

  private static boolean contains(List<String> source, List<String> snippet) {
    for (int start = 0; start + snippet.size() <= source.size(); start++) {
      if (source.subList(start, start + snippet.size()).equals(snippet)) {
        return true;
      }
    }
    return false;
  }
}
