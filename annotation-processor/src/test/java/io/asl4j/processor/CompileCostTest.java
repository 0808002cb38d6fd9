package io.asl4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Measures what the processor adds to compiling a 50-state workflow and prints it; no timing
 * assertion, since shared build machines are noisy.
 */
class CompileCostTest {
  private static final int STATES = 50;
  private static final int WARM_UP = 5;
  private static final int RUNS = 15;

  @Test
  void processorCostForA50StateWorkflowIsPrinted() {
    // given: 48 Tasks with a Retry and a Catch, one Choice, one Succeed
    JavaFileObject source = fiftyStates();
    Supplier<Compiler> plain = () -> javac().withOptions("-proc:none");
    Supplier<Compiler> processed = () -> javac().withProcessors(new WorkflowProcessor());
    assertThat(processed.get().compile(source)).succeededWithoutWarnings();

    // when
    for (int i = 0; i < WARM_UP; i++) {
      plain.get().compile(source);
      processed.get().compile(source);
    }
    long[] without = new long[RUNS];
    long[] with = new long[RUNS];
    for (int i = 0; i < RUNS; i++) {
      without[i] = time(plain, source);
      with[i] = time(processed, source);
    }

    // then
    long medianWithout = median(without);
    long medianWith = median(with);
    System.out.printf(
        "[asl4j compile cost] %d-state workflow: javac %.1f ms, javac + processor %.1f ms, processor adds %.1f ms (median of %d)%n",
        STATES, medianWithout / 1e6, medianWith / 1e6, (medianWith - medianWithout) / 1e6, RUNS);
  }

  private static long time(Supplier<Compiler> compiler, JavaFileObject source) {
    Compiler fresh = compiler.get(); // a processor instance runs in one compilation only
    long start = System.nanoTime();
    Compilation compilation = fresh.compile(source);
    long elapsed = System.nanoTime() - start;
    assertThat(compilation).succeeded();
    return elapsed;
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  static JavaFileObject fiftyStates() {
    List<String> lines = new ArrayList<>();
    lines.add("package bench;");
    lines.add("import io.asl4j.dsl.annotation.*;");
    lines.add("@Workflow(comment = \"50 states\")");
    lines.add("final class Fifty {");
    int tasks = STATES - 2;
    for (int i = 0; i < tasks; i++) {
      String next = i == tasks - 1 ? "Route" : "Step" + (i + 1);
      lines.add(
          "  "
              + (i == 0 ? "@StartAt " : "")
              + "@Task(resource = \"arn:aws:lambda:us-east-1:123456789012:function:step"
              + i
              + "\",");
      lines.add("      resultPath = \"$.step" + i + "\", next = " + next + ".class)");
      lines.add(
          "  @Retry(errors = Errors.TASK_FAILED, intervalSeconds = 1, maxAttempts = 3, backoffRate = 2.0)");
      lines.add("  @Catch(errors = Errors.ALL, next = Done.class)");
      lines.add("  interface Step" + i + " {}");
    }
    lines.add("  @Choice(otherwise = Done.class)");
    lines.add("  @When(variable = \"$.step0\", isPresent = true, next = Done.class)");
    lines.add("  interface Route {}");
    lines.add("  @Succeed interface Done {}");
    lines.add("}");
    return JavaFileObjects.forSourceLines("bench.Fifty", lines);
  }
}
