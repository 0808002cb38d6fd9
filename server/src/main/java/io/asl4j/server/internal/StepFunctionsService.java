package io.asl4j.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asl4j.dsl.json.AslReadException;
import io.asl4j.dsl.json.AslReader;
import io.asl4j.dsl.model.StateMachineType;
import io.asl4j.dsl.validate.AwsDiagnostics;
import io.asl4j.dsl.validate.Problem;
import io.asl4j.dsl.validate.ValidationOptions;
import io.asl4j.dsl.validate.ValidationResult;
import io.asl4j.dsl.validate.Validator;
import io.asl4j.runtime.ActivityTask;
import io.asl4j.runtime.Execution;
import io.asl4j.runtime.ExecutionStatus;
import io.asl4j.runtime.HistoryEvent;
import io.asl4j.runtime.LocalStateMachine;
import io.asl4j.runtime.MapRun;
import io.asl4j.runtime.MockConfig;
import io.asl4j.runtime.RedriveExecutionException;
import io.asl4j.runtime.RedriveStatus;
import io.asl4j.runtime.StartExecutionException;
import io.asl4j.runtime.TaskHandler;
import io.asl4j.runtime.TaskTokenException;
import io.asl4j.runtime.TestState;
import io.asl4j.runtime.TestStateResult;
import io.asl4j.runtime.services.AwsServices;
import io.asl4j.server.internal.Registry.ActivityRecord;
import io.asl4j.server.internal.Registry.AliasRecord;
import io.asl4j.server.internal.Registry.ExecutionRecord;
import io.asl4j.server.internal.Registry.MachineRecord;
import io.asl4j.server.internal.Registry.Revision;
import io.asl4j.server.internal.Registry.Route;
import io.asl4j.server.internal.Registry.VersionRecord;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * The Step Functions API's operations, request JSON in and response JSON out, answered by the asl4j
 * runtime. Every state machine revision runs on its own {@link LocalStateMachine}; each execution
 * runs on a thread of its own while it is running (parked threads cost no CPU).
 */
public final class StepFunctionsService implements AutoCloseable {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** AWS's long poll of GetActivityTask. */
  static final long ACTIVITY_POLL_MILLIS = 60_000;

  private final Registry registry = new Registry();
  private final Arns arns;
  private final String region;
  private final String account;
  private final AwsServices services;
  private final MockConfig mocks;
  private final boolean instantTime;
  private final Map<String, TaskHandler> extraHandlers;
  private final Map<String, TaskHandler> extraPrefixHandlers;
  private final long activityPollMillis;
  private final LambdaForwarder lambda;
  private final AtomicLong threads = new AtomicLong();
  private volatile boolean closing;
  private final ExecutorService runner =
      Executors.newCachedThreadPool(
          task -> {
            // Executions wait far more than they compute: a small stack lets thousands park.
            Thread thread =
                new Thread(null, task, "asl4j-execution-" + threads.incrementAndGet(), 512 * 1024);
            thread.setDaemon(true);
            return thread;
          });

  /**
   * @param instantTime Waits, back-off and timeouts pass at once (a virtual clock), except that an
   *     execution waiting for a callback or an activity worker waits for it
   * @param extraHandlers task handlers every machine gets (e.g. Lambda forwarded to an endpoint)
   */
  public StepFunctionsService(
      String region,
      String account,
      AwsServices services,
      MockConfig mocks,
      boolean instantTime,
      Map<String, TaskHandler> extraHandlers,
      Map<String, TaskHandler> extraPrefixHandlers,
      long activityPollMillis,
      LambdaForwarder lambda) {
    this.region = region;
    this.account = account;
    this.arns = new Arns(region, account);
    this.services = services;
    this.mocks = mocks;
    this.instantTime = instantTime;
    this.extraHandlers = Map.copyOf(extraHandlers);
    this.extraPrefixHandlers = Map.copyOf(extraPrefixHandlers);
    this.activityPollMillis = activityPollMillis;
    this.lambda = lambda;
  }

  /** The names of the 37 operations of the service model, as the X-Amz-Target header names them. */
  public static final List<String> OPERATIONS =
      List.of(
          "CreateActivity",
          "CreateStateMachine",
          "CreateStateMachineAlias",
          "DeleteActivity",
          "DeleteStateMachine",
          "DeleteStateMachineAlias",
          "DeleteStateMachineVersion",
          "DescribeActivity",
          "DescribeExecution",
          "DescribeMapRun",
          "DescribeStateMachine",
          "DescribeStateMachineAlias",
          "DescribeStateMachineForExecution",
          "GetActivityTask",
          "GetExecutionHistory",
          "ListActivities",
          "ListExecutions",
          "ListMapRuns",
          "ListStateMachineAliases",
          "ListStateMachineVersions",
          "ListStateMachines",
          "ListTagsForResource",
          "PublishStateMachineVersion",
          "RedriveExecution",
          "SendTaskFailure",
          "SendTaskHeartbeat",
          "SendTaskSuccess",
          "StartExecution",
          "StartSyncExecution",
          "StopExecution",
          "TagResource",
          "TestState",
          "UntagResource",
          "UpdateMapRun",
          "UpdateStateMachine",
          "UpdateStateMachineAlias",
          "ValidateStateMachineDefinition");

  /**
   * Answers one operation.
   *
   * @throws ApiException as AWS refuses the request
   */
  public ObjectNode call(String operation, JsonNode request) {
    return switch (operation) {
      case "CreateStateMachine" -> createStateMachine(request);
      case "DescribeStateMachine" -> describeStateMachine(request);
      case "DescribeStateMachineForExecution" -> describeStateMachineForExecution(request);
      case "UpdateStateMachine" -> updateStateMachine(request);
      case "DeleteStateMachine" -> deleteStateMachine(request);
      case "ListStateMachines" -> listStateMachines(request);
      case "StartExecution" -> startExecution(request);
      case "StartSyncExecution" -> startSyncExecution(request);
      case "DescribeExecution" -> describeExecution(request);
      case "ListExecutions" -> listExecutions(request);
      case "StopExecution" -> stopExecution(request);
      case "GetExecutionHistory" -> getExecutionHistory(request);
      case "RedriveExecution" -> redriveExecution(request);
      case "SendTaskSuccess" -> sendTaskSuccess(request);
      case "SendTaskFailure" -> sendTaskFailure(request);
      case "SendTaskHeartbeat" -> sendTaskHeartbeat(request);
      case "CreateActivity" -> createActivity(request);
      case "DescribeActivity" -> describeActivity(request);
      case "DeleteActivity" -> deleteActivity(request);
      case "ListActivities" -> listActivities(request);
      case "GetActivityTask" -> getActivityTask(request);
      case "PublishStateMachineVersion" -> publishStateMachineVersion(request);
      case "ListStateMachineVersions" -> listStateMachineVersions(request);
      case "DeleteStateMachineVersion" -> deleteStateMachineVersion(request);
      case "CreateStateMachineAlias" -> createStateMachineAlias(request);
      case "DescribeStateMachineAlias" -> describeStateMachineAlias(request);
      case "UpdateStateMachineAlias" -> updateStateMachineAlias(request);
      case "DeleteStateMachineAlias" -> deleteStateMachineAlias(request);
      case "ListStateMachineAliases" -> listStateMachineAliases(request);
      case "TagResource" -> tagResource(request);
      case "UntagResource" -> untagResource(request);
      case "ListTagsForResource" -> listTagsForResource(request);
      case "DescribeMapRun" -> describeMapRun(request);
      case "ListMapRuns" -> listMapRuns(request);
      case "UpdateMapRun" -> updateMapRun(request);
      case "TestState" -> testState(request);
      case "ValidateStateMachineDefinition" -> validateStateMachineDefinition(request);
      default ->
          throw new ApiException("UnknownOperationException", "Unknown operation: " + operation);
    };
  }

  // ---------------------------------------------------------------- state machines

  private ObjectNode createStateMachine(JsonNode request) {
    String name = Requests.required(request, "name");
    String definition = Requests.required(request, "definition");
    String roleArn = Requests.required(request, "roleArn");
    String typeName = Optional.ofNullable(Requests.string(request, "type")).orElse("STANDARD");
    boolean publish = Boolean.TRUE.equals(Requests.bool(request, "publish"));
    String versionDescription = Requests.string(request, "versionDescription");
    Requests.checkName(name, "name");
    StateMachineType type = machineType(typeName, "type");
    if (versionDescription != null && !publish) {
      throw ApiException.validation("Version description can only be set when publish is true");
    }
    checkLogging(request.get("loggingConfiguration"));
    checkDefinition(definition, type);
    String arn = arns.stateMachine(name);
    Instant now = Instant.now();
    synchronized (registry) {
      MachineRecord existing = registry.machines.get(arn);
      if (existing != null) {
        // AWS answers a repeated create idempotently; a different one is a conflict.
        if (existing.type == type
            && existing.current.definition.equals(definition)
            && existing.current.roleArn.equals(roleArn)) {
          ObjectNode response = JSON.objectNode().put("stateMachineArn", arn);
          Requests.putDate(response, "creationDate", existing.creationDate);
          return response;
        }
        throw new ApiException(
            "StateMachineAlreadyExists", "State Machine Already Exists: '" + arn + "'");
      }
      MachineRecord machine =
          new MachineRecord(
              arn,
              name,
              type,
              now,
              request.get("loggingConfiguration"),
              request.get("tracingConfiguration"),
              new Revision(definition, roleArn, UUID.randomUUID().toString(), now));
      registry.machines.put(arn, machine);
      tagsFrom(arn, request.get("tags"));
      ObjectNode response = JSON.objectNode().put("stateMachineArn", arn);
      Requests.putDate(response, "creationDate", now);
      if (publish) {
        response.put("stateMachineVersionArn", publish(machine, versionDescription).arn());
      }
      services.stepFunctions().stateMachine(arn, engine(machine, machine.current, null));
      return response;
    }
  }

  private static StateMachineType machineType(String typeName, String member) {
    try {
      return StateMachineType.valueOf(typeName);
    } catch (IllegalArgumentException e) {
      throw ApiException.constraint(
          typeName, member, "Member must satisfy enum value set: [STANDARD, EXPRESS]");
    }
  }

  private static void checkLogging(JsonNode logging) {
    if (logging == null || logging.isNull()) {
      return;
    }
    String level = logging.path("level").asText("OFF");
    JsonNode destinations = logging.get("destinations");
    int count = destinations == null || !destinations.isArray() ? 0 : destinations.size();
    if ((!level.equals("OFF") && count != 1) || count > 1) {
      throw new ApiException(
          "InvalidLoggingConfiguration",
          "Invalid Logging Configuration: Must specify exactly one Log Destination.");
    }
  }

  /** Refuses an invalid definition as CreateStateMachine does, with every error AWS-worded. */
  private static void checkDefinition(String definition, StateMachineType type) {
    ValidationResult result = Validator.validateJson(definition, ValidationOptions.forType(type));
    if (result.isValid()) {
      return;
    }
    List<String> errors = new ArrayList<>();
    for (Problem problem : result.errors()) {
      String location = problem.location();
      errors.add(
          AwsDiagnostics.code(problem)
              + ": "
              + problem.message()
              + (location == null || location.isEmpty() ? "" : " at " + location));
    }
    throw new ApiException(
        "InvalidDefinition",
        "Invalid State Machine Definition: '" + String.join(", ", errors) + "'");
  }

  /**
   * The engine running {@code revision} of {@code machine}, with the responses of a mock test case
   * or none.
   */
  private LocalStateMachine engine(MachineRecord machine, Revision revision, String testCase) {
    return revision.engines.computeIfAbsent(
        testCase == null ? "" : testCase,
        key -> {
          LocalStateMachine.Builder builder =
              LocalStateMachine.builder(revision.definition)
                  .name(machine.name)
                  .type(machine.type)
                  .region(region)
                  .account(account)
                  .services(services);
          extraPrefixHandlers.forEach(builder::handlerForPrefix);
          extraHandlers.forEach(builder::handler);
          if (lambda != null) {
            lambda.handlersFor(AslReader.parse(revision.definition)).forEach(builder::handler);
            builder.handlerForPrefix(LambdaForwarder.LAMBDA_INVOKE, lambda.invokeByName());
          }
          if (!instantTime) {
            builder.realClock();
          }
          if (testCase != null) {
            if (mocks == null) {
              throw new ApiException(
                  "InvalidArn",
                  "Invalid Arn: 'no mock file was given (--mocks or SFN_MOCK_CONFIG) for test case "
                      + testCase
                      + "'");
            }
            try {
              builder.mocks(mocks, machine.name, testCase);
            } catch (IllegalArgumentException e) {
              throw ApiException.validation(e.getMessage());
            }
          }
          return builder.build();
        });
  }

  private ObjectNode describeStateMachine(JsonNode request) {
    String arn = Requests.required(request, "stateMachineArn");
    Arns.expect(arn, "stateMachine");
    synchronized (registry) {
      Target target = target(arn);
      MachineRecord machine = target.machine;
      if (target.alias != null) {
        throw ApiException.invalidArn(arn);
      }
      Revision revision = target.version != null ? target.version.revision() : machine.current;
      ObjectNode response = JSON.objectNode();
      response.put("stateMachineArn", arn);
      response.put("name", machine.name);
      response.put("status", "ACTIVE");
      response.put("definition", revision.definition);
      response.put("roleArn", revision.roleArn);
      response.put("type", machine.type.name());
      Requests.putDate(
          response,
          "creationDate",
          target.version != null ? target.version.creationDate() : machine.creationDate);
      response.set("loggingConfiguration", logging(machine));
      response.set("tracingConfiguration", tracing(machine));
      response.put("revisionId", revision.revisionId);
      if (target.version != null && target.version.description() != null) {
        response.put("description", target.version.description());
      }
      return response;
    }
  }

  private static JsonNode logging(MachineRecord machine) {
    return machine.loggingConfiguration != null && !machine.loggingConfiguration.isNull()
        ? machine.loggingConfiguration
        : JSON.objectNode().put("level", "OFF").put("includeExecutionData", false);
  }

  private static JsonNode tracing(MachineRecord machine) {
    return machine.tracingConfiguration != null && !machine.tracingConfiguration.isNull()
        ? machine.tracingConfiguration
        : JSON.objectNode().put("enabled", false);
  }

  private ObjectNode describeStateMachineForExecution(JsonNode request) {
    ExecutionRecord record = execution(Requests.required(request, "executionArn"));
    ObjectNode response = JSON.objectNode();
    response.put("stateMachineArn", record.machine.arn);
    response.put("name", record.machine.name);
    response.put("definition", record.revision.definition);
    response.put("roleArn", record.revision.roleArn);
    Requests.putDate(response, "updateDate", record.revision.updateDate);
    response.set("loggingConfiguration", logging(record.machine));
    response.set("tracingConfiguration", tracing(record.machine));
    response.put("revisionId", record.revision.revisionId);
    return response;
  }

  private ObjectNode updateStateMachine(JsonNode request) {
    String arn = Requests.required(request, "stateMachineArn");
    String definition = Requests.string(request, "definition");
    String roleArn = Requests.string(request, "roleArn");
    boolean publish = Boolean.TRUE.equals(Requests.bool(request, "publish"));
    String versionDescription = Requests.string(request, "versionDescription");
    Arns.expect(arn, "stateMachine");
    if (definition == null
        && roleArn == null
        && request.get("loggingConfiguration") == null
        && request.get("tracingConfiguration") == null
        && !publish) {
      throw new ApiException(
          "MissingRequiredParameter",
          "Either the definition, the role ARN, the LoggingConfiguration, or the TracingConfiguration must be specified");
    }
    if (versionDescription != null && !publish) {
      throw ApiException.validation("Version description can only be set when publish is true");
    }
    checkLogging(request.get("loggingConfiguration"));
    synchronized (registry) {
      MachineRecord machine = machine(arn);
      if (definition != null) {
        checkDefinition(definition, machine.type);
      }
      Instant now = Instant.now();
      Revision old = machine.current;
      boolean changed =
          (definition != null && !definition.equals(old.definition))
              || (roleArn != null && !roleArn.equals(old.roleArn));
      if (changed) {
        machine.current =
            new Revision(
                definition != null ? definition : old.definition,
                roleArn != null ? roleArn : old.roleArn,
                UUID.randomUUID().toString(),
                now);
        services.stepFunctions().stateMachine(arn, engine(machine, machine.current, null));
      }
      ObjectNode response = JSON.objectNode();
      Requests.putDate(response, "updateDate", machine.current.updateDate);
      response.put("revisionId", machine.current.revisionId);
      if (publish) {
        response.put("stateMachineVersionArn", publish(machine, versionDescription).arn());
      }
      return response;
    }
  }

  private ObjectNode deleteStateMachine(JsonNode request) {
    String arn = Requests.required(request, "stateMachineArn");
    Arns.expect(arn, "stateMachine");
    synchronized (registry) {
      Target target = targetOrNull(arn);
      if (target == null) {
        return JSON.objectNode(); // AWS deletes idempotently
      }
      if (target.version != null || target.alias != null) {
        throw ApiException.invalidArn(arn);
      }
      registry.machines.remove(arn);
      registry.tags.remove(arn);
      return JSON.objectNode();
    }
  }

  private ObjectNode listStateMachines(JsonNode request) {
    synchronized (registry) {
      List<ObjectNode> items = new ArrayList<>();
      for (MachineRecord machine : registry.machines.values()) {
        ObjectNode item = JSON.objectNode();
        item.put("stateMachineArn", machine.arn);
        item.put("name", machine.name);
        item.put("type", machine.type.name());
        Requests.putDate(item, "creationDate", machine.creationDate);
        items.add(item);
      }
      return page(request, items, "stateMachines");
    }
  }

  /** The state machine an ARN names; also a version's or alias's machine. */
  private record Target(MachineRecord machine, VersionRecord version, AliasRecord alias) {}

  private Target targetOrNull(String arn) {
    MachineRecord machine = registry.machines.get(arn);
    if (machine != null) {
      return new Target(machine, null, null);
    }
    int colon = arn.lastIndexOf(':');
    machine = registry.machines.get(arn.substring(0, colon));
    if (machine == null) {
      return null;
    }
    VersionRecord version = machine.versions.get(arn);
    if (version != null) {
      return new Target(machine, version, null);
    }
    AliasRecord alias = machine.aliases.get(arn);
    if (alias != null) {
      return new Target(machine, null, alias);
    }
    return null;
  }

  private Target target(String arn) {
    Target target = targetOrNull(arn);
    if (target == null) {
      throw new ApiException(
          "StateMachineDoesNotExist", "State Machine Does Not Exist: '" + arn + "'");
    }
    return target;
  }

  private MachineRecord machine(String arn) {
    Target target = target(arn);
    if (target.version != null || target.alias != null) {
      throw ApiException.invalidArn(arn);
    }
    return target.machine;
  }

  // ---------------------------------------------------------------- executions

  private ObjectNode startExecution(JsonNode request) {
    ExecutionRecord record = start(request, false);
    ObjectNode response = JSON.objectNode().put("executionArn", record.arn());
    Requests.putDate(response, "startDate", record.startDate);
    return response;
  }

  private ObjectNode startSyncExecution(JsonNode request) {
    ExecutionRecord record = start(request, true);
    try {
      record.ended.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiException("ServiceUnavailable", "the server is shutting down", 503);
    }
    Execution execution = record.execution;
    ObjectNode response = JSON.objectNode();
    response.put("executionArn", record.arn());
    response.put("stateMachineArn", record.machine.arn);
    response.put("name", record.name);
    Requests.putDate(response, "startDate", record.startDate);
    Requests.putDate(response, "stopDate", execution.stopDate());
    response.put("status", execution.status().name());
    putOutcome(response, execution);
    response.put("input", execution.input().toString());
    response.set("inputDetails", JSON.objectNode().put("included", true));
    if (record.traceHeader != null) {
      response.put("traceHeader", record.traceHeader);
    }
    long millis = execution.stopDate().toEpochMilli() - record.startDate.toEpochMilli();
    response.set(
        "billingDetails",
        JSON.objectNode()
            .put("billedMemoryUsedInMB", 64)
            .put("billedDurationInMilliseconds", Math.max(100, (millis + 99) / 100 * 100)));
    return response;
  }

  private static void putOutcome(ObjectNode response, Execution execution) {
    if (execution.status() == ExecutionStatus.SUCCEEDED) {
      response.put("output", execution.output().toString());
      response.set("outputDetails", JSON.objectNode().put("included", true));
    }
    if (execution.error() != null) {
      response.put("error", execution.error());
    }
    if (execution.cause() != null) {
      response.put("cause", execution.cause());
    }
  }

  private ExecutionRecord start(JsonNode request, boolean sync) {
    String given = Requests.required(request, "stateMachineArn");
    String name = Requests.string(request, "name");
    String inputText = Requests.string(request, "input");
    String traceHeader = Requests.string(request, "traceHeader");
    String testCase = null;
    String arn = given;
    int hash = given.indexOf('#');
    if (hash >= 0) {
      // Step Functions Local's convention: <stateMachineArn>#<TestCaseName> runs a mock-file test
      // case.
      arn = given.substring(0, hash);
      testCase = given.substring(hash + 1);
    }
    Arns.expect(arn, "stateMachine");
    if (name != null) {
      Requests.checkName(name, "name");
    }
    JsonNode input = parseInput(inputText);
    MachineRecord machine;
    Revision revision;
    String versionArn = null;
    String aliasArn = null;
    synchronized (registry) {
      Target target = target(arn);
      machine = target.machine;
      VersionRecord version = target.version;
      if (target.alias != null) {
        aliasArn = target.alias.arn;
        version = machine.versions.get(route(target.alias.routing));
      }
      if (version != null) {
        versionArn = version.arn();
        revision = version.revision();
      } else {
        revision = machine.current;
      }
    }
    if (sync && machine.type != StateMachineType.EXPRESS) {
      throw new ApiException(
          "StateMachineTypeNotSupported",
          "This operation is not supported by this type of state machine");
    }
    String executionName = name != null ? name : UUID.randomUUID().toString();
    LocalStateMachine engine = engine(machine, revision, testCase);
    if (machine.type == StateMachineType.STANDARD) {
      ExecutionRecord earlier = machine.byName.get(executionName);
      if (earlier != null) {
        if (earlier.execution.status() == ExecutionStatus.RUNNING
            && earlier.execution.input().equals(input)) {
          return earlier; // AWS answers a repeated start of a running execution with it
        }
        throw new ApiException(
            "ExecutionAlreadyExists", "Execution Already Exists: '" + earlier.arn() + "'");
      }
    }
    Execution execution;
    try {
      execution = engine.start(input, executionName);
    } catch (StartExecutionException e) {
      throw new ApiException(e.errorCode(), e.getMessage().substring(e.errorCode().length() + 2));
    }
    ExecutionRecord record =
        new ExecutionRecord(
            machine,
            revision,
            engine,
            execution,
            executionName,
            versionArn,
            aliasArn,
            traceHeader,
            Instant.now());
    if (machine.type == StateMachineType.STANDARD) {
      ExecutionRecord raced = machine.byName.putIfAbsent(executionName, record);
      if (raced != null) {
        throw new ApiException(
            "ExecutionAlreadyExists", "Execution Already Exists: '" + raced.arn() + "'");
      }
    }
    registry.executions.put(record.arn(), record);
    synchronized (registry) {
      registry.executionOrder.add(record);
    }
    drive(record);
    return record;
  }

  /** Picks a version of an alias by its routing weights, as AWS does for each start. */
  private static String route(List<Route> routing) {
    int total = routing.stream().mapToInt(Route::weight).sum();
    int pick = ThreadLocalRandom.current().nextInt(Math.max(1, total));
    for (Route route : routing) {
      pick -= route.weight();
      if (pick < 0) {
        return route.versionArn();
      }
    }
    return routing.get(0).versionArn();
  }

  private static JsonNode parseInput(String inputText) {
    if (inputText == null) {
      return JSON.objectNode(); // AWS starts an execution without input with {}
    }
    if (inputText.getBytes(StandardCharsets.UTF_8).length > 262_144) {
      throw ApiException.constraint(
          "...", "input", "Member must have length less than or equal to 262144");
    }
    try {
      return AslReader.parse(inputText);
    } catch (AslReadException e) {
      throw new ApiException(
          "InvalidExecutionInput",
          "Invalid State Machine Execution Input: '" + e.problems().get(0).message() + "'");
    }
  }

  /**
   * Runs the execution until it ends. On the real clock a thread of its own sleeps through its
   * Waits and callbacks (its task timers need a sleeping loop). On the instant clock time jumps,
   * and an execution waiting for a callback or an activity worker holds no thread: the run stops
   * there and a callback or stop for it ({@link #poke}) runs it on.
   */
  private void drive(ExecutionRecord record) {
    record.driving.set(true);
    runner.execute(() -> run(record));
  }

  private void run(ExecutionRecord record) {
    try {
      if (!instantTime) {
        record.execution.await();
      } else {
        while (true) {
          long seen = record.pokes.get();
          record.execution.runUntilWaiting();
          if (record.execution.status() != ExecutionStatus.RUNNING) {
            break;
          }
          // Parked: let the thread go. A poke after this sees driving false and runs it again;
          // one that came in while it ran is seen here.
          record.driving.set(false);
          if (record.pokes.get() == seen || !record.driving.compareAndSet(false, true)) {
            return;
          }
        }
      }
    } catch (RuntimeException | Error e) {
      if (closing) {
        return; // the server stopped it: its thread was interrupted
      }
      System.err.println(
          "asl4j serve: execution " + record.arn() + " ended with an internal error: " + e);
    }
    record.ended.countDown();
  }

  /** Something arrived for the execution (a callback, a stop): runs it on if it is parked. */
  private void poke(ExecutionRecord record) {
    record.pokes.incrementAndGet();
    if (instantTime && record.driving.compareAndSet(false, true)) {
      runner.execute(() -> run(record));
    }
  }

  private ExecutionRecord execution(String arn) {
    Arns.expect(arn, "execution", "express");
    ExecutionRecord record = registry.executions.get(arn);
    if (record == null) {
      throw new ApiException("ExecutionDoesNotExist", "Execution Does Not Exist: '" + arn + "'");
    }
    return record;
  }

  /** The executions AWS lets the execution APIs address: Standard ones. */
  private ExecutionRecord standardExecution(String arn) {
    if (!arn.isEmpty() && Arns.resourceType(arn).equals("express")) {
      throw new ApiException(
          "InvalidArn", "Invalid Arn: 'Resource type not valid in this context: express'");
    }
    return execution(arn);
  }

  private ObjectNode describeExecution(JsonNode request) {
    ExecutionRecord record = standardExecution(Requests.required(request, "executionArn"));
    Execution execution = record.execution;
    ObjectNode response = JSON.objectNode();
    response.put("executionArn", record.arn());
    response.put(
        "stateMachineArn", record.versionArn != null ? record.versionArn : record.machine.arn);
    response.put("name", record.name);
    ExecutionStatus status = execution.status();
    response.put("status", status.name());
    Requests.putDate(response, "startDate", record.startDate);
    if (status != ExecutionStatus.RUNNING) {
      Requests.putDate(response, "stopDate", execution.stopDate());
    }
    response.put("input", execution.input().toString());
    response.set("inputDetails", JSON.objectNode().put("included", true));
    putOutcome(response, execution);
    if (record.traceHeader != null) {
      response.put("traceHeader", record.traceHeader);
    }
    if (record.versionArn != null) {
      response.put("stateMachineVersionArn", record.versionArn);
    }
    if (record.aliasArn != null) {
      response.put("stateMachineAliasArn", record.aliasArn);
    }
    response.put("redriveCount", execution.redriveCount());
    Requests.putDate(response, "redriveDate", execution.redriveDate());
    RedriveStatus redrive = execution.redriveStatus();
    if (redrive != null) {
      response.put("redriveStatus", redrive.name());
      if (execution.redriveStatusReason() != null) {
        response.put("redriveStatusReason", execution.redriveStatusReason());
      }
    }
    return response;
  }

  private ObjectNode listExecutions(JsonNode request) {
    String machineArn = Requests.string(request, "stateMachineArn");
    String mapRunArn = Requests.string(request, "mapRunArn");
    String statusFilter = Requests.string(request, "statusFilter");
    String redriveFilter = Requests.string(request, "redriveFilter");
    if ((machineArn == null) == (mapRunArn == null)) {
      throw ApiException.validation("Must provide a StateMachine ARN or MapRun ARN");
    }
    if (statusFilter != null) {
      try {
        ExecutionStatus.valueOf(statusFilter);
      } catch (IllegalArgumentException e) {
        if (!statusFilter.equals("PENDING_REDRIVE")) {
          throw ApiException.constraint(
              statusFilter,
              "statusFilter",
              "Member must satisfy enum value set: [SUCCEEDED, TIMED_OUT, PENDING_REDRIVE, ABORTED, FAILED, RUNNING]");
        }
      }
    }
    if (redriveFilter != null
        && !redriveFilter.equals("REDRIVEN")
        && !redriveFilter.equals("NOT_REDRIVEN")) {
      throw ApiException.constraint(
          redriveFilter,
          "redriveFilter",
          "Member must satisfy enum value set: [REDRIVEN, NOT_REDRIVEN]");
    }
    Predicate<Integer> redriveMatches =
        count ->
            redriveFilter == null || (redriveFilter.equals("REDRIVEN") ? count > 0 : count == 0);
    List<ObjectNode> items = new ArrayList<>();
    if (mapRunArn != null) {
      MapRunHit hit = mapRun(mapRunArn);
      for (io.asl4j.runtime.ChildExecution child : hit.run.childExecutions()) {
        if ((statusFilter == null || child.status().name().equals(statusFilter))
            && redriveMatches.test(child.redriveCount())) {
          ObjectNode item = JSON.objectNode();
          item.put("executionArn", child.arn());
          item.put("stateMachineArn", child.stateMachineArn());
          item.put("name", child.name());
          item.put("status", child.status().name());
          Requests.putDate(item, "startDate", child.startDate());
          Requests.putDate(item, "stopDate", child.stopDate());
          item.put("mapRunArn", hit.run.arn());
          item.put("redriveCount", child.redriveCount());
          items.add(item);
        }
      }
      return page(request, items, "executions");
    }
    Arns.expect(machineArn, "stateMachine");
    synchronized (registry) {
      Target target = target(machineArn);
      if (target.machine.type == StateMachineType.EXPRESS) {
        throw new ApiException(
            "StateMachineTypeNotSupported",
            "This operation is not supported by this type of state machine");
      }
      for (int i = registry.executionOrder.size() - 1; i >= 0; i--) {
        ExecutionRecord record = registry.executionOrder.get(i);
        if (record.machine != target.machine
            || (target.version != null && !target.version.arn().equals(record.versionArn))
            || (target.alias != null && !target.alias.arn.equals(record.aliasArn))) {
          continue;
        }
        Execution execution = record.execution;
        ExecutionStatus status = execution.status();
        if (statusFilter != null && !status.name().equals(statusFilter)) {
          continue;
        }
        if (!redriveMatches.test(execution.redriveCount())) {
          continue;
        }
        ObjectNode item = JSON.objectNode();
        item.put("executionArn", record.arn());
        item.put(
            "stateMachineArn", record.versionArn != null ? record.versionArn : record.machine.arn);
        item.put("name", record.name);
        item.put("status", status.name());
        Requests.putDate(item, "startDate", record.startDate);
        if (status != ExecutionStatus.RUNNING) {
          Requests.putDate(item, "stopDate", execution.stopDate());
        }
        if (record.versionArn != null) {
          item.put("stateMachineVersionArn", record.versionArn);
        }
        if (record.aliasArn != null) {
          item.put("stateMachineAliasArn", record.aliasArn);
        }
        item.put("redriveCount", execution.redriveCount());
        Requests.putDate(item, "redriveDate", execution.redriveDate());
        items.add(item);
      }
    }
    return page(request, items, "executions");
  }

  private ObjectNode stopExecution(JsonNode request) {
    ExecutionRecord record = standardExecution(Requests.required(request, "executionArn"));
    String error = Requests.string(request, "error");
    String cause = Requests.string(request, "cause");
    if (error != null && error.length() > 256) {
      throw ApiException.constraint(
          error, "error", "Member must have length less than or equal to 256");
    }
    if (cause != null && cause.length() > 32768) {
      throw ApiException.constraint(
          "...", "cause", "Member must have length less than or equal to 32768");
    }
    record.execution.stop(error, cause);
    poke(record);
    ObjectNode response = JSON.objectNode();
    Instant stopped = record.execution.stopDate();
    Requests.putDate(response, "stopDate", stopped != null ? stopped : Instant.now());
    return response;
  }

  private ObjectNode getExecutionHistory(JsonNode request) {
    ExecutionRecord record = standardExecution(Requests.required(request, "executionArn"));
    boolean reverse = Boolean.TRUE.equals(Requests.bool(request, "reverseOrder"));
    Boolean include = Requests.bool(request, "includeExecutionData");
    boolean includeData = include == null || include;
    List<HistoryEvent> events = new ArrayList<>(record.execution.history());
    if (reverse) {
      java.util.Collections.reverse(events);
    }
    List<ObjectNode> items = new ArrayList<>(events.size());
    for (HistoryEvent event : events) {
      ObjectNode json = historyEvent(event, includeData);
      if (event.type().equals("ExecutionStarted")
          && json.get("executionStartedEventDetails") instanceof ObjectNode shared) {
        ObjectNode started = shared.deepCopy(); // the event's own details are read-only
        json.set("executionStartedEventDetails", started);
        // The runtime's placeholder role is the machine's on the API, with the version or alias
        // started.
        started.put("roleArn", record.revision.roleArn);
        if (record.versionArn != null) {
          started.put("stateMachineVersionArn", record.versionArn);
        }
        if (record.aliasArn != null) {
          started.put("stateMachineAliasArn", record.aliasArn);
        }
      }
      items.add(json);
    }
    return page(request, items, "events");
  }

  /**
   * An event as GetExecutionHistory sends it; without execution data, inputs and outputs are left
   * out.
   */
  static ObjectNode historyEvent(HistoryEvent event, boolean includeData) {
    ObjectNode json = JSON.objectNode();
    Requests.putDate(json, "timestamp", event.timestamp());
    json.put("type", event.type());
    json.put("id", event.id());
    json.put("previousEventId", event.previousEventId());
    ObjectNode details = event.details();
    if (details != null) {
      if (!includeData) {
        details = details.deepCopy(); // the event's own details are read-only and shared
        details.remove("input");
        details.remove("output");
      }
      json.set(event.detailsField(), details);
    }
    return json;
  }

  private ObjectNode redriveExecution(JsonNode request) {
    ExecutionRecord record = execution(Requests.required(request, "executionArn"));
    try {
      record.ended.await(); // the run's thread must have let go of it
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (record) {
      try {
        record.execution.redrive();
      } catch (RedriveExecutionException e) {
        throw new ApiException(e.errorCode(), e.getMessage().substring(e.errorCode().length() + 2));
      }
      record.ended = new java.util.concurrent.CountDownLatch(1);
      drive(record);
    }
    ObjectNode response = JSON.objectNode();
    Requests.putDate(response, "redriveDate", record.execution.redriveDate());
    return response;
  }

  // ---------------------------------------------------------------- callbacks and activities

  private interface TokenCall {
    void apply(LocalStateMachine engine);
  }

  /**
   * Which execution waits on each task token, filled from the running executions' waiting tokens
   * when a callback names a token not in it yet (so finding them costs one scan per batch, not one
   * per callback).
   */
  private final Map<String, ExecutionRecord> waiting =
      new java.util.concurrent.ConcurrentHashMap<>();

  private ExecutionRecord waitingOn(String token) {
    ExecutionRecord known = waiting.remove(token);
    if (known != null) {
      return known;
    }
    List<ExecutionRecord> records;
    synchronized (registry) {
      records = new ArrayList<>(registry.executionOrder);
    }
    ExecutionRecord found = null;
    for (ExecutionRecord record : records) {
      if (record.execution.status() != ExecutionStatus.RUNNING) {
        continue;
      }
      for (String waitingToken : record.execution.waitingTaskTokens()) {
        if (waitingToken.equals(token)) {
          found = record;
        } else {
          waiting.put(waitingToken, record);
        }
      }
    }
    return found;
  }

  /**
   * Delivers a callback to the execution waiting on the token, through the engine that gave it out,
   * and runs that execution on; a token no running execution waits on is given to each engine in
   * turn, for the error AWS answers (TaskTimedOut for a task that ended, else TaskDoesNotExist).
   */
  private ObjectNode callback(String token, TokenCall call) {
    ExecutionRecord target = waitingOn(token);
    if (target != null) {
      try {
        call.apply(target.engine);
      } catch (TaskTokenException e) {
        throw new ApiException(e.errorCode(), e.getMessage().substring(e.errorCode().length() + 2));
      }
      if (target.execution.status() == ExecutionStatus.RUNNING) {
        waiting.putIfAbsent(token, target); // a heartbeat leaves the task waiting
      }
      poke(target);
      return JSON.objectNode();
    }
    TaskTokenException first = null;
    java.util.Set<LocalStateMachine> tried =
        java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    List<ExecutionRecord> records;
    synchronized (registry) {
      records = new ArrayList<>(registry.executionOrder);
    }
    for (int i = records.size() - 1; i >= 0; i--) {
      ExecutionRecord record = records.get(i);
      if (!tried.add(record.engine)) {
        continue;
      }
      try {
        call.apply(record.engine);
        return JSON.objectNode();
      } catch (TaskTokenException e) {
        if (!e.errorCode().equals("TaskDoesNotExist")) {
          throw new ApiException(
              e.errorCode(), e.getMessage().substring(e.errorCode().length() + 2));
        }
        if (first == null) {
          first = e;
        }
      }
    }
    if (first != null) {
      throw new ApiException(
          first.errorCode(), first.getMessage().substring(first.errorCode().length() + 2));
    }
    throw new ApiException("TaskDoesNotExist", "Task Does Not Exist: '" + token + "'");
  }

  private ObjectNode sendTaskSuccess(JsonNode request) {
    String token = Requests.required(request, "taskToken");
    String outputText = Requests.required(request, "output");
    JsonNode output;
    try {
      output = AslReader.parse(outputText);
    } catch (AslReadException e) {
      throw new ApiException(
          "InvalidOutput", "Invalid Output: '" + e.problems().get(0).message() + "'");
    }
    return callback(token, engine -> engine.sendTaskSuccess(token, output));
  }

  private ObjectNode sendTaskFailure(JsonNode request) {
    String token = Requests.required(request, "taskToken");
    String error = Requests.string(request, "error");
    String cause = Requests.string(request, "cause");
    return callback(token, engine -> engine.sendTaskFailure(token, error, cause));
  }

  private ObjectNode sendTaskHeartbeat(JsonNode request) {
    String token = Requests.required(request, "taskToken");
    return callback(token, engine -> engine.sendTaskHeartbeat(token));
  }

  private ObjectNode createActivity(JsonNode request) {
    String name = Requests.required(request, "name");
    Requests.checkName(name, "name");
    String arn = arns.activity(name);
    synchronized (registry) {
      ActivityRecord activity =
          registry.activities.computeIfAbsent(arn, a -> new ActivityRecord(a, name, Instant.now()));
      tagsFrom(arn, request.get("tags"));
      ObjectNode response = JSON.objectNode().put("activityArn", arn);
      Requests.putDate(response, "creationDate", activity.creationDate);
      return response;
    }
  }

  private ActivityRecord activity(String arn) {
    Arns.expect(arn, "activity");
    synchronized (registry) {
      ActivityRecord activity = registry.activities.get(arn);
      if (activity == null) {
        throw new ApiException("ActivityDoesNotExist", "Activity Does Not Exist: '" + arn + "'");
      }
      return activity;
    }
  }

  private ObjectNode describeActivity(JsonNode request) {
    ActivityRecord activity = activity(Requests.required(request, "activityArn"));
    ObjectNode response =
        JSON.objectNode().put("activityArn", activity.arn).put("name", activity.name);
    Requests.putDate(response, "creationDate", activity.creationDate);
    return response;
  }

  private ObjectNode deleteActivity(JsonNode request) {
    String arn = Requests.required(request, "activityArn");
    Arns.expect(arn, "activity");
    synchronized (registry) {
      registry.activities.remove(arn);
      registry.tags.remove(arn);
    }
    return JSON.objectNode();
  }

  private ObjectNode listActivities(JsonNode request) {
    synchronized (registry) {
      List<ObjectNode> items = new ArrayList<>();
      for (ActivityRecord activity : registry.activities.values()) {
        ObjectNode item =
            JSON.objectNode().put("activityArn", activity.arn).put("name", activity.name);
        Requests.putDate(item, "creationDate", activity.creationDate);
        items.add(item);
      }
      return page(request, items, "activities");
    }
  }

  /**
   * AWS's long poll: the next task scheduled for the activity, waiting up to 60 seconds for one; an
   * empty answer (no {@code taskToken}) when none came.
   */
  private ObjectNode getActivityTask(JsonNode request) {
    String arn = Requests.required(request, "activityArn");
    String worker = Requests.string(request, "workerName");
    activity(arn);
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(activityPollMillis);
    long pause = 1;
    while (true) {
      List<ExecutionRecord> running = new ArrayList<>();
      synchronized (registry) {
        for (ExecutionRecord record : registry.executionOrder) {
          if (record.execution.status() == ExecutionStatus.RUNNING) {
            running.add(record);
          }
        }
      }
      java.util.Set<LocalStateMachine> asked =
          java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
      for (ExecutionRecord record : running) {
        if (!asked.add(record.engine)) {
          continue;
        }
        Optional<ActivityTask> task = record.engine.getActivityTask(arn, worker);
        if (task.isPresent()) {
          return JSON.objectNode()
              .put("taskToken", task.get().taskToken())
              .put("input", task.get().input().toString());
        }
      }
      if (System.nanoTime() >= deadline) {
        return JSON.objectNode();
      }
      try {
        Thread.sleep(pause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return JSON.objectNode();
      }
      pause = Math.min(50, pause * 2);
    }
  }

  // ---------------------------------------------------------------- versions and aliases

  private VersionRecord publish(MachineRecord machine, String description) {
    for (VersionRecord version : machine.versions.values()) {
      if (version.revision() == machine.current) {
        return version; // AWS publishes a revision once: publishing it again answers its version
      }
    }
    int number = ++machine.lastVersion;
    VersionRecord version =
        new VersionRecord(
            machine.arn + ":" + number, number, machine.current, description, Instant.now());
    machine.versions.put(version.arn(), version);
    return version;
  }

  private ObjectNode publishStateMachineVersion(JsonNode request) {
    String arn = Requests.required(request, "stateMachineArn");
    String revisionId = Requests.string(request, "revisionId");
    String description = Requests.string(request, "description");
    Arns.expect(arn, "stateMachine");
    synchronized (registry) {
      MachineRecord machine = machine(arn);
      if (revisionId != null && !revisionId.equals(machine.current.revisionId)) {
        throw new ApiException(
            "ConflictException",
            "Failed to publish the State Machine version for revision "
                + revisionId
                + ". The current State Machine revision is "
                + machine.current.revisionId
                + ".");
      }
      VersionRecord version = publish(machine, description);
      ObjectNode response = JSON.objectNode();
      Requests.putDate(response, "creationDate", version.creationDate());
      response.put("stateMachineVersionArn", version.arn());
      return response;
    }
  }

  private ObjectNode listStateMachineVersions(JsonNode request) {
    String arn = Requests.required(request, "stateMachineArn");
    Arns.expect(arn, "stateMachine");
    synchronized (registry) {
      MachineRecord machine = machine(arn);
      List<ObjectNode> items = new ArrayList<>();
      List<VersionRecord> versions = new ArrayList<>(machine.versions.values());
      for (int i = versions.size() - 1; i >= 0; i--) {
        ObjectNode item = JSON.objectNode().put("stateMachineVersionArn", versions.get(i).arn());
        Requests.putDate(item, "creationDate", versions.get(i).creationDate());
        items.add(item);
      }
      return page(request, items, "stateMachineVersions");
    }
  }

  private ObjectNode deleteStateMachineVersion(JsonNode request) {
    String arn = Requests.required(request, "stateMachineVersionArn");
    Arns.expect(arn, "stateMachine");
    synchronized (registry) {
      Target target = targetOrNull(arn);
      if (target == null) {
        return JSON.objectNode();
      }
      if (target.version == null) {
        throw ApiException.invalidArn(arn);
      }
      for (AliasRecord alias : target.machine.aliases.values()) {
        for (Route route : alias.routing) {
          if (route.versionArn().equals(arn)) {
            throw new ApiException(
                "ConflictException",
                "Version to be deleted must not be referenced by an alias. Current list of aliases referencing this version: ["
                    + alias.name
                    + "]");
          }
        }
      }
      target.machine.versions.remove(arn);
      return JSON.objectNode();
    }
  }

  private List<Route> routing(JsonNode request, MachineRecord[] machineOut) {
    JsonNode routes = request.get("routingConfiguration");
    if (routes == null || !routes.isArray() || routes.isEmpty() || routes.size() > 2) {
      throw ApiException.constraint(
          routes == null ? null : routes.toString(),
          "routingConfiguration",
          "Member must have length less than or equal to 2 and greater than or equal to 1");
    }
    List<Route> routing = new ArrayList<>();
    int total = 0;
    MachineRecord machine = null;
    for (JsonNode route : routes) {
      String versionArn = Requests.required(route, "stateMachineVersionArn");
      Integer weight = Requests.integer(route, "weight");
      if (weight == null || weight < 0 || weight > 100) {
        throw ApiException.constraint(weight, "weight", "Member must have value between 0 and 100");
      }
      Arns.expect(versionArn, "stateMachine");
      Target target = targetOrNull(versionArn);
      if (target == null || target.version == null) {
        throw new ApiException("ResourceNotFound", "Resource not found: '" + versionArn + "'");
      }
      if (machine != null && machine != target.machine) {
        throw ApiException.validation(
            "Routing configuration must contain versions of the same state machine");
      }
      machine = target.machine;
      total += weight;
      routing.add(new Route(versionArn, weight));
    }
    if (total != 100) {
      throw ApiException.validation("Sum of routing configuration weights must be equal to 100");
    }
    machineOut[0] = machine;
    return List.copyOf(routing);
  }

  private ObjectNode createStateMachineAlias(JsonNode request) {
    String name = Requests.required(request, "name");
    String description = Requests.string(request, "description");
    Requests.checkName(name, "name");
    if (name.matches("\\d+")) {
      throw new ApiException("InvalidName", "Invalid Name: '" + name + "'"); // a version number
    }
    synchronized (registry) {
      MachineRecord[] machine = new MachineRecord[1];
      List<Route> routing = routing(request, machine);
      String arn = machine[0].arn + ":" + name;
      AliasRecord existing = machine[0].aliases.get(arn);
      if (existing != null) {
        if (existing.routing.equals(routing)
            && java.util.Objects.equals(existing.description, description)) {
          ObjectNode response = JSON.objectNode().put("stateMachineAliasArn", arn);
          Requests.putDate(response, "creationDate", existing.creationDate);
          return response;
        }
        throw new ApiException(
            "ConflictException",
            "Failed to create alias because an alias with the same name and a different routing configuration already exists.");
      }
      AliasRecord alias = new AliasRecord(arn, name, description, routing, Instant.now());
      machine[0].aliases.put(arn, alias);
      ObjectNode response = JSON.objectNode().put("stateMachineAliasArn", arn);
      Requests.putDate(response, "creationDate", alias.creationDate);
      return response;
    }
  }

  private AliasRecord alias(String arn) {
    Arns.expect(arn, "stateMachine");
    Target target = targetOrNull(arn);
    if (target == null || target.alias == null) {
      if (target != null) {
        throw ApiException.invalidArn(arn);
      }
      throw new ApiException("ResourceNotFound", "Resource not found: '" + arn + "'");
    }
    return target.alias;
  }

  private ObjectNode describeStateMachineAlias(JsonNode request) {
    synchronized (registry) {
      AliasRecord alias = alias(Requests.required(request, "stateMachineAliasArn"));
      ObjectNode response =
          JSON.objectNode().put("stateMachineAliasArn", alias.arn).put("name", alias.name);
      if (alias.description != null) {
        response.put("description", alias.description);
      }
      ArrayNode routes = response.putArray("routingConfiguration");
      for (Route route : alias.routing) {
        routes
            .addObject()
            .put("stateMachineVersionArn", route.versionArn())
            .put("weight", route.weight());
      }
      Requests.putDate(response, "creationDate", alias.creationDate);
      Requests.putDate(response, "updateDate", alias.updateDate);
      return response;
    }
  }

  private ObjectNode updateStateMachineAlias(JsonNode request) {
    synchronized (registry) {
      AliasRecord alias = alias(Requests.required(request, "stateMachineAliasArn"));
      String description = Requests.string(request, "description");
      if (description == null && request.get("routingConfiguration") == null) {
        throw ApiException.validation(
            "Either the description or the RoutingConfiguration must be specified");
      }
      if (request.get("routingConfiguration") != null) {
        alias.routing = routing(request, new MachineRecord[1]);
      }
      if (description != null) {
        alias.description = description;
      }
      alias.updateDate = Instant.now();
      ObjectNode response = JSON.objectNode();
      Requests.putDate(response, "updateDate", alias.updateDate);
      return response;
    }
  }

  private ObjectNode deleteStateMachineAlias(JsonNode request) {
    String arn = Requests.required(request, "stateMachineAliasArn");
    Arns.expect(arn, "stateMachine");
    synchronized (registry) {
      Target target = targetOrNull(arn);
      if (target != null && target.alias != null) {
        target.machine.aliases.remove(arn);
      } else if (target != null) {
        throw ApiException.invalidArn(arn);
      }
      return JSON.objectNode();
    }
  }

  private ObjectNode listStateMachineAliases(JsonNode request) {
    String arn = Requests.required(request, "stateMachineArn");
    Arns.expect(arn, "stateMachine");
    synchronized (registry) {
      MachineRecord machine = machine(arn);
      List<ObjectNode> items = new ArrayList<>();
      for (AliasRecord alias : machine.aliases.values()) {
        ObjectNode item = JSON.objectNode().put("stateMachineAliasArn", alias.arn);
        Requests.putDate(item, "creationDate", alias.creationDate);
        items.add(item);
      }
      return page(request, items, "stateMachineAliases");
    }
  }

  // ---------------------------------------------------------------- tags

  private void tagsFrom(String arn, JsonNode tags) {
    if (tags == null || tags.isNull()) {
      return;
    }
    if (!tags.isArray()) {
      throw new ApiException(
          "SerializationException", "Member 'tags' must be a list of {key, value}");
    }
    Map<String, String> held =
        registry.tags.computeIfAbsent(arn, a -> new java.util.LinkedHashMap<>());
    synchronized (held) {
      for (JsonNode tag : tags) {
        String key = Requests.required(tag, "key");
        String value = Optional.ofNullable(Requests.string(tag, "value")).orElse("");
        held.put(key, value);
      }
      if (held.size() > 50) {
        throw new ApiException("TooManyTags", "Too many tags: a resource has at most 50 tags");
      }
    }
  }

  /** Checks that a taggable resource (a state machine, version, alias or activity) exists. */
  private void taggable(String arn) {
    String type = Arns.expect(arn, "stateMachine", "activity");
    synchronized (registry) {
      boolean exists =
          type.equals("activity")
              ? registry.activities.containsKey(arn)
              : targetOrNull(arn) != null;
      if (!exists) {
        throw new ApiException("ResourceNotFound", "Resource not found: '" + arn + "'");
      }
    }
  }

  private ObjectNode tagResource(JsonNode request) {
    String arn = Requests.required(request, "resourceArn");
    taggable(arn);
    tagsFrom(arn, request.get("tags"));
    return JSON.objectNode();
  }

  private ObjectNode untagResource(JsonNode request) {
    String arn = Requests.required(request, "resourceArn");
    taggable(arn);
    JsonNode keys = request.get("tagKeys");
    Map<String, String> held = registry.tags.get(arn);
    if (held != null && keys != null && keys.isArray()) {
      synchronized (held) {
        keys.forEach(key -> held.remove(key.asText()));
      }
    }
    return JSON.objectNode();
  }

  private ObjectNode listTagsForResource(JsonNode request) {
    String arn = Requests.required(request, "resourceArn");
    taggable(arn);
    ObjectNode response = JSON.objectNode();
    ArrayNode tags = response.putArray("tags");
    Map<String, String> held = registry.tags.get(arn);
    if (held != null) {
      synchronized (held) {
        held.forEach((key, value) -> tags.addObject().put("key", key).put("value", value));
      }
    }
    return response;
  }

  // ---------------------------------------------------------------- map runs

  private record MapRunHit(ExecutionRecord parent, MapRun run) {}

  private MapRunHit mapRun(String arn) {
    Arns.expect(arn, "mapRun");
    // arn:aws:states:<region>:<account>:mapRun:<machine>/<label>:<id>; the parent is found by its
    // runs
    for (ExecutionRecord record : registry.executions.values()) {
      if (!arn.contains(":mapRun:" + record.machine.name + "/")) {
        continue;
      }
      for (MapRun run : record.execution.mapRuns()) {
        if (run.arn().equals(arn)) {
          return new MapRunHit(record, run);
        }
      }
    }
    throw new ApiException("ResourceNotFound", "Resource not found: '" + arn + "'");
  }

  private static ObjectNode counts(MapRun.Counts counts) {
    return JSON.objectNode()
        .put("pending", counts.pending())
        .put("running", counts.running())
        .put("succeeded", counts.succeeded())
        .put("failed", counts.failed())
        .put("timedOut", counts.timedOut())
        .put("aborted", counts.aborted())
        .put("total", counts.total())
        .put("resultsWritten", counts.resultsWritten())
        .put("failuresNotRedrivable", 0)
        .put("pendingRedrive", 0);
  }

  private ObjectNode describeMapRun(JsonNode request) {
    MapRunHit hit = mapRun(Requests.required(request, "mapRunArn"));
    MapRun run = hit.run;
    ObjectNode response = JSON.objectNode();
    response.put("mapRunArn", run.arn());
    response.put("executionArn", run.executionArn());
    response.put("status", run.status().name());
    Requests.putDate(response, "startDate", run.startDate());
    Requests.putDate(response, "stopDate", run.stopDate());
    response.put("maxConcurrency", run.maxConcurrency());
    response.put("toleratedFailurePercentage", run.toleratedFailurePercentage());
    response.put("toleratedFailureCount", run.toleratedFailureCount());
    response.set("itemCounts", counts(run.itemCounts()));
    response.set("executionCounts", counts(run.executionCounts()));
    response.put("redriveCount", run.redriveCount());
    Requests.putDate(response, "redriveDate", run.redriveDate());
    return response;
  }

  private ObjectNode listMapRuns(JsonNode request) {
    ExecutionRecord record = standardExecution(Requests.required(request, "executionArn"));
    List<ObjectNode> items = new ArrayList<>();
    for (MapRun run : record.execution.mapRuns()) {
      ObjectNode item = JSON.objectNode();
      item.put("executionArn", run.executionArn());
      item.put("mapRunArn", run.arn());
      item.put("stateMachineArn", run.stateMachineArn());
      Requests.putDate(item, "startDate", run.startDate());
      Requests.putDate(item, "stopDate", run.stopDate());
      items.add(item);
    }
    return page(request, items, "mapRuns");
  }

  /**
   * UpdateMapRun changes a running Map Run's limits; the runtime evaluates them once when the Map
   * Run starts, so a change is refused rather than accepted and ignored.
   */
  private ObjectNode updateMapRun(JsonNode request) {
    MapRunHit hit = mapRun(Requests.required(request, "mapRunArn"));
    if (hit.run.status() != MapRun.Status.RUNNING) {
      throw ApiException.validation(
          "Map Run " + hit.run.arn() + " is " + hit.run.status() + " and cannot be updated");
    }
    throw ApiException.validation(
        "UpdateMapRun of a running Map Run is not supported by asl4j serve: MaxConcurrency and the tolerated"
            + " failures are fixed when the Map Run starts");
  }

  // ---------------------------------------------------------------- TestState and validation

  private ObjectNode testState(JsonNode request) {
    Requests.required(request, "definition");
    TestStateResult result;
    try {
      TestState.Builder builder = TestState.fromRequest(request).region(region).account(account);
      for (Map.Entry<String, TaskHandler> handler : services.handlers().entrySet()) {
        builder.handler(handler.getKey(), handler.getValue());
      }
      services.prefixHandlers().forEach(builder::handlerForPrefix);
      extraPrefixHandlers.forEach(builder::handlerForPrefix);
      extraHandlers.forEach(builder::handler);
      result = builder.run();
    } catch (io.asl4j.dsl.validate.AslValidationException e) {
      throw new ApiException(
          "InvalidDefinition", "Invalid State Machine Definition: '" + e.getMessage() + "'");
    } catch (AslReadException e) {
      throw new ApiException(
          "InvalidDefinition", "Invalid State Machine Definition: '" + e.getMessage() + "'");
    } catch (IllegalArgumentException e) {
      throw ApiException.validation(e.getMessage());
    }
    ObjectNode json = result.toJson();
    // On the wire, the output and the inspected values are JSON text.
    if (json.has("output")) {
      json.put("output", json.get("output").toString());
    }
    JsonNode inspection = json.get("inspectionData");
    if (inspection instanceof ObjectNode data) {
      for (String field :
          List.of(
              "input",
              "afterArguments",
              "afterInputPath",
              "afterParameters",
              "result",
              "afterResultSelector",
              "afterResultPath",
              "variables",
              "afterItemsPath",
              "afterItemSelector",
              "afterItemBatcher",
              "afterItemsPointer",
              "toleratedFailureCount",
              "toleratedFailurePercentage",
              "maxConcurrency")) {
        JsonNode value = data.get(field);
        if (value != null && !value.isTextual() && !value.isNumber()) {
          data.put(field, value.toString());
        }
      }
    }
    return json;
  }

  private ObjectNode validateStateMachineDefinition(JsonNode request) {
    String definition = Requests.required(request, "definition");
    String typeName = Optional.ofNullable(Requests.string(request, "type")).orElse("STANDARD");
    String severityName = Optional.ofNullable(Requests.string(request, "severity")).orElse("ERROR");
    Integer max = Requests.integer(request, "maxResults");
    StateMachineType type = machineType(typeName, "type");
    Problem.Severity severity;
    if (severityName.equals("ERROR")) {
      severity = Problem.Severity.ERROR;
    } else if (severityName.equals("WARNING")) {
      severity = Problem.Severity.WARNING;
    } else {
      throw ApiException.constraint(
          severityName, "severity", "Member must satisfy enum value set: [ERROR, WARNING]");
    }
    if (max != null && (max < 0 || max > 100)) {
      throw ApiException.constraint(max, "maxResults", "Member must have value between 0 and 100");
    }
    ValidationResult result = Validator.validateJson(definition, ValidationOptions.forType(type));
    return AwsDiagnostics.of(result, severity, max == null ? 0 : max).toJson();
  }

  // ---------------------------------------------------------------- paging and shutdown

  /**
   * One page of {@code items}: {@code nextToken} is the offset of the next page, opaque to clients.
   */
  private static ObjectNode page(JsonNode request, List<ObjectNode> items, String member) {
    int max = Requests.maxResults(request);
    String token = Requests.string(request, "nextToken");
    int from = 0;
    if (token != null) {
      try {
        from =
            Integer.parseInt(
                new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8)
                    .substring(5));
      } catch (RuntimeException e) {
        throw new ApiException("InvalidToken", "Invalid Token: '" + token + "'");
      }
      if (from < 0 || from > items.size()) {
        throw new ApiException("InvalidToken", "Invalid Token: '" + token + "'");
      }
    }
    ObjectNode response = JSON.objectNode();
    ArrayNode array = response.putArray(member);
    int to = Math.min(items.size(), from + max);
    for (int i = from; i < to; i++) {
      array.add(items.get(i));
    }
    if (to < items.size()) {
      response.put(
          "nextToken",
          Base64.getUrlEncoder()
              .withoutPadding()
              .encodeToString(("next:" + to).getBytes(StandardCharsets.UTF_8)));
    }
    return response;
  }

  /** The executions still running, for the shutdown message. */
  public List<String> runningExecutions() {
    List<String> running = new ArrayList<>();
    synchronized (registry) {
      for (ExecutionRecord record : registry.executionOrder) {
        if (record.execution.status() == ExecutionStatus.RUNNING) {
          running.add(record.arn());
        }
      }
    }
    return running;
  }

  @Override
  public void close() {
    closing = true;
    runner.shutdownNow();
  }
}
