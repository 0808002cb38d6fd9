package io.asl4j.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.regex.Pattern;

/** Reading request members and writing response members as the service model types them. */
final class Requests {
  /**
   * AWS's rule for the names of state machines, executions, activities, aliases: no such character.
   */
  private static final Pattern INVALID_NAME_CHARACTER =
      Pattern.compile("[\\s?*<>{}\\[\\]\"#%\\\\^|~`$&,;:/\\x00-\\x1f\\x7f-\\x9f]");

  private Requests() {}

  /**
   * A string member, or null when absent; a member of another JSON type is a serialization error.
   */
  static String string(JsonNode request, String member) {
    JsonNode value = request.get(member);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new ApiException(
          "SerializationException",
          "Member '"
              + member
              + "' must be a string, but is "
              + value.getNodeType().name().toLowerCase());
    }
    return value.textValue();
  }

  /** A required string member: AWS refuses a missing one as a constraint of the model. */
  static String required(JsonNode request, String member) {
    String value = string(request, member);
    if (value == null) {
      throw ApiException.constraint(null, member, "Member must not be null");
    }
    return value;
  }

  static Boolean bool(JsonNode request, String member) {
    JsonNode value = request.get(member);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isBoolean()) {
      throw new ApiException(
          "SerializationException", "Member '" + member + "' must be a boolean, but is " + value);
    }
    return value.booleanValue();
  }

  static Integer integer(JsonNode request, String member) {
    JsonNode value = request.get(member);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.canConvertToInt() || !value.isIntegralNumber()) {
      throw new ApiException(
          "SerializationException", "Member '" + member + "' must be an integer, but is " + value);
    }
    return value.intValue();
  }

  /** {@code maxResults}: 0 or absent is the default of 100, at most 1000 as the model allows. */
  static int maxResults(JsonNode request) {
    Integer max = integer(request, "maxResults");
    if (max == null || max == 0) {
      return 100;
    }
    if (max < 0 || max > 1000) {
      throw ApiException.constraint(
          max,
          "maxResults",
          max < 0
              ? "Member must have value greater than or equal to 0"
              : "Member must have value less than or equal to 1000");
    }
    return max;
  }

  /** Checks a resource name as AWS does: 1 to 80 characters, none of the ones it refuses. */
  static void checkName(String name, String member) {
    if (name.isEmpty()) {
      throw ApiException.constraint(
          name, member, "Member must have length greater than or equal to 1");
    }
    if (name.length() > 80) {
      throw ApiException.constraint(
          name, member, "Member must have length less than or equal to 80");
    }
    if (INVALID_NAME_CHARACTER.matcher(name).find()) {
      throw new ApiException("InvalidName", "Invalid Name: '" + name + "'");
    }
  }

  /** A timestamp as the JSON protocols send it: epoch seconds, with milliseconds. */
  static void putDate(ObjectNode response, String member, Instant date) {
    if (date != null) {
      response.put(member, BigDecimal.valueOf(date.toEpochMilli(), 3));
    }
  }
}
