package io.asl4j.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asl4j.dsl.json.AslReadException;
import io.asl4j.dsl.model.StateMachineType;
import io.asl4j.dsl.validate.AwsDiagnostics;
import io.asl4j.dsl.validate.Problem;
import io.asl4j.dsl.validate.ValidationOptions;
import io.asl4j.dsl.validate.ValidationResult;
import io.asl4j.dsl.validate.Validator;
import io.asl4j.runtime.TaskHandler;
import io.asl4j.runtime.TestState;
import io.asl4j.runtime.TestStateResult;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** TestState and ValidateStateMachineDefinition. */
final class TestStateOperations extends ServiceCore {
  TestStateOperations(ServiceCore core) {
    super(core);
  }

  ObjectNode testState(JsonNode request) {
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

  ObjectNode validateStateMachineDefinition(JsonNode request) {
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
}
