package io.asl4j.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/**
 * The fields of the Map state (ItemReader, ItemBatcher, ResultWriter, tolerated failures, Label,
 * path and JSONata variants), JSONata numeric expressions and JSONPath {@code And}/{@code Or}/
 * {@code Not} rules reach the emitted ASL.
 */
class StateFieldsTest {
  private static final String LAMBDA = "\"arn:aws:lambda:us-east-1:123456789012:function:f\"";
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode compileToAsl(String... body) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add("package test;");
    lines.add("import io.asl4j.dsl.annotation.*;");
    lines.add("import io.asl4j.dsl.model.ProcessorConfig.Mode;");
    lines.add("import io.asl4j.dsl.model.ProcessorConfig.ExecutionType;");
    lines.addAll(Arrays.asList(body));
    JavaFileObject source = JavaFileObjects.forSourceLines("test.Flow", lines);
    Compilation compilation = javac().withProcessors(new WorkflowProcessor()).compile(source);
    assertThat(compilation).succeededWithoutWarnings();
    JavaFileObject asl =
        compilation
            .generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/asl4j/test/Flow.asl.json")
            .orElseThrow();
    return JSON.readTree(asl.getCharContent(true).toString());
  }

  @Test
  void distributedMapWritesItemReaderItemBatcherResultWriterAndLabel() throws IOException {
    // when
    JsonNode asl =
        compileToAsl(
            "@Workflow final class Flow {",
            "  @StartAt",
            "  @Map(processor = PerBatch.class, mode = Mode.DISTRIBUTED, executionType = ExecutionType.EXPRESS,",
            "      maxConcurrencyPath = \"$.limit\", toleratedFailureCountPath = \"$.failures\",",
            "      label = \"Rows\", next = Percent.class)",
            "  @ItemReader(resource = \"arn:aws:states:::s3:getObject\",",
            "      parameters = \"{\\\"Bucket\\\": \\\"in\\\", \\\"Key\\\": \\\"rows.csv\\\"}\",",
            "      inputType = \"CSV\", csvHeaderLocation = \"GIVEN\", csvHeaders = {\"id\", \"total\"},",
            "      csvDelimiter = \"SEMICOLON\", maxItems = 500)",
            "  @ItemBatcher(maxItemsPerBatch = 100, maxInputBytesPerBatch = 262144,",
            "      batchInput = \"{\\\"source\\\": \\\"rows\\\"}\")",
            "  @ResultWriter(resource = \"arn:aws:states:::s3:putObject\",",
            "      parameters = \"{\\\"Bucket\\\": \\\"out\\\", \\\"Prefix\\\": \\\"runs\\\"}\",",
            "      outputType = \"JSONL\", transformation = \"COMPACT\")",
            "  interface Rows {}",
            "  @Branch interface PerBatch {",
            "    @StartAt @Task(resource = " + LAMBDA + ", next = End.class) interface Handle {}",
            "  }",
            "  @Map(processor = PerItem.class, mode = Mode.DISTRIBUTED, executionType = ExecutionType.STANDARD,",
            "      toleratedFailurePercentagePath = \"$.percent\", next = Counted.class)",
            "  @ItemReader(resource = \"arn:aws:states:::s3:listObjectsV2\",",
            "      parameters = \"{\\\"Bucket\\\": \\\"in\\\"}\", maxItemsPath = \"$.max\")",
            "  @ItemBatcher(maxItemsPerBatchPath = \"$.batch\", maxInputBytesPerBatchPath = \"$.bytes\")",
            "  interface Percent {}",
            "  @Branch interface PerItem {",
            "    @StartAt @Task(resource = " + LAMBDA + ", next = End.class) interface Each {}",
            "  }",
            "  @Map(processor = PerOrder.class, mode = Mode.DISTRIBUTED, executionType = ExecutionType.STANDARD,",
            "      toleratedFailureCount = 3,",
            "      toleratedFailurePercentage = 12.5, next = End.class)",
            "  @ItemReader(resource = \"arn:aws:states:::s3:getObject\",",
            "      parameters = \"{\\\"Bucket\\\": \\\"in\\\", \\\"Key\\\": \\\"m.json\\\"}\", manifestType = \"S3_INVENTORY\",",
            "      inputType = \"MANIFEST\")",
            "  interface Counted {}",
            "  @Branch interface PerOrder {",
            "    @StartAt @Task(resource = " + LAMBDA + ", next = End.class) interface One {}",
            "  }",
            "}");

    // then
    JsonNode rows = asl.at("/States/Rows");
    assertThat(rows.at("/ItemReader").toString())
        .isEqualTo(
            "{\"Resource\":\"arn:aws:states:::s3:getObject\","
                + "\"Parameters\":{\"Bucket\":\"in\",\"Key\":\"rows.csv\"},"
                + "\"ReaderConfig\":{\"InputType\":\"CSV\",\"CSVHeaderLocation\":\"GIVEN\","
                + "\"CSVHeaders\":[\"id\",\"total\"],\"CSVDelimiter\":\"SEMICOLON\",\"MaxItems\":500}}");
    assertThat(rows.at("/ItemBatcher").toString())
        .isEqualTo(
            "{\"MaxItemsPerBatch\":100,\"MaxInputBytesPerBatch\":262144,\"BatchInput\":{\"source\":\"rows\"}}");
    assertThat(rows.at("/ResultWriter").toString())
        .isEqualTo(
            "{\"Resource\":\"arn:aws:states:::s3:putObject\",\"Parameters\":{\"Bucket\":\"out\",\"Prefix\":\"runs\"},"
                + "\"WriterConfig\":{\"OutputType\":\"JSONL\",\"Transformation\":\"COMPACT\"}}");
    assertThat(rows.at("/MaxConcurrencyPath").asText()).isEqualTo("$.limit");
    assertThat(rows.at("/ToleratedFailureCountPath").asText()).isEqualTo("$.failures");
    assertThat(rows.at("/Label").asText()).isEqualTo("Rows");
    JsonNode percent = asl.at("/States/Percent");
    assertThat(percent.at("/ToleratedFailurePercentagePath").asText()).isEqualTo("$.percent");
    assertThat(percent.at("/ItemReader/ReaderConfig/MaxItemsPath").asText()).isEqualTo("$.max");
    assertThat(percent.at("/ItemBatcher/MaxItemsPerBatchPath").asText()).isEqualTo("$.batch");
    assertThat(percent.at("/ItemBatcher/MaxInputBytesPerBatchPath").asText()).isEqualTo("$.bytes");
    JsonNode counted = asl.at("/States/Counted");
    assertThat(counted.at("/ToleratedFailureCount").asInt()).isEqualTo(3);
    assertThat(counted.at("/ToleratedFailurePercentage").asDouble()).isEqualTo(12.5);
    assertThat(counted.at("/ItemReader/ReaderConfig/ManifestType").asText())
        .isEqualTo("S3_INVENTORY");
  }

  @Test
  void jsonataNumericFieldsTakeExpressions() throws IOException {
    // when
    JsonNode asl =
        compileToAsl(
            "@Workflow(queryLanguage = io.asl4j.dsl.model.QueryLanguage.JSONATA) final class Flow {",
            "  @StartAt",
            "  @Task(resource = "
                + LAMBDA
                + ", timeoutSecondsExpression = \"{% $states.input.timeout %}\",",
            "      heartbeatSecondsExpression = \"{% $states.input.heartbeat %}\", next = Rows.class)",
            "  interface Call {}",
            "  @Map(processor = PerBatch.class, mode = Mode.DISTRIBUTED, executionType = ExecutionType.EXPRESS,",
            "      maxConcurrencyExpression = \"{% $states.input.limit %}\",",
            "      toleratedFailureCountExpression = \"{% $states.input.failures %}\",",
            "      toleratedFailurePercentageExpression = \"{% $states.input.percent %}\", next = End.class)",
            "  @ItemReader(resource = \"arn:aws:states:::s3:getObject\",",
            "      arguments = \"{\\\"Bucket\\\": \\\"in\\\", \\\"Key\\\": \\\"{% $states.input.key %}\\\"}\",",
            "      inputType = \"JSON\", maxItemsExpression = \"{% $states.input.max %}\")",
            "  @ItemBatcher(maxItemsPerBatchExpression = \"{% $states.input.batch %}\",",
            "      maxInputBytesPerBatchExpression = \"{% $states.input.bytes %}\")",
            "  @ResultWriter(resource = \"arn:aws:states:::s3:putObject\",",
            "      arguments = \"{\\\"Bucket\\\": \\\"out\\\", \\\"Prefix\\\": \\\"{% $states.input.prefix %}\\\"}\")",
            "  interface Rows {}",
            "  @Branch interface PerBatch {",
            "    @StartAt @Task(resource = " + LAMBDA + ", next = End.class) interface Handle {}",
            "  }",
            "}");

    // then
    assertThat(asl.at("/States/Call/TimeoutSeconds").asText())
        .isEqualTo("{% $states.input.timeout %}");
    assertThat(asl.at("/States/Call/HeartbeatSeconds").asText())
        .isEqualTo("{% $states.input.heartbeat %}");
    JsonNode rows = asl.at("/States/Rows");
    assertThat(rows.at("/MaxConcurrency").asText()).isEqualTo("{% $states.input.limit %}");
    assertThat(rows.at("/ToleratedFailureCount").asText())
        .isEqualTo("{% $states.input.failures %}");
    assertThat(rows.at("/ToleratedFailurePercentage").asText())
        .isEqualTo("{% $states.input.percent %}");
    assertThat(rows.at("/ItemReader/Arguments/Key").asText()).isEqualTo("{% $states.input.key %}");
    assertThat(rows.at("/ItemReader/ReaderConfig/MaxItems").asText())
        .isEqualTo("{% $states.input.max %}");
    assertThat(rows.at("/ItemBatcher/MaxItemsPerBatch").asText())
        .isEqualTo("{% $states.input.batch %}");
    assertThat(rows.at("/ItemBatcher/MaxInputBytesPerBatch").asText())
        .isEqualTo("{% $states.input.bytes %}");
    assertThat(rows.at("/ResultWriter/Arguments/Prefix").asText())
        .isEqualTo("{% $states.input.prefix %}");
  }

  @Test
  void jsonPathRulesCombineComparisonsWithAndOrNot() throws IOException {
    // when
    JsonNode asl =
        compileToAsl(
            "@Workflow final class Flow {",
            "  @StartAt",
            "  @Choice(otherwise = Done.class)",
            "  @When(and = {",
            "      @Rule(variable = \"$.total\", numericGreaterThan = 100),",
            "      @Rule(variable = \"$.country\", stringEquals = \"DE\", not = true, comment = \"not DE\")},",
            "    next = Done.class)",
            "  @When(or = {@Rule(variable = \"$.vip\", booleanEquals = true), @Rule(variable = \"$.code\", isPresent = true)},",
            "    next = Done.class)",
            "  @When(not = @Rule(variable = \"$.status\", stringEquals = \"OK\"), next = Done.class)",
            "  interface Route {}",
            "  @Succeed interface Done {}",
            "}");

    // then
    JsonNode choices = asl.at("/States/Route/Choices");
    assertThat(choices.get(0).toString())
        .isEqualTo(
            "{\"And\":[{\"Variable\":\"$.total\",\"NumericGreaterThan\":100},"
                + "{\"Comment\":\"not DE\",\"Not\":{\"Variable\":\"$.country\",\"StringEquals\":\"DE\"}}],"
                + "\"Next\":\"Done\"}");
    assertThat(choices.get(1).toString())
        .isEqualTo(
            "{\"Or\":[{\"Variable\":\"$.vip\",\"BooleanEquals\":true},{\"Variable\":\"$.code\",\"IsPresent\":true}],"
                + "\"Next\":\"Done\"}");
    assertThat(choices.get(2).toString())
        .isEqualTo(
            "{\"Not\":{\"Variable\":\"$.status\",\"StringEquals\":\"OK\"},\"Next\":\"Done\"}");
  }
}
