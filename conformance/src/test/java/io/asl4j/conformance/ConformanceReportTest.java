package io.asl4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConformanceReportTest {

  private static CaseOutcome outcome(String category, String id, String reason) {
    String folder = id.substring(0, id.indexOf('/'));
    return new CaseOutcome(
        category, folder, id, category + "/" + id + ".json", reason == null, reason);
  }

  private static ConformanceReport report() {
    ConformanceReport report = new ConformanceReport();
    report.addAll(
        List.of(
            outcome("pure", "choice_operators/T.test_b", null),
            outcome(
                "pure", "choice_operators/T.test_a", "status: expected SUCCEEDED\nbut was FAILED"),
            outcome("pure", "base/T.test_c", null),
            outcome("lambda", "services/T.test_d", "output at /x: expected 1 but was 2")));
    return report;
  }

  @Test
  void tabulatesEachFolderAndEndsWithTheSummaryLine() {
    ConformanceReport report = report();

    assertEquals(2, report.passed());
    assertEquals(2, report.failed());
    assertEquals(
        """
        folder                  passed   failed    total
        lambda/services              0        1        1
        pure/base                    1        0        1
        pure/choice_operators        1        1        2
        total                        2        2        4
        """,
        report.table());
    assertEquals("2 passed, 2 failed", report.summaryLine());
  }

  @Test
  void rendersFailuresThenTableThenSummary() {
    assertEquals(
        """
        FAIL lambda/services/T.test_d: output at /x: expected 1 but was 2
        FAIL pure/choice_operators/T.test_a: status: expected SUCCEEDED but was FAILED

        folder                  passed   failed    total
        lambda/services              0        1        1
        pure/base                    1        0        1
        pure/choice_operators        1        1        2
        total                        2        2        4
        2 passed, 2 failed\
        """,
        report().render());
  }

  @Test
  void writesAMarkdownReport(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("reports/conformance.md");

    report().writeMarkdown(file);

    assertEquals(
        """
        # Conformance report

        | folder | passed | failed | total |
        |---|---:|---:|---:|
        | lambda/services | 0 | 1 | 1 |
        | pure/base | 1 | 0 | 1 |
        | pure/choice_operators | 1 | 1 | 2 |
        | **total** | 2 | 2 | 4 |

        ## Failures

        ### lambda/services

        - `services/T.test_d`: output at /x: expected 1 but was 2

        ### pure/choice_operators

        - `choice_operators/T.test_a`: status: expected SUCCEEDED but was FAILED

        2 passed, 2 failed
        """,
        Files.readString(file));
  }

  @Test
  void anEmptyReportHasOnlyTheTotal() {
    ConformanceReport report = new ConformanceReport();

    assertEquals(
        """
        folder   passed   failed    total
        total         0        0        0
        0 passed, 0 failed\
        """,
        report.render());
  }

  @Test
  void sumsUpEachCategoryAsPassedOfRunnableNamingTheCasesNotRunnable(@TempDir Path dir)
      throws IOException {
    Path file = dir.resolve("service/services/T.test_e.json");
    Files.createDirectories(file.getParent());
    Files.writeString(
        file,
        "{\"id\":\"services/T.test_e\",\"category\":\"service\",\"expected\":{\"status\":\"SUCCEEDED\"}}");
    ConformanceReport report = report();
    report.add(outcome("service", "services/T.test_f", null));
    report.notRunnable(ConformanceCases.read(file));

    assertEquals(
        "lambda 0/1\npure 2/3\nservice 1/1 (of the 1 runnable, 1 not runnable)\n",
        report.runnableSummary());
    assertEquals("3 passed, 2 failed", report.summaryLine());
  }
}
