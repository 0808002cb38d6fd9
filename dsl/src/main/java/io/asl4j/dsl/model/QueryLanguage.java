package io.asl4j.dsl.model;

/** The query language of a state machine or a state. Defaults to {@link #JSONPATH}. */
public enum QueryLanguage {
  JSONPATH("JSONPath"),
  JSONATA("JSONata");

  private final String aslName;

  QueryLanguage(String aslName) {
    this.aslName = aslName;
  }

  /** The name as written in ASL. */
  public String aslName() {
    return aslName;
  }

  /** The language named {@code name} in ASL, or {@code null} when there is none. */
  public static QueryLanguage fromAslName(String name) {
    return AslNames.find(values(), QueryLanguage::aslName, name);
  }
}
