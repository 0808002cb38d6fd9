package io.asl4j.dsl.validate;

import java.util.Set;

/**
 * The syntax checks the validator delegates to the expression parsers: JSONPath paths, intrinsic
 * function calls and JSONata expressions. Each check returns {@code null} when the text is valid,
 * else a short explanation.
 *
 * <p>Kept behind this interface so that the rules of the validator do not depend on how the parsers
 * report errors.
 */
interface ExpressionSyntax {

  /** Why {@code text} is not a Path ({@code $...}, {@code $$...} or {@code $variable...}). */
  String pathError(String text);

  /** Why {@code text} is not a Reference Path (a Path that selects exactly one node). */
  String referencePathError(String text);

  /**
   * Whether the valid path {@code text} is rooted at the state input ({@code $}), not at the
   * context or a variable.
   */
  boolean isInputRooted(String text);

  /** Why {@code text} is not a valid intrinsic function call ({@code States.Format(...)}). */
  String intrinsicError(String text);

  /**
   * Whether {@code text} is a JSONata expression: it starts with {@code {%} and ends with {@code
   * %}}.
   */
  boolean isJsonata(String text);

  /**
   * The expression between {@code {%} and {@code %}} of a string for which {@link #isJsonata}
   * holds.
   */
  String jsonataBody(String text);

  /** Why the JSONata expression {@code body} does not parse. */
  String jsonataError(String body);

  /**
   * The fields {@code x} of {@code $states.x} that the parsed JSONata expression {@code body} reads
   * ({@code result}, {@code errorOutput}, ...).
   */
  Set<String> statesFieldsRead(String body);
}
