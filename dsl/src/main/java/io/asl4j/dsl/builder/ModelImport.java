package io.asl4j.dsl.builder;

import io.asl4j.dsl.model.Catcher;
import io.asl4j.dsl.model.ChoiceRule;
import io.asl4j.dsl.model.ChoiceState;
import io.asl4j.dsl.model.FailState;
import io.asl4j.dsl.model.Graph;
import io.asl4j.dsl.model.ItemProcessor;
import io.asl4j.dsl.model.MapState;
import io.asl4j.dsl.model.ParallelState;
import io.asl4j.dsl.model.PassState;
import io.asl4j.dsl.model.QueryLanguage;
import io.asl4j.dsl.model.State;
import io.asl4j.dsl.model.StateGraph;
import io.asl4j.dsl.model.StateMachine;
import io.asl4j.dsl.model.SucceedState;
import io.asl4j.dsl.model.TaskState;
import io.asl4j.dsl.model.Transitioning;
import io.asl4j.dsl.model.WaitState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns a model back into builders ({@link Workflow#from}). Fields are copied as they are, so that
 * building the result gives an equal model: that is also the proof that the builder can express
 * every definition the reader accepts.
 */
final class ModelImport {
  private final QueryLanguage machineLanguage;
  private final Workflow workflow;

  private ModelImport(QueryLanguage machineLanguage, Workflow workflow) {
    this.machineLanguage = machineLanguage;
    this.workflow = workflow;
  }

  static Workflow workflow(StateMachine machine) {
    Workflow workflow =
        machine.queryLanguage() == QueryLanguage.JSONATA ? Workflow.jsonata() : Workflow.jsonPath();
    if (machine.queryLanguage() == QueryLanguage.JSONPATH) {
      workflow.declareQueryLanguage();
    }
    workflow.comment(machine.comment()).version(machine.version());
    if (machine.timeoutSeconds() != null) {
      workflow.timeoutSeconds(machine.timeoutSeconds());
    }
    ModelImport importer = new ModelImport(machine.defaultQueryLanguage(), workflow);
    Map<String, StateBuilder<?>> states = importer.graph(machine);
    if (machine.startAt() != null && states.containsKey(machine.startAt())) {
      workflow.definition(states.get(machine.startAt()));
    }
    workflow.include(states.values().toArray(new StateBuilder<?>[0]));
    return workflow;
  }

  private Map<String, StateBuilder<?>> graph(Graph graph) {
    Map<String, StateBuilder<?>> builders = new LinkedHashMap<>();
    for (Map.Entry<String, State> entry : graph.states().entrySet()) {
      StateBuilder<?> builder = create(entry.getKey(), entry.getValue());
      builders.put(entry.getKey(), builder);
      workflow.register(builder);
    }
    for (Map.Entry<String, State> entry : graph.states().entrySet()) {
      wire(builders.get(entry.getKey()), entry.getValue(), builders);
    }
    return builders;
  }

  private Branch branch(Graph graph) {
    Map<String, StateBuilder<?>> states = graph(graph);
    StateBuilder<?> start = states.get(graph.startAt());
    if (start == null) {
      throw new IllegalArgumentException(
          "StartAt '" + graph.startAt() + "' is not a state of its graph");
    }
    return Branch.of(start)
        .comment(graph.comment())
        .include(states.values().toArray(new StateBuilder<?>[0]));
  }

  private StateBuilder<?> create(String name, State state) {
    boolean jsonata = state.effectiveQueryLanguage(machineLanguage) == QueryLanguage.JSONATA;
    StateBuilder<?> builder;
    if (state instanceof TaskState task) {
      Task<?> t =
          jsonata
              ? new Task.Jsonata(name, task.resource())
              : new Task.JsonPath(name, task.resource());
      t.timeoutSeconds = task.timeoutSeconds();
      t.timeoutSecondsPath = task.timeoutSecondsPath();
      t.heartbeatSeconds = task.heartbeatSeconds();
      t.heartbeatSecondsPath = task.heartbeatSecondsPath();
      t.credentials = task.credentials();
      builder = t;
    } else if (state instanceof PassState pass) {
      Pass<?> p = jsonata ? new Pass.Jsonata(name) : new Pass.JsonPath(name);
      p.result = pass.result();
      builder = p;
    } else if (state instanceof WaitState wait) {
      Wait<?> w = jsonata ? new Wait.Jsonata(name) : new Wait.JsonPath(name);
      w.seconds = wait.seconds();
      w.secondsPath = wait.secondsPath();
      w.timestamp = wait.timestamp();
      w.timestampPath = wait.timestampPath();
      builder = w;
    } else if (state instanceof ChoiceState choice) {
      Choice<?> c = jsonata ? new Choice.Jsonata(name) : new Choice.JsonPath(name);
      c.choicesAbsent = choice.choices() == null;
      builder = c;
    } else if (state instanceof SucceedState) {
      builder = jsonata ? new Succeed.Jsonata(name) : new Succeed.JsonPath(name);
    } else if (state instanceof FailState fail) {
      Fail<?> f = jsonata ? new Fail.Jsonata(name) : new Fail.JsonPath(name);
      f.error = fail.error();
      f.errorPath = fail.errorPath();
      f.cause = fail.cause();
      f.causePath = fail.causePath();
      builder = f;
    } else if (state instanceof ParallelState parallel) {
      Parallel<?> p = jsonata ? new Parallel.Jsonata(name) : new Parallel.JsonPath(name);
      if (parallel.branches() != null) {
        for (StateGraph graph : parallel.branches()) {
          p.branches.add(branch(graph));
        }
      }
      builder = p;
    } else if (state instanceof MapState map) {
      builder = map(name, map, jsonata);
    } else {
      throw new IllegalArgumentException("unknown state type: " + state.getClass().getName());
    }
    builder.comment = state.comment();
    builder.declareLanguage = state.queryLanguage() != null;
    builder.io = state.io();
    return builder;
  }

  private StateBuilder<?> map(String name, MapState map, boolean jsonata) {
    io.asl4j.dsl.builder.MapState<?> m =
        jsonata
            ? new io.asl4j.dsl.builder.MapState.Jsonata(name)
            : new io.asl4j.dsl.builder.MapState.JsonPath(name);
    m.itemsPath = map.itemsPath();
    m.items = map.items();
    m.itemSelector = map.itemSelector();
    ItemProcessor processor = map.processor();
    if (processor != null) {
      m.processor = branch(processor);
      m.legacyIterator = map.itemProcessor() == null;
      m.processorConfig = processor.processorConfig();
    }
    m.itemReader = map.itemReader();
    m.itemBatcher = map.itemBatcher();
    m.resultWriter = map.resultWriter();
    m.maxConcurrency = map.maxConcurrency();
    m.maxConcurrencyPath = map.maxConcurrencyPath();
    m.toleratedFailurePercentage = map.toleratedFailurePercentage();
    m.toleratedFailurePercentagePath = map.toleratedFailurePercentagePath();
    m.toleratedFailureCount = map.toleratedFailureCount();
    m.toleratedFailureCountPath = map.toleratedFailureCountPath();
    m.label = map.label();
    return m;
  }

  private static void wire(
      StateBuilder<?> builder, State state, Map<String, StateBuilder<?>> scope) {
    if (state instanceof Transitioning transitioning && transitioning.next() != null) {
      ((NextableState<?>) builder).connect(lookup(transitioning.next(), scope));
    }
    if (builder instanceof ErrorHandlingState<?> handling
        && state instanceof io.asl4j.dsl.model.ErrorHandling model) {
      handling.retriers = model.retry() == null ? null : new ArrayList<>(model.retry());
      if (model.catchers() != null) {
        handling.catchers = new ArrayList<>();
        for (Catcher c : model.catchers()) {
          handling.catchers.add(
              new CatchSpec(
                  c.errorEquals(),
                  lookup(c.next(), scope),
                  c.comment(),
                  c.assign(),
                  c.resultPath(),
                  c.output()));
        }
      }
    }
    if (builder instanceof Choice<?> choice && state instanceof ChoiceState model) {
      if (model.choices() != null) {
        for (ChoiceRule rule : model.choices()) {
          choice.rules.add(
              new ChoiceRuleSpec(
                  rule.condition(),
                  lookup(rule.next(), scope),
                  rule.comment(),
                  rule.assign(),
                  rule.output()));
        }
      }
      if (model.defaultState() != null) {
        choice.otherwise = lookup(model.defaultState(), scope);
      }
    }
  }

  private static StateBuilder<?> lookup(String name, Map<String, StateBuilder<?>> scope) {
    StateBuilder<?> state = scope.get(name);
    if (state == null) {
      throw new IllegalArgumentException(
          "a transition names '" + name + "', which is not a state of its graph");
    }
    return state;
  }
}
