package io.asl4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The annotated versions of the seed workflows ({@code src/test/java/.../golden}) compile to the
 * hand-written ASL in {@code src/test/resources/golden}, byte for byte.
 */
class GoldenTest {
  private static final Path SOURCES = Path.of("src/test/java/io/asl4j/processor/golden");
  private static Compilation compilation;

  @BeforeAll
  static void compileSeeds() throws MalformedURLException {
    List<JavaFileObject> sources = new ArrayList<>();
    for (String name : List.of("Order", "OrderWorkflow", "OrderProcessingDemo", "ProcessAllOrders", "HumanApproval")) {
      sources.add(JavaFileObjects.forResource(SOURCES.resolve(name + ".java").toUri().toURL()));
    }
    compilation = javac().withProcessors(new WorkflowProcessor()).compile(sources);
  }

  @Test
  void seedWorkflowsCompileWithoutWarnings() {
    assertThat(compilation).succeededWithoutWarnings();
  }

  @ParameterizedTest
  @ValueSource(strings = {"OrderWorkflow", "OrderProcessingDemo", "ProcessAllOrders", "HumanApproval"})
  void seedWorkflowCompilesToItsHandWrittenAsl(String workflow) throws IOException {
    // given: golden/<workflow>.asl.json, written by hand from the seed
    String golden = golden(workflow + ".asl.json");

    // then
    assertThat(compilation)
        .generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/asl4j/io/asl4j/processor/golden/" + workflow + ".asl.json")
        .contentsAsUtf8String()
        .isEqualTo(golden);
  }

  @Test
  void workflowDataRecordGetsAPathMetamodel() {
    assertThat(compilation)
        .generatedSourceFile("io.asl4j.processor.golden.OrderPaths")
        .contentsAsUtf8String()
        .contains("public static final String PAYMENT_STATUS = \"$.paymentStatus\";");
    assertThat(compilation)
        .generatedSourceFile("io.asl4j.processor.golden.OrderPaths")
        .contentsAsUtf8String()
        .contains("public static NumberPath total()");
  }

  static String golden(String name) throws IOException {
    try (InputStream in = GoldenTest.class.getResourceAsStream("/golden/" + name)) {
      if (in == null) {
        throw new IllegalStateException("no golden file " + name);
      }
      return new String(in.readAllBytes(), UTF_8);
    }
  }
}
