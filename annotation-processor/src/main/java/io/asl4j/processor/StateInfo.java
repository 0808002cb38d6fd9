package io.asl4j.processor;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * A nested type carrying one state annotation ({@code kind} is its simple name); readers pass one
 * with another {@code mirror} (a {@code @When}, {@code @Catch}, …) to read that annotation's
 * attributes with the same origins.
 */
record StateInfo(
    TypeElement element, AnnotationMirror mirror, String kind, String name, Element owner) {
  /** The same state, reading the attributes of {@code other}. */
  StateInfo reading(AnnotationMirror other) {
    return new StateInfo(element, other, kind, name, owner);
  }
}
