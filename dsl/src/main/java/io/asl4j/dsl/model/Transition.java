package io.asl4j.dsl.model;

/**
 * One way out of a state: the name of the state it goes to, and the field that names it.
 *
 * @param field which field names the target
 * @param index the position of the Choice rule or catcher in its list; 0 for {@code Next} and
 *     {@code Default}
 * @param target the name of the state transitioned to
 */
public record Transition(Field field, int index, String target) {

  /** The ASL field a transition is written in. */
  public enum Field {
    /** {@code Next} of Pass, Task, Wait, Parallel and Map. */
    NEXT,
    /** {@code Next} of a Choice rule. */
    CHOICE,
    /** {@code Default} of a Choice state. */
    DEFAULT,
    /** {@code Next} of a catcher. */
    CATCH
  }

  /**
   * Where the target is written, relative to the state: {@code /Next}, {@code /Choices/0/Next}, ...
   */
  public String pointer() {
    return switch (field) {
      case NEXT -> "/Next";
      case CHOICE -> "/Choices/" + index + "/Next";
      case DEFAULT -> "/Default";
      case CATCH -> "/Catch/" + index + "/Next";
    };
  }
}
