package io.asl4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HelpTest {
  /**
   * {@code asl4j --help} lists each command with its description's first line: a whole sentence.
   */
  @Test
  void theCommandListGivesEachCommandAWholeSentence() {
    CommandRun help = CommandRun.of("--help");

    assertEquals(0, help.exitCode(), help.err());
    Map<String, String> summaries = new LinkedHashMap<>();
    String command = null;
    boolean inCommands = false;
    for (String line : help.outLines()) {
      if (line.equals("Commands:")) {
        inCommands = true;
      } else if (inCommands && line.matches("  \\S.*")) {
        String[] parts = line.trim().split("\\s+", 2);
        command = parts[0];
        summaries.put(command, parts.length > 1 ? parts[1] : "");
      } else if (inCommands && command != null && line.matches("\\s{3,}\\S.*")) {
        summaries.put(command, summaries.get(command) + " " + line.trim()); // wrapped
      }
    }
    assertEquals(
        "Runs the AWS-recorded executions and TestState calls under DIR and compares each with AWS's record.",
        summaries.get("conformance"));
    List<String> cut = new ArrayList<>();
    summaries.forEach(
        (name, summary) -> {
          if (!summary.endsWith(".")) {
            cut.add(name + ": " + summary);
          }
        });
    assertEquals(List.of(), cut);
  }
}
