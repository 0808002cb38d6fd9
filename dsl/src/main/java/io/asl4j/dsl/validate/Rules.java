package io.asl4j.dsl.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.asl4j.dsl.internal.JsonLimits;
import io.asl4j.dsl.model.QueryLanguage;
import io.asl4j.dsl.model.State;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the validator's rule families share: the run's state, the problem list, and the helpers that
 * report numbers, ranges and misplaced fields. {@link GraphRules}, {@link FieldRules}, {@link
 * MapRules} and {@link ExpressionRules} extend it; {@link VariableRules} stands apart.
 */
abstract class Rules {
  /** What the rules of one validation share, and the four rule families themselves. */
  static final class Run {
    final ValidationOptions options;
    final ExpressionSyntax syntax;
    final List<Problem> problems = new ArrayList<>();

    /** Every state name of the machine, with the pointer of its first use. */
    final Map<String, String> namePointers = new HashMap<>();

    /** The literal {@code Error} of each Fail state, with the Fail state's pointer. */
    final Map<String, String> failErrors = new HashMap<>();

    /** The pointer of each graph's map of states, to find the states the reader left out of it. */
    final Map<Map<String, State>, String> scopePointers = new IdentityHashMap<>();

    /**
     * What the reader could not read (see {@link io.asl4j.dsl.json.AslReader.Reading#unread()}).
     */
    final Set<String> unread;

    /** The document the model was read from, for the states the reader left out; or null. */
    final JsonNode document;

    /** The machine's QueryLanguage, or null when validating a lone state. */
    final QueryLanguage machineLanguage;

    /** Whether a lone state is validated, as the TestState API takes it. */
    final boolean loneState;

    final GraphRules graphs;
    final FieldRules fields;
    final MapRules maps;
    final ExpressionRules expressions;

    Run(
        ValidationOptions options,
        ExpressionSyntax syntax,
        Set<String> unread,
        JsonNode document,
        QueryLanguage machineLanguage,
        boolean loneState) {
      this.options = options;
      this.syntax = syntax;
      this.unread = unread;
      this.document = document;
      this.machineLanguage = machineLanguage;
      this.loneState = loneState;
      this.graphs = new GraphRules(this);
      this.fields = new FieldRules(this);
      this.maps = new MapRules(this);
      this.expressions = new ExpressionRules(this);
    }
  }

  final Run run;
  final ValidationOptions options;
  final ExpressionSyntax syntax;
  final List<Problem> problems;
  final Map<String, String> namePointers;
  final Map<String, String> failErrors;
  final Map<Map<String, State>, String> scopePointers;
  final Set<String> unread;
  final JsonNode document;
  final QueryLanguage machineLanguage;
  final boolean loneState;

  Rules(Run run) {
    this.run = run;
    this.options = run.options;
    this.syntax = run.syntax;
    this.problems = run.problems;
    this.namePointers = run.namePointers;
    this.failErrors = run.failErrors;
    this.scopePointers = run.scopePointers;
    this.unread = run.unread;
    this.document = run.document;
    this.machineLanguage = run.machineLanguage;
    this.loneState = run.loneState;
  }

  static final int MAX_STATE_NAME_LENGTH = 80;

  static final int MAX_VARIABLE_NAME_LENGTH = 80;

  static final int MAX_LABEL_LENGTH = 40;

  /** The AWS service limit under which TimeoutSeconds, HeartbeatSeconds and Retry numbers stay. */
  static final BigDecimal LIMIT = BigDecimal.valueOf(99_999_999);

  static final Range POSITIVE_BELOW_LIMIT = Range.integer(BigDecimal.ONE, LIMIT);

  static final Range NON_NEGATIVE = Range.integer(BigDecimal.ZERO, null);

  static final Range POSITIVE = Range.integer(BigDecimal.ONE, null);

  static final Range PERCENTAGE = new Range(false, BigDecimal.ZERO, BigDecimal.valueOf(100), true);

  static final Range MAX_ITEMS =
      new Range(true, BigDecimal.ZERO, BigDecimal.valueOf(100_000_000), true);

  static final Range BATCH_BYTES =
      new Range(true, BigDecimal.ONE, BigDecimal.valueOf(262_144), true);

  /** Which fields of {@code $states} beyond input and context an expression may read. */
  enum StatesFields {
    BASIC,
    /** {@code $states.result}: Output and Assign of Task, Parallel and Map. */
    RESULT,
    /** {@code $states.errorOutput}: Output and Assign of a Catcher. */
    ERROR_OUTPUT
  }

  boolean isUnread(String pointer) {
    return unread.contains(pointer);
  }

  boolean unreadUnder(String prefix) {
    for (String pointer : unread) {
      if (pointer.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  void oneOfValues(String value, String at, String field, List<String> allowed) {
    if (value != null && !allowed.contains(value)) {
      error(
          "InvalidValue",
          at + "/" + field,
          "expected one of " + allowed + ", but found \"" + value + "\"");
    }
  }

  /** An allowed interval of numbers; {@code max == null} is unbounded. */
  record Range(boolean integer, BigDecimal min, BigDecimal max, boolean maxInclusive) {
    static Range integer(BigDecimal min, BigDecimal maxExclusive) {
      return new Range(true, min, maxExclusive, false);
    }

    boolean contains(BigDecimal value) {
      if (integer && value.stripTrailingZeros().scale() > 0) {
        return false;
      }
      if (value.compareTo(min) < 0) {
        return false;
      }
      return max == null || (maxInclusive ? value.compareTo(max) <= 0 : value.compareTo(max) < 0);
    }

    String describe() {
      String kind = integer ? "an integer" : "a number";
      String lower = " at least " + min.toPlainString();
      if (max == null) {
        return kind + lower;
      }
      return kind + lower + (maxInclusive ? " and at most " : " and below ") + max.toPlainString();
    }
  }

  /** A number field that JSONata states may also give as an expression. */
  void number(JsonNode value, String at, String field, boolean jsonata, Range range) {
    if (value.isTextual()) {
      String text = value.asText();
      if (jsonata && syntax.isJsonata(text)) {
        run.expressions.jsonataString(text, at, StatesFields.BASIC);
      } else if (jsonata) {
        error(
            "WrongType",
            at,
            "expected a number or a JSONata expression {% ... %}, but found " + describe(value));
      } else {
        error(
            "WrongType",
            at,
            "expected a number, but found "
                + describe(value)
                + (syntax.isJsonata(text)
                    ? "; JSONata expressions need \"QueryLanguage\": \"JSONata\""
                    : ""));
      }
      return;
    }
    BigDecimal number = decimal(value);
    if (number != null) {
      range(number, at, field, range);
    }
  }

  /**
   * The exact value of a number node; null for anything else, and for NaN and infinities, which a
   * model built in code can hold (they are reported wherever they are, see {@link Validator}).
   */
  static BigDecimal decimal(JsonNode value) {
    if (value == null || !value.isNumber() || JsonLimits.isNonFinite(value)) {
      return null;
    }
    return value.decimalValue();
  }

  /**
   * The number as written in full, unless that takes thousands of digits ({@code 1E+999999999}).
   */
  static String shown(BigDecimal value) {
    return Math.abs(value.scale()) <= 100 ? value.toPlainString() : value.toString();
  }

  void range(BigDecimal value, String at, String field, Range range) {
    if (!range.contains(value)) {
      error(
          "NumberRange",
          at,
          "'" + field + "' must be " + range.describe() + ", but is " + shown(value));
    }
  }

  void oneOf(Object first, Object second, String at, String firstName, String secondName) {
    if (first != null && second != null) {
      error(
          "OneOf",
          at + "/" + secondName,
          "'" + firstName + "' and '" + secondName + "' cannot both be set");
    }
  }

  void missingField(String at, String field) {
    if (isUnread(at + "/" + field)) {
      return; // the reader has said what is wrong with it
    }
    error("MissingField", at, "The field '" + field + "' is required but was missing");
  }

  void notInJsonata(String stateAt, String field) {
    error(
        "FieldNotAllowedInJsonata",
        stateAt + "/" + field,
        "'" + field + "' is a JSONPath field and cannot be used in a JSONata state");
  }

  void notInJsonPath(String stateAt, String field) {
    error(
        "FieldNotAllowedInJsonPath",
        stateAt + "/" + field,
        "'"
            + field
            + "' is a JSONata field and cannot be used in a JSONPath state; set \"QueryLanguage\":"
            + " \"JSONata\"");
  }

  void error(String tag, String at, String message) {
    problems.add(Problem.error(tag, at, message));
  }

  /** The state name a JSON pointer segment spells (RFC 6901). */
  static String unescape(String segment) {
    return segment.replace("~1", "/").replace("~0", "~");
  }

  static String describe(JsonNode node) {
    String type = node.getNodeType().name().toLowerCase(Locale.ROOT);
    String text = node.toString();
    return text.length() > 60 ? type : type + " " + text;
  }
}
