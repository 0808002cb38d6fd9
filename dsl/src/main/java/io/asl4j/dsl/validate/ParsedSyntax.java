package io.asl4j.dsl.validate;

import io.asl4j.dsl.expression.AslPath;
import io.asl4j.dsl.expression.ExpressionException;
import io.asl4j.dsl.expression.IntrinsicCall;

/** The syntax checks done by the expression parsers of {@code io.asl4j.dsl.expression}. */
final class ParsedSyntax implements ExpressionSyntax {
  static final ParsedSyntax INSTANCE = new ParsedSyntax();

  private ParsedSyntax() {}

  @Override
  public String pathError(String text) {
    try {
      AslPath.parse(text);
      return null;
    } catch (ExpressionException e) {
      return e.getMessage();
    }
  }

  @Override
  public String referencePathError(String text) {
    try {
      return AslPath.parse(text).isReferencePath()
          ? null
          : "'"
              + text
              + "' can select several nodes; only .name, ['name'] and [n] steps are allowed";
    } catch (ExpressionException e) {
      return e.getMessage();
    }
  }

  @Override
  public boolean isInputRooted(String text) {
    try {
      return AslPath.parse(text).root() == AslPath.Root.INPUT;
    } catch (ExpressionException e) {
      return false;
    }
  }

  @Override
  public String intrinsicError(String text) {
    try {
      IntrinsicCall.parse(text);
      return null;
    } catch (ExpressionException e) {
      return e.getMessage();
    }
  }

  @Override
  public boolean isJsonata(String text) {
    return BasicSyntax.INSTANCE.isJsonata(text);
  }

  @Override
  public String jsonataBody(String text) {
    return BasicSyntax.INSTANCE.jsonataBody(text);
  }

  @Override
  public String jsonataError(String body) {
    return BasicSyntax.INSTANCE.jsonataError(body);
  }
}
