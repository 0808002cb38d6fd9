package io.asl4j.processor;

import static io.asl4j.processor.Annotations.explicit;
import static io.asl4j.processor.Annotations.isVoid;
import static io.asl4j.processor.Annotations.repeated;
import static io.asl4j.processor.Annotations.value;

import io.asl4j.dsl.expression.AslPath;
import io.asl4j.dsl.expression.ExpressionException;
import io.asl4j.dsl.model.ComparisonOperator;
import io.asl4j.dsl.model.State;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * Checks the paths a Choice compares against the record its input is known to be (its {@code input}
 * attribute, or the typed output of every Task leading to it): a path must name record components,
 * and the comparison must fit the component's JSON type ({@code [Asl4jPathType]}).
 */
final class TypedComparisons {
  private final ProcessingEnvironment env;
  private final Reporter reporter;
  private final TypedContracts contracts;

  TypedComparisons(ProcessingEnvironment env, Reporter reporter, TypedContracts contracts) {
    this.env = env;
    this.reporter = reporter;
    this.contracts = contracts;
  }

  /**
   * Checks rule paths of Choices whose input is a known record against that record's components.
   */
  void check(List<StateInfo> members, Map<String, State> built) {
    for (StateInfo info : members) {
      if (!info.kind().equals("Choice")) {
        continue;
      }
      TypeMirror input = choiceInput(info, members, built);
      if (input == null) {
        continue;
      }
      for (AnnotationMirror when :
          repeated(info.element(), "When").stream()
              .flatMap(w -> ChoiceReader.comparisons(w).stream())
              .toList()) {
        AnnotationValue variable = value(when, "variable");
        if (variable == null) {
          continue;
        }
        for (Map.Entry<String, AnnotationValue> entry : explicit(when).entrySet()) {
          ComparisonOperator operator = ChoiceReader.OPERATORS.get(entry.getKey());
          if (operator == null) {
            continue;
          }
          checkComparison(info, when, variable, input, operator, entry.getKey(), null);
          if (operator.isPath()) {
            checkComparison(
                info, when, entry.getValue(), input, operator, entry.getKey(), entry.getValue());
          }
        }
      }
    }
  }

  private TypeMirror choiceInput(
      StateInfo info, List<StateInfo> members, Map<String, State> built) {
    AnnotationValue explicitInput = value(info.mirror(), "input");
    if (explicitInput != null && !isVoid(explicitInput)) {
      return (TypeMirror) explicitInput.getValue();
    }
    // Inferred: every state leading here is a typed Task passing its result on unchanged.
    TypeMirror inferred = null;
    boolean any = false;
    for (StateInfo member : members) {
      State state = built.get(member.name());
      if (state == null || !state.successors().contains(info.name())) {
        continue;
      }
      TypeMirror output = contracts.output(member.name());
      if (output == null
          || (inferred != null && !env.getTypeUtils().isSameType(inferred, output))) {
        return null;
      }
      inferred = output;
      any = true;
    }
    return any ? inferred : null;
  }

  private void checkComparison(
      StateInfo info,
      AnnotationMirror when,
      AnnotationValue pathValue,
      TypeMirror input,
      ComparisonOperator operator,
      String attribute,
      AnnotationValue reportOn) {
    String text = String.valueOf(pathValue.getValue());
    AslPath path;
    try {
      path = AslPath.parse(text);
    } catch (ExpressionException e) {
      return; // the validator reports the bad path
    }
    if (path.root() != AslPath.Root.INPUT || !path.isReferencePath()) {
      return;
    }
    TypeMirror current = input;
    String described = typeName(input);
    for (AslPath.Step step : path.steps()) {
      TypeElement record = asRecord(current);
      if (!(step instanceof AslPath.Field field) || record == null) {
        return; // indexes and non-record types are not checked
      }
      RecordComponentElement component = null;
      for (RecordComponentElement candidate :
          ElementFilter.recordComponentsIn(record.getEnclosedElements())) {
        if (candidate.getSimpleName().contentEquals(field.name())) {
          component = candidate;
        }
      }
      if (component == null) {
        reporter.error(
            "PathType",
            "'" + text + "' reads '" + field.name() + "', which is not a component of " + described,
            info.element(),
            when,
            pathValue);
        return;
      }
      current = component.asType();
      described = typeName(current) + " " + record.getSimpleName() + "." + field.name();
    }
    JsonKind kind = JsonKind.of(current, env.getTypeUtils());
    boolean fits =
        switch (operator.kind()) {
          case STRING, STRING_PATTERN -> kind == JsonKind.STRING || kind == JsonKind.TIMESTAMP;
          case NUMERIC -> kind == JsonKind.NUMBER;
          case BOOLEAN -> kind == JsonKind.BOOLEAN;
          case TIMESTAMP -> kind == JsonKind.TIMESTAMP || kind == JsonKind.STRING;
          case TYPE_TEST -> true;
        };
    if (!fits) {
      reporter.error(
          "PathType",
          attribute
              + " compares "
              + operatorKind(operator)
              + ", but '"
              + text
              + "' is "
              + described
              + ", "
              + kind.description,
          info.element(),
          when,
          reportOn != null ? reportOn : value(when, attribute));
    }
  }

  private static String operatorKind(ComparisonOperator operator) {
    return switch (operator.kind()) {
      case STRING, STRING_PATTERN -> "strings";
      case NUMERIC -> "numbers";
      case BOOLEAN -> "booleans";
      case TIMESTAMP -> "timestamps";
      case TYPE_TEST -> "types";
    };
  }

  private static TypeElement asRecord(TypeMirror type) {
    if (type.getKind() == TypeKind.DECLARED) {
      Element element = ((DeclaredType) type).asElement();
      if (element.getKind() == ElementKind.RECORD) {
        return (TypeElement) element;
      }
    }
    return null;
  }

  private static String typeName(TypeMirror type) {
    if (type.getKind() == TypeKind.DECLARED) {
      return ((DeclaredType) type).asElement().getSimpleName().toString();
    }
    return type.toString();
  }
}
