package io.asl4j.runtime.internal.testing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The state machines of the AWS-recorded corpus (../shared/conformance), read as the runtime's own
 * property tests need them: definition, input, type and mocked Lambda ARNs. The conformance
 * module's harness reads the same files in full (expected results, handlers); the runtime cannot
 * depend on it, since it depends on the runtime.
 *
 * @param key {@code category/id}, as the conformance reports name a case
 * @param definition the definition sent to CreateStateMachine (a JSON object)
 * @param input the execution input; {@code null} when the case has none
 * @param express whether the case ran as an EXPRESS state machine
 * @param lambdaArns the ARNs of the Lambda functions the case mocks
 */
public record CorpusMachine(
    String key, JsonNode definition, JsonNode input, boolean express, List<String> lambdaArns) {
  // As the harness reads them: trailing text after the JSON value makes a file no case.
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /**
   * Every case under {@code dir} of one of {@code categories} with an object definition, sorted by
   * path; files that are not such a case are passed over.
   *
   * @throws IOException when the folder cannot be listed
   */
  public static List<CorpusMachine> load(Path dir, Set<String> categories) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    List<CorpusMachine> out = new ArrayList<>();
    for (Path file : files) {
      JsonNode doc;
      try {
        doc = JSON.readTree(file.toFile());
      } catch (IOException malformed) {
        continue; // the conformance suite reports it; here it is no machine to run
      }
      String category = doc.path("category").asText("");
      if (categories.contains(category) && doc.path("definition").isObject()) {
        List<String> arns = new ArrayList<>();
        doc.path("lambdas")
            .forEach(
                lambda -> {
                  if (lambda.path("arn").isTextual()) {
                    arns.add(lambda.path("arn").textValue());
                  }
                });
        out.add(
            new CorpusMachine(
                category + "/" + doc.path("id").asText(),
                doc.get("definition"),
                doc.get("input"),
                "EXPRESS".equals(doc.path("stateMachineType").asText()),
                List.copyOf(arns)));
      }
    }
    return out;
  }
}
