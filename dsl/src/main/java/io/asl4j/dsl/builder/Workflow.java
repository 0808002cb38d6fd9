package io.asl4j.dsl.builder;

import io.asl4j.dsl.json.AslWriter;
import io.asl4j.dsl.model.QueryLanguage;
import io.asl4j.dsl.model.State;
import io.asl4j.dsl.model.StateMachine;
import io.asl4j.dsl.model.StateMachineType;
import io.asl4j.dsl.validate.AslValidationException;
import io.asl4j.dsl.validate.Problem;
import io.asl4j.dsl.validate.ValidationOptions;
import io.asl4j.dsl.validate.ValidationResult;
import io.asl4j.dsl.validate.Validator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds a whole state machine: its top-level fields and its definition, a {@link Chainable} whose
 * reachable states become {@code States}. {@link #build()} produces the shared {@link StateMachine}
 * model, checked by the shared {@link Validator}.
 *
 * <pre>{@code
 * StateMachine machine = Workflow.jsonPath()
 *     .comment("Order Processing")
 *     .definition(Chain.start(validateOrder).next(processPayment).next(isPaymentApproved))
 *     .build();                  // throws AslValidationException listing every problem
 * String asl = AslWriter.write(machine);
 *
 * Workflow copy = Workflow.from(AslReader.read(asl));   // edit existing ASL in Java
 * }</pre>
 */
public final class Workflow {
  private final QueryLanguage language;
  private boolean declareLanguage;
  private String comment;
  private String version;
  private Integer timeoutSeconds;
  private StateMachineType type = StateMachineType.STANDARD;
  private StateBuilder<?> start;
  private final List<StateBuilder<?>> extra = new ArrayList<>();
  private final Map<String, StateBuilder<?>> imported = new LinkedHashMap<>();

  private Workflow(QueryLanguage language) {
    this.language = language;
  }

  /** A workflow whose states default to JSONPath (no top-level {@code QueryLanguage}). */
  public static Workflow jsonPath() {
    return new Workflow(QueryLanguage.JSONPATH);
  }

  /** A workflow with {@code "QueryLanguage": "JSONata"}: every state defaults to JSONata. */
  public static Workflow jsonata() {
    return new Workflow(QueryLanguage.JSONATA);
  }

  /**
   * A builder holding every state of {@code machine}, so that existing ASL can be edited in Java:
   * look states up with {@link #state(String)}. Building it unchanged gives an equal model.
   *
   * @throws IllegalArgumentException when a transition ({@code Next}, {@code Default}, a rule's or
   *     a catcher's {@code Next}) or a branch's {@code StartAt} names no state of its graph: the
   *     builder links states, not names, so it cannot hold such a machine
   */
  public static Workflow from(StateMachine machine) {
    return ModelImport.workflow(Objects.requireNonNull(machine, "machine == null"));
  }

  /** Sets the definition: its start state becomes {@code StartAt}. Required. */
  public Workflow definition(Chainable definition) {
    this.start = Objects.requireNonNull(definition, "definition == null").startState();
    return this;
  }

  /** Adds top-level states that no transition reaches (AWS accepts them; the validator warns). */
  public Workflow include(StateBuilder<?>... states) {
    for (StateBuilder<?> state : states) {
      extra.add(Objects.requireNonNull(state, "state == null"));
    }
    return this;
  }

  /** Sets {@code Comment}. Defaults to none. */
  public Workflow comment(String comment) {
    this.comment = comment;
    return this;
  }

  /** Sets {@code Version}. Defaults to none (AWS assumes "1.0"). */
  public Workflow version(String version) {
    this.version = version;
    return this;
  }

  /** Sets {@code TimeoutSeconds} for the whole execution. Defaults to none (the service limit). */
  public Workflow timeoutSeconds(int seconds) {
    this.timeoutSeconds = seconds;
    return this;
  }

  /** Sets {@code TimeoutSeconds} from a whole number of seconds. Defaults to none. */
  public Workflow timeout(Duration timeout) {
    return timeoutSeconds(Durations.seconds(timeout));
  }

  /** Writes {@code "QueryLanguage": "JSONPath"} although it is the default. */
  public Workflow declareQueryLanguage() {
    this.declareLanguage = true;
    return this;
  }

  /**
   * Sets the type the machine will be created with, for validation only (Express machines cannot
   * use {@code .sync}, {@code .waitForTaskToken} or activities). Defaults to STANDARD.
   */
  public Workflow type(StateMachineType type) {
    this.type = Objects.requireNonNull(type, "type == null");
    return this;
  }

  /** A state of a workflow made by {@link #from}, by name (in any graph), or null. */
  public StateBuilder<?> state(String name) {
    return imported.get(name);
  }

  /** Every state of a workflow made by {@link #from}, by name. */
  public Map<String, StateBuilder<?>> states() {
    return Collections.unmodifiableMap(imported);
  }

  void register(StateBuilder<?> state) {
    imported.putIfAbsent(state.name(), state);
  }

  /**
   * The state machine, validated.
   *
   * @throws AslValidationException listing every problem (errors and warnings, each with its
   *     location), when there is at least one error
   */
  public StateMachine build() {
    BuildContext context = new BuildContext(language);
    StateMachine machine = assemble(context);
    ValidationResult result = Validator.validate(machine, ValidationOptions.forType(type));
    List<Problem> problems = new ArrayList<>(context.problems);
    for (Problem problem : result.problems()) {
      if (!followsFromDuplicateName(problem, context.problems)) {
        problems.add(problem);
      }
    }
    if (problems.stream().anyMatch(Problem::isError)) {
      throw new AslValidationException(problems);
    }
    return machine;
  }

  /**
   * Two state objects with one name: the model keeps the first, so the second's transitions are
   * lost and the graph they are in may look endless or cut off. What the validator says about the
   * reachability of that graph follows from the duplicate, which is already reported.
   */
  private static boolean followsFromDuplicateName(Problem problem, List<Problem> builderProblems) {
    if (!REACHABILITY_TAGS.contains(problem.tag())) {
      return false;
    }
    for (Problem duplicate : builderProblems) {
      String pointer = duplicate.pointer();
      String graph = pointer.substring(0, pointer.lastIndexOf("/States/"));
      if (duplicate.tag().equals("DuplicateStateName")
          && (problem.pointer().equals(graph + "/States")
              || problem.pointer().startsWith(graph + "/States/")
                  && problem.pointer().indexOf('/', (graph + "/States/").length()) < 0)) {
        return true;
      }
    }
    return false;
  }

  private static final java.util.Set<String> REACHABILITY_TAGS =
      java.util.Set.of("NoTerminalState", "UnreachableState", "NotReachableFromStart");

  /**
   * The state machine without validation, for tools that validate separately. Problems only the
   * builder can see (two state objects with one name) are dropped: prefer {@link #build()}.
   */
  public StateMachine toModel() {
    return assemble(new BuildContext(language));
  }

  /** The validated state machine as ASL JSON, written by {@link AslWriter}. */
  public String toJson() {
    return AslWriter.write(build());
  }

  /** Same as {@link #toJson()}. */
  public String toAsl() {
    return toJson();
  }

  private StateMachine assemble(BuildContext context) {
    Map<String, State> states =
        start == null && extra.isEmpty()
            ? Map.of()
            : context.graph(start != null ? start : extra.get(0), extra, "");
    QueryLanguage declared = language == QueryLanguage.JSONATA || declareLanguage ? language : null;
    return new StateMachine(
        comment, start == null ? null : start.name(), states, version, timeoutSeconds, declared);
  }
}
