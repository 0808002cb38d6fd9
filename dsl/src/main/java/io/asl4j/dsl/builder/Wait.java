package io.asl4j.dsl.builder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.asl4j.dsl.model.QueryLanguage;
import io.asl4j.dsl.model.State;
import io.asl4j.dsl.model.WaitState;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A {@code Wait} state. Staged: after the name comes exactly one time ({@code seconds}, {@code
 * duration}, {@code timestamp}, {@code secondsPath}, {@code timestampPath} or a {@link WaitTime}),
 * so a Wait cannot get none or two.
 *
 * <pre>{@code
 * Wait.JsonPath pause = Wait.jsonPath("WaitForProcessing").seconds(2);
 * Wait.jsonPath("CoolingOff").time(WaitTime.duration(Duration.ofHours(24)));
 * Wait.jsonata("Until").timestamp("{% $states.input.due %}");
 * }</pre>
 *
 * @param <S> the concrete Wait type
 * @see <a href="https://states-language.net/spec.html#wait-state">Wait state</a>
 */
public abstract sealed class Wait<S extends Wait<S>> extends NextableState<S>
    permits Wait.JsonPath, Wait.Jsonata {
  JsonNode seconds;
  String secondsPath;
  JsonNode timestamp;
  String timestampPath;

  Wait(String name, QueryLanguage language) {
    super(name, language);
  }

  /** A JSONPath Wait state named {@code name}; next, give its time. */
  public static JsonPathStage jsonPath(String name) {
    return new JsonPathStage(Objects.requireNonNull(name, "name == null"));
  }

  /** A JSONata Wait state named {@code name}; next, give its time. */
  public static JsonataStage jsonata(String name) {
    return new JsonataStage(Objects.requireNonNull(name, "name == null"));
  }

  @Override
  final State toModel(BuildContext context, String pointer) {
    return new WaitState(
        comment,
        modelLanguage(context.machineLanguage),
        io,
        seconds,
        secondsPath,
        timestamp,
        timestampPath,
        nextName(),
        endValue());
  }

  /**
   * The time stage of a JSONPath Wait: exactly one of these is called.
   *
   * <pre>{@code
   * Wait.jsonPath("Pause").secondsPath("$.delay")
   * }</pre>
   */
  public static final class JsonPathStage {
    private final String name;

    private JsonPathStage(String name) {
      this.name = name;
    }

    /** {@code Seconds}. */
    public JsonPath seconds(long seconds) {
      return time(WaitTime.seconds(seconds));
    }

    /** {@code Seconds}, from a whole number of seconds. */
    public JsonPath duration(Duration duration) {
      return time(WaitTime.duration(duration));
    }

    /** {@code Timestamp}. */
    public JsonPath timestamp(Instant timestamp) {
      return time(WaitTime.timestamp(timestamp));
    }

    /** {@code Timestamp}, as RFC 3339 text. */
    public JsonPath timestamp(String timestamp) {
      return time(WaitTime.timestamp(timestamp));
    }

    /** {@code SecondsPath}. */
    public JsonPath secondsPath(String path) {
      return time(WaitTime.secondsPath(path));
    }

    /** {@code SecondsPath}. */
    public JsonPath secondsPath(NumberPath path) {
      return secondsPath(Objects.requireNonNull(path, "path == null").path());
    }

    /** {@code TimestampPath}. */
    public JsonPath timestampPath(String path) {
      return time(WaitTime.timestampPath(path));
    }

    /** {@code TimestampPath}. */
    public JsonPath timestampPath(TimestampPath path) {
      return timestampPath(Objects.requireNonNull(path, "path == null").path());
    }

    /** The time given as a {@link WaitTime}. */
    public JsonPath time(WaitTime time) {
      JsonPath wait = new JsonPath(name);
      Objects.requireNonNull(time, "time == null").applyTo(wait);
      return wait;
    }
  }

  /**
   * The time stage of a JSONata Wait: exactly one of these is called. {@code SecondsPath} and
   * {@code TimestampPath} are JSONPath-only, so they are not offered.
   *
   * <pre>{@code
   * Wait.jsonata("Pause").seconds("{% $states.input.delay %}")
   * }</pre>
   */
  public static final class JsonataStage {
    private final String name;

    private JsonataStage(String name) {
      this.name = name;
    }

    /** {@code Seconds}. */
    public Jsonata seconds(long seconds) {
      Jsonata wait = new Jsonata(name);
      wait.seconds = JsonNumbers.of(seconds);
      return wait;
    }

    /** {@code Seconds} as a {@code "{% ... %}"} expression. */
    public Jsonata seconds(String expression) {
      Jsonata wait = new Jsonata(name);
      wait.seconds = TextNode.valueOf(expression);
      return wait;
    }

    /** {@code Seconds}, from a whole number of seconds. */
    public Jsonata duration(Duration duration) {
      return seconds(Durations.seconds(duration));
    }

    /** {@code Timestamp}. */
    public Jsonata timestamp(Instant timestamp) {
      return timestamp(Rfc3339.format(timestamp));
    }

    /** {@code Timestamp}: RFC 3339 text or a {@code "{% ... %}"} expression. */
    public Jsonata timestamp(String timestamp) {
      Jsonata wait = new Jsonata(name);
      wait.timestamp = TextNode.valueOf(timestamp);
      return wait;
    }
  }

  /**
   * A JSONPath Wait: {@code InputPath}, {@code OutputPath}.
   *
   * <pre>{@code
   * Wait.jsonPath("Pause").seconds(5).outputPath("$.order")
   * }</pre>
   */
  public static final class JsonPath extends Wait<JsonPath>
      implements JsonPathFields.InputOutput<JsonPath> {
    JsonPath(String name) {
      super(name, QueryLanguage.JSONPATH);
    }
  }

  /**
   * A JSONata Wait: {@code Output}.
   *
   * <pre>{@code
   * Wait.jsonata("Pause").seconds(5).output("{% $states.input.order %}")
   * }</pre>
   */
  public static final class Jsonata extends Wait<Jsonata> implements JsonataFields.Output<Jsonata> {
    Jsonata(String name) {
      super(name, QueryLanguage.JSONATA);
    }
  }
}
