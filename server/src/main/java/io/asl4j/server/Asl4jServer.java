package io.asl4j.server;

import io.asl4j.runtime.MockConfig;
import io.asl4j.runtime.TaskHandler;
import io.asl4j.runtime.services.AwsServices;
import io.asl4j.server.internal.HttpFrontend;
import io.asl4j.server.internal.LambdaForwarder;
import io.asl4j.server.internal.SigV4;
import io.asl4j.server.internal.StepFunctionsService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The Step Functions API on localhost, answered by the asl4j runtime: every client that speaks it
 * (the AWS SDKs, the AWS CLI, boto3) works against {@link #endpoint()} unchanged.
 *
 * <pre>{@code
 * try (Asl4jServer server = Asl4jServer.start()) {          // 127.0.0.1, a free port
 *   SfnClient sfn = SfnClient.builder().endpointOverride(server.endpoint()) ... .build();
 *   sfn.createStateMachine(...);
 * }
 * }</pre>
 *
 * <p>Executions run on the real clock, scaled by {@link Config#waitTimeScale(double)} (0: instant);
 * Task states are answered by a mock file's test case ({@code <stateMachineArn>#<TestCase>}), by
 * the in-memory service fakes of {@link #services()}, by Lambda functions served at a Lambda
 * endpoint, and by callbacks and activity workers through the API itself.
 */
public final class Asl4jServer implements AutoCloseable {
  private final Config config;
  private final AwsServices services;
  private final StepFunctionsService service;
  private final HttpFrontend frontend;
  private final URI endpoint;

  private Asl4jServer(Config config) throws IOException {
    this.config = config;
    this.services = config.services != null ? config.services : AwsServices.create();
    Map<String, TaskHandler> prefixHandlers = Map.of();
    this.service =
        new StepFunctionsService(
            config.region,
            config.account,
            services,
            config.mocks,
            config.waitTimeScale,
            config.handlers,
            prefixHandlers,
            config.activityPollMillis,
            config.lambdaEndpoint == null ? null : new LambdaForwarder(config.lambdaEndpoint));
    SigV4 signatures =
        config.accessKey == null ? null : new SigV4(config.accessKey, config.secretKey);
    this.frontend =
        new HttpFrontend(
            new InetSocketAddress(InetAddress.getByName(config.host), config.port),
            service,
            signatures);
    InetSocketAddress bound = frontend.address();
    String host = bound.getAddress().getHostAddress();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    this.endpoint = URI.create("http://" + host + ":" + bound.getPort());
  }

  /** Serves on 127.0.0.1 on a free port, with the defaults of {@link Config}. */
  public static Asl4jServer start() {
    return start(new Config());
  }

  /**
   * Serves as {@code config} says.
   *
   * @throws UncheckedIOException when the address cannot be bound (e.g. the port is taken)
   */
  public static Asl4jServer start(Config config) {
    Objects.requireNonNull(config, "config == null");
    try {
      return new Asl4jServer(config);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot serve on " + config.host + ":" + config.port + ": " + e.getMessage(), e);
    }
  }

  /** Where clients send requests, e.g. {@code http://127.0.0.1:8083}. */
  public URI endpoint() {
    return endpoint;
  }

  /** The port served on (the one chosen when port 0 was asked). */
  public int port() {
    return frontend.address().getPort();
  }

  /**
   * The in-memory DynamoDB, SQS, SNS, EventBridge, S3 and HTTP fakes Task states call: inspect them
   * from a test.
   */
  public AwsServices services() {
    return services;
  }

  public String region() {
    return config.region;
  }

  public String account() {
    return config.account;
  }

  /** The ARNs of the executions still running. */
  public List<String> runningExecutions() {
    return service.runningExecutions();
  }

  /** Requests being answered right now. */
  public int requestsInFlight() {
    return frontend.inFlight();
  }

  /**
   * Stops accepting requests, lets those in flight finish (up to 5 seconds), and stops every
   * execution's thread.
   */
  @Override
  public void close() {
    frontend.close(5);
    service.close();
  }

  /**
   * How to serve: defaults are 127.0.0.1, a free port, us-east-1, account 123456789012, real time.
   */
  public static final class Config {
    private String host = "127.0.0.1";
    private int port;
    private MockConfig mocks;
    private URI lambdaEndpoint;
    private double waitTimeScale = 1.0;
    private String region = "us-east-1";
    private String account = "123456789012";
    private String accessKey;
    private String secretKey;
    private AwsServices services;
    private long activityPollMillis = 60_000;
    private final Map<String, TaskHandler> handlers = new java.util.LinkedHashMap<>();

    /** The address to listen on; the default, 127.0.0.1, is reachable from this machine only. */
    public Config host(String host) {
      this.host = Objects.requireNonNull(host, "host == null");
      return this;
    }

    public String host() {
      return host;
    }

    /** The port; 0 (the default) picks a free one. Step Functions Local's is 8083. */
    public Config port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be between 0 and 65535, not " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * Step Functions Local's mock file: start {@code <stateMachineArn>#<TestCase>} to use a test
     * case.
     */
    public Config mocks(MockConfig mocks) {
      this.mocks = Objects.requireNonNull(mocks, "mocks == null");
      return this;
    }

    /**
     * Where Lambda Task states are invoked, over the Lambda Invoke API (e.g. {@code sam local
     * start-lambda}).
     */
    public Config lambdaEndpoint(URI endpoint) {
      this.lambdaEndpoint = Objects.requireNonNull(endpoint, "endpoint == null");
      return this;
    }

    /**
     * 1 (the default) runs Waits, retry back-off and timeouts on the real clock; 0 makes them pass
     * at once (an execution waiting for a callback or an activity still waits for it); another
     * value scales them: at 0.01 a Wait of 100 seconds takes one second, while the execution's
     * history and dates say 100 seconds passed.
     *
     * @throws IllegalArgumentException for a negative, infinite or NaN scale
     */
    public Config waitTimeScale(double scale) {
      if (!(scale >= 0) || Double.isInfinite(scale)) {
        throw new IllegalArgumentException(
            "wait time scale must be 0 (Waits, back-off and timeouts pass at once) or a positive number (1: real time), not "
                + scale);
      }
      this.waitTimeScale = scale;
      return this;
    }

    public Config region(String region) {
      this.region = Objects.requireNonNull(region, "region == null");
      return this;
    }

    public Config account(String account) {
      this.account = Objects.requireNonNull(account, "account == null");
      return this;
    }

    /** Verifies SigV4 signatures made with this key pair and refuses every other request. */
    public Config credentials(String accessKey, String secretKey) {
      this.accessKey = Objects.requireNonNull(accessKey, "accessKey == null");
      this.secretKey = Objects.requireNonNull(secretKey, "secretKey == null");
      return this;
    }

    /** The service fakes Task states call; the default is a fresh {@link AwsServices#create()}. */
    public Config services(AwsServices services) {
      this.services = Objects.requireNonNull(services, "services == null");
      return this;
    }

    /**
     * Answers Task states whose {@code Resource} is exactly {@code resource} (or, for a Lambda
     * function ARN, {@code lambda:invoke} calls naming it) with Java code, in every state machine.
     */
    public Config handler(String resource, TaskHandler handler) {
      handlers.put(
          Objects.requireNonNull(resource, "resource == null"),
          Objects.requireNonNull(handler, "handler == null"));
      return this;
    }

    /**
     * How long GetActivityTask waits for a task: AWS's 60 seconds by default (shorter in tests).
     */
    public Config activityPoll(java.time.Duration wait) {
      this.activityPollMillis = wait.toMillis();
      return this;
    }
  }
}
