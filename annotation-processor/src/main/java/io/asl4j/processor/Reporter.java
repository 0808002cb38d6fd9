package io.asl4j.processor;

import java.io.PrintWriter;
import java.io.StringWriter;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * Reports tagged diagnostics on elements, annotations and values, and keeps going so every problem
 * of a compilation is reported at once.
 */
final class Reporter {
  private final Messager messager;
  private int errors;

  Reporter(Messager messager) {
    this.messager = messager;
  }

  void error(String tag, String message, Origin origin) {
    report(Diagnostic.Kind.ERROR, tag, message, origin);
  }

  void warning(String tag, String message, Origin origin) {
    report(Diagnostic.Kind.WARNING, tag, message, origin);
  }

  void error(String tag, String message, Element element, AnnotationMirror mirror, AnnotationValue value) {
    error(tag, message, new Origin(element, mirror, value));
  }

  void report(Diagnostic.Kind kind, String tag, String message, Origin origin) {
    if (kind == Diagnostic.Kind.ERROR) {
      errors++;
    }
    String text = "[Asl4j" + tag + "] " + message;
    if (origin == null || origin.element() == null) {
      messager.printMessage(kind, text);
    } else if (origin.mirror() == null) {
      messager.printMessage(kind, text, origin.element());
    } else if (origin.value() == null) {
      messager.printMessage(kind, text, origin.element(), origin.mirror());
    } else {
      messager.printMessage(kind, text, origin.element(), origin.mirror(), origin.value());
    }
  }

  /** Reports an exception the processor did not expect, with its stack trace, instead of crashing javac. */
  void unexpected(Element element, Throwable e) {
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    error(
        "Unexpected",
        "asl4j could not process this type; please report this with the stack trace: " + trace,
        new Origin(element, null, null));
  }

  int errorCount() {
    return errors;
  }
}
