package io.asl4j.dsl.testing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Definitions to start fuzzing from: every definition of the AWS-recorded corpus (executed,
 * TestState and rejected ones), as compact JSON text, plus a few written here so that the
 * properties still run when the corpus is absent.
 */
public final class Seeds {
  /**
   * Reads numbers exactly, as {@code AslReader} does, so seeds keep {@code 1.10} and {@code 1e400}.
   */
  static final ObjectMapper EXACT =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
          .build();

  private static final List<String> BUILT_IN =
      List.of(
          "{\"Comment\":\"every JSONPath state\",\"StartAt\":\"P\",\"TimeoutSeconds\":60,\"States\":{"
              + "\"P\":{\"Type\":\"Pass\",\"Parameters\":{\"a.$\":\"$.x\",\"b\":[1,2.5,{\"c.$\":\"States.Format('{}', $.y)\"}]},"
              + "\"ResultPath\":\"$.p\",\"Assign\":{\"v.$\":\"$.x\"},\"Next\":\"T\"},"
              + "\"T\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:lambda:us-east-1:123456789012:function:f\","
              + "\"TimeoutSeconds\":30,\"HeartbeatSeconds\":10,\"ResultSelector\":{\"r.$\":\"$.Payload\"},"
              + "\"Retry\":[{\"ErrorEquals\":[\"States.Timeout\"],\"IntervalSeconds\":2,\"MaxAttempts\":3,"
              + "\"BackoffRate\":1.5,\"MaxDelaySeconds\":20,\"JitterStrategy\":\"FULL\"},{\"ErrorEquals\":[\"States.ALL\"]}],"
              + "\"Catch\":[{\"ErrorEquals\":[\"States.ALL\"],\"ResultPath\":\"$.error\",\"Next\":\"F\"}],\"Next\":\"C\"},"
              + "\"C\":{\"Type\":\"Choice\",\"Choices\":[{\"And\":[{\"Variable\":\"$.n\",\"NumericGreaterThan\":1},"
              + "{\"Not\":{\"Variable\":\"$.s\",\"StringMatches\":\"a*\"}}],\"Next\":\"W\"},"
              + "{\"Variable\":\"$v\",\"IsPresent\":true,\"Next\":\"M\"}],\"Default\":\"S\"},"
              + "\"W\":{\"Type\":\"Wait\",\"SecondsPath\":\"$.delay\",\"Next\":\"Par\"},"
              + "\"Par\":{\"Type\":\"Parallel\",\"Branches\":[{\"StartAt\":\"B1\",\"States\":{\"B1\":{\"Type\":\"Succeed\"}}},"
              + "{\"StartAt\":\"B2\",\"States\":{\"B2\":{\"Type\":\"Wait\",\"Timestamp\":\"2016-03-14T01:59:00Z\",\"End\":true}}}],"
              + "\"OutputPath\":\"$[0]\",\"Next\":\"M\"},"
              + "\"M\":{\"Type\":\"Map\",\"ItemsPath\":\"$.items\",\"MaxConcurrency\":2,\"ItemSelector\":{\"i.$\":\"$$.Map.Item.Value\"},"
              + "\"ItemProcessor\":{\"ProcessorConfig\":{\"Mode\":\"INLINE\"},\"StartAt\":\"I\",\"States\":{\"I\":{\"Type\":\"Pass\",\"End\":true}}},"
              + "\"Next\":\"S\"},"
              + "\"S\":{\"Type\":\"Succeed\"},"
              + "\"F\":{\"Type\":\"Fail\",\"ErrorPath\":\"$.error.Error\",\"CausePath\":\"States.Format('bad: {}', $.error.Cause)\"}}}",
          "{\"QueryLanguage\":\"JSONata\",\"StartAt\":\"T\",\"States\":{"
              + "\"T\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::lambda:invoke\","
              + "\"Arguments\":{\"FunctionName\":\"f\",\"Payload\":\"{% $states.input %}\"},"
              + "\"Output\":\"{% $states.result.Payload %}\",\"Assign\":{\"total\":\"{% $sum($states.result.Payload.n) %}\"},"
              + "\"TimeoutSeconds\":\"{% 30 %}\","
              + "\"Catch\":[{\"ErrorEquals\":[\"States.ALL\"],\"Output\":\"{% $states.errorOutput %}\",\"Next\":\"F\"}],"
              + "\"Next\":\"C\"},"
              + "\"C\":{\"Type\":\"Choice\",\"Choices\":[{\"Condition\":\"{% $total > 10 %}\",\"Next\":\"M\"}],\"Default\":\"W\"},"
              + "\"W\":{\"Type\":\"Wait\",\"Seconds\":\"{% $total %}\",\"Next\":\"M\"},"
              + "\"M\":{\"Type\":\"Map\",\"Items\":\"{% [1, 2, 3] %}\",\"ItemProcessor\":{\"StartAt\":\"I\","
              + "\"States\":{\"I\":{\"Type\":\"Pass\",\"Output\":\"{% $states.input * 2 %}\",\"End\":true}}},"
              + "\"Output\":{\"sum\":\"{% $sum($states.result) %}\",\"literal\":[true,null,1.0]},\"Next\":\"S\"},"
              + "\"S\":{\"Type\":\"Succeed\",\"Output\":\"{% $states.input %}\"},"
              + "\"F\":{\"Type\":\"Fail\",\"Error\":\"{% 'Failed' %}\",\"Cause\":\"{% $string($states.input) %}\"}}}",
          "{\"StartAt\":\"D\",\"States\":{\"D\":{\"Type\":\"Map\",\"ItemReader\":{\"Resource\":\"arn:aws:states:::s3:getObject\","
              + "\"ReaderConfig\":{\"InputType\":\"CSV\",\"CSVHeaderLocation\":\"FIRST_ROW\",\"MaxItems\":10},"
              + "\"Parameters\":{\"Bucket\":\"b\",\"Key\":\"k\"}},\"ItemBatcher\":{\"MaxItemsPerBatch\":5},"
              + "\"ResultWriter\":{\"Resource\":\"arn:aws:states:::s3:putObject\",\"Parameters\":{\"Bucket\":\"b\",\"Prefix\":\"p\"}},"
              + "\"ToleratedFailurePercentage\":5.5,\"Label\":\"lbl\","
              + "\"ItemProcessor\":{\"ProcessorConfig\":{\"Mode\":\"DISTRIBUTED\",\"ExecutionType\":\"EXPRESS\"},"
              + "\"StartAt\":\"X\",\"States\":{\"X\":{\"Type\":\"Pass\",\"QueryLanguage\":\"JSONata\",\"Output\":{\"a\":1},\"End\":true}}},"
              + "\"End\":true}}}");

  private static volatile List<String> all;

  private Seeds() {}

  /** Every seed definition as compact JSON text, corpus first; computed once. */
  public static List<String> definitions() {
    List<String> seeds = all;
    if (seeds == null) {
      synchronized (Seeds.class) {
        if (all == null) {
          List<String> list = new ArrayList<>(corpus());
          list.addAll(BUILT_IN);
          all = List.copyOf(list);
        }
        seeds = all;
      }
    }
    return seeds;
  }

  /** The definitions written here, independent of the corpus. */
  public static List<String> builtIn() {
    return BUILT_IN;
  }

  private static List<String> corpus() {
    Path root = Path.of(System.getProperty("asl4j.conformance.dir", "../../shared/conformance"));
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files =
          walk.filter(p -> p.toString().endsWith(".json")).sorted().collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> seeds = new ArrayList<>();
    for (Path file : files) {
      JsonNode testCase;
      try {
        testCase = EXACT.readTree(file.toFile());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      JsonNode definition = testCase.path("definition");
      if (definition.isMissingNode()) {
        definition = testCase.path("request").path("definition");
      }
      if (definition.isObject()) {
        seeds.add(definition.toString());
      }
      JsonNode raw = testCase.path("definitionRaw");
      if (raw.isTextual()) {
        seeds.add(raw.textValue());
      }
    }
    return seeds;
  }
}
