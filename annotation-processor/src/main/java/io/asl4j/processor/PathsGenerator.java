package io.asl4j.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import java.io.IOException;
import java.util.Locale;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/**
 * Writes {@code <Record>Paths} for a {@code @WorkflowData} record: per component a constant
 * ({@code TOTAL = "$.total"}, usable in annotations) and a typed path ({@code total()}).
 */
final class PathsGenerator {
  private static final String PATH_PACKAGE = "io.asl4j.dsl.path";

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
          new Origin(element, WorkflowScanner.mirror(element, "WorkflowData"), null));
      return;
    }
    TypeElement record = (TypeElement) element;
    String pkg = env.getElementUtils().getPackageOf(record).getQualifiedName().toString();
    ClassName paths = ClassName.get(pkg, DefinitionGenerator.baseName(record) + "Paths");
    TypeSpec.Builder type =
        TypeSpec.classBuilder(paths)
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addOriginatingElement(record)
            .addJavadoc("Paths to the components of {@link $T} in a state's input.\n", ClassName.get(record))
            .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    for (RecordComponentElement component : ElementFilter.recordComponentsIn(record.getEnclosedElements())) {
      String name = component.getSimpleName().toString();
      String path = "$." + name;
      JsonKind kind = JsonKind.of(component.asType(), env.getTypeUtils());
      ClassName pathType = ClassName.get(PATH_PACKAGE, pathType(kind));
      String constant = constantName(name);
      type.addField(
          FieldSpec.builder(String.class, constant, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
              .addJavadoc("{@code $L}: $L.\n", path, kind.description)
              .initializer("$S", path)
              .build());
      type.addMethod(
          MethodSpec.methodBuilder(name)
              .addJavadoc("{@code $L}: $L.\n", path, kind.description)
              .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
              .returns(pathType)
              .addStatement("return $T.of($L)", pathType, constant)
              .build());
    }
    try {
      JavaFile.builder(pkg, type.build()).build().writeTo(env.getFiler());
    } catch (IOException e) {
      reporter.error("CouldNotWrite", "could not write " + paths + ": " + e, new Origin(record, null, null));
    }
  }

  private static String pathType(JsonKind kind) {
    return switch (kind) {
      case STRING -> "StringPath";
      case NUMBER -> "NumberPath";
      case BOOLEAN -> "BooleanPath";
      case TIMESTAMP -> "TimestampPath";
      case OBJECT -> "ObjectPath";
      case ARRAY -> "ArrayPath";
    };
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
