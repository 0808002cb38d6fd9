package io.asl4j.runtime.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** A state's output and the variables it assigns (applied when it exits). */
record Completed(JsonNode output, Map<String, JsonNode> assigned) {}
