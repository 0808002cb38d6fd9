package io.asl4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.asl4j.dsl.json.AslReadException;
import io.asl4j.dsl.json.AslReader;
import io.asl4j.dsl.json.AslSource;
import io.asl4j.dsl.validate.Problem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads the files the command line is given: definitions, inputs. Every way a file can be unusable
 * becomes an {@link UnreadableFileException} with one line to show, never a stack trace.
 *
 * <pre>{@code
 * try {
 *   String definition = DefinitionFiles.readDefinition(path);  // a JSON object, as text
 * } catch (UnreadableFileException e) {
 *   err.println(e.getMessage());                               // "order.json: not valid JSON: ..."
 *   return 2;
 * }
 * }</pre>
 */
public final class DefinitionFiles {
  /** Larger files are not read; AWS accepts definitions of up to 1 MiB anyway. */
  public static final long MAX_BYTES = 8L * 1024 * 1024;

  private DefinitionFiles() {}

  /** The file's text: UTF-8 (a byte order mark is dropped), non-empty, not binary, not huge. */
  public static String readText(Path file) throws UnreadableFileException {
    if (Files.isDirectory(file)) {
      throw unreadable(file, "is a directory, not a file");
    }
    long size;
    byte[] bytes;
    try {
      size = Files.size(file);
      if (size > MAX_BYTES) {
        throw unreadable(
            file,
            "the file has " + size + " bytes; files over " + MAX_BYTES + " bytes are not read");
      }
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw unreadable(file, "no such file");
    } catch (AccessDeniedException e) {
      throw unreadable(file, "permission denied");
    } catch (IOException e) {
      throw unreadable(file, "cannot be read: " + e.getMessage());
    }
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        throw unreadable(file, "binary data (a NUL byte at offset " + i + "), not JSON text");
      }
    }
    String text = decodeUtf8(file, bytes);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    if (text.isBlank()) {
      throw unreadable(file, "the file is empty");
    }
    return text;
  }

  /** The file's JSON value, of any type. */
  public static JsonNode readJson(Path file) throws UnreadableFileException {
    String text = readText(file);
    try {
      return AslReader.parse(text);
    } catch (AslReadException e) {
      throw unreadable(file, e.problems().get(0).message());
    }
  }

  /**
   * The JSON value an option such as {@code --input} gives: {@code @FILE} is the file's, anything
   * else is JSON text; what is not JSON is unreadable, named by {@code option}.
   */
  static JsonNode readJsonOption(String option, String text) throws UnreadableFileException {
    if (text.startsWith("@")) {
      return readJson(Path.of(text.substring(1)));
    }
    try {
      return AslReader.parse(text);
    } catch (AslReadException e) {
      throw new UnreadableFileException(option + ": " + e.problems().get(0).message());
    }
  }

  /**
   * The text of a state machine definition: a JSON object. Whether it is a <em>valid</em>
   * definition is for the reader and the validator to say.
   */
  public static String readDefinition(Path file) throws UnreadableFileException {
    String text = readText(file);
    JsonNode json;
    try {
      json = AslReader.parse(text);
    } catch (AslReadException e) {
      throw unreadable(file, e.problems().get(0).message());
    }
    if (!json.isObject()) {
      throw unreadable(
          file, "a definition is a JSON object, but this file holds " + describe(json));
    }
    return text;
  }

  /**
   * A definition, JSON or YAML by the file's name ({@code .asl.yaml}, {@code .yml}): a JSON object
   * or a YAML mapping. Whether it is a <em>valid</em> definition is for the reader and the
   * validator to say.
   */
  public static AslSource readSource(Path file) throws UnreadableFileException {
    String text = readText(file);
    AslSource.Format format = AslSource.Format.of(file.getFileName().toString());
    AslSource source;
    try {
      source = AslSource.parse(text, format);
    } catch (AslReadException e) {
      throw unreadable(file, e.problems().get(0).message());
    }
    if (!source.tree().isObject()) {
      throw unreadable(
          file,
          "a definition is "
              + (format == AslSource.Format.YAML ? "a YAML mapping" : "a JSON object")
              + ", but this file holds "
              + describe(source.tree()));
    }
    return source;
  }

  /**
   * One problem as the command line prints it: {@code FILE:POINTER: ...} for JSON, {@code
   * FILE:LINE:COLUMN: POINTER: ...} for YAML, whose lines editors can jump to.
   */
  public static String describe(Path file, AslSource source, Problem problem) {
    return file + ":" + source.describe(problem);
  }

  /**
   * Strict UTF-8: Files.readString would also refuse bad bytes, but its exception says neither
   * where nor in which file.
   */
  private static String decodeUtf8(Path file, byte[] bytes) throws UnreadableFileException {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isUnderflow()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      throw unreadable(file, "not valid UTF-8 (at byte offset " + in.position() + ")");
    }
    out.flip();
    return out.toString();
  }

  private static String describe(JsonNode json) {
    if (json.isArray()) {
      return "an array";
    } else if (json.isTextual()) {
      return "a string";
    } else if (json.isNumber()) {
      return "a number";
    } else if (json.isBoolean()) {
      return "a boolean";
    }
    return "null";
  }

  private static UnreadableFileException unreadable(Path file, String why) {
    return new UnreadableFileException(file + ": " + why);
  }
}
