package io.asl4j.runtime.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asl4j.dsl.model.MapState;
import io.asl4j.runtime.StatesError;

/** A distributed Map's ResultWriter: exports the child executions of one attempt's Map Run. */
final class MapResultWriter {
  private final ExecutionRun run;
  private final Step step;
  private final MapState map;
  private final JsonNode effective;

  MapResultWriter(ExecutionRun run, Step step, MapState map, JsonNode effective) {
    this.run = run;
    this.step = step;
    this.map = map;
    this.effective = effective;
  }

  /**
   * ResultWriter: the child executions go to S3 as AWS exports them, by status, into {@code
   * <Prefix>/<Map Run id>/}: {@code SUCCEEDED_0.json}, {@code FAILED_0.json} (failed, timed out and
   * aborted children) and {@code PENDING_0.json} (children never started), each file written only
   * when it has entries, plus a {@code manifest.json} naming them. The Map's result says where, as
   * AWS's does.
   */
  JsonNode write(MapRunRecord mapRun, ArrayNode items) {
    io.asl4j.dsl.model.ResultWriter writer = map.resultWriter();
    if (!map.isDistributed()) {
      throw new StatesError(
          "States.ResultWriterFailed",
          "A ResultWriter exports the child executions of a distributed Map's Map Run, and this Map"
              + " is inline: set ItemProcessor.ProcessorConfig.Mode to DISTRIBUTED, or remove the ResultWriter.");
    }
    if (writer.resource() == null) {
      // Only WriterConfig: the results come back in the state's output, shaped as configured
      // (JSON Lines is a file format: in a state's output they stay a JSON array).
      ArrayNode shaped = ExecutionRun.NODES.arrayNode();
      for (ChildRun child : mapRun.children()) {
        addExported(shaped, child, transformation());
      }
      return shaped;
    }
    String manifest = writeResultFiles(mapRun, items);
    ObjectNode result = ExecutionRun.NODES.objectNode();
    result.put("MapRunArn", mapRun.arn());
    result
        .putObject("ResultWriterDetails")
        .put("Bucket", resultWriterParameters().path("Bucket").asText())
        .put("Key", manifest);
    return result;
  }

  /**
   * A Map Run that failed still exports what its children did, as AWS does (that is what {@code
   * PENDING_0.json} is for). The Map fails with the Map Run's error either way, so an export that
   * cannot be written (no S3 objects configured, say) adds nothing to report.
   */
  void writeOfFailedRun(MapRunRecord mapRun, ArrayNode items) {
    if (map.resultWriter() == null
        || map.resultWriter().resource() == null
        || run.setup().s3() == null) {
      return;
    }
    try {
      writeResultFiles(mapRun, items);
    } catch (StatesError e) {
      // The Map Run's own error is the one the Map state reports.
    }
  }

  /** The evaluated {@code Parameters}/{@code Arguments} of the ResultWriter, evaluated once. */
  private JsonNode writerParameters;

  private JsonNode resultWriterParameters() {
    if (writerParameters == null) {
      io.asl4j.dsl.model.ResultWriter writer = map.resultWriter();
      Data data = run.setup().data();
      writerParameters =
          writer.arguments() != null
              ? data.jsonata(
                  writer.arguments(),
                  "ResultWriter/Arguments",
                  step.statesVariable(null, null),
                  step)
              : writer.parameters() != null
                  ? data.template(writer.parameters(), effective, step)
                  : ExecutionRun.NODES.objectNode();
    }
    return writerParameters;
  }

  /** Writes the result files and the manifest; returns the manifest's key. */
  private String writeResultFiles(MapRunRecord mapRun, ArrayNode items) {
    io.asl4j.runtime.services.S3Objects s3 = run.setup().s3();
    if (s3 == null) {
      throw new StatesError(
          "States.ResultWriterFailed",
          "no S3 objects are configured for this local state machine (LocalStateMachine.Builder.s3(...))");
    }
    JsonNode parameters = resultWriterParameters();
    String bucket = parameters.path("Bucket").asText();
    String prefix = parameters.path("Prefix").asText("");
    String folder =
        (prefix.isEmpty() ? "" : prefix.endsWith("/") ? prefix : prefix + "/") + mapRun.id() + "/";
    java.util.List<ChildRun> started = mapRun.children();
    java.util.List<ChildRun> succeeded = new java.util.ArrayList<>();
    java.util.List<ChildRun> failed = new java.util.ArrayList<>();
    for (ChildRun child : started) {
      (child.status() == io.asl4j.runtime.ExecutionStatus.SUCCEEDED ? succeeded : failed)
          .add(child);
    }
    ObjectNode manifest = ExecutionRun.NODES.objectNode();
    manifest.put("DestinationBucket", bucket);
    manifest.put("MapRunArn", mapRun.arn());
    ObjectNode files = manifest.putObject("ResultFiles");
    String transformation = transformation();
    ArrayNode failedEntries = ExecutionRun.NODES.arrayNode();
    failed.forEach(child -> addExported(failedEntries, child, transformation));
    ArrayNode pendingEntries = ExecutionRun.NODES.arrayNode();
    for (int i = started.size(); i < items.size(); i++) {
      pendingEntries.addObject().put("Input", HistoryDetails.text(items.get(i)));
    }
    ArrayNode succeededEntries = ExecutionRun.NODES.arrayNode();
    succeeded.forEach(child -> addExported(succeededEntries, child, transformation));
    boolean lines = "JSONL".equals(outputType());
    writeResultFile(s3, bucket, folder, "FAILED", failedEntries, files, lines);
    writeResultFile(s3, bucket, folder, "PENDING", pendingEntries, files, lines);
    writeResultFile(s3, bucket, folder, "SUCCEEDED", succeededEntries, files, lines);
    s3.put(bucket, folder + "manifest.json", manifest.toString());
    java.util.List<ChildRun> written = new java.util.ArrayList<>(failed);
    written.addAll(succeeded);
    mapRun.resultsWritten(written);
    return folder + "manifest.json";
  }

  /**
   * {@code WriterConfig.Transformation}: as written, else {@code NONE} when the results go to S3
   * and {@code COMPACT} when they come back in the state's output, AWS's defaults.
   */
  private String transformation() {
    io.asl4j.dsl.model.ResultWriter writer = map.resultWriter();
    io.asl4j.dsl.model.ResultWriter.WriterConfig config = writer.writerConfig();
    if (config != null && config.transformation() != null) {
      return config.transformation();
    }
    return writer.resource() == null ? "COMPACT" : "NONE";
  }

  /** {@code WriterConfig.OutputType}: {@code JSON} (the default) or {@code JSONL}. */
  private String outputType() {
    io.asl4j.dsl.model.ResultWriter.WriterConfig config = map.resultWriter().writerConfig();
    return config == null || config.outputType() == null ? "JSON" : config.outputType();
  }

  /**
   * One child's result as {@code transformation} shapes it: {@code NONE} the whole entry with its
   * metadata; {@code COMPACT} only a succeeded child's output; {@code FLATTEN} that output, an
   * array's elements one by one. A child that did not succeed keeps its whole entry (its error and
   * cause), whatever the transformation, as AWS documents.
   */
  private static void addExported(ArrayNode into, ChildRun child, String transformation) {
    boolean succeeded = child.status() == io.asl4j.runtime.ExecutionStatus.SUCCEEDED;
    if (!succeeded || "NONE".equals(transformation)) {
      into.add(resultEntry(child));
    } else if ("FLATTEN".equals(transformation)
        && child.output() != null
        && child.output().isArray()) {
      child.output().forEach(into::add);
    } else {
      into.add(
          child.output() == null
              ? com.fasterxml.jackson.databind.node.NullNode.getInstance()
              : child.output());
    }
  }

  /**
   * Writes one result file, {@code <STATUS>_0.json} (a JSON array) or, for {@code OutputType
   * JSONL}, {@code <STATUS>_0.jsonl} (one entry a line), when it has entries.
   */
  private static void writeResultFile(
      io.asl4j.runtime.services.S3Objects s3,
      String bucket,
      String folder,
      String status,
      ArrayNode entries,
      ObjectNode files,
      boolean lines) {
    ArrayNode listed = files.putArray(status);
    if (entries.isEmpty()) {
      return;
    }
    String key = folder + status + (lines ? "_0.jsonl" : "_0.json");
    String body;
    if (lines) {
      StringBuilder text = new StringBuilder();
      entries.forEach(entry -> text.append(entry).append('\n'));
      body = text.toString();
    } else {
      body = entries.toString();
    }
    s3.put(bucket, key, body);
    listed
        .addObject()
        .put("Key", key)
        .put("Size", body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
  }

  /**
   * One child as AWS's export describes it: its ARN, name, input and output (or error and cause) as
   * JSON text, status, dates and redrive fields.
   */
  private static ObjectNode resultEntry(ChildRun child) {
    ObjectNode entry = ExecutionRun.NODES.objectNode();
    io.asl4j.runtime.ExecutionStatus status = child.status();
    if (status != io.asl4j.runtime.ExecutionStatus.SUCCEEDED) {
      if (child.cause() != null) {
        entry.put("Cause", child.cause());
      }
      if (child.error() != null) {
        entry.put("Error", child.error());
      }
    }
    entry.put("ExecutionArn", child.arn());
    entry.put("Input", HistoryDetails.text(child.input()));
    entry.putObject("InputDetails").put("Included", true);
    entry.put("Name", child.name());
    if (status == io.asl4j.runtime.ExecutionStatus.SUCCEEDED) {
      entry.put("Output", HistoryDetails.text(child.output()));
      entry.putObject("OutputDetails").put("Included", true);
    }
    entry.put("RedriveCount", child.redriveCount());
    entry.put("RedriveStatus", child.redriveStatus().name());
    if (status == io.asl4j.runtime.ExecutionStatus.SUCCEEDED && !child.express()) {
      // AWS gives no reason for an Express child: those have no RedriveExecution of their own.
      entry.put("RedriveStatusReason", "Execution is SUCCEEDED and cannot be redriven");
    }
    entry.put("StartDate", RunSetup.timestamp(child.startDate().toEpochMilli()));
    entry.put("StateMachineArn", child.stateMachineArn());
    entry.put("Status", status.name());
    if (child.stopDate() != null) {
      entry.put("StopDate", RunSetup.timestamp(child.stopDate().toEpochMilli()));
    }
    return entry;
  }
}
