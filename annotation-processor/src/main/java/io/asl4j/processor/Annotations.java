package io.asl4j.processor;

import io.asl4j.dsl.model.QueryLanguage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Reading asl4j's annotations off elements: which are present, which attributes were written
 * explicitly, and their values as Java objects. No reporting and no model here.
 */
final class Annotations {
  static final String PACKAGE = "io.asl4j.dsl.annotation.";

  private Annotations() {}

  static QueryLanguage language(AnnotationMirror mirror) {
    AnnotationValue value = value(mirror, "queryLanguage");
    if (value == null) {
      return null;
    }
    return enumName(value).equals("JSONATA") ? QueryLanguage.JSONATA : QueryLanguage.JSONPATH;
  }

  /** The attributes written explicitly, by name: an attribute left out is absent from the ASL. */
  static Map<String, AnnotationValue> explicit(AnnotationMirror mirror) {
    Map<String, AnnotationValue> values = new LinkedHashMap<>();
    if (mirror != null) {
      for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
          mirror.getElementValues().entrySet()) {
        values.put(entry.getKey().getSimpleName().toString(), entry.getValue());
      }
    }
    return values;
  }

  static AnnotationValue value(AnnotationMirror mirror, String attribute) {
    return explicit(mirror).get(attribute);
  }

  static String string(AnnotationMirror mirror, String attribute) {
    AnnotationValue value = value(mirror, attribute);
    return value == null ? null : String.valueOf(value.getValue());
  }

  @SuppressWarnings("unchecked")
  static List<? extends AnnotationValue> list(AnnotationValue value) {
    Object raw = value.getValue();
    return raw instanceof List<?> ? (List<? extends AnnotationValue>) raw : List.of(value);
  }

  static String enumName(AnnotationValue value) {
    return ((VariableElement) value.getValue()).getSimpleName().toString();
  }

  static boolean isVoid(AnnotationValue value) {
    return value.getValue() instanceof TypeMirror type && type.getKind() == TypeKind.VOID;
  }

  static TypeElement typeOf(AnnotationValue value) {
    if (value.getValue() instanceof DeclaredType type) {
      return (TypeElement) type.asElement();
    }
    return null;
  }

  static boolean isInside(Element element, Element outer) {
    for (Element e = element; e != null; e = e.getEnclosingElement()) {
      if (e.equals(outer)) {
        return true;
      }
    }
    return false;
  }

  /** The simple name of an asl4j annotation ({@code Task}, {@code Retry.List}), else null. */
  static String annotationName(AnnotationMirror mirror) {
    String name =
        ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
    return name.startsWith(PACKAGE) ? name.substring(PACKAGE.length()) : null;
  }

  static AnnotationMirror mirror(Element element, String simpleName) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      if (simpleName.equals(annotationName(mirror))) {
        return mirror;
      }
    }
    return null;
  }

  /** The mirrors of a repeatable annotation, single or in its container, in source order. */
  static List<AnnotationMirror> repeated(Element element, String simpleName) {
    List<AnnotationMirror> mirrors = new ArrayList<>();
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      String name = annotationName(mirror);
      if (simpleName.equals(name)) {
        mirrors.add(mirror);
      } else if ((simpleName + ".List").equals(name)) {
        AnnotationValue value = value(mirror, "value");
        if (value != null) {
          for (AnnotationValue item : list(value)) {
            mirrors.add((AnnotationMirror) item.getValue());
          }
        }
      }
    }
    return mirrors;
  }
}
