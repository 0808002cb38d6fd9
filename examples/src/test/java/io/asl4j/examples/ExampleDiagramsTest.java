package io.asl4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.asl4j.dsl.model.StateMachine;
import io.asl4j.examples.approval.HumanApprovalDefinition;
import io.asl4j.examples.documents.DocumentPipelineDefinition;
import io.asl4j.examples.donuts.DonutShopDefinition;
import io.asl4j.examples.loan.LoanWorkflowDefinition;
import io.asl4j.examples.orders.OrderProcessingDefinition;
import io.asl4j.examples.payment.PaymentWorkflowDefinition;
import io.asl4j.render.Diagrams;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/**
 * The examples' diagrams linked from the README ({@code docs/diagrams/*.svg}) are generated from
 * the examples' own definitions: a diagram that no longer matches its workflow fails the build and
 * is left as it is, so that a second run fails too. The diagrams are rewritten only when asked:
 * {@value #REGENERATE}=true.
 */
class ExampleDiagramsTest {
  /** The system property that rewrites out-of-date diagrams instead of failing. */
  static final String REGENERATE = "asl4j.regenerateDiagrams";

  static final String HOW_TO_REGENERATE =
      "mvn -B -pl examples -am test -Dtest=ExampleDiagramsTest -Dsurefire.failIfNoSpecifiedTests=false -D"
          + REGENERATE
          + "=true";

  private static final Path FOLDER = Path.of("../docs/diagrams");

  @TestFactory
  Stream<DynamicTest> everyExampleDiagramMatchesItsWorkflow() {
    Map<String, StateMachine> workflows =
        Map.of(
            "order-processing", OrderProcessingDefinition.stateMachine(),
            "payment", PaymentWorkflowDefinition.stateMachine(),
            "human-approval", HumanApprovalDefinition.stateMachine(),
            "donut-shop", DonutShopDefinition.stateMachine(),
            "document-pipeline", DocumentPipelineDefinition.stateMachine(),
            "loan-application", LoanWorkflowDefinition.stateMachine());
    boolean regenerate = Boolean.getBoolean(REGENERATE);
    return workflows.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(
            e ->
                DynamicTest.dynamicTest(
                    e.getKey(),
                    () ->
                        check(
                            FOLDER, e.getKey() + ".svg", Diagrams.svg(e.getValue()), regenerate)));
  }

  @Test
  void anOutOfDateDiagramFailsAndIsLeftAsItIsSoThatARerunFailsToo(@TempDir Path folder)
      throws IOException {
    Path file = folder.resolve("flow.svg");
    Files.writeString(file, "<svg>old</svg>", StandardCharsets.UTF_8);

    for (int run = 1; run <= 2; run++) {
      AssertionFailedError failure =
          assertThrows(
              AssertionFailedError.class, () -> check(folder, "flow.svg", "<svg>new</svg>", false));
      assertEquals(
          "docs/diagrams/flow.svg does not match its workflow; regenerate the diagrams with `"
              + HOW_TO_REGENERATE
              + "` and commit them ==> expected: <<svg>new</svg>> but was: <<svg>old</svg>>",
          failure.getMessage());
      assertEquals("<svg>old</svg>", Files.readString(file, StandardCharsets.UTF_8));
    }
  }

  @Test
  void aMissingDiagramFailsAndIsNotWritten(@TempDir Path folder) {
    assertThrows(
        AssertionFailedError.class, () -> check(folder, "flow.svg", "<svg>new</svg>", false));
    assertEquals(false, Files.exists(folder.resolve("flow.svg")));
  }

  @Test
  void whenAskedOutOfDateAndMissingDiagramsAreRewritten(@TempDir Path folder) throws IOException {
    Path diagrams = folder.resolve("diagrams");
    Files.createDirectories(diagrams);
    Files.writeString(diagrams.resolve("old.svg"), "<svg>old</svg>", StandardCharsets.UTF_8);

    check(diagrams, "old.svg", "<svg>new</svg>", true);
    check(folder.resolve("missing"), "flow.svg", "<svg>flow</svg>", true);

    assertEquals(
        "<svg>new</svg>", Files.readString(diagrams.resolve("old.svg"), StandardCharsets.UTF_8));
    assertEquals(
        "<svg>flow</svg>",
        Files.readString(folder.resolve("missing/flow.svg"), StandardCharsets.UTF_8));
  }

  /**
   * Fails, without touching the file, when {@code folder/file} is not {@code expected}; when {@code
   * regenerate}, writes {@code expected} there instead.
   */
  static void check(Path folder, String file, String expected, boolean regenerate)
      throws IOException {
    Path path = folder.resolve(file);
    String committed = Files.exists(path) ? Files.readString(path, StandardCharsets.UTF_8) : "";
    if (committed.equals(expected)) {
      return;
    }
    if (regenerate) {
      Files.createDirectories(folder);
      Files.writeString(path, expected, StandardCharsets.UTF_8);
      System.out.println("regenerated " + path.normalize());
      return;
    }
    assertEquals(
        expected,
        committed,
        "docs/diagrams/"
            + file
            + " does not match its workflow; regenerate the diagrams with `"
            + HOW_TO_REGENERATE
            + "` and commit them");
  }
}
