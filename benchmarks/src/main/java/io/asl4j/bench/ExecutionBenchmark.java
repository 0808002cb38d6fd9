package io.asl4j.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.asl4j.dsl.json.AslReader;
import io.asl4j.runtime.Execution;
import io.asl4j.runtime.LocalStateMachine;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH: executions per second of the shared workloads, one thread and two, with the history read and
 * written as JSON, plus build + validate of a machine and the hand-written order-processing. Run
 * with {@code java -jar benchmarks/target/benchmarks.jar} (never during {@code mvn verify}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ExecutionBenchmark {
  @Param({"order-processing", "pass-chain-10", "map-1000"})
  public String workload;

  private String definition;
  private LocalStateMachine machine;
  private JsonNode input;

  @Setup
  public void setUp() {
    definition = Workloads.definitionText(workload);
    machine = Workloads.build(definition);
    input = Workloads.input(workload);
  }

  @Benchmark
  public JsonNode execution() {
    return machine.run(input).output();
  }

  /** An execution, then its history read: every event's type, timestamp and details. */
  @Benchmark
  public Object executionWithHistoryRead() {
    Execution execution = machine.run(input);
    Harness.History.READ.read(execution);
    return execution.output();
  }

  /** An execution, then every event of its history written as GetExecutionHistory JSON. */
  @Benchmark
  public Object executionWithHistoryAsJson() {
    Execution execution = machine.run(input);
    Harness.History.JSON.read(execution);
    return execution.output();
  }

  @Benchmark
  @Threads(2)
  public JsonNode executionTwoThreads() {
    return machine.run(input).output();
  }

  @Benchmark
  public LocalStateMachine buildAndValidate() {
    return LocalStateMachine.builder(AslReader.read(definition))
        .handlerForPrefix("arn:", Workloads.ECHO)
        .build();
  }

  /** Only meaningful for order-processing; the other workloads measure the same thing again. */
  @Benchmark
  public JsonNode handWrittenOrderProcessing() {
    return HandWrittenOrderProcessing.run(input);
  }
}
