package io.asl4j.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code asl4j} command line: {@code java -jar asl4j.jar validate order.asl.json}.
 *
 * <p>Each subcommand is a class of this package listed in {@code subcommands}; {@code --help} and
 * {@code --version} are inherited by all of them.
 */
@Command(
    name = "asl4j",
    scope = ScopeType.INHERIT,
    mixinStandardHelpOptions = true,
    versionProvider = Asl4jCommand.Version.class,
    description =
        "Amazon States Language workflows: validate, format, run locally, check conformance, serve the Step Functions API.",
    subcommands = {
      ValidateCommand.class,
      FormatCommand.class,
      RunCommand.class,
      ConformanceCommand.class,
      TestStateCommand.class,
      RenderCommand.class,
      ServeCommand.class,
    })
public final class Asl4jCommand implements Runnable {
  @Spec CommandSpec spec;

  public static void main(String[] args) {
    // Jayway JsonPath logs through SLF4J and the jar has no SLF4J provider on purpose (the runtime
    // is also a library); without this, SLF4J warns about that on stderr at every run.
    if (System.getProperty("slf4j.internal.verbosity") == null) {
      System.setProperty("slf4j.internal.verbosity", "ERROR");
    }
    System.exit(commandLine().execute(args));
  }

  /** A fresh command line, configured as {@link #main} runs it; tests set its out and err. */
  public static CommandLine commandLine() {
    return new CommandLine(new Asl4jCommand())
        .setCaseInsensitiveEnumValuesAllowed(true)
        // "--input @order.json" names a JSON file; picocli would otherwise read it as a file of
        // more arguments.
        .setExpandAtFiles(false)
        .setExecutionExceptionHandler(
            (exception, commandLine, parseResult) -> {
              // A bug, not bad input: still one line, but say what to report.
              commandLine.getErr().println("asl4j: internal error, please report it: " + exception);
              return ExitStatus.INVALID;
            });
  }

  /** {@code asl4j} alone is a usage error: picocli prints the message and the usage. */
  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand");
  }

  /** The version Maven filtered into {@code version.properties}. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties properties = new Properties();
      try (InputStream in = Asl4jCommand.class.getResourceAsStream("version.properties")) {
        if (in != null) {
          properties.load(in);
        }
      }
      return new String[] {"asl4j " + properties.getProperty("version", "(development build)")};
    }
  }
}
