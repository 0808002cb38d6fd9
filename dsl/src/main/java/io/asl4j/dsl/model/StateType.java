package io.asl4j.dsl.model;

/** The eight ASL state types, by their {@code Type} names. */
public enum StateType {
  PASS("Pass"),
  TASK("Task"),
  CHOICE("Choice"),
  WAIT("Wait"),
  SUCCEED("Succeed"),
  FAIL("Fail"),
  PARALLEL("Parallel"),
  MAP("Map");

  private final String aslName;

  StateType(String aslName) {
    this.aslName = aslName;
  }

  /** The {@code Type} value in ASL. */
  public String aslName() {
    return aslName;
  }

  /** The type named {@code name} in ASL, or {@code null}. */
  public static StateType fromAslName(String name) {
    return AslNames.find(values(), StateType::aslName, name);
  }
}
