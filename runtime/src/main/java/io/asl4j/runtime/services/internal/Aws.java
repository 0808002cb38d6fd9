package io.asl4j.runtime.services.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asl4j.runtime.StatesError;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;

/** What the service fakes share: JSON text, digests, AWS's error texts and HTTP metadata. */
public final class Aws {
  public static final ObjectMapper MAPPER = new ObjectMapper();
  public static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Aws() {}

  /** Compact JSON text, as AWS serializes. */
  public static String json(JsonNode value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Parses JSON text; {@code null} when it is not JSON. */
  public static JsonNode parseOrNull(String text) {
    if (text == null) {
      return null;
    }
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  /** Parses JSON text; text that is not JSON comes back as a JSON string (a message body, say). */
  public static JsonNode jsonOrText(String text) {
    JsonNode parsed = parseOrNull(text);
    return parsed != null ? parsed : NODES.textNode(text);
  }

  /** A string value as is; any other JSON value as its JSON text (a message body, say). */
  public static String text(JsonNode value) {
    return value.isTextual() ? value.textValue() : json(value);
  }

  public static String md5Hex(String text) {
    return md5Hex(text.getBytes(StandardCharsets.UTF_8));
  }

  public static String md5Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static long crc32(String text) {
    CRC32 crc = new CRC32();
    crc.update(text.getBytes(StandardCharsets.UTF_8));
    return crc.getValue();
  }

  /** The CRC32 of {@code text} as S3 reports it: base64 of the 4 big-endian bytes. */
  public static String crc32Base64(String text) {
    long value = crc32(text);
    byte[] bytes = {
      (byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value
    };
    return Base64.getEncoder().encodeToString(bytes);
  }

  public static int utf8Length(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }

  /** An HTTP date header value. */
  public static String httpDate(Instant now) {
    return DateTimeFormatter.RFC_1123_DATE_TIME.format(now.atZone(ZoneOffset.UTC));
  }

  /** An SDK-style timestamp with three fraction digits, e.g. {@code 2025-01-01T00:00:00.000Z}. */
  public static String isoMillis(Instant instant) {
    String text = Instant.ofEpochMilli(instant.toEpochMilli()).toString();
    return text.length() == 20 ? text.substring(0, 19) + ".000Z" : text;
  }

  /**
   * The error an optimized integration reports for a service exception (AWS SDK for Java 1.x
   * format): {@code <Prefix>.<Exception>} with {@code message (Service: ...; Status Code: ...;
   * Error Code: ...; Request ID: ...; Proxy: null)}.
   */
  public static StatesError v1Error(
      String prefix,
      String exception,
      String message,
      String service,
      int status,
      String errorCode,
      String requestId) {
    return new StatesError(
        prefix + "." + exception,
        message
            + " (Service: "
            + service
            + "; Status Code: "
            + status
            + "; Error Code: "
            + errorCode
            + "; Request ID: "
            + requestId
            + "; Proxy: null)");
  }

  /**
   * The error an {@code aws-sdk:} integration reports (AWS SDK for Java 2.x format): {@code message
   * (Service: ..., Status Code: ..., Request ID: ...)}.
   */
  public static StatesError v2Error(
      String prefix,
      String exception,
      String message,
      String service,
      int status,
      String requestId) {
    return new StatesError(
        prefix + "." + exception,
        message
            + " (Service: "
            + service
            + ", Status Code: "
            + status
            + ", Request ID: "
            + requestId
            + ")");
  }

  /**
   * Adds {@code SdkHttpMetadata} and {@code SdkResponseMetadata} to an optimized integration's
   * response, as AWS does: the headers in the order given under {@code AllHttpHeaders} (each a
   * list), sorted under {@code HttpHeaders}.
   */
  public static ObjectNode withHttpMetadata(
      ObjectNode response, Map<String, String> headers, String requestId) {
    ObjectNode metadata = response.putObject("SdkHttpMetadata");
    ObjectNode all = metadata.putObject("AllHttpHeaders");
    headers.forEach((name, value) -> all.putArray(name).add(value));
    ObjectNode sorted = metadata.putObject("HttpHeaders");
    Map<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    byName.putAll(headers);
    byName.forEach(sorted::put);
    metadata.put("HttpStatusCode", 200);
    response.putObject("SdkResponseMetadata").put("RequestId", requestId);
    return response;
  }

  /** The headers of a JSON (or XML) AWS API response with {@code body}. */
  public static Map<String, String> jsonHeaders(
      String body, String contentType, Instant now, String requestId) {
    Map<String, String> headers = new java.util.LinkedHashMap<>();
    headers.put("x-amzn-RequestId", requestId);
    headers.put("connection", "keep-alive");
    headers.put("Content-Length", String.valueOf(utf8Length(body)));
    headers.put("Date", httpDate(now));
    headers.put("Content-Type", contentType);
    return headers;
  }

  /** A required string parameter, or {@code null} when absent or JSON null. */
  public static String string(JsonNode input, String field) {
    JsonNode value = input == null ? null : input.get(field);
    return value == null || value.isNull()
        ? null
        : value.isTextual() ? value.textValue() : json(value);
  }
}
