package io.asl4j.dsl.builder;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Named.named;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.File;
import java.net.URISyntaxException;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

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

  static Stream<Named<String>> statementsTheTypesDoNotOffer() {
    return Stream.of(
        named(
            "a Fail state cannot be chained onto",
            "Fail.jsonPath(\"F\").next(Pass.jsonPath(\"C\"));"),
        named(
            "a Choice state cannot be chained onto",
            "Pass.jsonPath(\"A\").next(Choice.jsonPath(\"C\")).next(Pass.jsonPath(\"B\"));"),
        named("retry is not offered on a Choice", "Choice.jsonPath(\"C\").retry(Retry.all());"),
        named(
            "catching is not offered on a Pass",
            "Pass.jsonPath(\"P\").catching(Catch.all().to(Succeed.jsonPath(\"S\")));"),
        named(
            "a Wait cannot get two times",
            "Wait.jsonPath(\"W\").seconds(1).timestampPath(\"$.t\");"),
        named(
            "a JSONata Task does not offer Parameters",
            "Task.jsonata(\"T\").resource(Resource.lambdaInvoke())"
                + ".parameters(Payload.object());"),
        named(
            "a JSONPath Task does not offer Output",
            "Task.jsonPath(\"T\").resource(Resource.lambdaInvoke()).output(\"{% 1 %}\");"));
  }

  /** Each statement calls a method its state type does not have, so it does not compile. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("statementsTheTypesDoNotOffer")
  void methodsAStateMustNotHaveAreNotOffered(String statement) {
    assertThat(compile(statement)).hadErrorContaining("cannot find symbol");
  }

  @Test
  void stringPathCannotBeComparedWithANumber() {
    Compilation compilation = compile("JsonPaths.input().string(\"priority\").gt(3);");
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("gt");
  }

  @Test
  void waitCannotBeUsedWithoutATime() {
    Compilation compilation = compile("Chain.start(Wait.jsonPath(\"W\"));");
    assertThat(compilation).failed();
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

  /**
   * The shared setters ({@link JsonPathFields}, {@link JsonataFields}, {@link Assigning}) reach
   * only the state types and query language that ASL gives each field, and keep the state's own
   * type, so nothing can follow a Succeed even after its I/O setters. The same holds for catchers
   * and rules ({@link CommentAndAssign}): a rule has no {@code to()}, a JSONPath catcher or rule no
   * {@code Output}.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "Succeed.jsonPath(\"S\").outputPath(\"$.x\").next(Pass.jsonPath(\"P\"));",
        "Succeed.jsonata(\"S\").output(\"{% 1 %}\").next(Pass.jsonata(\"P\"));",
        "Succeed.jsonPath(\"S\").assign(Payload.object());",
        "Fail.jsonPath(\"F\").inputPath(\"$.x\");",
        "Fail.jsonata(\"F\").output(\"{% 1 %}\");",
        "Pass.jsonPath(\"P\").resultSelector(Payload.object());",
        "Wait.jsonPath(\"W\").seconds(1).parameters(Payload.object());",
        "Choice.jsonPath(\"C\").resultPath(\"$.x\");",
        "MapState.jsonata(\"M\").arguments(\"{% 1 %}\");",
        "Pass.jsonata(\"P\").catching(Catch.all().to(Succeed.jsonata(\"S\")));",
        "Parallel.jsonata(\"P\").inputPath(\"$.x\");",
        "MapState.jsonPath(\"M\").output(\"{% 1 %}\");",
        "Rule.jsonata(\"{% true %}\").comment(\"c\").to(Succeed.jsonata(\"S\"));",
        "Catch.all().resultPath(\"$.e\").comment(\"c\").output(\"{% 1 %}\");",
        "Rule.when(JsonPaths.input().bool(\"b\").isTrue()).assign(Payload.object()).output(\"{% 1 %}\");",
      })
  void sharedSettersAreOfferedOnlyWhereAslAllowsThem(String statement) {
    assertThat(compile(statement)).hadErrorContaining("cannot find symbol");
  }

  @Test
  void sharedSetterInterfacesCannotBeImplementedOutsideTheBuilder() {
    Compilation compilation =
        compile(
            JavaFileObjects.forSourceLines(
                "test.Mine",
                "package test;",
                "import io.asl4j.dsl.builder.JsonPathFields;",
                "final class Mine implements JsonPathFields.InputOutput<Mine> {}"));
    assertThat(compilation).hadErrorContaining("sealed");
  }

  @Test
  void sharedSettersKeepTheConcreteStateType() {
    // given: each setter returns the state's own type, so the next call may be any of its setters
    Compilation compilation =
        compile(
            "Task.JsonPath t = Task.jsonPath(\"T\").resource(Resource.lambdaInvoke())"
                + ".inputPath(\"$.a\").parameters(Payload.object()).resultSelector(Payload.object())"
                + ".resultPath(\"$.r\").assign(Payload.object()).catching(Catch.all().resultPath(\"$.e\")"
                + ".to(Succeed.jsonPath(\"S\"))).retry(Retry.all()).outputPath(\"$.o\");"
                + " Parallel.Jsonata p = Parallel.jsonata(\"P\").arguments(\"{% 1 %}\")"
                + ".catching(Catch.all().output(\"{% 2 %}\").to(Succeed.jsonata(\"S2\"))).output(\"{% 3 %}\");");

    // then
    assertThat(compilation).succeededWithoutWarnings();
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
    return javac()
        .withClasspath(List.of(location(Workflow.class), location(JsonNode.class)))
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
