package io.asl4j.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** One test per rule the processor reports: message tag, file and line. */
class ProcessorRulesTest {
  private static final String LAMBDA = "\"arn:aws:lambda:us-east-1:123456789012:function:f\"";

  /**
   * {@code test.Order}, a {@code @WorkflowData} record: the processor generates {@code OrderPaths}.
   */
  private static final JavaFileObject ORDER =
      JavaFileObjects.forSourceLines(
          "test.Order",
          "package test;",
          "@io.asl4j.dsl.annotation.WorkflowData",
          "record Order(String orderId, double total) {}");

  /** {@code test.Flow}, a workflow class around {@code body}. */
  private static JavaFileObject workflow(String... body) {
    List<String> lines = new ArrayList<>();
    lines.add("package test;");
    lines.add("import io.asl4j.dsl.annotation.*;");
    lines.addAll(Arrays.asList(body));
    return JavaFileObjects.forSourceLines("test.Flow", lines);
  }

  /**
   * {@code test.Flow}: Choice {@code Route} over an {@link #ORDER} with {@code whens}, then Done.
   */
  private static JavaFileObject orderChoice(String... whens) {
    List<String> body = new ArrayList<>();
    body.add("@Workflow final class Flow {");
    body.add("  @StartAt @Choice(input = Order.class, otherwise = Done.class)");
    body.addAll(Arrays.asList(whens));
    body.addAll(List.of("  interface Route {}", "  @Succeed interface Done {}", "}"));
    return workflow(body.toArray(String[]::new));
  }

  private static Compilation compile(JavaFileObject... sources) {
    return javac().withProcessors(new WorkflowProcessor()).compile(sources);
  }

  @Test
  void aStrictBuildWithXlintAllAndWerrorCompilesAWorkflowAndItsDataWithoutWarnings() {
    // given: a @WorkflowData record, read by a typed Task, and JUnit-free code around it
    JavaFileObject claim =
        JavaFileObjects.forSourceLines(
            "test.Claim",
            "package test;",
            "import io.asl4j.dsl.annotation.WorkflowData;",
            "import java.util.List;",
            "@WorkflowData public record Claim(String id, double amount, List<String> tags) {}");
    JavaFileObject source =
        workflow(
            "@Workflow final class Flow {",
            "  @StartAt @Task(resource = " + LAMBDA + ", next = Route.class)",
            "  @Retry(errors = Errors.TASK_FAILED, maxAttempts = 2)",
            "  public interface Assess { Claim assess(Claim claim); }",
            "  @Choice(otherwise = Done.class)",
            "  @When(variable = \"$.amount\", numericGreaterThan = 100, next = Done.class)",
            "  interface Route {}",
            "  @Succeed interface Done {}",
            "}");
    // when
    Compilation compilation =
        javac()
            .withProcessors(new WorkflowProcessor())
            .withOptions("-Xlint:all", "-Werror")
            .compile(claim, source);
    // then: no "No processor claimed any of these annotations", nothing from the generated code
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.FlowDefinition");
    assertThat(compilation).generatedSourceFile("test.ClaimPaths");
  }

  @Test
  void whenJavacStopsBeforeTheProcessorTheRealErrorIsOnTheWorkflowsAnnotation() {
    // given: a Task without its required next, and a use of the ClaimPaths the processor would
    // generate
    JavaFileObject claim =
        JavaFileObjects.forSourceLines(
            "test.Claim",
            "package test;",
            "import io.asl4j.dsl.annotation.WorkflowData;",
            "@WorkflowData public record Claim(String id, double amount) {}");
    JavaFileObject source =
        workflow(
            "@Workflow final class Flow {",
            "  static final String AMOUNT = ClaimPaths.AMOUNT;",
            "  @StartAt @Task(resource = " + LAMBDA + ") interface First {}",
            "}");
    // when
    Compilation compilation = compile(claim, source);
    // then: README's advice holds: the error to fix is the one on the annotation
    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining("is missing a default value for the element 'next'")
        .inFile(source)
        .onLineContaining("@Task(resource");
  }

  @Test
  void nextMustReferenceAStateOfThisWorkflow() {
    // given
    JavaFileObject source =
        workflow(
            "@Workflow final class Flow {",
            "  @StartAt @Task(resource = " + LAMBDA + ", next = String.class) interface First {}",
            "}");
    // when
    Compilation compilation = compile(source);
    // then
    assertThat(compilation)
        .hadErrorContaining(
            "[Asl4jUnknownState] 'next = java.lang.String.class' is not a state of workflow Flow")
        .inFile(source)
        .onLineContaining("next = String.class");
  }

  @Test
  void misspeltTargetIsAnOrdinaryJavacError() {
    JavaFileObject source =
        workflow(
            "@Workflow final class Flow {",
            "  @StartAt @Task(resource = " + LAMBDA + ", next = Dnoe.class) interface First {}",
            "  @Succeed interface Done {}",
            "}");
    Compilation compilation = compile(source);
    assertThat(compilation)
        .hadErrorContaining("cannot find symbol")
        .inFile(source)
        .onLineContaining("Dnoe.class");
  }

  @Test
  void forgettingNextDoesNotCompile() {
    JavaFileObject source =
        workflow(
            "@Workflow final class Flow {",
            "  @StartAt @Task(resource = " + LAMBDA + ") interface First {}",
            "}");
    Compilation compilation = compile(source);
    assertThat(compilation)
        .hadErrorContaining("missing a default value for the element 'next'")
        .inFile(source)
        .onLineContaining("interface First");
    assertThat(compilation.errors()).hasSize(1);
  }

  @Test
  void workflowNeedsAStartAt() {
    JavaFileObject source =
        workflow(
            "@Workflow(comment = \"no start\")",
            "final class Flow {",
            "  @Succeed interface Done {}",
            "}");
    Compilation compilation = compile(source);
    assertThat(compilation)
        .hadErrorContaining("[Asl4jStartAt] no state of Flow is annotated @StartAt")
        .inFile(source)
        .onLineContaining("@Workflow(comment");
    assertThat(compilation.errors()).hasSize(1);
  }

  @Test
  void onlyOneStateMayBeStartAt() {
    JavaFileObject source =
        workflow(
            "@Workflow final class Flow {",
            "  @StartAt @Succeed interface A {}",
            "  @StartAt @Succeed interface B {}",
            "}");
    Compilation compilation = compile(source);
    assertThat(compilation)
        .hadErrorContaining(
            "[Asl4jStartAt] exactly one state of Flow may be @StartAt, but A and B both are")
        .inFile(source)
        .onLineContaining("interface B");
  }

  @Test
  void stateNamesAreUniqueAcrossBranches() {
    JavaFileObject source =
        workflow(
            "@Workflow final class Flow {",
            "  @StartAt @Parallel(branches = {One.class, Two.class}, next = End.class) interface FanOut {}",
            "  @Branch interface One {",
            "    @StartAt @Task(resource = \"arn:aws:states:::sns:publish\", next = End.class) interface Notify {}",
            "  }",
            "  @Branch interface Two {",
            "    @StartAt @Task(resource = \"arn:aws:states:::sqs:sendMessage\", next = End.class) interface Notify {}",
            "  }",
            "}");
    Compilation compilation = compile(source);
    assertThat(compilation)
        .hadErrorContaining(
            "[Asl4jDuplicateStateName] name 'Notify' is also used at /States/FanOut/Branches/0/States/Notify")
        .inFile(source)
        .onLineContaining("sqs:sendMessage");
  }

  @Test
  void explicitNamesAreUniqueInAGraph() {
    JavaFileObject source =
        workflow(
            "@Workflow final class Flow {",
            "  @StartAt @Pass(name = \"Same\", next = B.class) interface A {}",
            "  @Succeed(name = \"Same\") interface B {}",
            "}");
    Compilation compilation = compile(source);
    assertThat(compilation)
        .hadErrorContaining("[Asl4jDuplicateStateName] name 'Same' is already used")
        .inFile(source)
        .onLineContaining("@Succeed(name");
  }

  @Test
  void choiceNeedsARule() {
    JavaFileObject source =
        workflow(
            "@Workflow final class Flow {",
            "  @StartAt @Choice(otherwise = Done.class) interface Route {}",
            "  @Succeed interface Done {}",
            "}");
    Compilation compilation = compile(source);
    assertThat(compilation)
        .hadErrorContaining("[Asl4jEmptyChoices]")
        .inFile(source)
        .onLineContaining("@Choice");
  }

  @Test
  void allMustAppearAloneInErrorEquals() {
    JavaFileObject source =
        workflow(
            "@Workflow final class Flow {",
            "  @StartAt @Task(resource = " + LAMBDA + ", next = End.class)",
            "  @Catch(errors = {Errors.ALL, \"Custom\"}, next = Failed.class)",
            "  interface Work {}",
            "  @Fail(error = \"E\") interface Failed {}",
            "}");
    Compilation compilation = compile(source);
    assertThat(compilation)
        .hadErrorContaining("[Asl4jAllNotAlone] 'States.ALL' must appear alone in 'ErrorEquals'")
        .inFile(source)
        .onLineContaining("\"Custom\"");
  }

  @Test
  void allMustBeInTheLastRetrier() {
    JavaFileObject source =
        workflow(
            "@Workflow final class Flow {",
            "  @StartAt @Task(resource = " + LAMBDA + ", next = End.class)",
            "  @Retry(errors = Errors.ALL, maxAttempts = 2)",
            "  @Retry(errors = \"Custom\")",
            "  interface Work {}",
            "}");
    Compilation compilation = compile(source);
    assertThat(compilation)
        .hadErrorContaining(
            "[Asl4jAllNotLast] a retrier with 'States.ALL' must be the last retrier")
        .inFile(source)
        .onLineContaining("maxAttempts = 2");
  }

  @Test
  void onlyTaskParallelAndMapCanRetry() {
    JavaFileObject source =
        workflow(
            "@Workflow final class Flow {",
            "  @StartAt @Choice(otherwise = Done.class)",
            "  @When(variable = \"$.a\", isPresent = true, next = Done.class)",
            "  @Retry(errors = Errors.ALL)",
            "  interface Route {}",
            "  @Succeed interface Done {}",
            "}");
    Compilation compilation = compile(source);
    assertThat(compilation)
        .hadErrorContaining(
            "[Asl4jRetryNotAllowed] only Task, Parallel and Map states can retry, but Route is a Choice state")
        .inFile(source)
        .onLineContaining("@Retry");
  }

  @Test
  void pathsMustBeValidJsonPath() {
    JavaFileObject source =
        workflow(
            "@Workflow final class Flow {",
            "  @StartAt @Pass(",
            "      inputPath = \"items[0]\",",
            "      next = End.class) interface Shape {}",
            "}");
    Compilation compilation = compile(source);
    assertThat(compilation)
        .hadErrorContaining(
            "[Asl4jInvalidPath] The value for the field 'InputPath' must be a valid JSONPath")
        .inFile(source)
        .onLineContaining("inputPath");
  }

  @Test
  void jsonataMustParse() {
    JavaFileObject source =
        workflow(
            "@Workflow(queryLanguage = io.asl4j.dsl.model.QueryLanguage.JSONATA) final class Flow {",
            "  @StartAt @Pass(",
            "      output = \"{% $states.input.( %}\",",
            "      next = End.class) interface Shape {}",
            "}");
    Compilation compilation = compile(source);
    assertThat(compilation)
        .hadErrorContaining("[Asl4jJsonataSyntax] not a valid JSONata expression")
        .inFile(source)
        .onLineContaining("output =");
  }

  @Test
  void intrinsicCallsMustParse() {
    JavaFileObject source =
        workflow(
            "@Workflow final class Flow {",
            "  @StartAt @Task(resource = " + LAMBDA + ",",
            "      parameters = \"{\\\"message.$\\\": \\\"States.Format('Hello {}', $.name\\\"}\",",
            "      next = End.class) interface Greet {}",
            "}");
    Compilation compilation = compile(source);
    assertThat(compilation)
        .hadErrorContaining(
            "[Asl4jInvalidTemplateValue] The value for the field 'message.$' must be a valid JSONPath or a valid intrinsic function call")
        .inFile(source)
        .onLineContaining("parameters =");
  }

  @Test
  void transitionsCannotCrossBranches() {
    JavaFileObject source =
        workflow(
            "@Workflow final class Flow {",
            "  @StartAt @Parallel(branches = One.class, next = Done.class) interface FanOut {}",
            "  @Branch interface One {",
            "    @StartAt @Pass(next = Done.class) interface Escape {}",
            "  }",
            "  @Succeed interface Done {}",
            "}");
    Compilation compilation = compile(source);
    assertThat(compilation)
        .hadErrorContaining(
            "[Asl4jCrossScopeTransition] 'Next' names 'Done', which is at /States/Done")
        .inFile(source)
        .onLineContaining("interface Escape");
  }

  @Test
  void aStateNoTransitionNamesIsAnError() {
    JavaFileObject source =
        workflow(
            "@Workflow final class Flow {",
            "  @StartAt @Succeed interface Done {}",
            "  @Pass(next = Done.class) interface Orphan {}",
            "}");
    Compilation compilation = compile(source);
    assertThat(compilation)
        .hadErrorContaining("[Asl4jUnreachableState] State \"Orphan\" is not reachable")
        .inFile(source)
        .onLineContaining("interface Orphan");
  }

  @Test
  void stateNamesHaveAtMost80Characters() {
    String name = "N".repeat(81);
    JavaFileObject source =
        workflow(
            "@Workflow final class Flow {",
            "  @StartAt @Succeed(name = \"" + name + "\") interface Done {}",
            "}");
    Compilation compilation = compile(source);
    assertThat(compilation)
        .hadErrorContaining(
            "[Asl4jStateNameTooLong] a state name must have 1 to 80 characters, but this one has 81")
        .inFile(source)
        .onLineContaining("interface Done");
  }

  @Test
  void heartbeatMustBeBelowTimeout() {
    JavaFileObject source =
        workflow(
            "@Workflow final class Flow {",
            "  @StartAt @Task(resource = " + LAMBDA + ", timeoutSeconds = 60,",
            "      heartbeatSeconds = 60,",
            "      next = End.class) interface Work {}",
            "}");
    Compilation compilation = compile(source);
    assertThat(compilation)
        .hadErrorContaining(
            "[Asl4jHeartbeatNotBelowTimeout] 'HeartbeatSeconds' (60) must be below 'TimeoutSeconds' (60)")
        .inFile(source)
        .onLineContaining("heartbeatSeconds = 60");
  }

  @Test
  void waitHasExactlyOneTime() {
    JavaFileObject source =
        workflow(
            "@Workflow final class Flow {",
            "  @StartAt",
            "  @Wait(seconds = 5, timestamp = \"2025-01-01T00:00:00Z\", next = End.class)",
            "  interface Pause {}",
            "}");
    Compilation compilation = compile(source);
    assertThat(compilation)
        .hadErrorContaining(
            "[Asl4jWaitTime] a Wait state needs exactly one of 'Seconds', 'SecondsPath', 'Timestamp' and 'TimestampPath', but has 'Seconds' and 'Timestamp'")
        .inFile(source)
        .onLineContaining("@Wait");
  }

  @Test
  void typedPathComparisonMustSuitTheComponentType() {
    JavaFileObject source =
        workflow(
            "@Workflow final class Flow {",
            "  @StartAt @Task(resource = " + LAMBDA + ", next = Route.class)",
            "  interface Load { Order load(Order order); }",
            "  @Choice(otherwise = Done.class)",
            "  @When(variable = OrderPaths.ORDER_ID, numericEquals = 7, next = Done.class)",
            "  interface Route {}",
            "  @Succeed interface Done {}",
            "}");
    Compilation compilation = compile(ORDER, source);
    assertThat(compilation)
        .hadErrorContaining(
            "[Asl4jPathType] numericEquals compares numbers, but '$.orderId' is String Order.orderId, a string")
        .inFile(source)
        .onLineContaining("numericEquals = 7");
    assertThat(compilation.errors()).hasSize(1);
  }

  @Test
  void typedPathMustNameAComponent() {
    JavaFileObject order =
        JavaFileObjects.forSourceLines(
            "test.Order", "package test;", "record Order(String orderId, double total) {}");
    JavaFileObject source =
        orderChoice("  @When(variable = \"$.totl\", numericGreaterThan = 100, next = Done.class)");
    Compilation compilation = compile(ORDER, source);
    assertThat(compilation)
        .hadErrorContaining(
            "[Asl4jPathType] '$.totl' reads 'totl', which is not a component of Order")
        .inFile(source)
        .onLineContaining("$.totl");
  }

  @Test
  void everyProblemIsReportedNotJustTheFirst() {
    JavaFileObject source =
        workflow(
            "@Workflow final class Flow {",
            "  @StartAt @Task(resource = " + LAMBDA + ", next = Integer.class, inputPath = \"$[\")",
            "  interface Work {}",
            "  @Choice interface Route {}",
            "}");
    Compilation compilation = compile(source);
    assertThat(compilation).hadErrorContaining("[Asl4jUnknownState]");
    assertThat(compilation).hadErrorContaining("[Asl4jInvalidPath]");
    assertThat(compilation).hadErrorContaining("[Asl4jEmptyChoices]");
    assertThat(compilation).hadErrorContaining("[Asl4jUnreachableState]");
  }

  @Test
  void jsonAttributesMustBeJson() {
    JavaFileObject source =
        workflow(
            "@Workflow final class Flow {",
            "  @StartAt @Pass(result = \"{not json\", next = End.class) interface Shape {}",
            "}");
    Compilation compilation = compile(source);
    assertThat(compilation)
        .hadErrorContaining("[Asl4jInvalidJson] 'result' must be JSON text")
        .inFile(source)
        .onLineContaining("{not json");
  }

  @Test
  void aCatcherMustNameAState() {
    JavaFileObject source =
        workflow(
            "@Workflow final class Flow {",
            "  @StartAt @Task(resource = " + LAMBDA + ", next = End.class)",
            "  @Catch(errors = Errors.ALL, next = End.class)",
            "  interface Work {}",
            "}");
    Compilation compilation = compile(source);
    assertThat(compilation)
        .hadErrorContaining("[Asl4jEndNotAllowed] 'next' must name a state")
        .inFile(source)
        .onLineContaining("@Catch");
  }

  @Test
  void aStateHasOneKind() {
    JavaFileObject source =
        workflow(
            "@Workflow final class Flow {",
            "  @StartAt @Succeed @Fail(error = \"E\") interface Both {}",
            "}");
    Compilation compilation = compile(source);
    assertThat(compilation)
        .hadErrorContaining("[Asl4jStateKind] a state has exactly one kind")
        .inFile(source)
        .onLineContaining("interface Both");
  }

  @Test
  void statesLiveInAWorkflow() {
    JavaFileObject source = workflow("final class Flow {", "  @Succeed interface Done {}", "}");
    Compilation compilation = compile(source);
    assertThat(compilation)
        .hadErrorContaining(
            "[Asl4jNotInWorkflow] @Succeed types must be nested in a class annotated @Workflow")
        .inFile(source)
        .onLineContaining("interface Done");
  }

  @Test
  void aTaskContractIsOneMethod() {
    JavaFileObject source =
        workflow(
            "@Workflow final class Flow {",
            "  @StartAt @Task(resource = " + LAMBDA + ", next = End.class)",
            "  interface Work { String work(String a, String b); }",
            "}");
    Compilation compilation = compile(source);
    assertThat(compilation)
        .hadErrorContaining("[Asl4jTaskContract]")
        .inFile(source)
        .onLineContaining("String work(");
  }

  @Test
  void nothingIsGeneratedForABrokenWorkflow() {
    JavaFileObject source =
        workflow("@Workflow final class Flow {", "  @StartAt @Choice interface Route {}", "}");
    Compilation compilation = compile(source);
    assertThat(compilation).failed();
    assertThat(
            compilation.diagnostics().stream()
                .map(d -> d.getMessage(null))
                .noneMatch(m -> m.contains("could not")))
        .isTrue();
    assertThat(
            compilation.diagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(d -> d.getMessage(null))
                .noneMatch(m -> m.contains("Asl4jUnexpected")))
        .isTrue();
  }

  @Test
  void readerBatcherAndWriterBelongOnAMapState() {
    JavaFileObject source =
        workflow(
            "@Workflow final class Flow {",
            "  @StartAt @Task(resource = " + LAMBDA + ", next = End.class)",
            "  @ItemBatcher(maxItemsPerBatch = 10)",
            "  interface Work {}",
            "}");
    Compilation compilation = compile(source);
    assertThat(compilation)
        .hadErrorContaining(
            "[Asl4jMapOnly] @ItemBatcher belongs on a @Map state, not on a Task state")
        .inFile(source)
        .onLineContaining("@ItemBatcher");
  }

  @Test
  void aNumericFieldIsANumberOrAnExpressionNotBoth() {
    JavaFileObject source =
        workflow(
            "@Workflow(queryLanguage = io.asl4j.dsl.model.QueryLanguage.JSONATA) final class Flow {",
            "  @StartAt @Task(resource = " + LAMBDA + ", timeoutSeconds = 30,",
            "      timeoutSecondsExpression = \"{% $states.input.t %}\", next = End.class)",
            "  interface Work {}",
            "}");
    Compilation compilation = compile(source);
    assertThat(compilation)
        .hadErrorContaining(
            "[Asl4jNumberOrExpression] 'TimeoutSeconds' is a number or a JSONata expression, but has both"
                + " 'timeoutSeconds' and 'timeoutSecondsExpression'")
        .inFile(source)
        .onLineContaining("timeoutSecondsExpression =");
    assertThat(compilation.errors()).hasSize(1);
  }

  @Test
  void aRuleIsAComparisonOrACombinationNotBoth() {
    JavaFileObject source =
        workflow(
            "@Workflow final class Flow {",
            "  @StartAt @Choice(otherwise = Done.class)",
            "  @When(variable = \"$.a\", stringEquals = \"x\",",
            "      and = {@Rule(variable = \"$.b\", isPresent = true)}, next = Done.class)",
            "  interface Route {}",
            "  @Succeed interface Done {}",
            "}");
    Compilation compilation = compile(source);
    assertThat(compilation)
        .hadErrorContaining(
            "[Asl4jChoiceRule] a @When has one of a JSONata 'condition', a JSONPath 'variable' with one comparison,"
                + " 'and', 'or' or 'not', but has variable and and")
        .inFile(source)
        .onLineContaining("and = {@Rule");
  }

  @Test
  void aNestedRuleNeedsAComparison() {
    JavaFileObject source =
        workflow(
            "@Workflow final class Flow {",
            "  @StartAt @Choice(otherwise = Done.class)",
            "  @When(or = {",
            "      @Rule(variable = \"$.a\", isPresent = true),",
            "      @Rule(variable = \"$.b\")},",
            "    next = Done.class)",
            "  @When(not = @Rule(variable = \"$.c\", isNull = true), next = Done.class)",
            "  interface Route {}",
            "  @Succeed interface Done {}",
            "}");
    Compilation compilation = compile(source);
    assertThat(compilation)
        .hadErrorContaining(
            "[Asl4jChoiceRule] a @Rule needs a comparison such as stringEquals or numericGreaterThan")
        .inFile(source)
        .onLineContaining("@Rule(variable = \"$.b\")");
    assertThat(compilation.errors()).hasSize(1);
  }

  @Test
  void typedPathComparisonInsideANestedRuleMustSuitTheComponentType() {
    JavaFileObject source =
        orderChoice(
            "  @When(and = {",
            "      @Rule(variable = OrderPaths.TOTAL, numericGreaterThan = 100),",
            "      @Rule(variable = OrderPaths.ORDER_ID, numericEquals = 7)},",
            "    next = Done.class)");
    Compilation compilation = compile(ORDER, source);
    assertThat(compilation)
        .hadErrorContaining(
            "[Asl4jPathType] numericEquals compares numbers, but '$.orderId' is String Order.orderId, a string")
        .inFile(source)
        .onLineContaining("numericEquals = 7");
    assertThat(compilation.errors()).hasSize(1);
  }

  @Test
  void repeatedWhenWithGeneratedConstantsCompilesInAnExplicitContainer() {
    // given: OrderPaths is generated in this compilation; implicitly repeated @When cannot name it
    JavaFileObject source =
        orderChoice(
            "  @When.List({",
            "    @When(variable = OrderPaths.TOTAL, numericGreaterThan = 100, next = Done.class),",
            "    @When(variable = OrderPaths.ORDER_ID, stringEquals = \"o-1\", next = Done.class)})");
    // when
    Compilation compilation = compile(ORDER, source);
    // then
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void implicitlyRepeatedWhenWithGeneratedConstantsIsJavacsError() {
    // javac checks the synthesized @When.List before processors run, so this fails in javac itself
    JavaFileObject source =
        orderChoice(
            "  @When(variable = OrderPaths.TOTAL, numericGreaterThan = 100, next = Done.class)",
            "  @When(variable = OrderPaths.ORDER_ID, stringEquals = \"o-1\", next = Done.class)");
    Compilation compilation = compile(ORDER, source);
    assertThat(compilation).hadErrorContaining("expression not allowed as annotation value");
  }

  @Test
  void typedPathProblemInAnExplicitWhenListLandsOnItsLine() {
    JavaFileObject source =
        orderChoice(
            "  @When.List({",
            "    @When(variable = OrderPaths.TOTAL, numericGreaterThan = 100, next = Done.class),",
            "    @When(variable = OrderPaths.ORDER_ID, numericEquals = 7, next = Done.class)})");
    Compilation compilation = compile(ORDER, source);
    assertThat(compilation)
        .hadErrorContaining(
            "[Asl4jPathType] numericEquals compares numbers, but '$.orderId' is String Order.orderId, a string")
        .inFile(source)
        .onLineContaining("numericEquals = 7");
  }
}
