package io.asl4j.server.bench;

import io.asl4j.server.Asl4jServer;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.StateMachineType;
import software.amazon.awssdk.services.sfn.model.SyncExecutionStatus;

/**
 * The server's benchmark (not a test), side by side in one run, each point from the SDK v2 over
 * keep-alive loopback with {@code THREADS} client threads: the same server stack answering a
 * trivial operation (ListActivities on no activities: the HTTP limit on this machine),
 * StartSyncExecution of {@code pass-chain-10}, and StartExecution + DescribeExecution (until it
 * ends) of {@code order-processing} with echoing Lambda handlers, waits instant; then 10,000
 * executions parked on activity task tokens through the API, the heap they take, and how long
 * answering them all takes. Run by {@code server/bench.sh}.
 */
public final class ServerBenchmark {
  static final String ROLE = "arn:aws:iam::123456789012:role/bench";

  public static void main(String[] args) throws Exception {
    Path workloads = Path.of(args.length > 0 ? args[0] : "../shared/bench/workloads");
    double seconds = Double.parseDouble(System.getenv().getOrDefault("SECONDS_PER_POINT", "5"));
    int threads = Integer.parseInt(System.getenv().getOrDefault("THREADS", "4"));
    int parked = Integer.parseInt(System.getenv().getOrDefault("PARKED", "10000"));
    String passChain = Files.readString(workloads.resolve("pass-chain-10.asl.json"));
    String passInput = Files.readString(workloads.resolve("pass-chain-10.input.json")).trim();
    String orders = Files.readString(workloads.resolve("order-processing.asl.json"));
    String orderInput = Files.readString(workloads.resolve("order-processing.input.json")).trim();

    Asl4jServer.Config config = new Asl4jServer.Config().waitTimeScale(0);
    for (String function :
        List.of("sfn-validate-order", "sfn-notify-customer", "sfn-update-inventory")) {
      config.handler(
          "arn:aws:lambda:us-west-2:123456789012:function:" + function, (input, context) -> input);
    }
    try (Asl4jServer server = Asl4jServer.start(config)) {
      List<SfnClient> clients = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        clients.add(client(server.endpoint()));
      }
      SfnClient sfn = clients.get(0);
      String express =
          sfn.createStateMachine(
                  b ->
                      b.name("pass-chain-10")
                          .definition(passChain)
                          .roleArn(ROLE)
                          .type(StateMachineType.EXPRESS))
              .stateMachineArn();
      String standard =
          sfn.createStateMachine(b -> b.name("order-processing").definition(orders).roleArn(ROLE))
              .stateMachineArn();

      Point trivial =
          new Point(
              "ListActivities (trivial handler: the HTTP limit)", c -> c.listActivities(b -> {}));
      Point sync =
          new Point(
              "StartSyncExecution pass-chain-10",
              c -> {
                if (c.startSyncExecution(b -> b.stateMachineArn(express).input(passInput)).status()
                    != SyncExecutionStatus.SUCCEEDED) {
                  throw new IllegalStateException("pass-chain-10 did not succeed");
                }
              });
      Point async =
          new Point(
              "StartExecution + DescribeExecution order-processing",
              c -> {
                String arn =
                    c.startExecution(b -> b.stateMachineArn(standard).input(orderInput))
                        .executionArn();
                while (true) {
                  ExecutionStatus status = c.describeExecution(b -> b.executionArn(arn)).status();
                  if (status == ExecutionStatus.SUCCEEDED) {
                    return;
                  }
                  if (status != ExecutionStatus.RUNNING) {
                    throw new IllegalStateException("order-processing ended " + status);
                  }
                }
              });
      List<Point> points = List.of(trivial, sync, async);
      for (Point point : points) {
        point.measure(clients, seconds / 3); // warm-up
        point.calls = 0;
        point.seconds = 0;
      }
      // Rounds alternate the points' order, so a load that comes and goes on a shared host falls
      // on every point alike; each point's rate is its calls over its time, all rounds together.
      int rounds = Integer.parseInt(System.getenv().getOrDefault("ROUNDS", "3"));
      for (int round = 0; round < rounds; round++) {
        List<Point> order = new ArrayList<>(points);
        if (round % 2 == 1) {
          java.util.Collections.reverse(order);
        }
        for (Point point : order) {
          point.measure(clients, seconds / rounds);
        }
      }
      for (Point point : points) {
        point.rate = point.calls / point.seconds;
      }
      System.out.println("| point | requests or executions / s | of the HTTP limit |");
      System.out.println("|---|---:|---:|");
      for (Point point : points) {
        System.out.printf(
            "| %s | %.0f | %.0f%% |%n", point.name, point.rate, 100 * point.rate / trivial.rate);
      }
      System.out.printf(
          "(%d client threads, %.1f s per point in %d alternating rounds, %d cores)%n",
          threads, seconds, rounds, Runtime.getRuntime().availableProcessors());

      for (SfnClient client : clients) {
        client.close();
      }
    }
    // Parked executions on the default (real) clock: each waits for an activity worker, with a
    // heartbeat timer set, and holds no thread.
    try (Asl4jServer server = Asl4jServer.start(new Asl4jServer.Config());
        SfnClient sfn = client(server.endpoint())) {
      parkAndAnswer(server, sfn, parked);
    }
  }

  private static void parkAndAnswer(Asl4jServer server, SfnClient sfn, int count) throws Exception {
    String activity = sfn.createActivity(b -> b.name("parked")).activityArn();
    String machine =
        sfn.createStateMachine(
                b ->
                    b.name("parked")
                        .roleArn(ROLE)
                        .definition(
                            "{\"StartAt\":\"Work\",\"States\":{\"Work\":{\"Type\":\"Task\",\"Resource\":\""
                                + activity
                                + "\",\"HeartbeatSeconds\":3600,\"End\":true}}}"))
            .stateMachineArn();
    long heapBefore = usedHeap();
    long started = System.nanoTime();
    for (int i = 0; i < count; i++) {
      int n = i;
      sfn.startExecution(b -> b.stateMachineArn(machine).input("{\"n\":" + n + "}"));
    }
    double startSeconds = (System.nanoTime() - started) / 1e9;
    List<String> tokens = new ArrayList<>(count);
    while (tokens.size() < count) {
      String token =
          sfn.getActivityTask(b -> b.activityArn(activity).workerName("bench")).taskToken();
      if (token != null) {
        tokens.add(token);
      }
    }
    long heapParked = usedHeap();
    int threads = ManagementFactory.getThreadMXBean().getThreadCount();
    System.out.printf(
        "%n%d executions parked on activity task tokens (real clock, HeartbeatSeconds 3600): started in"
            + " %.1f s; heap %d MiB before, %d MiB parked (%.1f KiB each); %d JVM threads; -Xmx %d MiB%n",
        count,
        startSeconds,
        heapBefore >> 20,
        heapParked >> 20,
        (heapParked - heapBefore) / 1024.0 / count,
        threads,
        Runtime.getRuntime().maxMemory() >> 20);
    long answering = System.nanoTime();
    for (String token : tokens) {
      sfn.sendTaskSuccess(b -> b.taskToken(token).output("{\"done\":true}"));
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (!server.runningExecutions().isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    System.out.printf(
        "answered all %d with SendTaskSuccess in %.1f s; %d still running%n",
        count, (System.nanoTime() - answering) / 1e9, server.runningExecutions().size());
  }

  private static long usedHeap() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    Runtime runtime = Runtime.getRuntime();
    return runtime.totalMemory() - runtime.freeMemory();
  }

  static SfnClient client(URI endpoint) {
    return SfnClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .overrideConfiguration(
            o -> o.putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true))
        .build();
  }

  interface Call {
    void run(SfnClient client) throws Exception;
  }

  static final class Point {
    final String name;
    final Call call;
    double rate;
    long calls;
    double seconds;

    Point(String name, Call call) {
      this.name = name;
      this.call = call;
    }

    /** Calls per second over {@code seconds}, each client on its own thread. */
    double measure(List<SfnClient> clients, double seconds) throws Exception {
      ExecutorService pool = Executors.newFixedThreadPool(clients.size());
      AtomicLong done = new AtomicLong();
      long end = System.nanoTime() + (long) (seconds * 1e9);
      long start = System.nanoTime();
      List<Future<Void>> futures = new ArrayList<>();
      for (SfnClient client : clients) {
        Callable<Void> loop =
            () -> {
              while (System.nanoTime() < end) {
                call.run(client);
                done.incrementAndGet();
              }
              return null;
            };
        futures.add(pool.submit(loop));
      }
      for (Future<Void> future : futures) {
        future.get();
      }
      pool.shutdown();
      double took = (System.nanoTime() - start) / 1e9;
      calls += done.get();
      this.seconds += took;
      return done.get() / took;
    }
  }
}
