package io.asl4j.runtime.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asl4j.runtime.StatesError;
import io.asl4j.runtime.TaskContext;
import io.asl4j.runtime.services.internal.Aws;
import io.asl4j.runtime.services.internal.DynamoExpressions;
import io.asl4j.runtime.services.internal.Ids;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * An in-memory DynamoDB: tables with a key schema holding items of typed attribute values ({@code
 * {"S": "..."}}, {@code {"N": "42"}}, ...). Serves {@code arn:aws:states:::dynamodb:getItem},
 * {@code putItem}, {@code updateItem} and {@code deleteItem} with the optimized integration's
 * responses and errors ({@code DynamoDB.ResourceNotFoundException}, ...), and the same actions plus
 * {@code query} and {@code scan} as {@code arn:aws:states:::aws-sdk:dynamodb:*} with the SDK's
 * ({@code DynamoDb.ResourceNotFoundException}, ...).
 *
 * <pre>{@code
 * DynamoDb dynamo = services.dynamoDb().createTable("Orders", "orderId");
 * // ... run a machine that puts {"orderId": {"S": "o-1"}, "total": {"N": "42"}} ...
 * dynamo.item("Orders", Json.parse("{\"orderId\":{\"S\":\"o-1\"}}"));   // Optional[the item]
 * }</pre>
 *
 * <p>Safe to use from any thread.
 */
public final class DynamoDb {
  private static final Pattern TABLE_NAME = Pattern.compile("[a-zA-Z0-9_.-]+");

  private final Ids ids;
  private final Map<String, Table> tables = new LinkedHashMap<>();

  private record Table(
      String name, String partitionKey, String sortKey, TreeMap<String, ObjectNode> items) {}

  /** Whether a call came through an optimized integration or {@code aws-sdk:dynamodb:*}. */
  enum Flavor {
    OPTIMIZED,
    SDK
  }

  DynamoDb(Ids ids) {
    this.ids = ids;
  }

  /**
   * Creates an empty table keyed by the attribute {@code partitionKey}; replaces one of that name.
   */
  public DynamoDb createTable(String name, String partitionKey) {
    return createTable(name, partitionKey, null);
  }

  /** Creates an empty table keyed by {@code partitionKey} and {@code sortKey}. */
  public synchronized DynamoDb createTable(String name, String partitionKey, String sortKey) {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(partitionKey, "partitionKey == null");
    tables.put(name, new Table(name, partitionKey, sortKey, new TreeMap<>()));
    return this;
  }

  /** Deletes a table and its items. */
  public synchronized void deleteTable(String name) {
    tables.remove(name);
  }

  /** The names of the tables, in creation order. */
  public synchronized List<String> tables() {
    return List.copyOf(tables.keySet());
  }

  /** Stores {@code item} (typed attribute values, including the key) as a test's fixture. */
  public synchronized DynamoDb putItem(String table, JsonNode item) {
    Table t = existing(table);
    ObjectNode copy = item.deepCopy();
    copy.forEach(DynamoExpressions::normalize);
    t.items().put(keyOf(t, copy, true, Flavor.SDK), copy);
    return this;
  }

  /** Copies of every item in {@code table}, in key order. */
  public synchronized List<JsonNode> items(String table) {
    List<JsonNode> items = new ArrayList<>();
    existing(table).items().values().forEach(i -> items.add(i.deepCopy()));
    return items;
  }

  /** A copy of the item with {@code key} (e.g. {@code {"id": {"S": "id1"}}}), if there is one. */
  public synchronized Optional<JsonNode> item(String table, JsonNode key) {
    Table t = existing(table);
    return Optional.ofNullable(t.items().get(keyOf(t, key, false, Flavor.SDK)))
        .map(ObjectNode::deepCopy);
  }

  private Table existing(String table) {
    Table t = tables.get(table);
    if (t == null) {
      throw new IllegalArgumentException("No table '" + table + "'; create it with createTable");
    }
    return t;
  }

  // ---- the API

  synchronized JsonNode call(String action, JsonNode input, TaskContext ctx, Flavor flavor) {
    String requestId = ids.uuid();
    ObjectNode response;
    try {
      response =
          switch (action) {
            case "getItem" -> getItem(input, flavor);
            case "putItem" -> putItem(input, flavor);
            case "updateItem" -> updateItem(input, flavor);
            case "deleteItem" -> deleteItem(input, flavor);
            case "query" -> query(input, flavor, true);
            case "scan" -> query(input, flavor, false);
            default -> throw new IllegalArgumentException(action);
          };
    } catch (Failure f) {
      throw error(f, flavor, requestId);
    } catch (DynamoExpressions.Invalid e) {
      throw error(new Failure("ValidationException", e.getMessage()), flavor, requestId);
    }
    if (flavor == Flavor.SDK) {
      return response;
    }
    String body = Aws.json(response);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Server", "Server");
    headers.put("Connection", "keep-alive");
    headers.put("x-amzn-RequestId", requestId);
    headers.put("x-amz-crc32", String.valueOf(Aws.crc32(body)));
    headers.put("Content-Length", String.valueOf(Aws.utf8Length(body)));
    headers.put("Date", Aws.httpDate(ctx.now()));
    headers.put("Content-Type", "application/x-amz-json-1.0");
    return Aws.withHttpMetadata(response, headers, requestId);
  }

  private ObjectNode getItem(JsonNode input, Flavor flavor) {
    Table t = table(input, "key", "Key");
    ObjectNode item = t.items().get(keyOf(t, input.get("Key"), false, flavor));
    ObjectNode response = Aws.NODES.objectNode();
    if (item != null) {
      response.set("Item", project(item, input));
    }
    return response;
  }

  private ObjectNode putItem(JsonNode input, Flavor flavor) {
    Table t = table(input, "item", "Item");
    if (!input.get("Item").isObject()) {
      throw new Failure(
          "ValidationException", "Start of structure or map found where not expected");
    }
    ObjectNode item = input.get("Item").deepCopy();
    validateValues(item);
    item.forEach(DynamoExpressions::normalize);
    String key = keyOf(t, item, true, flavor);
    ObjectNode old = t.items().get(key);
    checkCondition(old, input);
    t.items().put(key, item);
    return returnValues(input, old, null, null);
  }

  private ObjectNode deleteItem(JsonNode input, Flavor flavor) {
    Table t = table(input, "key", "Key");
    String key = keyOf(t, input.get("Key"), false, flavor);
    ObjectNode old = t.items().get(key);
    checkCondition(old, input);
    t.items().remove(key);
    return returnValues(input, old, null, null);
  }

  private ObjectNode updateItem(JsonNode input, Flavor flavor) {
    Table t = table(input, "key", "Key");
    JsonNode keyNode = input.get("Key");
    String key = keyOf(t, keyNode, false, flavor);
    ObjectNode old = t.items().get(key);
    checkCondition(old, input);
    ObjectNode updated = old != null ? old.deepCopy() : keyNode.deepCopy();
    Set<String> touched = Set.of();
    String expression = Aws.string(input, "UpdateExpression");
    if (expression != null) {
      touched =
          DynamoExpressions.update(
              updated,
              expression,
              input.get("ExpressionAttributeNames"),
              input.get("ExpressionAttributeValues"));
      for (String keyName : keyNames(t)) {
        if (touched.contains(keyName)) {
          throw new Failure(
              "ValidationException",
              "One or more parameter values were invalid: Cannot update attribute "
                  + keyName
                  + ". This attribute is part of the key");
        }
      }
    }
    t.items().put(key, updated);
    return returnValues(input, old, updated, touched);
  }

  private ObjectNode query(JsonNode input, Flavor flavor, boolean query) {
    Table t = table(input, null, null);
    String keyCondition = Aws.string(input, "KeyConditionExpression");
    if (query && keyCondition == null) {
      throw new Failure(
          "ValidationException",
          "Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
    }
    String filter = Aws.string(input, "FilterExpression");
    JsonNode names = input.get("ExpressionAttributeNames");
    JsonNode values = input.get("ExpressionAttributeValues");
    List<ObjectNode> matching = new ArrayList<>();
    int scanned = 0;
    for (ObjectNode item : t.items().values()) {
      if (query
          && !DynamoExpressions.condition(
              item, keyCondition, names, values, "KeyConditionExpression")) {
        continue;
      }
      scanned++;
      if (filter == null
          || DynamoExpressions.condition(item, filter, names, values, "FilterExpression")) {
        matching.add(item);
      }
    }
    if (query
        && input.path("ScanIndexForward").isBoolean()
        && !input.get("ScanIndexForward").booleanValue()) {
      java.util.Collections.reverse(matching);
    }
    int limit = input.path("Limit").isNumber() ? input.get("Limit").intValue() : Integer.MAX_VALUE;
    ObjectNode response = Aws.NODES.objectNode();
    ArrayNode items = Aws.NODES.arrayNode();
    matching.stream().limit(limit).forEach(i -> items.add(project(i, input)));
    response.put("Count", items.size());
    response.set("Items", items);
    response.put("ScannedCount", scanned);
    return response;
  }

  // ---- helpers

  private Table table(JsonNode input, String requiredLower, String requiredField) {
    String name = Aws.string(input, "TableName");
    if (name == null) {
      throw new Failure(
          "ValidationException",
          "1 validation error detected: Value null at 'tableName' failed to satisfy constraint: Member must not be null");
    }
    List<String> problems = new ArrayList<>();
    if (!TABLE_NAME.matcher(name).matches()) {
      problems.add(
          "Value '"
              + name
              + "' at 'tableName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
    }
    if (name.length() < 3 || name.length() > 255) {
      problems.add(
          "Value '"
              + name
              + "' at 'tableName' failed to satisfy constraint: Member must have length greater than or equal to 3");
    }
    if (requiredField != null
        && (input.get(requiredField) == null || input.get(requiredField).isNull())) {
      problems.add(
          "Value null at '"
              + requiredLower
              + "' failed to satisfy constraint: Member must not be null");
    }
    if (!problems.isEmpty()) {
      throw new Failure(
          "ValidationException",
          problems.size()
              + " validation error"
              + (problems.size() > 1 ? "s" : "")
              + " detected: "
              + String.join("; ", problems));
    }
    Table t = tables.get(name);
    if (t == null) {
      throw new Failure("ResourceNotFoundException", "Requested resource not found");
    }
    return t;
  }

  private static List<String> keyNames(Table t) {
    return t.sortKey() == null ? List.of(t.partitionKey()) : List.of(t.partitionKey(), t.sortKey());
  }

  /**
   * The key of an item (or a Key parameter) as text; refuses a key that does not fit the schema.
   */
  private static String keyOf(Table t, JsonNode node, boolean wholeItem, Flavor flavor) {
    if (node == null || !node.isObject()) {
      throw new Failure(
          "ValidationException", "The provided key element does not match the schema");
    }
    StringBuilder key = new StringBuilder();
    for (String name : keyNames(t)) {
      JsonNode value = node.get(name);
      if (value == null) {
        throw new Failure(
            "ValidationException",
            wholeItem
                ? "One or more parameter values were invalid: Missing the key "
                    + name
                    + " in the item"
                : "The provided key element does not match the schema");
      }
      String type = DynamoExpressions.type(value);
      if (!type.equals("S") && !type.equals("N") && !type.equals("B")) {
        throw new Failure(
            "ValidationException",
            wholeItem
                ? "One or more parameter values were invalid: Type mismatch for key " + name
                : "The provided key element does not match the schema");
      }
      String text =
          type.equals("N")
              ? DynamoExpressions.number(new java.math.BigDecimal(value.get("N").asText()))
                  .get("N")
                  .asText()
              : value.get(type).asText();
      key.append(type).append(':').append(text).append('\u0000');
    }
    if (!wholeItem && node.size() != keyNames(t).size()) {
      throw new Failure(
          "ValidationException", "The provided key element does not match the schema");
    }
    return key.toString();
  }

  private static void validateValues(JsonNode item) {
    item.fields()
        .forEachRemaining(
            e -> {
              JsonNode value = e.getValue();
              if (!value.isObject() || value.size() != 1) {
                throw new Failure(
                    "ValidationException",
                    "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
              }
            });
  }

  private static void checkCondition(ObjectNode old, JsonNode input) {
    String condition = Aws.string(input, "ConditionExpression");
    if (condition != null
        && !DynamoExpressions.condition(
            old,
            condition,
            input.get("ExpressionAttributeNames"),
            input.get("ExpressionAttributeValues"),
            "ConditionExpression")) {
      throw new Failure("ConditionalCheckFailedException", "The conditional request failed");
    }
  }

  private static ObjectNode returnValues(
      JsonNode input, ObjectNode old, ObjectNode updated, Set<String> touched) {
    String mode = Aws.string(input, "ReturnValues");
    ObjectNode response = Aws.NODES.objectNode();
    ObjectNode attributes =
        switch (mode == null ? "NONE" : mode) {
          case "ALL_OLD" -> old;
          case "ALL_NEW" -> updated;
          case "UPDATED_OLD" -> only(old, touched);
          case "UPDATED_NEW" -> only(updated, touched);
          case "NONE" -> null;
          default ->
              throw new Failure(
                  "ValidationException",
                  "1 validation error detected: Value '"
                      + mode
                      + "' at 'returnValues' failed to satisfy constraint: Member must satisfy enum value set: [ALL_NEW, UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW]");
        };
    if (attributes != null && attributes.size() > 0) {
      response.set("Attributes", attributes.deepCopy());
    }
    return response;
  }

  private static ObjectNode only(ObjectNode item, Set<String> names) {
    if (item == null || names == null) {
      return null;
    }
    ObjectNode picked = Aws.NODES.objectNode();
    names.forEach(
        n -> {
          if (item.has(n)) {
            picked.set(n, item.get(n));
          }
        });
    return picked;
  }

  /** The item, or the attributes its {@code ProjectionExpression} names. */
  private static JsonNode project(ObjectNode item, JsonNode input) {
    String projection = Aws.string(input, "ProjectionExpression");
    if (projection == null) {
      return item.deepCopy();
    }
    JsonNode names = input.get("ExpressionAttributeNames");
    ObjectNode picked = Aws.NODES.objectNode();
    for (String part : projection.split(",")) {
      String name = part.trim();
      if (name.startsWith("#") && names != null && names.has(name)) {
        name = names.get(name).asText();
      }
      if (item.has(name)) {
        picked.set(name, item.get(name).deepCopy());
      }
    }
    return picked;
  }

  private static StatesError error(Failure f, Flavor flavor, String requestId) {
    if (flavor == Flavor.SDK) {
      String exception = f.code.equals("ValidationException") ? "DynamoDbException" : f.code;
      return Aws.v2Error("DynamoDb", exception, f.getMessage(), "DynamoDb", 400, requestId);
    }
    String exception = f.code.equals("ValidationException") ? "AmazonDynamoDBException" : f.code;
    return Aws.v1Error(
        "DynamoDB", exception, f.getMessage(), "AmazonDynamoDBv2", 400, f.code, requestId);
  }

  /** A DynamoDB error code and message, turned into the integration's error. */
  private static final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String code;

    Failure(String code, String message) {
      super(message, null, false, false);
      this.code = code;
    }
  }
}
