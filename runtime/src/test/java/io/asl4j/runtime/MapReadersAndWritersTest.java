package io.asl4j.runtime;

import static io.asl4j.runtime.TestJson.START;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.asl4j.runtime.services.AwsServices;
import io.asl4j.runtime.services.S3Objects;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The 2025 reader and writer fields of a Map: {@code ItemsPointer}, manifests ({@code ATHENA_DATA},
 * {@code S3_INVENTORY}), {@code WriterConfig} and a {@code ResultWriter} with only {@code
 * WriterConfig}; and an {@code ItemReader} on an inline Map.
 */
class MapReadersAndWritersTest {
  private static JsonNode json(String text) {
    return TestJson.json(text.replace('\'', '"'));
  }

  /**
   * A machine whose only state, Fan, is a Map in {@code mode} with {@code mapFields} and this
   * processor.
   */
  private static String definition(String mode, String mapFields, String states) {
    String config =
        mode.equals("DISTRIBUTED")
            ? "'ProcessorConfig':{'Mode':'DISTRIBUTED','ExecutionType':'STANDARD'},"
            : "'ProcessorConfig':{'Mode':'INLINE'},";
    return ("{'StartAt':'Fan','States':{'Fan':{'Type':'Map',"
            + mapFields
            + "'ItemProcessor':{"
            + config
            + "'StartAt':'P','States':"
            + states
            + "},'End':true}}}")
        .replace('\'', '"');
  }

  private static final String PASS = "{'P':{'Type':'Pass','End':true}}";

  private static Execution run(String definition, S3Objects s3, String input) {
    return LocalStateMachine.builder(definition)
        .virtualClock(START)
        .seed(3)
        .s3(s3)
        .build()
        .run(json(input));
  }

  private static S3Objects s3() {
    return AwsServices.create(1).s3();
  }

  private static List<String> types(Execution execution) {
    return execution.history().stream().map(HistoryEvent::type).collect(Collectors.toList());
  }

  private static String reader(String config, String key) {
    return "'ItemReader':{'Resource':'arn:aws:states:::s3:getObject','ReaderConfig':"
        + config
        + ",'Parameters':{'Bucket':'in','Key':'"
        + key
        + "'}},";
  }

  @Test
  void anInlineMapWithAnItemReaderReadsItsItemsAsItStartsAndRunsThemAsIterations() {
    S3Objects s3 = s3();
    s3.put("in", "items.json", "[1,2,3]");

    Execution execution =
        run(definition("INLINE", reader("{'InputType':'JSON'}", "items.json"), PASS), s3, "{}");

    assertEquals(ExecutionStatus.SUCCEEDED, execution.status());
    assertEquals(json("[1,2,3]"), execution.output());
    assertEquals(
        List.of(
            "ExecutionStarted",
            "MapStateEntered",
            "MapStateStarted",
            "MapIterationStarted",
            "MapIterationStarted",
            "MapIterationStarted",
            "PassStateEntered",
            "PassStateExited",
            "MapIterationSucceeded",
            "PassStateEntered",
            "PassStateExited",
            "MapIterationSucceeded",
            "PassStateEntered",
            "PassStateExited",
            "MapIterationSucceeded",
            "MapStateSucceeded",
            "MapStateExited",
            "ExecutionSucceeded"),
        types(execution));
    assertEquals(json("{'length':3}"), execution.history().get(2).details());
    assertEquals(List.of(), execution.mapRuns());
  }

  @Test
  void anInlineMapWhoseReaderFailsFailsTheMapStateWithItemReaderFailedAndNoMapRunEvents() {
    Execution execution =
        run(definition("INLINE", reader("{'InputType':'JSON'}", "absent.json"), PASS), s3(), "{}");

    assertEquals(ExecutionStatus.FAILED, execution.status());
    assertEquals("States.ItemReaderFailed", execution.error());
    assertEquals(
        "The specified key does not exist. (Bucket: in, Key: absent.json)", execution.cause());
    assertEquals(
        List.of("ExecutionStarted", "MapStateEntered", "ExecutionFailed"), types(execution));
  }

  @Test
  void anInlineMapWithAResultWriterFailsWithAPlainResultWriterFailedInsteadOfCrashing() {
    Execution execution =
        run(
            definition(
                "INLINE",
                "'ResultWriter':{'WriterConfig':{'Transformation':'COMPACT','OutputType':'JSON'}},",
                PASS),
            s3(),
            "[1]");

    assertEquals(ExecutionStatus.FAILED, execution.status());
    assertEquals("States.ResultWriterFailed", execution.error());
    assertEquals(
        "A ResultWriter exports the child executions of a distributed Map's Map Run, and this Map is inline:"
            + " set ItemProcessor.ProcessorConfig.Mode to DISTRIBUTED, or remove the ResultWriter.",
        execution.cause());
  }

  @Test
  void aResultWriterWithOnlyWriterConfigCompactReturnsTheChildOutputsInTheStateOutput() {
    Execution execution =
        run(
            definition(
                "DISTRIBUTED",
                "'ResultWriter':{'WriterConfig':{'Transformation':'COMPACT','OutputType':'JSON'}},",
                PASS),
            s3(),
            "[[1,2],{'a':3}]");

    assertEquals(ExecutionStatus.SUCCEEDED, execution.status());
    assertEquals(json("[[1,2],{'a':3}]"), execution.output());
  }

  @Test
  void flattenSpreadsTheArraysChildrenReturnIntoOneArray() {
    Execution execution =
        run(
            definition(
                "DISTRIBUTED",
                "'ResultWriter':{'WriterConfig':{'Transformation':'FLATTEN','OutputType':'JSON'}},",
                PASS),
            s3(),
            "[[1,2],{'a':3},[]]");

    assertEquals(ExecutionStatus.SUCCEEDED, execution.status());
    assertEquals(json("[1,2,{'a':3}]"), execution.output());
  }

  @Test
  void noneReturnsEachChildWithItsMetadataAndAFailedChildKeepsItsEntryUnderFlatten() {
    String states =
        "{'P':{'Type':'Choice','Choices':[{'Variable':'$[0]','NumericEquals':2,'Next':'Bad'}],'Default':'Ok'},"
            + "'Bad':{'Type':'Fail','Error':'Bad','Cause':'item 2'},'Ok':{'Type':'Pass','End':true}}";
    Execution none =
        run(
            definition(
                "DISTRIBUTED",
                "'Label':'Fan','MaxConcurrency':1,'ToleratedFailureCount':1,"
                    + "'ResultWriter':{'WriterConfig':{'Transformation':'NONE','OutputType':'JSON'}},",
                states),
            s3(),
            "[[1],[2]]");
    Execution flatten =
        run(
            definition(
                "DISTRIBUTED",
                "'Label':'Fan','MaxConcurrency':1,'ToleratedFailureCount':1,"
                    + "'ResultWriter':{'WriterConfig':{'Transformation':'FLATTEN','OutputType':'JSON'}},",
                states),
            s3(),
            "[[1],[2]]");

    assertEquals(ExecutionStatus.SUCCEEDED, none.status());
    ChildExecution ok = none.mapRuns().get(0).childExecutions().get(0);
    ChildExecution bad = none.mapRuns().get(0).childExecutions().get(1);
    String machine = "arn:aws:states:us-east-1:123456789012:stateMachine:asl4j-local/Fan";
    assertEquals(
        json(
            "[{'ExecutionArn':'"
                + ok.arn()
                + "','Input':'[1]','InputDetails':{'Included':true},'Name':'"
                + ok.name()
                + "',"
                + "'Output':'[1]','OutputDetails':{'Included':true},'RedriveCount':0,'RedriveStatus':'NOT_REDRIVABLE',"
                + "'RedriveStatusReason':'Execution is SUCCEEDED and cannot be redriven','StartDate':'2025-01-01T00:00:00.000Z',"
                + "'StateMachineArn':'"
                + machine
                + "','Status':'SUCCEEDED','StopDate':'2025-01-01T00:00:00.000Z'},"
                + "{'Cause':'item 2','Error':'Bad','ExecutionArn':'"
                + bad.arn()
                + "','Input':'[2]','InputDetails':{'Included':true},"
                + "'Name':'"
                + bad.name()
                + "','RedriveCount':0,'RedriveStatus':'REDRIVABLE_BY_MAP_RUN',"
                + "'StartDate':'2025-01-01T00:00:00.000Z','StateMachineArn':'"
                + machine
                + "','Status':'FAILED',"
                + "'StopDate':'2025-01-01T00:00:00.000Z'}]"),
        none.output());
    assertEquals(ExecutionStatus.SUCCEEDED, flatten.status());
    assertEquals(1, flatten.output().get(0).asInt());
    assertEquals(none.output().get(1), flatten.output().get(1));
    assertEquals(2, flatten.output().size());
  }

  @Test
  void aWriterConfigWithJsonLinesExportsOneCompactResultALineToS3() {
    S3Objects s3 = s3();
    Execution execution =
        run(
            definition(
                "DISTRIBUTED",
                "'ResultWriter':{'Resource':'arn:aws:states:::s3:putObject','Parameters':{'Bucket':'out','Prefix':'runs'},"
                    + "'WriterConfig':{'Transformation':'COMPACT','OutputType':'JSONL'}},",
                PASS),
            s3,
            "[{'a':1},{'b':2}]");

    assertEquals(ExecutionStatus.SUCCEEDED, execution.status());
    MapRun mapRun = execution.mapRuns().get(0);
    String folder = "runs/" + mapRun.arn().substring(mapRun.arn().lastIndexOf(':') + 1) + "/";
    assertEquals(
        "{\"a\":1}\n{\"b\":2}\n", s3.get("out", folder + "SUCCEEDED_0.jsonl").orElseThrow());
    assertEquals(
        json(
            "{'DestinationBucket':'out','MapRunArn':'"
                + mapRun.arn()
                + "','ResultFiles':{'FAILED':[],'PENDING':[],"
                + "'SUCCEEDED':[{'Key':'"
                + folder
                + "SUCCEEDED_0.jsonl','Size':16}]}}"),
        json(s3.get("out", folder + "manifest.json").orElseThrow()));
    assertEquals(
        json(
            "{'MapRunArn':'"
                + mapRun.arn()
                + "','ResultWriterDetails':{'Bucket':'out','Key':'"
                + folder
                + "manifest.json'}}"),
        execution.output());
  }

  @Test
  void itemsPointerReadsTheArrayNestedInAJsonFile() {
    S3Objects s3 = s3();
    s3.put(
        "in", "export.json", "{'data':{'a/b':[{'id':1},{'id':2}]},'count':2}".replace('\'', '"'));

    Execution execution =
        run(
            definition(
                "DISTRIBUTED",
                reader("{'InputType':'JSON','ItemsPointer':'/data/a~1b'}", "export.json"),
                PASS),
            s3,
            "{}");

    assertEquals(ExecutionStatus.SUCCEEDED, execution.status());
    assertEquals(json("[{'id':1},{'id':2}]"), execution.output());
  }

  @Test
  void itemsPointerWorksTheSameInAJsonataMap() {
    S3Objects s3 = s3();
    s3.put("in", "export.json", "{'data':[3,4]}".replace('\'', '"'));
    String definition =
        ("{'QueryLanguage':'JSONata','StartAt':'Fan','States':{'Fan':{'Type':'Map',"
                + "'ItemReader':{'Resource':'arn:aws:states:::s3:getObject','ReaderConfig':{'InputType':'JSON','ItemsPointer':'/data'},"
                + "'Arguments':{'Bucket':'in','Key':'{% $states.input.key %}'}},"
                + "'ItemProcessor':{'ProcessorConfig':{'Mode':'DISTRIBUTED','ExecutionType':'EXPRESS'},'StartAt':'P',"
                + "'States':{'P':{'Type':'Pass','Output':'{% $states.input * 10 %}','End':true}}},'End':true}}}")
            .replace('\'', '"');

    Execution execution = run(definition, s3, "{'key':'export.json'}");

    assertEquals(ExecutionStatus.SUCCEEDED, execution.status());
    assertEquals(json("[30,40]"), execution.output());
  }

  @Test
  void anItemsPointerToNothingOrToNoArrayFailsTheMapRunWithItemReaderFailed() {
    S3Objects s3 = s3();
    s3.put("in", "export.json", "{'data':{'n':1}}".replace('\'', '"'));

    Execution missing =
        run(
            definition(
                "DISTRIBUTED",
                reader("{'InputType':'JSON','ItemsPointer':'/items'}", "export.json"),
                PASS),
            s3,
            "{}");
    Execution object =
        run(
            definition(
                "DISTRIBUTED",
                reader("{'InputType':'JSON','ItemsPointer':'/data'}", "export.json"),
                PASS),
            s3,
            "{}");

    assertEquals("States.ItemReaderFailed", missing.error());
    assertEquals("ItemsPointer \"/items\" points to nothing in the JSON file.", missing.cause());
    assertEquals("States.ItemReaderFailed", object.error());
    assertEquals("Attempting to map over non-iterable node.", object.cause());
  }

  @Test
  void anAthenaDataManifestReadsTheRowsOfEveryDataFileItLists() {
    S3Objects s3 = s3();
    s3.put(
        "athena",
        "unload/manifest.csv",
        "s3://athena/unload/part-0.csv\ns3://athena/unload/part-1.csv\n");
    s3.put("athena", "unload/part-0.csv", "a,1\nb,2\n");
    s3.put("athena", "unload/part-1.csv", "c,3\n");
    String readerField =
        "'ItemReader':{'Resource':'arn:aws:states:::s3:getObject','ReaderConfig':{'InputType':'CSV',"
            + "'ManifestType':'ATHENA_DATA','CSVHeaderLocation':'GIVEN','CSVHeaders':['name','n']},"
            + "'Parameters':{'Bucket':'athena','Key':'unload/manifest.csv'}},";

    Execution execution = run(definition("DISTRIBUTED", readerField, PASS), s3, "{}");

    assertEquals(ExecutionStatus.SUCCEEDED, execution.status());
    assertEquals(
        json("[{'name':'a','n':'1'},{'name':'b','n':'2'},{'name':'c','n':'3'}]"),
        execution.output());
  }

  @Test
  void anS3InventoryManifestReadsItsCsvFilesWithTheColumnsOfItsFileSchema() {
    S3Objects s3 = s3();
    s3.put(
        "inventory",
        "src/config/2025-01-01T00-00Z/manifest.json",
        ("{'sourceBucket':'src','destinationBucket':'arn:aws:s3:::inventory','version':'2016-11-30','fileFormat':'CSV',"
                + "'fileSchema':'Bucket, Key, Size','files':[{'key':'src/config/data/one.csv','size':40,'MD5checksum':'x'}]}")
            .replace('\'', '"'));
    s3.put(
        "inventory",
        "src/config/data/one.csv",
        "\"src\",\"photos/a.jpg\",\"10\"\n\"src\",\"photos/b.jpg\",\"20\"\n");
    String readerField =
        "'ItemReader':{'Resource':'arn:aws:states:::s3:getObject','ReaderConfig':{'InputType':'MANIFEST'},"
            + "'Parameters':{'Bucket':'inventory','Key':'src/config/2025-01-01T00-00Z/manifest.json'}},";

    Execution execution = run(definition("DISTRIBUTED", readerField, PASS), s3, "{}");

    assertEquals(ExecutionStatus.SUCCEEDED, execution.status());
    assertEquals(
        json(
            "[{'Bucket':'src','Key':'photos/a.jpg','Size':'10'},{'Bucket':'src','Key':'photos/b.jpg','Size':'20'}]"),
        execution.output());
  }

  @Test
  void aParquetFileFailsTheMapRunWithAnErrorSayingWhyItCannotBeRead() {
    S3Objects s3 = s3();
    s3.put("in", "rows.parquet", "PAR1");

    Execution execution =
        run(
            definition("DISTRIBUTED", reader("{'InputType':'PARQUET'}", "rows.parquet"), PASS),
            s3,
            "{}");

    assertEquals(ExecutionStatus.FAILED, execution.status());
    assertEquals("States.ItemReaderFailed", execution.error());
    assertEquals(
        "asl4j cannot read PARQUET files: the Java Parquet readers (Apache parquet-hadoop) need a Hadoop stack,"
            + " which this local runtime does not carry. Give the Map its items as CSV, JSON or JSON Lines,"
            + " or stand in for the reader with TestState's mapItemReaderData.",
        execution.cause());
  }

  @Test
  void aReaderFieldThatCannotBeEvaluatedFailsWithTheStatePrefixLikeEveryOtherStateError() {
    String readerField =
        "'ItemReader':{'Resource':'arn:aws:states:::s3:getObject','ReaderConfig':{'InputType':'JSON'},"
            + "'Parameters':{'Bucket':'in','Key.$':'$.missing'}},";

    Execution execution = run(definition("DISTRIBUTED", readerField, PASS), s3(), "{'key':'x'}");

    assertEquals(ExecutionStatus.FAILED, execution.status());
    assertEquals("States.Runtime", execution.error());
    assertEquals(
        "An error occurred while executing the state 'Fan' (entered at the event id #2). "
            + "The JSONPath '$.missing' specified for the field 'Key.$' could not be found in the input '{\"key\":\"x\"}'",
        execution.cause());
  }
}
