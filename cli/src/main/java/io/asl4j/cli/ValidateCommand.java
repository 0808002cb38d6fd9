package io.asl4j.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asl4j.dsl.json.AslSource;
import io.asl4j.dsl.json.AslWriter;
import io.asl4j.dsl.validate.AwsDiagnostics;
import io.asl4j.dsl.validate.Problem;
import io.asl4j.dsl.validate.ValidationOptions;
import io.asl4j.dsl.validate.ValidationResult;
import io.asl4j.dsl.validate.Validator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code asl4j validate FILE...}: one line per problem, {@code FILE:POINTER: error|warning [Tag]
 * message} ({@code FILE:LINE:COLUMN: POINTER: ...} for YAML); or, with {@code --format aws}, what
 * AWS's ValidateStateMachineDefinition answers.
 */
@Command(
    name = "validate",
    description = {
      "Checks state machine definitions as AWS would when creating them, and a little more.",
      "Prints one line per problem: FILE:POINTER: error|warning [Tag] message",
      "(FILE:LINE:COLUMN: POINTER: ... for YAML definitions, named *.yaml or *.yml).",
      "With --format aws, prints what AWS's ValidateStateMachineDefinition returns instead:",
      "{\"result\": OK|FAIL, \"diagnostics\": [{severity, code, message, location}], \"truncated\"},"
          + " one object per file.",
      "Exit status: 0 all valid (warnings allowed), 1 some definition invalid,"
          + " 2 a file unreadable or a usage error."
    })
final class ValidateCommand implements Callable<Integer> {
  /** How problems are printed. */
  enum OutputFormat {
    text,
    aws
  }

  @Spec CommandSpec spec;

  @Parameters(
      arity = "1..*",
      paramLabel = "FILE",
      description = "ASL definitions (JSON, or YAML if named *.yaml or *.yml).")
  List<Path> files;

  @Mixin StateMachineTypeOption typeOption;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "text (one line per problem) or aws (ValidateStateMachineDefinition's JSON).")
  OutputFormat format;

  @Option(
      names = "--severity",
      paramLabel = "SEVERITY",
      defaultValue = "ERROR",
      description =
          "With --format aws: ERROR lists errors only (AWS's default), WARNING lists warnings too.")
  Problem.Severity severity;

  @Option(
      names = "--max-results",
      paramLabel = "N",
      defaultValue = "0",
      description = "With --format aws: list at most N diagnostics (0: AWS's default of 100).")
  int maxResults;

  @Override
  public Integer call() {
    if (maxResults < 0) {
      throw new ParameterException(
          spec.commandLine(), "--max-results must be at least 0, but is " + maxResults);
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ValidationOptions options = ValidationOptions.forType(typeOption.type);
    int status = ExitStatus.OK;
    for (Path file : files) {
      try {
        AslSource source = DefinitionFiles.readSource(file);
        ValidationResult result = validate(source, options);
        if (format == OutputFormat.aws) {
          ObjectNode answer = AwsDiagnostics.of(result, severity, maxResults).toJson();
          out.print(files.size() == 1 ? AslWriter.pretty(answer) : answer + "\n");
        } else {
          for (Problem problem : result.problems()) {
            out.println(DefinitionFiles.describe(file, source, problem));
          }
        }
        if (!result.isValid()) {
          status = Math.max(status, ExitStatus.INVALID);
        }
      } catch (UnreadableFileException e) {
        err.println(e.getMessage());
        status = Math.max(status, ExitStatus.UNUSABLE);
      }
    }
    out.flush();
    err.flush();
    return status;
  }

  /** The text as given is what AWS receives for JSON; YAML is sent as its JSON. */
  static ValidationResult validate(AslSource source, ValidationOptions options) {
    return Validator.validateTree(source.tree(), options, source.jsonLength());
  }
}
