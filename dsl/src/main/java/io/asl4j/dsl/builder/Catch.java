package io.asl4j.dsl.builder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.asl4j.dsl.model.NullablePath;
import java.util.List;
import java.util.Objects;

/**
 * One catcher of a Task, Parallel or Map state: on a matching error, continue at a fallback state.
 * Immutable: every setter returns a new catcher.
 *
 * <p>A catcher starts language-neutral; {@link #resultPath} makes it a {@link Catch.JsonPath}
 * (accepted only by JSONPath states) and {@link #output} a {@link Catch.Jsonata} (accepted only
 * by JSONata states). By default the error output replaces the state's output ({@code
 * ResultPath} {@code $}; JSONata {@code Output} {@code $states.errorOutput}).
 *
 * <pre>{@code
 * Catch.on("ValidationError").to(sendFailureNotification)
 * Catch.all().resultPath("$.error").to(handleError)           // JSONPath states
 * Catch.all().output("{% $states.errorOutput %}").to(failed)  // JSONata states
 * }</pre>
 *
 * @see <a href="https://states-language.net/spec.html#fallback-states">Fallback states</a>
 */
public final class Catch {
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

  /** Sets {@code Next}, the state to continue at. Required. */
  public Catch to(Chainable target) {
    return new Catch(spec.withTarget(Objects.requireNonNull(target, "target == null")));
  }

  /** Sets {@code Comment}. Defaults to none. */
  public Catch comment(String comment) {
    return new Catch(spec.withComment(comment));
  }

  /** Sets {@code Assign}, evaluated against the error output. Defaults to none. */
  public Catch assign(JsonNode assign) {
    return new Catch(spec.withAssign(assign));
  }

  /** Sets {@code Assign} from a payload template. Defaults to none. */
  public Catch assign(Payload assign) {
    return assign(Objects.requireNonNull(assign, "assign == null").toJson());
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

  /**
   * A catcher with a JSONPath-only field ({@code ResultPath}).
   *
   * <pre>{@code
   * Catch.on("PaymentDeclined").resultPath("$.error").to(handlePaymentError)
   * }</pre>
   */
  public static final class JsonPath {
    private final CatchSpec spec;

    private JsonPath(CatchSpec spec) {
      this.spec = spec;
    }

    /** Sets {@code Next}, the state to continue at. Required. */
    public JsonPath to(Chainable target) {
      return new JsonPath(spec.withTarget(Objects.requireNonNull(target, "target == null")));
    }

    /** Sets {@code Comment}. Defaults to none. */
    public JsonPath comment(String comment) {
      return new JsonPath(spec.withComment(comment));
    }

    /** Sets {@code Assign}. Defaults to none. */
    public JsonPath assign(JsonNode assign) {
      return new JsonPath(spec.withAssign(assign));
    }

    /** Sets {@code Assign} from a payload template. Defaults to none. */
    public JsonPath assign(Payload assign) {
      return assign(Objects.requireNonNull(assign, "assign == null").toJson());
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
  public static final class Jsonata {
    private final CatchSpec spec;

    private Jsonata(CatchSpec spec) {
      this.spec = spec;
    }

    /** Sets {@code Next}, the state to continue at. Required. */
    public Jsonata to(Chainable target) {
      return new Jsonata(spec.withTarget(Objects.requireNonNull(target, "target == null")));
    }

    /** Sets {@code Comment}. Defaults to none. */
    public Jsonata comment(String comment) {
      return new Jsonata(spec.withComment(comment));
    }

    /** Sets {@code Assign}. Defaults to none. */
    public Jsonata assign(JsonNode assign) {
      return new Jsonata(spec.withAssign(assign));
    }

    /** Sets {@code Assign} from a payload template. Defaults to none. */
    public Jsonata assign(Payload assign) {
      return assign(Objects.requireNonNull(assign, "assign == null").toJson());
    }

    CatchSpec spec() {
      return spec;
    }
  }
}
