package io.asl4j.runtime.services.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * DynamoDB's expression languages, the common subset: {@code UpdateExpression} ({@code SET a = :v,
 * b = b + :n, c = if_not_exists(c, :z), d = list_append(d, :l)}, {@code REMOVE}, {@code ADD},
 * {@code DELETE}) and condition expressions ({@code =, <>, <, <=, >, >=, BETWEEN, IN,
 * attribute_exists, attribute_not_exists, begins_with, contains, AND, OR, NOT}) over top-level and
 * nested map attributes ({@code a.b}), with {@code #name} and {@code :value} placeholders.
 */
public final class DynamoExpressions {
  /** A problem in an expression: DynamoDB's ValidationException message. */
  public static final class Invalid extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Invalid(String message) {
      super(message, null, false, false);
    }
  }

  private final List<String> tokens;
  private final JsonNode names;
  private final JsonNode values;
  private final String kind;
  private int pos;

  private DynamoExpressions(String expression, JsonNode names, JsonNode values, String kind) {
    this.tokens = tokenize(expression, kind);
    this.names = names;
    this.values = values;
    this.kind = kind;
  }

  /**
   * Applies {@code expression} to {@code item} (modified in place) and returns the top-level
   * attribute names it touched.
   */
  public static Set<String> update(
      ObjectNode item, String expression, JsonNode names, JsonNode values) {
    DynamoExpressions p = new DynamoExpressions(expression, names, values, "UpdateExpression");
    ObjectNode before = item.deepCopy();
    Set<String> touched = new LinkedHashSet<>();
    List<Runnable> actions = new ArrayList<>();
    if (p.atEnd()) {
      throw p.syntax("<EOF>");
    }
    while (!p.atEnd()) {
      String clause = p.next().toUpperCase(Locale.ROOT);
      do {
        List<String> path = p.path();
        touched.add(path.get(0));
        switch (clause) {
          case "SET" -> {
            p.expect("=");
            JsonNode value = p.valueExpression(before);
            actions.add(() -> set(item, path, value));
          }
          case "REMOVE" -> actions.add(() -> remove(item, path));
          case "ADD" -> {
            JsonNode operand = p.placeholderValue();
            actions.add(() -> add(item, path, operand));
          }
          case "DELETE" -> {
            JsonNode operand = p.placeholderValue();
            actions.add(() -> deleteFromSet(item, path, operand));
          }
          default -> throw p.syntaxAt(clause);
        }
      } while (p.accept(","));
    }
    actions.forEach(Runnable::run);
    return touched;
  }

  /** Whether {@code item} ({@code null} when there is none) satisfies the condition. */
  public static boolean condition(
      JsonNode item, String expression, JsonNode names, JsonNode values, String kind) {
    DynamoExpressions p = new DynamoExpressions(expression, names, values, kind);
    boolean result = p.or(item == null ? Aws.NODES.objectNode() : item);
    if (!p.atEnd()) {
      throw p.syntax(p.peek());
    }
    return result;
  }

  // ---- conditions

  private boolean or(JsonNode item) {
    boolean result = and(item);
    while (acceptKeyword("OR")) {
      result = and(item) | result;
    }
    return result;
  }

  private boolean and(JsonNode item) {
    boolean result = not(item);
    while (acceptKeyword("AND")) {
      result = not(item) & result;
    }
    return result;
  }

  private boolean not(JsonNode item) {
    if (acceptKeyword("NOT")) {
      return !not(item);
    }
    if (accept("(")) {
      boolean inner = or(item);
      expect(")");
      return inner;
    }
    String fn = peek() == null ? "" : peek().toLowerCase(Locale.ROOT);
    if (pos + 1 < tokens.size() && tokens.get(pos + 1).equals("(")) {
      switch (fn) {
        case "attribute_exists", "attribute_not_exists" -> {
          next();
          expect("(");
          JsonNode value = resolve(item, path());
          expect(")");
          return fn.equals("attribute_exists") == (value != null);
        }
        case "begins_with", "contains" -> {
          JsonNode[] args = twoArguments(() -> operand(item), () -> operand(item));
          return fn.equals("begins_with")
              ? beginsWith(args[0], args[1])
              : contains(args[0], args[1]);
        }
        default -> {}
      }
    }
    JsonNode left = operand(item);
    String op = next();
    if (op == null) {
      throw syntax("<EOF>");
    }
    if (op.equalsIgnoreCase("BETWEEN")) {
      JsonNode low = operand(item);
      if (!acceptKeyword("AND")) {
        throw syntax(peek());
      }
      JsonNode high = operand(item);
      return compare(left, low, ">=") && compare(left, high, "<=");
    }
    if (op.equalsIgnoreCase("IN")) {
      expect("(");
      boolean found = false;
      do {
        found |= compare(left, operand(item), "=");
      } while (accept(","));
      expect(")");
      return found;
    }
    if (!List.of("=", "<>", "<", "<=", ">", ">=").contains(op)) {
      throw syntaxAt(op);
    }
    return compare(left, operand(item), op);
  }

  private JsonNode operand(JsonNode item) {
    String token = peek();
    if (token != null && token.startsWith(":")) {
      return placeholderValue();
    }
    if (token != null
        && token.equalsIgnoreCase("size")
        && pos + 1 < tokens.size()
        && tokens.get(pos + 1).equals("(")) {
      next();
      expect("(");
      JsonNode value = resolve(item, path());
      expect(")");
      return value == null ? null : Aws.NODES.objectNode().put("N", String.valueOf(size(value)));
    }
    return resolve(item, path());
  }

  private static boolean compare(JsonNode a, JsonNode b, String op) {
    if (a == null || b == null) {
      return op.equals("<>") && (a != null || b != null);
    }
    if (op.equals("=")) {
      return equalValues(a, b);
    }
    if (op.equals("<>")) {
      return !equalValues(a, b);
    }
    String type = type(a);
    if (!type.equals(type(b)) || !(type.equals("N") || type.equals("S") || type.equals("B"))) {
      return false;
    }
    int c =
        type.equals("N")
            ? new BigDecimal(a.get("N").asText()).compareTo(new BigDecimal(b.get("N").asText()))
            : a.get(type).asText().compareTo(b.get(type).asText());
    return switch (op) {
      case "<" -> c < 0;
      case "<=" -> c <= 0;
      case ">" -> c > 0;
      default -> c >= 0;
    };
  }

  private static boolean equalValues(JsonNode a, JsonNode b) {
    if (type(a).equals("N") && type(b).equals("N")) {
      return new BigDecimal(a.get("N").asText()).compareTo(new BigDecimal(b.get("N").asText()))
          == 0;
    }
    return a.equals(b);
  }

  private static boolean beginsWith(JsonNode a, JsonNode b) {
    return a != null
        && b != null
        && type(a).equals("S")
        && type(b).equals("S")
        && a.get("S").asText().startsWith(b.get("S").asText());
  }

  private static boolean contains(JsonNode a, JsonNode b) {
    if (a == null || b == null) {
      return false;
    }
    String type = type(a);
    if (type.equals("S") && type(b).equals("S")) {
      return a.get("S").asText().contains(b.get("S").asText());
    }
    if (type.equals("SS") || type.equals("NS") || type.equals("BS")) {
      String scalar = type.substring(0, 1);
      return b.has(scalar) && setContains(a.get(type), b.get(scalar).asText(), scalar);
    }
    if (type.equals("L")) {
      for (JsonNode element : a.get("L")) {
        if (equalValues(element, b)) {
          return true;
        }
      }
    }
    return false;
  }

  private static int size(JsonNode value) {
    String type = type(value);
    JsonNode inner = value.get(type);
    return switch (type) {
      case "S", "B" -> inner.asText().length();
      default -> inner.size();
    };
  }

  // ---- update values

  private JsonNode valueExpression(JsonNode item) {
    JsonNode left = valueOperand(item);
    if (accept("+") || (peek() != null && peek().equals("-") && next() != null)) {
      boolean plus = tokens.get(pos - 1).equals("+");
      JsonNode right = valueOperand(item);
      if (!type(left).equals("N") || !type(right).equals("N")) {
        throw new Invalid(
            "Invalid UpdateExpression: Incorrect operand type for operator or function; operator: "
                + (plus ? "+" : "-")
                + ", operand type: "
                + (type(left).equals("N") ? type(right) : type(left)));
      }
      BigDecimal a = new BigDecimal(left.get("N").asText());
      BigDecimal b = new BigDecimal(right.get("N").asText());
      return number(plus ? a.add(b) : a.subtract(b));
    }
    return left;
  }

  private JsonNode valueOperand(JsonNode item) {
    String token = peek();
    if (token == null) {
      throw syntax("<EOF>");
    }
    if (token.startsWith(":")) {
      return placeholderValue();
    }
    boolean call = pos + 1 < tokens.size() && tokens.get(pos + 1).equals("(");
    if (call && token.equalsIgnoreCase("if_not_exists")) {
      JsonNode[] args = twoArguments(() -> resolve(item, path()), () -> valueExpression(item));
      return args[0] != null ? args[0] : args[1]; // the attribute, else the fallback
    }
    if (call && token.equalsIgnoreCase("list_append")) {
      JsonNode[] args = twoArguments(() -> valueExpression(item), () -> valueExpression(item));
      JsonNode a = args[0];
      JsonNode b = args[1];
      if (!type(a).equals("L") || !type(b).equals("L")) {
        throw new Invalid(
            "Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: list_append, operand type: "
                + (type(a).equals("L") ? type(b) : type(a)));
      }
      ObjectNode list = Aws.NODES.objectNode();
      ArrayNode elements = list.putArray("L");
      elements.addAll((ArrayNode) a.get("L"));
      elements.addAll((ArrayNode) b.get("L"));
      return list;
    }
    List<String> path = path();
    JsonNode value = resolve(item, path);
    if (value == null) {
      throw new Invalid(
          "The provided expression refers to an attribute that does not exist in the item");
    }
    return value;
  }

  private JsonNode placeholderValue() {
    String token = next();
    if (token == null || !token.startsWith(":")) {
      throw syntax(token == null ? "<EOF>" : token);
    }
    JsonNode value = values == null ? null : values.get(token);
    if (value == null) {
      throw new Invalid(
          "Invalid "
              + kind
              + ": An expression attribute value used in expression is not defined; attribute value: "
              + token);
    }
    return normalize(value.deepCopy());
  }

  /**
   * Numbers ({@code N}, {@code NS}, nested in {@code M}/{@code L}) as DynamoDB stores them: {@code
   * 9.50} → {@code 9.5}.
   */
  public static JsonNode normalize(JsonNode value) {
    if (value instanceof ObjectNode object && object.size() == 1) {
      String type = type(object);
      JsonNode inner = object.get(type);
      try {
        switch (type) {
          case "N" -> object.set("N", number(new BigDecimal(inner.asText())).get("N"));
          case "NS" -> {
            ArrayNode numbers = Aws.NODES.arrayNode();
            inner.forEach(n -> numbers.add(number(new BigDecimal(n.asText())).get("N").asText()));
            object.set("NS", numbers);
          }
          case "M" -> inner.forEach(DynamoExpressions::normalize);
          case "L" -> inner.forEach(DynamoExpressions::normalize);
          default -> {}
        }
      } catch (NumberFormatException e) {
        throw new Invalid("A value provided cannot be converted into a number");
      }
    }
    return value;
  }

  // ---- paths

  private List<String> path() {
    List<String> path = new ArrayList<>();
    path.add(name(next()));
    while (accept(".")) {
      path.add(name(next()));
    }
    if (peek() != null && peek().equals("[")) {
      throw new Invalid(
          "Invalid "
              + kind
              + ": list indexes in document paths are not supported by the local fake");
    }
    return path;
  }

  private String name(String token) {
    if (token == null) {
      throw syntax("<EOF>");
    }
    if (token.startsWith("#")) {
      JsonNode name = names == null ? null : names.get(token);
      if (name == null) {
        throw new Invalid(
            "Invalid "
                + kind
                + ": An expression attribute name used in the document path is not defined; attribute name: "
                + token);
      }
      return name.asText();
    }
    if (!Character.isLetter(token.charAt(0)) && token.charAt(0) != '_') {
      throw syntaxAt(token);
    }
    return token;
  }

  private static JsonNode resolve(JsonNode item, List<String> path) {
    JsonNode value = item.get(path.get(0));
    for (int i = 1; i < path.size() && value != null; i++) {
      value = value.has("M") ? value.get("M").get(path.get(i)) : null;
    }
    return value;
  }

  private static ObjectNode parentMap(ObjectNode item, List<String> path) {
    ObjectNode map = item;
    for (int i = 0; i < path.size() - 1; i++) {
      JsonNode next = map.get(path.get(i));
      if (next == null || !next.has("M")) {
        throw new Invalid(
            "The document path provided in the update expression is invalid for update");
      }
      map = (ObjectNode) next.get("M");
    }
    return map;
  }

  private static void set(ObjectNode item, List<String> path, JsonNode value) {
    parentMap(item, path).set(path.get(path.size() - 1), value);
  }

  private static void remove(ObjectNode item, List<String> path) {
    JsonNode value = item;
    ObjectNode map = item;
    for (int i = 0; i < path.size() - 1; i++) {
      value = map.get(path.get(i));
      if (value == null || !value.has("M")) {
        return;
      }
      map = (ObjectNode) value.get("M");
    }
    map.remove(path.get(path.size() - 1));
  }

  private static void add(ObjectNode item, List<String> path, JsonNode operand) {
    JsonNode existing = resolve(item, path);
    String type = type(operand);
    if (type.equals("N")) {
      if (existing != null && !type(existing).equals("N")) {
        throw new Invalid("An operand in the update expression has an incorrect data type");
      }
      BigDecimal base =
          existing == null ? BigDecimal.ZERO : new BigDecimal(existing.get("N").asText());
      set(item, path, number(base.add(new BigDecimal(operand.get("N").asText()))));
    } else if (type.equals("SS") || type.equals("NS") || type.equals("BS")) {
      if (existing != null && !type(existing).equals(type)) {
        throw new Invalid("An operand in the update expression has an incorrect data type");
      }
      ObjectNode merged = Aws.NODES.objectNode();
      ArrayNode elements = merged.putArray(type);
      if (existing != null) {
        elements.addAll((ArrayNode) existing.get(type));
      }
      for (JsonNode element : operand.get(type)) {
        if (!setContains(elements, element.asText(), type.substring(0, 1))) {
          elements.add(element);
        }
      }
      set(item, path, merged);
    } else {
      throw new Invalid(
          "Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, operand type: "
              + type);
    }
  }

  private static void deleteFromSet(ObjectNode item, List<String> path, JsonNode operand) {
    JsonNode existing = resolve(item, path);
    String type = type(operand);
    if (existing == null) {
      return;
    }
    if (!type(existing).equals(type) || !type.endsWith("S") || type.length() != 2) {
      throw new Invalid("An operand in the update expression has an incorrect data type");
    }
    ObjectNode kept = Aws.NODES.objectNode();
    ArrayNode elements = kept.putArray(type);
    for (JsonNode element : existing.get(type)) {
      if (!setContains(operand.get(type), element.asText(), type.substring(0, 1))) {
        elements.add(element);
      }
    }
    if (elements.isEmpty()) {
      remove(item, path);
    } else {
      set(item, path, kept);
    }
  }

  private static boolean setContains(JsonNode elements, String value, String scalar) {
    for (JsonNode element : elements) {
      boolean same =
          scalar.equals("N")
              ? new BigDecimal(element.asText()).compareTo(new BigDecimal(value)) == 0
              : element.asText().equals(value);
      if (same) {
        return true;
      }
    }
    return false;
  }

  /** The type of an attribute value ({@code S}, {@code N}, {@code M}, ...). */
  public static String type(JsonNode value) {
    return value != null && value.isObject() && value.size() == 1 ? value.fieldNames().next() : "?";
  }

  /** A number attribute value, normalized as DynamoDB returns it. */
  public static ObjectNode number(BigDecimal value) {
    BigDecimal normalized = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
    return Aws.NODES.objectNode().put("N", normalized.toPlainString());
  }

  // ---- tokens

  private static List<String> tokenize(String expression, String kind) {
    List<String> tokens = new ArrayList<>();
    int i = 0;
    while (i < expression.length()) {
      char c = expression.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '<' || c == '>') {
        boolean two =
            i + 1 < expression.length()
                && (expression.charAt(i + 1) == '='
                    || (c == '<' && expression.charAt(i + 1) == '>'));
        tokens.add(expression.substring(i, two ? i + 2 : i + 1));
        i += two ? 2 : 1;
      } else if ("=,().+-[]".indexOf(c) >= 0) {
        tokens.add(String.valueOf(c));
        i++;
      } else if (c == '#' || c == ':' || Character.isLetterOrDigit(c) || c == '_') {
        int start = i++;
        while (i < expression.length()
            && (Character.isLetterOrDigit(expression.charAt(i)) || expression.charAt(i) == '_')) {
          i++;
        }
        tokens.add(expression.substring(start, i));
      } else {
        throw new Invalid(
            "Invalid "
                + kind
                + ": Syntax error; token: \""
                + c
                + "\", near: \""
                + expression
                + "\"");
      }
    }
    return tokens;
  }

  private boolean atEnd() {
    return pos >= tokens.size();
  }

  private String peek() {
    return atEnd() ? null : tokens.get(pos);
  }

  private String next() {
    return atEnd() ? null : tokens.get(pos++);
  }

  private boolean accept(String token) {
    if (token.equals(peek())) {
      pos++;
      return true;
    }
    return false;
  }

  private boolean acceptKeyword(String keyword) {
    if (peek() != null && peek().equalsIgnoreCase(keyword)) {
      pos++;
      return true;
    }
    return false;
  }

  /**
   * Reads a call of a two-argument function whose name is the next token, {@code name(a, b)}: its
   * arguments, each read by its reader in turn.
   */
  private JsonNode[] twoArguments(Supplier<JsonNode> first, Supplier<JsonNode> second) {
    next();
    expect("(");
    JsonNode a = first.get();
    expect(",");
    JsonNode b = second.get();
    expect(")");
    return new JsonNode[] {a, b};
  }

  private void expect(String token) {
    if (!accept(token)) {
      throw syntax(peek() == null ? "<EOF>" : peek());
    }
  }

  private Invalid syntaxAt(String token) {
    return syntax(token);
  }

  private Invalid syntax(String token) {
    return new Invalid("Invalid " + kind + ": Syntax error; token: \"" + token + "\"");
  }
}
