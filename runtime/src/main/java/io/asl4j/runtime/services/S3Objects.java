package io.asl4j.runtime.services;

import java.util.List;
import java.util.Optional;

/** Where a distributed Map's ItemReader reads objects and its ResultWriter writes them. */
public interface S3Objects {
  /** The object's text, or empty when there is no such object. */
  Optional<String> get(String bucket, String key);

  /** The keys in {@code bucket} starting with {@code prefix}, in key order. */
  List<String> list(String bucket, String prefix);

  /** Writes an object, replacing any with the same key. */
  void put(String bucket, String key, String body);
}
