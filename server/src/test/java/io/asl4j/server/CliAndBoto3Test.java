package io.asl4j.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AWS CLI and boto3 against the server, as their users point them at it: dummy credentials in
 * the environment, {@code --endpoint-url}, and host-prefix injection turned off for TestState and
 * StartSyncExecution ({@code AWS_DISABLE_HOST_PREFIX_INJECTION=true}, or boto3's {@code
 * Config(inject_host_prefix=False)}). Each test is skipped, saying so, where its client is absent.
 */
class CliAndBoto3Test {
  static final ObjectMapper JSON = new ObjectMapper();
  static Asl4jServer server;

  @TempDir static Path home;

  @BeforeAll
  static void serve() {
    server = Asl4jServer.start(new Asl4jServer.Config().activityPoll(Duration.ofSeconds(5)));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  record Result(int status, String out, String err) {}

  static Result run(List<String> command) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> env = builder.environment();
    env.put("AWS_ACCESS_KEY_ID", "dummy");
    env.put("AWS_SECRET_ACCESS_KEY", "dummy");
    env.put("AWS_DEFAULT_REGION", "us-east-1");
    env.put("AWS_DISABLE_HOST_PREFIX_INJECTION", "true");
    env.put("AWS_EC2_METADATA_DISABLED", "true");
    env.put("AWS_CONFIG_FILE", home.resolve("config").toString());
    env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("credentials").toString());
    env.put("AWS_PAGER", "");
    Path out = Files.createTempFile(home, "out", ".txt");
    Path err = Files.createTempFile(home, "err", ".txt");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("timed out: " + command);
    }
    return new Result(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  static boolean available(List<String> probe) {
    try {
      return run(probe).status() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  static JsonNode aws(String... args) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                "aws",
                "--endpoint-url",
                server.endpoint().toString(),
                "--output",
                "json",
                "stepfunctions"));
    command.addAll(List.of(args));
    Result result = run(command);
    assertEquals(0, result.status(), "aws " + String.join(" ", args) + ": " + result.err());
    return result.out().isBlank() ? JSON.createObjectNode() : JSON.readTree(result.out());
  }

  @Test
  void theAwsCliRunsACallbackWorkflowAndATestState() throws Exception {
    Assumptions.assumeTrue(
        available(List.of("aws", "--version")),
        "the AWS CLI (aws) is not on this machine: skipped");
    String queue = server.services().sqs().queueUrl("cli");
    String definition =
        "{\"StartAt\":\"Ask\",\"States\":{\"Ask\":{\"Type\":\"Task\","
            + "\"Resource\":\"arn:aws:states:::sqs:sendMessage.waitForTaskToken\","
            + "\"Parameters\":{\"QueueUrl\":\""
            + queue
            + "\",\"MessageBody\":{\"token.$\":\"$$.Task.Token\"}},\"End\":true}}}";
    String machine =
        aws(
                "create-state-machine",
                "--name",
                "cli-callback",
                "--definition",
                definition,
                "--role-arn",
                StepFunctionsApiTest.ROLE)
            .get("stateMachineArn")
            .asText();
    String arn =
        aws("start-execution", "--state-machine-arn", machine, "--input", "{\"n\":1}")
            .get("executionArn")
            .asText();
    String token =
        server
            .services()
            .sqs()
            .poll(queue, Duration.ofSeconds(20))
            .orElseThrow()
            .bodyJson()
            .get("token")
            .asText();
    aws("send-task-success", "--task-token", token, "--task-output", "{\"approved\":\"cli\"}");
    JsonNode described = null;
    for (int i = 0; i < 100; i++) {
      described = aws("describe-execution", "--execution-arn", arn);
      if (!described.get("status").asText().equals("RUNNING")) {
        break;
      }
      Thread.sleep(20);
    }
    assertEquals(
        List.of("SUCCEEDED", "{\"approved\":\"cli\"}"),
        List.of(described.get("status").asText(), described.get("output").asText()));

    JsonNode tested =
        aws(
            "test-state",
            "--definition",
            "{\"Type\":\"Pass\",\"Result\":{\"from\":\"cli\"},\"End\":true}",
            "--role-arn",
            StepFunctionsApiTest.ROLE,
            "--input",
            "{}");
    assertEquals(
        List.of("SUCCEEDED", "{\"from\":\"cli\"}"),
        List.of(tested.get("status").asText(), tested.get("output").asText()));
  }

  static final String BOTO3_SCRIPT =
      String.join(
          "\n",
          "import json, sys, time, boto3",
          "from botocore.config import Config",
          "sfn = boto3.client('stepfunctions', endpoint_url=sys.argv[1], config=Config(inject_host_prefix=False))",
          "activity = sfn.create_activity(name='boto3-worker')['activityArn']",
          "definition = json.dumps({'StartAt': 'Work', 'States': {'Work': {'Type': 'Task', 'Resource': activity, 'End': True}}})",
          "machine = sfn.create_state_machine(name='boto3-activity', definition=definition, roleArn=sys.argv[2])['stateMachineArn']",
          "arn = sfn.start_execution(stateMachineArn=machine, input=json.dumps({'order': 7}))['executionArn']",
          "task = sfn.get_activity_task(activityArn=activity, workerName='py')",
          "sfn.send_task_success(taskToken=task['taskToken'], output=json.dumps({'done': json.loads(task['input'])['order']}))",
          "for _ in range(500):",
          "    d = sfn.describe_execution(executionArn=arn)",
          "    if d['status'] != 'RUNNING': break",
          "    time.sleep(0.01)",
          "t = sfn.test_state(definition=json.dumps({'Type': 'Pass', 'Parameters': {'x.$': '$.y'}, 'End': True}),",
          "                   roleArn=sys.argv[2], input=json.dumps({'y': 'boto3'}))",
          "try:",
          "    sfn.describe_execution(executionArn=arn + 'x')",
          "    missing = 'found'",
          "except sfn.exceptions.ExecutionDoesNotExist as e:",
          "    missing = e.response['Error']['Code']",
          "print(json.dumps({'status': d['status'], 'output': d['output'], 'test': [t['status'], t['output']], 'missing': missing}))");

  @Test
  void boto3RunsAnActivityWorkerAndATestState() throws Exception {
    Assumptions.assumeTrue(
        available(List.of("python3", "-c", "import boto3")),
        "boto3 (python3 -c 'import boto3') is not on this machine: skipped");
    Path script = home.resolve("worker.py");
    Files.writeString(script, BOTO3_SCRIPT);
    Result result =
        run(
            List.of(
                "python3",
                script.toString(),
                server.endpoint().toString(),
                StepFunctionsApiTest.ROLE));
    assertEquals(0, result.status(), result.err());
    assertEquals(
        JSON.readTree(
            "{\"status\":\"SUCCEEDED\",\"output\":\"{\\\"done\\\":7}\",\"test\":[\"SUCCEEDED\",\"{\\\"x\\\":\\\"boto3\\\"}\"],\"missing\":\"ExecutionDoesNotExist\"}"),
        JSON.readTree(result.out()));
  }
}
