package io.asl4j.dsl.builder;

import io.asl4j.dsl.model.Catcher;
import io.asl4j.dsl.model.QueryLanguage;
import io.asl4j.dsl.model.Retrier;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A state that can {@code Retry} and {@code Catch}: Task, Parallel and Map. No other state type
 * offers {@code retry()} or {@code catching()}.
 *
 * <pre>{@code
 * Task.jsonPath("Pay").resource(Resource.lambda("arn:aws:lambda:us-east-1:123:function:Pay"))
 *     .retry(Retry.on(Errors.TASK_FAILED).intervalSeconds(2))
 *     .catching(Catch.all().to(failed));
 * }</pre>
 *
 * @param <S> the concrete state type
 */
public abstract sealed class ErrorHandlingState<S extends ErrorHandlingState<S>>
    extends NextableState<S> permits Task, Parallel, MapState {
  List<Retrier> retriers;
  List<CatchSpec> catchers;

  ErrorHandlingState(String name, QueryLanguage language) {
    super(name, language);
  }

  /**
   * Adds retriers, tried in order; AWS's defaults apply to what a {@link Retry} leaves unset.
   *
   * @see <a href="https://states-language.net/spec.html#retrying-after-error">Retrying after
   *     error</a>
   */
  public final S retry(Retry... retries) {
    if (retriers == null) {
      retriers = new ArrayList<>();
    }
    for (Retry retry : retries) {
      retriers.add(Objects.requireNonNull(retry, "retry == null").toModel());
    }
    return self();
  }

  /**
   * Adds catchers, tried in order after the retriers are exhausted; the catchers with fields of one
   * query language are added by that language's {@code catching} overload.
   *
   * @see <a href="https://states-language.net/spec.html#fallback-states">Fallback states</a>
   */
  public final S catching(Catch... catchers) {
    return addCatches(this, catchers, Catch::spec);
  }

  final S addCatch(CatchSpec spec) {
    if (spec.target() == null) {
      throw new IllegalArgumentException(
          "a catcher of state '" + name() + "' has no target: call to(state)");
    }
    if (catchers == null) {
      catchers = new ArrayList<>();
    }
    catchers.add(spec);
    return self();
  }

  /** Adds {@code catchers} to {@code state}, an error-handling state, and returns it. */
  @SuppressWarnings("unchecked")
  static <S, C> S addCatches(Object state, C[] catchers, Function<C, CatchSpec> spec) {
    ErrorHandlingState<?> owner = (ErrorHandlingState<?>) state;
    for (C c : catchers) {
      owner.addCatch(spec.apply(Objects.requireNonNull(c, "catcher == null")));
    }
    return (S) owner;
  }

  final List<Catcher> catcherModels() {
    if (catchers == null) {
      return null;
    }
    List<Catcher> models = new ArrayList<>();
    for (CatchSpec spec : catchers) {
      models.add(spec.toModel());
    }
    return models;
  }

  @Override
  final List<StateBuilder<?>> successors() {
    List<StateBuilder<?>> successors = super.successors();
    if (catchers != null) {
      for (CatchSpec spec : catchers) {
        successors.add(spec.target());
      }
    }
    return successors;
  }
}
