package io.asl4j.dsl.builder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.asl4j.dsl.model.QueryLanguage;
import io.asl4j.dsl.model.State;
import io.asl4j.dsl.model.TaskState;
import java.time.Duration;
import java.util.Objects;
import java.util.function.BiFunction;

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
  public static ResourceStage<JsonPath> jsonPath(String name) {
    return new ResourceStage<>(name, JsonPath::new);
  }

  /** A JSONata Task named {@code name}; next, give its resource. */
  public static ResourceStage<Jsonata> jsonata(String name) {
    return new ResourceStage<>(name, Jsonata::new);
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

  /**
   * Sets {@code TimeoutSeconds} from a whole number of seconds; see {@link #timeoutSeconds(int)}.
   */
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
   * The resource stage of a Task: its one required field, then the Task of its query language.
   *
   * <pre>{@code
   * Task.JsonPath notify = Task.jsonPath("Notify").resource(Resource.snsPublish());
   * }</pre>
   *
   * @param <T> the Task type of the query language chosen
   */
  public static final class ResourceStage<T extends Task<T>> {
    private final String name;
    private final BiFunction<String, String, T> task;

    private ResourceStage(String name, BiFunction<String, String, T> task) {
      this.name = Objects.requireNonNull(name, "name == null");
      this.task = task;
    }

    /** Sets {@code Resource}. Required. */
    public T resource(Resource resource) {
      return resource(Objects.requireNonNull(resource, "resource == null").arn());
    }

    /** Sets {@code Resource} from ARN text. Required. */
    public T resource(String resource) {
      return task.apply(name, Objects.requireNonNull(resource, "resource == null"));
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
  public static final class JsonPath extends Task<JsonPath>
      implements JsonPathFields.ResultSelector<JsonPath> {
    JsonPath(String name, String resource) {
      super(name, QueryLanguage.JSONPATH, resource);
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
  }

  /**
   * A JSONata Task: {@code Arguments}, {@code Output}, and timeouts that may be expressions.
   *
   * <pre>{@code
   * Task.jsonata("Get").resource(Resource.dynamoDbGetItem()).arguments(key).output("{% $states.result.Item %}")
   * }</pre>
   */
  public static final class Jsonata extends Task<Jsonata>
      implements JsonataFields.Arguments<Jsonata> {
    Jsonata(String name, String resource) {
      super(name, QueryLanguage.JSONATA, resource);
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
  }
}
