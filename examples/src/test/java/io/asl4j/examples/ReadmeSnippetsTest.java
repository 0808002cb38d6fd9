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
 * Every Java snippet in README.md is an excerpt of the examples' sources, which compile and are
 * tested, so the README cannot go stale. Lines are compared trimmed; blank lines and {@code //}
 * comments are left out, so the README may comment on what it shows.
 */
class ReadmeSnippetsTest {
  private static final Path README = Path.of("../README.md");
  private static final Path SOURCES = Path.of("src");

  @TestFactory
  Stream<DynamicTest> everyJavaSnippetInTheReadmeIsTakenFromTheExamples() throws IOException {
    List<List<String>> sources;
    try (Stream<Path> files = Files.walk(SOURCES)) {
      sources =
          files.filter(f -> f.toString().endsWith(".java")).map(ReadmeSnippetsTest::lines).collect(Collectors.toList());
    }
    List<List<String>> snippets = snippets(Files.readString(README, StandardCharsets.UTF_8));
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
                      "this README snippet is not an excerpt of examples/src:\n  " + String.join("\n  ", snippet))));
    }
    return tests.stream();
  }

  private static List<List<String>> snippets(String readme) {
    List<List<String>> snippets = new ArrayList<>();
    List<String> current = null;
    for (String line : readme.split("\n")) {
      if (current == null && line.trim().equals("```java")) {
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
