package io.asl4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConformanceCasesTest {

  private static JsonNode json(String text) throws IOException {
    return ConformanceCases.JSON.readTree(text);
  }

  @Test
  void loadsEveryCorpusFileAsAWellFormedCaseInPathOrder() throws IOException {
    Path dir = Corpus.dir();
    long files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(p -> p.toString().endsWith(".json")).count();
    }
    ConformanceCases loaded = Corpus.cases();

    assertEquals(List.of(), loaded.failures());
    assertEquals(files, loaded.cases().size());
    assertEquals(
        Set.of("pure", "lambda", "service", "test_state", "validation"),
        loaded.cases().stream().map(ConformanceCase::category).collect(Collectors.toSet()));
    List<String> paths = loaded.cases().stream().map(ConformanceCase::relativePath).toList();
    assertEquals(paths.stream().sorted().toList(), paths);
    for (ConformanceCase c : loaded.cases()) {
      assertEquals(c.category() + "/" + c.id() + ".json", c.relativePath());
      assertEquals(c.id().substring(0, c.id().indexOf('/')), c.folder());
    }
  }

  @Test
  void readsEveryPartOfALambdaCase() throws IOException {
    ConformanceCase c = Corpus.get("lambda/error_handling/TestTaskLambda.test_raise_exception");

    assertEquals("error_handling/TestTaskLambda.test_raise_exception", c.id());
    assertEquals("lambda", c.category());
    assertEquals("error_handling", c.folder());
    assertEquals(
        "lambda/error_handling/TestTaskLambda.test_raise_exception.json", c.relativePath());
    assertEquals(List.of("JSONPath"), c.queryLanguages());
    assertEquals("STANDARD", c.stateMachineType());
    assertEquals("Start", c.definition().path("StartAt").asText());
    assertEquals(
        json("{\"FunctionName\": \"lambda_func_00000001\", \"Payload\": null}"), c.input());
    assertEquals("{\"FunctionName\": \"lambda_func_00000001\", \"Payload\": null}", c.inputRaw());
    assertEquals(Optional.of("FAILED"), c.expected().status());
    assertEquals(Optional.empty(), c.expected().output());
    assertFalse(c.expected().outputUnparsed());
    assertEquals(Optional.of("Exception"), c.expected().error());
    assertEquals(
        Optional.of(
            json(
                "{\"errorMessage\": \"Some exception was raised.\", \"errorType\": \"Exception\","
                    + " \"requestId\": \"<uuid:1>\", \"stackTrace\": [\"  File"
                    + " \\\"/var/task/handler.py\\\", line 2, in handler\\n    raise"
                    + " Exception(\\\"Some exception was raised.\\\")\\n\"]}")),
        c.expected().cause());
    assertTrue(c.history().isArray());
    assertEquals(
        new LambdaMock(
            "lambda_func_00000001",
            LambdaMock.Kind.RAISE,
            "arn:aws:lambda:us-east-1:111111111111:function:lambda_func_00000001",
            "def handler(event, context):\n    raise Exception(\"Some exception was raised.\")\n",
            null,
            "Exception",
            "Some exception was raised.",
            null),
        c.lambdas().get("lambda_func_00000001"));
    assertEquals(Set.of("lambda_func_00000001"), c.lambdas().keySet());
    assertEquals(List.of("<uuid:1>"), c.normalizedTokens());
    assertEquals(List.of("<lambda_function_name>"), c.redactionLiterals());
    assertEquals(
        List.of(
            "RegexTransformer", "TransformerUtility", "TransformerUtility", "TransformerUtility"),
        c.snapshotTransformers().stream().map(t -> t.path("type").asText()).toList());
    assertFalse(c.reordersParallelBranches());
    assertEquals("aws-validated", c.trust());
    assertEquals("lambda/error_handling/TestTaskLambda.test_raise_exception", c.key());
  }

  @Test
  void findsAMockedFunctionByNameOrArn() {
    ConformanceCase c =
        Corpus.get("lambda/error_handling/TestTaskServiceLambda.test_no_such_function");
    LambdaMock mock = c.lambdas().get("lambda_func_00000001");

    assertEquals(Optional.of(mock), c.lambdaFor("lambda_func_00000001"));
    assertEquals(Optional.of(mock), c.lambdaFor("lambda_func_00000001:$LATEST"));
    assertEquals(
        Optional.of(mock),
        c.lambdaFor("arn:aws:lambda:us-east-1:111111111111:function:lambda_func_00000001"));
    assertEquals(
        Optional.of(mock),
        c.lambdaFor("arn:aws:lambda:eu-west-1:123456789012:function:lambda_func_00000001:1"));
    assertEquals(Optional.of(mock), c.lambdaFor("111111111111:function:lambda_func_00000001"));
    assertEquals(Optional.empty(), c.lambdaFor(c.input().get("FunctionName").asText()));
  }

  @Test
  void readsTheDelayOfASleepingLambda() {
    ConformanceCase c = Corpus.get("lambda/timeouts/TestTimeouts.test_fixed_timeout_lambda");

    LambdaMock mock = c.lambdas().values().iterator().next();
    assertEquals(LambdaMock.Kind.IDENTITY_AFTER_DELAY, mock.kind());
    assertEquals(Duration.ofSeconds(60), mock.delay());
  }

  @Test
  void keepsCategoryPartsThatAreAbsentAsNull() {
    ConformanceCase c =
        Corpus.cases().cases().stream()
            .filter(x -> x.category().equals("test_state"))
            .findFirst()
            .orElseThrow();

    assertNull(c.input());
    assertNull(c.definition());
    assertNull(c.history());
    assertEquals(Set.of(), c.lambdas().keySet());
    assertTrue(c.raw().path("request").isObject());
  }

  @Test
  void keepsAnAbsentOutputApartFromANullOne(@TempDir Path dir) throws IOException {
    Path folder = Files.createDirectories(dir.resolve("pure/base"));
    Files.writeString(
        folder.resolve("a.json"),
        "{\"id\": \"base/a\", \"category\": \"pure\", \"input\": null,"
            + " \"expected\": {\"status\": \"SUCCEEDED\", \"output\": null}}");
    Files.writeString(
        folder.resolve("b.json"),
        "{\"id\": \"base/b\", \"category\": \"pure\","
            + " \"expected\": {\"status\": \"FAILED\", \"cause\": \"x\"}}");

    List<ConformanceCase> cases = ConformanceCases.load(dir).cases();

    assertEquals(Optional.of(NullNode.getInstance()), cases.get(0).expected().output());
    assertEquals(NullNode.getInstance(), cases.get(0).input());
    assertEquals(Optional.empty(), cases.get(1).expected().output());
    assertEquals(Optional.empty(), cases.get(1).expected().error());
    assertNull(cases.get(1).input());
  }

  @Test
  void reportsAMalformedFileAsAFailureOfThatCaseOnly(@TempDir Path dir) throws IOException {
    Path folder = Files.createDirectories(dir.resolve("lambda/services"));
    Files.writeString(
        folder.resolve("good.json"),
        "{\"id\": \"services/good\", \"category\": \"lambda\", \"expected\": {\"status\":"
            + " \"SUCCEEDED\"}}");
    Files.writeString(folder.resolve("truncated.json"), "{\"id\": \"services/trunc");
    Files.writeString(
        folder.resolve("unknown_kind.json"),
        "{\"id\": \"services/unknown_kind\", \"category\": \"lambda\", \"expected\": {},"
            + " \"lambdas\": {\"f\": {\"kind\": \"teleport\"}}}");
    Files.writeString(folder.resolve("notes.txt"), "not a case");

    ConformanceCases loaded = ConformanceCases.load(dir);

    assertEquals(
        List.of("lambda/services/good.json"),
        loaded.cases().stream().map(ConformanceCase::relativePath).toList());
    assertEquals(2, loaded.failures().size());
    CaseOutcome truncated = loaded.failures().get(0);
    assertEquals("lambda", truncated.category());
    assertEquals("services", truncated.folder());
    assertEquals("services/truncated", truncated.id());
    assertEquals("lambda/services/truncated.json", truncated.relativePath());
    assertFalse(truncated.passed());
    assertTrue(truncated.reason().startsWith("malformed case file: "), truncated.reason());
    assertEquals(
        new CaseOutcome(
            "lambda",
            "services",
            "services/unknown_kind",
            "lambda/services/unknown_kind.json",
            false,
            "malformed case file: unknown lambda kind: teleport"),
        loaded.failures().get(1));
    assertEquals(3, loaded.size());
  }

  @Test
  void refusesAFolderThatDoesNotExist(@TempDir Path dir) {
    IOException e =
        assertThrows(IOException.class, () -> ConformanceCases.load(dir.resolve("none")));
    assertEquals("not a folder: " + dir.resolve("none"), e.getMessage());
  }

  @Test
  void namesCasesTheSameWhenOneCategoryIsLoaded() throws IOException {
    ConformanceCases lambda = ConformanceCases.load(Corpus.dir().resolve("lambda"));

    Set<String> paths =
        lambda.cases().stream()
            .map(ConformanceCase::relativePath)
            .collect(Collectors.toCollection(TreeSet::new));
    Set<String> fromWhole =
        Corpus.cases().cases().stream()
            .filter(c -> c.category().equals("lambda"))
            .map(ConformanceCase::relativePath)
            .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(fromWhole, paths);
  }
}
