package io.asl4j.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.asl4j.dsl.TaskBindings;
import io.asl4j.dsl.json.AslReader;
import io.asl4j.dsl.model.StateMachine;
import io.asl4j.dsl.model.StateMachineType;
import io.asl4j.dsl.validate.ValidationOptions;
import io.asl4j.dsl.validate.Validator;
import io.asl4j.runtime.internal.engine.ActivityQueues;
import io.asl4j.runtime.internal.engine.Data;
import io.asl4j.runtime.internal.engine.ExecutionRun;
import io.asl4j.runtime.internal.engine.MockedResponses;
import io.asl4j.runtime.internal.engine.Redeliveries;
import io.asl4j.runtime.internal.engine.RunSetup;
import io.asl4j.runtime.internal.engine.StartRequests;
import io.asl4j.runtime.internal.engine.TaskTokens;
import io.asl4j.runtime.services.S3Objects;
import java.lang.ref.WeakReference;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * A state machine running locally: build it from a definition, register task handlers, start
 * executions.
 *
 * <pre>{@code
 * LocalStateMachine machine = LocalStateMachine.builder(AslReader.read(json))
 *     .handler("arn:aws:lambda:us-east-1:123456789012:function:validate", (input, ctx) -> input)
 *     .build();
 * Execution execution = machine.run(input);   // a 1-year Wait takes microseconds
 * }</pre>
 *
 * <p>By default executions run on a virtual clock that starts at the current time and jumps ahead
 * whenever nothing can run, so Waits, retry back-off and timeouts cost nothing. The definition is
 * validated when the machine is built; an invalid one is refused with every problem. Instances are
 * immutable and can start executions from any thread.
 */
public final class LocalStateMachine {
  private final StateMachine definition;
  private final Data data;
  private final Map<String, TaskHandler> handlers;
  private final Map<String, TaskHandler> prefixHandlers;
  private final Instant virtualStart;
  private final boolean virtualTime;
  private final Long seed;
  private final String name;
  private final String region;
  private final String account;
  private final StateMachineType type;
  private final MockedResponses mocks;
  private final S3Objects s3;
  private final double duplicateDeliveries;
  private final TaskTokens tokens = new TaskTokens();
  private final ActivityQueues activities = new ActivityQueues();

  /** Unnamed starts so far: names them {@code execution-N} and seeds them {@code seed + N}. */
  private final AtomicLong executions = new AtomicLong();

  /** Named starts so far: seeds them {@code seed - N}, apart from every unnamed one. */
  private final AtomicLong namedExecutions = new AtomicLong();

  /**
   * The Standard executions started with a name, by name: AWS refuses a name a second time (for 90
   * days) unless that execution is still running with the same input. Held weakly, so that naming
   * executions keeps no history alive; one nobody holds any more counts as closed.
   */
  private final ConcurrentHashMap<String, NamedStart> namedStarts = new ConcurrentHashMap<>();

  private record NamedStart(String arn, WeakReference<Execution> execution) {}

  /** What all its executions share. */
  private final RunSetup.Machine shared;

  private LocalStateMachine(Builder builder) {
    this.definition = builder.definition;
    this.data = new Data();
    this.handlers = Map.copyOf(builder.handlers);
    // Never changed after: iterating it allocates no entry set, as a Map.copyOf map's does per
    // call.
    this.prefixHandlers = new LinkedHashMap<>(builder.prefixHandlers);
    this.virtualStart = builder.virtualStart;
    this.virtualTime = builder.virtualTime;
    this.seed = builder.seed;
    this.name = builder.name;
    this.region = builder.region;
    this.account = builder.account;
    this.type = builder.type;
    this.mocks = builder.mocks;
    this.s3 = builder.s3;
    this.duplicateDeliveries = builder.duplicateDeliveries;
    this.shared =
        new RunSetup.Machine(
            definition,
            data,
            handlers,
            prefixHandlers,
            virtualTime,
            region,
            account,
            name,
            type == StateMachineType.EXPRESS,
            tokens,
            mocks,
            s3,
            activities,
            builder.timeScale);
  }

  /** A builder for a machine running {@code definition}. */
  public static Builder builder(StateMachine definition) {
    return new Builder(Objects.requireNonNull(definition, "definition == null"));
  }

  /** A builder for a machine running the ASL JSON {@code definition}. */
  public static Builder builder(String definition) {
    return builder(AslReader.read(definition));
  }

  /**
   * A builder for the machine {@code tasks} belong to (a generated {@code
   * <Workflow>Definition.tasks()}), named as it is and with those implementations bound.
   */
  public static Builder bind(TaskBindings tasks) {
    Objects.requireNonNull(tasks, "tasks == null");
    return builder(tasks.stateMachine()).name(tasks.machineName()).bind(tasks);
  }

  /** The definition this machine runs. */
  public StateMachine definition() {
    return definition;
  }

  /**
   * Starts an execution with a generated name; it runs when awaited.
   *
   * @throws StartExecutionException for an input over 256 KiB, as AWS refuses it
   */
  public Execution start(JsonNode input) {
    // Named execution-N when first asked: most executions never show their name.
    long n = executions.incrementAndGet();
    return start(input, null, n, n);
  }

  /**
   * Starts an execution named {@code executionName}; it runs when awaited. As on AWS, a Standard
   * machine's names are unique: starting a name again returns the same execution while it runs with
   * the same input, and is refused otherwise; Express executions may share a name.
   *
   * @throws StartExecutionException as AWS refuses the start: an input whose JSON text is over 256
   *     KiB (262,144 bytes of UTF-8), or a name that is empty, over 80 characters, or has
   *     whitespace, a control character or one of {@code ? * < > { } [ ] " # % \ ^ | ~ ` $ & , ; :
   *     /}; {@code ExecutionAlreadyExists} for a Standard execution's name used before
   */
  public Execution start(JsonNode input, String executionName) {
    Objects.requireNonNull(executionName, "executionName == null");
    if (type == StateMachineType.EXPRESS) {
      return start(input, executionName, 0, -namedExecutions.getAndIncrement());
    }
    Execution[] started = new Execution[1];
    NamedStart named =
        namedStarts.compute(
            executionName,
            (name, earlier) -> {
              if (earlier != null) {
                return earlier;
              }
              started[0] = start(input, name, 0, -namedExecutions.getAndIncrement());
              return new NamedStart(started[0].arn(), new WeakReference<>(started[0]));
            });
    if (started[0] != null) {
      return started[0];
    }
    Execution earlier = named.execution().get();
    JsonNode given = input == null ? NullNode.getInstance() : input;
    if (earlier != null
        && earlier.status() == ExecutionStatus.RUNNING
        && earlier.input().equals(given)) {
      return earlier;
    }
    throw new StartExecutionException(
        "ExecutionAlreadyExists", "Execution Already Exists: '" + named.arn() + "'");
  }

  /**
   * Starts an execution named {@code executionName} (null: {@code execution-<number>}, named when
   * first asked) whose randomness (task tokens, UUIDs, jitter, doubled deliveries) a seeded machine
   * draws from {@code seed + streamOffset}. Every start gets an offset of its own — unnamed ones 1,
   * 2, ..., named ones 0, -1, ... — also when started from several threads at once: two executions
   * on one stream would draw the same task tokens, and a callback meant for one would complete the
   * other.
   */
  private Execution start(JsonNode input, String executionName, long number, long streamOffset) {
    JsonNode executionInput = input == null ? NullNode.getInstance() : input;
    StartRequests.check(executionInput, executionName);
    long startMillis =
        virtualTime
            ? (virtualStart != null ? virtualStart : Instant.now()).toEpochMilli()
            : System.currentTimeMillis();
    // Which deliveries are doubled is reproducible even without seed(...): a failing test fails
    // again.
    Redeliveries redeliveries =
        duplicateDeliveries > 0
            ? new Redeliveries(duplicateDeliveries, (seed != null ? seed : 0) + streamOffset)
            : null;
    RunSetup setup =
        new RunSetup(
            shared,
            startMillis,
            seed != null ? seed + streamOffset : null,
            executionName,
            number,
            redeliveries);
    if (type == StateMachineType.EXPRESS) {
      setup.executionArn(); // its run id is the first draw of a seeded execution's randomness
    }
    ExecutionRun run = new ExecutionRun(setup, executionInput);
    run.start();
    return new Execution(run);
  }

  /**
   * Completes the callback task waiting with {@code taskToken}, from any thread.
   *
   * @throws TaskTokenException {@code TaskDoesNotExist} for an unknown token, {@code TaskTimedOut}
   *     for a task that already ended, {@code ValidationException} (the task goes on waiting) for a
   *     token over 1,024 characters or an output over 256 KiB
   */
  public void sendTaskSuccess(String taskToken, JsonNode output) {
    TaskTokens.checkRequest(taskToken, output, null, null);
    tokens.succeed(taskToken, output);
  }

  /**
   * Fails the callback task waiting with {@code taskToken}; see {@link #sendTaskSuccess}. AWS
   * refuses an error over 256 characters and a cause over 32,768 with {@code ValidationException}.
   */
  public void sendTaskFailure(String taskToken, String error, String cause) {
    TaskTokens.checkRequest(taskToken, null, error, cause);
    tokens.fail(taskToken, error, cause);
  }

  /** Restarts the {@code HeartbeatSeconds} timer of the task waiting with {@code taskToken}. */
  public void sendTaskHeartbeat(String taskToken) {
    TaskTokens.checkRequest(taskToken, null, null, null);
    tokens.heartbeat(taskToken);
  }

  /**
   * What an activity worker does: takes the next task scheduled for {@code activityArn}, if any
   * (AWS's GetActivityTask), from any thread. Answer it with {@link #sendTaskSuccess} or {@link
   * #sendTaskFailure} and its token.
   */
  public Optional<ActivityTask> getActivityTask(String activityArn, String workerName) {
    return activities.take(activityArn, workerName);
  }

  /**
   * Starts an execution and runs it to its end.
   *
   * @throws StartExecutionException for an input over 256 KiB, as AWS refuses it
   */
  public Execution run(JsonNode input) {
    Execution execution = start(input);
    execution.await();
    return execution;
  }

  /** Builds a {@link LocalStateMachine}. */
  public static final class Builder {
    private final StateMachine definition;
    private final Map<String, TaskHandler> handlers = new LinkedHashMap<>();
    private final Map<String, TaskHandler> prefixHandlers = new LinkedHashMap<>();
    private Instant virtualStart;
    private boolean virtualTime = true;
    private double timeScale = 1;
    private Long seed;
    private String name = "asl4j-local";
    private String region = "us-east-1";
    private String account = "123456789012";
    private StateMachineType type = StateMachineType.STANDARD;
    private MockedResponses mocks;
    private S3Objects s3;
    private double duplicateDeliveries;

    private Builder(StateMachine definition) {
      this.definition = definition;
    }

    /**
     * Handles Task states whose {@code Resource} is exactly {@code resource}. A Lambda function ARN
     * also serves {@code arn:aws:states:::lambda:invoke} calls naming that function.
     */
    public Builder handler(String resource, TaskHandler handler) {
      handlers.put(
          Objects.requireNonNull(resource, "resource == null"),
          Objects.requireNonNull(handler, "handler == null"));
      return this;
    }

    /**
     * Binds typed Java implementations (a generated {@code <Workflow>Definition.tasks()}): one
     * handler per resource that runs the implementation bound to the calling state. A state of that
     * resource with no implementation fails with {@code States.TaskFailed}, naming it.
     */
    public Builder bind(TaskBindings tasks) {
      Map<String, UnaryOperator<JsonNode>> byState = Map.copyOf(tasks.byStateName());
      Set<String> resources = new LinkedHashSet<>();
      for (String state : byState.keySet()) {
        String resource = tasks.resources().get(state);
        if (resource == null) {
          throw new IllegalArgumentException(
              "state '"
                  + state
                  + "' is not a Task state with a typed contract in "
                  + tasks.machineName()
                  + "; typed states: "
                  + new java.util.TreeSet<>(tasks.resources().keySet()));
        }
        resources.add(resource);
      }
      for (String resource : resources) {
        handler(
            resource,
            (input, context) -> {
              UnaryOperator<JsonNode> implementation = byState.get(context.stateName());
              if (implementation == null) {
                throw new StatesError(
                    "States.TaskFailed",
                    "no implementation is bound to state '"
                        + context.stateName()
                        + "' (resource '"
                        + resource
                        + "'); bound states: "
                        + new java.util.TreeSet<>(byState.keySet()));
              }
              return implementation.apply(input);
            });
      }
      return this;
    }

    /**
     * Handles Task states whose {@code Resource} starts with {@code prefix} (longest prefix wins).
     */
    public Builder handlerForPrefix(String prefix, TaskHandler handler) {
      prefixHandlers.put(
          Objects.requireNonNull(prefix, "prefix == null"),
          Objects.requireNonNull(handler, "handler == null"));
      return this;
    }

    /**
     * Registers every fake of {@code services} (DynamoDB, SQS, SNS, EventBridge, Step Functions,
     * HTTP, S3 and the {@code aws-sdk:} hooks) as handlers of their integrations' resources.
     */
    public Builder services(io.asl4j.runtime.services.AwsServices services) {
      services.handlers().forEach(this::handler);
      services.prefixHandlers().forEach(this::handlerForPrefix);
      return this;
    }

    /**
     * Runs on a virtual clock starting at {@code start}. The default starts at the current time.
     */
    public Builder virtualClock(Instant start) {
      this.virtualTime = true;
      this.virtualStart = Objects.requireNonNull(start, "start == null");
      return this;
    }

    /** Runs on the real clock: a Wait of a minute takes a minute. */
    public Builder realClock() {
      return realClock(1);
    }

    /**
     * Runs on the real clock sped up: at {@code scale} 0.01 a Wait of 100 seconds takes one second
     * (and so do back-off and timeouts), while the execution's own times say 100 seconds passed.
     */
    public Builder realClock(double scale) {
      if (!(scale > 0) || Double.isInfinite(scale)) {
        throw new IllegalArgumentException("scale must be a positive number: " + scale);
      }
      this.virtualTime = false;
      this.timeScale = scale;
      return this;
    }

    /**
     * Seeds every random choice (jitter, UUIDs, task tokens, {@code States.MathRandom}) for
     * reproducible runs: the N-th unnamed execution draws from {@code seed + N}, the N-th named one
     * (counting from 0) from {@code seed - N}. Unseeded by default.
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * The state machine name used in ARNs and {@code $$.StateMachine.Name}. Defaults to {@code
     * asl4j-local}.
     */
    public Builder name(String name) {
      this.name = Objects.requireNonNull(name, "name == null");
      return this;
    }

    /**
     * Answers Task states from a Step Functions Local mock file: the responses of {@code testCase}
     * of {@code stateMachine} in it. States the test case does not name use the handlers, as Step
     * Functions Local calls the real service for them.
     *
     * @throws IllegalArgumentException when the file has no such test case, or the test case mocks
     *     a state that is not a Task state of the definition
     */
    public Builder mocks(MockConfig config, String stateMachine, String testCase) {
      this.mocks = config.responses(stateMachine, testCase, definition);
      return this;
    }

    /** The S3 objects a distributed Map's ItemReader reads and its ResultWriter writes. */
    public Builder s3(S3Objects objects) {
      this.s3 = Objects.requireNonNull(objects, "objects == null");
      return this;
    }

    /**
     * Whether executions are STANDARD or EXPRESS (which changes their ARNs). Defaults to STANDARD.
     */
    public Builder type(StateMachineType type) {
      this.type = Objects.requireNonNull(type, "type == null");
      return this;
    }

    /**
     * Simulates the at-least-once delivery of Express workflows, so that a test can check its task
     * handlers are idempotent: AWS may run a state of an asynchronous Express execution more than
     * once. Each Task invocation picked (with probability {@code fraction}; 1.0 picks every one)
     * calls its handler twice with the same input: the first call's result, error or pending
     * completion is lost and the second is the one the execution continues with. The history is
     * what it would be without the duplicate, as AWS's shows one delivery (and Express workflows
     * have no execution history on AWS at all). States answered by a mock file are delivered once
     * (Express machines have no callback or activity tasks to exempt). The picks are drawn from a
     * generator seeded by {@link #seed(long)} (0 without one) and the execution's number, so a
     * failing test fails the same way again.
     *
     * <pre>{@code
     * LocalStateMachine machine = LocalStateMachine.builder(definition)
     *     .type(StateMachineType.EXPRESS)
     *     .duplicateTaskDeliveries(1.0)            // every task handler runs twice
     *     .handler(CHARGE_CARD, payments::charge)
     *     .build();
     * machine.run(order);
     * assertEquals(1, payments.chargesFor(orderId)); // fails unless charge() is idempotent
     * }</pre>
     *
     * <p>Defaults to 0.0: every task is delivered once. Only for EXPRESS machines ({@link #build()}
     * refuses it for STANDARD, which AWS runs exactly once).
     *
     * @param fraction of Task invocations delivered twice, from 0.0 to 1.0
     * @throws IllegalArgumentException when {@code fraction} is not between 0.0 and 1.0
     */
    public Builder duplicateTaskDeliveries(double fraction) {
      if (!(fraction >= 0.0 && fraction <= 1.0)) {
        throw new IllegalArgumentException(
            "duplicateTaskDeliveries: the fraction of Task invocations delivered twice must be between 0.0 and 1.0, not "
                + fraction);
      }
      this.duplicateDeliveries = fraction;
      return this;
    }

    /** The region used in ARNs. Defaults to {@code us-east-1}. */
    public Builder region(String region) {
      this.region = Objects.requireNonNull(region, "region == null");
      return this;
    }

    /** The account id used in ARNs. Defaults to {@code 123456789012}. */
    public Builder account(String account) {
      this.account = Objects.requireNonNull(account, "account == null");
      return this;
    }

    /**
     * Validates the definition and builds the machine.
     *
     * @throws io.asl4j.dsl.validate.AslValidationException listing every problem when the
     *     definition is invalid
     * @throws IllegalStateException when duplicate task deliveries are asked of a STANDARD machine
     */
    public LocalStateMachine build() {
      if (duplicateDeliveries > 0 && type != StateMachineType.EXPRESS) {
        throw new IllegalStateException(
            "duplicateTaskDeliveries("
                + duplicateDeliveries
                + ") simulates Express at-least-once delivery, but this machine is "
                + type
                + ": set type(StateMachineType.EXPRESS), as AWS runs each task of a Standard execution exactly once");
      }
      Validator.validate(definition, ValidationOptions.forType(type)).throwIfInvalid();
      return new LocalStateMachine(this);
    }
  }
}
