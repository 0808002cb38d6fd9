package io.asl4j.runtime.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * The response of {@code arn:aws:states:::lambda:invoke} around a function's payload: its status,
 * version, log tail and the HTTP metadata Lambda's API answers with.
 */
final class LambdaInvokeResponse {
  private LambdaInvokeResponse() {}

  /**
   * The response around {@code payload}, as Lambda answers the call {@code requestId} at {@code
   * now}.
   */
  static ObjectNode around(JsonNode payload, String requestId, Instant now, boolean logTail) {
    ObjectNode response = ExecutionRun.NODES.objectNode();
    response.put("ExecutedVersion", "$LATEST");
    String logResult = logTail ? logTail(requestId) : null;
    if (logResult != null) {
      response.put("LogResult", logResult);
    }
    response.set("Payload", payload);
    String length = String.valueOf(pythonJsonLength(payload));
    ObjectNode metadata = response.putObject("SdkHttpMetadata");
    ObjectNode all = metadata.putObject("AllHttpHeaders");
    if (logResult != null) {
      list(all, "X-Amz-Log-Result", logResult);
    }
    list(all, "X-Amz-Executed-Version", "$LATEST");
    list(all, "x-amzn-Remapped-Content-Length", "0");
    list(all, "Connection", "keep-alive");
    list(all, "x-amzn-RequestId", requestId);
    list(all, "Content-Length", length);
    list(
        all,
        "Date",
        java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
            now.atZone(java.time.ZoneOffset.UTC)));
    list(all, "X-Amzn-Trace-Id", "Root=1-00000000-000000000000000000000000");
    list(all, "Content-Type", "application/json");
    ObjectNode headers = metadata.putObject("HttpHeaders");
    if (logResult != null) {
      headers.put("X-Amz-Log-Result", logResult);
    }
    headers.put("Connection", "keep-alive");
    headers.put("Content-Length", length);
    headers.put("Content-Type", "application/json");
    headers.put("Date", all.get("Date").get(0).asText());
    headers.put("X-Amz-Executed-Version", "$LATEST");
    headers.put("x-amzn-Remapped-Content-Length", "0");
    headers.put("x-amzn-RequestId", requestId);
    headers.put("X-Amzn-Trace-Id", "Root=1-00000000-000000000000000000000000");
    metadata.put("HttpStatusCode", 200);
    response.putObject("SdkResponseMetadata").put("RequestId", requestId);
    response.put("StatusCode", 200);
    return response;
  }

  /** {@code LogType: Tail}: the base64 tail of the function's log, as Lambda returns it. */
  private static String logTail(String requestId) {
    String log =
        "START RequestId: "
            + requestId
            + " Version: $LATEST\n"
            + "END RequestId: "
            + requestId
            + "\n"
            + "REPORT RequestId: "
            + requestId
            + "\tDuration: 1.00 ms\tBilled Duration: 1 ms\n";
    return java.util.Base64.getEncoder()
        .encodeToString(log.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /**
   * The byte length of {@code value} as a Python function's {@code json.dumps} writes it (", " and
   * ": " separators, non-ASCII escaped): what Lambda reports as the payload's Content-Length.
   */
  static long pythonJsonLength(JsonNode value) {
    switch (value.getNodeType()) {
      case OBJECT:
        {
          long n = 2;
          int i = 0;
          for (java.util.Iterator<java.util.Map.Entry<String, JsonNode>> it = value.fields();
              it.hasNext();
              i++) {
            java.util.Map.Entry<String, JsonNode> e = it.next();
            n +=
                (i > 0 ? 2 : 0)
                    + pythonStringLength(e.getKey())
                    + 2
                    + pythonJsonLength(e.getValue());
          }
          return n;
        }
      case ARRAY:
        {
          long n = 2;
          for (int i = 0; i < value.size(); i++) {
            n += (i > 0 ? 2 : 0) + pythonJsonLength(value.get(i));
          }
          return n;
        }
      case STRING:
        return pythonStringLength(value.textValue());
      default:
        return value.toString().length();
    }
  }

  private static long pythonStringLength(String s) {
    long n = 2;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\' || c == '\n' || c == '\r' || c == '\t' || c == '\b' || c == '\f') {
        n += 2;
      } else if (c < 0x20 || c > 0x7e) {
        n += 6;
      } else {
        n += 1;
      }
    }
    return n;
  }

  private static void list(ObjectNode headers, String name, String value) {
    ArrayNode values = headers.putArray(name);
    values.add(value);
  }
}
