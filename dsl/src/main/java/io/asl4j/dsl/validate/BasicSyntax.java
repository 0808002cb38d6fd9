package io.asl4j.dsl.validate;

/**
 * The few syntax facts that need no parser: which root a path has and what delimits a JSONata
 * expression. Used until the expression parsers are available; it accepts everything it cannot
 * judge.
 */
final class BasicSyntax implements ExpressionSyntax {
  static final BasicSyntax INSTANCE = new BasicSyntax();

  private BasicSyntax() {}

  @Override
  public String pathError(String text) {
    return text.startsWith("$") ? null : "a path must start with '$'";
  }

  @Override
  public String referencePathError(String text) {
    return pathError(text);
  }

  @Override
  public boolean isInputRooted(String text) {
    return text.equals("$") || text.startsWith("$.") || text.startsWith("$[");
  }

  @Override
  public String intrinsicError(String text) {
    return text.startsWith("States.") && text.endsWith(")")
        ? null
        : "an intrinsic function call looks like States.Name(arguments)";
  }

  @Override
  public boolean isJsonata(String text) {
    return text.length() >= 4 && text.startsWith("{%") && text.endsWith("%}");
  }

  @Override
  public String jsonataBody(String text) {
    return text.substring(2, text.length() - 2).trim();
  }

  @Override
  public String jsonataError(String body) {
    return body.isEmpty() ? "the expression is empty" : null;
  }
}
