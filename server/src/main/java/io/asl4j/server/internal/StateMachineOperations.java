package io.asl4j.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asl4j.dsl.model.StateMachineType;
import io.asl4j.dsl.validate.AwsDiagnostics;
import io.asl4j.dsl.validate.Problem;
import io.asl4j.dsl.validate.ValidationOptions;
import io.asl4j.dsl.validate.ValidationResult;
import io.asl4j.dsl.validate.Validator;
import io.asl4j.server.internal.Registry.AliasRecord;
import io.asl4j.server.internal.Registry.ExecutionRecord;
import io.asl4j.server.internal.Registry.MachineRecord;
import io.asl4j.server.internal.Registry.Revision;
import io.asl4j.server.internal.Registry.Route;
import io.asl4j.server.internal.Registry.VersionRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The state machine, version and alias operations. */
final class StateMachineOperations extends ServiceCore {
  StateMachineOperations(ServiceCore core) {
    super(core);
  }

  ObjectNode createStateMachine(JsonNode request) {
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

  ObjectNode describeStateMachine(JsonNode request) {
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

  ObjectNode describeStateMachineForExecution(JsonNode request) {
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

  ObjectNode updateStateMachine(JsonNode request) {
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

  ObjectNode deleteStateMachine(JsonNode request) {
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

  ObjectNode listStateMachines(JsonNode request) {
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

  ObjectNode publishStateMachineVersion(JsonNode request) {
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

  ObjectNode listStateMachineVersions(JsonNode request) {
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

  ObjectNode deleteStateMachineVersion(JsonNode request) {
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

  ObjectNode createStateMachineAlias(JsonNode request) {
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

  ObjectNode describeStateMachineAlias(JsonNode request) {
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

  ObjectNode updateStateMachineAlias(JsonNode request) {
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

  ObjectNode deleteStateMachineAlias(JsonNode request) {
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

  ObjectNode listStateMachineAliases(JsonNode request) {
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
}
