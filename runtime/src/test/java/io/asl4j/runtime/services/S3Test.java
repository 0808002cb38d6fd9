package io.asl4j.runtime.services;

import static io.asl4j.runtime.services.Fixtures.SEED;
import static io.asl4j.runtime.services.Fixtures.json;
import static io.asl4j.runtime.services.Fixtures.runTask;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asl4j.runtime.Execution;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class S3Test {
  @Test
  void putObjectStoresANonStringBodyAsJsonTextAndAnswersWithItsChecksums() {
    AwsServices services = AwsServices.create(SEED);
    services.s3().createBucket("data");
    Execution text =
        runTask(
            "arn:aws:states:::aws-sdk:s3:putObject",
            "{'Bucket':'data','Key':'a.txt','Body':'text data'}",
            services,
            "{}");
    Execution object =
        runTask(
            "arn:aws:states:::aws-sdk:s3:putObject",
            "{'Bucket':'data','Key':'b.json','Body':{'Dict':'Value'}}",
            services,
            "{}");

    // The values AWS answered for these bodies: a string body is stored as its JSON text, quotes
    // and all.
    assertEquals(
        json(
            "{'ChecksumCRC32':'KUmHvQ==','ChecksumType':'FULL_OBJECT','ETag':'\\\"2b5df3712557f503a9977a8ea893b2c9\\\"',"
                + "'ServerSideEncryption':'AES256'}"),
        text.output());
    assertEquals(
        json(
            "{'ChecksumCRC32':'hnEfWw==','ChecksumType':'FULL_OBJECT','ETag':'\\\"49e31cee5aec8faf3345893addb14346\\\"',"
                + "'ServerSideEncryption':'AES256'}"),
        object.output());
    assertEquals(Optional.of("{\"Dict\":\"Value\"}"), services.s3().object("data", "b.json"));
    assertEquals(Optional.of("\"text data\""), services.s3().object("data", "a.txt"));
  }

  @Test
  void getObjectAnswersWithTheBodyAndItsMetadata() {
    AwsServices services = AwsServices.create(SEED);
    services.s3().putObject("data", "file_key", "text data");
    Execution execution =
        runTask(
            "arn:aws:states:::aws-sdk:s3:getObject",
            "{'Bucket':'data','Key':'file_key'}",
            services,
            "{}");

    String lastModified = execution.output().get("LastModified").asText();
    assertEquals(
        json(
            "{'AcceptRanges':'bytes','Body':'text data','ContentLength':9,'ContentType':'binary/octet-stream',"
                + "'ETag':'\\\"332eec544317a6d340b8e77da7fe54ad\\\"','LastModified':'"
                + lastModified
                + "','Metadata':{},"
                + "'ServerSideEncryption':'AES256'}"),
        execution.output());
  }

  @Test
  void aMissingKeyAndAMissingBucketAreS3sNotFoundErrors() {
    AwsServices services = AwsServices.create(SEED);
    services.s3().createBucket("data");
    Execution noKey =
        runTask(
            "arn:aws:states:::aws-sdk:s3:getObject",
            "{'Bucket':'data','Key':'nope'}",
            services,
            "{}");
    Execution noBucket =
        runTask(
            "arn:aws:states:::aws-sdk:s3:getObject",
            "{'Bucket':'nobucket','Key':'k'}",
            services,
            "{}");

    assertEquals("S3.NoSuchKeyException", noKey.error());
    assertTrue(
        noKey
            .cause()
            .matches(
                "The specified key does not exist\\. \\(Service: S3, Status Code: 404, "
                    + "Request ID: [0-9A-F]{16}, Extended Request ID: [-0-9a-f]{36}\\)"),
        noKey.cause());
    assertEquals("S3.NoSuchBucketException", noBucket.error());
    assertTrue(
        noBucket
            .cause()
            .startsWith("The specified bucket does not exist (Service: S3, Status Code: 404, "),
        noBucket.cause());
  }

  @Test
  void listObjectsV2ListsKeysUnderAPrefixInOrderAndPages() {
    AwsServices services = AwsServices.create(SEED);
    services
        .s3()
        .putObject("data", "in/b.csv", "x,y")
        .putObject("data", "in/a.csv", "a")
        .putObject("data", "out/c", "");
    Execution page1 =
        runTask(
            "arn:aws:states:::aws-sdk:s3:listObjectsV2",
            "{'Bucket':'data','Prefix':'in/','MaxKeys':1}",
            services,
            "{}");

    String modified = page1.output().at("/Contents/0/LastModified").asText();
    String token = page1.output().get("NextContinuationToken").asText();
    assertEquals(
        json(
            "{'Contents':[{'ETag':'\\\"0cc175b9c0f1b6a831c399e269772661\\\"','Key':'in/a.csv','LastModified':'"
                + modified
                + "','Size':1,'StorageClass':'STANDARD'}],'IsTruncated':true,'KeyCount':1,'MaxKeys':1,'Name':'data',"
                + "'NextContinuationToken':'"
                + token
                + "','Prefix':'in/'}"),
        page1.output());
    Execution page2 =
        runTask(
            "arn:aws:states:::aws-sdk:s3:listObjectsV2",
            "{'Bucket':'data','Prefix':'in/','ContinuationToken':'" + token + "'}",
            services,
            "{}");
    assertEquals("in/b.csv", page2.output().at("/Contents/0/Key").asText());
    assertEquals(false, page2.output().get("IsTruncated").booleanValue());
  }

  @Test
  void theObjectStoreInterfaceSeesWhatTasksWroteAndTasksSeeWhatTestsPut() {
    AwsServices services = AwsServices.create(SEED);
    S3Objects objects = services.s3();
    objects.put("data", "items/1.json", "[1]");
    objects.put("data", "items/2.json", "[2]");
    objects.put("data", "other", "x");
    runTask(
        "arn:aws:states:::aws-sdk:s3:putObject",
        "{'Bucket':'data','Key':'items/3.json','Body':[3]}",
        services,
        "{}");

    assertEquals(
        List.of("items/1.json", "items/2.json", "items/3.json"), objects.list("data", "items/"));
    assertEquals(
        List.of("items/1.json", "items/2.json", "items/3.json", "other"),
        objects.list("data", null));
    assertEquals(Optional.of("[3]"), objects.get("data", "items/3.json"));
    assertEquals(Optional.empty(), objects.get("data", "nope"));
    assertEquals(List.of(), objects.list("nobucket", ""));
  }

  @Test
  void thePlainS3ResourcesOfItemReadersAndResultWritersAnswerLikeTheSdk() {
    AwsServices services = AwsServices.create(SEED);
    services.s3().createBucket("data");
    java.util.Map<String, io.asl4j.runtime.TaskHandler> handlers = services.handlers();
    io.asl4j.runtime.TaskContext ctx = new StubContext();

    handlers
        .get("arn:aws:states:::s3:putObject")
        .handle(json("{'Bucket':'data','Key':'k.csv','Body':'a,b'}"), ctx);
    assertEquals(Optional.of("a,b"), services.s3().object("data", "k.csv"));
    assertEquals(
        "a,b",
        handlers
            .get("arn:aws:states:::s3:getObject")
            .handle(json("{'Bucket':'data','Key':'k.csv'}"), ctx)
            .get("Body")
            .asText());
    assertEquals(
        "k.csv",
        handlers
            .get("arn:aws:states:::s3:listObjectsV2")
            .handle(json("{'Bucket':'data'}"), ctx)
            .at("/Contents/0/Key")
            .asText());
  }

  /** A context for calling a handler directly. */
  static final class StubContext implements io.asl4j.runtime.TaskContext {
    @Override
    public String executionArn() {
      return "arn:aws:states:us-east-1:123456789012:execution:m:e";
    }

    @Override
    public String stateName() {
      return "Call";
    }

    @Override
    public String resource() {
      return "arn:aws:states:::s3:getObject";
    }

    @Override
    public int retryCount() {
      return 0;
    }

    @Override
    public String taskToken() {
      return null;
    }

    @Override
    public java.time.Instant now() {
      return Fixtures.START;
    }

    @Override
    public void simulateDuration(java.time.Duration duration) {}

    @Override
    public io.asl4j.runtime.TaskCompletion completeLater() {
      throw new UnsupportedOperationException();
    }
  }
}
