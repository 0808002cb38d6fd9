package io.asl4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestStateCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MACHINE =
      "{\"StartAt\": \"Charge\", \"States\": {"
          + "\"Charge\": {\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::lambda:invoke\","
          + "  \"Parameters\": {\"FunctionName\": \"charge\", \"Payload.$\": \"$\"},"
          + "  \"ResultSelector\": {\"paid.$\": \"$.Payload.paid\"}, \"ResultPath\": \"$.charge\","
          + "  \"Retry\": [{\"ErrorEquals\": [\"Busy\"], \"MaxAttempts\": 2}],"
          + "  \"Catch\": [{\"ErrorEquals\": [\"Declined\"], \"Next\": \"Refuse\"}],"
          + "  \"Next\": \"Ship\"},"
          + "\"Ship\": {\"Type\": \"Succeed\"},"
          + "\"Refuse\": {\"Type\": \"Fail\", \"Error\": \"Refused\"}}}";

  @TempDir Path dir;

  @Test
  void mockedResultSucceedsWithNextStateAndExitsZero() throws IOException {
    CommandRun run =
        testMachineState(
            "Charge",
            "--input",
            "{\"order\": 1}",
            "--mock-result",
            "{\"Payload\": {\"paid\": true}}",
            "--inspection-level",
            "DEBUG");

    assertEquals(0, run.exitCode(), run.err());
    JsonNode result = JSON.readTree(run.out());
    assertEquals("SUCCEEDED", result.get("status").asText());
    assertEquals("Ship", result.get("nextState").asText());
    assertEquals(
        JSON.readTree("{\"order\": 1, \"charge\": {\"paid\": true}}"), result.get("output"));
    assertEquals(
        JSON.readTree("{\"paid\": true}"), result.get("inspectionData").get("afterResultSelector"));
  }

  @Test
  void aStateMachineWithoutStateNamesTheOptionAndTheStates() throws IOException {
    Path file = write("machine.json", MACHINE);

    CommandRun run = CommandRun.of("test-state", file.toString(), "--input", "{}");

    assertEquals(2, run.exitCode());
    assertEquals("", run.out());
    assertEquals(
        List.of(
            "--state NAME is required: "
                + file
                + " is a state machine; its top-level states: Charge, Ship, Refuse"),
        run.errLines());
  }

  @Test
  void caughtErrorExitsZeroAndNamesTheCatcherTarget() throws IOException {
    CommandRun run =
        testMachineState("Charge", "--mock-error", "Declined", "--mock-cause", "no funds");

    assertEquals(0, run.exitCode(), run.err());
    JsonNode result = JSON.readTree(run.out());
    assertEquals("CAUGHT_ERROR", result.get("status").asText());
    assertEquals("Refuse", result.get("nextState").asText());
    assertEquals("Declined", result.get("error").asText());
    assertTrue(result.get("inspectionData") == null, "INFO shows no inspection data");
  }

  @Test
  void retriableErrorExitsZero() throws IOException {
    CommandRun run = testMachineState("Charge", "--mock-error", "Busy");

    assertEquals(0, run.exitCode(), run.err());
    assertEquals("RETRIABLE", JSON.readTree(run.out()).get("status").asText());
  }

  @Test
  void aStateConfigurationWithTheRetriesSpentFailsWhereARetryWasLeft() throws IOException {
    CommandRun run =
        testMachineState(
            "Charge",
            "--mock-error",
            "Busy",
            "--mock-cause",
            "try later",
            "--state-configuration",
            "{\"retrierRetryCount\": 2}");

    assertEquals(1, run.exitCode(), run.err());
    assertEquals(
        JSON.readTree("{\"status\":\"FAILED\",\"error\":\"Busy\",\"cause\":\"try later\"}"),
        JSON.readTree(run.out()));
  }

  @Test
  void theRoleArnIsTheExecutionRoleOfTheContextObjectAndNullWithoutOne() throws IOException {
    Path file =
        write(
            "state.json",
            "{\"Type\": \"Pass\", \"Parameters\": {\"role.$\": \"$$.Execution.RoleArn\"}, \"End\": true}");

    CommandRun withRole =
        CommandRun.of(
            "test-state", file.toString(), "--role-arn", "arn:aws:iam::123456789012:role/tester");
    CommandRun withoutRole = CommandRun.of("test-state", file.toString());

    assertEquals(
        JSON.readTree(
            "{\"status\":\"SUCCEEDED\",\"output\":{\"role\":\"arn:aws:iam::123456789012:role/tester\"}}"),
        JSON.readTree(withRole.out()));
    assertEquals(
        JSON.readTree("{\"status\":\"SUCCEEDED\",\"output\":{\"role\":null}}"),
        JSON.readTree(withoutRole.out()));
  }

  @Test
  void aStateConfigurationWithAnUnknownFieldIsRefusedNamingTheFieldsThereAre() throws IOException {
    CommandRun run = testMachineState("Charge", "--state-configuration", "{\"retryCount\": 1}");

    assertEquals(
        new CommandRun(
            2,
            "",
            "stateConfiguration has no field 'retryCount'; it has retrierRetryCount,"
                + " mapIterationFailureCount, errorCausedByState and mapItemReaderData\n"),
        run);
  }

  @Test
  void failedStateExitsOne() throws IOException {
    CommandRun run = testMachineState("Refuse", "--input", "@" + write("in.json", "{}"));

    assertEquals(1, run.exitCode(), run.err());
    JsonNode result = JSON.readTree(run.out());
    assertEquals("FAILED", result.get("status").asText());
    assertEquals("Refused", result.get("error").asText());
  }

  @Test
  void singleStateFileNeedsNoStateName() throws IOException {
    Path file =
        write(
            "state.json",
            "{\"Type\": \"Pass\", \"Result\": {\"x\": 1}, \"ResultPath\": \"$.r\", \"Next\": \"After\"}");

    CommandRun run = CommandRun.of("test-state", file.toString(), "--input", "{\"a\": true}");

    assertEquals(0, run.exitCode(), run.err());
    assertEquals(
        JSON.readTree(
            "{\"status\":\"SUCCEEDED\",\"output\":{\"a\":true,\"r\":{\"x\":1}},\"nextState\":\"After\"}"),
        JSON.readTree(run.out()));
  }

  @Test
  void badInputExitsTwo() throws IOException {
    Path file = write("machine.json", MACHINE);

    assertEquals(2, CommandRun.of("test-state", file.toString(), "--state", "Nope").exitCode());
    assertEquals(2, CommandRun.of("test-state", file.toString()).exitCode());
    assertEquals(
        2,
        CommandRun.of("test-state", file.toString(), "--state", "Charge", "--input", "{oops")
            .exitCode());
    assertEquals(
        2,
        CommandRun.of("test-state", dir.resolve("missing.json").toString(), "--state", "A")
            .exitCode());
    CommandRun both = testMachineState("Charge", "--mock-result", "{}", "--mock-error", "E");
    both.assertPrinted(2, List.of(), List.of("--mock-result and --mock-error cannot be combined"));
  }

  /** Runs {@code test-state} on the state {@code state} of {@link #MACHINE} with these options. */
  private CommandRun testMachineState(String state, String... options) throws IOException {
    List<String> args =
        new ArrayList<>(
            List.of("test-state", write("machine.json", MACHINE).toString(), "--state", state));
    args.addAll(List.of(options));
    return CommandRun.of(args.toArray(String[]::new));
  }

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }
}
