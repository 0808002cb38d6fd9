package io.asl4j.runtime.services;

import java.util.List;
import java.util.Optional;

/**
 * A store of S3 objects as text, keyed by bucket and key: what the local S3 fake holds, and what a
 * distributed Map's {@code ItemReader} reads from.
 *
 * <pre>{@code
 * S3Objects objects = services.s3();
 * objects.put("my-bucket", "input/items.json", "[1, 2, 3]");
 * objects.get("my-bucket", "input/items.json");   // Optional[[1, 2, 3]]
 * objects.list("my-bucket", "input/");            // [input/items.json]
 * }</pre>
 *
 * <p>Implementations are safe to use from any thread.
 */
public interface S3Objects {
  /** The body of the object {@code key} in {@code bucket}, or empty when there is none. */
  Optional<String> get(String bucket, String key);

  /**
   * The keys in {@code bucket} starting with {@code prefix} ({@code ""} or {@code null} for all),
   * in UTF-8 binary order as S3 lists them; empty when the bucket does not exist.
   */
  List<String> list(String bucket, String prefix);

  /** Stores {@code body} as the object {@code key} in {@code bucket}, creating the bucket. */
  void put(String bucket, String key, String body);
}
