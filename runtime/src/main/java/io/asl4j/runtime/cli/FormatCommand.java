package io.asl4j.runtime.cli;

import io.asl4j.dsl.json.AslReader;
import io.asl4j.dsl.json.AslWriter;
import io.asl4j.dsl.validate.Problem;
import io.asl4j.dsl.validate.ValidationResult;
import io.asl4j.dsl.validate.Validator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code asl4j format FILE}: the definition in canonical form on standard output. */
@Command(
    name = "format",
    description = {
      "Prints a definition in canonical form: fields in ASL order, two-space indentation.",
      "An invalid definition is not printed; its problems go to standard error.",
      "Exit status: 0 printed, 1 invalid, 2 unreadable or a usage error."
    })
final class FormatCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "An ASL definition (JSON).")
  Path file;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      String text = DefinitionFiles.readDefinition(file);
      ValidationResult result = Validator.validateJson(text);
      if (!result.isValid()) {
        for (Problem problem : result.problems()) {
          err.println(file + ":" + problem);
        }
        err.flush();
        return ExitStatus.INVALID;
      }
      out.print(AslWriter.write(AslReader.read(text)));
      out.flush();
      return ExitStatus.OK;
    } catch (UnreadableFileException e) {
      err.println(e.getMessage());
      err.flush();
      return ExitStatus.UNUSABLE;
    }
  }
}
