package io.asl4j.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asl4j.dsl.json.AslReadException;
import io.asl4j.dsl.json.AslReader;
import io.asl4j.dsl.model.StateMachineType;
import io.asl4j.runtime.Execution;
import io.asl4j.runtime.ExecutionStatus;
import io.asl4j.runtime.HistoryEvent;
import io.asl4j.runtime.LocalStateMachine;
import io.asl4j.runtime.RedriveExecutionException;
import io.asl4j.runtime.RedriveStatus;
import io.asl4j.runtime.StartExecutionException;
import io.asl4j.server.internal.Registry.ExecutionRecord;
import io.asl4j.server.internal.Registry.MachineRecord;
import io.asl4j.server.internal.Registry.Revision;
import io.asl4j.server.internal.Registry.Route;
import io.asl4j.server.internal.Registry.VersionRecord;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

/** The execution operations: start, describe, list, stop, history and redrive. */
final class ExecutionOperations extends ServiceCore {
  ExecutionOperations(ServiceCore core) {
    super(core);
  }

  ObjectNode startExecution(JsonNode request) {
    ExecutionRecord record = start(request, false);
    ObjectNode response = JSON.objectNode().put("executionArn", record.arn());
    Requests.putDate(response, "startDate", record.startDate);
    return response;
  }

  ObjectNode startSyncExecution(JsonNode request) {
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
    // The start date is the ExecutionStarted event's, on the execution's clock, as on AWS.
    List<HistoryEvent> history = execution.history();
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
            history.isEmpty() ? Instant.now() : history.get(0).timestamp());
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

  ObjectNode describeExecution(JsonNode request) {
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

  ObjectNode listExecutions(JsonNode request) {
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
      adoptChildren(target.machine);
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

  ObjectNode stopExecution(JsonNode request) {
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

  ObjectNode getExecutionHistory(JsonNode request) {
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
          && json.get("executionStartedEventDetails") instanceof ObjectNode started) {
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

  ObjectNode redriveExecution(JsonNode request) {
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
}
