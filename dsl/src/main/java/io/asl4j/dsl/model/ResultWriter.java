package io.asl4j.dsl.model;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A distributed Map's {@code ResultWriter}: where the child results are written.
 *
 * @param resource {@code Resource} ({@code arn:aws:states:::s3:putObject}), or {@code null}
 * @param writerConfig {@code WriterConfig}, or {@code null}
 */
public record ResultWriter(
    String resource, JsonNode parameters, JsonNode arguments, WriterConfig writerConfig) {

  /** {@code WriterConfig}: {@code OutputType} (JSON, JSONL) and {@code Transformation}. */
  public record WriterConfig(String outputType, String transformation) {}
}
