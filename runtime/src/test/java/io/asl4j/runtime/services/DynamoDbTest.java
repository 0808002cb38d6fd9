package io.asl4j.runtime.services;

import static io.asl4j.runtime.services.Fixtures.DATE;
import static io.asl4j.runtime.services.Fixtures.SEED;
import static io.asl4j.runtime.services.Fixtures.ids;
import static io.asl4j.runtime.services.Fixtures.json;
import static io.asl4j.runtime.services.Fixtures.run;
import static io.asl4j.runtime.services.Fixtures.runTask;
import static io.asl4j.runtime.services.Fixtures.sdkV1Cause;
import static io.asl4j.runtime.services.Fixtures.sdkV2Cause;
import static io.asl4j.runtime.services.Fixtures.task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.asl4j.runtime.Execution;
import io.asl4j.runtime.ExecutionStatus;
import io.asl4j.runtime.services.internal.Aws;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DynamoDbTest {
  private static final String PUT_THEN_GET =
      "{'StartAt':'Put','States':{"
          + "'Put':{'Type':'Task','Resource':'arn:aws:states:::dynamodb:putItem',"
          + "'Parameters':{'TableName':'Orders','Item.$':'$.item'},'ResultPath':'$.put','Next':'Get'},"
          + "'Get':{'Type':'Task','Resource':'arn:aws:states:::dynamodb:getItem',"
          + "'Parameters':{'TableName':'Orders','Key':{'id':{'S.$':'$.item.id.S'}}},'ResultPath':'$.get','End':true}}}";

  @Test
  void aPutItemThenGetItemAnswerWithTheOptimizedIntegrationsResponses() {
    AwsServices services = AwsServices.create(SEED);
    services.dynamoDb().createTable("Orders", "id");
    Execution execution =
        run(PUT_THEN_GET, services, "{'item':{'id':{'S':'o-1'},'total':{'N':'42'}}}");

    List<String> ids = ids(2);
    String item = "{'id':{'S':'o-1'},'total':{'N':'42'}}";
    String getBody = "{\"Item\":{\"id\":{\"S\":\"o-1\"},\"total\":{\"N\":\"42\"}}}";
    JsonNode expected =
        json(
            "{'item':"
                + item
                + ",'put':"
                + metadata("{}", ids.get(0))
                + ",'get':"
                + metadata(getBody, ids.get(1)).replaceFirst("\\{", "{'Item':" + item + ",")
                + "}");
    assertEquals(expected, execution.output());
    assertEquals(
        Optional.of(json(item)), services.dynamoDb().item("Orders", json("{'id':{'S':'o-1'}}")));
  }

  /**
   * The SdkHttpMetadata/SdkResponseMetadata DynamoDB's optimized integration adds, for {@code
   * body}.
   */
  static String metadata(String body, String requestId) {
    int length = body.length();
    long crc = Aws.crc32(body);
    return ("{'SdkHttpMetadata':{'AllHttpHeaders':{'Server':['Server'],'Connection':['keep-alive'],"
        + "'x-amzn-RequestId':['"
        + requestId
        + "'],'x-amz-crc32':['"
        + crc
        + "'],'Content-Length':['"
        + length
        + "'],"
        + "'Date':['"
        + DATE
        + "'],'Content-Type':['application/x-amz-json-1.0']},"
        + "'HttpHeaders':{'Connection':'keep-alive','Content-Length':'"
        + length
        + "','Content-Type':'application/x-amz-json-1.0',"
        + "'Date':'"
        + DATE
        + "','Server':'Server','x-amz-crc32':'"
        + crc
        + "','x-amzn-RequestId':'"
        + requestId
        + "'},"
        + "'HttpStatusCode':200},'SdkResponseMetadata':{'RequestId':'"
        + requestId
        + "'}}");
  }

  @Test
  void updateItemSetsRemovesAndAddsWithPlaceholdersAndReturnsTheUpdatedNewValues() {
    AwsServices services = AwsServices.create(SEED);
    services
        .dynamoDb()
        .createTable("Orders", "id")
        .putItem(
            "Orders",
            json("{'id':{'S':'o-1'},'status':{'S':'NEW'},'note':{'S':'x'},'count':{'N':'1'}}"));
    Execution execution =
        runTask(
            "arn:aws:states:::aws-sdk:dynamodb:updateItem",
            "{'TableName':'Orders','Key':{'id':{'S':'o-1'}},"
                + "'UpdateExpression':'SET #s = :s, total = :t REMOVE note ADD #c :one',"
                + "'ExpressionAttributeNames':{'#s':'status','#c':'count'},"
                + "'ExpressionAttributeValues':{':s':{'S':'PAID'},':t':{'N':'9.50'},':one':{'N':'1'}},"
                + "'ReturnValues':'UPDATED_NEW'}",
            services,
            "{}");

    assertEquals(
        json("{'Attributes':{'status':{'S':'PAID'},'total':{'N':'9.5'},'count':{'N':'2'}}}"),
        execution.output());
    assertEquals(
        json("{'id':{'S':'o-1'},'status':{'S':'PAID'},'count':{'N':'2'},'total':{'N':'9.5'}}"),
        services.dynamoDb().item("Orders", json("{'id':{'S':'o-1'}}")).orElseThrow());
  }

  @Test
  void updateItemOfAMissingItemCreatesItFromTheKeyAndIfNotExistsAndArithmeticWork() {
    AwsServices services = AwsServices.create(SEED);
    services.dynamoDb().createTable("Counters", "name");
    String update =
        task(
            "arn:aws:states:::aws-sdk:dynamodb:updateItem",
            "{'TableName':'Counters','Key':{'name':{'S':'visits'}},"
                + "'UpdateExpression':'set hits = if_not_exists(hits, :zero) + :one, tags = list_append(if_not_exists(tags, :empty), :tag)',"
                + "'ExpressionAttributeValues':{':zero':{'N':'0'},':one':{'N':'1'},':empty':{'L':[]},':tag':{'L':[{'S':'a'}]}},"
                + "'ReturnValues':'ALL_NEW'}");
    run(update, services, "{}");
    Execution second = run(update, services, "{}");

    assertEquals(
        json(
            "{'Attributes':{'name':{'S':'visits'},'hits':{'N':'2'},'tags':{'L':[{'S':'a'},{'S':'a'}]}}}"),
        second.output());
  }

  @Test
  void aMissingTableFailsWithResourceNotFoundAndAwssCauseText() {
    Execution execution =
        runTask(
            "arn:aws:states:::dynamodb:putItem",
            "{'TableName':'NoSuchTable','Item':{'id':{'S':'1'}}}",
            AwsServices.create(SEED),
            "{}");

    assertEquals(ExecutionStatus.FAILED, execution.status());
    assertEquals("DynamoDB.ResourceNotFoundException", execution.error());
    assertEquals(
        sdkV1Cause(
            "Requested resource not found", "AmazonDynamoDBv2", 400, "ResourceNotFoundException"),
        execution.cause());
  }

  @Test
  void theAwsSdkIntegrationReportsTheSdksErrorNamesAndCauseFormat() {
    Execution execution =
        runTask(
            "arn:aws:states:::aws-sdk:dynamodb:putItem",
            "{'TableName':'NoSuchTable','Item':{'id':{'S':'1'}}}",
            AwsServices.create(SEED),
            "{}");

    assertEquals("DynamoDb.ResourceNotFoundException", execution.error());
    assertEquals(sdkV2Cause("Requested resource not found", "DynamoDb", 400), execution.cause());
  }

  @Test
  void aNullItemIsAValidationErrorEvenBeforeTheTableIsLookedUp() {
    Execution execution =
        runTask(
            "arn:aws:states:::dynamodb:putItem",
            "{'TableName':'NoSuchTable','Item.$':'$.item'}",
            AwsServices.create(SEED),
            "{'item':null}");

    assertEquals("DynamoDB.AmazonDynamoDBException", execution.error());
    assertEquals(
        sdkV1Cause(
            "1 validation error detected: Value null at 'item' failed to satisfy constraint: Member must not be null",
            "AmazonDynamoDBv2",
            400,
            "ValidationException"),
        execution.cause());
  }

  @Test
  void anInvalidTableNameFailsTheRegularExpressionConstraint() {
    Execution execution =
        runTask(
            "arn:aws:states:::aws-sdk:dynamodb:getItem",
            "{'TableName':'/bad','Key':{'id':{'S':'1'}}}",
            AwsServices.create(SEED),
            "{}");

    assertEquals("DynamoDb.DynamoDbException", execution.error());
    assertEquals(
        sdkV2Cause(
            "1 validation error detected: Value '/bad' at 'tableName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+",
            "DynamoDb",
            400),
        execution.cause());
  }

  @Test
  void anItemWithoutItsKeyAndAKeyOfTheWrongShapeAreRefused() {
    AwsServices services = AwsServices.create(SEED);
    services.dynamoDb().createTable("Orders", "id", "line");
    Execution put =
        runTask(
            "arn:aws:states:::aws-sdk:dynamodb:putItem",
            "{'TableName':'Orders','Item':{'id':{'S':'1'}}}",
            services,
            "{}");
    Execution get =
        runTask(
            "arn:aws:states:::aws-sdk:dynamodb:getItem",
            "{'TableName':'Orders','Key':{'id':{'S':'1'}}}",
            services,
            "{}");

    assertTrue(
        put.cause()
            .startsWith(
                "One or more parameter values were invalid: Missing the key line in the item"),
        put.cause());
    assertTrue(
        get.cause().startsWith("The provided key element does not match the schema"), get.cause());
  }

  @Test
  void getItemOfAnAbsentItemAnswersWithoutItem() {
    AwsServices services = AwsServices.create(SEED);
    services.dynamoDb().createTable("Orders", "id");
    Execution execution =
        runTask(
            "arn:aws:states:::aws-sdk:dynamodb:getItem",
            "{'TableName':'Orders','Key':{'id':{'S':'1'}}}",
            services,
            "{}");

    assertEquals(json("{}"), execution.output());
  }

  @Test
  void deleteItemWithAllOldReturnsTheDeletedItem() {
    AwsServices services = AwsServices.create(SEED);
    services
        .dynamoDb()
        .createTable("Orders", "id")
        .putItem("Orders", json("{'id':{'S':'1'},'a':{'BOOL':true}}"));
    Execution execution =
        runTask(
            "arn:aws:states:::aws-sdk:dynamodb:deleteItem",
            "{'TableName':'Orders','Key':{'id':{'S':'1'}},'ReturnValues':'ALL_OLD'}",
            services,
            "{}");

    assertEquals(json("{'Attributes':{'id':{'S':'1'},'a':{'BOOL':true}}}"), execution.output());
    assertEquals(List.of(), services.dynamoDb().items("Orders"));
  }

  @Test
  void aFailingConditionExpressionIsConditionalCheckFailedAndChangesNothing() {
    AwsServices services = AwsServices.create(SEED);
    services
        .dynamoDb()
        .createTable("Orders", "id")
        .putItem("Orders", json("{'id':{'S':'1'},'v':{'N':'1'}}"));
    Execution execution =
        runTask(
            "arn:aws:states:::dynamodb:putItem",
            "{'TableName':'Orders','Item':{'id':{'S':'1'},'v':{'N':'2'}},'ConditionExpression':'attribute_not_exists(id)'}",
            services,
            "{}");

    assertEquals("DynamoDB.ConditionalCheckFailedException", execution.error());
    assertEquals(
        sdkV1Cause(
            "The conditional request failed",
            "AmazonDynamoDBv2",
            400,
            "ConditionalCheckFailedException"),
        execution.cause());
    assertEquals(
        List.of(json("{'id':{'S':'1'},'v':{'N':'1'}}")), services.dynamoDb().items("Orders"));
  }

  @Test
  void queryFindsTheItemsOfAPartitionInSortKeyOrderWithAFilter() {
    AwsServices services = AwsServices.create(SEED);
    services
        .dynamoDb()
        .createTable("Lines", "order", "line")
        .putItem("Lines", json("{'order':{'S':'o-1'},'line':{'N':'2'},'qty':{'N':'5'}}"))
        .putItem("Lines", json("{'order':{'S':'o-1'},'line':{'N':'1'},'qty':{'N':'1'}}"))
        .putItem("Lines", json("{'order':{'S':'o-2'},'line':{'N':'1'},'qty':{'N':'7'}}"));
    Execution execution =
        runTask(
            "arn:aws:states:::aws-sdk:dynamodb:query",
            "{'TableName':'Lines','KeyConditionExpression':'#o = :o','FilterExpression':'qty > :min',"
                + "'ExpressionAttributeNames':{'#o':'order'},'ExpressionAttributeValues':{':o':{'S':'o-1'},':min':{'N':'3'}}}",
            services,
            "{}");

    assertEquals(
        json(
            "{'Count':1,'Items':[{'order':{'S':'o-1'},'line':{'N':'2'},'qty':{'N':'5'}}],'ScannedCount':2}"),
        execution.output());
  }

  @Test
  void inspectingATableThatDoesNotExistIsATestError() {
    assertThrows(
        IllegalArgumentException.class, () -> AwsServices.create().dynamoDb().items("Nope"));
  }
}
