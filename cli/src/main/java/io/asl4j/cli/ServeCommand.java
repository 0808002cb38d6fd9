package io.asl4j.cli;

import io.asl4j.runtime.MockConfig;
import io.asl4j.server.Asl4jServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code asl4j serve}: the Step Functions API on localhost until stopped (Ctrl-C or SIGTERM, which
 * lets requests in flight finish and names the executions still running).
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description =
        "Serves the Step Functions API (AWS JSON 1.0, as the AWS SDKs, the AWS CLI and boto3 speak it) on"
            + " localhost, every execution run by asl4j. Point a client at http://HOST:PORT; any credentials do.")
public final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
  String host;

  @Option(
      names = "--port",
      defaultValue = "8083",
      description =
          "Port to listen on (default: ${DEFAULT-VALUE}, Step Functions Local's; 0 picks a free one).")
  int port;

  @Option(
      names = "--mocks",
      paramLabel = "MockConfigFile.json",
      description =
          "Step Functions Local's mock file (else $SFN_MOCK_CONFIG): start <stateMachineArn>#<TestCase> to use a test case.")
  Path mocks;

  @Option(
      names = "--lambda-endpoint",
      paramLabel = "URL",
      description =
          "Invoke Lambda Task states at this Lambda endpoint (e.g. sam local start-lambda's).")
  URI lambdaEndpoint;

  @Option(
      names = "--wait-time-scale",
      paramLabel = "F",
      defaultValue = "1",
      description =
          "1 (default): Waits, back-off and timeouts take real time; 0: they pass at once; another value scales them (0.01: a 100 s Wait takes 1 s).")
  double waitTimeScale;

  @Option(
      names = "--region",
      defaultValue = "us-east-1",
      description = "Region in ARNs (default: ${DEFAULT-VALUE}).")
  String region;

  @Option(
      names = "--account",
      defaultValue = "123456789012",
      description = "Account id in ARNs (default: ${DEFAULT-VALUE}).")
  String account;

  @Option(
      names = "--credentials",
      paramLabel = "KEY:SECRET",
      description =
          "Verify SigV4 signatures made with this key pair and refuse other requests (default: accept any).")
  String credentials;

  /** Counted down to stop serving (by a test; a real run waits for a signal). */
  final CountDownLatch stop = new CountDownLatch(1);

  volatile Asl4jServer server;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Asl4jServer.Config config =
        new Asl4jServer.Config().host(host).port(port).region(region).account(account);
    try {
      config.waitTimeScale(waitTimeScale);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--wait-time-scale: " + e.getMessage());
    }
    Path mockFile = mocks;
    if (mockFile == null && System.getenv("SFN_MOCK_CONFIG") != null) {
      mockFile = Path.of(System.getenv("SFN_MOCK_CONFIG"));
    }
    if (mockFile != null) {
      try {
        config.mocks(MockConfig.read(mockFile));
      } catch (IOException e) {
        err.println("asl4j serve: cannot read the mock file " + mockFile + ": " + e.getMessage());
        err.flush();
        return 2;
      } catch (IllegalArgumentException e) {
        err.println("asl4j serve: " + mockFile + ": " + e.getMessage());
        err.flush();
        return 2;
      }
    }
    if (lambdaEndpoint != null) {
      config.lambdaEndpoint(lambdaEndpoint);
    }
    if (credentials != null) {
      int colon = credentials.indexOf(':');
      if (colon <= 0 || colon == credentials.length() - 1) {
        throw new ParameterException(
            spec.commandLine(), "--credentials must be KEY:SECRET, not '" + credentials + "'");
      }
      config.credentials(credentials.substring(0, colon), credentials.substring(colon + 1));
    }
    try {
      server = Asl4jServer.start(config);
    } catch (UncheckedIOException e) {
      err.println("asl4j serve: " + e.getMessage());
      err.flush();
      return 2;
    }
    Thread hook = new Thread(() -> shutDown(out), "asl4j-serve-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    InetAddress address = InetAddress.getByName(host);
    if (!address.isLoopbackAddress()) {
      out.println(
          "asl4j serve: listening on "
              + host
              + ", which other machines can reach (no credentials are checked"
              + (credentials == null
                  ? "; pass --credentials KEY:SECRET to check them)"
                  : " but the --credentials key pair's)"));
    }
    out.println(
        "asl4j serve: Step Functions API on "
            + server.endpoint()
            + " (region "
            + region
            + ", account "
            + account
            + (waitTimeScale == 0
                ? ", waits pass at once"
                : waitTimeScale != 1 ? ", wait time scaled by " + waitTimeScale : "")
            + ")");
    out.flush();
    stop.await();
    Runtime.getRuntime().removeShutdownHook(hook);
    shutDown(out);
    return 0;
  }

  private synchronized void shutDown(PrintWriter out) {
    Asl4jServer running = server;
    if (running == null) {
      return;
    }
    server = null;
    int inFlight = running.requestsInFlight();
    List<String> executions = running.runningExecutions();
    running.close();
    out.println(
        "asl4j serve: stopped; "
            + inFlight
            + " request(s) were in flight, "
            + executions.size()
            + " execution(s) were running"
            + (executions.isEmpty() ? "" : ": " + String.join(", ", executions)));
    out.flush();
  }
}
