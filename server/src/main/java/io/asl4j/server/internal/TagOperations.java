package io.asl4j.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** The tag operations of state machines, versions, aliases and activities. */
final class TagOperations extends ServiceCore {
  TagOperations(ServiceCore core) {
    super(core);
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

  ObjectNode tagResource(JsonNode request) {
    String arn = Requests.required(request, "resourceArn");
    taggable(arn);
    tagsFrom(arn, request.get("tags"));
    return JSON.objectNode();
  }

  ObjectNode untagResource(JsonNode request) {
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

  ObjectNode listTagsForResource(JsonNode request) {
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
}
