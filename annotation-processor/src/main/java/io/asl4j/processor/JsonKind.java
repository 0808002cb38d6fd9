package io.asl4j.processor;

import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/** The JSON type a Java type is written as by Jackson, as far as paths and comparisons care. */
enum JsonKind {
  STRING("a string"),
  NUMBER("a number"),
  BOOLEAN("a boolean"),
  TIMESTAMP("a timestamp"),
  OBJECT("an object"),
  ARRAY("an array");

  private static final Set<String> NUMBERS =
      Set.of(
          "java.lang.Byte",
          "java.lang.Short",
          "java.lang.Integer",
          "java.lang.Long",
          "java.lang.Float",
          "java.lang.Double",
          "java.math.BigDecimal",
          "java.math.BigInteger",
          "java.lang.Number");
  private static final Set<String> STRINGS =
      Set.of("java.lang.String", "java.lang.CharSequence", "java.lang.Character", "java.util.UUID");
  private static final Set<String> TIMESTAMPS =
      Set.of("java.time.Instant", "java.time.OffsetDateTime", "java.time.ZonedDateTime");

  final String description;

  JsonKind(String description) {
    this.description = description;
  }

  static JsonKind of(TypeMirror type, Types types) {
    TypeKind kind = type.getKind();
    if (kind == TypeKind.BOOLEAN) {
      return BOOLEAN;
    }
    if (kind == TypeKind.CHAR) {
      return STRING;
    }
    if (kind.isPrimitive()) {
      return NUMBER;
    }
    if (kind == TypeKind.ARRAY) {
      return ARRAY;
    }
    if (kind != TypeKind.DECLARED) {
      return OBJECT;
    }
    Element element = ((DeclaredType) type).asElement();
    String name = ((TypeElement) element).getQualifiedName().toString();
    if (name.equals("java.lang.Boolean")) {
      return BOOLEAN;
    }
    if (NUMBERS.contains(name)) {
      return NUMBER;
    }
    if (STRINGS.contains(name) || element.getKind() == ElementKind.ENUM) {
      return STRING;
    }
    if (TIMESTAMPS.contains(name)) {
      return TIMESTAMP;
    }
    for (TypeMirror supertype : types.directSupertypes(types.erasure(type))) {
      if (isCollection(supertype, types)) {
        return ARRAY;
      }
    }
    return name.equals("java.util.Collection") || name.equals("java.lang.Iterable")
        ? ARRAY
        : OBJECT;
  }

  private static boolean isCollection(TypeMirror type, Types types) {
    if (type.getKind() != TypeKind.DECLARED) {
      return false;
    }
    String name = ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().toString();
    if (name.equals("java.util.Collection") || name.equals("java.lang.Iterable")) {
      return true;
    }
    for (TypeMirror supertype : types.directSupertypes(type)) {
      if (isCollection(supertype, types)) {
        return true;
      }
    }
    return false;
  }
}
