package io.asl4j.runtime.internal.expression;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * An object node that shares its fields with the object it was made from: what a {@code ResultPath}
 * of one field produces. A chain of Pass or Task states each placing a result into the growing
 * input would otherwise copy the whole object at every state (history holds every state's input and
 * output, so the input can never be changed in place); here each state adds one small layer over
 * the previous state's fields instead.
 *
 * <p>The shared fields are an immutable {@link Fields} snapshot. The node behaves as any {@link
 * ObjectNode}: reads see the snapshot, and the first change (by user code: a handler changing the
 * node it was given) copies the fields into a map of the node's own, so neither the snapshot nor
 * any other node built on it ever changes. Field order is an {@code ObjectNode}'s: a replaced field
 * keeps its place, a new one goes last.
 */
public final class SharedObjectNode extends ObjectNode {
  /** Layers above a flat snapshot before the next one is flattened: bounds every lookup's walk. */
  static final int MAX_DEPTH = 8;

  private final FieldsMap map;

  private SharedObjectNode(FieldsMap fields) {
    super(JsonNodeFactory.instance, fields);
    this.map = fields;
  }

  /**
   * {@code base}'s fields with {@code name} set to {@code value}; {@code base} is not changed.
   * {@code replaces} says whether {@code base} has a field {@code name} (the caller looked it up).
   */
  static ObjectNode with(ObjectNode base, String name, boolean replaces, JsonNode value) {
    Fields shared = base instanceof SharedObjectNode s ? s.map.snapshot : null;
    Fields fields;
    if (shared == null) {
      fields = Flat.copyOf(base, name, replaces, value);
    } else {
      Layer layer = new Layer(shared, name, replaces, value);
      fields = layer.depth > MAX_DEPTH ? layer.flatten() : layer;
    }
    return new SharedObjectNode(new FieldsMap(fields));
  }

  /** Whether this node still reads its shared snapshot (it has not been changed). Tests use it. */
  boolean shared() {
    return map.snapshot != null;
  }

  /**
   * The fields in order as arrays while the node is unchanged, else null: for walks over every
   * field (the payload size) that should not make an entry object per field.
   */
  public Flat flatFields() {
    Fields snapshot = map.snapshot;
    return snapshot == null ? null : snapshot.flat();
  }

  /** Immutable fields: a flat array, or one field set over other fields. */
  abstract static sealed class Fields permits Flat, Layer {
    final int size;
    final int depth;

    /**
     * One bit per field name, {@code 1L << hash}: a lookup of a name whose bit is clear misses at
     * once instead of walking every layer (a ResultPath adding a field looks it up first).
     */
    final long nameBits;

    Fields(int size, int depth, long nameBits) {
      this.size = size;
      this.depth = depth;
      this.nameBits = nameBits;
    }

    static long bit(int hash) {
      return 1L << (hash ^ (hash >>> 16));
    }

    abstract JsonNode get(String name);

    /** The same fields as one flat array, in order. */
    abstract Flat flat();
  }

  /** Fields in arrays, in order; a hash index above a few fields. */
  public static final class Flat extends Fields {
    private static final int INDEXED_ABOVE = 16;

    final String[] names;
    final JsonNode[] values;

    /** Open addressing: slot → position + 1 (0 = empty); null for few fields. */
    private final int[] index;

    private Flat(String[] names, JsonNode[] values, int size) {
      super(size, 0, bits(names, size));
      this.names = names;
      this.values = values;
      this.index = size > INDEXED_ABOVE ? buildIndex(names, size) : null;
    }

    /** The fields of any object node, in order, with {@code name} set to {@code value}. */
    static Flat copyOf(ObjectNode node, String name, boolean replaces, JsonNode value) {
      int n = node.size() + (replaces ? 0 : 1);
      String[] names = new String[n];
      JsonNode[] values = new JsonNode[n];
      int i = 0;
      boolean placed = false;
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); i++) {
        Map.Entry<String, JsonNode> e = it.next();
        names[i] = e.getKey();
        if (replaces && !placed && names[i].equals(name)) {
          values[i] = value;
          placed = true;
        } else {
          values[i] = e.getValue();
        }
      }
      if (!replaces) {
        names[i] = name;
        values[i] = value;
      }
      return new Flat(names, values, n);
    }

    /** The number of fields. */
    public int size() {
      return size;
    }

    /** The name of the {@code i}-th field. */
    public String name(int i) {
      return names[i];
    }

    /** The value of the {@code i}-th field. */
    public JsonNode value(int i) {
      return values[i];
    }

    @Override
    JsonNode get(String name) {
      if ((nameBits & bit(name.hashCode())) == 0) {
        return null;
      }
      int at = position(name);
      return at < 0 ? null : values[at];
    }

    @Override
    Flat flat() {
      return this;
    }

    int position(String name) {
      int hash = name.hashCode();
      if (index == null) {
        for (int i = 0; i < size; i++) {
          String candidate = names[i];
          if (candidate == name || (candidate.hashCode() == hash && candidate.equals(name))) {
            return i;
          }
        }
        return -1;
      }
      int mask = index.length - 1;
      for (int slot = spread(hash) & mask; ; slot = (slot + 1) & mask) {
        int entry = index[slot];
        if (entry == 0) {
          return -1;
        }
        if (names[entry - 1].equals(name)) {
          return entry - 1;
        }
      }
    }

    private static long bits(String[] names, int size) {
      long bits = 0;
      for (int i = 0; i < size; i++) {
        bits |= bit(names[i].hashCode());
      }
      return bits;
    }

    private static int[] buildIndex(String[] names, int size) {
      int[] index = new int[Integer.highestOneBit(size * 2 - 1) << 1];
      int mask = index.length - 1;
      for (int i = 0; i < size; i++) {
        int slot = spread(names[i].hashCode()) & mask;
        while (index[slot] != 0) {
          slot = (slot + 1) & mask;
        }
        index[slot] = i + 1;
      }
      return index;
    }

    private static int spread(int hash) {
      return hash ^ (hash >>> 16);
    }
  }

  /** {@code name} set to {@code value} over {@code base}. */
  static final class Layer extends Fields {
    final Fields base;
    final String name;
    final int hash;
    final boolean replaces;
    final JsonNode value;

    /**
     * The same fields flattened, made when first iterated. Racy but safe: a {@link Flat} has only
     * final fields, filled before its constructor returns, so any thread sees it whole.
     */
    private Flat flat;

    Layer(Fields base, String name, boolean replaces, JsonNode value) {
      super(
          replaces ? base.size : base.size + 1,
          base.depth + 1,
          base.nameBits | bit(name.hashCode()));
      this.base = base;
      this.name = name;
      this.hash = name.hashCode();
      this.replaces = replaces;
      this.value = value;
    }

    @Override
    JsonNode get(String key) {
      int keyHash = key.hashCode();
      if ((nameBits & bit(keyHash)) == 0) {
        return null;
      }
      Fields f = this;
      while (f instanceof Layer layer) {
        if (layer.name == key || (layer.hash == keyHash && layer.name.equals(key))) {
          return layer.value;
        }
        f = layer.base;
      }
      return f.get(key);
    }

    @Override
    Flat flat() {
      Flat result = flat;
      if (result == null) {
        result = flatten();
        flat = result;
      }
      return result;
    }

    /** The layers down to the flat snapshot applied in one pass: one copy of the arrays. */
    Flat flatten() {
      Layer[] chain = new Layer[depth];
      int d = 0;
      Fields f = this;
      while (f instanceof Layer layer) {
        chain[d++] = layer;
        f = layer.base;
      }
      Flat root = (Flat) f;
      String[] names = java.util.Arrays.copyOf(root.names, size);
      JsonNode[] values = java.util.Arrays.copyOf(root.values, size);
      int n = root.size;
      for (int i = d - 1; i >= 0; i--) {
        Layer layer = chain[i];
        int at = -1;
        if (layer.replaces) {
          at = root.position(layer.name);
          for (int k = root.size; at < 0 && k < n; k++) {
            if (names[k].equals(layer.name)) {
              at = k;
            }
          }
        }
        if (at < 0) {
          names[n] = layer.name;
          values[n++] = layer.value;
        } else {
          values[at] = layer.value;
        }
      }
      return new Flat(names, values, n);
    }
  }

  /** The node's fields: the snapshot until the first change, then a map of its own. */
  private static final class FieldsMap extends AbstractMap<String, JsonNode> {
    /** Null once changed. */
    Fields snapshot;

    /** Null until changed. */
    private LinkedHashMap<String, JsonNode> own;

    private Set<Map.Entry<String, JsonNode>> entries;

    FieldsMap(Fields snapshot) {
      this.snapshot = snapshot;
    }

    private LinkedHashMap<String, JsonNode> own() {
      if (own == null) {
        Flat flat = snapshot.flat();
        LinkedHashMap<String, JsonNode> copy = new LinkedHashMap<>(Math.max(16, flat.size * 2));
        for (int i = 0; i < flat.size; i++) {
          copy.put(flat.names[i], flat.values[i]);
        }
        own = copy;
        snapshot = null;
      }
      return own;
    }

    @Override
    public int size() {
      return own != null ? own.size() : snapshot.size;
    }

    @Override
    public JsonNode get(Object key) {
      if (own != null) {
        return own.get(key);
      }
      return key instanceof String name ? snapshot.get(name) : null;
    }

    @Override
    public boolean containsKey(Object key) {
      if (own != null) {
        return own.containsKey(key);
      }
      return key instanceof String name && snapshot.get(name) != null; // snapshots hold no nulls
    }

    @Override
    public JsonNode put(String key, JsonNode value) {
      return own().put(key, value);
    }

    @Override
    public JsonNode remove(Object key) {
      return own().remove(key);
    }

    @Override
    public void clear() {
      own().clear();
    }

    @Override
    public Set<Map.Entry<String, JsonNode>> entrySet() {
      if (entries == null) {
        entries = new EntrySet();
      }
      return entries;
    }

    /** A live view: the own map's entries once changed, else the snapshot's. */
    private final class EntrySet extends AbstractSet<Map.Entry<String, JsonNode>> {
      @Override
      public int size() {
        return FieldsMap.this.size();
      }

      @Override
      public Iterator<Map.Entry<String, JsonNode>> iterator() {
        return own != null ? own.entrySet().iterator() : new SnapshotIterator(snapshot.flat());
      }
    }

    /** Iterates a snapshot; a change through it (setValue, remove) goes to the own map. */
    private final class SnapshotIterator implements Iterator<Map.Entry<String, JsonNode>> {
      private final Flat flat;
      private int next;
      private String last;

      SnapshotIterator(Flat flat) {
        this.flat = flat;
      }

      @Override
      public boolean hasNext() {
        return next < flat.size;
      }

      @Override
      public Map.Entry<String, JsonNode> next() {
        if (next >= flat.size) {
          throw new NoSuchElementException();
        }
        int i = next++;
        last = flat.names[i];
        return new Entry(flat.names[i], flat.values[i]);
      }

      @Override
      public void remove() {
        if (last == null) {
          throw new IllegalStateException();
        }
        own().remove(last);
        last = null;
      }
    }

    private final class Entry extends AbstractMap.SimpleEntry<String, JsonNode> {
      Entry(String key, JsonNode value) {
        super(key, value);
      }

      @Override
      public JsonNode setValue(JsonNode value) {
        super.setValue(value);
        return own().put(getKey(), value);
      }
    }
  }
}
