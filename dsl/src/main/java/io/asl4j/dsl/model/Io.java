package io.asl4j.dsl.model;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The input and output processing fields of a state, in both query languages.
 *
 * <p>JSONPath: {@code InputPath}, {@code Parameters}, {@code ResultSelector}, {@code ResultPath},
 * {@code OutputPath}. JSONata: {@code Arguments}, {@code Output}. Both: {@code Assign}. Which of
 * them a state may carry depends on its type and query language; the validator checks that. Every
 * component is {@code null} when the field is absent.
 */
public record Io(
    NullablePath inputPath,
    JsonNode parameters,
    JsonNode resultSelector,
    NullablePath resultPath,
    NullablePath outputPath,
    JsonNode arguments,
    JsonNode output,
    JsonNode assign) {

  /** No input or output processing field at all. */
  public static final Io NONE = new Io(null, null, null, null, null, null, null, null);

  public Io withInputPath(NullablePath value) {
    return new Io(
        value, parameters, resultSelector, resultPath, outputPath, arguments, output, assign);
  }

  public Io withParameters(JsonNode value) {
    return new Io(
        inputPath, value, resultSelector, resultPath, outputPath, arguments, output, assign);
  }

  public Io withResultSelector(JsonNode value) {
    return new Io(inputPath, parameters, value, resultPath, outputPath, arguments, output, assign);
  }

  public Io withResultPath(NullablePath value) {
    return new Io(
        inputPath, parameters, resultSelector, value, outputPath, arguments, output, assign);
  }

  public Io withOutputPath(NullablePath value) {
    return new Io(
        inputPath, parameters, resultSelector, resultPath, value, arguments, output, assign);
  }

  public Io withArguments(JsonNode value) {
    return new Io(
        inputPath, parameters, resultSelector, resultPath, outputPath, value, output, assign);
  }

  public Io withOutput(JsonNode value) {
    return new Io(
        inputPath, parameters, resultSelector, resultPath, outputPath, arguments, value, assign);
  }

  public Io withAssign(JsonNode value) {
    return new Io(
        inputPath, parameters, resultSelector, resultPath, outputPath, arguments, output, value);
  }
}
