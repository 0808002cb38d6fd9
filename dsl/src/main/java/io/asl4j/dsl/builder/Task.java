package io.asl4j.dsl.builder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.asl4j.dsl.model.NullablePath;
import io.asl4j.dsl.model.QueryLanguage;
import io.asl4j.dsl.model.State;
import java.time.Duration;
import java.util.Objects;
import io.asl4j.dsl.model.TaskState;

/**
 * A {@code Task} state: calls a {@link Resource}. Staged: the name, then the resource, then any
 * options; {@code Task.jsonPath(...)} and {@code Task.jsonata(...)} offer only the fields of their
 * query language.
 *
 * <pre>{@code
 * Task.JsonPath validate = Task.jsonPath("ValidateOrder")
 *     .resource(Resource.lambdaFunction("us-east-1", "123", "ValidateOrder"))
 *     .resultPath("$.validation")
 *     .retry(Retry.on(Errors.TASK_FAILED))
 *     .catching(Catch.on("ValidationError").to(sendFailureNotification));
 *
 * Task.Jsonata charge = Task.jsonata("Charge")
 *     .resource(Resource.lambdaInvoke())
 *     .arguments("{% {'FunctionName': 'charge', 'Payload': $states.input} %}")
 *     .output("{% $states.result.Payload %}");
 * }</pre>
 *
 * @param <S> the concrete task type
 * @see <a href="https://states-language.net/spec.html#task-state">Task state</a>
 */
public abstract sealed class Task<S extends Task<S>> extends ErrorHandlingState<S>
    permits Task.JsonPath, Task.Jsonata {
  String resource;
  JsonNode timeoutSeconds;
  String timeoutSecondsPath;
  JsonNode heartbeatSeconds;
  String heartbeatSecondsPath;
  JsonNode credentials;

  Task(String name, QueryLanguage language, String resource) {
    super(name, language);
    this.resource = resource;
  }

  /** A JSONPath Task named {@code name}; next, give its resource. */
  public static JsonPathStage jsonPath(String name) {
    return new JsonPathStage(name);
  }

  /** A JSONata Task named {@code name}; next, give its resource. */
  public static JsonataStage jsonata(String name) {
    return new JsonataStage(name);
  }

  /** The {@code Resource}. */
  public final String resource() {
    return resource;
  }

  /**
   * Sets {@code TimeoutSeconds}: the task fails with {@code States.Timeout} after this long.
   * Defaults to none: AWS then allows 99999999 seconds.
   */
  public final S timeoutSeconds(int seconds) {
    timeoutSeconds = IntNode.valueOf(seconds);
    return self();
  }

  /** Sets {@code TimeoutSeconds} from a whole number of seconds; see {@link #timeoutSeconds(int)}. */
  public final S timeout(Duration timeout) {
    return timeoutSeconds(Durations.seconds(timeout));
  }

  /**
   * Sets {@code HeartbeatSeconds}: the task times out when no heartbeat arrives for this long
   * (recorded as {@code States.Timeout}, as AWS does; a Retry or Catch of {@code
   * States.HeartbeatTimeout} matches only this). Must be below the timeout. Defaults to none.
   */
  public final S heartbeatSeconds(int seconds) {
    heartbeatSeconds = IntNode.valueOf(seconds);
    return self();
  }

  /** Sets {@code HeartbeatSeconds} from a whole number of seconds. Defaults to none. */
  public final S heartbeat(Duration heartbeat) {
    return heartbeatSeconds(Durations.seconds(heartbeat));
  }

  /** Sets {@code Credentials}, the role to assume for the call. Defaults to the machine's role. */
  public final S credentials(JsonNode credentials) {
    this.credentials = credentials;
    return self();
  }

  /** Sets {@code Credentials} from a payload; see {@link #credentials(JsonNode)}. */
  public final S credentials(Payload credentials) {
    return credentials(json(credentials));
  }

  @Override
  final State toModel(BuildContext context, String pointer) {
    return new TaskState(
        comment,
        modelLanguage(context.machineLanguage),
        io,
        resource,
        timeoutSeconds,
        timeoutSecondsPath,
        heartbeatSeconds,
        heartbeatSecondsPath,
        credentials,
        retriers,
        catcherModels(),
        nextName(),
        endValue());
  }

  /**
   * The resource stage of a JSONPath Task.
   *
   * <pre>{@code
   * Task.jsonPath("Notify").resource(Resource.snsPublish())
   * }</pre>
   */
  public static final class JsonPathStage {
    private final String name;

    private JsonPathStage(String name) {
      this.name = Objects.requireNonNull(name, "name == null");
    }

    /** Sets {@code Resource}. Required. */
    public JsonPath resource(Resource resource) {
      return resource(Objects.requireNonNull(resource, "resource == null").arn());
    }

    /** Sets {@code Resource} from ARN text. Required. */
    public JsonPath resource(String resource) {
      return new JsonPath(name, Objects.requireNonNull(resource, "resource == null"));
    }
  }

  /**
   * The resource stage of a JSONata Task.
   *
   * <pre>{@code
   * Task.jsonata("Notify").resource(Resource.snsPublish())
   * }</pre>
   */
  public static final class JsonataStage {
    private final String name;

    private JsonataStage(String name) {
      this.name = Objects.requireNonNull(name, "name == null");
    }

    /** Sets {@code Resource}. Required. */
    public Jsonata resource(Resource resource) {
      return resource(Objects.requireNonNull(resource, "resource == null").arn());
    }

    /** Sets {@code Resource} from ARN text. Required. */
    public Jsonata resource(String resource) {
      return new Jsonata(name, Objects.requireNonNull(resource, "resource == null"));
    }
  }

  /**
   * A JSONPath Task: {@code InputPath}, {@code Parameters}, {@code ResultSelector}, {@code
   * ResultPath}, {@code OutputPath}, and the {@code *Path} forms of its timeouts.
   *
   * <pre>{@code
   * Task.jsonPath("Get").resource(Resource.dynamoDbGetItem()).parameters(key).resultPath("$.item")
   * }</pre>
   */
  public static final class JsonPath extends Task<JsonPath> {
    JsonPath(String name, String resource) {
      super(name, QueryLanguage.JSONPATH, resource);
    }

    /** Sets {@code InputPath}, the part of the input the state sees. Defaults to {@code $}. */
    public JsonPath inputPath(String path) {
      io = io.withInputPath(NullablePath.of(path));
      return this;
    }

    /** Sets {@code "InputPath": null}: the state sees {@code {}}. */
    public JsonPath ignoreInput() {
      io = io.withInputPath(NullablePath.DISCARD);
      return this;
    }

    /** Sets {@code Parameters}, the payload template of the state's input. Defaults to none. */
    public JsonPath parameters(JsonNode parameters) {
      io = io.withParameters(parameters);
      return this;
    }

    /** Sets {@code Parameters} from a payload; see {@link #parameters(JsonNode)}. */
    public JsonPath parameters(Payload parameters) {
      return parameters(json(parameters));
    }

    /** Sets {@code ResultSelector}, a payload template over the result. Defaults to none. */
    public JsonPath resultSelector(JsonNode selector) {
      io = io.withResultSelector(selector);
      return this;
    }

    /** Sets {@code ResultSelector} from a payload; see {@link #resultSelector(JsonNode)}. */
    public JsonPath resultSelector(Payload selector) {
      return resultSelector(json(selector));
    }

    /** Sets {@code ResultPath}, where the result goes in the input. Defaults to {@code $}. */
    public JsonPath resultPath(String path) {
      io = io.withResultPath(NullablePath.of(path));
      return this;
    }

    /** Sets {@code "ResultPath": null}: the result is discarded and the input passed on. */
    public JsonPath discardResult() {
      io = io.withResultPath(NullablePath.DISCARD);
      return this;
    }

    /** Sets {@code OutputPath}, the part of the output passed on. Defaults to {@code $}. */
    public JsonPath outputPath(String path) {
      io = io.withOutputPath(NullablePath.of(path));
      return this;
    }

    /** Sets {@code "OutputPath": null}: the output is {@code {}}. */
    public JsonPath discardOutput() {
      io = io.withOutputPath(NullablePath.DISCARD);
      return this;
    }

    /** Sets {@code TimeoutSecondsPath}, a reference path to the timeout. Defaults to none. */
    public JsonPath timeoutSecondsPath(String path) {
      timeoutSecondsPath = path;
      return this;
    }

    /** Sets {@code HeartbeatSecondsPath}, a reference path to the heartbeat. Defaults to none. */
    public JsonPath heartbeatSecondsPath(String path) {
      heartbeatSecondsPath = path;
      return this;
    }

    /** Adds catchers, tried in order after the retriers are exhausted. */
    public JsonPath catching(Catch... catchers) {
      for (Catch c : catchers) {
        addCatch(Objects.requireNonNull(c, "catcher == null").spec());
      }
      return this;
    }

    /** Adds catchers with JsonPath-only fields. */
    public JsonPath catching(Catch.JsonPath... catchers) {
      for (Catch.JsonPath c : catchers) {
        addCatch(Objects.requireNonNull(c, "catcher == null").spec());
      }
      return this;
    }
  }

  /**
   * A JSONata Task: {@code Arguments}, {@code Output}, and timeouts that may be expressions.
   *
   * <pre>{@code
   * Task.jsonata("Get").resource(Resource.dynamoDbGetItem()).arguments(key).output("{% $states.result.Item %}")
   * }</pre>
   */
  public static final class Jsonata extends Task<Jsonata> {
    Jsonata(String name, String resource) {
      super(name, QueryLanguage.JSONATA, resource);
    }

    /** Sets {@code Arguments}, the input of the task or branches. Defaults to the state input. */
    public Jsonata arguments(JsonNode arguments) {
      io = io.withArguments(arguments);
      return this;
    }

    /** Sets {@code Arguments} from a payload; see {@link #arguments(JsonNode)}. */
    public Jsonata arguments(Payload arguments) {
      return arguments(json(arguments));
    }

    /** Sets {@code Arguments} to one {@code "{% ... %}"} expression. */
    public Jsonata arguments(String expression) {
      return arguments(TextNode.valueOf(expression));
    }

    /** Sets {@code Output}, the state output. Defaults to the result (or the input). */
    public Jsonata output(JsonNode output) {
      io = io.withOutput(output);
      return this;
    }

    /** Sets {@code Output} from a payload; see {@link #output(JsonNode)}. */
    public Jsonata output(Payload output) {
      return output(json(output));
    }

    /** Sets {@code Output} to one {@code "{% ... %}"} expression. */
    public Jsonata output(String expression) {
      return output(TextNode.valueOf(expression));
    }

    /** Sets {@code TimeoutSeconds} to a {@code "{% ... %}"} expression. */
    public Jsonata timeoutSeconds(String expression) {
      timeoutSeconds = TextNode.valueOf(expression);
      return this;
    }

    /** Sets {@code HeartbeatSeconds} to a {@code "{% ... %}"} expression. */
    public Jsonata heartbeatSeconds(String expression) {
      heartbeatSeconds = TextNode.valueOf(expression);
      return this;
    }

    /** Adds catchers, tried in order after the retriers are exhausted. */
    public Jsonata catching(Catch... catchers) {
      for (Catch c : catchers) {
        addCatch(Objects.requireNonNull(c, "catcher == null").spec());
      }
      return this;
    }

    /** Adds catchers with Jsonata-only fields. */
    public Jsonata catching(Catch.Jsonata... catchers) {
      for (Catch.Jsonata c : catchers) {
        addCatch(Objects.requireNonNull(c, "catcher == null").spec());
      }
      return this;
    }
  }
}
