package io.asl4j.cli;

import io.asl4j.dsl.json.AslReader;
import io.asl4j.dsl.json.AslSource;
import io.asl4j.dsl.json.AslWriter;
import io.asl4j.dsl.model.StateMachine;
import io.asl4j.dsl.validate.Problem;
import io.asl4j.dsl.validate.ValidationOptions;
import io.asl4j.dsl.validate.ValidationResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code asl4j format FILE}: the definition in canonical form on standard output. */
@Command(
    name = "format",
    description = {
      "Prints a definition in canonical form: fields in ASL order, two-space indentation.",
      "Reads JSON, or YAML if the file is named *.yaml or *.yml; --to yaml prints YAML.",
      "An invalid definition is not printed; its problems go to standard error.",
      "Exit status: 0 printed, 1 invalid, 2 unreadable or a usage error."
    })
final class FormatCommand implements Callable<Integer> {
  /** The notation printed. */
  enum Notation {
    json,
    yaml
  }

  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "FILE",
      description = "An ASL definition (JSON, or YAML if named *.yaml or *.yml).")
  Path file;

  @Option(
      names = "--to",
      paramLabel = "NOTATION",
      defaultValue = "json",
      description = "json (default) or yaml.")
  Notation to;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      AslSource source = DefinitionFiles.readSource(file);
      ValidationResult result = ValidateCommand.validate(source, ValidationOptions.defaults());
      if (!result.isValid()) {
        for (Problem problem : result.problems()) {
          err.println(DefinitionFiles.describe(file, source, problem));
        }
        err.flush();
        return ExitStatus.INVALID;
      }
      StateMachine machine = AslReader.read(source.tree());
      out.print(to == Notation.yaml ? AslWriter.writeYaml(machine) : AslWriter.write(machine));
      out.flush();
      return ExitStatus.OK;
    } catch (UnreadableFileException e) {
      err.println(e.getMessage());
      err.flush();
      return ExitStatus.UNUSABLE;
    }
  }
}
