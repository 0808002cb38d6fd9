package io.asl4j.dsl.builder;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.File;
import java.net.URISyntaxException;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** What the builder's types forbid: snippets that must not compile. */
class TypeSafetyCompilationTest {

  @Test
  void validSnippetCompiles() {
    // the control: the classpath is right, so the failures below are the types' doing
    Compilation compilation =
        compile(
            "Chain.start(Pass.jsonPath(\"A\")).next(Pass.jsonPath(\"B\"))"
                + ".next(Succeed.jsonPath(\"C\"));");
    assertThat(compilation).succeeded();
  }

  @Test
  void succeedStateCannotBeChainedOnto() {
    JavaFileObject source =
        source(
            "Chain.start(Pass.jsonPath(\"A\")).next(Succeed.jsonPath(\"B\"))"
                + ".next(Pass.jsonPath(\"C\"));");
    Compilation compilation = compile(source);
    assertThat(compilation).hadErrorContaining("cannot find symbol");
    assertThat(compilation).hadErrorContaining("ClosedChain");
  }

  @Test
  void failStateCannotBeChainedOnto() {
    Compilation compilation = compile("Fail.jsonPath(\"F\").next(Pass.jsonPath(\"C\"));");
    assertThat(compilation).hadErrorContaining("cannot find symbol");
  }

  @Test
  void choiceStateCannotBeChainedOnto() {
    Compilation compilation =
        compile(
            "Pass.jsonPath(\"A\").next(Choice.jsonPath(\"C\")).next(Pass.jsonPath(\"B\"));");
    assertThat(compilation).hadErrorContaining("cannot find symbol");
  }

  @Test
  void retryIsNotOfferedOnAChoice() {
    Compilation compilation = compile("Choice.jsonPath(\"C\").retry(Retry.all());");
    assertThat(compilation).hadErrorContaining("cannot find symbol");
  }

  @Test
  void catchIsNotOfferedOnAPass() {
    Compilation compilation =
        compile("Pass.jsonPath(\"P\").catching(Catch.all().to(Succeed.jsonPath(\"S\")));");
    assertThat(compilation).hadErrorContaining("cannot find symbol");
  }

  @Test
  void stringPathCannotBeComparedWithANumber() {
    Compilation compilation = compile("JsonPaths.input().string(\"priority\").gt(3);");
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("gt");
  }

  @Test
  void waitCannotGetTwoTimes() {
    Compilation compilation = compile("Wait.jsonPath(\"W\").seconds(1).timestampPath(\"$.t\");");
    assertThat(compilation).hadErrorContaining("cannot find symbol");
  }

  @Test
  void waitCannotBeUsedWithoutATime() {
    Compilation compilation = compile("Chain.start(Wait.jsonPath(\"W\"));");
    assertThat(compilation).failed();
  }

  @Test
  void jsonataTaskDoesNotOfferParameters() {
    Compilation compilation =
        compile(
            "Task.jsonata(\"T\").resource(Resource.lambdaInvoke())"
                + ".parameters(Payload.object());");
    assertThat(compilation).hadErrorContaining("cannot find symbol");
  }

  @Test
  void jsonPathTaskDoesNotOfferOutput() {
    Compilation compilation =
        compile("Task.jsonPath(\"T\").resource(Resource.lambdaInvoke()).output(\"{% 1 %}\");");
    assertThat(compilation).hadErrorContaining("cannot find symbol");
  }

  @Test
  void jsonataCatcherIsNotAcceptedByAJsonPathTask() {
    Compilation compilation =
        compile(
            "Task.jsonPath(\"T\").resource(Resource.lambdaInvoke())"
                + ".catching(Catch.all().output(\"{% $states.errorOutput %}\")"
                + ".to(Succeed.jsonPath(\"S\")));");
    assertThat(compilation).failed();
  }

  private static Compilation compile(String statement) {
    return compile(source(statement));
  }

  private static JavaFileObject source(String statement) {
    return JavaFileObjects.forSourceLines(
        "test.Snippet",
        "package test;",
        "import io.asl4j.dsl.builder.*;",
        "final class Snippet {",
        "  void snippet() {",
        "    " + statement,
        "  }",
        "}");
  }

  private static Compilation compile(JavaFileObject source) {
    // Surefire's manifest-only jar hides the classpath from javac, so pass it explicitly.
    return javac().withClasspath(List.of(location(Workflow.class), location(JsonNode.class)))
        .compile(source);
  }

  private static File location(Class<?> type) {
    try {
      return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
