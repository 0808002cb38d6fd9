package io.asl4j.cli;

import io.asl4j.dsl.model.StateMachineType;
import picocli.CommandLine.Option;

/**
 * {@code --type STANDARD|EXPRESS}, one option for every command that takes a whole state machine.
 */
final class StateMachineTypeOption {
  @Option(
      names = "--type",
      paramLabel = "TYPE",
      defaultValue = "STANDARD",
      description = "State machine type: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  StateMachineType type;
}
