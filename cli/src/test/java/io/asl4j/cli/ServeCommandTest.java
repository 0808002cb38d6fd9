package io.asl4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asl4j.server.Asl4jServer;
import io.asl4j.server.Asl4jServerExtension;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import software.amazon.awssdk.services.sfn.SfnClient;

/** {@code asl4j serve} as a command: its options, its messages, and how it stops. */
class ServeCommandTest {
  static final String ROLE = "arn:aws:iam::123456789012:role/asl4j";
  static final String LONG_WAIT =
      "{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"Seconds\":600,\"End\":true}}}";
  static final Pattern SERVING =
      Pattern.compile("asl4j serve: Step Functions API on (http://\\S+) .*");

  @Test
  void servesUntilStoppedAndSaysWhatWasRunning() throws Exception {
    ServeCommand command = new ServeCommand();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine line =
        new CommandLine(command)
            .setOut(new PrintWriter(out, true))
            .setErr(new PrintWriter(err, true));
    int[] status = new int[1];
    Thread serving =
        new Thread(
            () ->
                status[0] =
                    line.execute(
                        "--port", "0", "--region", "eu-west-1", "--account", "111122223333"));
    serving.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (command.server == null && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    Asl4jServer server = command.server;
    try (SfnClient sfn = Asl4jServerExtension.client(server.endpoint(), "eu-west-1")) {
      String machine =
          sfn.createStateMachine(b -> b.name("cmd").roleArn(ROLE).definition(LONG_WAIT))
              .stateMachineArn();
      assertEquals("arn:aws:states:eu-west-1:111122223333:stateMachine:cmd", machine);
      sfn.startExecution(b -> b.stateMachineArn(machine).name("parked"));
    }
    command.stop.countDown();
    serving.join(20_000);
    assertEquals(0, status[0], err.toString());
    assertEquals(
        List.of(
            "asl4j serve: Step Functions API on "
                + server.endpoint()
                + " (region eu-west-1, account 111122223333)",
            "asl4j serve: stopped; 0 request(s) were in flight, 1 execution(s) were running: "
                + "arn:aws:states:eu-west-1:111122223333:execution:cmd:parked"),
        out.toString().lines().toList());
  }

  @Test
  void aNegativeWaitTimeScaleIsRefusedSayingWhy() {
    StringWriter err = new StringWriter();
    int status =
        new CommandLine(new ServeCommand())
            .setErr(new PrintWriter(err, true))
            .execute("--port", "0", "--wait-time-scale", "-0.5");
    assertEquals(2, status);
    assertTrue(
        err.toString()
            .startsWith(
                "--wait-time-scale: wait time scale must be 0 (Waits, back-off and timeouts pass at once) or a positive number (1: real time), not -0.5"),
        err.toString());
  }

  @Test
  void anUnreadableMockFileIsReportedWithItsPath(@TempDir Path dir) throws Exception {
    Path mocks = dir.resolve("MockConfigFile.json");
    Files.writeString(mocks, "{\"StateMachines\": 3}");
    StringWriter err = new StringWriter();
    int status =
        new CommandLine(new ServeCommand())
            .setErr(new PrintWriter(err, true))
            .execute("--port", "0", "--mocks", mocks.toString());
    assertEquals(2, status);
    assertTrue(
        err.toString().startsWith("asl4j serve: " + mocks + ": mock file: "), err.toString());
  }

  @Test
  void sigtermStopsTheServerAndItSaysSo() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                Asl4jCommand.class.getName(),
                "serve",
                "--port",
                "0")
            .redirectErrorStream(true)
            .start();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String first = out.readLine();
      Matcher serving = SERVING.matcher(first == null ? "" : first);
      assertTrue(serving.matches(), String.valueOf(first));
      try (SfnClient sfn = Asl4jServerExtension.client(URI.create(serving.group(1)), "us-east-1")) {
        assertEquals(List.of(), sfn.listStateMachines(b -> {}).stateMachines());
      }
      // SIGTERM, by the pid of the process this test started (Process.destroy() would close its
      // output first).
      assertEquals(
          0, new ProcessBuilder("kill", "-TERM", String.valueOf(process.pid())).start().waitFor());
      assertTrue(process.waitFor(20, TimeUnit.SECONDS));
      assertEquals(
          "asl4j serve: stopped; 0 request(s) were in flight, 0 execution(s) were running",
          out.readLine());
    } finally {
      process.destroyForcibly();
    }
  }
}
