package io.asl4j.cli;

import io.asl4j.dsl.json.AslReadException;
import io.asl4j.dsl.json.AslReader;
import io.asl4j.dsl.model.StateMachine;
import io.asl4j.dsl.validate.AslValidationException;
import io.asl4j.dsl.validate.Problem;
import io.asl4j.render.Diagrams;
import io.asl4j.render.ExecutionPath;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code asl4j render FILE [--format mermaid|dot|svg] [--execution HISTORY] [--output FILE]}. */
@Command(
    name = "render",
    description = {
      "Draws a definition: a Mermaid flowchart, Graphviz DOT or a self-contained SVG.",
      "With --execution (the history `asl4j run --history` prints, or a JSON array of events),"
          + " the states taken are highlighted and failed states marked.",
      "Exit status: 0 drawn, 2 an unreadable or invalid definition or history, or a usage error."
    })
final class RenderCommand implements Callable<Integer> {
  enum Format {
    MERMAID,
    DOT,
    SVG
  }

  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "FILE",
      description = "The ASL definition (JSON, or YAML if named *.yaml or *.yml).")
  Path file;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "MERMAID",
      description = "mermaid, dot or svg (default: mermaid).")
  Format format;

  @Option(
      names = "--execution",
      paramLabel = "HISTORY",
      description = "An execution history to highlight.")
  Path execution;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write here instead of standard output.")
  Path output;

  /** The definition as read, for locating its problems. */
  private io.asl4j.dsl.json.AslSource source;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      source = DefinitionFiles.readSource(file);
      StateMachine machine = AslReader.read(source.tree());
      ExecutionPath trace = null;
      if (execution != null) {
        try {
          trace = ExecutionPath.parse(DefinitionFiles.readText(execution));
        } catch (IllegalArgumentException e) {
          err.println(execution + ": " + e.getMessage());
          err.flush();
          return ExitStatus.UNUSABLE;
        }
      }
      String text =
          switch (format) {
            case MERMAID -> Diagrams.mermaid(machine, trace);
            case DOT -> Diagrams.dot(machine, trace);
            case SVG -> Diagrams.svg(machine, trace);
          };
      if (output != null) {
        try {
          Files.writeString(output, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
          err.println(output + ": cannot be written: " + e.getMessage());
          err.flush();
          return ExitStatus.UNUSABLE;
        }
      } else {
        out.print(text);
        out.flush();
      }
      return ExitStatus.OK;
    } catch (UnreadableFileException e) {
      err.println(e.getMessage());
    } catch (AslReadException e) {
      printFirstProblem(err, e.problems());
    } catch (AslValidationException e) {
      printFirstProblem(err, e.problems());
    }
    err.flush();
    return ExitStatus.UNUSABLE;
  }

  /** The first problem, located, and how many more there are. */
  private void printFirstProblem(PrintWriter err, List<Problem> problems) {
    err.println(
        DefinitionFiles.describe(file, source, problems.get(0))
            + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
  }
}
