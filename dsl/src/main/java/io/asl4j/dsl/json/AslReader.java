package io.asl4j.dsl.json;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.asl4j.dsl.internal.JsonLimits;
import io.asl4j.dsl.model.State;
import io.asl4j.dsl.model.StateMachine;
import io.asl4j.dsl.validate.Problem;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Reads Amazon States Language JSON into the {@link StateMachine} model.
 *
 * <p>The reader checks shape only — JSON types, known field names, enumerated values — and reports
 * every such problem at once, each with a JSON pointer. Rules about what the fields mean (targets
 * exist, required fields, one of a pair) are the {@link io.asl4j.dsl.validate.Validator}'s.
 *
 * <pre>{@code
 * StateMachine machine = AslReader.read("{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Succeed\"}}}");
 * }</pre>
 */
public final class AslReader {
  /** AWS rejects definitions over 1 MiB; we read up to 8 MiB so the validator can say so. */
  static final int MAX_DOCUMENT_CHARS = 8 * 1024 * 1024;

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          // Exact decimals, written back as read: 0.10 stays 0.10, 1e400 is not infinity.
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
          .build();

  static {
    MAPPER
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder()
                .maxNestingDepth(JsonLimits.MAX_DEPTH)
                .maxDocumentLength(MAX_DOCUMENT_CHARS)
                .build());
  }

  private AslReader() {}

  /**
   * What could be read of a definition, with every problem found on the way. The model holds
   * everything that has the right shape; a state whose {@code Type} is missing or unknown is left
   * out, a field of the wrong type is left empty. The {@link io.asl4j.dsl.validate.Validator}
   * checks the rest, so that one run reports every problem of the definition.
   *
   * @param machine what could be read; null when the value is not an object at all
   * @param problems the reader's problems, in the order found
   * @param unread pointers of the states and fields left out or left empty, and of required fields
   *     that are missing: the validator does not report them again
   */
  public record Reading(StateMachine machine, List<Problem> problems, Set<String> unread) {
    public Reading {
      problems = List.copyOf(problems);
      unread = Set.copyOf(unread);
    }
  }

  /**
   * Reads as much of a definition as has the right shape; never throws for a malformed definition.
   */
  public static Reading readAll(JsonNode json) {
    try {
      if (json == null || !json.isObject()) {
        read(json); // throws, with the problem worded as for read
      }
      tooDeep(json);
    } catch (AslReadException e) {
      return new Reading(null, e.problems(), Set.of());
    }
    StateReader reader = new StateReader();
    StateMachine machine = reader.machine(json);
    for (Problem problem : reader.problems) {
      if (problem.tag().equals("NumberRange") || problem.tag().equals("InvalidValue")) {
        reader.unread.add(problem.pointer());
      }
    }
    return new Reading(machine, reader.problems, reader.unread);
  }

  /**
   * Reads a definition from JSON text.
   *
   * @throws AslReadException when the text is not a JSON object or a field has the wrong shape
   */
  public static StateMachine read(String json) {
    return read(parse(json));
  }

  /**
   * Reads a definition from a parsed JSON value.
   *
   * @throws AslReadException when the value is not an object, a field has the wrong shape, or
   *     arrays and objects nest more than 500 levels deep (as text that deep does not parse)
   */
  public static StateMachine read(JsonNode json) {
    return readObject(json, "a state machine definition", StateReader::machine);
  }

  /**
   * Reads one state (as the TestState API takes it) from a parsed JSON object.
   *
   * @throws AslReadException when the value is not a state object or a field has the wrong shape
   */
  public static State readState(JsonNode json) {
    return readObject(json, "a state", (reader, object) -> reader.state(object, ""));
  }

  /**
   * Reads {@code json}, which must be an object ({@code what} says what it should be), with a fresh
   * {@link StateReader}, and throws every problem it found.
   */
  private static <T> T readObject(
      JsonNode json, String what, BiFunction<StateReader, JsonNode, T> read) {
    if (json == null || !json.isObject()) {
      throw new AslReadException(
          List.of(
              Problem.error(
                  "NotAnObject",
                  "",
                  what + " must be a JSON object, but this is " + FieldReader.describe(json))),
          true);
    }
    tooDeep(json);
    StateReader reader = new StateReader();
    T result = read.apply(reader, json);
    if (!reader.problems.isEmpty()) {
      throw new AslReadException(reader.problems, false);
    }
    return result;
  }

  /**
   * Parses JSON text into a Jackson tree with the reader's settings (duplicate keys rejected, exact
   * decimals kept).
   *
   * @throws AslReadException when the text is not JSON
   */
  public static JsonNode parse(String json) {
    if (json.length() > MAX_DOCUMENT_CHARS) {
      throw unreadable(
          "the text is "
              + json.length()
              + " characters long; definitions are limited to "
              + MAX_DOCUMENT_CHARS);
    }
    try {
      JsonNode node = MAPPER.readTree(json);
      if (node == null || node.isMissingNode()) {
        throw unreadable("the text is empty; expected a JSON object");
      }
      return node;
    } catch (JsonParseException e) {
      throw unreadable(
          "not valid JSON: "
              + withoutSourceReferences(e.getOriginalMessage())
              + " (line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + ")");
    } catch (JsonProcessingException e) {
      throw unreadable("not valid JSON: " + withoutSourceReferences(e.getOriginalMessage()));
    } catch (NumberFormatException e) {
      // Exact decimals: an exponent beyond what BigDecimal holds (1e2147483648) fails here.
      throw unreadable("not valid JSON: " + e.getMessage());
    }
  }

  /**
   * Text nested too deeply never parses; a tree built in code is held to the same limit, as the
   * reader, the validator and the writer walk it recursively.
   */
  private static void tooDeep(JsonNode json) {
    String pointer = JsonLimits.tooDeep(json);
    if (pointer != null) {
      throw new AslReadException(
          List.of(Problem.error("NestingTooDeep", pointer, JsonLimits.tooDeepMessage())), true);
    }
  }

  private static final java.util.regex.Pattern START_MARKER =
      java.util.regex.Pattern.compile(
          "\\(start marker at \\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)\\]\\)");

  /**
   * Jackson names the (redacted) source in some messages, e.g. "expected close marker for Object
   * (start marker at [Source: REDACTED ...; line: 1, column: 1])"; users need only the position.
   */
  private static String withoutSourceReferences(String message) {
    return START_MARKER.matcher(message).replaceAll("(opened at line $1, column $2)");
  }

  private static AslReadException unreadable(String message) {
    return new AslReadException(List.of(Problem.error("InvalidJson", "", message)), true);
  }

  /** Escapes a field name for use as one JSON pointer segment (RFC 6901). */
  public static String escape(String segment) {
    return io.asl4j.dsl.model.GraphWalker.escape(segment);
  }
}
