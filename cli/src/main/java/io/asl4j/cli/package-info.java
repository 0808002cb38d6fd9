/**
 * The {@code asl4j} command line, built with picocli: {@link io.asl4j.cli.Asl4jCommand}
 * and one class per subcommand.
 *
 * <p>To add a subcommand, write a package-private {@code @Command} class implementing {@code
 * Callable<Integer>} and list it in {@code Asl4jCommand}'s {@code subcommands}; {@code --help} and
 * {@code --version} come with it. Read files with {@link io.asl4j.cli.DefinitionFiles},
 * print with {@code spec.commandLine().getOut()}/{@code getErr()}, and return an {@link
 * io.asl4j.cli.ExitStatus}.
 */
package io.asl4j.cli;
