package io.asl4j.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.asl4j.dsl.model.StateMachineType;
import io.asl4j.runtime.Execution;
import io.asl4j.runtime.LocalStateMachine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

/**
 * What the server holds: its state machines, versions, aliases, executions, activities and tags.
 */
final class Registry {
  final Map<String, MachineRecord> machines = new LinkedHashMap<>();
  final Map<String, ExecutionRecord> executions = new ConcurrentHashMap<>();

  /** Every execution in start order, for ListExecutions (newest first when listed). */
  final List<ExecutionRecord> executionOrder = new ArrayList<>();

  final Map<String, ActivityRecord> activities = new LinkedHashMap<>();
  final Map<String, Map<String, String>> tags = new ConcurrentHashMap<>();

  /**
   * One definition of a state machine as it was at an update: what its executions, and a version
   * published from it, run. Its engines are built when first needed: one without mocks, one per
   * mock-file test case.
   */
  static final class Revision {
    final String definition;
    final String roleArn;
    final String revisionId;
    final Instant updateDate;
    final Map<String, LocalStateMachine> engines = new ConcurrentHashMap<>();

    Revision(String definition, String roleArn, String revisionId, Instant updateDate) {
      this.definition = definition;
      this.roleArn = roleArn;
      this.revisionId = revisionId;
      this.updateDate = updateDate;
    }
  }

  static final class MachineRecord {
    final String arn;
    final String name;
    final StateMachineType type;
    final Instant creationDate;
    final JsonNode loggingConfiguration;
    final JsonNode tracingConfiguration;
    volatile Revision current;
    final Map<String, VersionRecord> versions = new LinkedHashMap<>();
    final Map<String, AliasRecord> aliases = new LinkedHashMap<>();
    int lastVersion;

    /** Standard executions by name: AWS refuses a name twice. */
    final Map<String, ExecutionRecord> byName = new ConcurrentHashMap<>();

    MachineRecord(
        String arn,
        String name,
        StateMachineType type,
        Instant creationDate,
        JsonNode logging,
        JsonNode tracing,
        Revision current) {
      this.arn = arn;
      this.name = name;
      this.type = type;
      this.creationDate = creationDate;
      this.loggingConfiguration = logging;
      this.tracingConfiguration = tracing;
      this.current = current;
    }
  }

  record VersionRecord(
      String arn, int number, Revision revision, String description, Instant creationDate) {}

  static final class AliasRecord {
    final String arn;
    final String name;
    final Instant creationDate;
    volatile String description;
    volatile List<Route> routing;
    volatile Instant updateDate;

    AliasRecord(
        String arn, String name, String description, List<Route> routing, Instant creationDate) {
      this.arn = arn;
      this.name = name;
      this.description = description;
      this.routing = routing;
      this.creationDate = creationDate;
      this.updateDate = creationDate;
    }
  }

  record Route(String versionArn, int weight) {}

  static final class ActivityRecord {
    final String arn;
    final String name;
    final Instant creationDate;

    ActivityRecord(String arn, String name, Instant creationDate) {
      this.arn = arn;
      this.name = name;
      this.creationDate = creationDate;
    }
  }

  /** One execution started through the API, and the engine running it. */
  static final class ExecutionRecord {
    final MachineRecord machine;
    final Revision revision;
    final LocalStateMachine engine;
    final Execution execution;
    final String name;
    final String versionArn;
    final String aliasArn;
    final String traceHeader;
    final Instant startDate;

    /** Counted down each time the execution's run ends (again after a redrive). */
    volatile CountDownLatch ended = new CountDownLatch(1);

    /** On the real clock, the poke that runs a parked execution on when its next timer is due. */
    volatile java.util.concurrent.Future<?> wake;

    /** Counts what arrived for it (callbacks, stops, due timers): a parked run runs on. */
    final java.util.concurrent.atomic.AtomicLong pokes =
        new java.util.concurrent.atomic.AtomicLong();

    /** Whether a thread is running it (or about to); false while parked on a callback. */
    final java.util.concurrent.atomic.AtomicBoolean driving =
        new java.util.concurrent.atomic.AtomicBoolean();

    ExecutionRecord(
        MachineRecord machine,
        Revision revision,
        LocalStateMachine engine,
        Execution execution,
        String name,
        String versionArn,
        String aliasArn,
        String traceHeader,
        Instant startDate) {
      this.machine = machine;
      this.revision = revision;
      this.engine = engine;
      this.execution = execution;
      this.name = name;
      this.versionArn = versionArn;
      this.aliasArn = aliasArn;
      this.traceHeader = traceHeader;
      this.startDate = startDate;
    }

    String arn() {
      return execution.arn();
    }
  }
}
