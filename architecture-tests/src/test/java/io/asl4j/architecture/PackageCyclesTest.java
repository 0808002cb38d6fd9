package io.asl4j.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * No two packages of asl4j depend on each other, directly or round a longer loop, except the cycles
 * ARCHITECTURE.md lists as known (they predate the module split and belong to the interpreter and
 * the model). A cycle outside them, or one that pulls in a package beyond them, fails and is named
 * with the classes that close it.
 */
class PackageCyclesTest {
  /**
   * The known cycles, each as the packages it may span. The runtime's public types (Execution,
   * HistoryEvent, MapRun) are built by the engine and its service fakes, which the public
   * LocalStateMachine drives; the JSON reader validates and the validator reads; the construct's
   * internal policy derivation reads the public substitution bindings that call it.
   */
  private static final Map<String, Predicate<String>> KNOWN_CYCLES =
      Map.of(
          "runtime: public API, engine and service fakes",
          p ->
              p.equals("io.asl4j.runtime")
                  || p.startsWith("io.asl4j.runtime.internal.")
                  || p.equals("io.asl4j.runtime.services")
                  || p.startsWith("io.asl4j.runtime.services."),
          "dsl: reader and validator",
          p -> p.startsWith("io.asl4j.dsl.json") || p.startsWith("io.asl4j.dsl.validate"),
          "cdk-construct: the construct and its policy derivation",
          p -> p.equals("io.asl4j.cdk") || p.startsWith("io.asl4j.cdk.internal"));

  private static Map<String, Map<String, Dependency>> edges;

  @BeforeAll
  static void importPackages() {
    JavaClasses classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.asl4j");
    edges = new TreeMap<>();
    for (JavaClass from : classes) {
      Map<String, Dependency> out =
          edges.computeIfAbsent(from.getPackageName(), p -> new TreeMap<>());
      for (Dependency d : from.getDirectDependenciesFromSelf()) {
        String to = d.getTargetClass().getPackageName();
        if (to.startsWith("io.asl4j.") && !to.equals(from.getPackageName())) {
          out.putIfAbsent(to, d);
        }
      }
    }
  }

  @Test
  void everyPackageCycleIsAKnownOne() {
    List<String> unknown = new ArrayList<>();
    Map<String, Set<String>> graph = new TreeMap<>();
    edges.forEach((from, out) -> graph.put(from, out.keySet()));
    for (Set<String> cycle : cycles(graph)) {
      boolean known = KNOWN_CYCLES.values().stream().anyMatch(k -> cycle.stream().allMatch(k));
      if (!known) {
        unknown.add(describe(cycle));
      }
    }
    assertEquals(List.of(), unknown, "package cycles outside the known ones of ARCHITECTURE.md");
  }

  @Test
  void theCycleFinderFindsALoopAndOnlyTheLoop() {
    Map<String, Set<String>> graph =
        Map.of(
            "a",
            Set.of("b"),
            "b",
            Set.of("c"),
            "c",
            Set.of("a", "d"),
            "d",
            Set.of("e"),
            "e",
            Set.of());
    assertEquals(List.of(Set.of("a", "b", "c")), cycles(graph));
  }

  /** The strongly connected components of two or more packages (Tarjan), each sorted. */
  static List<Set<String>> cycles(Map<String, Set<String>> graph) {
    Map<String, Integer> index = new HashMap<>();
    Map<String, Integer> low = new HashMap<>();
    Deque<String> stack = new ArrayDeque<>();
    Set<String> onStack = new TreeSet<>();
    List<Set<String>> out = new ArrayList<>();
    for (String start : graph.keySet()) {
      if (!index.containsKey(start)) {
        connect(start, graph, index, low, stack, onStack, out);
      }
    }
    return out;
  }

  private static void connect(
      String v,
      Map<String, Set<String>> graph,
      Map<String, Integer> index,
      Map<String, Integer> low,
      Deque<String> stack,
      Set<String> onStack,
      List<Set<String>> out) {
    index.put(v, index.size());
    low.put(v, index.get(v));
    stack.push(v);
    onStack.add(v);
    for (String w : graph.getOrDefault(v, Set.of())) {
      if (!index.containsKey(w)) {
        connect(w, graph, index, low, stack, onStack, out);
        low.put(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.contains(w)) {
        low.put(v, Math.min(low.get(v), index.get(w)));
      }
    }
    if (low.get(v).equals(index.get(v))) {
      Set<String> component = new TreeSet<>();
      String w;
      do {
        w = stack.pop();
        onStack.remove(w);
        component.add(w);
      } while (!w.equals(v));
      if (component.size() > 1) {
        out.add(component);
      }
    }
  }

  /** The packages of a cycle and, for each edge inside it, one dependency that makes it. */
  private static String describe(Set<String> cycle) {
    StringBuilder text = new StringBuilder("cycle among " + cycle + ":");
    for (String from : cycle) {
      edges
          .getOrDefault(from, Map.of())
          .forEach(
              (to, dependency) -> {
                if (cycle.contains(to)) {
                  text.append("\n  ")
                      .append(from)
                      .append(" -> ")
                      .append(to)
                      .append(": ")
                      .append(dependency.getDescription());
                }
              });
    }
    return text.toString();
  }
}
