package io.asl4j.processor;

import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/** A Task whose type declares its typed contract: one abstract method, input to result. */
record TypedTask(
    String stateName, String resource, TypeElement element, ExecutableElement method) {}
