package io.asl4j.runtime.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The response shapes of the service integrations whose responses asl4j knows, for TestState's
 * {@code mock.fieldValidationMode}: {@code STRICT} checks the types of the API's fields the mock
 * has and that the fields its model requires are there; {@code PRESENT} only the types; {@code
 * NONE} nothing. As AWS's recorded answers show, a field the API does not have is accepted in every
 * mode (a mocked {@code lambda:invoke} may answer {@code {"pokemon": "pikachu"}}), and so is a
 * missing field in {@code PRESENT}. A resource without a known shape (an {@code aws-sdk:} call, a
 * callback's or a job's result, a Lambda function ARN's payload) is not checked.
 */
public final class ResponseShapes {
  private ResponseShapes() {}

  private record Shape(Map<String, String> fields, List<String> required) {}

  private static final Map<String, String> SDK_METADATA =
      Map.of("SdkHttpMetadata", "object", "SdkResponseMetadata", "object");

  /** The response of DynamoDB's putItem, updateItem and deleteItem alike. */
  private static final Shape DYNAMODB_WRITE =
      shape(
          List.of(),
          "Attributes",
          "object",
          "ConsumedCapacity",
          "object",
          "ItemCollectionMetrics",
          "object");

  private static final Map<String, Shape> SHAPES =
      Map.of(
          "arn:aws:states:::states:startExecution",
              shape(
                  List.of("ExecutionArn", "StartDate"),
                  "ExecutionArn",
                  "string",
                  "StartDate",
                  "timestamp"),
          "arn:aws:states:::lambda:invoke",
              shape(
                  List.of(),
                  "ExecutedVersion",
                  "string",
                  "FunctionError",
                  "string",
                  "LogResult",
                  "string",
                  "Payload",
                  "any",
                  "StatusCode",
                  "integer"),
          "arn:aws:states:::sqs:sendMessage",
              shape(
                  List.of(),
                  "MD5OfMessageAttributes",
                  "string",
                  "MD5OfMessageBody",
                  "string",
                  "MD5OfMessageSystemAttributes",
                  "string",
                  "MessageId",
                  "string",
                  "SequenceNumber",
                  "string"),
          "arn:aws:states:::sns:publish",
              shape(List.of(), "MessageId", "string", "SequenceNumber", "string"),
          "arn:aws:states:::events:putEvents",
              shape(List.of(), "Entries", "array", "FailedEntryCount", "integer"),
          "arn:aws:states:::dynamodb:getItem",
              shape(List.of(), "Item", "object", "ConsumedCapacity", "object"),
          "arn:aws:states:::dynamodb:putItem", DYNAMODB_WRITE,
          "arn:aws:states:::dynamodb:updateItem", DYNAMODB_WRITE,
          "arn:aws:states:::dynamodb:deleteItem", DYNAMODB_WRITE,
          "arn:aws:states:::http:invoke",
              shape(
                  List.of(),
                  "Headers",
                  "object",
                  "ResponseBody",
                  "any",
                  "StatusCode",
                  "string",
                  "StatusText",
                  "string"));

  private static Shape shape(List<String> required, String... namesAndTypes) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (int i = 0; i < namesAndTypes.length; i += 2) {
      fields.put(namesAndTypes[i], namesAndTypes[i + 1]);
    }
    fields.putAll(SDK_METADATA);
    return new Shape(fields, required);
  }

  /**
   * What is wrong with {@code result} as the response of {@code resource} under {@code mode}
   * (STRICT, PRESENT or NONE); empty when nothing is, or when the resource's shape is unknown.
   */
  public static List<String> problems(String resource, JsonNode result, String mode) {
    List<String> problems = new ArrayList<>();
    Shape shape =
        resource == null
            ? null
            : SHAPES.get(io.asl4j.dsl.model.ResourceArn.parse(resource).canonical());
    if (shape == null || "NONE".equals(mode) || result == null) {
      return problems;
    }
    if (!result.isObject()) {
      problems.add("the result must be a JSON object, but is " + result);
      return problems;
    }
    result
        .fieldNames()
        .forEachRemaining(
            name -> {
              String type = shape.fields().get(name);
              if (type != null && !fits(type, result.get(name))) {
                problems.add(
                    "'"
                        + name
                        + "' must be "
                        + (type.equals("integer") || type.equals("array") || type.equals("object")
                            ? "an "
                            : "a ")
                        + type
                        + ", but is "
                        + result.get(name));
              }
            });
    if ("STRICT".equals(mode)) {
      for (String name : shape.required()) {
        if (!result.has(name)) {
          problems.add("'" + name + "' is missing; the API's response requires it");
        }
      }
    }
    return problems;
  }

  private static boolean fits(String type, JsonNode value) {
    return switch (type) {
      case "string" -> value.isTextual();
      case "integer" -> value.isIntegralNumber();
      case "object" -> value.isObject();
      case "array" -> value.isArray();
      case "timestamp" -> value.isTextual() || value.isNumber();
      default -> true;
    };
  }
}
