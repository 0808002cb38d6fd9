package io.asl4j.dsl.validate;

import static io.asl4j.dsl.json.AslReader.escape;

import com.fasterxml.jackson.databind.JsonNode;
import io.asl4j.dsl.expression.ExpressionException;
import io.asl4j.dsl.expression.IntrinsicArgument;
import io.asl4j.dsl.expression.IntrinsicCall;
import io.asl4j.dsl.expression.IntrinsicFunction;
import io.asl4j.dsl.expression.JsonataExpressions;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Expression rules: payload templates, intrinsic functions, JSONata expressions, Assign and
 * variable names.
 */
final class ExpressionRules extends Rules {
  ExpressionRules(Run run) {
    super(run);
  }

  private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /** ErrorPath and CausePath: a reference path, or an intrinsic function call. */
  void pathOrIntrinsic(String text, String at, String field) {
    if (text == null) {
      return;
    }
    String problem =
        text.startsWith("$") ? syntax.referencePathError(text) : syntax.intrinsicError(text);
    if (problem == null && !text.startsWith("$")) {
      formatArguments(text, at);
    }
    if (problem != null) {
      error(
          "InvalidPath",
          at,
          "The value for the field '"
              + field
              + "' must be a valid reference path or a valid intrinsic function call: "
              + problem);
    }
  }

  /** A number field {@code X} with its {@code XPath} alternative. */
  void dynamicNumber(
      JsonNode value, String path, String at, String field, boolean jsonata, Range range) {
    if (value != null) {
      number(value, at + "/" + field, field, jsonata, range);
    }
    run.fields.numberPath(path, at, field + "Path", jsonata);
    oneOf(value, path, at, field, field + "Path");
  }

  /**
   * A JSONPath payload template: {@code key.$} values are paths or intrinsic calls, evaluated at
   * run time; everything else is literal. AWS locates a bad {@code key.$} at the object holding it.
   */
  void template(JsonNode node, String at) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = it.next();
        String key = entry.getKey();
        if (key.endsWith(".$")) {
          String plain = key.substring(0, key.length() - 2);
          if (node.has(plain)) {
            error(
                "DuplicateTemplateField",
                at,
                "field '" + plain + "' is given twice, as '" + plain + "' and as '" + key + "'");
          }
          dynamicValue(key, entry.getValue(), at);
        } else {
          if (entry.getValue().isTextual() && looksDynamic(entry.getValue().asText())) {
            problems.add(
                Problem.warning(
                    "NoDollar",
                    at + "/" + escape(key),
                    "'"
                        + entry.getValue().asText()
                        + "' looks like a path or an intrinsic function, but is passed as text"
                        + " because the field name does not end with '.$'; name it '"
                        + key
                        + ".$' to evaluate it"));
          }
          template(entry.getValue(), at + "/" + escape(key));
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        template(node.get(i), at + "/" + i);
      }
    }
  }

  private void dynamicValue(String key, JsonNode value, String at) {
    String problem;
    if (!value.isTextual()) {
      problem = "found " + describe(value);
    } else {
      String text = value.asText();
      problem = text.startsWith("$") ? syntax.pathError(text) : syntax.intrinsicError(text);
      if (problem == null && !text.startsWith("$")) {
        formatArguments(text, at);
      }
    }
    if (problem != null) {
      error(
          "InvalidTemplateValue",
          at,
          "The value for the field '"
              + key
              + "' must be a valid JSONPath or a valid intrinsic function call: "
              + problem);
    }
  }

  /**
   * A value that a person most likely meant to be evaluated: a path ({@code $.x}, {@code $$.x},
   * {@code $} alone) or an intrinsic function call.
   */
  static boolean looksDynamic(String text) {
    return text.equals("$")
        || text.equals("$$")
        || text.startsWith("$.")
        || text.startsWith("$[")
        || text.startsWith("$$.")
        || (IntrinsicCall.looksLikeIntrinsic(text) && text.endsWith(")") && text.indexOf('(') > 0);
  }

  void noPath(String at, String field, String value) {
    problems.add(
        Problem.warning(
            "NoPath",
            at,
            "'"
                + value
                + "' looks like a path, but '"
                + field
                + "' takes it as text; use '"
                + field
                + "Path' to read the value it selects"));
  }

  /**
   * A Pass state's Result is returned as written: fields ending in {@code .$} and paths in it are
   * not evaluated (that is what Parameters is for).
   */
  void passResult(JsonNode result, String at) {
    if (result.isTextual() && looksDynamic(result.asText())) {
      problems.add(
          Problem.warning(
              "PassResultIsStatic",
              at,
              "a Pass state's Result is returned as written, so '"
                  + result.asText()
                  + "' is not evaluated; use Parameters to select from the input"));
    } else if (result.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = result.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = it.next();
        if (entry.getKey().endsWith(".$")) {
          problems.add(
              Problem.warning(
                  "PassResultIsStatic",
                  at + "/" + escape(entry.getKey()),
                  "a Pass state's Result is returned as written, so '"
                      + entry.getKey()
                      + "' is not evaluated; use Parameters to select from the input"));
        } else {
          passResult(entry.getValue(), at + "/" + escape(entry.getKey()));
        }
      }
    } else if (result.isArray()) {
      for (int i = 0; i < result.size(); i++) {
        passResult(result.get(i), at + "/" + i);
      }
    }
  }

  /**
   * States.Format with a literal template: its {@code {}} placeholders and its values are both
   * known before the run, and a run fails with States.IntrinsicFailure when they differ.
   */
  private void formatArguments(String text, String at) {
    IntrinsicCall call;
    try {
      call = IntrinsicCall.parse(text);
    } catch (ExpressionException e) {
      return;
    }
    formatArguments(call, at);
  }

  private void formatArguments(IntrinsicCall call, String at) {
    for (IntrinsicArgument argument : call.arguments()) {
      if (argument instanceof IntrinsicArgument.CallArgument nested) {
        formatArguments(nested.call(), at);
      }
    }
    if (call.function() != IntrinsicFunction.FORMAT
        || !(call.arguments().get(0) instanceof IntrinsicArgument.StringLiteral template)) {
      return;
    }
    int placeholders = placeholders(template.source());
    int values = call.arguments().size() - 1;
    if (placeholders > values) {
      error(
          "IntrinsicArguments",
          at,
          call.name()
              + "'s template has "
              + placeholders
              + " placeholder(s) but "
              + values
              + " value(s) are given; the run would fail with States.IntrinsicFailure: "
              + call.text());
    }
  }

  /** The {@code {}} of a literal template as written; {@code \{\}} is text, not a placeholder. */
  private static int placeholders(String source) {
    int count = 0;
    for (int i = 0; i < source.length(); i++) {
      char c = source.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '{' && i + 1 < source.length() && source.charAt(i + 1) == '}') {
        count++;
        i++;
      }
    }
    return count;
  }

  void assign(JsonNode assign, String at, boolean jsonata, StatesFields fields) {
    if (!assign.isObject()) {
      error(
          "WrongType",
          at,
          "expected an object of variables by name, but found " + describe(assign));
      return;
    }
    for (Iterator<String> names = assign.fieldNames(); names.hasNext(); ) {
      String key = names.next();
      String name = !jsonata && key.endsWith(".$") ? key.substring(0, key.length() - 2) : key;
      variableName(name, at + "/" + escape(key));
    }
    if (jsonata) {
      jsonataValue(assign, at, fields);
    } else {
      template(assign, at);
    }
  }

  private void variableName(String name, String at) {
    if (name.equals("states")) {
      error("InvalidVariableName", at, "'states' is reserved and cannot be assigned");
    } else if (!VARIABLE_NAME.matcher(name).matches()) {
      error(
          "InvalidVariableName",
          at,
          "variable name '"
              + name
              + "' must start with a letter or '_' and contain only letters, digits and '_'");
    } else if (name.length() > MAX_VARIABLE_NAME_LENGTH) {
      error(
          "InvalidVariableName",
          at,
          "a variable name must have at most 80 characters, but this one has " + name.length());
    }
  }

  /** Walks a JSONata-state value: strings in {@code {% %}} are expressions, all else is literal. */
  void jsonataValue(JsonNode node, String at, StatesFields fields) {
    if (node.isTextual()) {
      jsonataString(node.asText(), at, fields);
    } else if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = it.next();
        jsonataValue(entry.getValue(), at + "/" + escape(entry.getKey()), fields);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        jsonataValue(node.get(i), at + "/" + i, fields);
      }
    }
  }

  void jsonataString(String text, String at, StatesFields fields) {
    if (!syntax.isJsonata(text)) {
      return;
    }
    String body = syntax.jsonataBody(text);
    if (body.length() > JsonataExpressions.MAX_PARSED_LENGTH) {
      // AWS may well accept it: say that it is unchecked rather than call it wrong.
      problems.add(
          Problem.warning(
              "JsonataNotChecked",
              at,
              "the JSONata expression has "
                  + body.length()
                  + " characters; its syntax is checked for expressions of up to "
                  + JsonataExpressions.MAX_PARSED_LENGTH));
    } else {
      String problem = syntax.jsonataError(body);
      if (problem != null) {
        error("JsonataSyntax", at, "not a valid JSONata expression: " + problem);
        return;
      }
    }
    Set<String> read = syntax.statesFieldsRead(body);
    if (read.contains("result") && fields != StatesFields.RESULT) {
      error(
          "StatesVariableNotAvailable",
          at,
          "$states.result is only available in 'Output' and 'Assign' of a Task, Parallel or Map state");
    }
    if (read.contains("errorOutput") && fields != StatesFields.ERROR_OUTPUT) {
      error(
          "StatesVariableNotAvailable",
          at,
          "$states.errorOutput is only available in 'Output' and 'Assign' of a Catcher");
    }
  }
}
