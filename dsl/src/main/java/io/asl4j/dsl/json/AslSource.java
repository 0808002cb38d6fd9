package io.asl4j.dsl.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.asl4j.dsl.internal.JsonLimits;
import io.asl4j.dsl.validate.Problem;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The text of a definition, JSON or YAML, parsed into the tree the {@link AslReader} reads. For
 * YAML (the {@code .asl.yaml} files of Workflow Studio in VS Code and of SAM) it also knows the
 * line and column of every value, so that each problem can be shown where it is in the file.
 *
 * <pre>{@code
 * AslSource source = AslSource.parse(text, AslSource.Format.of("order.asl.yaml"));
 * ValidationResult result = Validator.validateTree(source.tree(), options, Validator.jsonLength(source.tree()));
 * source.position("/States/Charge/Next");  // 12:7
 * }</pre>
 */
public final class AslSource {
  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
  private static final YAMLFactory YAML = YAMLFactory.builder().build();

  /** How a definition is written. */
  public enum Format {
    JSON,
    YAML;

    /** YAML for a file named {@code *.yaml} or {@code *.yml}, JSON otherwise. */
    public static Format of(String fileName) {
      String name = fileName.toLowerCase(Locale.ROOT);
      return name.endsWith(".yaml") || name.endsWith(".yml") ? YAML : JSON;
    }
  }

  /** A place in the text: 1-based line and column. */
  public record Position(int line, int column) {
    /** {@code line:column}. */
    @Override
    public String toString() {
      return line + ":" + column;
    }

    /** {@code line L, column C}, as messages say it. */
    public String describe() {
      return "line " + line + ", column " + column;
    }
  }

  private final JsonNode tree;
  private final Format format;
  private final Map<String, Position> positions;
  private final int jsonLength;

  private AslSource(JsonNode tree, Format format, Map<String, Position> positions, int jsonLength) {
    this.tree = tree;
    this.format = format;
    this.positions = positions;
    this.jsonLength = jsonLength;
  }

  /**
   * Parses a definition's text.
   *
   * @throws AslReadException when the text is not JSON (for {@link Format#JSON}, as {@link
   *     AslReader#parse} says) or not YAML, with the line and column of the fault; or when a YAML
   *     mapping repeats a key
   */
  public static AslSource parse(String text, Format format) {
    Objects.requireNonNull(text, "text == null");
    Objects.requireNonNull(format, "format == null");
    if (format == Format.JSON) {
      return new AslSource(AslReader.parse(text), format, Map.of(), text.length());
    }
    if (text.length() > AslReader.MAX_DOCUMENT_CHARS) {
      throw unreadable(
          "the text is "
              + text.length()
              + " characters long; definitions are limited to "
              + AslReader.MAX_DOCUMENT_CHARS);
    }
    Map<String, Position> positions = new HashMap<>();
    try (JsonParser parser = YAML.createParser(text)) {
      if (parser.nextToken() == null) {
        throw unreadable("the text is empty; expected a YAML mapping");
      }
      positions.put("", position(parser.currentTokenLocation()));
      JsonNode tree = new TreeBuilder(parser, positions).value("", 0);
      if (parser.nextToken() != null) {
        throw unreadable(
            "not valid YAML: a second document follows the definition ("
                + position(parser.currentTokenLocation()).describe()
                + ")");
      }
      return new AslSource(tree, format, Map.copyOf(positions), -1);
    } catch (JsonProcessingException e) {
      String message = e.getOriginalMessage().lines().findFirst().orElse("").trim();
      JsonLocation location = e.getLocation();
      throw unreadable(
          "not valid YAML: "
              + message
              + (location == null ? "" : " (" + position(location).describe() + ")"));
    } catch (IOException e) {
      throw unreadable("not valid YAML: " + e.getMessage());
    }
  }

  /** The parsed definition. */
  public JsonNode tree() {
    return tree;
  }

  /**
   * The length of the definition as AWS receives it, for its size limit: the text itself for JSON;
   * for YAML, which tools send as JSON, the length of that JSON.
   */
  public int jsonLength() {
    return jsonLength >= 0 ? jsonLength : io.asl4j.dsl.validate.Validator.jsonLength(tree);
  }

  /** JSON or YAML. */
  public Format format() {
    return format;
  }

  /**
   * Where the value at {@code pointer} is written, or, when that value is missing (a required
   * field, say), the nearest enclosing value that is; null for JSON text, whose problems are shown
   * by pointer alone.
   */
  public Position position(String pointer) {
    if (positions.isEmpty()) {
      return null;
    }
    String at = pointer;
    while (true) {
      Position position = positions.get(at);
      if (position != null) {
        return position;
      }
      if (at.isEmpty()) {
        return null;
      }
      at = at.substring(0, at.lastIndexOf('/'));
    }
  }

  /**
   * Reads the definition into the model.
   *
   * @throws AslReadException as {@link AslReader#read(JsonNode)}, its message giving the line and
   *     column of each problem in YAML
   */
  public io.asl4j.dsl.model.StateMachine read() {
    try {
      return AslReader.read(tree);
    } catch (AslReadException e) {
      if (positions.isEmpty()) {
        throw e;
      }
      long errors = e.problems().stream().filter(Problem::isError).count();
      StringBuilder message =
          new StringBuilder("The state machine definition has ")
              .append(errors)
              .append(errors == 1 ? " error:" : " errors:");
      for (Problem problem : e.problems()) {
        message.append("\n  ").append(describe(problem));
      }
      throw new AslReadException(e.problems(), e.isUnreadable(), message.toString());
    }
  }

  /** {@code line:column: problem} for YAML, the problem alone for JSON. */
  public String describe(Problem problem) {
    Position position = position(problem.pointer());
    return position == null ? problem.toString() : position + ": " + problem;
  }

  private static Position position(JsonLocation location) {
    return new Position(location.getLineNr(), location.getColumnNr());
  }

  private static AslReadException unreadable(String message) {
    return new AslReadException(List.of(Problem.error("InvalidYaml", "", message)), true);
  }

  /** Builds the tree token by token, noting where each value (or its key) starts. */
  private static final class TreeBuilder {
    private final JsonParser parser;
    private final Map<String, Position> positions;

    TreeBuilder(JsonParser parser, Map<String, Position> positions) {
      this.parser = parser;
      this.positions = positions;
    }

    JsonNode value(String pointer, int depth) throws IOException {
      if (depth > JsonLimits.MAX_DEPTH) {
        throw new AslReadException(
            List.of(Problem.error("NestingTooDeep", pointer, JsonLimits.tooDeepMessage())), true);
      }
      JsonToken token = parser.currentToken();
      switch (token) {
        case START_OBJECT:
          {
            ObjectNode object = NODES.objectNode();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
              String name = parser.currentName();
              Position key = position(parser.currentTokenLocation());
              String member = pointer + "/" + AslReader.escape(name);
              if (object.has(name)) {
                throw unreadable(
                    "not valid YAML: the key '"
                        + name
                        + "' is repeated ("
                        + key.describe()
                        + "); a mapping's keys must be unique");
              }
              positions.put(member, key);
              parser.nextToken();
              object.set(name, value(member, depth + 1));
            }
            return object;
          }
        case START_ARRAY:
          {
            ArrayNode array = NODES.arrayNode();
            int index = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
              String element = pointer + "/" + index++;
              positions.put(element, position(parser.currentTokenLocation()));
              array.add(value(element, depth + 1));
            }
            return array;
          }
        case VALUE_STRING:
          return NODES.textNode(parser.getText());
        case VALUE_NUMBER_INT:
          switch (parser.getNumberType()) {
            case INT:
              return NODES.numberNode(parser.getIntValue());
            case LONG:
              return NODES.numberNode(parser.getLongValue());
            default:
              return NODES.numberNode(parser.getBigIntegerValue());
          }
        case VALUE_NUMBER_FLOAT:
          return NODES.numberNode(parser.getDecimalValue());
        case VALUE_TRUE:
          return NODES.booleanNode(true);
        case VALUE_FALSE:
          return NODES.booleanNode(false);
        case VALUE_NULL:
          return NODES.nullNode();
        default:
          throw unreadable(
              "not valid YAML: a value of a kind ASL has no use for ("
                  + position(parser.currentTokenLocation()).describe()
                  + ")");
      }
    }
  }
}
