package io.asl4j.processor;

import static io.asl4j.processor.Annotations.PACKAGE;
import static io.asl4j.processor.Annotations.typeOf;
import static io.asl4j.processor.Annotations.value;

import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.TypeElement;

/**
 * Reads transitions: a class literal ({@code next = Ship.class}) becomes the name of the state it
 * designates, {@code End.class} ends a path; a literal that names no state of the workflow is
 * reported where it is written.
 */
final class Transitions {
  private final TypeElement workflow;
  private final Map<TypeElement, StateInfo> states;
  private final Origins origins;
  private final Reporter reporter;

  /** {@code states} is the workflow's states by type, filled before any transition is read. */
  Transitions(
      TypeElement workflow,
      Map<TypeElement, StateInfo> states,
      Origins origins,
      Reporter reporter) {
    this.workflow = workflow;
    this.states = states;
    this.origins = origins;
    this.reporter = reporter;
  }

  record Next(String name, Boolean end) {}

  Next next(StateInfo info, String at, String attribute) {
    AnnotationValue value = value(info.mirror(), attribute);
    if (value == null) {
      origins.ignore(at, "NextOrEnd"); // javac already reports the missing required attribute
      return new Next(null, null);
    }
    TypeElement target = typeOf(value);
    if (target != null && target.getQualifiedName().contentEquals(PACKAGE + "End")) {
      origins.put(at + "/End", new Origin(info.element(), info.mirror(), value));
      return new Next(null, true);
    }
    return new Next(target(info, info.mirror(), value, at + "/Next", attribute, true), null);
  }

  /** The state name a class literal designates; reports literals that name no state. */
  String target(
      StateInfo info,
      AnnotationMirror mirror,
      AnnotationValue value,
      String at,
      String attribute,
      boolean endAllowed) {
    origins.put(at, new Origin(info.element(), mirror, value));
    TypeElement target = typeOf(value);
    if (target != null && target.getQualifiedName().contentEquals(PACKAGE + "End")) {
      reporter.error(
          "EndNotAllowed",
          "'" + attribute + "' must name a state; End.class can only end a path through 'next'",
          info.element(),
          mirror,
          value);
      origins.reported(at);
      return "End";
    }
    StateInfo targetState = target == null ? null : states.get(target);
    if (targetState == null) {
      reporter.error(
          "UnknownState",
          "'"
              + attribute
              + " = "
              + value
              + "' is not a state of workflow "
              + workflow.getSimpleName()
              + "; name a nested type annotated @Task, @Choice, …"
              + (endAllowed ? ", or End.class to end here" : ""),
          info.element(),
          mirror,
          value);
      origins.reported(at);
      return target == null ? String.valueOf(value) : target.getSimpleName().toString();
    }
    return targetState.name();
  }
}
