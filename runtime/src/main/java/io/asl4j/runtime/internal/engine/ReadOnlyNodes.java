package io.asl4j.runtime.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.AbstractCollection;
import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Read-only Jackson trees: the details of a history event, built once and shared by every read of
 * the history, so that no read copies them. They are {@code ObjectNode}s and {@code ArrayNode}s
 * like any other for every reading method (equality, hashing, Jackson serialisation included);
 * every method that would change them throws {@link UnsupportedOperationException} saying so,
 * instead of changing what the next reader sees. {@code deepCopy()} gives an ordinary, changeable
 * copy.
 */
public final class ReadOnlyNodes {
  static final String REFUSED =
      "the details of a history event are read-only (built once and shared by every read of the"
          + " history); change a copy instead: details().deepCopy()";

  /** {@code {"truncated":false}}, the details most events show, once for all of them. */
  private static final ObjectNode NOT_TRUNCATED =
      new ReadOnlyObject(new Fields(Map.of("truncated", BooleanNode.FALSE)));

  private ReadOnlyNodes() {}

  /**
   * A read-only object whose fields are {@code source}'s, taken (and made read-only) when the
   * object is first looked into. {@code source} must give a node of its own (fresh: no one else
   * holds it), which is kept rather than copied, and the same fields each time: threads that look
   * first at the same moment each run it, and the fields of the first to finish are kept.
   */
  public static ObjectNode builtOnUse(Supplier<ObjectNode> source) {
    return new ReadOnlyObject(new Fields(source));
  }

  /**
   * {@code node} made read-only: objects and arrays copied into read-only ones (those already
   * read-only kept as they are), other nodes (immutable in Jackson) returned as they are.
   */
  public static JsonNode frozen(JsonNode node) {
    if (node instanceof ReadOnlyObject || node instanceof ReadOnlyArray) {
      return node;
    }
    if (node instanceof ObjectNode object) {
      if (object.size() == 1 && object.get("truncated") == BooleanNode.FALSE) {
        return NOT_TRUNCATED;
      }
      return new ReadOnlyObject(new Fields(frozenFields(object)));
    }
    if (node instanceof ArrayNode array) {
      List<JsonNode> items = new ArrayList<>(array.size());
      for (JsonNode item : array) {
        items.add(frozen(item));
      }
      return new ReadOnlyArray(items);
    }
    return node;
  }

  private static Map<String, JsonNode> frozenFields(ObjectNode object) {
    LinkedHashMap<String, JsonNode> fields = new LinkedHashMap<>(Math.max(4, object.size() * 2));
    for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      fields.put(field.getKey(), frozen(field.getValue()));
    }
    return Collections.unmodifiableMap(fields);
  }

  /**
   * The fields of {@code fresh} (a node no one else holds) as an unmodifiable map, without copying
   * them: objects and arrays inside replaced by read-only ones in place. {@code fresh} itself must
   * not be used afterwards.
   */
  private static Map<String, JsonNode> frozenInPlace(ObjectNode fresh) {
    Map<String, JsonNode> fields = new LinkedMapOf(fresh);
    for (Map.Entry<String, JsonNode> field : fields.entrySet()) {
      JsonNode value = field.getValue();
      if (value.isContainerNode()) {
        field.setValue(frozen(value));
      }
    }
    return Collections.unmodifiableMap(fields);
  }

  /**
   * The field map of an object node, reached through its public methods ({@code properties()} is
   * the map's own entry set; {@code get} reads the map): no copy.
   */
  private static final class LinkedMapOf extends AbstractMap<String, JsonNode> {
    private final ObjectNode node;

    LinkedMapOf(ObjectNode node) {
      this.node = node;
    }

    @Override
    public Set<Entry<String, JsonNode>> entrySet() {
      return node.properties();
    }

    @Override
    public JsonNode get(Object key) {
      return key instanceof String name ? node.get(name) : null;
    }

    @Override
    public boolean containsKey(Object key) {
      return key instanceof String name && node.has(name);
    }

    @Override
    public int size() {
      return node.size();
    }
  }

  private static UnsupportedOperationException refused() {
    return new UnsupportedOperationException(REFUSED);
  }

  /** A read-only object node; its text written by {@link JsonText} (Jackson's text, less setup). */
  private static final class ReadOnlyObject extends ObjectNode {
    private static final long serialVersionUID = 1L;

    ReadOnlyObject(Fields fields) {
      super(JsonNodeFactory.instance, fields);
    }

    @Override
    public String toString() {
      return JsonText.of(this);
    }
  }

  /** A read-only array node. */
  private static final class ReadOnlyArray extends ArrayNode {
    private static final long serialVersionUID = 1L;

    ReadOnlyArray(List<JsonNode> items) {
      super(JsonNodeFactory.instance, new Items(items));
    }

    @Override
    public String toString() {
      return JsonText.of(this);
    }
  }

  /** An array's items; every change refused. */
  private static final class Items extends AbstractList<JsonNode> {
    private final List<JsonNode> items;

    Items(List<JsonNode> items) {
      this.items = items;
    }

    @Override
    public JsonNode get(int index) {
      return items.get(index);
    }

    @Override
    public int size() {
      return items.size();
    }

    @Override
    public JsonNode set(int index, JsonNode element) {
      throw refused();
    }

    @Override
    public void add(int index, JsonNode element) {
      throw refused();
    }

    @Override
    public JsonNode remove(int index) {
      throw refused();
    }

    @Override
    protected void removeRange(int fromIndex, int toIndex) {
      throw refused();
    }
  }

  /**
   * A view of an unmodifiable collection whose every change (through it or its iterator) is refused
   * with {@link #REFUSED}; entries refuse {@code setValue} as the unmodifiable map's do.
   */
  private static class View<T> extends AbstractCollection<T> {
    private final Collection<T> items;

    View(Collection<T> items) {
      this.items = items;
    }

    @Override
    public Iterator<T> iterator() {
      Iterator<T> it = items.iterator();
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return it.hasNext();
        }

        @Override
        public T next() {
          return it.next();
        }

        @Override
        public void remove() {
          throw refused();
        }
      };
    }

    @Override
    public int size() {
      return items.size();
    }

    @Override
    public boolean contains(Object o) {
      return items.contains(o);
    }

    @Override
    public boolean add(T t) {
      throw refused();
    }

    @Override
    public boolean remove(Object o) {
      throw refused();
    }

    @Override
    public boolean removeAll(Collection<?> c) {
      throw refused();
    }

    @Override
    public boolean retainAll(Collection<?> c) {
      throw refused();
    }

    @Override
    public boolean removeIf(java.util.function.Predicate<? super T> filter) {
      throw refused();
    }

    @Override
    public void clear() {
      throw refused();
    }
  }

  /** A {@link View} of a set, equal to any set with the same members. */
  private static final class SetView<T> extends View<T> implements Set<T> {
    private final Set<T> set;

    SetView(Set<T> set) {
      super(set);
      this.set = set;
    }

    @Override
    public boolean equals(Object o) {
      return o == this || set.equals(o);
    }

    @Override
    public int hashCode() {
      return set.hashCode();
    }
  }

  /**
   * An object's fields, taken from their source when first looked into (the source runs once);
   * every change refused.
   */
  private static final class Fields extends DelegatingFields {
    private static final VarHandle FIELDS;

    static {
      try {
        FIELDS = MethodHandles.lookup().findVarHandle(Fields.class, "fields", Map.class);
      } catch (ReflectiveOperationException e) {
        throw new ExceptionInInitializerError(e);
      }
    }

    private final Supplier<ObjectNode> source;
    private volatile Map<String, JsonNode> fields;

    Fields(Supplier<ObjectNode> source) {
      this.source = source;
    }

    Fields(Map<String, JsonNode> fields) {
      this.source = null;
      this.fields = fields;
    }

    @Override
    protected Map<String, JsonNode> fields() {
      Map<String, JsonNode> f = fields;
      if (f == null) { // threads looking first at once each build; the first one's fields are kept
        f = frozenInPlace(source.get());
        if (!FIELDS.compareAndSet(this, null, f)) {
          f = fields;
        }
      }
      return f;
    }

    @Override
    public Set<Entry<String, JsonNode>> entrySet() {
      return new SetView<>(fields().entrySet());
    }

    @Override
    public Set<String> keySet() {
      return new SetView<>(fields().keySet());
    }

    @Override
    public Collection<JsonNode> values() {
      return new View<>(fields().values());
    }

    @Override
    public JsonNode put(String key, JsonNode value) {
      throw refused();
    }

    @Override
    public JsonNode remove(Object key) {
      throw refused();
    }

    @Override
    public void putAll(Map<? extends String, ? extends JsonNode> m) {
      throw refused();
    }

    @Override
    public void clear() {
      throw refused();
    }

    @Override
    public JsonNode putIfAbsent(String key, JsonNode value) {
      throw refused();
    }

    @Override
    public boolean remove(Object key, Object value) {
      throw refused();
    }

    @Override
    public boolean replace(String key, JsonNode oldValue, JsonNode newValue) {
      throw refused();
    }

    @Override
    public JsonNode replace(String key, JsonNode value) {
      throw refused();
    }

    @Override
    public void replaceAll(
        BiFunction<? super String, ? super JsonNode, ? extends JsonNode> function) {
      throw refused();
    }

    @Override
    public JsonNode computeIfAbsent(
        String key, Function<? super String, ? extends JsonNode> mapping) {
      throw refused();
    }

    @Override
    public JsonNode computeIfPresent(
        String key, BiFunction<? super String, ? super JsonNode, ? extends JsonNode> remapping) {
      throw refused();
    }

    @Override
    public JsonNode compute(
        String key, BiFunction<? super String, ? super JsonNode, ? extends JsonNode> remapping) {
      throw refused();
    }

    @Override
    public JsonNode merge(
        String key,
        JsonNode value,
        BiFunction<? super JsonNode, ? super JsonNode, ? extends JsonNode> remapping) {
      throw refused();
    }
  }
}
