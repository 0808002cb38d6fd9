package io.asl4j.dsl.validate;

import java.util.Objects;

/**
 * One problem found in a definition: where (a JSON pointer into the ASL), a stable tag, and what is
 * expected.
 *
 * <pre>{@code
 * /States/Notify/Next: error [UnknownState] 'Next' names 'Notfy', which is not a state of this scope
 * }</pre>
 *
 * @param pointer an RFC 6901 JSON pointer ({@code ""} for the whole document)
 * @param tag a stable identifier of the rule, without brackets, e.g. {@code UnknownState}
 */
public record Problem(Severity severity, String tag, String pointer, String message) {
  public Problem {
    Objects.requireNonNull(severity, "severity == null");
    Objects.requireNonNull(tag, "tag == null");
    Objects.requireNonNull(pointer, "pointer == null");
    Objects.requireNonNull(message, "message == null");
  }

  /** An error: AWS would reject the definition. */
  public static Problem error(String tag, String pointer, String message) {
    return new Problem(Severity.ERROR, tag, pointer, message);
  }

  /** A warning: AWS accepts the definition, but it is likely a mistake. */
  public static Problem warning(String tag, String pointer, String message) {
    return new Problem(Severity.WARNING, tag, pointer, message);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** The pointer shown to a person: {@code /} for the whole document. */
  public String location() {
    return pointer.isEmpty() ? "/" : pointer;
  }

  /** {@code <pointer>: error|warning [Tag] message}. */
  @Override
  public String toString() {
    return location() + ": " + severity.label() + " [" + tag + "] " + message;
  }

  /** How serious a problem is. */
  public enum Severity {
    ERROR("error"),
    WARNING("warning");

    private final String label;

    Severity(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }
}
