package io.asl4j.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asl4j.dsl.json.AslReader;
import io.asl4j.dsl.model.StateMachineType;
import io.asl4j.runtime.Execution;
import io.asl4j.runtime.ExecutionStatus;
import io.asl4j.runtime.HistoryEvent;
import io.asl4j.runtime.LocalStateMachine;
import io.asl4j.runtime.MapRun;
import io.asl4j.runtime.MockConfig;
import io.asl4j.runtime.TaskHandler;
import io.asl4j.runtime.services.AwsServices;
import io.asl4j.server.internal.Registry.AliasRecord;
import io.asl4j.server.internal.Registry.ExecutionRecord;
import io.asl4j.server.internal.Registry.MachineRecord;
import io.asl4j.server.internal.Registry.Revision;
import io.asl4j.server.internal.Registry.VersionRecord;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The state and the lookups every concern of {@link StepFunctionsService} shares: the registry, the
 * engines' configuration, the thread pool executions run on, and finding a machine, an execution or
 * a Map Run by its ARN. Each concern's operations ({@link StateMachineOperations}, {@link
 * ExecutionOperations}, ...) extend it, made from the service's own, and so see the same state.
 */
abstract class ServiceCore {
  static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  final Registry registry;
  final Arns arns;
  final String region;
  final String account;
  final AwsServices services;
  final MockConfig mocks;
  final boolean instantTime;
  final double waitTimeScale;
  final Map<String, TaskHandler> extraHandlers;
  final Map<String, TaskHandler> extraPrefixHandlers;
  final long activityPollMillis;
  final LambdaForwarder lambda;
  final AtomicBoolean closing;
  final ExecutorService runner;

  /** Wakes parked executions on the real clock when their next timer is due: one thread for all. */
  final java.util.concurrent.ScheduledThreadPoolExecutor timers;

  ServiceCore(
      String region,
      String account,
      AwsServices services,
      MockConfig mocks,
      double waitTimeScale,
      Map<String, TaskHandler> extraHandlers,
      Map<String, TaskHandler> extraPrefixHandlers,
      long activityPollMillis,
      LambdaForwarder lambda) {
    this.registry = new Registry();
    this.region = region;
    this.account = account;
    this.arns = new Arns(region, account);
    this.services = services;
    this.mocks = mocks;
    this.instantTime = waitTimeScale == 0;
    this.waitTimeScale = waitTimeScale;
    this.extraHandlers = Map.copyOf(extraHandlers);
    this.extraPrefixHandlers = Map.copyOf(extraPrefixHandlers);
    this.activityPollMillis = activityPollMillis;
    this.lambda = lambda;
    this.closing = new AtomicBoolean();
    AtomicLong threads = new AtomicLong();
    this.runner =
        Executors.newCachedThreadPool(
            task -> {
              // Executions wait far more than they compute: a small stack lets thousands park.
              Thread thread =
                  new Thread(
                      null, task, "asl4j-execution-" + threads.incrementAndGet(), 512 * 1024);
              thread.setDaemon(true);
              return thread;
            });
    this.timers =
        new java.util.concurrent.ScheduledThreadPoolExecutor(
            1,
            task -> {
              Thread thread = new Thread(task, "asl4j-timers");
              thread.setDaemon(true);
              return thread;
            });
    this.timers.setRemoveOnCancelPolicy(true);
  }

  /** The same state as {@code core}'s, for another concern's operations. */
  ServiceCore(ServiceCore core) {
    this.registry = core.registry;
    this.region = core.region;
    this.account = core.account;
    this.arns = core.arns;
    this.services = core.services;
    this.mocks = core.mocks;
    this.instantTime = core.instantTime;
    this.waitTimeScale = core.waitTimeScale;
    this.extraHandlers = core.extraHandlers;
    this.extraPrefixHandlers = core.extraPrefixHandlers;
    this.activityPollMillis = core.activityPollMillis;
    this.lambda = core.lambda;
    this.closing = core.closing;
    this.runner = core.runner;
    this.timers = core.timers;
  }

  /**
   * The engine running {@code revision} of {@code machine}, with the responses of a mock test case
   * or none.
   */
  LocalStateMachine engine(MachineRecord machine, Revision revision, String testCase) {
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
            builder.realClock(waitTimeScale);
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

  /** The state machine an ARN names; also a version's or alias's machine. */
  static final class Target {
    final MachineRecord machine;
    final VersionRecord version;
    final AliasRecord alias;

    Target(MachineRecord machine, VersionRecord version, AliasRecord alias) {
      this.machine = machine;
      this.version = version;
      this.alias = alias;
    }
  }

  Target targetOrNull(String arn) {
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

  Target target(String arn) {
    Target target = targetOrNull(arn);
    if (target == null) {
      throw new ApiException(
          "StateMachineDoesNotExist", "State Machine Does Not Exist: '" + arn + "'");
    }
    return target;
  }

  MachineRecord machine(String arn) {
    Target target = target(arn);
    if (target.version != null || target.alias != null) {
      throw ApiException.invalidArn(arn);
    }
    return target.machine;
  }

  /**
   * Runs the execution until it ends. An execution waiting for a callback or an activity worker
   * holds no thread: the run stops there and a callback or stop for it ({@link #poke}) runs it on;
   * on the real clock so does its next timer (a task's TimeoutSeconds or HeartbeatSeconds, a Wait
   * in a parallel branch), through {@link #timers}. On the instant clock time jumps; on the real
   * clock a thread sleeps through a Wait or a back-off when nothing waits for a callback.
   */
  void drive(ExecutionRecord record) {
    record.driving.set(true);
    runner.execute(() -> run(record));
  }

  void run(ExecutionRecord record) {
    try {
      while (true) {
        long seen = record.pokes.get();
        record.execution.runUntilWaiting();
        if (record.execution.status() != ExecutionStatus.RUNNING) {
          break;
        }
        wakeAtNextTimer(record);
        // Parked: let the thread go. A poke after this sees driving false and runs it again;
        // one that came in while it ran is seen here.
        record.driving.set(false);
        if (record.pokes.get() == seen || !record.driving.compareAndSet(false, true)) {
          return;
        }
      }
      java.util.concurrent.Future<?> wake = record.wake;
      if (wake != null) {
        wake.cancel(false);
      }
    } catch (RuntimeException | Error e) {
      if (closing.get()) {
        return; // the server stopped it: its thread was interrupted
      }
      System.err.println(
          "asl4j serve: execution " + record.arn() + " ended with an internal error: " + e);
    }
    record.ended.countDown();
  }

  /** On the real clock, pokes the parked execution when its next timer is due. */
  private void wakeAtNextTimer(ExecutionRecord record) {
    long millis = record.execution.realMillisToNextTimer();
    java.util.concurrent.Future<?> earlier = record.wake;
    if (earlier != null) {
      earlier.cancel(false);
    }
    record.wake =
        millis < 0 ? null : timers.schedule(() -> poke(record), millis, TimeUnit.MILLISECONDS);
  }

  /**
   * Something arrived for the execution (a callback, a stop, a due timer): runs it on if parked.
   */
  void poke(ExecutionRecord record) {
    record.pokes.incrementAndGet();
    if (record.driving.compareAndSet(false, true)) {
      runner.execute(() -> run(record));
    }
  }

  ExecutionRecord execution(String arn) {
    Arns.expect(arn, "execution", "express");
    ExecutionRecord record = registry.executions.get(arn);
    if (record == null) {
      // arn:aws:states:<region>:<account>:execution:<machine>:<name>: perhaps a nested child
      String[] parts = arn.split(":");
      MachineRecord machine =
          parts.length == 8 ? registry.machines.get(arns.stateMachine(parts[6])) : null;
      if (machine != null) {
        adoptChildren(machine);
        record = registry.executions.get(arn);
      }
    }
    if (record == null) {
      throw new ApiException("ExecutionDoesNotExist", "Execution Does Not Exist: '" + arn + "'");
    }
    return record;
  }

  /**
   * Registers the executions of {@code machine} that a nested {@code states:startExecution} task
   * started (the Step Functions fake starts them on this server's engines), so that ListExecutions
   * lists them and the execution APIs address them, as on AWS. A child waiting for a callback runs
   * on when the callback pokes it.
   */
  void adoptChildren(MachineRecord machine) {
    for (Execution child : services.stepFunctions().executions(machine.arn)) {
      if (registry.executions.containsKey(child.arn())) {
        continue;
      }
      List<HistoryEvent> history = child.history();
      String name = child.arn().substring(child.arn().lastIndexOf(':') + 1);
      ExecutionRecord record =
          new ExecutionRecord(
              machine,
              machine.current,
              engine(machine, machine.current, null),
              child,
              name,
              null,
              null,
              null,
              history.isEmpty() ? Instant.now() : history.get(0).timestamp());
      if (registry.executions.putIfAbsent(child.arn(), record) != null) {
        continue;
      }
      machine.byName.putIfAbsent(name, record);
      synchronized (registry) {
        registry.executionOrder.add(record);
      }
      if (child.status() != ExecutionStatus.RUNNING) {
        record.ended.countDown();
      }
    }
  }

  /** The executions AWS lets the execution APIs address: Standard ones. */
  ExecutionRecord standardExecution(String arn) {
    if (!arn.isEmpty() && Arns.resourceType(arn).equals("express")) {
      throw new ApiException(
          "InvalidArn", "Invalid Arn: 'Resource type not valid in this context: express'");
    }
    return execution(arn);
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
      // The runtime shares one read-only details object among every read of the history: what
      // this answer changes (data left out, the started event's role) is changed on a copy.
      if (!includeData || event.type().equals("ExecutionStarted")) {
        details = details.deepCopy();
      }
      if (!includeData) {
        details.remove("input");
        details.remove("output");
      }
      json.set(event.detailsField(), details);
    }
    return json;
  }

  /**
   * One page of {@code items}: {@code nextToken} is the offset of the next page, opaque to clients.
   */
  static ObjectNode page(JsonNode request, List<ObjectNode> items, String member) {
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

  void tagsFrom(String arn, JsonNode tags) {
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

  /** A Map Run and the execution it runs in. */
  static final class MapRunHit {
    final ExecutionRecord parent;
    final MapRun run;

    MapRunHit(ExecutionRecord parent, MapRun run) {
      this.parent = parent;
      this.run = run;
    }
  }

  MapRunHit mapRun(String arn) {
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

  static StateMachineType machineType(String typeName, String member) {
    try {
      return StateMachineType.valueOf(typeName);
    } catch (IllegalArgumentException e) {
      throw ApiException.constraint(
          typeName, member, "Member must satisfy enum value set: [STANDARD, EXPRESS]");
    }
  }
}
