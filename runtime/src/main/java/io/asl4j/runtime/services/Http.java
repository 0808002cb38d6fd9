package io.asl4j.runtime.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asl4j.runtime.StatesError;
import io.asl4j.runtime.TaskContext;
import io.asl4j.runtime.services.internal.Aws;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * HTTPS endpoints for {@code arn:aws:states:::http:invoke}, answered by a {@link Handler} the test
 * plugs in. The task's {@code ApiEndpoint}, {@code Method}, {@code Headers}, {@code
 * QueryParameters} and {@code RequestBody} (JSON, or form fields with {@code Transform:
 * {"RequestBodyEncoding": "URL_ENCODED"}}) become a {@link Request}; the {@link Response} becomes
 * AWS's {@code {"Headers": {name: [value]}, "ResponseBody": ..., "StatusCode": "200", "StatusText":
 * "OK"}}, the body parsed when it is JSON. A status outside 2xx fails the task with {@code
 * States.Http.StatusCode.<code>}.
 *
 * <p>A form body encodes arrays as {@code Transform.RequestEncodingOptions.ArrayFormat} says:
 * {@code INDICES} ({@code a[0]=x&a[1]=y}, the default), {@code REPEAT} ({@code a=x&a=y}), {@code
 * COMMAS} ({@code a=x,y}) or {@code BRACKETS} ({@code a[]=x&a[]=y}), percent-encoded as a form body
 * is. The EventBridge connection named by {@code Authentication.ConnectionArn}, when one is set up
 * with {@link #connection}, adds its invocation parameters (headers, query string, body fields) to
 * the request; where a key is in both, the connection's value is sent.
 *
 * <pre>{@code
 * services.http().handler(request -> new Http.Response(200, Map.of("content-type", "application/json"), "{\"ok\":true}"));
 * services.http().requests().get(0).url();   // https://api.example.com/orders?id=o-1
 * }</pre>
 */
public final class Http {
  /** What the task sent. Headers and their order are as given in the task's {@code Headers}. */
  public record Request(String method, String url, Map<String, String> headers, String body) {}

  /** What the endpoint answers. */
  public record Response(int status, Map<String, String> headers, String body) {
    public Response {
      headers = headers == null ? Map.of() : Map.copyOf(headers);
    }
  }

  /** Answers the requests of {@code http:invoke} tasks. */
  @FunctionalInterface
  public interface Handler {
    Response handle(Request request);
  }

  /**
   * An EventBridge connection's {@code InvocationHttpParameters}: what every request made through
   * it carries besides the task's own. Values are strings, as EventBridge keeps them.
   */
  public record Connection(
      Map<String, String> headers,
      Map<String, String> queryParameters,
      Map<String, String> bodyParameters) {
    public Connection {
      headers = headers == null ? Map.of() : new LinkedHashMap<>(headers);
      queryParameters = queryParameters == null ? Map.of() : new LinkedHashMap<>(queryParameters);
      bodyParameters = bodyParameters == null ? Map.of() : new LinkedHashMap<>(bodyParameters);
    }
  }

  private Handler handler;
  private final List<Request> requests = new ArrayList<>();
  private final Map<String, Connection> connections = new LinkedHashMap<>();

  Http() {}

  /** Answers every {@code http:invoke} with {@code handler}. */
  public synchronized Http handler(Handler handler) {
    this.handler = Objects.requireNonNull(handler, "handler == null");
    return this;
  }

  /** Sets up the EventBridge connection {@code connectionArn} with its invocation parameters. */
  public synchronized Http connection(String connectionArn, Connection connection) {
    connections.put(
        Objects.requireNonNull(connectionArn, "connectionArn == null"),
        Objects.requireNonNull(connection, "connection == null"));
    return this;
  }

  /** The requests sent so far, in order. */
  public synchronized List<Request> requests() {
    return List.copyOf(requests);
  }

  JsonNode invoke(JsonNode input, TaskContext ctx) {
    String endpoint = Aws.string(input, "ApiEndpoint");
    String method = Aws.string(input, "Method");
    if (endpoint == null || method == null) {
      throw new StatesError("States.Runtime", "An http:invoke task needs ApiEndpoint and Method");
    }
    Connection connection;
    synchronized (this) {
      connection = connections.get(input.path("Authentication").path("ConnectionArn").asText());
    }
    Built sent = build(input, endpoint, connection);
    String verb = method.toUpperCase(Locale.ROOT);
    Request request = new Request(verb, sent.url(), Map.copyOf(sent.headers()), sent.body());
    Handler current;
    synchronized (this) {
      requests.add(request);
      current = handler;
    }
    if (current == null) {
      throw new StatesError(
          "States.Http.Socket",
          "No HTTP endpoint is set up for "
              + request.url()
              + "; plug one in with AwsServices.http().handler(...)");
    }
    Response response = current.handle(request);
    ObjectNode result = Aws.NODES.objectNode();
    ObjectNode responseHeaders = result.putObject("Headers");
    new java.util.TreeMap<>(response.headers())
        .forEach(
            (name, value) -> responseHeaders.putArray(name.toLowerCase(Locale.ROOT)).add(value));
    String text = response.body() == null ? "" : response.body();
    JsonNode parsed = Aws.parseOrNull(text);
    if (parsed != null && !text.isBlank()) {
      result.set("ResponseBody", parsed);
    } else {
      result.put("ResponseBody", text);
    }
    result.put("StatusCode", String.valueOf(response.status()));
    result.put("StatusText", statusText(response.status()));
    // TestState's TRACE: the exchange, once as sent and once without what the connection added.
    Built shown = connection == null ? sent : build(input, endpoint, null);
    ObjectNode traceResponse = Aws.NODES.objectNode();
    traceResponse.put("protocol", "https");
    traceResponse.put("statusCode", String.valueOf(response.status()));
    traceResponse.put("statusMessage", statusText(response.status()));
    traceResponse.put("headers", headerText(new java.util.TreeMap<>(response.headers())));
    traceResponse.put("body", text);
    ctx.recordHttpExchange(traceRequest(verb, shown), traceRequest(verb, sent), traceResponse);
    if (response.status() < 200 || response.status() > 299) {
      throw new StatesError("States.Http.StatusCode." + response.status(), Aws.json(result));
    }
    return result;
  }

  private static ObjectNode traceRequest(String method, Built built) {
    ObjectNode request = Aws.NODES.objectNode();
    request.put("protocol", "https");
    request.put("method", method);
    request.put("url", built.url());
    request.put("headers", headerText(built.headers()));
    request.put("body", built.body() == null ? "" : built.body());
    return request;
  }

  /** Headers as one text, {@code Name: value} a line. */
  private static String headerText(Map<String, String> headers) {
    StringBuilder text = new StringBuilder();
    headers.forEach(
        (name, value) ->
            text.append(text.length() == 0 ? "" : "\n").append(name).append(": ").append(value));
    return text.toString();
  }

  /** A request as built: its URL, its headers in order, its body (or null). */
  private record Built(String url, Map<String, String> headers, String body) {}

  /** The request of {@code input}, with {@code connection}'s invocation parameters (null: none). */
  private static Built build(JsonNode input, String endpoint, Connection connection) {
    StringBuilder url = new StringBuilder(endpoint);
    JsonNode query = input.get("QueryParameters");
    if (connection != null && !connection.queryParameters().isEmpty()) {
      ObjectNode merged =
          query != null && query.isObject()
              ? ((ObjectNode) query).deepCopy()
              : Aws.NODES.objectNode();
      connection.queryParameters().forEach(merged::put);
      query = merged;
    }
    if (query != null && query.isObject() && !query.isEmpty()) {
      url.append(endpoint.contains("?") ? '&' : '?').append(formEncode(query, "REPEAT"));
    }
    Map<String, String> headers = new LinkedHashMap<>();
    JsonNode given = input.get("Headers");
    if (given != null && given.isObject()) {
      given.fields().forEachRemaining(e -> headers.put(e.getKey(), Aws.text(e.getValue())));
    }
    if (connection != null) {
      headers.putAll(connection.headers());
    }
    String body = null;
    JsonNode requestBody = input.get("RequestBody");
    if (connection != null
        && !connection.bodyParameters().isEmpty()
        && (requestBody == null || requestBody.isNull() || requestBody.isObject())) {
      ObjectNode merged =
          requestBody != null && requestBody.isObject()
              ? ((ObjectNode) requestBody).deepCopy()
              : Aws.NODES.objectNode();
      connection.bodyParameters().forEach(merged::put);
      requestBody = merged;
    }
    if (requestBody != null && !requestBody.isNull()) {
      boolean form =
          "URL_ENCODED".equals(input.path("Transform").path("RequestBodyEncoding").asText());
      if (form && requestBody.isObject()) {
        String arrayFormat =
            input
                .path("Transform")
                .path("RequestEncodingOptions")
                .path("ArrayFormat")
                .asText("INDICES");
        body = formEncode(requestBody, arrayFormat);
        headers.putIfAbsent("Content-Type", "application/x-www-form-urlencoded");
      } else {
        body = Aws.text(requestBody);
        headers.putIfAbsent("Content-Type", "application/json; charset=UTF-8");
      }
    }
    return new Built(url.toString(), headers, body);
  }

  /** Form fields, {@code key=value} joined by {@code &}, arrays as {@code arrayFormat} says. */
  private static String formEncode(JsonNode fields, String arrayFormat) {
    List<String> pairs = new ArrayList<>();
    fields
        .fields()
        .forEachRemaining(
            e -> {
              String key = e.getKey();
              JsonNode value = e.getValue();
              if (!value.isArray()) {
                pairs.add(encode(key) + "=" + encode(Aws.text(value)));
                return;
              }
              switch (arrayFormat) {
                case "COMMAS" -> {
                  List<String> texts = new ArrayList<>();
                  value.forEach(element -> texts.add(Aws.text(element)));
                  pairs.add(encode(key) + "=" + encode(String.join(",", texts)));
                }
                case "REPEAT" ->
                    value.forEach(
                        element -> pairs.add(encode(key) + "=" + encode(Aws.text(element))));
                case "BRACKETS" ->
                    value.forEach(
                        element -> pairs.add(encode(key + "[]") + "=" + encode(Aws.text(element))));
                default -> {
                  for (int i = 0; i < value.size(); i++) {
                    pairs.add(encode(key + "[" + i + "]") + "=" + encode(Aws.text(value.get(i))));
                  }
                }
              }
            });
    return String.join("&", pairs);
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static String statusText(int status) {
    return switch (status) {
      case 200 -> "OK";
      case 201 -> "Created";
      case 202 -> "Accepted";
      case 204 -> "No Content";
      case 301 -> "Moved Permanently";
      case 302 -> "Found";
      case 304 -> "Not Modified";
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 409 -> "Conflict";
      case 429 -> "Too Many Requests";
      case 500 -> "Internal Server Error";
      case 502 -> "Bad Gateway";
      case 503 -> "Service Unavailable";
      case 504 -> "Gateway Timeout";
      default -> "";
    };
  }
}
