package io.asl4j.runtime.internal.testing;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Map states combining their fields in valid but unusual ways, the kind that real definitions hold
 * and the recorded ones do not: an {@code ItemReader}, {@code ItemBatcher} or {@code ResultWriter}
 * on an inline Map (or a Map without {@code ProcessorConfig}, or with the legacy {@code Iterator});
 * a reader over JSON, JSON Lines, CSV, a listing, a nested array ({@code ItemsPointer}) or a
 * manifest, with or without {@code MaxItems}; a {@code ResultWriter} with only {@code
 * WriterConfig}, only {@code Resource} and {@code Parameters}, or both; tolerances, concurrency,
 * selectors, batches and {@code Retry}/{@code Catch} together; in JSONPath and JSONata. Each
 * definition names the S3 objects its reader reads ({@link #OBJECTS}).
 */
public final class MapDefinitionArbitraries {
  private MapDefinitionArbitraries() {}

  /** The S3 objects every generated reader may read: bucket, key, body. */
  public static final List<String[]> OBJECTS =
      List.of(
          new String[] {"in", "items.json", "[1,2,[3,4],{\"n\":5}]"},
          new String[] {"in", "nested.json", "{\"data\":{\"items\":[{\"n\":1},{\"n\":2}]}}"},
          new String[] {"in", "items.jsonl", "{\"n\":1}\n{\"n\":2}\n[3]\n"},
          new String[] {"in", "items.csv", "n,name\n1,a\n2,b\n3,c\n"},
          new String[] {"in", "athena/manifest.csv", "s3://in/athena/part-0.csv\n"},
          new String[] {"in", "athena/part-0.csv", "n,name\n7,x\n"},
          new String[] {"in", "empty.json", "[]"},
          new String[] {"in", "object.json", "{\"n\":1}"});

  /** One generated Map definition and an input for it. */
  public record MapCase(String definition, String input) {
    @Override
    public String toString() {
      return definition + " on " + input;
    }
  }

  public static Arbitrary<MapCase> cases() {
    Arbitrary<Boolean> jsonata = Arbitraries.of(false, true);
    return jsonata.flatMap(
        j ->
            Combinators.combine(
                    processor(j),
                    source(j),
                    selector(j),
                    batcher(j),
                    writer(j),
                    limits(j),
                    handling(j),
                    body(j))
                .as(
                    (processor, source, selector, batcher, writer, limits, handling, body) -> {
                      String fields = source[0] + selector + batcher + writer + limits + handling;
                      String definition =
                          "{"
                              + (j ? "'QueryLanguage':'JSONata'," : "")
                              + "'StartAt':'Fan','States':{'Fan':{'Type':'Map',"
                              + fields
                              + processor.replace("BODY", body)
                              + ",'Next':'Recover'},"
                              + "'Recover':{'Type':'Pass','Next':'Done'},'Done':{'Type':'Succeed'}}}";
                      return new MapCase(
                          definition.replace('\'', '"'), source[1].replace('\'', '"'));
                    }));
  }

  /**
   * The processor: {@code ItemProcessor} without {@code ProcessorConfig}, inline, distributed
   * (Standard or Express), or the legacy {@code Iterator}; BODY stands for its states.
   */
  private static Arbitrary<String> processor(boolean jsonata) {
    List<String> processors =
        new ArrayList<>(
            List.of(
                "'ItemProcessor':{'StartAt':'P','States':BODY}",
                "'ItemProcessor':{'ProcessorConfig':{'Mode':'INLINE'},'StartAt':'P','States':BODY}",
                "'ItemProcessor':{'ProcessorConfig':{'Mode':'DISTRIBUTED','ExecutionType':'STANDARD'},'StartAt':'P','States':BODY}",
                "'ItemProcessor':{'ProcessorConfig':{'Mode':'DISTRIBUTED','ExecutionType':'EXPRESS'},'StartAt':'P','States':BODY}"));
    if (!jsonata) {
      processors.add("'Iterator':{'StartAt':'P','States':BODY}");
    }
    return Arbitraries.of(processors);
  }

  /** Where the items come from, and the input that goes with it. */
  private static Arbitrary<String[]> source(boolean jsonata) {
    String arguments = jsonata ? "Arguments" : "Parameters";
    List<String[]> sources =
        new ArrayList<>(
            List.of(
                new String[] {"", "[1,2,3]"},
                new String[] {"", "[]"},
                new String[] {"", "{'not':'an array'}"},
                reader("{'InputType':'JSON'}", arguments, "items.json"),
                reader(
                    "{'InputType':'JSON','ItemsPointer':'/data/items'}", arguments, "nested.json"),
                reader("{'InputType':'JSON','ItemsPointer':'/absent'}", arguments, "nested.json"),
                reader("{'InputType':'JSONL','MaxItems':2}", arguments, "items.jsonl"),
                reader(
                    "{'InputType':'CSV','CSVHeaderLocation':'FIRST_ROW'}", arguments, "items.csv"),
                reader(
                    "{'InputType':'CSV','CSVHeaderLocation':'GIVEN','CSVHeaders':['n','name'],'ManifestType':'ATHENA_DATA'}",
                    arguments,
                    "athena/manifest.csv"),
                reader("{'InputType':'JSON'}", arguments, "empty.json"),
                reader("{'InputType':'JSON'}", arguments, "object.json"),
                reader("{'InputType':'JSON'}", arguments, "absent.json"),
                reader("{'InputType':'PARQUET'}", arguments, "items.json"),
                new String[] {
                  "'ItemReader':{'Resource':'arn:aws:states:::s3:listObjectsV2','"
                      + arguments
                      + "':{'Bucket':'in','Prefix':'athena/'}},",
                  "{}"
                }));
    if (jsonata) {
      sources.add(new String[] {"'Items':'{% $states.input.list %}',", "{'list':[1,2]}"});
      sources.add(new String[] {"'Items':[1,{'n':2}],", "{}"});
    } else {
      sources.add(new String[] {"'ItemsPath':'$.list',", "{'list':[1,2]}"});
      sources.add(new String[] {"'ItemsPath':'$.list',", "{'list':'text'}"});
    }
    return Arbitraries.of(sources);
  }

  private static String[] reader(String config, String arguments, String key) {
    return new String[] {
      "'ItemReader':{'Resource':'arn:aws:states:::s3:getObject','ReaderConfig':"
          + config
          + ",'"
          + arguments
          + "':{'Bucket':'in','Key':'"
          + key
          + "'}},",
      "{'k':1}"
    };
  }

  private static Arbitrary<String> selector(boolean jsonata) {
    return jsonata
        ? Arbitraries.of(
            "",
            "'ItemSelector':{'value':'{% $states.context.Map.Item.Value %}','i':'{% $states.context.Map.Item.Index %}'},")
        : Arbitraries.of(
            "",
            "'ItemSelector':{'value.$':'$$.Map.Item.Value','i.$':'$$.Map.Item.Index'},",
            "'Parameters':{'value.$':'$$.Map.Item.Value'},");
  }

  private static Arbitrary<String> batcher(boolean jsonata) {
    return Arbitraries.of(
        "",
        "'ItemBatcher':{'MaxItemsPerBatch':2},",
        jsonata
            ? "'ItemBatcher':{'MaxItemsPerBatch':1,'BatchInput':{'b':'{% 1 + 1 %}'}},"
            : "'ItemBatcher':{'MaxInputBytesPerBatch':64,'BatchInput':{'b':1}},");
  }

  private static Arbitrary<String> writer(boolean jsonata) {
    String arguments = jsonata ? "Arguments" : "Parameters";
    return Arbitraries.of(
        "",
        "'ResultWriter':{'WriterConfig':{'Transformation':'COMPACT','OutputType':'JSON'}},",
        "'ResultWriter':{'WriterConfig':{'Transformation':'FLATTEN','OutputType':'JSONL'}},",
        "'ResultWriter':{'WriterConfig':{'Transformation':'NONE','OutputType':'JSON'}},",
        "'ResultWriter':{'Resource':'arn:aws:states:::s3:putObject','"
            + arguments
            + "':{'Bucket':'out','Prefix':'p'}},",
        "'ResultWriter':{'Resource':'arn:aws:states:::s3:putObject','"
            + arguments
            + "':{'Bucket':'out'},"
            + "'WriterConfig':{'Transformation':'FLATTEN','OutputType':'JSONL'}},");
  }

  private static Arbitrary<String> limits(boolean jsonata) {
    return Arbitraries.of(
        "",
        "'MaxConcurrency':1,",
        "'ToleratedFailureCount':1,",
        "'ToleratedFailurePercentage':50,'MaxConcurrency':2,",
        "'Label':'Run',",
        jsonata
            ? "'MaxConcurrency':'{% 3 %}',"
            : "'MaxConcurrencyPath':'$$.Execution.Input.absent',");
  }

  private static Arbitrary<String> handling(boolean jsonata) {
    return Arbitraries.of(
        "",
        "'Retry':[{'ErrorEquals':['States.ALL'],'MaxAttempts':1,'IntervalSeconds':1}],",
        "'Catch':[{'ErrorEquals':['States.ALL'],'Next':'Recover'}],",
        jsonata
            ? "'Output':{'r':'{% $states.result %}'},'Assign':{'x':'{% $count($states.result) %}'},"
            : "'ResultPath':'$.r','ResultSelector':{'all.$':'$'},");
  }

  /** The processor's states: pass, fail on some items, wait, or a nested inline Map. */
  private static Arbitrary<String> body(boolean jsonata) {
    return Arbitraries.of(
        "{'P':{'Type':'Pass','End':true}}",
        "{'P':{'Type':'Wait','Seconds':2,'End':true}}",
        jsonata
            ? "{'P':{'Type':'Choice','Choices':[{'Condition':'{% $states.input = 2 %}','Next':'F'}],'Default':'S'},"
                + "'F':{'Type':'Fail','Error':'Two','Cause':'item 2'},'S':{'Type':'Succeed'}}"
            : "{'P':{'Type':'Choice','Choices':[{'Variable':'$','NumericEquals':2,'Next':'F'}],'Default':'S'},"
                + "'F':{'Type':'Fail','Error':'Two','Cause':'item 2'},'S':{'Type':'Succeed'}}",
        "{'P':{'Type':'Map','ItemsPath':'$$.Execution.Input.none','End':true,'ItemProcessor':{'StartAt':'Q','States':{'Q':{'Type':'Pass','End':true}}}}}"
            .replace(
                "'ItemsPath':'$$.Execution.Input.none',",
                jsonata ? "'Items':'{% [] %}'," : "'ItemsPath':'$$.Execution.Input.none',"));
  }
}
