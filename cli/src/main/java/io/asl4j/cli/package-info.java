/**
 * The {@code asl4j} command line, built with picocli: {@link io.asl4j.cli.Asl4jCommand} and one
 * class per subcommand.
 *
 * <p>To add a subcommand, write a package-private {@code @Command} class implementing {@code
 * Callable<Integer>} and list it in {@code Asl4jCommand}'s {@code subcommands}; {@code --help} and
 * {@code --version} come with it. Read files with {@link io.asl4j.cli.DefinitionFiles}, print with
 * {@code spec.commandLine().getOut()}/{@code getErr()}, and return an {@link
 * io.asl4j.cli.ExitStatus}. A command backed by another module (as {@code conformance} is by the
 * harness) keeps only argument handling and printing here; the module does the work.
 */
package io.asl4j.cli;
