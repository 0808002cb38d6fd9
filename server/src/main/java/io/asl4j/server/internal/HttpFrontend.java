package io.asl4j.server.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The AWS JSON 1.0 protocol over the JDK's HTTP server: {@code POST /} with {@code X-Amz-Target:
 * AWSStepFunctions.<Operation>} and a JSON body; answers 200 with the response JSON, or the error's
 * status with {@code {"__type", "message"}}. Nothing a client sends makes it answer with a stack
 * trace or stop serving.
 */
public final class HttpFrontend implements AutoCloseable {
  /** The largest request body read: above AWS's 1 MiB definition plus the JSON around it. */
  static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

  private static final String TARGET_PREFIX = "AWSStepFunctions.";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  static {
    // The JDK's server writes a response's headers and body apart: with Nagle's algorithm on, each
    // response then waits for the client's delayed ACK (40 ms). Read once, when its config loads.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final HttpServer server;
  private final StepFunctionsService service;
  private final SigV4 signatures;
  private final AtomicInteger inFlight = new AtomicInteger();
  private volatile boolean accepting = true;
  private final AtomicLong threads = new AtomicLong();
  private final ExecutorService workers =
      Executors.newCachedThreadPool(
          task -> {
            Thread thread = new Thread(task, "asl4j-serve-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
          });

  public HttpFrontend(InetSocketAddress address, StepFunctionsService service, SigV4 signatures)
      throws IOException {
    this.service = service;
    this.signatures = signatures;
    this.server = HttpServer.create(address, 256);
    server.createContext("/", this::handle);
    server.setExecutor(workers);
    server.start();
  }

  public InetSocketAddress address() {
    return server.getAddress();
  }

  /** Requests being answered now. */
  public int inFlight() {
    return inFlight.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    inFlight.incrementAndGet();
    String requestId = UUID.randomUUID().toString();
    try {
      if (!accepting) {
        respond(
            exchange,
            requestId,
            503,
            error(new ApiException("ServiceUnavailable", "asl4j serve is shutting down", 503)));
        return;
      }
      byte[] body;
      try {
        body = readBody(exchange.getRequestBody());
      } catch (ApiException e) {
        respond(exchange, requestId, e.status(), error(e));
        return;
      }
      ObjectNode response;
      int status = 200;
      try {
        response = answer(exchange, body);
      } catch (ApiException e) {
        status = e.status();
        response = error(e);
      } catch (RuntimeException | StackOverflowError e) {
        System.err.println("asl4j serve: internal error answering request " + requestId + ": " + e);
        status = 500;
        response =
            error(
                new ApiException(
                    "InternalFailure", "asl4j could not answer the request: " + e, 500));
      }
      respond(exchange, requestId, status, response);
    } finally {
      inFlight.decrementAndGet();
      exchange.close();
    }
  }

  private ObjectNode answer(HttpExchange exchange, byte[] body) {
    if (!exchange.getRequestMethod().equals("POST")) {
      throw new ApiException(
          "UnknownOperationException",
          "The Step Functions API answers POST requests, not " + exchange.getRequestMethod(),
          400);
    }
    if (signatures != null) {
      signatures.verify(exchange, body);
    }
    String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
    if (target == null || !target.startsWith(TARGET_PREFIX)) {
      throw new ApiException("UnknownOperationException", null);
    }
    String operation = target.substring(TARGET_PREFIX.length());
    if (!StepFunctionsService.OPERATIONS.contains(operation)) {
      throw new ApiException("UnknownOperationException", null);
    }
    JsonNode request;
    try {
      request = body.length == 0 ? JsonNodeFactory.instance.objectNode() : MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      throw new ApiException(
          "SerializationException",
          "The request body is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new ApiException(
          "SerializationException", "The request body could not be read: " + e.getMessage());
    }
    if (request == null || !request.isObject()) {
      throw new ApiException("SerializationException", "The request body must be a JSON object");
    }
    return service.call(operation, request);
  }

  private static byte[] readBody(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[16384];
    int n;
    while ((n = in.read(buffer)) > 0) {
      out.write(buffer, 0, n);
      if (out.size() > MAX_BODY_BYTES) {
        in.transferTo(OutputStream.nullOutputStream());
        throw new ApiException(
            "ValidationException", "Request body is larger than " + MAX_BODY_BYTES + " bytes", 413);
      }
    }
    return out.toByteArray();
  }

  private static ObjectNode error(ApiException e) {
    ObjectNode json = JsonNodeFactory.instance.objectNode().put("__type", e.code());
    if (e.getMessage() != null) {
      json.put("message", e.getMessage());
    }
    return json;
  }

  private static void respond(
      HttpExchange exchange, String requestId, int status, ObjectNode response) throws IOException {
    byte[] bytes = MAPPER.writeValueAsBytes(response);
    exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
    exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** Stops accepting requests, waits up to {@code graceSeconds} for those in flight, then stops. */
  @Override
  public void close() {
    close(5);
  }

  public void close(int graceSeconds) {
    // Waits for requests being answered, not for idle keep-alive connections (HttpServer.stop
    // would).
    accepting = false;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(graceSeconds);
    while (inFlight.get() > 0 && System.nanoTime() < deadline) {
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    server.stop(0);
    workers.shutdownNow();
    try {
      workers.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
