package io.asl4j.dsl.builder;

import io.asl4j.dsl.model.QueryLanguage;
import io.asl4j.dsl.model.Retrier.JitterStrategy;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Writes random <em>valid</em> workflows through the builder API: chains of every state type with
 * random names, paths, payloads, retriers, catchers, Choice rules, Parallel branches and Map
 * processors, in both query languages. Everything it writes is valid ASL by construction, so {@code
 * build()} must accept it.
 */
final class RandomWorkflows {
  /**
   * Characters of state names: AWS allows any, and {@code /} and {@code ~} need escaping in
   * pointers.
   */
  private static final String NAME_CHARS = "abcXYZ019 _-.,:;!?'\"/~$[]{}()*@#%&é漢\uD83D\uDE00";

  private static final String FIELD_CHARS = "abz_0 .'\"[]$@*?-é";

  private final Random random;
  private final Set<String> names = new HashSet<>();
  private int budget;

  RandomWorkflows(Random random) {
    this.random = random;
  }

  /** A workflow of up to about {@code size} states. */
  Workflow workflow(int size) {
    budget = size;
    QueryLanguage language =
        random.nextInt(4) == 0 ? QueryLanguage.JSONATA : QueryLanguage.JSONPATH;
    Workflow workflow =
        language == QueryLanguage.JSONATA ? Workflow.jsonata() : Workflow.jsonPath();
    if (random.nextInt(4) == 0) {
      workflow.comment(text(20));
    }
    if (random.nextInt(8) == 0 && language == QueryLanguage.JSONPATH) {
      workflow.declareQueryLanguage();
    }
    if (random.nextInt(4) == 0) {
      workflow.timeoutSeconds(1 + random.nextInt(99_999_998));
    }
    if (random.nextInt(8) == 0) {
      workflow.version("1.0");
    }
    return workflow.definition(chain(language, 0));
  }

  /** A chain of states that ends: every branch reaches Succeed, Fail or an End. */
  private Chainable chain(QueryLanguage machine, int depth) {
    List<Nextable> steps = new ArrayList<>();
    int length = 1 + random.nextInt(4);
    for (int i = 0; i < length && budget > 0; i++) {
      steps.add(nextable(machine, depth));
    }
    Chainable last = null;
    int end = random.nextInt(4);
    if (end == 0 || steps.isEmpty()) {
      last = language(machine) == QueryLanguage.JSONATA ? succeedJsonata() : succeedJsonPath();
    } else if (end == 1) {
      last = fail(language(machine));
    } else if (end == 2 && budget > 0 && depth < 3) {
      last = choice(machine, depth);
    }
    if (steps.isEmpty()) {
      return last;
    }
    Chain chain = Chain.start(steps.get(0));
    for (int i = 1; i < steps.size(); i++) {
      chain = chain.next(steps.get(i));
    }
    return last == null ? chain : chain.next(last);
  }

  /** The language of a new state: the machine's, or for JSONPath machines sometimes JSONata. */
  private QueryLanguage language(QueryLanguage machine) {
    return machine == QueryLanguage.JSONATA || random.nextInt(5) > 0
        ? machine
        : QueryLanguage.JSONATA;
  }

  private Nextable nextable(QueryLanguage machine, int depth) {
    budget--;
    QueryLanguage language = language(machine);
    boolean jsonata = language == QueryLanguage.JSONATA;
    int kind = random.nextInt(depth < 2 ? 5 : 3);
    switch (kind) {
      case 0:
        return jsonata ? passJsonata() : passJsonPath();
      case 1:
        return jsonata ? taskJsonata(machine, depth) : taskJsonPath(machine, depth);
      case 2:
        return jsonata ? waitJsonata() : waitJsonPath();
      case 3:
        return jsonata ? parallelJsonata(machine, depth) : parallelJsonPath(machine, depth);
      default:
        return jsonata ? mapJsonata(machine, depth) : mapJsonPath(machine, depth);
    }
  }

  // ---- states
  // ------------------------------------------------------------------------------------

  private Pass.JsonPath passJsonPath() {
    Pass.JsonPath pass = Pass.jsonPath(name());
    if (random.nextBoolean()) {
      pass.result(payload(false));
    }
    if (random.nextBoolean()) {
      pass.parameters(payload(true));
    }
    if (random.nextBoolean()) {
      pass.resultPath(referencePath());
    }
    if (random.nextInt(4) == 0) {
      pass.outputPath(referencePath());
    }
    if (random.nextInt(4) == 0) {
      pass.inputPath(referencePath());
    }
    if (random.nextInt(4) == 0) {
      pass.assign(assignJsonPath());
    }
    comment(pass);
    return pass;
  }

  private Pass.Jsonata passJsonata() {
    Pass.Jsonata pass = Pass.jsonata(name());
    if (random.nextBoolean()) {
      pass.output(jsonataExpression());
    } else if (random.nextBoolean()) {
      pass.output(payload(false));
    }
    if (random.nextInt(4) == 0) {
      pass.assign(Payload.object().put(variable(), jsonataExpression()));
    }
    comment(pass);
    return pass;
  }

  private Task.JsonPath taskJsonPath(QueryLanguage machine, int depth) {
    Task.JsonPath task = Task.jsonPath(name()).resource(resource());
    timeouts(task);
    if (random.nextBoolean()) {
      task.parameters(payload(true));
    }
    if (random.nextInt(3) == 0) {
      task.resultSelector(payload(true));
    }
    if (random.nextBoolean()) {
      if (random.nextInt(5) == 0) {
        task.discardResult();
      } else {
        task.resultPath(referencePath());
      }
    }
    if (random.nextInt(4) == 0) {
      task.outputPath(referencePath());
    }
    if (random.nextInt(5) == 0) {
      task.credentials(Payload.object().put("RoleArn", "arn:aws:iam::123456789012:role/r"));
    }
    task.retry(retries());
    if (random.nextBoolean() && budget > 0 && depth < 3) {
      task.catching(catches(machine, depth, false).toArray(new Catch[0]));
    }
    comment(task);
    return task;
  }

  private Task.Jsonata taskJsonata(QueryLanguage machine, int depth) {
    Task.Jsonata task = Task.jsonata(name()).resource(resource());
    timeouts(task);
    if (random.nextBoolean()) {
      task.arguments(
          Payload.object().put("Payload", jsonataExpression()).put("FunctionName", text(8)));
    }
    if (random.nextBoolean()) {
      task.output("{% $states.result %}");
    }
    if (random.nextInt(4) == 0) {
      task.timeoutSeconds("{% " + (1 + random.nextInt(100)) + " %}");
    }
    task.retry(retries());
    if (random.nextBoolean() && budget > 0 && depth < 3) {
      task.catching(catches(machine, depth, true).toArray(new Catch[0]));
    }
    comment(task);
    return task;
  }

  private void timeouts(Task<?> task) {
    if (random.nextBoolean()) {
      int timeout = 2 + random.nextInt(99_999_997);
      task.timeoutSeconds(timeout);
      if (random.nextBoolean()) {
        task.heartbeatSeconds(1 + random.nextInt(timeout - 1));
      }
    }
  }

  private Wait.JsonPath waitJsonPath() {
    Wait.JsonPathStage stage = Wait.jsonPath(name());
    Wait.JsonPath wait;
    switch (random.nextInt(5)) {
      case 0:
        wait = stage.seconds(Math.abs(random.nextLong() % 100_000_000_000L));
        break;
      case 1:
        wait = stage.timestamp(instant());
        break;
      case 2:
        wait = stage.secondsPath(JsonPaths.input().number(field()));
        break;
      case 3:
        wait = stage.timestampPath(JsonPaths.input().timestamp(field()));
        break;
      default:
        wait = stage.time(WaitTime.seconds(random.nextInt(1000)));
    }
    if (random.nextInt(4) == 0) {
      wait.outputPath(referencePath());
    }
    comment(wait);
    return wait;
  }

  private Wait.Jsonata waitJsonata() {
    Wait.JsonataStage stage = Wait.jsonata(name());
    Wait.Jsonata wait;
    switch (random.nextInt(3)) {
      case 0:
        wait = stage.seconds(random.nextInt(1000));
        break;
      case 1:
        wait = stage.timestamp(instant());
        break;
      default:
        wait = stage.seconds("{% " + random.nextInt(100) + " %}");
    }
    comment(wait);
    return wait;
  }

  private Parallel.JsonPath parallelJsonPath(QueryLanguage machine, int depth) {
    Parallel.JsonPath parallel = Parallel.jsonPath(name());
    for (int i = 0; i < 1 + random.nextInt(3); i++) {
      parallel.branch(
          random.nextBoolean()
              ? Branch.of(chain(machine, depth + 1)).comment(text(6))
              : Branch.of(chain(machine, depth + 1)));
    }
    if (random.nextBoolean()) {
      parallel.resultPath(referencePath());
    }
    parallel.retry(retries());
    if (random.nextInt(3) == 0 && budget > 0) {
      parallel.catching(catches(machine, depth, false).toArray(new Catch[0]));
    }
    comment(parallel);
    return parallel;
  }

  private Parallel.Jsonata parallelJsonata(QueryLanguage machine, int depth) {
    Parallel.Jsonata parallel = Parallel.jsonata(name());
    for (int i = 0; i < 1 + random.nextInt(3); i++) {
      parallel.branch(chain(machine, depth + 1));
    }
    if (random.nextBoolean()) {
      parallel.output("{% $states.result[0] %}");
    }
    comment(parallel);
    return parallel;
  }

  private MapState.JsonPath mapJsonPath(QueryLanguage machine, int depth) {
    MapState.JsonPath map = MapState.jsonPath(name());
    if (random.nextInt(4) == 0) {
      map.iterator(chain(machine, depth + 1));
    } else {
      map.itemProcessor(chain(machine, depth + 1));
    }
    if (random.nextBoolean()) {
      map.itemsPath(JsonPaths.input().list(field()));
    }
    if (random.nextBoolean()) {
      map.maxConcurrency(random.nextInt(1000));
    }
    if (random.nextInt(3) == 0) {
      map.itemSelector(
          Payload.object()
              .put("value", JsonPaths.MAP_ITEM_VALUE)
              .put("index", JsonPaths.MAP_ITEM_INDEX));
    }
    if (random.nextBoolean()) {
      map.resultPath(referencePath());
    }
    map.retry(retries());
    comment(map);
    return map;
  }

  private MapState.Jsonata mapJsonata(QueryLanguage machine, int depth) {
    MapState.Jsonata map = MapState.jsonata(name());
    map.itemProcessor(chain(machine, depth + 1));
    if (random.nextBoolean()) {
      map.items("{% [1, 2, 3] %}");
    }
    if (random.nextBoolean()) {
      map.toleratedFailurePercentage(random.nextInt(10_001) / 100.0);
    }
    comment(map);
    return map;
  }

  private Chainable choice(QueryLanguage machine, int depth) {
    budget--;
    QueryLanguage language = language(machine);
    if (language == QueryLanguage.JSONATA) {
      Choice.Jsonata choice = Choice.jsonata(name());
      for (int i = 0; i < 1 + random.nextInt(3); i++) {
        choice.when("{% " + JsonataBodies.condition(random) + " %}", chain(machine, depth + 1));
      }
      if (random.nextBoolean()) {
        choice.otherwise(chain(machine, depth + 1));
      }
      return choice;
    }
    Choice.JsonPath choice = Choice.jsonPath(name());
    for (int i = 0; i < 1 + random.nextInt(3); i++) {
      if (random.nextInt(4) == 0) {
        choice.when(
            Rule.when(condition(0)).comment(text(10)).assign(assignJsonPath()),
            chain(machine, depth + 1));
      } else {
        choice.when(condition(0), chain(machine, depth + 1));
      }
    }
    if (random.nextBoolean()) {
      choice.otherwise(chain(machine, depth + 1));
    }
    return choice;
  }

  private Succeed.JsonPath succeedJsonPath() {
    budget--;
    Succeed.JsonPath succeed = Succeed.jsonPath(name());
    if (random.nextInt(4) == 0) {
      succeed.outputPath(referencePath());
    }
    return succeed;
  }

  private Succeed.Jsonata succeedJsonata() {
    budget--;
    return Succeed.jsonata(name());
  }

  private Chainable fail(QueryLanguage language) {
    budget--;
    if (language == QueryLanguage.JSONATA) {
      return Fail.jsonata(name())
          .error(random.nextBoolean() ? text(10) : "{% 'E' & '1' %}")
          .cause(text(20));
    }
    Fail.JsonPath fail = Fail.jsonPath(name());
    if (random.nextBoolean()) {
      fail.error(text(10)).cause(text(20));
    } else {
      fail.errorPath(JsonPaths.input().string(field()))
          .causePath(
              States.format(
                  text(10).replace("{}", "{ }") + " {}", JsonPaths.input().string(field())));
    }
    return fail;
  }

  // ---- parts
  // -------------------------------------------------------------------------------------

  private Retry[] retries() {
    List<Retry> retries = new ArrayList<>();
    for (int i = random.nextInt(3); i > 0; i--) {
      Retry retry = Retry.on(errorName(), errorName());
      if (random.nextBoolean()) {
        retry = retry.intervalSeconds(1 + random.nextInt(99_999_998));
      }
      if (random.nextBoolean()) {
        retry = retry.maxAttempts(random.nextInt(99_999_999));
      }
      if (random.nextBoolean()) {
        retry = retry.backoffRate(1.0 + random.nextDouble() * 1000);
      }
      if (random.nextBoolean()) {
        retry = retry.maxDelaySeconds(1 + random.nextInt(99_999_998));
      }
      if (random.nextBoolean()) {
        retry = retry.jitter(random.nextBoolean() ? JitterStrategy.FULL : JitterStrategy.NONE);
      }
      if (random.nextInt(4) == 0) {
        retry = retry.comment(text(10));
      }
      retries.add(retry);
    }
    if (random.nextInt(3) == 0) {
      retries.add(Retry.all());
    }
    return retries.toArray(new Retry[0]);
  }

  private List<Catch> catches(QueryLanguage machine, int depth, boolean jsonata) {
    List<Catch> catches = new ArrayList<>();
    for (int i = random.nextInt(2); i >= 0; i--) {
      Catch c =
          (i == 0 && random.nextBoolean() ? Catch.all() : Catch.on(errorName()))
              .to(chain(machine, depth + 1));
      if (random.nextInt(4) == 0) {
        c = c.comment(text(5));
      }
      catches.add(c);
    }
    return catches;
  }

  private String errorName() {
    switch (random.nextInt(3)) {
      case 0:
        return List.of(Errors.TIMEOUT, Errors.TASK_FAILED, Errors.PERMISSIONS, Errors.RUNTIME)
            .get(random.nextInt(4));
      case 1:
        return "Lambda.ServiceException";
      default:
        return "E" + text(6);
    }
  }

  private Condition condition(int depth) {
    int kind = random.nextInt(depth < 3 ? 12 : 8);
    ObjectPath input = random.nextBoolean() ? JsonPaths.input() : JsonPaths.variable(variable());
    switch (kind) {
      case 0:
        return input.string(field()).eq(text(8));
      case 1:
        return input.string(field()).matches(text(4) + "*");
      case 2:
        return input.number(field()).gt(random.nextLong());
      case 3:
        return input.number(field()).le(random.nextDouble() * 1e6 - 5e5);
      case 4:
        return input.bool(field()).eq(random.nextBoolean());
      case 5:
        return input.timestamp(field()).lt(instant());
      case 6:
        return input.timestamp(field()).gt(offsetDateTime());
      case 7:
        return input.number(field()).eq(JsonPaths.input().number(field()));
      case 8:
        return Condition.and(condition(depth + 1), condition(depth + 1));
      case 9:
        return Condition.or(condition(depth + 1), condition(depth + 1), condition(depth + 1));
      case 10:
        return Condition.not(condition(depth + 1)).comment(text(4));
      default:
        return Condition.numericEquals(
            "$." + "a", new BigDecimal(random.nextInt(1000)).movePointLeft(2));
    }
  }

  private Payload payload(boolean template) {
    Payload payload = Payload.object();
    for (int i = random.nextInt(4); i > 0; i--) {
      String key = text(6) + i;
      switch (random.nextInt(template ? 7 : 5)) {
        case 0:
          payload = payload.put(key, text(10));
          break;
        case 1:
          payload = payload.put(key, random.nextLong());
          break;
        case 2:
          payload = payload.put(key, random.nextDouble() * 1e6);
          break;
        case 3:
          payload = payload.put(key, random.nextBoolean());
          break;
        case 4:
          payload = payload.putNull(key);
          break;
        case 5:
          payload = payload.put(key, JsonPaths.input().string(field()));
          break;
        default:
          payload =
              payload.put(
                  key,
                  States.format(
                      text(8).replace("{}", "{ }") + " {}", JsonPaths.input().string(field())));
      }
    }
    return payload;
  }

  private Payload assignJsonPath() {
    int first = random.nextInt(10);
    return Payload.object()
        .put("v" + first, JsonPaths.input().object(field()))
        .put("v" + (first + 1 + random.nextInt(5)), text(5));
  }

  private String jsonataExpression() {
    return "{% " + JsonataBodies.value(random) + " %}";
  }

  /** A Reference Path into the input, through typed paths, with awkward field names. */
  private String referencePath() {
    ObjectPath path = JsonPaths.input();
    for (int i = random.nextInt(3); i > 0; i--) {
      path = path.object(field());
    }
    return random.nextInt(4) == 0
        ? path.list(field()).element(random.nextInt(5)).path()
        : path.string(field()).path();
  }

  private Resource resource() {
    switch (random.nextInt(6)) {
      case 0:
        return Resource.lambdaInvoke();
      case 1:
        return Resource.lambdaFunction("us-east-1", "123456789012", "f" + random.nextInt(100));
      case 2:
        return Resource.snsPublish();
      case 3:
        return Resource.sqsSendMessage().waitForTaskToken();
      case 4:
        return Resource.dynamoDbGetItem();
      default:
        return Resource.sdk("s3", "getObject");
    }
  }

  private void comment(StateBuilder<?> state) {
    if (random.nextInt(4) == 0) {
      state.comment(text(15));
    }
  }

  private String name() {
    while (true) {
      StringBuilder name = new StringBuilder();
      int length = 1 + random.nextInt(random.nextInt(10) == 0 ? 79 : 12);
      while (name.codePointCount(0, name.length()) < length) {
        int i = random.nextInt(NAME_CHARS.length() - 1);
        char c = NAME_CHARS.charAt(i);
        if (Character.isHighSurrogate(c)) {
          name.append(c).append(NAME_CHARS.charAt(i + 1));
        } else if (!Character.isLowSurrogate(c)) {
          name.append(c);
        }
      }
      if (names.add(name.toString())) {
        return name.toString();
      }
    }
  }

  /** A field name a typed path can address (not holding both quotes: see {@link ObjectPath}). */
  private String field() {
    while (true) {
      StringBuilder field = new StringBuilder();
      for (int i = random.nextInt(8); i >= 0; i--) {
        field.append(FIELD_CHARS.charAt(random.nextInt(FIELD_CHARS.length())));
      }
      if (field.indexOf("'") < 0 || field.indexOf("\"") < 0) {
        return field.toString();
      }
    }
  }

  private String variable() {
    return "v" + random.nextInt(10);
  }

  private String text(int max) {
    // No '%': a text starting with "{%" and ending with "%}" would be a JSONata expression.
    String alphabet = "ab Z9'\"\\{}$é\n";
    StringBuilder out = new StringBuilder();
    for (int i = random.nextInt(max + 1); i > 0; i--) {
      out.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return out.toString();
  }

  private Instant instant() {
    return Instant.ofEpochSecond(
        random.nextInt(Integer.MAX_VALUE),
        random.nextBoolean() ? 0 : random.nextInt(1_000_000_000));
  }

  private OffsetDateTime offsetDateTime() {
    return OffsetDateTime.ofInstant(instant(), ZoneOffset.ofHours(random.nextInt(25) - 12));
  }

  /** JSONata bodies that parse and read only {@code $states.input} and workflow variables. */
  static final class JsonataBodies {
    private JsonataBodies() {}

    static String value(Random random) {
      return List.of(
              "$states.input",
              "$states.input.a",
              "[1, 2]",
              "{'k': $states.input.id}",
              "$count($states.input)",
              "$states.context.Execution.Id",
              "'text'",
              "$sum([1,2]) * 2")
          .get(random.nextInt(8));
    }

    static String condition(Random random) {
      return List.of(
              "$states.input.a > 1",
              "true",
              "$exists($states.input.b)",
              "$states.input.s = 'x'",
              "$count($states.input.items) > 0 and $states.input.ok")
          .get(random.nextInt(5));
    }
  }
}
