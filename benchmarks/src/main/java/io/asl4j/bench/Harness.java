package io.asl4j.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asl4j.dsl.json.AslReader;
import io.asl4j.runtime.Execution;
import io.asl4j.runtime.ExecutionStatus;
import io.asl4j.runtime.HistoryEvent;
import io.asl4j.runtime.LocalStateMachine;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The asl4j side of {@code benchmarks/compare.sh}: one measurement per JVM, printed as one JSON
 * line, the way the peer's {@code run.mjs} prints its own. Each mode warms up for a time, then
 * counts what it can do in a measured time.
 *
 * <pre>
 * exec NAME [--threads N] [--history none|read|json]
 *                           executions/s of a workload (one machine shared by N threads); with
 *                           read, each execution's history() is taken and every event's details,
 *                           their input and output read; with json, every event as GetExecutionHistory JSON
 * build NAME                read + validate + build of the machine from its JSON text, per second
 * handwritten               order-processing hand-written on Jackson, and on the interpreter, alternately
 * first NAME                first execution in this fresh JVM: ms since JVM start, and ms in main
 * parked [--count N]        heap held by N executions (default 100,000) parked on .waitForTaskToken
 * </pre>
 *
 * Options: {@code --warmup SECONDS} (default 3), {@code --seconds SECONDS} (default 3).
 *
 * <p>Outputs are checked against the workload's expected output ({@link Workloads#expectedOutput}):
 * every warm-up execution's, and of the measured ones one in 16 at random (checking every one would
 * time the check, not the runtime); {@code exec} prints how many it checked and how many were
 * wrong, with the first wrong one, and so does the peer's {@code exec.mjs}.
 */
public final class Harness {
  private static volatile Object sink;

  private Harness() {}

  public static void main(String[] args) throws Exception {
    long mainStartNanos = System.nanoTime();
    if (args.length == 0) {
      System.err.println(
          "usage: Harness exec|build|handwritten|first [NAME] [--threads N] [--warmup S] [--seconds S]");
      System.exit(2);
    }
    String mode = args[0];
    String name = args.length > 1 && !args[1].startsWith("--") ? args[1] : "order-processing";
    int threads = 1;
    double warmup = 3;
    double seconds = 3;
    int count = 100_000;
    String history = "none";
    for (int i = 1; i < args.length; i++) {
      switch (args[i]) {
        case "--threads" -> threads = Integer.parseInt(args[++i]);
        case "--warmup" -> warmup = Double.parseDouble(args[++i]);
        case "--seconds" -> seconds = Double.parseDouble(args[++i]);
        case "--count" -> count = Integer.parseInt(args[++i]);
        case "--history" -> history = args[++i];
        default -> {}
      }
    }
    switch (mode) {
      case "first" -> first(name, mainStartNanos);
      case "exec" -> exec(name, threads, History.of(history), warmup, seconds);
      case "build" -> build(name, warmup, seconds);
      case "handwritten" -> handwritten(warmup, seconds);
      case "parked" -> parked(count);
      default -> {
        System.err.println("unknown mode " + mode);
        System.exit(2);
      }
    }
  }

  /**
   * What a JUnit test pays: read + build + the first execution, in a JVM that has run nothing yet.
   */
  private static void first(String name, long mainStartNanos) {
    String definition = Workloads.definitionText(name);
    JsonNode input = Workloads.input(name);
    long t0 = System.nanoTime();
    LocalStateMachine machine = Workloads.build(definition);
    long t1 = System.nanoTime();
    Execution execution = machine.run(input);
    long t2 = System.nanoTime();
    long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
    check(execution);
    OutputCheck outputs = new OutputCheck(Workloads.expectedOutput(name));
    outputs.check(execution.output());
    print(
        "{\"side\":\"asl4j\",\"mode\":\"first\",\"workload\":\"%s\",\"buildMs\":%.1f,\"firstRunMs\":%.1f,"
            + "\"inMainMs\":%.1f,\"sinceJvmStartMs\":%d,%s}",
        name, ms(t1 - t0), ms(t2 - t1), ms(t2 - mainStartNanos), uptime, outputs.json());
  }

  /** What an execution's history costs its reader, beyond running it. */
  enum History {
    /** Not read: events are recorded, their details are not built. */
    NONE,
    /**
     * {@code history()}, and every event's type, timestamp and {@code details()}, and the details'
     * {@code input} and {@code output} (the JSON text of the values; the peer's events hold them by
     * reference): details are built when first looked into, so reading {@code details()} alone
     * would leave them unbuilt.
     */
    READ,
    /**
     * {@code history()}, and every event as GetExecutionHistory JSON text ({@code
     * toJson().toString()}).
     */
    JSON;

    static History of(String text) {
      return switch (text) {
        case "none" -> NONE;
        case "read" -> READ;
        case "json" -> JSON;
        default ->
            throw new IllegalArgumentException("--history is none, read or json, not " + text);
      };
    }

    /** Reads the history as this mode says; returns how many events it read. */
    int read(Execution execution) {
      if (this == NONE) {
        return 0;
      }
      List<HistoryEvent> events = execution.history();
      for (HistoryEvent event : events) {
        if (this == READ) {
          sink = event.type();
          sink = event.timestamp();
          ObjectNode details = event.details();
          if (details != null) { // as the peer reads its events' input and output
            sink = details.get("input");
            sink = details.get("output");
          }
        } else {
          sink = event.toJson().toString();
        }
      }
      return events.size();
    }
  }

  private static void exec(String name, int threads, History history, double warmup, double seconds)
      throws Exception {
    LocalStateMachine machine = Workloads.build(Workloads.definitionText(name));
    JsonNode input = Workloads.input(name);
    JsonNode expected = Workloads.expectedOutput(name);
    OutputCheck outputs = new OutputCheck(expected);
    Execution first = check(machine.run(input));
    outputs.check(first.output());
    int events = first.history().size();
    Runnable warm =
        () -> {
          Execution execution = machine.run(input);
          history.read(execution);
          outputs.check(execution.output());
        };
    Runnable measured =
        () -> {
          Execution execution = machine.run(input);
          int read = history.read(execution);
          if (ThreadLocalRandom.current().nextInt(16)
              == 0) { // a counter would be shared by the threads
            outputs.check(execution.output());
            if (history != History.NONE && read != events) {
              throw new IllegalStateException(
                  "the history had " + read + " events, the first execution's " + events);
            }
          }
          sink = execution.output();
        };
    double rate =
        threads == 1
            ? timed(warm, measured, warmup, seconds)
            : timedThreads(warm, measured, threads, warmup, seconds);
    print(
        "{\"side\":\"asl4j\",\"mode\":\"exec\",\"workload\":\"%s\",\"threads\":%d,\"history\":\"%s\",\"executionsPerSecond\":%.0f,"
            + "\"executionsPerCpuSecond\":%.0f,\"eventsPerExecution\":%d,%s}",
        name,
        threads,
        history.name().toLowerCase(Locale.ROOT),
        rate,
        lastPerCpuSecond,
        events,
        outputs.json());
  }

  /** Counts outputs checked against the expected one, and wrong ones (any thread). */
  static final class OutputCheck {
    private final JsonNode expected;
    private final AtomicLong checked = new AtomicLong();
    private final AtomicLong wrong = new AtomicLong();
    private volatile JsonNode firstWrong;

    OutputCheck(JsonNode expected) {
      this.expected = expected;
    }

    void check(JsonNode output) {
      checked.incrementAndGet();
      if (!expected.equals(output) && wrong.getAndIncrement() == 0) {
        firstWrong = output;
      }
    }

    String json() {
      String text = "\"outputsChecked\":" + checked.get() + ",\"wrong\":" + wrong.get();
      return firstWrong == null ? text : text + ",\"firstWrongOutput\":" + firstWrong;
    }
  }

  private static void build(String name, double warmup, double seconds) {
    String definition = Workloads.definitionText(name);
    Runnable once =
        () ->
            sink =
                LocalStateMachine.builder(AslReader.read(definition))
                    .handlerForPrefix("arn:", Workloads.ECHO)
                    .build();
    double rate = timed(once, warmup, seconds);
    print(
        "{\"side\":\"asl4j\",\"mode\":\"build\",\"workload\":\"%s\",\"buildsPerSecond\":%.0f,\"microsPerBuild\":%.2f}",
        name, rate, 1e6 / rate);
  }

  /**
   * Hand-written and interpreted order-processing, alternating in one JVM, 3 rounds each; medians.
   */
  private static void handwritten(double warmup, double seconds) {
    String name = "order-processing";
    LocalStateMachine machine = Workloads.build(Workloads.definitionText(name));
    JsonNode input = Workloads.input(name);
    JsonNode interpreted = check(machine.run(input)).output();
    JsonNode byHand = HandWrittenOrderProcessing.run(input);
    if (!interpreted.equals(Workloads.expectedOutput(name))) {
      throw new IllegalStateException(
          "interpreted output "
              + interpreted
              + " differs from the expected "
              + Workloads.expectedOutput(name));
    }
    if (!interpreted.equals(byHand)) {
      throw new IllegalStateException(
          "hand-written output " + byHand + " differs from the interpreter's " + interpreted);
    }
    Runnable hand = () -> sink = HandWrittenOrderProcessing.run(input);
    Runnable interp = () -> sink = machine.run(input).output();
    List<Double> hands = new ArrayList<>();
    List<Double> interps = new ArrayList<>();
    for (int round = 0; round < 3; round++) {
      hands.add(timed(hand, round == 0 ? warmup : 0.5, seconds / 3));
      interps.add(timed(interp, round == 0 ? warmup : 0.5, seconds / 3));
    }
    double h = median(hands);
    double i = median(interps);
    print(
        "{\"side\":\"asl4j\",\"mode\":\"handwritten\",\"workload\":\"%s\",\"handWrittenPerSecond\":%.0f,"
            + "\"interpreterPerSecond\":%.0f,\"ratio\":%.2f}",
        name, h, i, h / i);
  }

  /**
   * An order waiting for approval: a Task on {@code sqs:sendMessage.waitForTaskToken} (the handler
   * answers at once, the token is never sent back), with order-processing's input, so each parked
   * execution holds its input, its history so far, its scheduler and its token.
   */
  private static final String PARKED =
      ("{'StartAt':'Approve','States':{'Approve':{'Type':'Task',"
              + "'Resource':'arn:aws:states:::sqs:sendMessage.waitForTaskToken',"
              + "'Parameters':{'QueueUrl':'https://sqs.us-east-1.amazonaws.com/123456789012/approvals',"
              + "'MessageBody':{'token.$':'$$.Task.Token','order.$':'$'}},"
              + "'ResultPath':'$.approval','TimeoutSeconds':259200,'Next':'Done'},"
              + "'Done':{'Type':'Pass','End':true}}}")
          .replace('\'', '"');

  /**
   * Heap held by {@code count} parked executions: used heap after full GCs with them all alive,
   * minus the same before starting them (machine built, one execution run and completed).
   */
  private static void parked(int count) {
    JsonNode input = Workloads.input("order-processing");
    JsonNode sent = AslReader.parse("{\"MessageId\":\"m-1\"}");
    LocalStateMachine machine =
        LocalStateMachine.builder(PARKED)
            .handler("arn:aws:states:::sqs:sendMessage", (in, ctx) -> sent)
            .build();
    Execution probe = machine.start(input).runUntilWaiting();
    if (probe.waitingTaskTokens().size() != 1) {
      throw new IllegalStateException(
          "the execution did not park on its task token: " + probe.status());
    }
    machine.sendTaskSuccess(probe.waitingTaskTokens().get(0), sent);
    check(probe.await());
    long before = usedHeapAfterGc();
    long t0 = System.nanoTime();
    List<Execution> parked = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Execution execution = machine.start(input).runUntilWaiting();
      if (execution.status() != ExecutionStatus.RUNNING) {
        throw new IllegalStateException("execution " + i + " ended: " + execution.status());
      }
      parked.add(execution);
    }
    double startMs = ms(System.nanoTime() - t0);
    long after = usedHeapAfterGc();
    sink = parked;
    if (Boolean.getBoolean("asl4j.bench.histogram")) {
      System.err.println(classHistogram()); // what the parked executions hold, by class
    }
    long held = after - before;
    print(
        "{\"side\":\"asl4j\",\"mode\":\"parked\",\"workload\":\"waitForTaskToken\",\"executions\":%d,"
            + "\"heapMiB\":%.1f,\"bytesPerExecution\":%d,\"startMs\":%.0f,\"maxHeapMiB\":%d}",
        count, held / 1048576.0, held / count, startMs, Runtime.getRuntime().maxMemory() >> 20);
    parked.clear();
  }

  /** The JVM's class histogram of live objects (as {@code jcmd PID GC.class_histogram}). */
  private static String classHistogram() {
    try {
      return (String)
          ManagementFactory.getPlatformMBeanServer()
              .invoke(
                  new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"),
                  "gcClassHistogram",
                  new Object[] {null},
                  new String[] {String[].class.getName()});
    } catch (javax.management.JMException e) {
      return "no class histogram: " + e;
    }
  }

  private static long usedHeapAfterGc() {
    java.lang.management.MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return memory.getHeapMemoryUsage().getUsed();
  }

  static double timed(Runnable once, double warmupSeconds, double seconds) {
    return timed(once, once, warmupSeconds, seconds);
  }

  /** Runs {@code warm} for the warm-up, then counts runs of {@code once} in a measured time. */
  static double timed(Runnable warm, Runnable once, double warmupSeconds, double seconds) {
    runFor(warm, warmupSeconds);
    long cpu = processCpuNanos();
    long start = System.nanoTime();
    long n = runFor(once, seconds);
    long elapsed = System.nanoTime() - start;
    lastPerCpuSecond = n / ((processCpuNanos() - cpu) / 1e9);
    return n / (elapsed / 1e9);
  }

  /**
   * Runs per second of CPU time the whole process used (every thread: the JIT compiler and the
   * garbage collector too) in the last measured time: on a host shared with other work, wall-clock
   * rates fall with the share of the CPU the process gets; this one does not.
   */
  private static double lastPerCpuSecond = Double.NaN;

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static long runFor(Runnable once, double seconds) {
    long deadline = System.nanoTime() + (long) (seconds * 1e9);
    long n = 0;
    do {
      for (int i = 0; i < 16; i++) {
        once.run();
      }
      n += 16;
    } while (System.nanoTime() < deadline);
    return n;
  }

  /** Throughput of {@code threads} threads running {@code once} as fast as they can, together. */
  static double timedThreads(
      Runnable warm, Runnable once, int threads, double warmupSeconds, double seconds)
      throws InterruptedException {
    AtomicLong total = new AtomicLong();
    CountDownLatch warmed = new CountDownLatch(threads);
    CountDownLatch go = new CountDownLatch(1);
    long[] window = new long[2];
    long cpu;
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread worker =
          new Thread(
              () -> {
                runFor(warm, warmupSeconds);
                warmed.countDown();
                try {
                  go.await();
                } catch (InterruptedException e) {
                  return;
                }
                total.addAndGet(runFor(once, seconds));
              });
      workers.add(worker);
      worker.start();
    }
    warmed.await();
    cpu = processCpuNanos();
    window[0] = System.nanoTime();
    go.countDown();
    for (Thread worker : workers) {
      worker.join();
    }
    window[1] = System.nanoTime();
    lastPerCpuSecond = total.get() / ((processCpuNanos() - cpu) / 1e9);
    return total.get() / ((window[1] - window[0]) / 1e9);
  }

  private static Execution check(Execution execution) {
    if (execution.status() != ExecutionStatus.SUCCEEDED) {
      throw new IllegalStateException(
          "execution ended "
              + execution.status()
              + ": "
              + execution.error()
              + " "
              + execution.cause());
    }
    return execution;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }

  private static void print(String format, Object... args) {
    System.out.println(String.format(Locale.ROOT, format, args));
  }
}
