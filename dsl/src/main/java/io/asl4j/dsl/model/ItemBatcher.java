package io.asl4j.dsl.model;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A distributed Map's {@code ItemBatcher}: groups items into batches, one child execution each.
 * Numbers may be JSONata strings; every component is {@code null} when absent.
 */
public record ItemBatcher(
    JsonNode maxItemsPerBatch,
    String maxItemsPerBatchPath,
    JsonNode maxInputBytesPerBatch,
    String maxInputBytesPerBatchPath,
    JsonNode batchInput) {}
