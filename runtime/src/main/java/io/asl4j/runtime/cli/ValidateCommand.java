package io.asl4j.runtime.cli;

import io.asl4j.dsl.model.StateMachineType;
import io.asl4j.dsl.validate.Problem;
import io.asl4j.dsl.validate.ValidationOptions;
import io.asl4j.dsl.validate.ValidationResult;
import io.asl4j.dsl.validate.Validator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code asl4j validate FILE...}: one line per problem, {@code FILE:POINTER: error|warning [Tag]
 * message}.
 */
@Command(
    name = "validate",
    description = {
      "Checks state machine definitions as AWS would when creating them, and a little more.",
      "Prints one line per problem: FILE:POINTER: error|warning [Tag] message.",
      "Exit status: 0 all valid (warnings allowed), 1 some definition invalid,"
          + " 2 a file unreadable or a usage error."
    })
final class ValidateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "ASL definitions (JSON).")
  List<Path> files;

  @Option(
      names = "--type",
      paramLabel = "TYPE",
      defaultValue = "STANDARD",
      description = "State machine type: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  StateMachineType type;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ValidationOptions options = ValidationOptions.forType(type);
    int status = ExitStatus.OK;
    for (Path file : files) {
      try {
        ValidationResult result = Validator.validateJson(DefinitionFiles.readDefinition(file), options);
        for (Problem problem : result.problems()) {
          out.println(file + ":" + problem);
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
}
