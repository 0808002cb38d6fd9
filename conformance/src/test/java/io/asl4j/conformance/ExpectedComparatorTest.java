package io.asl4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

class ExpectedComparatorTest {

  private static JsonNode json(String text) {
    try {
      return ConformanceCases.JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ConformanceCase synthetic(
      String expected,
      String history,
      List<String> tokens,
      List<String> literals,
      boolean parallel) {
    JsonNode e = json(expected);
    return new ConformanceCase(
        "base/x",
        "pure",
        "base",
        "pure/base/x.json",
        List.of(),
        "STANDARD",
        null,
        null,
        null,
        new ConformanceCase.Expected(
            Optional.ofNullable(e.get("status")).map(JsonNode::asText),
            Optional.ofNullable(e.get("output")),
            false,
            Optional.ofNullable(e.get("error")).map(JsonNode::asText),
            Optional.ofNullable(e.get("cause")),
            e),
        history == null ? null : json(history),
        Map.of(),
        tokens,
        literals,
        parallel ? List.of(json("{\"type\": \"SfnNoneRecursiveParallelTransformer\"}")) : List.of(),
        "aws-validated",
        e);
  }

  private static Comparison compareOutput(String expected, String actual) {
    return ExpectedComparator.compareValues(json(expected), json(actual), List.of());
  }

  /** The output {@code actual} matches the recorded {@code expected}. */
  private static void assertMatches(String expected, String actual) {
    assertEquals(Comparison.match(), compareOutput(expected, actual));
  }

  /** The output {@code actual} does not match the recorded {@code expected}, for {@code why}. */
  private static void assertMismatch(String why, String expected, String actual) {
    assertEquals(Comparison.mismatch(why), compareOutput(expected, actual));
  }

  @Test
  void matchesObjectsWhateverTheirKeyOrder() {
    assertMatches("{\"a\": 1, \"b\": [true, null]}", "{\"b\": [true, null], \"a\": 1}");
  }

  @Test
  void matchesNumbersByValue() {
    assertMatches("[1, 0.0, 2.50, 1e2]", "[1.0, 0, 2.5, 100]");
    assertMismatch("value at /1: expected 0.0 but was 0.1", "[1, 0.0]", "[1, 0.1]");
  }

  @Test
  void pointsAtTheFirstDifference() {
    assertMismatch(
        "value at /a/b~1c/1: expected 2 but was \"2\"",
        "{\"a\": {\"b/c\": [1, 2, 3]}}",
        "{\"a\": {\"b/c\": [1, \"2\", 4]}}");
    assertMismatch(
        "value at /a: expected {\"x\":1} but the key is missing", "{\"a\": {\"x\": 1}}", "{}");
    assertMismatch("value at /extra: unexpected key, with value [1]", "{}", "{\"extra\": [1]}");
    assertMismatch(
        "value at /list: expected 2 elements but was 3: [1,2,3]",
        "{\"list\": [1, 2]}",
        "{\"list\": [1, 2, 3]}");
    assertMismatch("value: expected null but was false", "null", "false");
  }

  @Test
  void showsLongStringsAroundTheirFirstDifference() {
    String common = "x".repeat(200);
    Comparison c =
        ExpectedComparator.compareValues(
            json("\"" + common + "expected-tail\""),
            json("\"" + common + "actual-tail\""),
            List.of());

    assertEquals(
        Comparison.mismatch(
            "value: strings differ from character 200: expected ...\""
                + "x".repeat(40)
                + "expected-tail\" but was ...\""
                + "x".repeat(40)
                + "actual-tail\""),
        c);
  }

  @Test
  void readsRedactionTokensAsAnyText() {
    Comparison c =
        ExpectedComparator.compareValues(
            json(
                "{\"Id\": \"exec:<ArnPart_0idx>:<ExecArnPart_0idx>\", \"RequestId\":"
                    + " \"<uuid:1>\"}"),
            json(
                "{\"Id\": \"exec:my-machine:run-42\", \"RequestId\":"
                    + " \"0f8fad5b-d9cb-469f-a165-70867728950e\"}"),
            List.of("<ArnPart_0idx>", "<ExecArnPart_0idx>", "<uuid:1>"));

    assertEquals(Comparison.match(), c);
    assertEquals(
        Comparison.mismatch("value: expected \"exec:<ArnPart_0idx>!\" but was \"exec:my-machine\""),
        ExpectedComparator.compareValues(
            json("\"exec:<ArnPart_0idx>!\""),
            json("\"exec:my-machine\""),
            List.of("<ArnPart_0idx>")));
  }

  @Test
  void readsWildcardLiteralsAsAnyString() {
    assertEquals(
        Comparison.match(),
        ExpectedComparator.compareValues(
            json(
                "{\"SdkHttpMetadata\": {\"HttpHeaders\": {\"Date\": \"date\"}},"
                    + " \"n\": \"RandomNumberGenerated\", \"out\": \"output-literal\"}"),
            json(
                "{\"SdkHttpMetadata\": {\"HttpHeaders\": {\"Date\": \"Mon, 01 Jan 2024 10:00:00 GMT\"}},"
                    + " \"n\": \"42\", \"out\": \"anything\"}"),
            List.of("RandomNumberGenerated", "output-literal")));
  }

  @Test
  void redactsTheActualAccountRegionPartitionAndDates() {
    Comparison c =
        compareOutput(
            "{\"Arn\": \"arn:<partition>:states:<region>:111111111111:stateMachine:sm\","
                + " \"Note\": \"started date in <region>\", \"Account\": \"111111111111\"}",
            "{\"Arn\": \"arn:aws:states:us-east-1:123456789012:stateMachine:sm\","
                + " \"Note\": \"started 2024-02-07T13:49:50.123+01:00 in eu-west-3\","
                + " \"Account\": \"123456789012\"}");

    assertEquals(Comparison.match(), c);
  }

  @Test
  void leavesInvalidDatesUnredactedAsTheRecorderDid() {
    assertMismatch(
        "value: expected \"cannot parse 2016-12-05T21:29:29\" but was \"cannot parse"
            + " 2016-12-05T21:29:30\"",
        "\"cannot parse 2016-12-05T21:29:29\"",
        "\"cannot parse 2016-12-05T21:29:30\"");
    assertMismatch(
        "value: expected \"cannot parse 2016-13-05T21:29:29Z\" but was \"cannot parse date\"",
        "\"cannot parse 2016-13-05T21:29:29Z\"",
        "\"cannot parse 2016-12-05T21:29:29Z\"");
  }

  @Test
  void comparesAnExpectedObjectWithAStringHoldingItsJson() {
    ConformanceCase c =
        synthetic(
            "{\"status\": \"FAILED\", \"error\": \"Exception\","
                + " \"cause\": {\"errorMessage\": \"boom\", \"requestId\": \"<uuid:1>\"}}",
            null,
            List.of("<uuid:1>"),
            List.of(),
            false);

    assertEquals(
        Comparison.match(),
        ExpectedComparator.forCase(c)
            .compare(
                ActualResult.failed(
                    "Exception",
                    "{\"requestId\":\"0f8fad5b-d9cb-469f-a165-70867728950e\",\"errorMessage\":\"boom\"}")));
    assertEquals(
        Comparison.mismatch("cause at /errorMessage: expected \"boom\" but was \"bang\""),
        ExpectedComparator.forCase(c)
            .compare(
                ActualResult.failed(
                    "Exception", "{\"requestId\":\"abc\",\"errorMessage\":\"bang\"}")));
  }

  @Test
  void matchesACauseWhoseInputJsonWasRedacted() {
    ConformanceCase c =
        Corpus.get(
            "pure/scenarios/TestBaseScenarios"
                + ".test_invalid_jsonpath[INVALID_JSONPATH_IN_ERRORPATH]");

    Comparison comparison =
        ExpectedComparator.forCase(c)
            .compare(
                ActualResult.failed(
                    "States.Runtime",
                    "An error occurred while executing the state 'fail' (entered at the event id"
                        + " #4). The JSONPath '$.ErrorX' specified for the field 'ErrorPath' could"
                        + " not be found in the input '{\"int-literal\":0}'"));

    assertEquals(Comparison.match(), comparison);
  }

  @Test
  void requiresAnAbsentErrorToBeAbsent() {
    ConformanceCase c =
        synthetic(
            "{\"status\": \"FAILED\", \"cause\": \"why\"}", null, List.of(), List.of(), false);

    assertEquals(
        Comparison.match(),
        ExpectedComparator.forCase(c).compare(ActualResult.failed(null, "why")));
    assertEquals(
        Comparison.mismatch("error: expected none but was \"States.Runtime\""),
        ExpectedComparator.forCase(c).compare(ActualResult.failed("States.Runtime", "why")));
    assertEquals(
        Comparison.mismatch("cause: expected \"why\" but was none"),
        ExpectedComparator.forCase(c).compare(ActualResult.failed(null, null)));
  }

  @Test
  void describesTheActualResultOfAStatusMismatch() {
    ConformanceCase c =
        synthetic("{\"status\": \"SUCCEEDED\", \"output\": {}}", null, List.of(), List.of(), false);

    assertEquals(
        Comparison.mismatch(
            "status: expected SUCCEEDED but was FAILED, with error \"States.Runtime\" and cause"
                + " \"bad\""),
        ExpectedComparator.forCase(c).compare(ActualResult.failed("States.Runtime", "bad")));
    assertEquals(
        Comparison.mismatch("output at /a: unexpected key, with value 1"),
        ExpectedComparator.forCase(c).compare(ActualResult.succeeded(json("{\"a\": 1}"))));
  }

  @Test
  void comparesHistoryEventTypesInOrder() {
    ConformanceCase c =
        synthetic(
            "{\"status\": \"SUCCEEDED\"}",
            "[{\"id\": 1, \"type\": \"ExecutionStarted\"}, {\"id\": 2, \"type\":"
                + " \"PassStateEntered\"}, {\"id\": 3, \"type\": \"PassStateExited\"}, {\"id\": 4,"
                + " \"type\": \"ExecutionSucceeded\"}]",
            List.of(),
            List.of(),
            false);
    ExpectedComparator comparator = ExpectedComparator.forCase(c);

    assertEquals(
        Comparison.match(),
        comparator.compareHistory(
            events(
                "ExecutionStarted", "PassStateEntered", "PassStateExited", "ExecutionSucceeded")));
    assertEquals(
        Comparison.mismatch(
            "history: event #2 expected PassStateEntered but was PassStateExited (expected 4"
                + " events, actual 4)"),
        comparator.compareHistory(
            events(
                "ExecutionStarted", "PassStateExited", "PassStateEntered", "ExecutionSucceeded")));
    assertEquals(
        Comparison.mismatch(
            "history: event #5 expected no event but was ExecutionSucceeded (expected 4 events,"
                + " actual 5)"),
        comparator.compareHistory(
            events(
                "ExecutionStarted",
                "PassStateEntered",
                "PassStateExited",
                "ExecutionSucceeded",
                "ExecutionSucceeded")));
  }

  @Test
  void comparesAHistoryRecordedNewestFirstWithTheRuntimesInReverse() {
    ConformanceCase c =
        synthetic(
            "{\"status\": \"SUCCEEDED\"}",
            "[{\"id\": 4, \"type\": \"ExecutionSucceeded\"}, {\"id\": 3, \"type\": \"PassStateExited\"},"
                + " {\"id\": 2, \"type\": \"PassStateEntered\"}, {\"id\": 1, \"type\": \"ExecutionStarted\"}]",
            List.of(),
            List.of(),
            false);
    ExpectedComparator comparator = ExpectedComparator.forCase(c);

    assertTrue(comparator.listsNewestFirst());
    assertEquals(
        Comparison.match(),
        comparator.compareHistory(
            events(
                "ExecutionStarted", "PassStateEntered", "PassStateExited", "ExecutionSucceeded")));
    assertEquals(
        Comparison.mismatch(
            "history: event #1 expected ExecutionSucceeded but was ExecutionStarted (expected 4 events, actual 4)"),
        comparator.compareHistory(
            events(
                "ExecutionSucceeded", "PassStateExited", "PassStateEntered", "ExecutionStarted")));
  }

  @Test
  void comparesReorderedParallelBranchEventsWithoutOrder() {
    ConformanceCase c =
        synthetic(
            "{\"status\": \"SUCCEEDED\"}",
            "[{\"id\": 1, \"type\": \"ExecutionStarted\"}, {\"id\": 2, \"type\":"
                + " \"ParallelStateEntered\"}, {\"id\": [0], \"type\": \"PassStateEntered\"},"
                + " {\"id\": [0], \"type\": \"PassStateEntered\"}, {\"id\": [0], \"type\":"
                + " \"PassStateExited\"}, {\"id\": [0], \"type\": \"PassStateExited\"}, {\"id\": 7,"
                + " \"type\": \"ParallelStateExited\"}, {\"id\": 8, \"type\":"
                + " \"ExecutionSucceeded\"}]",
            List.of(),
            List.of(),
            true);
    ExpectedComparator comparator = ExpectedComparator.forCase(c);

    assertEquals(
        Comparison.match(),
        comparator.compareHistory(
            parallelHistory(
                "ExecutionSucceeded",
                "PassStateEntered",
                "PassStateExited",
                "PassStateEntered",
                "PassStateExited")));
    assertEquals(
        Comparison.mismatch(
            "history: the Parallel branch events (#3 to #6, compared without order) differ: no"
                + " actual event matches [PassStateExited none]; unmatched actual events"
                + " [PassStateEntered none] (expected 8 events, actual 8)"),
        comparator.compareHistory(
            parallelHistory(
                "ExecutionSucceeded",
                "PassStateEntered",
                "PassStateEntered",
                "PassStateEntered",
                "PassStateExited")));
    assertEquals(
        Comparison.mismatch(
            "history: event #8 expected ExecutionSucceeded but was ExecutionFailed (expected 8"
                + " events, actual 8)"),
        comparator.compareHistory(
            parallelHistory(
                "ExecutionFailed",
                "PassStateEntered",
                "PassStateExited",
                "PassStateEntered",
                "PassStateExited")));
  }

  @Test
  void matchesAContextObjectARuntimeWouldProduce() {
    ConformanceCase c = Corpus.get("pure/context_object/TestSnfBase.test_input_path[_]");
    ObjectNode actual =
        (ObjectNode)
            json(
                "{\"Execution\": {\"Id\":"
                    + " \"arn:aws:states:us-east-1:123456789012:execution:sm-1:run-7\", \"Input\":"
                    + " {\"input-value\": 0}, \"StartTime\": \"2025-01-02T03:04:05.678Z\","
                    + " \"Name\": \"run-7\", \"RoleArn\": \"arn:aws:iam::123456789012:role/asl4j\","
                    + " \"RedriveCount\": 0}, \"StateMachine\": {\"Id\":"
                    + " \"arn:aws:states:us-east-1:123456789012:stateMachine:sm-1\", \"Name\":"
                    + " \"sm-1\"}, \"State\": {\"Name\": \"TestState\", \"EnteredTime\":"
                    + " \"2025-01-02T03:04:05.679Z\"}}");
    ExpectedComparator comparator = ExpectedComparator.forCase(c);

    assertEquals(Comparison.match(), comparator.compare(ActualResult.succeeded(actual)));
    ((ObjectNode) actual.get("Execution")).put("RedriveCount", 1);
    assertEquals(
        Comparison.mismatch("output at /Execution/RedriveCount: expected 0 but was 1"),
        comparator.compare(ActualResult.succeeded(actual)));
  }

  @Test
  void noticesAChangedValueInEveryExactlyRecordedOutput() {
    int mutated = 0;
    for (ConformanceCase c : Corpus.cases().cases()) {
      if (!c.category().equals("pure")
          || !c.normalizedTokens().isEmpty()
          || c.expected().output().isEmpty()) {
        continue;
      }
      Optional<Changed> changed = changeFirstScalar(c.expected().output().get(), "");
      if (changed.isEmpty()) {
        continue;
      }
      Comparison comparison =
          ExpectedComparator.forCase(c).compare(ActualResult.succeeded(changed.get().value()));
      String at =
          changed.get().pointer().isEmpty()
              ? "output: "
              : "output at " + changed.get().pointer() + ": ";
      assertTrue(comparison.difference().startsWith(at), c.key() + " -> " + comparison);
      mutated++;
    }
    assertTrue(mutated > 600, "mutated " + mutated);
  }

  private record Changed(JsonNode value, String pointer) {}

  // A copy of the value with its first scalar (in document order) changed.
  private static Optional<Changed> changeFirstScalar(JsonNode value, String pointer) {
    JsonNodeFactory f = ConformanceCases.JSON.getNodeFactory();
    if (value.isObject()) {
      for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        Optional<Changed> child =
            changeFirstScalar(
                value.get(name), pointer + "/" + name.replace("~", "~0").replace("/", "~1"));
        if (child.isPresent()) {
          ObjectNode copy = value.deepCopy();
          copy.set(name, child.get().value());
          return Optional.of(new Changed(copy, child.get().pointer()));
        }
      }
      return Optional.empty();
    }
    if (value.isArray()) {
      for (int i = 0; i < value.size(); i++) {
        Optional<Changed> child = changeFirstScalar(value.get(i), pointer + "/" + i);
        if (child.isPresent()) {
          ArrayNode copy = value.deepCopy();
          copy.set(i, child.get().value());
          return Optional.of(new Changed(copy, child.get().pointer()));
        }
      }
      return Optional.empty();
    }
    if (value.isTextual() && ExpectedComparator.GLOBAL_WILDCARDS.contains(value.textValue())) {
      return Optional.empty();
    }
    JsonNode changed =
        value.isNumber()
            ? f.numberNode(value.decimalValue().add(BigDecimal.ONE))
            : value.isTextual()
                ? f.textNode(value.textValue() + "~")
                : value.isBoolean() ? f.booleanNode(!value.booleanValue()) : f.textNode("not null");
    return Optional.of(new Changed(changed, pointer));
  }

  @Test
  void matchesEveryRecordedExecutionResultAndHistoryWithItself() {
    int compared = 0;
    for (ConformanceCase c : Corpus.cases().cases()) {
      if (!List.of("pure", "lambda", "service").contains(c.category())) {
        continue;
      }
      ConformanceCase.Expected e = c.expected();
      String status = e.status().orElseThrow();
      ActualResult actual =
          new ActualResult(
              status,
              e.output().orElse(null),
              e.error().orElse(null),
              e.cause().map(n -> n.isTextual() ? n.textValue() : n.toString()).orElse(null));
      ExpectedComparator comparator = ExpectedComparator.forCase(c);
      assertEquals(Comparison.match(), comparator.compare(actual), c.key());
      List<JsonNode> types = new ArrayList<>();
      if (c.history() != null) {
        StreamSupport.stream(c.history().spliterator(), false).forEach(types::add);
        if (comparator.listsNewestFirst()) {
          java.util.Collections.reverse(types); // the runtime lists the oldest event first
        }
      }
      assertEquals(Comparison.match(), comparator.compareHistory(types), c.key());
      compared++;
    }
    assertTrue(compared > 900, "compared " + compared);
  }

  /** Events of these types, as the runtime lists them (oldest first), with ids from 1. */
  /**
   * A Parallel state's execution: started, the Parallel entered, {@code branches}, exited, {@code
   * end}.
   */
  private static List<JsonNode> parallelHistory(String end, String... branches) {
    List<String> types = new ArrayList<>(List.of("ExecutionStarted", "ParallelStateEntered"));
    types.addAll(List.of(branches));
    types.addAll(List.of("ParallelStateExited", end));
    return events(types.toArray(String[]::new));
  }

  private static List<JsonNode> events(String... types) {
    List<JsonNode> events = new ArrayList<>();
    for (int i = 0; i < types.length; i++) {
      events.add(json("{\"id\": " + (i + 1) + ", \"type\": \"" + types[i] + "\"}"));
    }
    return events;
  }

  @Test
  void aRedactionTokenDoesNotMatchANumber() {
    assertMismatch(
        "value at /StartDate: expected \"date\" but was 1733000000",
        "{\"StartDate\": \"date\"}",
        "{\"StartDate\": 1733000000}");
    assertEquals(
        Comparison.mismatch("value at /n: expected \"RandomNumberGenerated\" but was 7"),
        ExpectedComparator.compareValues(
            json("{\"n\": \"RandomNumberGenerated\"}"),
            json("{\"n\": 7}"),
            List.of("RandomNumberGenerated")));
    assertEquals(
        Comparison.match(),
        ExpectedComparator.compareValues(
            json("{\"n\": \"RandomNumberGenerated\"}"),
            json("{\"n\": \"17\"}"),
            List.of("RandomNumberGenerated")));
  }

  @Test
  void theDateTokenMatchesOnlyAnIsoDateTime() {
    assertMatches("{\"at\": \"date\"}", "{\"at\": \"2024-02-07T13:49:50.123Z\"}");
    assertMismatch(
        "value at /at: expected \"date\" but was \"yesterday\"",
        "{\"at\": \"date\"}",
        "{\"at\": \"yesterday\"}");
  }

  @Test
  void globalTokensApplyOnlyWhereTheRecorderWritesThem() {
    // timestamp: under keys matching /timestamp/i only.
    assertMatches("{\"BatchTimestamp\": \"timestamp\"}", "{\"BatchTimestamp\": \"x\"}");
    assertMismatch(
        "value at /label: expected \"timestamp\" but was \"x\"",
        "{\"label\": \"timestamp\"}",
        "{\"label\": \"x\"}");
    // <uuid:N>: a UUID under a key ending in id.
    String uuid = "\"0f8fad5b-d9cb-469f-a165-70867728950e\"";
    assertMatches("{\"MessageId\": \"<uuid:1>\"}", "{\"MessageId\": " + uuid + "}");
    assertMismatch(
        "value at /Message: expected \"<uuid:1>\" but was " + uuid,
        "{\"Message\": \"<uuid:1>\"}",
        "{\"Message\": " + uuid + "}");
    assertMismatch(
        "value at /MessageId: expected \"<uuid:1>\" but was \"m-1\"",
        "{\"MessageId\": \"<uuid:1>\"}",
        "{\"MessageId\": \"m-1\"}");
    // HTTP metadata tokens: the value of their own key inside SdkHttpMetadata.
    assertMatches(
        "{\"SdkHttpMetadata\": {\"AllHttpHeaders\": {\"x-amzn-RequestId\": \"x-amzn-RequestId\"}}}",
        "{\"SdkHttpMetadata\": {\"AllHttpHeaders\": {\"x-amzn-RequestId\": [\"e220a839\"]}}}");
    assertMismatch(
        "value at /RequestId: expected \"RequestId\" but was \"e220a839\"",
        "{\"RequestId\": \"RequestId\"}",
        "{\"RequestId\": \"e220a839\"}");
  }

  @Test
  void aJsonStringIsRefusedWhereAnArrayIsExpected() {
    assertMismatch(
        "value at /items: expected [1,2] but was \"[1,2]\"",
        "{\"items\": [1, 2]}",
        "{\"items\": \"[1,2]\"}");
    // The recorder parsed strings that start with {, so an object matches its JSON text.
    assertMatches("{\"o\": {\"a\": 1}}", "{\"o\": \"{\\\"a\\\":1}\"}");
  }

  @Test
  void detectsAPreviousEventIdThatDiffersFromAws() {
    ConformanceCase c =
        synthetic(
            "{\"status\": \"SUCCEEDED\"}",
            "[{\"id\": 1, \"previousEventId\": 0, \"timestamp\": \"timestamp\", \"type\": \"ExecutionStarted\"},"
                + " {\"id\": 2, \"previousEventId\": 0, \"timestamp\": \"timestamp\", \"type\": \"MapStateSucceeded\"},"
                + " {\"id\": 3, \"previousEventId\": 1, \"timestamp\": \"timestamp\", \"type\": \"MapStateExited\","
                + " \"stateExitedEventDetails\": {\"name\": \"M\", \"output\": \"[1,2]\"}}]",
            List.of(),
            List.of(),
            false);
    ExpectedComparator comparator = ExpectedComparator.forCase(c);
    List<JsonNode> actual =
        List.of(
            json(
                "{\"id\": 1, \"previousEventId\": 0, \"timestamp\": \"2024-02-07T13:49:50.123Z\", \"type\": \"ExecutionStarted\"}"),
            json(
                "{\"id\": 2, \"previousEventId\": 0, \"timestamp\": \"2024-02-07T13:49:50.123Z\", \"type\": \"MapStateSucceeded\"}"),
            json(
                "{\"id\": 3, \"previousEventId\": 2, \"timestamp\": \"2024-02-07T13:49:50.123Z\", \"type\": \"MapStateExited\","
                    + " \"stateExitedEventDetails\": {\"name\": \"M\", \"output\": \"[1, 2]\"}}"));

    assertEquals(
        Comparison.mismatch(
            "history: event #3 (MapStateExited) at /previousEventId: expected 1 but was 2"),
        comparator.compareHistory(actual));
    ((com.fasterxml.jackson.databind.node.ObjectNode) actual.get(2)).put("previousEventId", 1);
    assertEquals(Comparison.match(), comparator.compareHistory(actual));
    ((com.fasterxml.jackson.databind.node.ObjectNode) actual.get(2).get("stateExitedEventDetails"))
        .put("output", "[2,1]");
    assertEquals(
        Comparison.mismatch(
            "history: event #3 (MapStateExited) at /stateExitedEventDetails/output/0: expected 1 but was 2"),
        comparator.compareHistory(actual));
  }
}
