package io.asl4j.junit;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.asl4j.dsl.TaskBindings;
import io.asl4j.dsl.json.AslReader;
import io.asl4j.dsl.model.StateMachine;
import io.asl4j.runtime.Execution;
import io.asl4j.runtime.LocalStateMachine;
import io.asl4j.runtime.MockConfig;
import io.asl4j.runtime.TaskHandler;
import io.asl4j.runtime.services.AwsServices;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A test's local runtime: every machine it builds runs on a virtual clock starting at {@link
 * #clockStart()}, with the handlers, mock file and service fakes registered here. Injected by
 * {@link Asl4jExtension} (one per test); also usable on its own with {@link #create()}.
 */
public final class Asl4jRuntime {
  /** The default start of the virtual clock. */
  public static final String DEFAULT_CLOCK = "2025-01-01T00:00:00Z";

  static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private final Instant clockStart;
  private final long seed;
  private final boolean serviceFakes;
  private final Map<String, TaskHandler> handlers = new LinkedHashMap<>();
  private final Map<String, TaskHandler> prefixHandlers = new LinkedHashMap<>();
  private final List<Execution> executions = Collections.synchronizedList(new ArrayList<>());
  private AwsServices services;
  private MockConfig mocks;
  private String mockedMachine;
  private String testCase;

  Asl4jRuntime(Instant clockStart, long seed, boolean serviceFakes) {
    this.clockStart = clockStart;
    this.seed = seed;
    this.serviceFakes = serviceFakes;
  }

  /** A runtime outside JUnit, on the default virtual clock, with the service fakes. */
  public static Asl4jRuntime create() {
    return new Asl4jRuntime(Instant.parse(DEFAULT_CLOCK), 42L, true);
  }

  /** Where the virtual clock of every machine built here starts. */
  public Instant clockStart() {
    return clockStart;
  }

  /** Handles Task states whose {@code Resource} is exactly {@code resource}. */
  public Asl4jRuntime handler(String resource, TaskHandler handler) {
    handlers.put(
        Objects.requireNonNull(resource, "resource == null"),
        Objects.requireNonNull(handler, "handler == null"));
    return this;
  }

  /** Handles Task states whose {@code Resource} starts with {@code prefix}. */
  public Asl4jRuntime handlerForPrefix(String prefix, TaskHandler handler) {
    prefixHandlers.put(
        Objects.requireNonNull(prefix, "prefix == null"),
        Objects.requireNonNull(handler, "handler == null"));
    return this;
  }

  /**
   * Handles {@code resource} with a typed Java function: the task input converted to {@code
   * inputType}, the result converted back to JSON (records in, records out).
   */
  public <I, O> Asl4jRuntime function(
      String resource, Class<I> inputType, Function<? super I, ? extends O> function) {
    Objects.requireNonNull(function, "function == null");
    return handler(
        resource,
        (input, ctx) -> JSON.valueToTree(function.apply(JSON.convertValue(input, inputType))));
  }

  /**
   * Answers states from test case {@code testCase} of {@code stateMachine} in a Step Functions
   * Local mock file.
   */
  public Asl4jRuntime mocks(Path mockConfigFile, String stateMachine, String testCase) {
    try {
      return mocks(MockConfig.read(mockConfigFile), stateMachine, testCase);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Answers states from test case {@code testCase} of {@code stateMachine} in {@code config}. */
  public Asl4jRuntime mocks(MockConfig config, String stateMachine, String testCase) {
    this.mocks = Objects.requireNonNull(config, "config == null");
    this.mockedMachine = Objects.requireNonNull(stateMachine, "stateMachine == null");
    this.testCase = Objects.requireNonNull(testCase, "testCase == null");
    return this;
  }

  /**
   * The in-memory AWS service fakes (DynamoDB, SQS, SNS, EventBridge, Step Functions, HTTP, S3),
   * registered on every machine (unless {@code @Asl4jTest(services = false)}, then on those built
   * after the first call here); handlers registered here win over them.
   */
  public synchronized AwsServices services() {
    if (services == null) {
      services = AwsServices.create(seed);
    }
    return services;
  }

  /** Applies this runtime's clock, seed, services, mocks and handlers to {@code builder}. */
  public LocalStateMachine.Builder configure(LocalStateMachine.Builder builder) {
    builder.virtualClock(clockStart).seed(seed);
    if (serviceFakes) {
      services();
    }
    if (services != null) {
      builder.services(services);
    }
    handlers.forEach(builder::handler);
    prefixHandlers.forEach(builder::handlerForPrefix);
    if (mocks != null) {
      builder.mocks(mocks, mockedMachine, testCase);
    }
    return builder;
  }

  /**
   * A builder of {@code definition}, configured by {@link #configure}: add handlers, then {@code
   * build()}.
   */
  public LocalStateMachine.Builder builder(StateMachine definition) {
    return configure(LocalStateMachine.builder(definition));
  }

  /**
   * A builder of the machine {@code tasks} belong to (a generated {@code
   * <Workflow>Definition.tasks()} with its typed implementations), configured by {@link #configure}
   * and with those implementations bound: add handlers, then {@code build()}.
   */
  public LocalStateMachine.Builder bind(TaskBindings tasks) {
    return configure(LocalStateMachine.bind(tasks));
  }

  /** {@code definition} (ASL JSON) as a configured machine. */
  public LocalStateMachine machine(String definition) {
    return machine(AslReader.read(definition));
  }

  /** {@code definition} as a configured machine. */
  public LocalStateMachine machine(StateMachine definition) {
    return builder(definition).build();
  }

  /**
   * Runs {@code definition} to its end with {@code input} (JSON text, a {@link JsonNode} or any
   * Jackson-convertible object).
   */
  public Execution run(StateMachine definition, Object input) {
    return run(machine(definition), input);
  }

  /**
   * Runs {@code machine} to its end with {@code input}; the execution is remembered for failure
   * reports.
   */
  public Execution run(LocalStateMachine machine, Object input) {
    return track(machine.start(json(input))).await();
  }

  /** Starts an execution without running it (then {@code runUntilWaiting()} / {@code await()}). */
  public Execution start(LocalStateMachine machine, Object input) {
    return track(machine.start(json(input)));
  }

  /** Remembers {@code execution} so a failing test reports its path. */
  public Execution track(Execution execution) {
    executions.add(execution);
    return execution;
  }

  /** The executions run or tracked here, in order. */
  public List<Execution> executions() {
    synchronized (executions) {
      return List.copyOf(executions);
    }
  }

  /** JSON text parsed, a {@link JsonNode} as it is, anything else converted by Jackson. */
  public static JsonNode json(Object value) {
    if (value instanceof JsonNode node) {
      return node;
    }
    if (value instanceof CharSequence text) {
      try {
        return JSON.readTree(text.toString());
      } catch (IOException e) {
        throw new IllegalArgumentException("not JSON: " + text, e);
      }
    }
    return JSON.valueToTree(value);
  }
}
