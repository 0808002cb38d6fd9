package io.asl4j.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asl4j.runtime.LocalStateMachine;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What asl4j-runtime ships: the library a test needs, nothing of the command line, the diagrams or
 * the conformance harness. Reads the runtime as Maven hands it to this module: its jar after {@code
 * package}, its classes folder in a {@code test} run.
 */
class RuntimeJarTest {
  private static List<String> classes;

  @BeforeAll
  static void listTheRuntimesClasses() throws IOException, URISyntaxException {
    Path location =
        Path.of(
            LocalStateMachine.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    classes = new ArrayList<>();
    if (Files.isDirectory(location)) {
      try (Stream<Path> files = Files.walk(location)) {
        files
            .map(p -> location.relativize(p).toString().replace('\\', '/'))
            .filter(name -> name.endsWith(".class"))
            .forEach(classes::add);
      }
    } else {
      try (JarFile jar = new JarFile(location.toFile())) {
        Collections.list(jar.entries()).stream()
            .map(e -> e.getName())
            .filter(name -> name.endsWith(".class"))
            .forEach(classes::add);
      }
    }
    Collections.sort(classes);
  }

  @Test
  void theListingReadsTheRuntime() {
    assertTrue(
        classes.contains("io/asl4j/runtime/LocalStateMachine.class")
            && classes.contains("io/asl4j/runtime/TestState.class"),
        "the runtime's classes were not found: " + classes.size() + " classes");
  }

  @Test
  void theRuntimeHoldsOnlyItsOwnPackageTree() {
    List<String> foreign =
        classes.stream().filter(name -> !name.startsWith("io/asl4j/runtime/")).toList();
    assertEquals(List.of(), foreign, "classes outside io.asl4j.runtime in the runtime jar");
  }

  @Test
  void theRuntimeHoldsNoCommandLineDiagramsOrConformanceHarness() {
    List<String> misplaced =
        classes.stream()
            .filter(name -> name.matches(".*/(cli|render|conformance|picocli)/.*"))
            .toList();
    assertEquals(List.of(), misplaced, "classes that belong to cli, render or conformance");
  }
}
