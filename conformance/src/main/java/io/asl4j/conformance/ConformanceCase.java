package io.asl4j.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One AWS-recorded conformance case: a state machine, its input and what AWS answered.
 *
 * <p>Parts a category does not have are {@code null}: {@code test_state} and {@code validation}
 * cases have no top-level {@code input}, most cases have no {@code history}. Their whole document
 * stays available as {@link #raw()} (for {@code request}, {@code s3Objects}, ...).
 *
 * @param id the case id, {@code <feature>/<Class.test[param]>}
 * @param category {@code pure}, {@code lambda}, {@code service}, {@code test_state} or {@code
 *     validation}
 * @param folder the feature folder, e.g. {@code choice_operators}
 * @param relativePath {@code category/folder/file.json}, the same whatever folder was loaded
 * @param queryLanguages every query language in effect in the machine (may be empty)
 * @param stateMachineType {@code STANDARD} or {@code EXPRESS}; {@code null} when absent
 * @param definition the definition sent to CreateStateMachine; {@code null} when absent
 * @param input the execution input ({@code NullNode} for a JSON null); {@code null} when absent
 * @param inputRaw the exact input text given to StartExecution; {@code null} when absent
 * @param expected what AWS recorded
 * @param history the recorded execution history, an array; {@code null} when absent
 * @param lambdas the mocked Lambda functions by name (lambda cases only, else empty)
 * @param normalizedTokens the redaction tokens present in {@code expected}
 * @param redactionLiterals the literal replacements of this case's own redactions
 * @param snapshotTransformers the test-specific redactions the recorder applied
 * @param trust {@code source.trust}; {@code null} when absent
 * @param raw the whole case document
 */
public record ConformanceCase(
    String id,
    String category,
    String folder,
    String relativePath,
    List<String> queryLanguages,
    String stateMachineType,
    JsonNode definition,
    JsonNode input,
    String inputRaw,
    Expected expected,
    JsonNode history,
    Map<String, LambdaMock> lambdas,
    List<String> normalizedTokens,
    List<String> redactionLiterals,
    List<JsonNode> snapshotTransformers,
    String trust,
    JsonNode raw) {

  public ConformanceCase {
    queryLanguages = List.copyOf(queryLanguages);
    lambdas = Map.copyOf(lambdas);
    normalizedTokens = List.copyOf(normalizedTokens);
    redactionLiterals = List.copyOf(redactionLiterals);
    snapshotTransformers = List.copyOf(snapshotTransformers);
  }

  /**
   * The recorded result. An absent part is {@link Optional#empty()}, a recorded JSON null is {@code
   * Optional.of(NullNode)}.
   *
   * @param status {@code SUCCEEDED}, {@code FAILED}, {@code TIMED_OUT}, {@code ABORTED}, or a
   *     TestState status
   * @param output the output, already parsed (a string when {@code outputUnparsed})
   * @param outputUnparsed the output text could not be parsed because redaction broke it
   * @param error the error name
   * @param cause the cause: a string, or the parsed object when the text started with <code>{
   *     </code>
   * @param raw the whole {@code expected} object (for TestState and validation fields)
   */
  public record Expected(
      Optional<String> status,
      Optional<JsonNode> output,
      boolean outputUnparsed,
      Optional<String> error,
      Optional<JsonNode> cause,
      JsonNode raw) {}

  /** The key used in reports and in the known-failures file: {@code category/id}. */
  public String key() {
    return category + "/" + id;
  }

  /**
   * The mocked function a {@code FunctionName} or {@code Resource} names, in any form Lambda
   * accepts: a name, {@code name:qualifier}, a full ARN or a partial {@code account:function:name}
   * ARN. Empty when the case mocks no such function, as Lambda would answer {@code
   * ResourceNotFoundException}.
   */
  public Optional<LambdaMock> lambdaFor(String functionNameOrArn) {
    String name = functionNameOrArn;
    int function = name.indexOf("function:");
    if (function >= 0) {
      name = name.substring(function + "function:".length());
    }
    int qualifier = name.indexOf(':');
    String bare = qualifier < 0 ? name : name.substring(0, qualifier);
    return Optional.ofNullable(lambdas.get(bare))
        .or(
            () ->
                lambdas.values().stream()
                    .filter(m -> functionNameOrArn.equals(m.arn()))
                    .findFirst());
  }

  /** Whether the recorder reordered Parallel branch events in {@link #history()}. */
  public boolean reordersParallelBranches() {
    return snapshotTransformers.stream()
        .anyMatch(t -> "SfnNoneRecursiveParallelTransformer".equals(t.path("type").asText()));
  }
}
