package io.asl4j.processor;

import static io.asl4j.processor.Annotations.value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * The typed contracts of a workflow's Tasks: a Task type that declares one abstract method ({@code
 * Order validate(Order order);}) gets a typed implementation slot in the generated definition, and
 * its result type is the known input of a Choice it leads to unchanged.
 */
final class TypedContracts {
  private final Reporter reporter;
  private final List<TypedTask> typedTasks = new ArrayList<>();

  /** Per state name: the typed output of its Task, when it passes that output on unchanged. */
  private final Map<String, TypeMirror> typedOutputs = new LinkedHashMap<>();

  TypedContracts(Reporter reporter) {
    this.reporter = reporter;
  }

  /** The Tasks with a well-formed contract, in the order they were read. */
  List<TypedTask> tasks() {
    return List.copyOf(typedTasks);
  }

  /** The Java type state {@code stateName} outputs, or null when it is not known. */
  TypeMirror output(String stateName) {
    return typedOutputs.get(stateName);
  }

  /**
   * Reads the typed contract of Task {@code info}, if its type declares one; reports a contract of
   * the wrong shape.
   */
  void read(StateInfo info, String resource) {
    List<ExecutableElement> methods = new ArrayList<>();
    for (ExecutableElement method : ElementFilter.methodsIn(info.element().getEnclosedElements())) {
      if (method.getModifiers().contains(Modifier.ABSTRACT)) {
        methods.add(method);
      }
    }
    if (methods.isEmpty()) {
      return;
    }
    ExecutableElement method = methods.get(0);
    boolean isInterface = info.element().getKind() == ElementKind.INTERFACE;
    if (methods.size() > 1
        || !isInterface
        || method.getParameters().size() != 1
        || method.getReturnType().getKind() == TypeKind.VOID
        || !method.getTypeParameters().isEmpty()) {
      reporter.error(
          "TaskContract",
          "a Task's typed contract is one abstract method taking the task input and returning its"
              + " result, e.g. 'Order validate(Order order);', declared in an interface",
          methods.size() > 1 ? methods.get(1) : method,
          null,
          null);
      return;
    }
    typedTasks.add(new TypedTask(info.name(), resource, info.element(), method));
    AnnotationMirror m = info.mirror();
    boolean reshapes =
        value(m, "resultPath") != null
            || value(m, "outputPath") != null
            || value(m, "resultSelector") != null
            || value(m, "output") != null;
    if (!reshapes) {
      typedOutputs.put(info.name(), method.getReturnType());
    }
  }
}
