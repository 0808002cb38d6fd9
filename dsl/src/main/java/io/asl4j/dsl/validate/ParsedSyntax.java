package io.asl4j.dsl.validate;

import io.asl4j.dsl.expression.AslPath;
import io.asl4j.dsl.expression.ExpressionException;
import io.asl4j.dsl.expression.IntrinsicCall;
import io.asl4j.dsl.expression.JsonataExpressions;
import java.util.LinkedHashSet;
import java.util.Set;

/** The syntax checks, done by the parsers of {@code io.asl4j.dsl.expression}. */
final class ParsedSyntax implements ExpressionSyntax {
  static final ParsedSyntax INSTANCE = new ParsedSyntax();

  /** How {@link JsonataExpressions#referencedVariables} names {@code $states.x}. */
  private static final String STATES_PREFIX = "states.";

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
    return JsonataExpressions.isExpression(text);
  }

  @Override
  public String jsonataBody(String text) {
    return JsonataExpressions.body(text);
  }

  @Override
  public String jsonataError(String body) {
    return JsonataExpressions.syntaxError(body).orElse(null);
  }

  @Override
  public Set<String> statesFieldsRead(String body) {
    Set<String> fields = new LinkedHashSet<>();
    for (String variable : JsonataExpressions.referencedVariables(body)) {
      if (variable.startsWith(STATES_PREFIX)) {
        fields.add(variable.substring(STATES_PREFIX.length()));
      }
    }
    return fields;
  }
}
