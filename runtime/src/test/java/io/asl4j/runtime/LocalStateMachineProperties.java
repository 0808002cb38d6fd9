package io.asl4j.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asl4j.dsl.json.AslReader;
import io.asl4j.dsl.model.StateMachineType;
import io.asl4j.runtime.internal.testing.CorpusMachine;
import io.asl4j.runtime.internal.testing.JsonArbitraries;
import io.asl4j.runtime.internal.testing.MapDefinitionArbitraries;
import io.asl4j.runtime.internal.testing.TimeBound;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Assumptions;

/**
 * Whole executions of the AWS-recorded definitions (the {@code pure} and {@code lambda} corpus
 * folders) on random inputs, with a virtual clock, a fixed seed and Lambda functions that echo,
 * answer at random or throw: every execution ends within a bound, in a status with the error it
 * must carry, with a well-formed history, and two runs alike give the same history.
 */
class LocalStateMachineProperties {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Instant START = Instant.parse("2024-02-29T12:00:00Z");
  private static final Duration LIMIT = Duration.ofSeconds(30);
  private static final String LAMBDA_INVOKE = "arn:aws:states:::lambda:invoke";

  /** Error names the fake Lambda functions throw. */
  private static final List<String> HANDLER_ERRORS =
      List.of(
          "Exception",
          "CustomError",
          "States.TaskFailed",
          "Lambda.ServiceException",
          "States.Timeout",
          "java.lang.IllegalStateException");

  private static List<CorpusMachine> cases;

  @Property
  void anExecutionEndsWellFormedAndRepeatsUnderTheSameSeed(
      @ForAll("runs") Run run, @ForAll long seed) {
    CorpusMachine c = run.c();
    JsonNode input = run.input();
    JsonNode inputBefore = input.deepCopy();

    Execution first = execute(c, input, seed);
    Execution second = execute(c, input, seed);

    String what = c.key() + " on " + abbreviated(input) + " with seed " + seed;
    assertEnded(first, c, what);
    assertWellFormed(first.history(), first.status(), what);
    assertEquals(first.status(), second.status(), what);
    assertEquals(first.output(), second.output(), what);
    assertEquals(first.error(), second.error(), what);
    assertEquals(first.cause(), second.cause(), what);
    assertEquals(json(first.history()), json(second.history()), "the histories of " + what);
    assertEquals(inputBefore, input, "the input was changed by " + what);
  }

  /**
   * Generated Map states (see {@link MapDefinitionArbitraries}) that the validator accepts run to
   * an end, as SUCCEEDED or FAILED with an error name, with a well-formed history: never an
   * exception out of the runtime (an inline Map with an ItemReader once crashed it with a
   * NullPointerException), never a Java exception's text as a cause. Most of them are accepted.
   */
  @Property
  void anyCombinationOfMapFieldsTheValidatorAcceptsRunsToAnEndWithoutAnInternalError(
      @ForAll("mapCases") MapDefinitionArbitraries.MapCase mapCase) throws JsonProcessingException {
    io.asl4j.runtime.services.S3Objects s3 = io.asl4j.runtime.services.AwsServices.create(1).s3();
    for (String[] object : MapDefinitionArbitraries.OBJECTS) {
      s3.put(object[0], object[1], object[2]);
    }
    LocalStateMachine machine;
    try {
      machine =
          LocalStateMachine.builder(mapCase.definition())
              .virtualClock(START)
              .seed(1)
              .s3(s3)
              .build();
    } catch (io.asl4j.dsl.validate.AslValidationException
        | io.asl4j.dsl.json.AslReadException rejected) {
      net.jqwik.api.statistics.Statistics.collect("rejected");
      net.jqwik.api.statistics.Statistics.coverage(
          c -> c.check("accepted").percentage(p -> p > 70));
      return;
    }
    net.jqwik.api.statistics.Statistics.collect("accepted");
    net.jqwik.api.statistics.Statistics.coverage(c -> c.check("accepted").percentage(p -> p > 70));
    JsonNode input = MAPPER.readTree(mapCase.input());
    String what = mapCase.toString();

    Execution execution = TimeBound.within(LIMIT, what, () -> machine.start(input).await());

    assertWellFormed(execution.history(), execution.status(), what);
    assertTrue(
        execution.status() == ExecutionStatus.SUCCEEDED
            || (execution.status() == ExecutionStatus.FAILED && execution.error() != null),
        what + " ended " + execution.status() + " " + execution.error() + ": " + execution.cause());
    String cause = execution.cause() == null ? "" : execution.cause();
    assertTrue(
        !cause.contains("Exception") && !cause.contains("java."), what + " failed with " + cause);
  }

  @Provide
  Arbitrary<MapDefinitionArbitraries.MapCase> mapCases() {
    return MapDefinitionArbitraries.cases();
  }

  @Property(tries = 10) // a try records up to 25,000 events: about half a second
  void aLoopEndsWithinTheHistoryLimitWhateverItsCount(
      @ForAll("counts") JsonNode count,
      @ForAll @IntRange(min = 0, max = 3) int bodyKind,
      @ForAll boolean jsonata) {
    String body = loopBody(bodyKind, jsonata);
    String definition =
        jsonata
            ? "{'QueryLanguage':'JSONata','StartAt':'Init','States':{"
                + "'Init':{'Type':'Pass','Output':{'n':'{% $states.input.n %}','i':0},'Next':'Check'},"
                + "'Check':{'Type':'Choice','Choices':[{'Condition':'{% $states.input.i >= $states.input.n %}','Next':'Done'}],'Default':'Step'},"
                + "'Step':{'Type':'Pass','Output':{'n':'{% $states.input.n %}','i':'{% $states.input.i + 1 %}'},'Next':'Body'},"
                + body
                + "'Done':{'Type':'Succeed'}}}"
            : "{'StartAt':'Init','States':{"
                + "'Init':{'Type':'Pass','Parameters':{'n.$':'$.n','i':0},'Next':'Check'},"
                + "'Check':{'Type':'Choice','Choices':[{'Variable':'$.i','NumericGreaterThanEqualsPath':'$.n','Next':'Done'}],'Default':'Step'},"
                + "'Step':{'Type':'Pass','Parameters':{'n.$':'$.n','i.$':'States.MathAdd($.i, 1)'},'Next':'Body'},"
                + body
                + "'Done':{'Type':'Succeed'}}}";
    LocalStateMachine machine =
        LocalStateMachine.builder(definition.replace('\'', '"'))
            .virtualClock(START)
            .seed(1)
            .build();
    JsonNode input = JsonNodeFactory.instance.objectNode().set("n", count);

    Execution execution =
        TimeBound.within(
            LIMIT, definition + " on " + input, () -> machine.start(input, "loop").await());

    String what = (jsonata ? "JSONata" : "JSONPath") + " loop with " + body + " on " + input;
    List<HistoryEvent> history = execution.history();
    assertWellFormed(history, execution.status(), what);
    assertTrue(history.size() <= 25_000, what + " recorded " + history.size() + " events");
    if (execution.status() == ExecutionStatus.FAILED && history.size() == 25_000) {
      assertEquals("States.Runtime", execution.error(), what);
      assertEquals(
          "The execution reached the maximum number of history events (25000).",
          execution.cause(),
          what);
    } else {
      assertTrue(
          execution.status() == ExecutionStatus.SUCCEEDED
              || (execution.status() == ExecutionStatus.FAILED
                  && execution.error().startsWith("States.")),
          what
              + " ended "
              + execution.status()
              + " "
              + execution.error()
              + ": "
              + execution.cause());
    }
  }

  @Provide
  Arbitrary<JsonNode> counts() {
    return Arbitraries.frequencyOf(
        Tuple.of(
            3,
            Arbitraries.integers()
                .between(0, 20_000)
                .map(n -> (JsonNode) JsonNodeFactory.instance.numberNode(n))),
        Tuple.of(
            1,
            Arbitraries.of(1_000_000_000, Integer.MAX_VALUE)
                .map(n -> (JsonNode) JsonNodeFactory.instance.numberNode(n))),
        Tuple.of(1, JsonArbitraries.scalars()));
  }

  /** The state the loop goes through after counting: one of each kind that takes its own path. */
  private static String loopBody(int kind, boolean jsonata) {
    String branch = "[{'StartAt':'B','States':{'B':{'Type':'Pass','End':true}}}]";
    String processor = "{'StartAt':'M','States':{'M':{'Type':'Pass','End':true}}}";
    switch (kind) {
      case 0:
        return "'Body':{'Type':'Pass','Next':'Check'},";
      case 1:
        return "'Body':{'Type':'Wait','Seconds':1,'Next':'Check'},";
      case 2:
        return jsonata
            ? "'Body':{'Type':'Parallel','Branches':"
                + branch
                + ",'Output':'{% $states.result[0] %}','Next':'Check'},"
            : "'Body':{'Type':'Parallel','Branches':"
                + branch
                + ",'OutputPath':'$[0]','Next':'Check'},";
      default:
        return jsonata
            ? "'Body':{'Type':'Map','Items':'{% [] %}','Output':'{% $states.input %}','Next':'Check','ItemProcessor':"
                + processor
                + "},"
            : "'Body':{'Type':'Map','ItemsPath':'$.none','ResultPath':null,'Next':'Check','ItemProcessor':"
                + processor
                + "},";
    }
  }

  /** Runs one execution to its end on a fresh machine. */
  private static Execution execute(CorpusMachine c, JsonNode input, long seed) {
    LocalStateMachine.Builder builder =
        LocalStateMachine.builder(AslReader.read(c.definition()))
            .virtualClock(START)
            .seed(seed)
            .account("111111111111")
            .type(c.express() ? StateMachineType.EXPRESS : StateMachineType.STANDARD);
    FakeLambda lambda = new FakeLambda(seed);
    c.lambdaArns().forEach(arn -> builder.handler(arn, lambda));
    builder.handler(LAMBDA_INVOKE, lambda);
    builder.handlerForPrefix("arn:aws:lambda:", lambda);
    LocalStateMachine machine = builder.build();
    return TimeBound.within(
        LIMIT,
        c.key() + " on " + abbreviated(input),
        () -> {
          try {
            return machine.start(input, "fuzz").await();
          } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            fail("running " + c.key() + " on " + abbreviated(input) + " threw " + e, e);
            return null;
          }
        });
  }

  private static void assertEnded(Execution execution, CorpusMachine c, String what) {
    switch (execution.status()) {
      case SUCCEEDED:
        assertNotNull(execution.output(), what);
        assertTrue(execution.error() == null && execution.cause() == null, what);
        text(execution.output()); // writable as JSON
        break;
      case FAILED:
        String error = execution.error();
        if (error == null) {
          assertTrue(
              mayFailWithoutAName(c.definition()),
              what + " failed without an error name: " + execution.cause());
        } else {
          assertTrue(
              error.startsWith("States.")
                  || HANDLER_ERRORS.contains(error)
                  || raisesAnyName(c.definition())
                  || c.definition().toString().contains(error),
              what + " failed with " + error + ": " + execution.cause());
        }
        break;
      case TIMED_OUT:
        assertEquals("States.Timeout", execution.error(), what);
        break;
      default:
        fail(what + " ended " + execution.status());
    }
  }

  /**
   * Ids 1, 2, 3...; each event points back to an earlier one; time never goes back; it starts with
   * ExecutionStarted and ends with the event of its status; every event renders as JSON.
   */
  private static void assertWellFormed(
      List<HistoryEvent> history, ExecutionStatus status, String what) {
    assertTrue(history.size() >= 2, what);
    assertEquals("ExecutionStarted", history.get(0).type(), what);
    String last = history.get(history.size() - 1).type();
    String expected =
        switch (status) {
          case SUCCEEDED -> "ExecutionSucceeded";
          case FAILED -> "ExecutionFailed";
          case TIMED_OUT -> "ExecutionTimedOut";
          default -> "ExecutionAborted";
        };
    assertEquals(expected, last, what);
    for (int i = 0; i < history.size(); i++) {
      HistoryEvent event = history.get(i);
      assertEquals(i + 1, event.id(), what);
      assertTrue(
          event.previousEventId() >= 0 && event.previousEventId() < event.id(),
          what + ": event " + event.id() + " follows " + event.previousEventId());
      if (i > 0) {
        assertTrue(
            !event.timestamp().isBefore(history.get(i - 1).timestamp()),
            what + ": time went back at " + event);
      }
      text(event.toJson());
    }
  }

  /** A Fail state without Error (or with one computed from data) may end an execution unnamed. */
  private static boolean mayFailWithoutAName(JsonNode definition) {
    for (JsonNode state : states(definition)) {
      if (state.path("Type").asText().equals("Fail")
          && (!state.has("Error")
              || state.has("ErrorPath")
              || state.path("Error").asText().contains("{%"))) {
        return true;
      }
    }
    // A failed branch or iteration passes on whatever it failed with.
    return false;
  }

  /** Whether the definition computes an error name from data: any name can come out. */
  private static boolean raisesAnyName(JsonNode definition) {
    for (JsonNode state : states(definition)) {
      if (state.path("Type").asText().equals("Fail")
          && (state.has("ErrorPath") || state.path("Error").asText().contains("{%"))) {
        return true;
      }
    }
    return false;
  }

  /** Every state of the definition, nested ones included. */
  private static List<JsonNode> states(JsonNode graph) {
    List<JsonNode> all = new ArrayList<>();
    graph
        .path("States")
        .forEach(
            state -> {
              all.add(state);
              state.path("Branches").forEach(branch -> all.addAll(states(branch)));
              all.addAll(states(state.path("Iterator")));
              all.addAll(states(state.path("ItemProcessor")));
            });
    return all;
  }

  private static ArrayNode json(List<HistoryEvent> history) {
    ArrayNode events = JsonNodeFactory.instance.arrayNode();
    history.forEach(event -> events.add(event.toJson()));
    return events;
  }

  private static String text(JsonNode value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new AssertionError("not writable as JSON: " + e.getMessage(), e);
    }
  }

  private static String abbreviated(JsonNode input) {
    String text = String.valueOf(input);
    return text.length() > 300 ? text.substring(0, 300) + "..." : text;
  }

  /**
   * A Lambda function that echoes its input, answers with random JSON, fails with a random error (a
   * {@link StatesError} or a plain exception), or takes a while; its choices follow the seed and
   * the order of calls, so two runs alike see the same answers.
   */
  private static final class FakeLambda implements TaskHandler {
    private final SplittableRandom random;

    FakeLambda(long seed) {
      this.random = new SplittableRandom(seed);
    }

    @Override
    public synchronized JsonNode handle(JsonNode input, TaskContext context) {
      int choice = random.nextInt(10);
      if (random.nextInt(4) == 0) {
        context.simulateDuration(Duration.ofSeconds(random.nextInt(120)));
      }
      switch (choice) {
        case 0:
        case 1:
        case 2:
        case 3:
          return input;
        case 4:
          return JsonNodeFactory.instance
              .objectNode()
              .put("n", random.nextInt(10))
              .set("echo", input);
        case 5:
          return JsonNodeFactory.instance.textNode(
              "x".repeat(random.nextInt(2) == 0 ? 10 : 300_000));
        case 6:
          return JsonNodeFactory.instance.nullNode();
        case 7:
          throw new IllegalStateException("handler bug " + random.nextInt(100));
        default:
          throw new StatesError(
              HANDLER_ERRORS.get(random.nextInt(HANDLER_ERRORS.size() - 1)),
              "cause " + random.nextInt(100));
      }
    }
  }

  /** A recorded definition and the input to run it on; printed short in jqwik's reports. */
  record Run(CorpusMachine c, JsonNode input) {
    @Override
    public String toString() {
      return c.key() + " on " + abbreviated(input);
    }
  }

  @Provide
  Arbitrary<Run> runs() {
    List<CorpusMachine> all = cases();
    return Arbitraries.of(all)
        .flatMap(
            c ->
                Arbitraries.frequencyOf(
                        Tuple.of(2, Arbitraries.just(c.input())),
                        Tuple.of(5, mutationsOf(c.input())),
                        Tuple.of(3, JsonArbitraries.objects(3)))
                    .map(input -> new Run(c, input)));
  }

  /** The input with one part replaced, removed, added to or retyped. */
  static Arbitrary<JsonNode> mutationsOf(JsonNode original) {
    List<JsonNode> containers = new ArrayList<>();
    collectContainers(original, containers);
    if (containers.isEmpty()) {
      return JsonArbitraries.values(2);
    }
    return Combinators.combine(
            Arbitraries.integers().between(0, containers.size() - 1),
            Arbitraries.integers().between(0, 3),
            Arbitraries.integers().between(0, 1000),
            JsonArbitraries.values(2),
            JsonArbitraries.keys())
        .as(
            (which, operation, position, value, key) -> {
              JsonNode copy = original.deepCopy();
              List<JsonNode> copies = new ArrayList<>();
              collectContainers(copy, copies);
              JsonNode target = copies.get(which);
              if (target instanceof ObjectNode object) {
                List<String> names = new ArrayList<>();
                object.fieldNames().forEachRemaining(names::add);
                String name = names.isEmpty() ? key : names.get(position % names.size());
                switch (operation) {
                  case 0 -> object.remove(name);
                  case 1 -> object.set(key, value);
                  default -> object.set(name, value);
                }
              } else {
                ArrayNode array = (ArrayNode) target;
                int index = array.isEmpty() ? 0 : position % array.size();
                switch (operation) {
                  case 0 -> {
                    if (!array.isEmpty()) {
                      array.remove(index);
                    }
                  }
                  case 1 -> array.insert(index, value);
                  default -> {
                    if (array.isEmpty()) {
                      array.add(value);
                    } else {
                      array.set(index, value);
                    }
                  }
                }
              }
              return copy;
            });
  }

  private static void collectContainers(JsonNode node, List<JsonNode> into) {
    if (node.isContainerNode()) {
      into.add(node);
      node.forEach(child -> collectContainers(child, into));
    }
  }

  /** The corpus cases that run without AWS services; skips when the corpus is absent. */
  private static synchronized List<CorpusMachine> cases() {
    if (cases == null) {
      String property = System.getProperty("asl4j.conformance.dir");
      Assumptions.assumeTrue(
          property != null && Files.isDirectory(Path.of(property)),
          "conformance corpus absent: set -Dasl4j.conformance.dir to the shared/conformance folder"
              + " (was "
              + property
              + ")");
      Path dir = Path.of(property);
      try {
        cases = CorpusMachine.load(dir, Set.of("pure", "lambda"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    assertNotEquals(0, cases.size(), "no pure or lambda cases in the corpus");
    return cases;
  }
}
