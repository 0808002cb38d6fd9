package io.asl4j.runtime.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.AbstractMap;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * An object node's field map that passes every call on to the map {@link #fields()} gives (one
 * built on first use, for instance): reads, views, changes, equality and text. A subclass that
 * refuses changes overrides them (and the views, whose changes would reach the fields).
 */
public abstract class DelegatingFields extends AbstractMap<String, JsonNode> {
  /** For subclasses. */
  protected DelegatingFields() {}

  /** The fields every query is answered from. */
  protected abstract Map<String, JsonNode> fields();

  @Override
  public Set<Entry<String, JsonNode>> entrySet() {
    return fields().entrySet();
  }

  @Override
  public Set<String> keySet() {
    return fields().keySet();
  }

  @Override
  public Collection<JsonNode> values() {
    return fields().values();
  }

  @Override
  public int size() {
    return fields().size();
  }

  @Override
  public boolean isEmpty() {
    return fields().isEmpty();
  }

  @Override
  public boolean containsKey(Object key) {
    return fields().containsKey(key);
  }

  @Override
  public boolean containsValue(Object value) {
    return fields().containsValue(value);
  }

  @Override
  public JsonNode get(Object key) {
    return fields().get(key);
  }

  @Override
  public JsonNode put(String key, JsonNode value) {
    return fields().put(key, value);
  }

  @Override
  public JsonNode putIfAbsent(String key, JsonNode value) {
    return fields().putIfAbsent(key, value);
  }

  @Override
  public JsonNode remove(Object key) {
    return fields().remove(key);
  }

  @Override
  public void putAll(Map<? extends String, ? extends JsonNode> m) {
    fields().putAll(m);
  }

  @Override
  public void clear() {
    fields().clear();
  }

  @Override
  public void forEach(BiConsumer<? super String, ? super JsonNode> action) {
    fields().forEach(action);
  }

  @Override
  public boolean equals(Object o) {
    return fields().equals(o);
  }

  @Override
  public int hashCode() {
    return fields().hashCode();
  }

  @Override
  public String toString() {
    return fields().toString();
  }
}
