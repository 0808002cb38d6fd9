package io.asl4j.dsl.builder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.asl4j.dsl.model.NullablePath;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * One catcher of a Task, Parallel or Map state: on a matching error, continue at a fallback state.
 * Immutable: every setter returns a new catcher.
 *
 * <p>A catcher starts language-neutral; {@link #resultPath} makes it a {@link Catch.JsonPath}
 * (accepted only by JSONPath states) and {@link #output} a {@link Catch.Jsonata} (accepted only by
 * JSONata states). By default the error output replaces the state's output ({@code ResultPath}
 * {@code $}; JSONata {@code Output} {@code $states.errorOutput}).
 *
 * <pre>{@code
 * Catch.on("ValidationError").to(sendFailureNotification)
 * Catch.all().resultPath("$.error").to(handleError)           // JSONPath states
 * Catch.all().output("{% $states.errorOutput %}").to(failed)  // JSONata states
 * }</pre>
 *
 * @see <a href="https://states-language.net/spec.html#fallback-states">Fallback states</a>
 */
public final class Catch implements CommentAndAssign.CatchFields<Catch> {
  private final CatchSpec spec;

  private Catch(CatchSpec spec) {
    this.spec = spec;
  }

  /** Catches any error ({@code ["States.ALL"]}); it must be the last catcher of its state. */
  public static Catch all() {
    return new Catch(new CatchSpec(List.of(Errors.ALL), null, null, null, null, null));
  }

  /**
   * Catches the errors named. {@code States.ALL} is not allowed here: it must appear alone, so use
   * {@link #all()}.
   */
  public static Catch on(String error, String... more) {
    return new Catch(
        new CatchSpec(Retry.errorList(error, more, "Catch.all()"), null, null, null, null, null));
  }

  /** Sets the JSONPath {@code ResultPath} where the error output goes. Defaults to {@code $}. */
  public JsonPath resultPath(String path) {
    return new JsonPath(spec.withResultPath(NullablePath.of(path)));
  }

  /** Sets {@code "ResultPath": null}: the error output is discarded and the input kept. */
  public JsonPath discardResult() {
    return new JsonPath(spec.withResultPath(NullablePath.DISCARD));
  }

  /** Sets the JSONata {@code Output}. Defaults to {@code $states.errorOutput}. */
  public Jsonata output(JsonNode output) {
    return new Jsonata(spec.withOutput(output));
  }

  /** Sets the JSONata {@code Output} to an expression string such as {@code "{% ... %}"}. */
  public Jsonata output(String output) {
    return output(TextNode.valueOf(output));
  }

  /** Sets the JSONata {@code Output} from a payload template. */
  public Jsonata output(Payload output) {
    return output(Objects.requireNonNull(output, "output == null").toJson());
  }

  CatchSpec spec() {
    return spec;
  }

  /** A copy of {@code catcher} (a Catch, Catch.JsonPath or Catch.Jsonata) with its spec changed. */
  @SuppressWarnings("unchecked")
  static <C> C withSpec(Object catcher, UnaryOperator<CatchSpec> change) {
    if (catcher instanceof JsonPath c) {
      return (C) new JsonPath(change.apply(c.spec));
    }
    if (catcher instanceof Jsonata c) {
      return (C) new Jsonata(change.apply(c.spec));
    }
    return (C) new Catch(change.apply(((Catch) catcher).spec));
  }

  /**
   * A catcher with a JSONPath-only field ({@code ResultPath}).
   *
   * <pre>{@code
   * Catch.on("PaymentDeclined").resultPath("$.error").to(handlePaymentError)
   * }</pre>
   */
  public static final class JsonPath implements CommentAndAssign.CatchFields<JsonPath> {
    private final CatchSpec spec;

    private JsonPath(CatchSpec spec) {
      this.spec = spec;
    }

    CatchSpec spec() {
      return spec;
    }
  }

  /**
   * A catcher with a JSONata-only field ({@code Output}).
   *
   * <pre>{@code
   * Catch.all().output("{% $states.errorOutput %}").to(orderFailed)
   * }</pre>
   */
  public static final class Jsonata implements CommentAndAssign.CatchFields<Jsonata> {
    private final CatchSpec spec;

    private Jsonata(CatchSpec spec) {
      this.spec = spec;
    }

    CatchSpec spec() {
      return spec;
    }
  }
}
