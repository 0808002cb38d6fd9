package io.asl4j.dsl.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.asl4j.dsl.internal.JsonLimits;
import io.asl4j.dsl.json.AslReadException;
import io.asl4j.dsl.json.AslReader;
import io.asl4j.dsl.json.AslWriter;
import io.asl4j.dsl.model.State;
import io.asl4j.dsl.model.StateMachine;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Checks what AWS checks when a state machine is created, and a little more: every problem is
 * collected, each with a JSON pointer and a stable tag, in document order.
 *
 * <pre>{@code
 * ValidationResult result = Validator.validate(machine);
 * for (Problem problem : result.problems()) {
 *   System.out.println(problem);  // /States/Notify/Next: error [UnknownState] 'Next' names 'Notfy', ...
 * }
 * result.throwIfInvalid();
 * }</pre>
 *
 * <p>Shape problems (wrong JSON types, unknown fields, missing {@code Type}) are the {@link
 * AslReader}'s; {@link #validateJson} reports both. This is the only validator in asl4j: the
 * builder, the annotation processor, the runtime and the command line all use it.
 *
 * @see <a href="https://states-language.net/spec.html">Amazon States Language</a>
 */
public final class Validator {
  /** AWS's limit on the size of a definition, in characters. */
  public static final int MAX_DEFINITION_CHARS = 1_048_576;

  private Validator() {}

  /** Validates a Standard state machine. */
  public static ValidationResult validate(StateMachine machine) {
    return validate(machine, ValidationOptions.defaults());
  }

  /** Validates a state machine of the type given in {@code options}. */
  public static ValidationResult validate(StateMachine machine, ValidationOptions options) {
    Objects.requireNonNull(machine, "machine == null");
    Objects.requireNonNull(options, "options == null");
    JsonNode json = AslWriter.toJson(machine);
    ValidationResult tooDeep = tooDeep(json);
    if (tooDeep != null) {
      return tooDeep;
    }
    // Only a definition that may be over the limit is written out to be measured.
    long bound = JsonLimits.textLengthBound(json);
    int size = bound <= MAX_DEFINITION_CHARS ? (int) bound : json.toString().length();
    return validate(machine, options, size, json);
  }

  /**
   * Validates one state as the TestState API takes it. It belongs to no graph, so its own {@code
   * Next} and {@code Catch} targets are not checked; Parallel branches and Map processors inside it
   * are checked in full. Pointers are relative to the state ({@code /Resource}).
   */
  public static ValidationResult validateState(State state) {
    return validateState(state, ValidationOptions.defaults());
  }

  /** Validates one state, as {@link #validateState(State)}, for a machine of the given type. */
  public static ValidationResult validateState(State state, ValidationOptions options) {
    Objects.requireNonNull(state, "state == null");
    Objects.requireNonNull(options, "options == null");
    JsonNode json = AslWriter.toJson(state);
    ValidationResult tooDeep = tooDeep(json);
    if (tooDeep != null) {
      return tooDeep;
    }
    List<Problem> problems = nonFinite(json);
    problems.addAll(new ValidationRun(options, syntax()).state(state));
    return ValidationResult.of(DocumentOrder.sort(problems, json));
  }

  /** Reads and validates a Standard state machine definition. */
  public static ValidationResult validateJson(String json) {
    return validateJson(json, ValidationOptions.defaults());
  }

  /**
   * Reads and validates a definition: the reader's problems when the text is not a well-shaped
   * definition (not JSON, wrong types, unknown fields), else the validator's.
   */
  public static ValidationResult validateJson(String json, ValidationOptions options) {
    Objects.requireNonNull(json, "json == null");
    Objects.requireNonNull(options, "options == null");
    JsonNode tree;
    try {
      tree = AslReader.parse(json);
    } catch (AslReadException e) {
      return ValidationResult.of(e.problems());
    }
    // The text as given is what AWS would receive, so its length is what counts.
    return validateTree(tree, options, json.length());
  }

  /**
   * Reads and validates a parsed definition (JSON, or YAML turned into the same tree): the reader's
   * problems and the validator's, all at once. What the reader could not read is left out of the
   * validation, so that no problem is reported twice or as a consequence of another.
   *
   * @param size the length of the definition's JSON text, for AWS's size limit
   */
  public static ValidationResult validateTree(JsonNode tree, ValidationOptions options, int size) {
    Objects.requireNonNull(tree, "tree == null");
    Objects.requireNonNull(options, "options == null");
    AslReader.Reading reading = AslReader.readAll(tree);
    if (reading.machine() == null) {
      return ValidationResult.of(reading.problems());
    }
    List<Problem> problems = new ArrayList<>(reading.problems());
    for (Problem problem :
        validate(reading.machine(), options, size, tree, reading.unread()).problems()) {
      if (!underUnread(problem.pointer(), reading.unread())) {
        problems.add(problem);
      }
    }
    return ValidationResult.of(DocumentOrder.sort(problems, tree));
  }

  /** The length of the JSON text of a tree, as AWS would count it. */
  public static int jsonLength(JsonNode tree) {
    long bound = JsonLimits.textLengthBound(tree);
    return bound <= MAX_DEFINITION_CHARS ? (int) bound : tree.toString().length();
  }

  private static boolean underUnread(String pointer, java.util.Set<String> unread) {
    for (String gap : unread) {
      if (!gap.isEmpty() && (pointer.equals(gap) || pointer.startsWith(gap + "/"))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Reads and validates one state, as the TestState API takes it (see {@link
   * #validateState(State)}); the reader's problems when it is not a well-shaped state.
   */
  public static ValidationResult validateStateJson(String json, ValidationOptions options) {
    Objects.requireNonNull(json, "json == null");
    Objects.requireNonNull(options, "options == null");
    State state;
    try {
      state = AslReader.readState(AslReader.parse(json));
    } catch (AslReadException e) {
      return ValidationResult.of(e.problems());
    }
    return validateState(state, options);
  }

  private static ValidationResult validate(
      StateMachine machine, ValidationOptions options, int size, JsonNode document) {
    return validate(machine, options, size, document, java.util.Set.of());
  }

  private static ValidationResult validate(
      StateMachine machine,
      ValidationOptions options,
      int size,
      JsonNode document,
      java.util.Set<String> unread) {
    List<Problem> problems = nonFinite(document);
    if (size > MAX_DEFINITION_CHARS) {
      problems.add(
          Problem.error(
              "DefinitionTooLarge",
              "",
              "the definition has "
                  + size
                  + " characters; AWS accepts at most "
                  + MAX_DEFINITION_CHARS
                  + " (1 MiB)"));
    }
    problems.addAll(
        new ValidationRun(options, syntax()).partial(unread, document).machine(machine));
    problems.addAll(VariableRules.check(machine));
    return ValidationResult.of(DocumentOrder.sort(problems, document));
  }

  /**
   * A model built in code can hold JSON nested deeper than any definition that parses; its other
   * problems are not looked for, since the walks that find them are recursive.
   */
  private static ValidationResult tooDeep(JsonNode json) {
    String pointer = JsonLimits.tooDeep(json);
    return pointer == null
        ? null
        : ValidationResult.of(
            List.of(Problem.error("NestingTooDeep", pointer, JsonLimits.tooDeepMessage())));
  }

  /** NaN and infinities, which a model built in code can hold but ASL text cannot. */
  private static List<Problem> nonFinite(JsonNode json) {
    List<Problem> problems = new ArrayList<>();
    for (String pointer : JsonLimits.nonFinite(json)) {
      problems.add(
          Problem.error("NumberRange", pointer, JsonLimits.nonFiniteMessage(json.at(pointer))));
    }
    return problems;
  }

  private static ExpressionSyntax syntax() {
    return ParsedSyntax.INSTANCE;
  }
}
