package io.asl4j.dsl.builder;

import static io.asl4j.dsl.testing.Located.abbreviate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.asl4j.dsl.expression.AslPath;
import io.asl4j.dsl.expression.ExpressionException;
import io.asl4j.dsl.expression.IntrinsicArgument.StringLiteral;
import io.asl4j.dsl.expression.IntrinsicCall;
import io.asl4j.dsl.json.AslReader;
import io.asl4j.dsl.json.AslWriter;
import io.asl4j.dsl.model.StateMachine;
import io.asl4j.dsl.testing.Deadline;
import io.asl4j.dsl.validate.AslValidationException;
import io.asl4j.dsl.validate.Problem;
import io.asl4j.dsl.validate.ValidationResult;
import io.asl4j.dsl.validate.Validator;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The builder on random workflows: what it builds from valid input is valid ASL that reads back to
 * the same model and rebuilds from that model; invalid input is refused with a clear message at the
 * call or at {@code build()}, never with an exception that does not say what is wrong.
 */
class WorkflowProperties {

  @Property
  void aRandomValidWorkflowBuildsValidatesWritesAndReadsBack(
      @ForAll Random random, @ForAll @IntRange(min = 1, max = 40) int size) {
    // given
    Workflow workflow = new RandomWorkflows(random).workflow(size);

    Deadline.run(
        () -> {
          // when
          StateMachine machine;
          try {
            machine = workflow.build();
          } catch (AslValidationException e) {
            fail(
                "a valid workflow was refused:\n"
                    + e.getMessage()
                    + "\n"
                    + abbreviate(AslWriter.write(workflow.toModel())));
            return;
          }

          // then
          String written = AslWriter.write(machine);
          ValidationResult result = Validator.validate(machine);
          assertTrue(result.isValid(), result + "\n" + abbreviate(written));
          StateMachine reread = AslReader.read(written);
          assertEquals(
              machine, reread, () -> difference(machine, reread) + "\n" + abbreviate(written));
          assertEquals(
              sorted(result.problems()), sorted(Validator.validateJson(written).problems()));
          assertEquals(machine, Workflow.from(machine).toModel(), "from(model).toModel()");
          assertEquals(machine, Workflow.from(reread).build(), "from(model).build()");
          assertEquals(written, Workflow.from(machine).toJson());
        },
        () -> "took too long");
  }

  /** Where two model values first differ, walking records, lists and maps; for failure messages. */
  static String difference(Object expected, Object actual) {
    return difference(expected, actual, "");
  }

  private static String difference(Object a, Object b, String at) {
    if (java.util.Objects.equals(a, b)) {
      return null;
    }
    if (a instanceof Record && b != null && a.getClass() == b.getClass()) {
      for (java.lang.reflect.RecordComponent c : a.getClass().getRecordComponents()) {
        try {
          String d =
              difference(
                  c.getAccessor().invoke(a), c.getAccessor().invoke(b), at + "." + c.getName());
          if (d != null) {
            return d;
          }
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      }
    } else if (a instanceof java.util.Map<?, ?> ma && b instanceof java.util.Map<?, ?> mb) {
      for (Object key : ma.keySet()) {
        String d = difference(ma.get(key), mb.get(key), at + "[" + key + "]");
        if (d != null) {
          return d;
        }
      }
    } else if (a instanceof List<?> la && b instanceof List<?> lb && la.size() == lb.size()) {
      for (int i = 0; i < la.size(); i++) {
        String d = difference(la.get(i), lb.get(i), at + "[" + i + "]");
        if (d != null) {
          return d;
        }
      }
    }
    return at + ": " + describe(a) + " != " + describe(b);
  }

  private static String describe(Object value) {
    return value == null ? "null" : value + " (" + value.getClass().getSimpleName() + ")";
  }

  private static List<String> sorted(List<Problem> problems) {
    return problems.stream().map(Problem::toString).sorted().collect(Collectors.toList());
  }

  @Provide
  Arbitrary<String> fieldNames() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(10),
        Arbitraries.strings().withChars("ab_'\"\\[]. $*@?,()é").ofMaxLength(8));
  }

  /** A typed path to a field addresses exactly that field, whatever its name, or is refused. */
  @Property
  void aTypedPathToAFieldAddressesThatField(
      @ForAll("fieldNames") String name, @ForAll("fieldNames") String inner) {
    String path;
    try {
      path = JsonPaths.input().object(name).string(inner).path();
    } catch (IllegalArgumentException e) {
      assertNotNull(e.getMessage());
      return;
    }
    AslPath parsed;
    try {
      parsed = AslPath.parse(path);
    } catch (ExpressionException e) {
      throw new AssertionError("the builder wrote a path that does not parse: " + path, e);
    }
    assertTrue(parsed.isReferencePath(), path);
    assertEquals(List.of(new AslPath.Field(name), new AslPath.Field(inner)), parsed.steps(), path);
  }

  /** A string given to an intrinsic function is the string the call holds. */
  @Property
  void intrinsicArgumentsKeepTheirStrings(@ForAll String template, @ForAll String argument) {
    String call = States.format(template, argument, JsonPaths.input().string("a")).asl();
    IntrinsicCall parsed = IntrinsicCall.parse(call);
    // A template's {} stay placeholders: only quotes and backslashes are escaped.
    assertEquals(template, ((StringLiteral) parsed.arguments().get(0)).value(), call);
    assertEquals(argument, ((StringLiteral) parsed.arguments().get(1)).value(), call);
  }

  /**
   * Invalid uses fail at once with an exception that says what is wrong: a {@code
   * NullPointerException} naming the null parameter (the house style: {@code "name == null"}), or
   * an {@code IllegalArgumentException} or {@code IllegalStateException} with a message; or {@code
   * build()} throws {@link AslValidationException} listing located problems.
   */
  @Property
  void invalidUseIsRefusedWithAClearMessage(@ForAll("misuses") Misuse misuse) {
    Throwable thrown;
    try {
      Object result = misuse.action().get();
      if (result instanceof Workflow workflow) {
        workflow.build();
      }
      fail(misuse.name() + " was accepted");
      return;
    } catch (AslValidationException e) {
      assertTrue(
          !e.problems().isEmpty() && e.problems().stream().allMatch(p -> p.pointer() != null),
          misuse.name());
      return;
    } catch (NullPointerException | IllegalArgumentException | IllegalStateException e) {
      thrown = e;
    }
    assertNotNull(thrown.getMessage(), misuse.name() + " threw " + thrown);
    assertTrue(
        !(thrown instanceof NullPointerException) || thrown.getMessage().endsWith("== null"),
        misuse.name()
            + " threw a NullPointerException that does not name the parameter: "
            + thrown.getMessage());
  }

  record Misuse(String name, Supplier<Object> action) {
    @Override
    public String toString() {
      return name;
    }
  }

  @Provide
  Arbitrary<Misuse> misuses() {
    return Arbitraries.randoms().map(WorkflowProperties::misuse);
  }

  private static Misuse misuse(Random random) {
    String name = random.nextBoolean() ? null : "S" + random.nextInt(3);
    double odd =
        List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -1.0, 0.5)
            .get(random.nextInt(5));
    double nonFinite =
        List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY)
            .get(random.nextInt(3));
    List<Misuse> all =
        List.of(
            new Misuse(
                "Pass.jsonPath(" + name + ") twice",
                () ->
                    Workflow.jsonPath()
                        .definition(Chain.start(Pass.jsonPath(name)).next(Pass.jsonPath(name)))),
            new Misuse("Task.jsonPath(null)", () -> Task.jsonPath(null)),
            new Misuse("Task resource(null)", () -> Task.jsonPath("T").resource((String) null)),
            new Misuse("Wait.jsonPath(null)", () -> Wait.jsonPath(null)),
            new Misuse("Choice.jsonata(null)", () -> Choice.jsonata(null)),
            new Misuse("Succeed.jsonPath(null)", () -> Succeed.jsonPath(null)),
            new Misuse("Fail.jsonata(null)", () -> Fail.jsonata(null)),
            new Misuse("Parallel.jsonPath(null)", () -> Parallel.jsonPath(null)),
            new Misuse("MapState.jsonPath(null)", () -> MapState.jsonPath(null)),
            new Misuse("Condition.not(null)", () -> Condition.not(null)),
            new Misuse("Condition.and(null)", () -> Condition.and(null, (Condition) null)),
            new Misuse(
                "catching((Catch) null)",
                () ->
                    Task.jsonPath("T")
                        .resource("arn:aws:states:::lambda:invoke")
                        .catching((Catch) null)),
            new Misuse(
                "retry((Retry) null)",
                () ->
                    Task.jsonPath("T")
                        .resource("arn:aws:states:::lambda:invoke")
                        .retry((Retry) null)),
            new Misuse(
                "Catch without target",
                () ->
                    Task.jsonPath("T")
                        .resource("arn:aws:states:::lambda:invoke")
                        .catching(Catch.all())),
            new Misuse("Catch.on(States.ALL)", () -> Catch.on(Errors.ALL)),
            new Misuse("Retry.on(null)", () -> Retry.on(null)),
            new Misuse("backoffRate(" + odd + ")", () -> Retry.on("E").backoffRate(odd)),
            new Misuse("intervalSeconds(0)", () -> Retry.on("E").intervalSeconds(0)),
            new Misuse(
                "Payload.put(k, " + nonFinite + ")",
                () ->
                    Workflow.jsonPath()
                        .definition(
                            Pass.jsonPath("P").result(Payload.object().put("k", nonFinite)))),
            new Misuse(
                "NumberPath.eq(" + nonFinite + ")",
                () ->
                    Workflow.jsonPath()
                        .definition(
                            Choice.jsonPath("C")
                                .when(
                                    JsonPaths.input().number("n").eq(nonFinite),
                                    Succeed.jsonPath("S")))),
            new Misuse(
                "numericGreaterThan(" + nonFinite + ")",
                () ->
                    Workflow.jsonPath()
                        .definition(
                            Choice.jsonPath("C")
                                .when(
                                    Condition.numericGreaterThan("$.n", nonFinite),
                                    Succeed.jsonPath("S")))),
            new Misuse(
                "toleratedFailurePercentage(" + odd + ")",
                () ->
                    Workflow.jsonPath()
                        .definition(
                            MapState.jsonPath("M")
                                .itemProcessor(Pass.jsonPath("P"))
                                .toleratedFailurePercentage(odd < 1 && odd > 0 ? 101 : odd))),
            new Misuse("States.format NaN", () -> States.format("{}", Double.NaN)),
            new Misuse("Payload.put(null key)", () -> Payload.object().put(null, "v")),
            new Misuse(
                "next twice",
                () -> {
                  Pass.JsonPath p = Pass.jsonPath("P");
                  p.next(Pass.jsonPath("Q"));
                  return p.next(Pass.jsonPath("R"));
                }),
            new Misuse(
                "otherwise twice",
                () ->
                    Choice.jsonPath("C")
                        .otherwise(Succeed.jsonPath("A"))
                        .otherwise(Succeed.jsonPath("B"))),
            new Misuse(
                "timeout(10^12 s)",
                () ->
                    Task.jsonPath("T")
                        .resource("arn:aws:states:::lambda:invoke")
                        .timeout(java.time.Duration.ofSeconds(1_000_000_000_000L))),
            new Misuse(
                "Retry.interval(10^12 s)",
                () -> Retry.on("E").interval(java.time.Duration.ofSeconds(1_000_000_000_000L))),
            new Misuse(
                "Wait.duration(10^12 s)",
                () ->
                    Wait.jsonPath("W").duration(java.time.Duration.ofSeconds(1_000_000_000_000L))),
            new Misuse(
                "timestamp(Instant.MAX)",
                () ->
                    Workflow.jsonPath()
                        .definition(Wait.jsonPath("W").timestamp(java.time.Instant.MAX))),
            new Misuse("variable(\"a b\")", () -> JsonPaths.variable("a b")),
            new Misuse("variable(null)", () -> JsonPaths.variable(null)),
            new Misuse(
                "Workflow.from(dangling Next)",
                () ->
                    Workflow.from(
                        AslReader.read(
                            "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"Next\":\"B\"}}}"))),
            new Misuse(
                "Workflow.from(branch StartAt missing)",
                () ->
                    Workflow.from(
                        AslReader.read(
                            "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Parallel\",\"End\":true,\"Branches\":[{\"StartAt\":\"Q\",\"States\":{}}]}}}"))),
            new Misuse("Workflow.from(null)", () -> Workflow.from(null)),
            new Misuse(
                "deep Not",
                () -> {
                  Condition c = JsonPaths.input().bool("b").isTrue();
                  for (int i = 0; i < 600; i++) {
                    c = Condition.not(c);
                  }
                  return Workflow.jsonPath()
                      .definition(Choice.jsonPath("C").when(c, Succeed.jsonPath("S")));
                }),
            new Misuse(
                "state name of 81 characters",
                () -> Workflow.jsonPath().definition(Succeed.jsonPath("x".repeat(81)))),
            new Misuse("assign(null payload)", () -> Pass.jsonPath("P").assign((Payload) null)),
            new Misuse("definition(null)", () -> Workflow.jsonPath().definition(null)));
    return all.get(random.nextInt(all.size()));
  }
}
