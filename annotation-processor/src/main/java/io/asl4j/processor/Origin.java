package io.asl4j.processor;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/**
 * Where in the source a part of the ASL came from: an element, and optionally the annotation and
 * value.
 */
record Origin(Element element, AnnotationMirror mirror, AnnotationValue value) {}
