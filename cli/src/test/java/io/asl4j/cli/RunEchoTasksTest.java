package io.asl4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code asl4j run --echo-tasks} answers every Task with its input, callbacks and activities
 * included; a wait nobody can answer is said, never sat through silently.
 */
class RunEchoTasksTest {
  @TempDir Path dir;

  private Path machine(String definition) throws IOException {
    return Files.writeString(dir.resolve("m.json"), definition.replace('\'', '"'));
  }

  @Test
  void echoTasksAnswersAWaitForTaskTokenCallbackWithTheTasksInput() throws IOException {
    Path machine =
        machine(
            "{'StartAt':'Ask','States':{'Ask':{'Type':'Task',"
                + "'Resource':'arn:aws:states:::sqs:sendMessage.waitForTaskToken',"
                + "'Parameters':{'QueueUrl':'q','MessageBody':{'order.$':'$.order','token.$':'$$.Task.Token'}},"
                + "'ResultSelector':{'order.$':'$.MessageBody.order'},'Next':'Done'},'Done':{'Type':'Succeed'}}}");

    CommandRun run =
        CommandRun.of("run", machine.toString(), "--echo-tasks", "--input", "{\"order\":7}");

    run.assertPrinted(0, List.of("{\"order\":7}"), List.of());
  }

  @Test
  void echoTasksAnswersActivitiesInEveryBranchWithTheirInput() throws IOException {
    Path machine =
        machine(
            "{'StartAt':'Both','States':{'Both':{'Type':'Parallel','End':true,'Branches':["
                + "{'StartAt':'A','States':{'A':{'Type':'Task','Resource':'arn:aws:states:us-east-1:123456789012:activity:review',"
                + "'Parameters':{'who':'a'},'End':true}}},"
                + "{'StartAt':'B','States':{'B':{'Type':'Task','Resource':'arn:aws:states:us-east-1:123456789012:activity:approve',"
                + "'Parameters':{'who':'b'},'TimeoutSeconds':60,'End':true}}}]}}}");

    CommandRun run = CommandRun.of("run", machine.toString(), "--echo-tasks");

    run.assertPrinted(0, List.of("[{\"who\":\"a\"},{\"who\":\"b\"}]"), List.of());
  }

  @Test
  void withoutEchoTasksAnActivityNobodyAnswersIsNamedWithItsTokenBeforeItTimesOut()
      throws IOException {
    Path machine =
        machine(
            "{'StartAt':'Review','States':{'Review':{'Type':'Task',"
                + "'Resource':'arn:aws:states:us-east-1:123456789012:activity:review','TimeoutSeconds':30,'End':true}}}");

    CommandRun run = CommandRun.of("run", machine.toString());

    assertEquals(1, run.errLines().size(), run.err());
    assertTrue(
        run.errLines()
            .get(0)
            .matches(
                "asl4j: the execution waits for task tokens nobody here sends \\(state 'Review': [^ ,)]+\\);"
                    + " --echo-tasks answers callbacks and activities with their input; running on to their timeouts"),
        run.err());
    assertEquals(List.of("{\"Error\":\"States.Timeout\",\"Cause\":null}"), run.outLines());
    assertEquals(1, run.exitCode());
  }
}
