package io.asl4j.dsl.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.asl4j.dsl.model.Catcher;
import io.asl4j.dsl.model.ChoiceRule;
import io.asl4j.dsl.model.ChoiceState;
import io.asl4j.dsl.model.ComparisonOperator;
import io.asl4j.dsl.model.Condition;
import io.asl4j.dsl.model.ErrorHandling;
import io.asl4j.dsl.model.FailState;
import io.asl4j.dsl.model.Io;
import io.asl4j.dsl.model.NullablePath;
import io.asl4j.dsl.model.PredefinedError;
import io.asl4j.dsl.model.Retrier;
import io.asl4j.dsl.model.State;
import io.asl4j.dsl.model.TaskState;
import io.asl4j.dsl.model.WaitState;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Field rules of one state: I/O fields, Task, Choice, Wait, Fail, Retry and Catch, and paths. */
final class FieldRules extends Rules {
  FieldRules(Run run) {
    super(run);
  }

  void io(State state, String at, boolean jsonata) {
    Io io = state.io();
    boolean hasResult = state instanceof ErrorHandling;
    if (jsonata) {
      if (io.inputPath() != null) {
        notInJsonata(at, "InputPath");
      }
      if (io.parameters() != null) {
        notInJsonata(at, "Parameters");
      }
      if (io.resultSelector() != null) {
        notInJsonata(at, "ResultSelector");
      }
      if (io.resultPath() != null) {
        notInJsonata(at, "ResultPath");
      }
      if (io.outputPath() != null) {
        notInJsonata(at, "OutputPath");
      }
      if (io.arguments() != null) {
        run.expressions.jsonataValue(io.arguments(), at + "/Arguments", StatesFields.BASIC);
      }
      if (io.output() != null) {
        run.expressions.jsonataValue(
            io.output(), at + "/Output", hasResult ? StatesFields.RESULT : StatesFields.BASIC);
      }
    } else {
      if (io.arguments() != null) {
        notInJsonPath(at, "Arguments");
      }
      if (io.output() != null) {
        notInJsonPath(at, "Output");
      }
      path(io.inputPath(), at + "/InputPath", "InputPath");
      path(io.outputPath(), at + "/OutputPath", "OutputPath");
      resultPath(io.resultPath(), at + "/ResultPath");
      if (io.parameters() != null) {
        run.expressions.template(io.parameters(), at + "/Parameters");
      }
      if (io.resultSelector() != null) {
        run.expressions.template(io.resultSelector(), at + "/ResultSelector");
      }
    }
    if (io.assign() != null) {
      run.expressions.assign(
          io.assign(),
          at + "/Assign",
          jsonata,
          hasResult ? StatesFields.RESULT : StatesFields.BASIC);
    }
  }

  void task(TaskState task, String at, boolean jsonata, boolean express) {
    if (task.resource() == null) {
      missingField(at, "Resource");
    } else {
      resource(task.resource(), at + "/Resource", express);
    }
    if (task.timeoutSeconds() != null) {
      number(
          task.timeoutSeconds(),
          at + "/TimeoutSeconds",
          "TimeoutSeconds",
          jsonata,
          POSITIVE_BELOW_LIMIT);
    }
    numberPath(task.timeoutSecondsPath(), at, "TimeoutSecondsPath", jsonata);
    oneOf(
        task.timeoutSeconds(),
        task.timeoutSecondsPath(),
        at,
        "TimeoutSeconds",
        "TimeoutSecondsPath");
    if (task.heartbeatSeconds() != null) {
      number(
          task.heartbeatSeconds(),
          at + "/HeartbeatSeconds",
          "HeartbeatSeconds",
          jsonata,
          POSITIVE_BELOW_LIMIT);
    }
    numberPath(task.heartbeatSecondsPath(), at, "HeartbeatSecondsPath", jsonata);
    oneOf(
        task.heartbeatSeconds(),
        task.heartbeatSecondsPath(),
        at,
        "HeartbeatSeconds",
        "HeartbeatSecondsPath");
    BigDecimal timeout = decimal(task.timeoutSeconds());
    BigDecimal heartbeat = decimal(task.heartbeatSeconds());
    if (timeout != null
        && heartbeat != null
        && POSITIVE_BELOW_LIMIT.contains(timeout)
        && POSITIVE_BELOW_LIMIT.contains(heartbeat)
        && heartbeat.compareTo(timeout) >= 0) {
      error(
          "HeartbeatNotBelowTimeout",
          at + "/HeartbeatSeconds",
          "'HeartbeatSeconds' ("
              + task.heartbeatSeconds()
              + ") must be below 'TimeoutSeconds' ("
              + task.timeoutSeconds()
              + ")");
    }
    if (task.credentials() != null) {
      credentials(task.credentials(), at + "/Credentials", jsonata);
    }
    if (task.resource() != null
        && Resources.task(task.resource()).pattern()
            == io.asl4j.dsl.model.ResourceArn.IntegrationPattern.WAIT_FOR_TASK_TOKEN) {
      JsonNode payload = jsonata ? task.io().arguments() : task.io().parameters();
      if (payload == null || !passesTaskToken(payload, jsonata)) {
        problems.add(
            Problem.warning(
                "TaskTokenNotPassed",
                payload == null ? at : at + (jsonata ? "/Arguments" : "/Parameters"),
                "a .waitForTaskToken task waits until someone calls SendTaskSuccess or"
                    + " SendTaskFailure with its token, but "
                    + (jsonata
                        ? "its Arguments never pass $states.context.Task.Token"
                        : "its Parameters never pass $$.Task.Token")
                    + "; the execution would wait until it times out"));
      }
    }
  }

  /** Whether a payload hands the task token on, in a path, an intrinsic call or an expression. */
  private static boolean passesTaskToken(JsonNode payload, boolean jsonata) {
    if (payload.isTextual()) {
      String text = payload.asText();
      return jsonata ? text.contains("$states.context.Task.Token") : false;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = payload.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      JsonNode value = entry.getValue();
      if (!jsonata
          && entry.getKey().endsWith(".$")
          && value.isTextual()
          && value.asText().contains("$$.Task.Token")) {
        return true;
      }
      if (passesTaskToken(value, jsonata)) {
        return true;
      }
    }
    for (JsonNode element : payload.isArray() ? payload : List.<JsonNode>of()) {
      if (passesTaskToken(element, jsonata)) {
        return true;
      }
    }
    return false;
  }

  private void resource(String resource, String at, boolean express) {
    // A lone state is what the TestState API takes; it accepts any region and account words.
    Resources.Resource kind = Resources.task(resource, loneState);
    if (kind.kind() == Resources.Kind.UNKNOWN) {
      unknownResource(resource, at);
    }
    if (!express) {
      return;
    }
    if (kind.kind() == Resources.Kind.ACTIVITY) {
      error("ExpressUnsupported", at, "Express state machine does not support Activity ARN");
    } else if (kind.pattern() == io.asl4j.dsl.model.ResourceArn.IntegrationPattern.SYNC
        || kind.pattern() == io.asl4j.dsl.model.ResourceArn.IntegrationPattern.SYNC2) {
      error(
          "ExpressUnsupported",
          at,
          "Express state machine does not support '.sync' service integration");
    } else if (kind.pattern()
        == io.asl4j.dsl.model.ResourceArn.IntegrationPattern.WAIT_FOR_TASK_TOKEN) {
      error(
          "ExpressUnsupported",
          at,
          "Express state machine does not support '.waitForTaskToken' service integration");
    }
  }

  void unknownResource(String resource, String at) {
    String hint = Resources.hint(resource);
    error(
        "UnknownResource",
        at,
        "The resource provided "
            + resource
            + " is not recognized. The value is not a valid resource ARN, or the resource is not"
            + " available in this region."
            + (hint == null ? "" : " Here " + hint + "."));
  }

  private void credentials(JsonNode credentials, String at, boolean jsonata) {
    boolean hasRole = credentials.has("RoleArn") || (!jsonata && credentials.has("RoleArn.$"));
    if (!hasRole) {
      missingField(at, "RoleArn");
    }
    if (jsonata) {
      run.expressions.jsonataValue(credentials, at, StatesFields.BASIC);
    } else {
      run.expressions.template(credentials, at);
    }
  }

  void choice(ChoiceState choice, String at, boolean jsonata, Map<String, State> scope) {
    List<ChoiceRule> rules = choice.choices();
    if ((rules == null || rules.isEmpty()) && !unreadUnder(at + "/Choices")) {
      error(
          "EmptyChoices",
          rules == null ? at : at + "/Choices",
          "a Choice state needs at least one rule in 'Choices'");
    } else {
      for (int i = 0; i < rules.size(); i++) {
        rule(rules.get(i), at + "/Choices/" + i, jsonata, scope);
      }
    }
    if (choice.defaultState() != null) {
      run.graphs.target(choice.defaultState(), scope, at + "/Default", "Default");
    }
  }

  private void rule(ChoiceRule rule, String at, boolean jsonata, Map<String, State> scope) {
    if (rule.next() == null) {
      missingField(at, "Next");
    } else {
      run.graphs.target(rule.next(), scope, at + "/Next", "Next");
    }
    if (rule.condition() != null) {
      condition(rule.condition(), at, jsonata);
    }
    if (rule.output() != null) {
      if (jsonata) {
        run.expressions.jsonataValue(rule.output(), at + "/Output", StatesFields.BASIC);
      } else {
        notInJsonPath(at, "Output");
      }
    }
    if (rule.assign() != null) {
      run.expressions.assign(rule.assign(), at + "/Assign", jsonata, StatesFields.BASIC);
    }
  }

  private void condition(Condition condition, String at, boolean jsonata) {
    if (condition instanceof Condition.Jsonata expression) {
      if (!jsonata) {
        notInJsonPath(at, "Condition");
        return;
      }
      JsonNode value = expression.condition();
      if (value != null && value.isTextual()) {
        if (syntax.isJsonata(value.asText())) {
          run.expressions.jsonataString(value.asText(), at + "/Condition", StatesFields.BASIC);
        } else {
          error(
              "WrongType",
              at + "/Condition",
              "expected a JSONata expression {% ... %} or a boolean, but found " + describe(value));
        }
      }
      return;
    }
    if (jsonata) {
      String field =
          condition instanceof Condition.Comparison comparison
              ? (comparison.variable() != null ? "Variable" : comparison.operator().aslName())
              : condition instanceof Condition.And
                  ? "And"
                  : condition instanceof Condition.Or ? "Or" : "Not";
      error(
          "FieldNotAllowedInJsonata",
          at + "/" + field,
          "'"
              + field
              + "' is a JSONPath field and cannot be used in a JSONata state; use 'Condition'");
      return;
    }
    if (condition instanceof Condition.Comparison comparison) {
      if (comparison.variable() == null) {
        missingField(at, "Variable");
      } else {
        path(NullablePath.of(comparison.variable()), at + "/Variable", "Variable");
      }
      operand(comparison, at);
    } else if (condition instanceof Condition.And and) {
      conditions(and.conditions(), at, "And");
    } else if (condition instanceof Condition.Or or) {
      conditions(or.conditions(), at, "Or");
    } else if (condition instanceof Condition.Not not) {
      if (not.condition() != null) {
        condition(not.condition(), at + "/Not", false);
      }
    }
  }

  private void conditions(List<Condition> conditions, String at, String operator) {
    if (conditions.isEmpty()) {
      error("EmptyCondition", at + "/" + operator, "'" + operator + "' needs at least one rule");
    }
    for (int i = 0; i < conditions.size(); i++) {
      condition(conditions.get(i), at + "/" + operator + "/" + i, false);
    }
  }

  private void operand(Condition.Comparison comparison, String at) {
    ComparisonOperator operator = comparison.operator();
    JsonNode value = comparison.operand();
    String name = operator.aslName();
    String operandAt = at + "/" + name;
    if (value == null) {
      return;
    }
    if (operator.isPath()) {
      if (!value.isTextual()) {
        operandType(operandAt, name, "a reference path string", value);
      } else {
        referencePath(value.asText(), operandAt, name);
      }
      return;
    }
    switch (operator.kind()) {
      case STRING:
      case STRING_PATTERN:
        if (!value.isTextual()) {
          operandType(operandAt, name, "a string", value);
        } else if (operator.kind() == ComparisonOperator.Kind.STRING
            && run.expressions.looksDynamic(value.asText())) {
          run.expressions.noPath(operandAt, name, value.asText());
        }
        break;
      case NUMERIC:
        if (!value.isNumber()) {
          operandType(operandAt, name, "a number", value);
        }
        break;
      case BOOLEAN:
      case TYPE_TEST:
        if (!value.isBoolean()) {
          operandType(operandAt, name, "a boolean", value);
        }
        break;
      case TIMESTAMP:
        if (!value.isTextual()) {
          operandType(operandAt, name, "an RFC3339 timestamp string", value);
        } else if (!Timestamps.isRfc3339(value.asText())) {
          error("OperandType", operandAt, Timestamps.NOT_RFC3339);
        }
        break;
      default:
        throw new AssertionError(operator.kind());
    }
  }

  private void operandType(String at, String operator, String expected, JsonNode found) {
    error(
        "OperandType",
        at,
        "'" + operator + "' expects " + expected + ", but found " + describe(found));
  }

  void waitState(WaitState wait, String at, boolean jsonata) {
    List<String> present = new ArrayList<>();
    if (wait.seconds() != null) {
      present.add("'Seconds'");
    }
    if (wait.secondsPath() != null) {
      present.add("'SecondsPath'");
    }
    if (wait.timestamp() != null) {
      present.add("'Timestamp'");
    }
    if (wait.timestampPath() != null) {
      present.add("'TimestampPath'");
    }
    boolean unreadTime =
        isUnread(at + "/Seconds")
            || isUnread(at + "/SecondsPath")
            || isUnread(at + "/Timestamp")
            || isUnread(at + "/TimestampPath");
    if (present.size() != 1 && !(present.isEmpty() && unreadTime)) {
      error(
          "WaitTime",
          at,
          "a Wait state needs exactly one of 'Seconds', 'SecondsPath', 'Timestamp' and 'TimestampPath'"
              + (present.isEmpty() ? "" : ", but has " + String.join(" and ", present)));
    }
    if (wait.seconds() != null) {
      number(wait.seconds(), at + "/Seconds", "Seconds", jsonata, NON_NEGATIVE);
    }
    numberPath(wait.secondsPath(), at, "SecondsPath", jsonata);
    JsonNode timestamp = wait.timestamp();
    if (timestamp != null && timestamp.isTextual()) {
      // In a JSONPath state "{% ... %}" is no expression, just a string that is no timestamp.
      if (jsonata && syntax.isJsonata(timestamp.asText())) {
        run.expressions.jsonataString(timestamp.asText(), at + "/Timestamp", StatesFields.BASIC);
      } else if (!Timestamps.isRfc3339(timestamp.asText())) {
        error("InvalidTimestamp", at + "/Timestamp", Timestamps.NOT_RFC3339);
      }
    }
    numberPath(wait.timestampPath(), at, "TimestampPath", jsonata);
  }

  void fail(FailState fail, String at, boolean jsonata) {
    oneOf(fail.error(), fail.errorPath(), at, "Error", "ErrorPath");
    oneOf(fail.cause(), fail.causePath(), at, "Cause", "CausePath");
    if (jsonata) {
      if (fail.errorPath() != null) {
        notInJsonata(at, "ErrorPath");
      }
      if (fail.causePath() != null) {
        notInJsonata(at, "CausePath");
      }
      if (fail.error() != null) {
        run.expressions.jsonataString(fail.error(), at + "/Error", StatesFields.BASIC);
      }
      if (fail.cause() != null) {
        run.expressions.jsonataString(fail.cause(), at + "/Cause", StatesFields.BASIC);
      }
    } else {
      run.expressions.pathOrIntrinsic(fail.errorPath(), at + "/ErrorPath", "ErrorPath");
      run.expressions.pathOrIntrinsic(fail.causePath(), at + "/CausePath", "CausePath");
      if (fail.error() != null && run.expressions.looksDynamic(fail.error())) {
        run.expressions.noPath(at + "/Error", "Error", fail.error());
      }
      if (fail.cause() != null && run.expressions.looksDynamic(fail.cause())) {
        run.expressions.noPath(at + "/Cause", "Cause", fail.cause());
      }
    }
  }

  void retry(ErrorHandling state, String at) {
    List<Retrier> retriers = state.retriersOrEmpty();
    for (int i = 0; i < retriers.size(); i++) {
      Retrier retrier = retriers.get(i);
      String retrierAt = at + "/Retry/" + i;
      errorEquals(retrier.errorEquals(), retrierAt, i < retriers.size() - 1, "retrier");
      if (retrier.intervalSeconds() != null) {
        range(
            BigDecimal.valueOf(retrier.intervalSeconds()),
            retrierAt + "/IntervalSeconds",
            "IntervalSeconds",
            POSITIVE_BELOW_LIMIT);
      }
      if (retrier.maxAttempts() != null) {
        range(
            BigDecimal.valueOf(retrier.maxAttempts()),
            retrierAt + "/MaxAttempts",
            "MaxAttempts",
            Range.integer(BigDecimal.ZERO, LIMIT));
      }
      // NaN and infinities are reported wherever they are, with all numbers JSON cannot hold.
      if (retrier.backoffRate() != null && Double.isFinite(retrier.backoffRate())) {
        range(
            BigDecimal.valueOf(retrier.backoffRate()),
            retrierAt + "/BackoffRate",
            "BackoffRate",
            new Range(false, BigDecimal.ONE, LIMIT, false));
      }
      if (retrier.maxDelaySeconds() != null) {
        range(
            BigDecimal.valueOf(retrier.maxDelaySeconds()),
            retrierAt + "/MaxDelaySeconds",
            "MaxDelaySeconds",
            POSITIVE_BELOW_LIMIT);
      }
    }
  }

  void catchers(ErrorHandling state, String at, boolean jsonata, Map<String, State> scope) {
    List<Catcher> catchers = state.catchersOrEmpty();
    for (int i = 0; i < catchers.size(); i++) {
      Catcher catcher = catchers.get(i);
      String catcherAt = at + "/Catch/" + i;
      errorEquals(catcher.errorEquals(), catcherAt, i < catchers.size() - 1, "catcher");
      if (catcher.next() == null) {
        missingField(catcherAt, "Next");
      } else {
        run.graphs.target(catcher.next(), scope, catcherAt + "/Next", "Next");
      }
      if (jsonata) {
        if (catcher.resultPath() != null) {
          notInJsonata(catcherAt, "ResultPath");
        }
        if (catcher.output() != null) {
          run.expressions.jsonataValue(
              catcher.output(), catcherAt + "/Output", StatesFields.ERROR_OUTPUT);
        }
      } else {
        resultPath(catcher.resultPath(), catcherAt + "/ResultPath");
        if (catcher.output() != null) {
          notInJsonPath(catcherAt, "Output");
        }
      }
      if (catcher.assign() != null) {
        run.expressions.assign(
            catcher.assign(), catcherAt + "/Assign", jsonata, StatesFields.ERROR_OUTPUT);
      }
    }
  }

  private void errorEquals(List<String> names, String at, boolean notLast, String what) {
    String listAt = at + "/ErrorEquals";
    if (names.isEmpty()) {
      error("EmptyErrorEquals", listAt, "'ErrorEquals' needs at least one error name");
      return;
    }
    if (names.contains("States.ALL")) {
      if (names.size() > 1) {
        error("AllNotAlone", listAt, "'States.ALL' must appear alone in 'ErrorEquals'");
      }
      if (notLast) {
        error("AllNotLast", listAt, "a " + what + " with 'States.ALL' must be the last " + what);
      }
    }
    for (int j = 0; j < names.size(); j++) {
      String name = names.get(j);
      if (name.startsWith("States.") && !PredefinedError.isPredefined(name)) {
        String raisedAt = failErrors.get(name);
        if (raisedAt != null) {
          // AWS accepts the Fail state that raises it (no rule of CreateStateMachine rejects an
          // Error name), so the catcher that matches it must be accepted too.
          problems.add(
              Problem.warning(
                  "ReservedErrorName",
                  listAt + "/" + j,
                  "'"
                      + name
                      + "' is not a predefined error but the Fail state at "
                      + raisedAt
                      + " raises it; error names starting with 'States.' are reserved for AWS"));
          continue;
        }
        error(
            "ReservedErrorName",
            listAt + "/" + j,
            "'"
                + name
                + "' is not a predefined error; error names starting with 'States.' are reserved");
      }
    }
  }

  private void path(NullablePath path, String at, String field) {
    if (path == null || path.isDiscard()) {
      return;
    }
    String problem = syntax.pathError(path.path());
    if (problem != null) {
      error(
          "InvalidPath",
          at,
          "The value for the field '" + field + "' must be a valid JSONPath: " + problem);
    }
  }

  /** Checks a Reference Path; returns whether it is one. */
  boolean referencePath(String text, String at, String field) {
    String problem = syntax.referencePathError(text);
    if (problem != null) {
      error(
          "InvalidPath",
          at,
          "The value for the field '" + field + "' must be a valid reference path: " + problem);
      return false;
    }
    return true;
  }

  private void resultPath(NullablePath path, String at) {
    if (path == null || path.isDiscard()) {
      return;
    }
    if (referencePath(path.path(), at, "ResultPath") && !syntax.isInputRooted(path.path())) {
      error(
          "InvalidPath",
          at,
          "The value for the field 'ResultPath' must be a valid reference path: it places the result"
              + " in the state input, so it must start with '$', not '$$' or a variable");
    }
  }

  /** A {@code *Path} field giving a number (or timestamp) at run time: JSONPath only. */
  void numberPath(String path, String stateAt, String field, boolean jsonata) {
    if (path == null) {
      return;
    }
    if (jsonata) {
      notInJsonata(stateAt, field);
    } else {
      referencePath(path, stateAt + "/" + field, field);
    }
  }
}
