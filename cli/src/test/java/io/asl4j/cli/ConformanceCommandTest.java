package io.asl4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code asl4j conformance DIR} over small cases written here in the corpus's format. */
class ConformanceCommandTest {
  private static final String PASS_EXECUTION =
      "{\"id\": \"base/pass\", \"category\": \"pure\", \"stateMachineType\": \"STANDARD\","
          + " \"definition\": {\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"Result\": 7, \"End\": true}}},"
          + " \"input\": {}, \"inputRaw\": \"{}\", \"expected\": {\"status\": \"SUCCEEDED\", \"output\": 7}}";

  private static String testStateCall(String expectedOutput) {
    return "{\"id\": \"test_state/pass\", \"category\": \"test_state\","
        + " \"request\": {\"definition\": {\"Type\": \"Pass\", \"Parameters\": {\"doubled.$\": \"States.MathAdd($.n, $.n)\"}, \"End\": true},"
        + " \"input\": {\"n\": 4}, \"inspectionLevel\": \"INFO\"},"
        + " \"expected\": {\"status\": \"SUCCEEDED\", \"output\": "
        + expectedOutput
        + "}}";
  }

  /** A Task calling a Lambda function the case neither mocks nor describes: only AWS can answer. */
  private static final String CALL_OF_AN_UNDESCRIBED_FUNCTION =
      "{\"id\": \"test_state/lambda\", \"category\": \"test_state\","
          + " \"request\": {\"definition\": {\"Type\": \"Task\", \"Resource\": \"arn:aws:lambda:us-east-1:111111111111:function:f\", \"End\": true},"
          + " \"input\": {}, \"inspectionLevel\": \"INFO\"},"
          + " \"expected\": {\"status\": \"SUCCEEDED\", \"output\": \"answer\"}}";

  @TempDir Path dir;

  @Test
  void recordedTestStateCallsRunBesideExecutionsAndCountInTheTable() throws IOException {
    write("pure/base/pass.json", PASS_EXECUTION);
    write("test_state/test_state/pass.json", testStateCall("{\"doubled\": 8}"));
    write("test_state/test_state/lambda.json", CALL_OF_AN_UNDESCRIBED_FUNCTION);

    CommandRun run = CommandRun.of("conformance", dir.toString());

    assertEquals(
        new CommandRun(
            0,
            String.join(
                "\n",
                "1 cases skipped: they need AWS itself (a service the fakes cannot stand in for, or a Lambda function"
                    + " the case does not describe), or are not executions",
                "folder                  passed   failed    total",
                "pure/base                    1        0        1",
                "test_state/test_state        1        0        1",
                "total                        2        0        2",
                "pure 1/1",
                "test_state 1/1 (of the 1 runnable, 1 not runnable)",
                "2 passed, 0 failed",
                ""),
            ""),
        run);
  }

  @Test
  void aTestStateCallAnsweredDifferentlyThanOnAwsFailsWithWhatDiffered() throws IOException {
    write("test_state/test_state/pass.json", testStateCall("{\"doubled\": 9}"));

    CommandRun run = CommandRun.of("conformance", dir.toString());

    assertEquals(
        new CommandRun(
            1,
            String.join(
                "\n",
                "FAIL test_state/test_state/pass: output: value at /doubled: expected 9 but was 8",
                "",
                "folder                  passed   failed    total",
                "test_state/test_state        0        1        1",
                "total                        0        1        1",
                "0 passed, 1 failed",
                ""),
            ""),
        run);
  }

  private void write(String relative, String text) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
