package io.asl4j.dsl.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.asl4j.dsl.expression.AslPath;
import io.asl4j.dsl.expression.ExpressionException;
import io.asl4j.dsl.expression.IntrinsicArgument;
import io.asl4j.dsl.expression.IntrinsicCall;
import io.asl4j.dsl.expression.JsonataExpressions;
import io.asl4j.dsl.json.AslReader;
import io.asl4j.dsl.json.AslWriter;
import io.asl4j.dsl.model.Catcher;
import io.asl4j.dsl.model.ChoiceRule;
import io.asl4j.dsl.model.ChoiceState;
import io.asl4j.dsl.model.ErrorHandling;
import io.asl4j.dsl.model.Graph;
import io.asl4j.dsl.model.MapState;
import io.asl4j.dsl.model.NestedGraph;
import io.asl4j.dsl.model.QueryLanguage;
import io.asl4j.dsl.model.State;
import io.asl4j.dsl.model.StateMachine;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rule about workflow variables that needs the scopes of the whole machine: {@code
 * [UnassignedVariable]} (a warning) when a variable is read where no state of that scope or of a
 * scope around it ever assigns it, so every read of it fails at run time. A read that only some
 * paths reach before an assignment is not reported.
 *
 * <p>A state in a Parallel branch or Map processor assigning a name an enclosing scope also assigns
 * is not a problem: AWS accepts it (recorded), and the assignment stays local to the branch or
 * iteration.
 */
final class VariableRules {
  /** {@code $name} in JSONPath text: not {@code $$}, {@code $.} or {@code $[}. */
  private static final Pattern JSONPATH_VARIABLE =
      Pattern.compile("(?<![\\w$])\\$([A-Za-z_][A-Za-z0-9_]*)");

  private static final Set<String> NESTED_GRAPH_FIELDS =
      Set.of("Branches", "ItemProcessor", "Iterator");

  private final List<Problem> problems = new ArrayList<>();
  private final QueryLanguage machineLanguage;

  private VariableRules(QueryLanguage machineLanguage) {
    this.machineLanguage = machineLanguage;
  }

  static List<Problem> check(StateMachine machine) {
    VariableRules rules = new VariableRules(machine.defaultQueryLanguage());
    rules.graph(machine, "", List.of());
    return rules.problems;
  }

  /** Checks one scope; {@code outer} holds the names each enclosing scope assigns. */
  private void graph(Graph graph, String at, List<Set<String>> outer) {
    Set<String> assignedHere = new LinkedHashSet<>();
    for (State state : graph.states().values()) {
      assignedHere.addAll(assignedBy(state));
    }
    for (Map.Entry<String, State> entry : graph.states().entrySet()) {
      String stateAt = at + "/States/" + AslReader.escape(entry.getKey());
      State state = entry.getValue();
      QueryLanguage language = state.effectiveQueryLanguage(machineLanguage);
      for (String name : referencedBy(state, language)) {
        boolean known =
            assignedHere.contains(name) || outer.stream().anyMatch(s -> s.contains(name));
        if (!known) {
          problems.add(
              Problem.warning(
                  "UnassignedVariable",
                  stateAt,
                  "variable '$"
                      + name
                      + "' is read here but no state of this scope or an enclosing one assigns it"));
        }
      }
      List<Set<String>> inner = new ArrayList<>(outer);
      inner.add(assignedHere);
      for (NestedGraph nested : state.nestedGraphsAt(stateAt)) {
        if (state instanceof MapState map) {
          if (nested.graph() != map.processor()) {
            continue; // a Map with both Iterator and ItemProcessor runs the ItemProcessor
          }
          // A distributed Map's children are separate executions: they see no outer variables.
          graph(nested.graph(), nested.pointer(), map.isDistributed() ? List.of() : inner);
        } else {
          graph(nested.graph(), nested.pointer(), inner);
        }
      }
    }
  }

  private static Set<String> assignedBy(State state) {
    Set<String> names = new LinkedHashSet<>();
    addKeys(state.io().assign(), names);
    if (state instanceof ChoiceState choice && choice.choices() != null) {
      for (ChoiceRule rule : choice.choices()) {
        addKeys(rule.assign(), names);
      }
    }
    if (state instanceof ErrorHandling handling) {
      for (Catcher catcher : handling.catchersOrEmpty()) {
        addKeys(catcher.assign(), names);
      }
    }
    return names;
  }

  private static void addKeys(JsonNode assign, Set<String> names) {
    if (assign != null && assign.isObject()) {
      for (Iterator<String> it = assign.fieldNames(); it.hasNext(); ) {
        String key = it.next();
        names.add(key.endsWith(".$") ? key.substring(0, key.length() - 2) : key);
      }
    }
  }

  /**
   * The variables a state's own fields read (nested graphs excluded: they are scopes of their own).
   */
  private static Set<String> referencedBy(State state, QueryLanguage language) {
    Set<String> names = new LinkedHashSet<>();
    collect(AslWriter.toJson(state), null, language == QueryLanguage.JSONATA, names, true);
    return names;
  }

  private static void collect(
      JsonNode node, String key, boolean jsonata, Set<String> names, boolean top) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (top && NESTED_GRAPH_FIELDS.contains(e.getKey())) {
          continue;
        }
        collect(e.getValue(), e.getKey(), jsonata, names, false);
      }
    } else if (node.isArray()) {
      for (JsonNode element : node) {
        collect(element, key, jsonata, names, false);
      }
    } else if (node.isTextual() && key != null) {
      String text = node.textValue();
      if (jsonata) {
        if (JsonataExpressions.isExpression(text)) {
          for (String name :
              JsonataExpressions.referencedVariables(JsonataExpressions.body(text))) {
            if (!name.equals("states") && !name.startsWith("states.")) {
              names.add(name);
            }
          }
        }
      } else if (key.endsWith(".$") || key.endsWith("Path") || key.equals("Variable")) {
        variablesRead(text, names);
      }
    }
  }

  /**
   * The variables a Path or intrinsic call reads: the roots of its Paths. Quoted names such as
   * {@code $['a $b']} are no reads. Text that does not parse (reported elsewhere) is scanned for
   * anything that looks like a variable.
   */
  private static void variablesRead(String text, Set<String> names) {
    try {
      if (IntrinsicCall.looksLikeIntrinsic(text)) {
        variablesRead(IntrinsicCall.parse(text), names);
      } else {
        variableRead(AslPath.parse(text), names);
      }
    } catch (ExpressionException e) {
      Matcher m = JSONPATH_VARIABLE.matcher(withoutQuotedText(text));
      while (m.find()) {
        names.add(m.group(1));
      }
    }
  }

  private static void variablesRead(IntrinsicCall call, Set<String> names) {
    for (IntrinsicArgument argument : call.arguments()) {
      if (argument instanceof IntrinsicArgument.PathArgument path) {
        variableRead(path.path(), names);
      } else if (argument instanceof IntrinsicArgument.CallArgument nested) {
        variablesRead(nested.call(), names);
      }
    }
  }

  private static void variableRead(AslPath path, Set<String> names) {
    if (path.root() == AslPath.Root.VARIABLE) {
      names.add(path.variableName());
    }
  }

  /** The text without its single-quoted intrinsic string literals, where '$x' is just text. */
  private static String withoutQuotedText(String text) {
    StringBuilder out = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && quoted && i + 1 < text.length()) {
        i++;
        continue;
      }
      if (c == '\'') {
        quoted = !quoted;
        continue;
      }
      if (!quoted) {
        out.append(c);
      }
    }
    return out.toString();
  }
}
