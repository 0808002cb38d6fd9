package io.asl4j.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code asl4j run} refuses an input AWS's StartExecution would refuse, in one line. */
class RunInputLimitTest {
  @TempDir Path dir;

  @Test
  void anInputOver256KibIsRefusedInOneLineWithExitStatusTwo() throws IOException {
    // given
    Path machine =
        Files.writeString(
            dir.resolve("m.json"),
            "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}");
    Path input =
        Files.writeString(dir.resolve("big.json"), "{\"blob\":\"" + "x".repeat(300 * 1024) + "\"}");
    // when
    CommandRun run = CommandRun.of("run", machine.toString(), "--input", "@" + input);
    // then
    run.assertPrinted(
        2,
        List.of(),
        List.of(
            "--input: AWS would not start the execution: ValidationException: 1 validation error detected: Value at"
                + " 'input' failed to satisfy constraint: Member must have length less than or equal to 262144"));
  }
}
