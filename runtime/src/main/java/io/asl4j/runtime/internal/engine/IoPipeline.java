package io.asl4j.runtime.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asl4j.dsl.expression.AslPath;
import io.asl4j.dsl.model.Catcher;
import io.asl4j.dsl.model.Io;
import io.asl4j.dsl.model.NullablePath;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A state's input and output processing, in ASL's order. JSONPath: InputPath → Parameters → (the
 * state's work) → ResultSelector → ResultPath → OutputPath, and Assign. JSONata: Arguments → (the
 * state's work) → Output, and Assign. Each intermediate value is shown to the run's observer
 * (TestState reports them).
 */
final class IoPipeline {
  private IoPipeline() {}

  /** JSONPath: InputPath then Parameters. JSONata: Arguments (or the raw input). */
  static JsonNode effectiveInput(Step step, Io io) {
    Data data = step.run.data();
    if (step.jsonata) {
      JsonNode arguments =
          io.arguments() == null
              ? step.rawInput
              : step.checkSize(
                  data.jsonata(
                      io.arguments(), "Arguments", statesVariable(step, null, null), step));
      step.inspect("afterArguments", arguments);
      return arguments;
    }
    JsonNode afterInputPath = applyPath(step, io.inputPath(), step.rawInput);
    step.inspect("afterInputPath", afterInputPath);
    // Without Parameters the effective input is (part of) the state's input, which was checked.
    JsonNode afterParameters =
        io.parameters() == null
            ? afterInputPath
            : step.checkSize(data.template(io.parameters(), afterInputPath, step));
    step.inspect("afterParameters", afterParameters);
    return afterParameters;
  }

  static JsonNode applyPath(Step step, NullablePath path, JsonNode value) {
    if (path == null) {
      return value;
    }
    if (path.isDiscard()) {
      return ExecutionRun.NODES.objectNode();
    }
    return step.run.data().path(path.path(), value, step);
  }

  /**
   * JSONPath: ResultSelector → ResultPath into the raw input → OutputPath, and Assign with {@code
   * $} = the selected result. JSONata: Output (default the result) and Assign.
   */
  static Completed complete(Step step, Io io, JsonNode result) {
    Data data = step.run.data();
    JsonNode rawInput = step.rawInput;
    step.inspect("result", result);
    if (step.jsonata) {
      JsonNode states = statesVariable(step, result, null);
      JsonNode out =
          io.output() == null
              ? (result == null ? rawInput : result)
              : data.jsonata(io.output(), "Output", states, step);
      return new Completed(out, assignJsonata(step, io.assign(), states, "Assign"));
    }
    JsonNode selected =
        io.resultSelector() == null || result == null
            ? result
            : data.template(io.resultSelector(), result, step);
    step.inspect("afterResultSelector", selected);
    JsonNode merged;
    NullablePath resultPath = io.resultPath();
    if (result == null) {
      merged = rawInput;
    } else if (resultPath == null) {
      merged = selected;
    } else if (resultPath.isDiscard()) {
      merged = rawInput;
    } else {
      StatePlan plan = step.plan;
      AslPath compiled =
          io == step.state.io() && plan.resultPath != null
              ? plan.resultPath
              : data.compiledResultPath(resultPath.path());
      merged = data.merge(rawInput, compiled, selected);
      step.frame.rememberMergedSize(rawInput, compiled, selected, merged);
    }
    step.inspect("afterResultPath", merged);
    JsonNode out = applyPath(step, io.outputPath(), merged);
    Map<String, JsonNode> assigned =
        assignJsonPath(
            step,
            io.assign(),
            result == null ? applyPath(step, io.inputPath(), rawInput) : selected);
    return new Completed(out, assigned);
  }

  /**
   * A Catcher's way out: the error output through the catcher's ResultPath (JSONPath) or Output
   * (JSONata), and its Assign.
   */
  static Completed caught(Step step, Catcher catcher, ObjectNode errorOutput) {
    Data data = step.run.data();
    if (step.jsonata) {
      JsonNode states = statesVariable(step, null, errorOutput);
      JsonNode out =
          catcher.output() == null
              ? errorOutput
              : data.jsonata(catcher.output(), "Output", states, step);
      return new Completed(out, assignJsonata(step, catcher.assign(), states, "Assign"));
    }
    JsonNode out;
    NullablePath resultPath = catcher.resultPath();
    if (resultPath == null) {
      out = errorOutput;
    } else if (resultPath.isDiscard()) {
      out = step.rawInput;
    } else {
      out = data.merge(step.rawInput, resultPath.path(), errorOutput);
    }
    return new Completed(out, assignJsonPath(step, catcher.assign(), errorOutput));
  }

  static Map<String, JsonNode> assignJsonPath(Step step, JsonNode assign, JsonNode dollar) {
    if (assign == null) {
      return Map.of();
    }
    JsonNode values = step.run.data().template(assign, dollar, step);
    Map<String, JsonNode> assigned = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = values.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      assigned.put(e.getKey(), e.getValue());
    }
    return assigned;
  }

  static Map<String, JsonNode> assignJsonata(
      Step step, JsonNode assign, JsonNode states, String field) {
    if (assign == null) {
      return Map.of();
    }
    Data data = step.run.data();
    Map<String, JsonNode> assigned = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = assign.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      assigned.put(e.getKey(), data.jsonata(e.getValue(), field + "/" + e.getKey(), states, step));
    }
    return assigned;
  }

  /** The {@code $states} variable of JSONata. */
  static JsonNode statesVariable(Step step, JsonNode result, JsonNode errorOutput) {
    ObjectNode states = ExecutionRun.NODES.objectNode();
    states.set("input", step.rawInput);
    states.set("context", step.context());
    if (result != null) {
      states.set("result", result);
    }
    if (errorOutput != null) {
      states.set("errorOutput", errorOutput);
    }
    return states;
  }
}
