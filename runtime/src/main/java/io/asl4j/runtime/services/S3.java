package io.asl4j.runtime.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asl4j.runtime.StatesError;
import io.asl4j.runtime.TaskContext;
import io.asl4j.runtime.services.internal.Aws;
import io.asl4j.runtime.services.internal.Ids;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * In-memory S3 buckets of text objects, the {@link S3Objects} a distributed Map's {@code
 * ItemReader} reads. Serves {@code arn:aws:states:::aws-sdk:s3:getObject}, {@code putObject},
 * {@code listObjectsV2}, {@code listObjects}, {@code deleteObject} and {@code headObject} with the
 * SDK's response shapes ({@code Body}, {@code ETag} as the quoted MD5, {@code ContentLength}, ...)
 * and errors ({@code S3.NoSuchBucketException}, {@code S3.NoSuchKeyException}), and {@code
 * arn:aws:states:::s3:getObject}, {@code s3:putObject} and {@code s3:listObjectsV2} the same way. A
 * {@code Body} that is not a string is stored as its JSON text. Buckets are created by the first
 * {@link #put} or {@code putObject}.
 *
 * <pre>{@code
 * services.s3().putObject("inputs", "orders.json", "[{\"id\":1},{\"id\":2}]");
 * services.s3().object("results", "summary.json");   // Optional[...]
 * }</pre>
 */
public final class S3 implements S3Objects {
  private final Ids ids;
  private final Map<String, TreeMap<String, StoredObject>> buckets = new LinkedHashMap<>();

  private record StoredObject(String body, String etag, Instant lastModified, String contentType) {}

  S3(Ids ids) {
    this.ids = ids;
  }

  /** Creates an empty bucket (no change when it exists). */
  public synchronized S3 createBucket(String bucket) {
    buckets.computeIfAbsent(Objects.requireNonNull(bucket, "bucket == null"), b -> new TreeMap<>());
    return this;
  }

  /** Stores {@code text} as the object {@code key} in {@code bucket}, creating the bucket. */
  public S3 putObject(String bucket, String key, String text) {
    put(bucket, key, text);
    return this;
  }

  /** The text of the object {@code key} in {@code bucket}, if there is one. */
  public Optional<String> object(String bucket, String key) {
    return get(bucket, key);
  }

  /** The names of the buckets, in creation order. */
  public synchronized List<String> buckets() {
    return List.copyOf(buckets.keySet());
  }

  @Override
  public synchronized Optional<String> get(String bucket, String key) {
    TreeMap<String, StoredObject> objects = buckets.get(bucket);
    StoredObject object = objects == null ? null : objects.get(key);
    return Optional.ofNullable(object == null ? null : object.body());
  }

  @Override
  public synchronized List<String> list(String bucket, String prefix) {
    TreeMap<String, StoredObject> objects = buckets.get(bucket);
    if (objects == null) {
      return List.of();
    }
    String p = prefix == null ? "" : prefix;
    return objects.keySet().stream().filter(k -> k.startsWith(p)).toList();
  }

  @Override
  public void put(String bucket, String key, String body) {
    store(bucket, key, body, Instant.now(), null);
  }

  private synchronized StoredObject store(
      String bucket, String key, String body, Instant now, String contentType) {
    Objects.requireNonNull(key, "key == null");
    Objects.requireNonNull(body, "body == null");
    StoredObject object =
        new StoredObject(
            body,
            "\"" + Aws.md5Hex(body) + "\"",
            now.truncatedTo(ChronoUnit.SECONDS),
            contentType == null ? "binary/octet-stream" : contentType);
    buckets
        .computeIfAbsent(Objects.requireNonNull(bucket, "bucket == null"), b -> new TreeMap<>())
        .put(key, object);
    return object;
  }

  // ---- the API

  /**
   * One S3 call. Through {@code aws-sdk:s3:putObject} ({@code sdk}) every {@code Body}, a string
   * too, is stored as its JSON text, as Step Functions serializes it; the plain {@code
   * s3:putObject} resource stores a string as is.
   */
  synchronized JsonNode call(String action, JsonNode input, TaskContext ctx, boolean sdk) {
    return switch (action) {
      case "getObject", "headObject" -> getObject(input, action.equals("getObject"));
      case "putObject" -> putObject(input, ctx, sdk);
      case "deleteObject" -> {
        bucket(input).remove(Objects.toString(Aws.string(input, "Key"), ""));
        yield Aws.NODES.objectNode();
      }
      case "listObjectsV2" -> listObjects(input, true);
      case "listObjects" -> listObjects(input, false);
      default -> throw new IllegalArgumentException(action);
    };
  }

  private TreeMap<String, StoredObject> bucket(JsonNode input) {
    String name = Aws.string(input, "Bucket");
    TreeMap<String, StoredObject> objects = name == null ? null : buckets.get(name);
    if (objects == null) {
      throw error("NoSuchBucketException", "The specified bucket does not exist");
    }
    return objects;
  }

  private ObjectNode getObject(JsonNode input, boolean withBody) {
    StoredObject object = bucket(input).get(Objects.toString(Aws.string(input, "Key"), ""));
    if (object == null) {
      throw withBody
          ? error("NoSuchKeyException", "The specified key does not exist.")
          : error("NoSuchKeyException", "Not Found");
    }
    ObjectNode response = Aws.NODES.objectNode();
    response.put("AcceptRanges", "bytes");
    if (withBody) {
      response.put("Body", object.body());
    }
    response.put("ContentLength", object.body().getBytes(StandardCharsets.UTF_8).length);
    response.put("ContentType", object.contentType());
    response.put("ETag", object.etag());
    response.put("LastModified", object.lastModified().toString());
    response.putObject("Metadata");
    response.put("ServerSideEncryption", "AES256");
    return response;
  }

  private ObjectNode putObject(JsonNode input, TaskContext ctx, boolean sdk) {
    String bucket = Aws.string(input, "Bucket");
    if (bucket == null || !buckets.containsKey(bucket)) {
      throw error("NoSuchBucketException", "The specified bucket does not exist");
    }
    JsonNode body = input.get("Body");
    String text = body == null ? "" : sdk ? Aws.json(body) : body.isNull() ? "" : Aws.text(body);
    StoredObject object =
        store(
            bucket,
            Objects.toString(Aws.string(input, "Key"), ""),
            text,
            ctx.now(),
            Aws.string(input, "ContentType"));
    ObjectNode response = Aws.NODES.objectNode();
    response.put("ChecksumCRC32", Aws.crc32Base64(text));
    response.put("ChecksumType", "FULL_OBJECT");
    response.put("ETag", object.etag());
    response.put("ServerSideEncryption", "AES256");
    return response;
  }

  private ObjectNode listObjects(JsonNode input, boolean v2) {
    TreeMap<String, StoredObject> objects = bucket(input);
    String prefix = Objects.toString(Aws.string(input, "Prefix"), "");
    int maxKeys = input.path("MaxKeys").isNumber() ? input.get("MaxKeys").intValue() : 1000;
    String continuation = v2 ? Aws.string(input, "ContinuationToken") : null;
    String after =
        continuation != null
            ? new String(Base64.getDecoder().decode(continuation), StandardCharsets.UTF_8)
            : Aws.string(input, v2 ? "StartAfter" : "Marker");
    List<String> keys = new ArrayList<>();
    for (String key : after == null ? objects.keySet() : objects.tailMap(after, false).keySet()) {
      if (key.startsWith(prefix)) {
        keys.add(key);
      }
    }
    boolean truncated = keys.size() > maxKeys;
    List<String> page = truncated ? keys.subList(0, maxKeys) : keys;
    ObjectNode response = Aws.NODES.objectNode();
    if (!page.isEmpty()) {
      ArrayNode contents = response.putArray("Contents");
      for (String key : page) {
        StoredObject object = objects.get(key);
        ObjectNode entry = contents.addObject();
        entry.put("ETag", object.etag());
        entry.put("Key", key);
        entry.put("LastModified", object.lastModified().toString());
        entry.put("Size", object.body().getBytes(StandardCharsets.UTF_8).length);
        entry.put("StorageClass", "STANDARD");
      }
    }
    if (continuation != null) {
      response.put("ContinuationToken", continuation);
    }
    response.put("IsTruncated", truncated);
    if (v2) {
      response.put("KeyCount", page.size());
    } else {
      response.put("Marker", after == null ? "" : after);
    }
    response.put("MaxKeys", maxKeys);
    response.put("Name", Aws.string(input, "Bucket"));
    if (truncated && v2) {
      response.put(
          "NextContinuationToken",
          Base64.getEncoder()
              .encodeToString(page.get(page.size() - 1).getBytes(StandardCharsets.UTF_8)));
    }
    response.put("Prefix", prefix);
    if (v2 && Aws.string(input, "StartAfter") != null) {
      response.put("StartAfter", Aws.string(input, "StartAfter"));
    }
    return response;
  }

  private StatesError error(String exception, String message) {
    return new StatesError(
        "S3." + exception,
        message
            + " (Service: S3, Status Code: 404, Request ID: "
            + ids.uuid().replace("-", "").substring(0, 16).toUpperCase(java.util.Locale.ROOT)
            + ", Extended Request ID: "
            + ids.uuid()
            + ")");
  }
}
