package io.asl4j.dsl.validate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A {@link ValidationResult} as AWS's {@code ValidateStateMachineDefinition} answers: {@code
 * result} OK or FAIL, {@code diagnostics} with AWS's {@code severity}, {@code code}, {@code
 * message} and {@code location}, and {@code truncated}.
 *
 * <pre>{@code
 * AwsDiagnostics answer = AwsDiagnostics.of(Validator.validateJson(text), Problem.Severity.WARNING, 100);
 * answer.toJson();  // {"result":"FAIL","diagnostics":[{"severity":"ERROR","code":"MISSING_TRANSITION_TARGET",...}],"truncated":false}
 * }</pre>
 *
 * <p>As AWS does, {@code result} is FAIL when the definition has any error, whatever {@code
 * severity} and {@code maxResults} leave out. Warnings only asl4j gives (they have no AWS code, see
 * {@link #code(Problem)}) are not part of AWS's answer.
 */
public final class AwsDiagnostics {
  /** AWS's default and largest {@code maxResults}. */
  public static final int MAX_RESULTS = 100;

  /** The warnings AWS documents, by asl4j tag. */
  private static final Map<String, String> WARNING_CODES =
      Map.of(
          "NoDollar", "NO_DOLLAR",
          "NoPath", "NO_PATH",
          "PassResultIsStatic", "PASS_RESULT_IS_STATIC");

  /** The errors AWS reports with a code of their own; every other error is a schema error. */
  private static final Map<String, String> ERROR_CODES =
      Map.of(
          "NoTerminalState", "MISSING_END_STATE",
          "DuplicateStateName", "DUPLICATE_STATE_NAME",
          "EmptyStateName", "INVALID_STATE_NAME",
          "StateNameTooLong", "INVALID_STATE_NAME",
          "UnknownState", "MISSING_TRANSITION_TARGET",
          "CrossScopeTransition", "MISSING_TRANSITION_TARGET",
          "UnreachableState", "MISSING_TRANSITION_TARGET");

  /** OK when the definition has no error. */
  public enum Result {
    OK,
    FAIL
  }

  /** One diagnostic, as AWS words it: {@code severity} is ERROR or WARNING. */
  public record Diagnostic(String severity, String code, String message, String location) {
    public Diagnostic {
      Objects.requireNonNull(severity, "severity == null");
      Objects.requireNonNull(code, "code == null");
      Objects.requireNonNull(message, "message == null");
      Objects.requireNonNull(location, "location == null");
    }
  }

  private final Result result;
  private final List<Diagnostic> diagnostics;
  private final boolean truncated;

  private AwsDiagnostics(Result result, List<Diagnostic> diagnostics, boolean truncated) {
    this.result = result;
    this.diagnostics = List.copyOf(diagnostics);
    this.truncated = truncated;
  }

  /**
   * AWS's answer for a result.
   *
   * @param severity the least severity to list: ERROR lists errors only (AWS's default), WARNING
   *     lists both
   * @param maxResults how many diagnostics to list at most; 0 means AWS's default of {@value
   *     #MAX_RESULTS}
   * @throws IllegalArgumentException when {@code maxResults} is negative
   */
  public static AwsDiagnostics of(
      ValidationResult result, Problem.Severity severity, int maxResults) {
    Objects.requireNonNull(result, "result == null");
    Objects.requireNonNull(severity, "severity == null");
    if (maxResults < 0) {
      throw new IllegalArgumentException("maxResults must be at least 0, but is " + maxResults);
    }
    int limit = maxResults == 0 ? MAX_RESULTS : maxResults;
    List<Diagnostic> all = new ArrayList<>();
    for (Problem problem : result.problems()) {
      String code = code(problem);
      if (code == null || (!problem.isError() && severity == Problem.Severity.ERROR)) {
        continue;
      }
      all.add(
          new Diagnostic(
              problem.isError() ? "ERROR" : "WARNING",
              code,
              problem.message(),
              problem.location()));
    }
    boolean truncated = all.size() > limit;
    return new AwsDiagnostics(
        result.isValid() ? Result.OK : Result.FAIL,
        truncated ? all.subList(0, limit) : all,
        truncated);
  }

  /**
   * AWS's code for a problem: {@code SCHEMA_VALIDATION_FAILED} for most errors (AWS words its
   * CreateStateMachine rejections of unknown resources, Express limits, missing fields and bad
   * paths that way), a code of its own for the graph rules, {@code INVALID_JSON_DESCRIPTION} and
   * {@code MISSING_DESCRIPTION} for text that is no definition, and the three documented warning
   * codes. Null for a warning only asl4j gives.
   */
  public static String code(Problem problem) {
    Objects.requireNonNull(problem, "problem == null");
    if (!problem.isError()) {
      return WARNING_CODES.get(problem.tag());
    }
    if (problem.tag().equals("InvalidJson")) {
      return problem.message().startsWith("the text is empty")
          ? "MISSING_DESCRIPTION"
          : "INVALID_JSON_DESCRIPTION";
    }
    if (problem.tag().equals("NotAnObject") || problem.tag().equals("InvalidYaml")) {
      return "INVALID_JSON_DESCRIPTION";
    }
    return ERROR_CODES.getOrDefault(problem.tag(), "SCHEMA_VALIDATION_FAILED");
  }

  /** OK, or FAIL when the definition has an error. */
  public Result result() {
    return result;
  }

  /** The diagnostics listed, in document order. */
  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  /** Whether more diagnostics were found than {@code maxResults} allowed to list. */
  public boolean truncated() {
    return truncated;
  }

  /** The answer as AWS's JSON: {@code {"result", "diagnostics": [...], "truncated"}}. */
  public ObjectNode toJson() {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("result", result.name());
    ArrayNode list = json.putArray("diagnostics");
    for (Diagnostic diagnostic : diagnostics) {
      ObjectNode d = list.addObject();
      d.put("severity", diagnostic.severity());
      d.put("code", diagnostic.code());
      d.put("message", diagnostic.message());
      d.put("location", diagnostic.location());
    }
    json.put("truncated", truncated);
    return json;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AwsDiagnostics other
        && result == other.result
        && truncated == other.truncated
        && diagnostics.equals(other.diagnostics);
  }

  @Override
  public int hashCode() {
    return Objects.hash(result, diagnostics, truncated);
  }

  @Override
  public String toString() {
    return toJson().toString();
  }
}
