package io.asl4j.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asl4j.runtime.StatesError;
import io.asl4j.runtime.TaskContext;
import io.asl4j.runtime.TaskHandler;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Lambda Task states answered by a Lambda endpoint over the Lambda Invoke API ({@code POST
 * /2015-03-31/functions/<name>/invocations}), as {@code sam local start-lambda} serves it: the
 * payload is the function's result; a function error ({@code X-Amz-Function-Error}) fails the task
 * with the error's {@code errorType} and the error document as its cause, as Step Functions reports
 * it.
 */
public final class LambdaForwarder {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  static final String LAMBDA_INVOKE = "arn:aws:states:::lambda:invoke";

  private final URI endpoint;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  public LambdaForwarder(URI endpoint) {
    this.endpoint = endpoint;
  }

  /**
   * A handler for each function the definition names: each {@code arn:aws:lambda:...:function:X}
   * Task resource, and each static {@code FunctionName} of a {@code lambda:invoke} Task (the
   * runtime wraps its result as Lambda's Invoke response).
   */
  Map<String, TaskHandler> handlersFor(JsonNode definition) {
    Map<String, TaskHandler> handlers = new LinkedHashMap<>();
    collect(definition, handlers);
    return handlers;
  }

  private void collect(JsonNode node, Map<String, TaskHandler> handlers) {
    if (node.isObject()) {
      if ("Task".equals(node.path("Type").asText()) && node.path("Resource").isTextual()) {
        String resource = node.get("Resource").asText();
        if (resource.startsWith("arn:aws:lambda:") && resource.contains(":function:")) {
          handlers.put(resource, function(resource));
        } else if (resource.startsWith(LAMBDA_INVOKE)) {
          for (String member : new String[] {"Parameters", "Arguments"}) {
            JsonNode name = node.path(member).path("FunctionName");
            if (name.isTextual() && !name.asText().startsWith("{%")) {
              handlers.put(name.asText(), function(name.asText()));
            }
          }
        }
      }
      node.elements().forEachRemaining(child -> collect(child, handlers));
    } else if (node.isArray()) {
      node.forEach(child -> collect(child, handlers));
    }
  }

  /** A {@code lambda:invoke} handler for function names only known at run time. */
  TaskHandler invokeByName() {
    return (input, context) -> {
      String name = input.path("FunctionName").asText(null);
      if (name == null) {
        throw new StatesError("States.Runtime", "lambda:invoke needs a FunctionName");
      }
      JsonNode payload = input.get("Payload");
      JsonNode result =
          invoke(
              name,
              payload == null || payload.isNull()
                  ? JsonNodeFactory.instance.objectNode()
                  : payload);
      ObjectNode response = JsonNodeFactory.instance.objectNode();
      response.put("ExecutedVersion", "$LATEST");
      response.set("Payload", result);
      response.put("StatusCode", 200);
      return response;
    };
  }

  private TaskHandler function(String nameOrArn) {
    return (JsonNode input, TaskContext context) -> invoke(nameOrArn, input);
  }

  private JsonNode invoke(String nameOrArn, JsonNode payload) {
    String name = nameOrArn;
    String qualifier = null;
    int function = nameOrArn.indexOf(":function:");
    if (function >= 0) {
      String[] rest = nameOrArn.substring(function + ":function:".length()).split(":", 2);
      name = rest[0];
      qualifier = rest.length > 1 ? rest[1] : null;
    }
    String path =
        endpoint.toString().replaceAll("/+$", "")
            + "/2015-03-31/functions/"
            + URLEncoder.encode(name, StandardCharsets.UTF_8)
            + "/invocations"
            + (qualifier == null
                ? ""
                : "?Qualifier=" + URLEncoder.encode(qualifier, StandardCharsets.UTF_8));
    HttpResponse<String> response;
    try {
      response =
          http.send(
              HttpRequest.newBuilder(URI.create(path))
                  .timeout(Duration.ofMinutes(15))
                  .header("Content-Type", "application/json")
                  .header("X-Amz-Invocation-Type", "RequestResponse")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          payload.toString(), StandardCharsets.UTF_8))
                  .build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new StatesError(
          "Lambda.SdkClientException",
          "Unable to execute HTTP request: " + endpoint + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StatesError("Lambda.SdkClientException", "interrupted while invoking " + name);
    }
    String body = response.body();
    if (response.statusCode() != 200) {
      String type =
          response.headers().firstValue("x-amzn-ErrorType").map(t -> t.split(":")[0]).orElse(null);
      JsonNode error = parse(body);
      if (type == null && error != null) {
        type = error.path("Type").asText(error.path("__type").asText("ServiceException"));
      }
      String message =
          error != null ? error.path("Message").asText(error.path("message").asText(body)) : body;
      throw new StatesError(
          "Lambda." + (type == null ? "ServiceException" : type),
          message + " (Service: Lambda, Status Code: " + response.statusCode() + ")");
    }
    JsonNode result = parse(body);
    if (response.headers().firstValue("X-Amz-Function-Error").isPresent()) {
      String type =
          result != null && result.path("errorType").isTextual()
              ? result.get("errorType").asText()
              : "Lambda.Unknown";
      throw new StatesError(type, body);
    }
    if (result == null) {
      throw new StatesError(
          "States.Runtime", "the function " + name + " returned no JSON: " + body);
    }
    return result;
  }

  private static JsonNode parse(String body) {
    try {
      return body == null || body.isBlank() ? null : MAPPER.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }
}
