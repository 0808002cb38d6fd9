package io.asl4j.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.asl4j.dsl.builder.Choice;
import io.asl4j.dsl.builder.Fail;
import io.asl4j.dsl.builder.Succeed;
import io.asl4j.dsl.builder.Workflow;
import io.asl4j.dsl.json.AslWriter;
import io.asl4j.processor.golden.ClaimPaths;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Generated {@code <Record>Paths} give the builder's typed paths: comparisons compile on them,
 * nested records are navigated, and a comparison of the wrong type does not compile.
 */
class GeneratedPathsTest {
  private static final JavaFileObject CLAIM =
      JavaFileObjects.forSourceLines(
          "test.Claim",
          "package test;",
          "import io.asl4j.dsl.annotation.WorkflowData;",
          "@WorkflowData",
          "public record Claim(String claimId, double amount, Approval approval) {}");
  private static final JavaFileObject APPROVAL =
      JavaFileObjects.forSourceLines(
          "test.Approval",
          "package test;",
          "public record Approval(String adjuster, boolean approved) {}");

  private static Compilation compileRouting(String... conditions) {
    List<String> lines = new ArrayList<>();
    lines.add("package test;");
    lines.add("import io.asl4j.dsl.builder.*;");
    lines.add("final class Routing {");
    lines.add("  static Choice.JsonPath route(Succeed.JsonPath paid, Fail.JsonPath refused) {");
    lines.add("    return Choice.jsonPath(\"Route\")");
    for (String condition : conditions) {
      lines.add("        .when(" + condition + ", paid)");
    }
    lines.add("        .otherwise(refused);");
    lines.add("  }");
    lines.add("}");
    JavaFileObject routing = JavaFileObjects.forSourceLines("test.Routing", lines);
    return javac().withProcessors(new WorkflowProcessor()).compile(CLAIM, APPROVAL, routing);
  }

  @Test
  void generatedPathsCompareAndNavigateNestedRecordsInAChoice() throws IOException {
    // when
    Compilation compilation =
        compileRouting("ClaimPaths.amount().gt(100)", "ClaimPaths.approval().approved().isTrue()");

    // then
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation)
        .generatedSourceFile("test.ClaimPaths")
        .contentsAsUtf8String()
        .isEqualTo(GoldenTest.golden("ClaimPaths.java.txt"));
  }

  @Test
  void aStringComponentHasNoNumericComparison() {
    // when
    Compilation compilation = compileRouting("ClaimPaths.claimId().gt(100)");

    // then
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("gt")
        .inFile(compilation.sourceFiles().get(2))
        .onLineContaining("claimId().gt(100)");
  }

  @Test
  void aNestedRecordHasNoComponentsOfItsParent() {
    // when
    Compilation compilation = compileRouting("ClaimPaths.approval().amount().gt(100)");

    // then
    assertThat(compilation).hadErrorContaining("cannot find symbol");
  }

  @Test
  void generatedPathsWriteTheirPathsIntoTheBuiltAsl() {
    // given
    Succeed.JsonPath pay = Succeed.jsonPath("Pay");
    Fail.JsonPath refuse = Fail.jsonPath("Refuse").error("Refused");

    // when
    String asl =
        AslWriter.write(
            Workflow.jsonPath()
                .definition(
                    Choice.jsonPath("Route")
                        .when(ClaimPaths.amount().ge(1000), refuse)
                        .when(ClaimPaths.approval().approved().isTrue(), pay)
                        .when(ClaimPaths.filed().lt(Instant.parse("2025-01-01T00:00:00Z")), refuse)
                        .when(ClaimPaths.approval().adjuster().eq(ClaimPaths.claimId()), refuse)
                        .when(ClaimPaths.approval().object().isNotPresent(), refuse)
                        .otherwise(refuse))
                .build());

    // then
    assertThat(asl)
        .isEqualTo(
            String.join(
                "\n",
                "{",
                "  \"StartAt\": \"Route\",",
                "  \"States\": {",
                "    \"Route\": {",
                "      \"Type\": \"Choice\",",
                "      \"Choices\": [",
                "        {",
                "          \"Variable\": \"$.amount\",",
                "          \"NumericGreaterThanEquals\": 1000,",
                "          \"Next\": \"Refuse\"",
                "        },",
                "        {",
                "          \"Variable\": \"$.approval.approved\",",
                "          \"BooleanEquals\": true,",
                "          \"Next\": \"Pay\"",
                "        },",
                "        {",
                "          \"Variable\": \"$.filed\",",
                "          \"TimestampLessThan\": \"2025-01-01T00:00:00Z\",",
                "          \"Next\": \"Refuse\"",
                "        },",
                "        {",
                "          \"Variable\": \"$.approval.adjuster\",",
                "          \"StringEqualsPath\": \"$.claimId\",",
                "          \"Next\": \"Refuse\"",
                "        },",
                "        {",
                "          \"Variable\": \"$.approval\",",
                "          \"IsPresent\": false,",
                "          \"Next\": \"Refuse\"",
                "        }",
                "      ],",
                "      \"Default\": \"Refuse\"",
                "    },",
                "    \"Refuse\": {",
                "      \"Type\": \"Fail\",",
                "      \"Error\": \"Refused\"",
                "    },",
                "    \"Pay\": {",
                "      \"Type\": \"Succeed\"",
                "    }",
                "  }",
                "}",
                ""));
  }

  @Test
  void generatedPathsKeepTheirConstantsForAnnotations() {
    assertThat(ClaimPaths.AMOUNT).isEqualTo("$.amount");
    assertThat(ClaimPaths.APPROVAL).isEqualTo("$.approval");
    assertThat(ClaimPaths.DOCUMENTS).isEqualTo("$.documents");
    assertThat(ClaimPaths.documents().element(0).path()).isEqualTo("$.documents[0]");
    assertThat(ClaimPaths.approval().path()).isEqualTo("$.approval");
  }
}
