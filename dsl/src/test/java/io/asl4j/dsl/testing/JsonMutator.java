package io.asl4j.dsl.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Breaks ASL definitions the ways people and tools do: fields deleted, renamed, given another JSON
 * type or an odd value; state names and transitions changed; unknown fields and garbage inserted;
 * states dropped or copied; and, on the text, truncation, corrupted characters, random bytes, deep
 * nesting, huge numbers and duplicate keys. Deterministic for a given {@link Random}, so a failing
 * jqwik sample replays.
 */
public final class JsonMutator {
  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

  /** Field names of ASL, so that renames and insertions often hit a real (misplaced) field. */
  static final List<String> FIELDS =
      List.of(
          "Type",
          "Comment",
          "QueryLanguage",
          "StartAt",
          "States",
          "Version",
          "TimeoutSeconds",
          "Next",
          "End",
          "InputPath",
          "OutputPath",
          "Parameters",
          "ResultPath",
          "Result",
          "ResultSelector",
          "Arguments",
          "Output",
          "Assign",
          "Resource",
          "TimeoutSecondsPath",
          "HeartbeatSeconds",
          "HeartbeatSecondsPath",
          "Credentials",
          "Retry",
          "Catch",
          "Choices",
          "Default",
          "Seconds",
          "SecondsPath",
          "Timestamp",
          "TimestampPath",
          "Error",
          "ErrorPath",
          "Cause",
          "CausePath",
          "Branches",
          "ItemsPath",
          "Items",
          "ItemSelector",
          "Iterator",
          "ItemProcessor",
          "ItemReader",
          "ItemBatcher",
          "ResultWriter",
          "MaxConcurrency",
          "MaxConcurrencyPath",
          "ToleratedFailurePercentage",
          "ToleratedFailureCount",
          "Label",
          "ProcessorConfig",
          "Mode",
          "ExecutionType",
          "ErrorEquals",
          "IntervalSeconds",
          "MaxAttempts",
          "BackoffRate",
          "MaxDelaySeconds",
          "JitterStrategy",
          "Variable",
          "And",
          "Or",
          "Not",
          "Condition",
          "StringEquals",
          "StringMatches",
          "NumericGreaterThan",
          "NumericEqualsPath",
          "BooleanEquals",
          "TimestampLessThan",
          "IsPresent",
          "IsNull",
          "ReaderConfig",
          "InputType",
          "MaxItems",
          "MaxItemsPerBatch",
          "BatchInput",
          "WriterConfig",
          "RoleArn",
          "a.$",
          "x",
          "");

  static final List<String> TYPES =
      List.of("Pass", "Task", "Choice", "Wait", "Succeed", "Fail", "Parallel", "Map", "pass", "");

  private final Random random;

  public JsonMutator(Random random) {
    this.random = random;
  }

  /** One to four mutations of {@code seed}, on its tree when it parses, else on its text. */
  public String mutate(String seed) {
    JsonNode tree = parse(seed);
    if (tree == null || random.nextInt(100) < 15) {
      return mutateText(seed);
    }
    int count = 1 + random.nextInt(4);
    for (int i = 0; i < count; i++) {
      tree = mutateTree(tree);
    }
    int form = random.nextInt(100);
    if (form < 10) {
      return DuplicateKeys.write(tree, random);
    }
    if (form < 20) {
      return mutateText(tree.toString());
    }
    if (form < 30) {
      return pretty(tree);
    }
    return tree.toString();
  }

  /** A tree mutation of a copy of {@code root}. */
  public JsonNode mutateTree(JsonNode root) {
    JsonNode copy = root.deepCopy();
    List<Location> locations = Location.all(copy);
    if (locations.isEmpty()) {
      return Values.any(random, 3);
    }
    Location at = locations.get(random.nextInt(locations.size()));
    switch (random.nextInt(14)) {
      case 0:
        at.delete();
        break;
      case 1:
        at.rename(pick(FIELDS) + (random.nextInt(4) == 0 ? Values.text(random) : ""));
        break;
      case 2:
      case 3:
        at.set(Values.any(random, 1 + random.nextInt(3)));
        break;
      case 4:
        at.set(textNode(Values.expressionLike(random)));
        break;
      case 5:
        at.set(Values.edgeNumber(random));
        break;
      case 6:
        renameState(copy);
        break;
      case 7:
        retarget(copy);
        break;
      case 8:
        insertUnknown(copy);
        break;
      case 9:
        dropOrCopyState(copy);
        break;
      case 10:
        at.set(Values.nested(random, 1 + random.nextInt(60)));
        break;
      case 11:
        setSomewhere(
            copy, "QueryLanguage", textNode(pick(List.of("JSONata", "JSONPath", "jsonata"))));
        break;
      case 12:
        setSomewhere(copy, "Type", textNode(pick(TYPES)));
        break;
      default:
        swap(locations);
        break;
    }
    return copy;
  }

  /** A text mutation: truncation, corrupted characters, bytes, deep nesting or a huge number. */
  public String mutateText(String text) {
    switch (random.nextInt(8)) {
      case 0:
        return text.substring(0, random.nextInt(text.length() + 1));
      case 1:
      case 2:
        return corrupt(text);
      case 3:
        return randomBytes(text);
      case 4:
        return deepNesting(text);
      case 5:
        return insertAtValue(text, Values.hugeNumberText(random));
      case 6:
        return insertAtValue(text, "\"" + Values.rawString(random) + "\"");
      default:
        return text + pick(List.of("", " ", "}", "]", ",", "{}", "\u0000", "//", "x"));
    }
  }

  private String corrupt(String text) {
    StringBuilder out = new StringBuilder(text);
    int edits = 1 + random.nextInt(6);
    for (int i = 0; i < edits; i++) {
      int at = out.length() == 0 ? 0 : random.nextInt(out.length());
      char c =
          pick(
              List.of(
                  '"', '{', '}', '[', ']', ',', ':', '\\', '$', '\'', '\n', '\u0000', '\uD800', 'é',
                  '0', 'e', '-', '.'));
      switch (random.nextInt(3)) {
        case 0:
          out.insert(at, c);
          break;
        case 1:
          if (out.length() > 0) {
            out.deleteCharAt(at);
          }
          break;
        default:
          if (out.length() > 0) {
            out.setCharAt(at, c);
          }
      }
    }
    return out.toString();
  }

  private String randomBytes(String text) {
    byte[] bytes;
    if (random.nextBoolean()) {
      bytes = new byte[random.nextInt(200)];
      random.nextBytes(bytes);
    } else {
      bytes = text.getBytes(StandardCharsets.UTF_8);
      for (int i = 0; i < 1 + random.nextInt(5) && bytes.length > 0; i++) {
        bytes[random.nextInt(bytes.length)] = (byte) (0x80 + random.nextInt(128));
      }
    }
    // What a caller decoding a non-UTF-8 file would hand over: replacement characters or Latin-1.
    return new String(
        bytes, random.nextBoolean() ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
  }

  private String deepNesting(String text) {
    int depth = random.nextInt(4) == 0 ? 10_000 : 400 + random.nextInt(200);
    String open = random.nextBoolean() ? "[" : "{\"a\":";
    String close = open.equals("[") ? "]" : "}";
    String deep = open.repeat(depth) + "1" + close.repeat(depth);
    return random.nextBoolean() ? insertAtValue(text, deep) : deep;
  }

  /** Replaces the value after a random {@code ":"} of the text (the text is left as is if none). */
  private String insertAtValue(String text, String value) {
    List<Integer> colons = new ArrayList<>();
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == ':' && i + 1 < text.length()) {
        colons.add(i);
      }
    }
    if (colons.isEmpty()) {
      return value;
    }
    int at = colons.get(random.nextInt(colons.size())) + 1;
    int end = at;
    // Skip a simple scalar so that the result stays JSON in most cases.
    if (end < text.length() && text.charAt(end) == '"') {
      end = text.indexOf('"', end + 1);
      end = end < 0 ? text.length() : end + 1;
    } else {
      while (end < text.length() && "-+.0123456789eEtruefalsn".indexOf(text.charAt(end)) >= 0) {
        end++;
      }
    }
    return text.substring(0, at) + value + text.substring(end);
  }

  private void renameState(JsonNode root) {
    List<ObjectNode> graphs = statesObjects(root);
    if (graphs.isEmpty()) {
      return;
    }
    ObjectNode states = pick(graphs);
    List<String> names = fieldNames(states);
    if (names.isEmpty()) {
      return;
    }
    String old = pick(names);
    String name = Values.stateName(random, names);
    ObjectNode renamed = NODES.objectNode();
    states
        .fields()
        .forEachRemaining(
            e -> renamed.set(e.getKey().equals(old) ? name : e.getKey(), e.getValue()));
    states.removeAll();
    states.setAll(renamed);
  }

  private void retarget(JsonNode root) {
    List<ObjectNode> graphs = statesObjects(root);
    List<String> names = new ArrayList<>();
    for (ObjectNode states : graphs) {
      names.addAll(fieldNames(states));
    }
    List<ObjectNode> holders = new ArrayList<>();
    collect(
        root,
        node -> node.isObject() && (node.has("Next") || node.has("Default") || node.has("StartAt")),
        holders);
    if (holders.isEmpty()) {
      return;
    }
    ObjectNode holder = pick(holders);
    String field = holder.has("Next") ? "Next" : holder.has("Default") ? "Default" : "StartAt";
    holder.put(field, Values.stateName(random, names));
  }

  private void insertUnknown(JsonNode root) {
    List<ObjectNode> objects = new ArrayList<>();
    collect(root, JsonNode::isObject, objects);
    if (objects.isEmpty()) {
      return;
    }
    ObjectNode target = pick(objects);
    String name = random.nextBoolean() ? pick(FIELDS) : Values.rawString(random);
    target.set(name, Values.any(random, 2));
  }

  private void dropOrCopyState(JsonNode root) {
    List<ObjectNode> graphs = statesObjects(root);
    if (graphs.isEmpty()) {
      return;
    }
    ObjectNode states = pick(graphs);
    List<String> names = fieldNames(states);
    if (names.isEmpty()) {
      return;
    }
    String name = pick(names);
    if (random.nextBoolean()) {
      states.remove(name);
    } else {
      // The same state again, under a new name here or in another graph: duplicates and cycles.
      pick(graphs).set(Values.stateName(random, names), states.get(name).deepCopy());
    }
  }

  private void setSomewhere(JsonNode root, String field, JsonNode value) {
    List<ObjectNode> objects = new ArrayList<>();
    collect(root, node -> node.isObject() && (node.has("Type") || node.has("StartAt")), objects);
    if (!objects.isEmpty()) {
      pick(objects).set(field, value);
    }
  }

  private void swap(List<Location> locations) {
    Location a = pick(locations);
    Location b = pick(locations);
    JsonNode av = a.value().deepCopy();
    a.set(b.value().deepCopy());
    b.set(av);
  }

  private static List<ObjectNode> statesObjects(JsonNode root) {
    List<ObjectNode> found = new ArrayList<>();
    List<ObjectNode> holders = new ArrayList<>();
    collect(root, node -> node.isObject() && node.path("States").isObject(), holders);
    for (ObjectNode holder : holders) {
      found.add((ObjectNode) holder.get("States"));
    }
    return found;
  }

  private static <T extends JsonNode> void collect(
      JsonNode node, java.util.function.Predicate<JsonNode> test, List<T> into) {
    List<JsonNode> todo = new ArrayList<>();
    todo.add(node);
    while (!todo.isEmpty()) {
      JsonNode n = todo.remove(todo.size() - 1);
      if (test.test(n)) {
        @SuppressWarnings("unchecked")
        T t = (T) n;
        into.add(t);
      }
      n.forEach(todo::add);
    }
  }

  private static List<String> fieldNames(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private <T> T pick(List<T> list) {
    return list.get(random.nextInt(list.size()));
  }

  private static JsonNode textNode(String text) {
    return NODES.textNode(text);
  }

  private static String pretty(JsonNode tree) {
    try {
      return Seeds.EXACT.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The tree of {@code text}, or null when it is not JSON (deep or odd input included). */
  public static JsonNode parse(String text) {
    try {
      JsonNode tree = Seeds.EXACT.readTree(text);
      return tree == null || tree.isMissingNode() ? null : tree;
    } catch (JsonProcessingException | RuntimeException e) {
      return null;
    }
  }

  /** A place in a tree that holds a value: a field of an object or an element of an array. */
  public static final class Location {
    private final JsonNode container;
    private final String field;
    private final int index;
    private final String pointer;

    private Location(JsonNode container, String field, int index, String pointer) {
      this.container = container;
      this.field = field;
      this.index = index;
      this.pointer = pointer;
    }

    /** Every location of {@code root}, each with its JSON pointer. */
    public static List<Location> all(JsonNode root) {
      List<Location> locations = new ArrayList<>();
      List<JsonNode> todo = new ArrayList<>();
      List<String> pointers = new ArrayList<>();
      todo.add(root);
      pointers.add("");
      while (!todo.isEmpty()) {
        JsonNode node = todo.remove(todo.size() - 1);
        String at = pointers.remove(pointers.size() - 1);
        if (node.isObject()) {
          for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String child = at + "/" + e.getKey().replace("~", "~0").replace("/", "~1");
            locations.add(new Location(node, e.getKey(), -1, child));
            todo.add(e.getValue());
            pointers.add(child);
          }
        } else if (node.isArray()) {
          for (int i = 0; i < node.size(); i++) {
            String child = at + "/" + i;
            locations.add(new Location(node, null, i, child));
            todo.add(node.get(i));
            pointers.add(child);
          }
        }
      }
      return locations;
    }

    /** The JSON pointer of the value. */
    public String pointer() {
      return pointer;
    }

    /** The field name, or null for an array element. */
    public String field() {
      return field;
    }

    public JsonNode value() {
      return field != null ? container.get(field) : container.get(index);
    }

    public void set(JsonNode value) {
      if (field != null) {
        ((ObjectNode) container).set(field, value);
      } else {
        ((ArrayNode) container).set(index, value);
      }
    }

    void delete() {
      if (field != null) {
        ((ObjectNode) container).remove(field);
      } else {
        ((ArrayNode) container).remove(index);
      }
    }

    /** Renames the field keeping its place among its siblings; array elements are left alone. */
    void rename(String name) {
      if (field == null) {
        return;
      }
      ObjectNode object = (ObjectNode) container;
      ObjectNode renamed = NODES.objectNode();
      object
          .fields()
          .forEachRemaining(
              e -> renamed.set(e.getKey().equals(field) ? name : e.getKey(), e.getValue()));
      object.removeAll();
      object.setAll(renamed);
    }

    @Override
    public String toString() {
      return pointer;
    }
  }

  /** Random JSON values, biased to what ASL fields hold and to edge cases. */
  public static final class Values {
    private Values() {}

    public static JsonNode any(Random random, int depth) {
      switch (random.nextInt(depth > 0 ? 9 : 6)) {
        case 0:
          return NODES.nullNode();
        case 1:
          return NODES.booleanNode(random.nextBoolean());
        case 2:
          return edgeNumber(random);
        case 3:
          return NODES.textNode(text(random));
        case 4:
          return NODES.textNode(expressionLike(random));
        case 5:
          return NODES.numberNode(random.nextInt(200) - 50);
        case 6:
          {
            ArrayNode array = NODES.arrayNode();
            for (int i = random.nextInt(4); i > 0; i--) {
              array.add(any(random, depth - 1));
            }
            return array;
          }
        default:
          {
            ObjectNode object = NODES.objectNode();
            for (int i = random.nextInt(4); i > 0; i--) {
              String key =
                  random.nextBoolean() ? FIELDS.get(random.nextInt(FIELDS.size())) : text(random);
              object.set(key, any(random, depth - 1));
            }
            return object;
          }
      }
    }

    /**
     * Mostly a value of the same JSON type as {@code original} (another string, number, the other
     * boolean), so that the result often still reads and breaks what the validator checks;
     * otherwise anything.
     */
    public static JsonNode similar(Random random, JsonNode original) {
      return similar(random, original, 30);
    }

    /**
     * As {@link #similar(Random, JsonNode)}, with anything at all {@code anyPercent} % of the time.
     */
    public static JsonNode similar(Random random, JsonNode original, int anyPercent) {
      if (random.nextInt(100) < anyPercent) {
        return any(random, 2);
      }
      if (original.isTextual()) {
        return NODES.textNode(random.nextBoolean() ? expressionLike(random) : text(random));
      }
      if (original.isNumber()) {
        return edgeNumber(random);
      }
      if (original.isBoolean()) {
        return NODES.booleanNode(!original.booleanValue());
      }
      return any(random, 2);
    }

    /** Numbers at the edges of what ASL fields allow and of what doubles and ints can hold. */
    public static JsonNode edgeNumber(Random random) {
      switch (random.nextInt(16)) {
        case 0:
          return NODES.numberNode(0);
        case 1:
          return NODES.numberNode(-1);
        case 2:
          return NODES.numberNode(99_999_999);
        case 3:
          return NODES.numberNode(100_000_000);
        case 4:
          return NODES.numberNode(2_147_483_648L);
        case 5:
          return NODES.numberNode(Long.MAX_VALUE);
        case 6:
          return NODES.numberNode(new BigInteger("9".repeat(1 + random.nextInt(900))));
        case 7:
          return NODES.numberNode(new BigDecimal("1e400"));
        case 8:
          return NODES.numberNode(new BigDecimal("-1e-400"));
        case 9:
          return NODES.numberNode(new BigDecimal("1E+999999999"));
        case 10:
          return NODES.numberNode(new BigDecimal("-1E-999999999"));
        case 11:
          return NODES.numberNode(new BigDecimal("1.50"));
        case 12:
          return NODES.numberNode(new BigDecimal("0.999999999999999999999"));
        case 13:
          return NODES.numberNode(new BigDecimal("-0.0"));
        case 14:
          return NODES.numberNode(new BigDecimal("2.0"));
        default:
          return NODES.numberNode(random.nextDouble() * 1000 - 500);
      }
    }

    static String hugeNumberText(Random random) {
      switch (random.nextInt(7)) {
        case 5:
          return "1e2147483648"; // beyond what BigDecimal's scale holds
        case 6:
          return "0e" + "9".repeat(20);
        case 0:
          return "1e999999999";
        case 1:
          return "-1e-999999999";
        case 2:
          return "9".repeat(999);
        case 3:
          return "9".repeat(5000);
        default:
          return "0." + "0".repeat(500) + "1e-400";
      }
    }

    /** Short text, including control characters, quotes, unicode and lone surrogates. */
    public static String text(Random random) {
      String alphabet = "aZ_ 0.$[]'\"\\{}%()-,:*?@#\n\t\u0000é漢\uD83D\uDE00\uD800";
      StringBuilder out = new StringBuilder();
      for (int i = random.nextInt(12); i > 0; i--) {
        out.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      return out.toString();
    }

    /** Text safe to put between JSON quotes as is. */
    static String rawString(Random random) {
      String alphabet = "abcXYZ_ 09.$[]'{}%()-,:*?@#é";
      StringBuilder out = new StringBuilder();
      for (int i = random.nextInt(20); i > 0; i--) {
        out.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      return out.toString();
    }

    /** Paths, intrinsic calls, JSONata, timestamps, ARNs, and near misses of each. */
    public static String expressionLike(Random random) {
      List<String> samples =
          List.of(
              "$",
              "$$",
              "$.a",
              "$.a.b[0]",
              "$['a b']",
              "$.a[*]",
              "$..a",
              "$.a[?(@.b > 1)]",
              "$x",
              "$x.y",
              "$$.Execution.Input",
              "$.",
              "$[",
              "$.a[",
              "$.a]",
              "$a b",
              "$.a[-1]",
              "States.Format('{}', $.a)",
              "States.Array(1, 'two', true, null, $.x)",
              "States.StringToJson(States.JsonToString($))",
              "States.Format('",
              "States.Nope()",
              "States.MathAdd(1)",
              "States.UUID()",
              "States.Format('\\{\\}', $.a)",
              "States.ArrayGetItem(States.Array(1,2), 0)",
              "States.Format('x', $.a",
              "{% $states.input %}",
              "{% $states.result.x %}",
              "{% $states.errorOutput %}",
              "{% 1 + %}",
              "{% %}",
              "{%%}",
              "{% $eval('1') %}",
              "{% ( %}",
              "{% $x := 1; $x %}",
              "{% '{%' %}",
              " {% 1 %} ",
              "2016-03-14T01:59:00Z",
              "2016-02-30T01:59:00Z",
              "2016-03-14T01:59:00.123456789+01:00",
              "2016-03-14",
              "arn:aws:lambda:us-east-1:123456789012:function:f",
              "arn:aws:states:::lambda:invoke",
              "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
              "arn:aws:states:::states:startExecution.sync:2",
              "arn:aws:states:::aws-sdk:s3:getObject",
              "arn:aws:states:us-east-1:123456789012:activity:a",
              "${Placeholder}",
              "States.ALL",
              "States.TaskFailed",
              "States.Bogus",
              "JSONata",
              "JSONPath",
              "DISTRIBUTED",
              "INLINE",
              "EXPRESS",
              "STANDARD",
              "FULL",
              "NONE",
              "CSV",
              "GIVEN",
              "");
      String sample = samples.get(random.nextInt(samples.size()));
      if (random.nextInt(4) == 0) {
        sample = sample + text(random);
      }
      return sample;
    }

    /** Values nested {@code depth} levels deep, arrays and objects mixed. */
    public static JsonNode nested(Random random, int depth) {
      JsonNode node = any(random, 0);
      for (int i = 0; i < depth; i++) {
        if (random.nextBoolean()) {
          node = NODES.arrayNode().add(node);
        } else {
          ObjectNode object = NODES.objectNode();
          object.set(random.nextBoolean() ? "a" : FIELDS.get(random.nextInt(FIELDS.size())), node);
          node = object;
        }
      }
      return node;
    }

    /** A state name: another existing one, a new one, or an odd one (empty, long, slashes). */
    static String stateName(Random random, List<String> existing) {
      switch (random.nextInt(6)) {
        case 0:
          return existing.isEmpty() ? "X" : existing.get(random.nextInt(existing.size()));
        case 1:
          return "";
        case 2:
          return "N".repeat(79 + random.nextInt(3));
        case 3:
          return "a/b~c";
        case 4:
          return text(random);
        default:
          return "New" + random.nextInt(5);
      }
    }
  }

  /** Writes compact JSON that repeats one object field, as hand-edited JSON sometimes does. */
  static final class DuplicateKeys {
    private DuplicateKeys() {}

    static String write(JsonNode tree, Random random) {
      List<ObjectNode> objects = new ArrayList<>();
      collect(tree, node -> node.isObject() && node.size() > 0, objects);
      if (objects.isEmpty()) {
        return tree.toString();
      }
      ObjectNode target = objects.get(random.nextInt(objects.size()));
      String repeated = fieldNames(target).get(random.nextInt(target.size()));
      StringBuilder out = new StringBuilder();
      write(tree, target, repeated, out, random);
      return out.toString();
    }

    private static void write(
        JsonNode node, ObjectNode target, String repeated, StringBuilder out, Random random) {
      if (node.isObject()) {
        out.append('{');
        boolean first = true;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          if (!first) {
            out.append(',');
          }
          first = false;
          out.append(NODES.textNode(e.getKey())).append(':');
          write(e.getValue(), target, repeated, out, random);
          if (node == target && e.getKey().equals(repeated)) {
            out.append(',')
                .append(NODES.textNode(e.getKey()))
                .append(':')
                .append(Values.any(random, 1));
          }
        }
        out.append('}');
      } else if (node.isArray()) {
        out.append('[');
        for (int i = 0; i < node.size(); i++) {
          if (i > 0) {
            out.append(',');
          }
          write(node.get(i), target, repeated, out, random);
        }
        out.append(']');
      } else {
        out.append(node);
      }
    }
  }
}
