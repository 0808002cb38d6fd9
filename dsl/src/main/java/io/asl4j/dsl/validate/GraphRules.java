package io.asl4j.dsl.validate;

import static io.asl4j.dsl.json.AslReader.escape;

import com.fasterxml.jackson.databind.JsonNode;
import io.asl4j.dsl.model.ChoiceState;
import io.asl4j.dsl.model.ErrorHandling;
import io.asl4j.dsl.model.FailState;
import io.asl4j.dsl.model.Graph;
import io.asl4j.dsl.model.ItemProcessor;
import io.asl4j.dsl.model.MapState;
import io.asl4j.dsl.model.NestedGraph;
import io.asl4j.dsl.model.ParallelState;
import io.asl4j.dsl.model.PassState;
import io.asl4j.dsl.model.ProcessorConfig;
import io.asl4j.dsl.model.QueryLanguage;
import io.asl4j.dsl.model.State;
import io.asl4j.dsl.model.TaskState;
import io.asl4j.dsl.model.Transitioning;
import io.asl4j.dsl.model.WaitState;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Graph rules: state names, {@code StartAt}, transitions and reachability, and the walk that hands
 * each state to the field, Map and expression rules.
 */
final class GraphRules extends Rules {
  GraphRules(Run run) {
    super(run);
  }

  /** Checks one state's name: its length, and that no other graph of the machine uses it. */
  void name(String name, State state, String pointer) {
    int length = name.codePointCount(0, name.length());
    if (length == 0) {
      error("EmptyStateName", pointer, "a state name must have 1 to 80 characters, but is empty");
    } else if (length > MAX_STATE_NAME_LENGTH) {
      error(
          "StateNameTooLong",
          pointer,
          "a state name must have 1 to 80 characters, but this one has " + length);
    }
    String first = namePointers.putIfAbsent(name, pointer);
    if (first != null) {
      error("DuplicateStateName", pointer, "name '" + name + "' is also used at " + first);
    }
  }

  /** Notes the literal {@code Error} a Fail state raises, for the catchers that name it. */
  void failError(String name, State state, String at) {
    if (state instanceof FailState fail
        && fail.error() != null
        && !syntax.isJsonata(fail.error())) {
      failErrors.putIfAbsent(fail.error(), at);
    }
  }

  /** Whether the graph nested in a state runs in Express executions. */
  private static boolean express(NestedGraph nested, boolean express) {
    return express
        || (nested.graph() instanceof ItemProcessor processor && expressChildren(processor));
  }

  /** Whether a distributed Map runs its items as Express child executions. */
  private static boolean expressChildren(ItemProcessor processor) {
    ProcessorConfig config = processor.processorConfig();
    return config != null
        && config.mode() == ProcessorConfig.Mode.DISTRIBUTED
        && config.executionType() == ProcessorConfig.ExecutionType.EXPRESS;
  }

  /** Checks a graph: its {@code StartAt}, every state (nested graphs included) and reachability. */
  void graph(Graph graph, String at, boolean express) {
    Map<String, State> states = graph.states();
    scopePointers.put(states, at);
    boolean statesUnread = isUnread(at + "/States");
    if (graph.startAt() == null) {
      missingField(at, "StartAt");
    } else if (!statesUnread) {
      target(graph.startAt(), states, at + "/StartAt", "StartAt");
    }
    for (Map.Entry<String, State> entry : states.entrySet()) {
      state(entry.getValue(), at + "/States/" + escape(entry.getKey()), express, states);
    }
    if (!statesUnread) {
      reachability(graph, at);
    }
  }

  private static final Pattern TRANSITION_FIELD =
      Pattern.compile("[^/]+/(?:Next|End|Default|Choices|Catch)(?:/.*)?");

  /** Whether the reader could not read a transition of a state under {@code statesPrefix}. */
  private boolean transitionsUnread(String statesPrefix) {
    for (String pointer : unread) {
      if (pointer.startsWith(statesPrefix)
          && TRANSITION_FIELD.matcher(pointer.substring(statesPrefix.length())).matches()) {
        return true;
      }
    }
    return false;
  }

  /** A state of the scope that the reader left out, as the document has it; null if none. */
  private JsonNode unreadState(String name, String graphAt) {
    if (document == null || graphAt == null) {
      return null;
    }
    String pointer = graphAt + "/States/" + escape(name);
    return isUnread(pointer) ? document.at(pointer) : null;
  }

  /** The transitions a state the reader left out gives in the document. */
  private static List<String> rawSuccessors(JsonNode state) {
    List<String> next = new ArrayList<>();
    if (state.path("Next").isTextual()) {
      next.add(state.path("Next").asText());
    }
    if (state.path("Default").isTextual()) {
      next.add(state.path("Default").asText());
    }
    for (String list : List.of("Choices", "Catch")) {
      for (JsonNode element : state.path(list)) {
        if (element.path("Next").isTextual()) {
          next.add(element.path("Next").asText());
        }
      }
    }
    return next;
  }

  /** Checks that {@code name} is a state of {@code scope}; a lone state has no scope (null). */
  void target(String name, Map<String, State> scope, String at, String field) {
    if (scope == null
        || scope.containsKey(name)
        || unreadState(name, scopePointers.get(scope)) != null) {
      return;
    }
    String elsewhere = namePointers.get(name);
    if (elsewhere != null) {
      error(
          "CrossScopeTransition",
          at,
          "'"
              + field
              + "' names '"
              + name
              + "', which is at "
              + elsewhere
              + "; a transition cannot enter or leave a Parallel branch or a Map processor");
    } else {
      error(
          "UnknownState",
          at,
          "'" + field + "' names '" + name + "', which is not a state of this scope");
    }
  }

  private void reachability(Graph graph, String at) {
    Map<String, State> states = graph.states();
    String start = graph.startAt();
    if (start == null) {
      return; // the missing StartAt is reported; every state would otherwise look unnamed
    }
    // AWS rejects a state no transition names (MISSING_TRANSITION_TARGET: State "X" is not
    // reachable), even when StartAt names no state.
    Set<String> named = new LinkedHashSet<>();
    named.add(start);
    for (State state : states.values()) {
      named.addAll(state.successors());
    }
    // States the reader left out still name their successors, and may well end the graph.
    Map<String, JsonNode> leftOut = new HashMap<>();
    String statesPrefix = at + "/States/";
    if (document != null) {
      for (String pointer : unread) {
        if (pointer.startsWith(statesPrefix) && pointer.indexOf('/', statesPrefix.length()) < 0) {
          JsonNode raw = document.at(pointer);
          String name = unescape(pointer.substring(statesPrefix.length()));
          leftOut.put(name, raw);
          named.addAll(raw.isObject() ? rawSuccessors(raw) : List.of());
        }
      }
    }
    // A transition the reader could not read names some state, and may be the way out.
    boolean transitionsUnread = transitionsUnread(statesPrefix);
    for (String name : states.keySet()) {
      if (!named.contains(name) && !transitionsUnread) {
        error(
            "UnreachableState",
            at + "/States/" + escape(name),
            "State \""
                + name
                + "\" is not reachable: no StartAt, Next, Default or Catch 'Next' of this scope"
                + " names it");
      }
    }
    if (!states.containsKey(start) && !leftOut.containsKey(start)) {
      return; // already reported; reachability from nowhere would only repeat it
    }
    Set<String> reached = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>();
    todo.add(start);
    boolean reachesLeftOut = false;
    while (!todo.isEmpty()) {
      String name = todo.poll();
      if (!reached.add(name)) {
        continue;
      }
      JsonNode raw = leftOut.get(name);
      if (raw != null) {
        reachesLeftOut = true;
      }
      List<String> successors =
          raw != null
              ? (raw.isObject() ? rawSuccessors(raw) : List.of())
              : states.get(name).successors();
      for (String next : successors) {
        if ((states.containsKey(next) || leftOut.containsKey(next)) && !reached.contains(next)) {
          todo.add(next);
        }
      }
    }
    for (String name : states.keySet()) {
      // Named, but only by states that are themselves out of reach (a loop of its own, say):
      // AWS's check counts names, so this is only likely a mistake.
      if (!reached.contains(name)
          && named.contains(name)
          && leftOut.isEmpty()
          && !transitionsUnread) {
        problems.add(
            Problem.warning(
                "NotReachableFromStart",
                at + "/States/" + escape(name),
                "StartAt '"
                    + start
                    + "' never leads to this state; only states that are themselves out of reach"
                    + " name it"));
      }
    }
    // A state the reader left out may be the terminal one: say nothing rather than guess.
    if (!reachesLeftOut
        && !transitionsUnread
        && reached.stream().map(states::get).noneMatch(State::isTerminal)) {
      error(
          "NoTerminalState",
          at + "/States",
          "no state reachable from StartAt '"
              + start
              + "' is a Succeed or Fail state or has \"End\": true");
    }
  }

  /**
   * Checks one state, handing its fields to {@link FieldRules}, {@link MapRules} and {@link
   * ExpressionRules}, then the graphs nested in it; {@code scope} is null for a lone state.
   */
  void state(State state, String at, boolean express, Map<String, State> scope) {
    QueryLanguage machineDefault =
        machineLanguage == null ? QueryLanguage.JSONPATH : machineLanguage;
    boolean jsonata = state.effectiveQueryLanguage(machineDefault) == QueryLanguage.JSONATA;
    if (machineLanguage == QueryLanguage.JSONATA
        && state.queryLanguage() == QueryLanguage.JSONPATH) {
      error(
          "QueryLanguageDowngrade",
          at + "/QueryLanguage",
          "a state cannot use JSONPath in a state machine whose QueryLanguage is JSONata;"
              + " only JSONPath machines may mix in JSONata states");
    }
    if (state instanceof Transitioning transitioning) {
      nextOrEnd(transitioning, at, scope);
    }
    if (isUnread(at + "/QueryLanguage") || isUnread("/QueryLanguage")) {
      // Which fields the state may have depends on its query language, which could not be read.
      for (NestedGraph nested : state.nestedGraphsAt(at)) {
        graph(nested.graph(), nested.pointer(), express(nested, express));
      }
      return;
    }
    run.fields.io(state, at, jsonata);
    if (state instanceof PassState pass) {
      if (pass.result() != null && jsonata) {
        notInJsonata(at, "Result");
      } else if (pass.result() != null) {
        run.expressions.passResult(pass.result(), at + "/Result");
      }
    } else if (state instanceof TaskState task) {
      run.fields.task(task, at, jsonata, express);
    } else if (state instanceof ChoiceState choice) {
      run.fields.choice(choice, at, jsonata, scope);
    } else if (state instanceof WaitState wait) {
      run.fields.waitState(wait, at, jsonata);
    } else if (state instanceof FailState fail) {
      run.fields.fail(fail, at, jsonata);
    } else if (state instanceof ParallelState parallel) {
      parallel(parallel, at);
    } else if (state instanceof MapState map) {
      run.maps.map(map, at, jsonata);
    }
    if (state instanceof ErrorHandling handling) {
      run.fields.retry(handling, at);
      run.fields.catchers(handling, at, jsonata, scope);
    }
    for (NestedGraph nested : state.nestedGraphsAt(at)) {
      graph(nested.graph(), nested.pointer(), express(nested, express));
    }
  }

  private void nextOrEnd(Transitioning state, String at, Map<String, State> scope) {
    Boolean end = state.end();
    if (Boolean.FALSE.equals(end)) {
      error("NextOrEnd", at + "/End", "'End' may only be true; to continue, use 'Next' instead");
    } else if (Boolean.TRUE.equals(end) && state.next() != null) {
      error("NextOrEnd", at + "/End", "'Next' and 'End' cannot both be set");
    } else if (end == null
        && state.next() == null
        && !isUnread(at + "/Next")
        && !isUnread(at + "/End")) {
      error(
          "NextOrEnd", at, "a " + state.type().aslName() + " state needs 'Next' or \"End\": true");
    }
    if (state.next() != null) {
      target(state.next(), scope, at + "/Next", "Next");
    }
  }

  private void parallel(ParallelState parallel, String at) {
    if (parallel.branches() == null) {
      missingField(at, "Branches");
    } else if (parallel.branches().isEmpty()) {
      error("EmptyBranches", at + "/Branches", "a Parallel state needs at least one branch");
    }
  }
}
