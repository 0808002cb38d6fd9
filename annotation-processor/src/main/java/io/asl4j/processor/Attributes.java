package io.asl4j.processor;

import static io.asl4j.processor.Annotations.list;
import static io.asl4j.processor.Annotations.value;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.asl4j.dsl.model.NullablePath;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.TypeElement;

/**
 * Reads annotation attributes into ASL field values, recording for each the JSON pointer it lands
 * at and the annotation value it came from, and reporting attributes that cannot be read (bad JSON,
 * a number and an expression at once).
 */
final class Attributes {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Origins origins;
  private final Reporter reporter;

  Attributes(Origins origins, Reporter reporter) {
    this.origins = origins;
    this.reporter = reporter;
  }

  /** A string attribute that becomes the ASL field {@code aslField}; null when not written. */
  String field(StateInfo info, String at, String attribute, String aslField) {
    AnnotationValue value = value(info.mirror(), attribute);
    if (value == null) {
      return null;
    }
    origins.put(at + "/" + aslField, new Origin(info.element(), info.mirror(), value));
    return String.valueOf(value.getValue());
  }

  NullablePath path(StateInfo info, String at, String attribute, String aslField) {
    String text = field(info, at, attribute, aslField);
    if (text == null) {
      return null;
    }
    return text.equals("null") ? NullablePath.DISCARD : NullablePath.of(text);
  }

  /** A JSON attribute: JSON text, or a JSONata {@code {% %}} expression as a string. */
  JsonNode json(StateInfo info, String at, String attribute, String aslField) {
    String text = field(info, at, attribute, aslField);
    if (text == null) {
      return null;
    }
    String trimmed = text.trim();
    if (trimmed.startsWith("{%") && trimmed.endsWith("%}")) {
      return TextNode.valueOf(text);
    }
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      reporter.error(
          "InvalidJson",
          "'"
              + attribute
              + "' must be JSON text (or a JSONata expression {% ... %}): "
              + e.getOriginalMessage(),
          info.element(),
          info.mirror(),
          value(info.mirror(), attribute));
      origins.reported(at + "/" + aslField);
      return null;
    }
  }

  List<String> strings(
      TypeElement e, AnnotationMirror m, String at, String attribute, String aslField) {
    AnnotationValue value = value(m, attribute);
    if (value == null) {
      return List.of();
    }
    origins.put(at + "/" + aslField, new Origin(e, m, value));
    List<String> strings = new ArrayList<>();
    for (AnnotationValue item : list(value)) {
      strings.add(String.valueOf(item.getValue()));
    }
    return strings;
  }

  Integer integer(TypeElement e, AnnotationMirror m, String at, String attribute, String aslField) {
    Number number = recorded(e, m, at, attribute, aslField);
    return number == null ? null : number.intValue();
  }

  Double decimal(TypeElement e, AnnotationMirror m, String at, String attribute, String aslField) {
    Number number = recorded(e, m, at, attribute, aslField);
    return number == null ? null : number.doubleValue();
  }

  /**
   * A number attribute's value, its origin recorded at {@code at/aslField}; null when not written.
   */
  private Number recorded(
      TypeElement e, AnnotationMirror m, String at, String attribute, String aslField) {
    AnnotationValue value = value(m, attribute);
    if (value == null) {
      return null;
    }
    origins.put(at + "/" + aslField, new Origin(e, m, value));
    return (Number) value.getValue();
  }

  /**
   * A numeric field written as a number ({@code attribute}) or as a JSONata expression ({@code
   * attributeExpression}); both at once is an error.
   */
  JsonNode numeric(StateInfo info, String at, String attribute, String aslField) {
    AnnotationValue numberValue = value(info.mirror(), attribute);
    JsonNode number = null;
    if (numberValue != null) {
      number = number(((Number) numberValue.getValue()).doubleValue());
      origins.put(at + "/" + aslField, new Origin(info.element(), info.mirror(), numberValue));
    }
    AnnotationValue expressionValue = value(info.mirror(), attribute + "Expression");
    if (expressionValue == null) {
      return number;
    }
    if (number != null) {
      reporter.error(
          "NumberOrExpression",
          "'"
              + aslField
              + "' is a number or a JSONata expression, but has both '"
              + attribute
              + "' and '"
              + attribute
              + "Expression'",
          info.element(),
          info.mirror(),
          expressionValue);
      origins.reported(at + "/" + aslField);
    }
    origins.put(at + "/" + aslField, new Origin(info.element(), info.mirror(), expressionValue));
    return TextNode.valueOf(String.valueOf(expressionValue.getValue()));
  }

  /**
   * Integral doubles as integers: {@code numericGreaterThan = 100} writes {@code 100}, not {@code
   * 100.0}.
   */
  static JsonNode number(double value) {
    if (value == Math.rint(value) && !Double.isInfinite(value) && Math.abs(value) < 1e15) {
      long integral = (long) value;
      return integral == (int) integral
          ? IntNode.valueOf((int) integral)
          : LongNode.valueOf(integral);
    }
    return DoubleNode.valueOf(value);
  }
}
