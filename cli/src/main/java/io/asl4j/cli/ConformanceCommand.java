package io.asl4j.cli;

import io.asl4j.conformance.CaseOutcome;
import io.asl4j.conformance.ConformanceCase;
import io.asl4j.conformance.ConformanceCases;
import io.asl4j.conformance.ConformanceReport;
import io.asl4j.conformance.ConformanceRunner;
import io.asl4j.conformance.TestStateCaseRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code asl4j conformance DIR}: runs every recorded execution case under DIR on the local runtime,
 * and every recorded TestState call through {@link io.asl4j.runtime.TestState}, and compares each
 * with what AWS recorded; ends with {@code N passed, M failed}.
 */
@Command(
    name = "conformance",
    description = {
      "Runs the AWS-recorded executions and TestState calls under DIR and compares each with AWS's record.",
      "The executions are the pure, lambda and service cases the fakes can answer; the calls, test_state's.",
      "Prints the failures, a per-folder table, and last the line 'N passed, M failed'.",
      "Exit status: 0 all passed, 1 some failed, 2 DIR unreadable or a usage error."
    })
final class ConformanceCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "DIR",
      description = "A folder of conformance cases, e.g. ../shared/conformance/pure.")
  Path dir;

  @Option(
      names = "--report",
      paramLabel = "FILE",
      description = "Also write the report as Markdown to FILE.")
  Path report;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!Files.isDirectory(dir)) {
      err.println(
          "asl4j: "
              + dir
              + (Files.exists(dir)
                  ? ": a file, not a folder of conformance cases"
                  : ": no such folder"));
      err.flush();
      return ExitStatus.UNUSABLE;
    }
    try {
      ConformanceCases cases = ConformanceCases.load(dir);
      ConformanceReport result = new ConformanceReport();
      result.addAll(cases.failures());
      int skipped = 0;
      for (ConformanceCase c : cases.cases()) {
        Optional<CaseOutcome> outcome;
        if (TestStateCaseRunner.isTestState(c)) {
          outcome =
              TestStateCaseRunner.runnable(c)
                  ? Optional.of(TestStateCaseRunner.run(c))
                  : Optional.empty();
        } else {
          outcome = ConformanceRunner.runnable(c) ? ConformanceRunner.attempt(c) : Optional.empty();
        }
        if (outcome.isPresent()) {
          result.add(outcome.get());
        } else {
          skipped++;
          if (c.expected().status().isPresent()) {
            result.notRunnable(
                c); // an execution or a TestState call (not a rejected definition) that needs AWS
          }
        }
      }
      if (skipped > 0) {
        out.println(
            skipped
                + " cases skipped: they need AWS itself (a service the fakes cannot stand in for,"
                + " or a Lambda function the case does not describe), or are not executions");
      }
      out.print(result.render());
      if (!result.render().endsWith("\n")) {
        out.println();
      }
      if (report != null) {
        result.writeMarkdown(report);
      }
      out.flush();
      return result.failed() == 0 ? ExitStatus.OK : ExitStatus.INVALID;
    } catch (IOException e) {
      err.println("asl4j: " + dir + ": " + e.getMessage());
      err.flush();
      return ExitStatus.UNUSABLE;
    }
  }
}
