package io.asl4j.dsl.annotation;

/** The query language of a workflow or of one state. */
public enum QueryLanguage {
  JSONPATH,
  JSONATA
}
