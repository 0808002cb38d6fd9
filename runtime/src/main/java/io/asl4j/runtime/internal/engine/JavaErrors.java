package io.asl4j.runtime.internal.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asl4j.runtime.StatesError;

/**
 * A Java handler's exception as AWS's Java Lambda runtime reports it: the error is the exception's
 * fully qualified class name (what a {@code Catch} on {@code java.lang.IllegalStateException}
 * matches on AWS), the cause the runtime's error payload {@code
 * {"errorMessage","errorType","stackTrace"}} as compact JSON, its stack trace the handler's frames
 * down to the call from the runtime.
 */
public final class JavaErrors {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Frames from here down are the interpreter calling the handler, not the user's code. */
  private static final String ENGINE = JavaErrors.class.getPackageName() + ".";

  private JavaErrors() {}

  /** The Step Functions error for {@code thrown}. */
  public static StatesError of(Throwable thrown) {
    return new StatesError(thrown.getClass().getName(), cause(thrown));
  }

  /** The Java Lambda runtime's error payload for {@code thrown}, as compact JSON. */
  static String cause(Throwable thrown) {
    ObjectNode payload = JSON.createObjectNode();
    payload.put("errorMessage", thrown.getMessage());
    payload.put("errorType", thrown.getClass().getName());
    ArrayNode stackTrace = payload.putArray("stackTrace");
    for (StackTraceElement frame : thrown.getStackTrace()) {
      if (frame.getClassName().startsWith(ENGINE)) {
        break;
      }
      stackTrace.add(frame(frame));
    }
    try {
      return JSON.writeValueAsString(payload);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code pkg.Class.method(File.java:12)}, without the module prefix Java 9 adds. */
  private static String frame(StackTraceElement frame) {
    String location =
        frame.isNativeMethod()
            ? "Native Method"
            : frame.getFileName() == null
                ? "Unknown Source"
                : frame.getLineNumber() >= 0
                    ? frame.getFileName() + ":" + frame.getLineNumber()
                    : frame.getFileName();
    return frame.getClassName() + "." + frame.getMethodName() + "(" + location + ")";
  }
}
