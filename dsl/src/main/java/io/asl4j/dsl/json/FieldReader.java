package io.asl4j.dsl.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.asl4j.dsl.internal.JsonLimits;
import io.asl4j.dsl.model.NullablePath;
import io.asl4j.dsl.model.QueryLanguage;
import io.asl4j.dsl.validate.Problem;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Reads single fields of a definition, recording each problem (with its pointer) and each field
 * left empty instead of stopping: the base of {@link StateReader}, {@link MapReader} and {@link
 * ChoiceReader}.
 */
abstract class FieldReader {
  final List<Problem> problems;

  /** Pointers of values that could not be read into the model, and of required fields missing. */
  final Set<String> unread;

  /** A reader with problem and unread lists of its own. */
  FieldReader() {
    this.problems = new ArrayList<>();
    this.unread = new LinkedHashSet<>();
  }

  /** A reader that records into the same lists as {@code shared}. */
  FieldReader(FieldReader shared) {
    this.problems = shared.problems;
    this.unread = shared.unread;
  }

  // ---- field helpers ----------------------------------------------------------------------------

  void unknownFields(JsonNode json, Set<String> allowed, String at, String what) {
    for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!allowed.contains(name)) {
        problems.add(
            Problem.error(
                "UnknownField",
                at + "/" + AslReader.escape(name),
                "field '" + name + "' is not supported in " + what));
      }
    }
  }

  /**
   * Reports the fields of {@code json} not {@code allowed}, then the {@code required} ones missing.
   */
  void fields(JsonNode json, Set<String> allowed, String at, String what, String... required) {
    unknownFields(json, allowed, at, what);
    requireFields(json, at, required);
  }

  void requireFields(JsonNode json, String at, String... names) {
    List<String> missing = new ArrayList<>();
    for (String name : names) {
      if (!json.has(name)) {
        missing.add(name);
      }
    }
    for (String name : missing) {
      unread.add(at + "/" + AslReader.escape(name));
    }
    if (!missing.isEmpty()) {
      problems.add(
          Problem.error(
              "MissingField",
              at,
              "These fields are required: " + missing.toString().replace(", ", ",")));
    }
  }

  /**
   * The value of {@code field} when it is present and {@code fits}; null when it is absent, or when
   * it does not fit, which is reported as a {@code WrongType} saying what was {@code expected}.
   */
  private JsonNode typed(
      JsonNode json, String field, String at, Predicate<JsonNode> fits, String expected) {
    JsonNode node = json.get(field);
    if (node == null) {
      return null;
    }
    if (!fits.test(node)) {
      wrongType(at + "/" + field, expected, node);
      return null;
    }
    return node;
  }

  /**
   * Whether {@code node} is present and an object; one that is not an object is reported as a
   * {@code WrongType} saying what was {@code expected}.
   */
  boolean presentObject(JsonNode node, String at, String expected) {
    if (node == null) {
      return false;
    }
    if (!node.isObject()) {
      wrongType(at, expected, node);
      return false;
    }
    return true;
  }

  /** Reads one object element of a list: its pointer is {@code at}; null leaves it out. */
  @FunctionalInterface
  interface ElementReader<T> {
    T read(JsonNode element, String at);
  }

  /**
   * The array {@code field} of objects, each read by {@code element}: null when absent, empty when
   * not an array; an element that is not an object is reported and left out, so that every
   * element's problems are reported.
   */
  <T> List<T> objectList(
      JsonNode json,
      String field,
      String at,
      String expected,
      String elementExpected,
      ElementReader<T> element) {
    JsonNode node = json.get(field);
    if (node == null) {
      return null;
    }
    List<T> list = new ArrayList<>();
    if (!node.isArray()) {
      wrongType(at + "/" + field, expected, node);
      return list;
    }
    for (int i = 0; i < node.size(); i++) {
      String elementAt = at + "/" + field + "/" + i;
      if (presentObject(node.get(i), elementAt, elementExpected)) {
        T value = element.read(node.get(i), elementAt);
        if (value != null) {
          list.add(value);
        }
      }
    }
    return list;
  }

  String string(JsonNode json, String field, String at) {
    JsonNode node = typed(json, field, at, JsonNode::isTextual, "a string");
    return node == null ? null : node.asText();
  }

  JsonNode checkedString(JsonNode json, String field, String at) {
    JsonNode node = json.get(field);
    if (!node.isTextual()) {
      wrongType(at + "/" + field, "a string", node);
      return null;
    }
    return node;
  }

  NullablePath nullablePath(JsonNode json, String field, String at) {
    JsonNode node = json.get(field);
    if (node == null) {
      return null;
    }
    if (node.isNull()) {
      return NullablePath.DISCARD;
    }
    if (!node.isTextual()) {
      wrongType(at + "/" + field, "a path string or null", node);
      return null;
    }
    return NullablePath.of(node.asText());
  }

  Integer integer(JsonNode json, String field, String at) {
    JsonNode node = json.get(field);
    if (node == null) {
      return null;
    }
    if (node.isNumber() && !finite(node, at + "/" + field)) {
      return null;
    }
    if (!node.isIntegralNumber()
        && !(node.isNumber() && node.decimalValue().stripTrailingZeros().scale() <= 0)) {
      wrongType(at + "/" + field, "an integer", node);
      return null;
    }
    if (!node.canConvertToInt()) {
      unread.add(at + "/" + field);
      problems.add(
          Problem.error(
              "NumberRange",
              at + "/" + field,
              "expected an integer below 2^31, but found " + node));
      return null;
    }
    return node.intValue();
  }

  Double number(JsonNode json, String field, String at) {
    JsonNode node = typed(json, field, at, JsonNode::isNumber, "a number");
    if (node == null || !finite(node, at + "/" + field)) {
      return null;
    }
    double value = node.doubleValue();
    if (Double.isInfinite(value)) {
      // The model holds a double: 1e400 would become Infinity, which JSON cannot hold.
      problems.add(
          Problem.error(
              "NumberRange",
              at + "/" + field,
              "expected a number of at most "
                  + Double.MAX_VALUE
                  + " in size, but found "
                  + describe(node)));
      return null;
    }
    // A tiny negative number (-1e-999999999) rounds to -0.0, which would be written as "-0.0" and
    // read back as 0.0: JSON's numbers have one zero, so the model has one too.
    return value == 0.0 ? 0.0 : value;
  }

  JsonNode numberOrString(JsonNode json, String field, String at) {
    JsonNode node =
        typed(
            json,
            field,
            at,
            n -> n.isNumber() || n.isTextual(),
            "a number or a JSONata expression");
    if (node != null && node.isNumber() && !finite(node, at + "/" + field)) {
      return null;
    }
    return node;
  }

  /** JSON has no NaN or infinity, but a tree built in code (or parsed leniently) can hold them. */
  boolean finite(JsonNode node, String at) {
    if (JsonLimits.isNonFinite(node)) {
      problems.add(
          Problem.error(
              "NumberRange", at, "expected a finite number, but found " + node.doubleValue()));
      return false;
    }
    return true;
  }

  Boolean bool(JsonNode json, String field, String at) {
    JsonNode node = typed(json, field, at, JsonNode::isBoolean, "a boolean");
    return node == null ? null : node.booleanValue();
  }

  JsonNode object(JsonNode json, String field, String at) {
    return typed(json, field, at, JsonNode::isObject, "an object");
  }

  List<String> stringList(JsonNode json, String field, String at) {
    JsonNode node = json.get(field);
    if (node == null) {
      return null;
    }
    if (!node.isArray()) {
      wrongType(at + "/" + field, "an array of strings", node);
      return null;
    }
    List<String> values = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      if (!node.get(i).isTextual()) {
        wrongType(at + "/" + field + "/" + i, "a string", node.get(i));
      } else {
        values.add(node.get(i).asText());
      }
    }
    return values;
  }

  QueryLanguage queryLanguage(JsonNode json, String at) {
    String name = string(json, "QueryLanguage", at);
    if (name == null) {
      return null;
    }
    QueryLanguage language = QueryLanguage.fromAslName(name);
    if (language == null) {
      problems.add(
          Problem.error(
              "InvalidValue",
              at + "/QueryLanguage",
              "expected \"JSONPath\" or \"JSONata\", but found \"" + name + "\""));
    }
    return language;
  }

  <E extends Enum<E>> E enumValue(JsonNode json, String field, String at, Class<E> type) {
    String name = string(json, field, at);
    if (name == null) {
      return null;
    }
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(name)) {
        return constant;
      }
    }
    List<String> names = new ArrayList<>();
    for (E constant : type.getEnumConstants()) {
      names.add(constant.name());
    }
    problems.add(
        Problem.error(
            "InvalidValue",
            at + "/" + field,
            "expected one of " + names + ", but found \"" + name + "\""));
    return null;
  }

  void wrongType(String at, String expected, JsonNode found) {
    unread.add(at);
    problems.add(
        Problem.error("WrongType", at, "expected " + expected + ", but found " + describe(found)));
  }

  static String describe(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    String type = node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    String text = node.toString();
    return text.length() > 60 ? type : type + " " + text;
  }
}
