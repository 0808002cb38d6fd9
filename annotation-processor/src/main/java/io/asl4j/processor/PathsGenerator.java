package io.asl4j.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import io.asl4j.dsl.builder.JsonPaths;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * Writes {@code <Record>Paths} for a {@code @WorkflowData} record: per component a constant ({@code
 * TOTAL = "$.total"}, usable in annotations) and a typed builder path ({@code total()}, a {@link
 * io.asl4j.dsl.builder.NumberPath} with its comparisons). A component that is itself a record gets
 * a nested class with that record's paths under it, so {@code ClaimPaths.approval().approved()} is
 * the {@code BooleanPath} {@code $.approval.approved}.
 */
final class PathsGenerator {
  private static final String BUILDER_PACKAGE = "io.asl4j.dsl.builder";
  private static final ClassName JSON_PATHS = ClassName.get(BUILDER_PACKAGE, "JsonPaths");
  private static final ClassName OBJECT_PATH = ClassName.get(BUILDER_PACKAGE, "ObjectPath");

  private final ProcessingEnvironment env;
  private final Reporter reporter;

  PathsGenerator(ProcessingEnvironment env, Reporter reporter) {
    this.env = env;
    this.reporter = reporter;
  }

  void generate(Element element) {
    if (element.getKind() != ElementKind.RECORD) {
      reporter.error(
          "WorkflowDataNotRecord",
          "@WorkflowData belongs on a record, whose components are the JSON fields",
          new Origin(element, Annotations.mirror(element, "WorkflowData"), null));
      return;
    }
    TypeElement record = (TypeElement) element;
    String pkg = env.getElementUtils().getPackageOf(record).getQualifiedName().toString();
    ClassName paths = ClassName.get(pkg, DefinitionGenerator.baseName(record) + "Paths");
    Map<TypeElement, ClassName> nested = nestedRecords(record, paths);
    TypeSpec.Builder type =
        TypeSpec.classBuilder(paths)
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addOriginatingElement(record)
            .addJavadoc(
                "Paths to the components of {@link $T} in a state's input: constants for"
                    + " annotations, typed paths for the builder.\n",
                ClassName.get(record))
            .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    for (RecordComponentElement component : components(record)) {
      String name = component.getSimpleName().toString();
      String path = JsonPaths.input().object(name).path();
      type.addField(
          FieldSpec.builder(
                  String.class,
                  constantName(name),
                  Modifier.PUBLIC,
                  Modifier.STATIC,
                  Modifier.FINAL)
              .addJavadoc("{@code $L}: $L.\n", path, description(component, nested))
              .initializer("$S", path)
              .build());
    }
    for (RecordComponentElement component : components(record)) {
      type.addMethod(
          pathMethod(component, nested, CodeBlock.of("$T.input()", JSON_PATHS))
              .addModifiers(Modifier.STATIC)
              .build());
    }
    nested.forEach((nestedRecord, name) -> type.addType(nestedPaths(nestedRecord, name, nested)));
    try {
      JavaFile.builder(pkg, type.build()).build().writeTo(env.getFiler());
    } catch (IOException e) {
      reporter.error(
          "CouldNotWrite", "could not write " + paths + ": " + e, new Origin(record, null, null));
    }
  }

  /**
   * Every record reachable through components, each with the name of its nested paths class (its
   * simple name, numbered when two records share one); a record reached again (as in a recursive
   * record) reuses its class.
   */
  private Map<TypeElement, ClassName> nestedRecords(TypeElement root, ClassName paths) {
    Map<TypeElement, ClassName> nested = new LinkedHashMap<>();
    Set<String> taken = new HashSet<>(Set.of(paths.simpleName()));
    Deque<TypeElement> pending = new ArrayDeque<>(Set.of(root));
    while (!pending.isEmpty()) {
      for (RecordComponentElement component : components(pending.pop())) {
        TypeElement record = asRecord(component.asType());
        if (record == null || nested.containsKey(record)) {
          continue;
        }
        String simple = record.getSimpleName().toString();
        String name = simple;
        for (int i = 2; !taken.add(name); i++) {
          name = simple + i;
        }
        nested.put(record, paths.nestedClass(name));
        pending.add(record);
      }
    }
    return nested;
  }

  /** The paths below one position of {@code record}: an instance holding that position. */
  private TypeSpec nestedPaths(
      TypeElement record, ClassName name, Map<TypeElement, ClassName> nested) {
    TypeSpec.Builder type =
        TypeSpec.classBuilder(name)
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc(
                "Paths to the components of a {@link $T} at {@link #object()}.\n",
                ClassName.get(record))
            .addField(OBJECT_PATH, "object", Modifier.PRIVATE, Modifier.FINAL)
            .addMethod(
                MethodSpec.constructorBuilder()
                    .addModifiers(Modifier.PRIVATE)
                    .addParameter(OBJECT_PATH, "object")
                    .addStatement("this.object = object")
                    .build())
            .addMethod(
                MethodSpec.methodBuilder("object")
                    .addJavadoc("The path to the record itself, e.g. for {@code isPresent()}.\n")
                    .addModifiers(Modifier.PUBLIC)
                    .returns(OBJECT_PATH)
                    .addStatement("return object")
                    .build())
            .addMethod(
                MethodSpec.methodBuilder("path")
                    .addJavadoc("The path text of the record.\n")
                    .addModifiers(Modifier.PUBLIC)
                    .returns(String.class)
                    .addStatement("return object.path()")
                    .build())
            .addMethod(
                MethodSpec.methodBuilder("toString")
                    .addAnnotation(Override.class)
                    .addModifiers(Modifier.PUBLIC)
                    .returns(String.class)
                    .addStatement("return object.path()")
                    .build());
    for (RecordComponentElement component : components(record)) {
      type.addMethod(pathMethod(component, nested, CodeBlock.of("object")).build());
    }
    return type.build();
  }

  /** {@code total()}: the typed path of {@code component} below {@code parent}. */
  private MethodSpec.Builder pathMethod(
      RecordComponentElement component, Map<TypeElement, ClassName> nested, CodeBlock parent) {
    String name = component.getSimpleName().toString();
    MethodSpec.Builder method =
        MethodSpec.methodBuilder(name)
            .addJavadoc("{@code .$L}: $L.\n", name, description(component, nested))
            .addModifiers(Modifier.PUBLIC);
    TypeElement record = asRecord(component.asType());
    if (record != null) {
      ClassName paths = nested.get(record);
      return method
          .returns(paths)
          .addStatement("return new $T($L.object($S))", paths, parent, name);
    }
    PathKind kind = PathKind.of(JsonKind.of(component.asType(), env.getTypeUtils()));
    ClassName pathType = ClassName.get(BUILDER_PACKAGE, kind.type());
    return method.returns(pathType).addStatement("return $L.$L($S)", parent, kind.factory(), name);
  }

  private String description(RecordComponentElement component, Map<TypeElement, ClassName> nested) {
    TypeElement record = asRecord(component.asType());
    return record != null
        ? "the " + record.getSimpleName() + " record"
        : JsonKind.of(component.asType(), env.getTypeUtils()).description;
  }

  private static Iterable<RecordComponentElement> components(TypeElement record) {
    return ElementFilter.recordComponentsIn(record.getEnclosedElements());
  }

  private static TypeElement asRecord(TypeMirror type) {
    if (type.getKind() != TypeKind.DECLARED) {
      return null;
    }
    Element element = ((DeclaredType) type).asElement();
    return element.getKind() == ElementKind.RECORD ? (TypeElement) element : null;
  }

  /** The builder path type of {@code kind} and the {@code ObjectPath} method that derives one. */
  private record PathKind(String type, String factory) {
    static PathKind of(JsonKind kind) {
      return switch (kind) {
        case STRING -> new PathKind("StringPath", "string");
        case NUMBER -> new PathKind("NumberPath", "number");
        case BOOLEAN -> new PathKind("BooleanPath", "bool");
        case TIMESTAMP -> new PathKind("TimestampPath", "timestamp");
        case OBJECT -> new PathKind("ObjectPath", "object");
        case ARRAY -> new PathKind("ListPath", "list");
      };
    }
  }

  /** {@code paymentStatus} becomes {@code PAYMENT_STATUS}. */
  static String constantName(String component) {
    StringBuilder name = new StringBuilder();
    for (int i = 0; i < component.length(); i++) {
      char c = component.charAt(i);
      if (Character.isUpperCase(c) && i > 0) {
        name.append('_');
      }
      name.append(Character.toUpperCase(c));
    }
    return name.toString().toUpperCase(Locale.ROOT);
  }
}
