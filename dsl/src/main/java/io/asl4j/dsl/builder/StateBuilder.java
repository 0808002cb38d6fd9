package io.asl4j.dsl.builder;

import com.fasterxml.jackson.databind.JsonNode;
import io.asl4j.dsl.model.Io;
import io.asl4j.dsl.model.QueryLanguage;
import io.asl4j.dsl.model.State;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * One state under construction: the common part of {@link Task}, {@link Pass}, {@link Wait}, {@link
 * Choice}, {@link Parallel}, {@link MapState}, {@link Succeed} and {@link Fail}.
 *
 * <p>States are created by the static factories of those classes, in one of the two query languages
 * ({@code Task.jsonPath(name)}, {@code Task.jsonata(name)}); each language's type offers only the
 * fields that language allows. A state records its own transitions, so one state object stands for
 * one state of one workflow: reuse it to loop back to it.
 *
 * <pre>{@code
 * Pass.JsonPath start = Pass.jsonPath("Start").comment("first state");
 * start.name();          // "Start"
 * start.queryLanguage(); // JSONPATH
 * }</pre>
 *
 * @param <S> the concrete state type, returned by the fluent setters
 */
public abstract sealed class StateBuilder<S extends StateBuilder<S>> implements Chainable
    permits NextableState, Choice, Succeed, Fail {
  private final String name;
  private final QueryLanguage language;
  String comment;
  boolean declareLanguage;
  Io io = Io.NONE;

  StateBuilder(String name, QueryLanguage language) {
    this.name = Objects.requireNonNull(name, "name == null");
    this.language = language;
  }

  /** The state's name: its key in {@code States}. */
  public final String name() {
    return name;
  }

  /** The query language of this state. */
  public final QueryLanguage queryLanguage() {
    return language;
  }

  @Override
  public final StateBuilder<?> startState() {
    return this;
  }

  /** Sets {@code Comment}. Defaults to none. */
  public final S comment(String comment) {
    this.comment = comment;
    return self();
  }

  /**
   * Writes this state's {@code QueryLanguage} even when it is the workflow's. By default the field
   * is written only when the state's language differs from the workflow's.
   */
  public final S declareQueryLanguage() {
    this.declareLanguage = true;
    return self();
  }

  @SuppressWarnings("unchecked")
  final S self() {
    return (S) this;
  }

  /** The {@code QueryLanguage} to write for this state in a workflow of {@code machine}. */
  final QueryLanguage modelLanguage(QueryLanguage machine) {
    return declareLanguage || language != machine ? language : null;
  }

  final boolean jsonata() {
    return language == QueryLanguage.JSONATA;
  }

  /** The model of this state; nested graphs are built through {@code context}. */
  abstract State toModel(BuildContext context, String pointer);

  /** The states this one may transition to (Next, Choices, Default, Catch), in that order. */
  abstract List<StateBuilder<?>> successors();

  /**
   * Changes the I/O fields of {@code state}, a state builder, and returns it: the one body behind
   * the setters that {@link JsonPathFields} and {@link JsonataFields} share.
   */
  @SuppressWarnings("unchecked")
  static <S> S withIo(Object state, UnaryOperator<Io> change) {
    StateBuilder<?> builder = (StateBuilder<?>) state;
    builder.io = change.apply(builder.io);
    return (S) builder;
  }

  static JsonNode json(Payload payload) {
    return Objects.requireNonNull(payload, "payload == null").toJson();
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "(" + name + ")";
  }
}
