package io.asl4j.processor;

import static io.asl4j.processor.Annotations.annotationName;
import static io.asl4j.processor.Annotations.isInside;
import static io.asl4j.processor.Annotations.language;
import static io.asl4j.processor.Annotations.mirror;
import static io.asl4j.processor.Annotations.string;
import static io.asl4j.processor.Annotations.typeOf;
import static io.asl4j.processor.Annotations.value;

import io.asl4j.dsl.json.AslReader;
import io.asl4j.dsl.model.State;
import io.asl4j.dsl.model.StateMachine;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/**
 * Reads one {@code @Workflow} class into the {@code dsl} model, remembering for every JSON pointer
 * of the result which element and annotation value produced it. Problems the model cannot express
 * (a class literal that is no state, two {@code @StartAt}s, a Retry on a Choice) are reported here;
 * everything else is left to the shared validator.
 *
 * <p>This class finds the states and assembles the graphs (the workflow's, each {@code @Branch}'s);
 * {@link StateReader} reads each state, {@link ChoiceReader} the Choice rules, {@link Transitions}
 * the class literals, {@link TypedContracts} and {@link TypedComparisons} the typed Tasks and the
 * Choice paths checked against them.
 */
final class WorkflowScanner {
  private static final List<String> STATE_KINDS =
      List.of("Task", "Pass", "Wait", "Choice", "Succeed", "Fail", "Parallel", "Map");

  /**
   * What a scan found: the machine (possibly with holes where problems were reported), where each
   * of its JSON pointers came from, the Tasks with a typed contract, and the machine's name.
   */
  record Scan(
      StateMachine machine, Origins origins, List<TypedTask> typedTasks, String machineName) {}

  /** A graph's {@code StartAt} and its states by name, in declaration order. */
  record Graph(String startAt, Map<String, State> states) {}

  private final Reporter reporter;
  private final TypeElement workflow;
  private final AnnotationMirror workflowMirror;
  private final Origins origins = new Origins();
  private final Map<TypeElement, StateInfo> states = new LinkedHashMap<>();
  private final Set<TypeElement> expanding = new HashSet<>();
  private final TypedContracts contracts;
  private final TypedComparisons typedComparisons;
  private final StateReader stateReader;

  private WorkflowScanner(ProcessingEnvironment env, Reporter reporter, TypeElement workflow) {
    this.reporter = reporter;
    this.workflow = workflow;
    this.workflowMirror = mirror(workflow, "Workflow");
    this.contracts = new TypedContracts(reporter);
    this.typedComparisons = new TypedComparisons(env, reporter, contracts);
    Transitions transitions = new Transitions(workflow, states, origins, reporter);
    this.stateReader =
        new StateReader(
            this, new Attributes(origins, reporter), transitions, contracts, origins, reporter);
  }

  /** Reads {@code workflow}, reporting through {@code reporter} what the model cannot hold. */
  static Scan scan(ProcessingEnvironment env, Reporter reporter, TypeElement workflow) {
    return new WorkflowScanner(env, reporter, workflow).scan();
  }

  private Scan scan() {
    origins.put("", new Origin(workflow, workflowMirror, null));
    collect(workflow);
    Graph graph = graph(workflow, workflowMirror, "");
    Integer timeout = null;
    AnnotationValue timeoutValue = value(workflowMirror, "timeoutSeconds");
    if (timeoutValue != null) {
      timeout = ((Number) timeoutValue.getValue()).intValue();
      origins.put("/TimeoutSeconds", new Origin(workflow, workflowMirror, timeoutValue));
    }
    StateMachine machine =
        new StateMachine(
            string(workflowMirror, "comment"),
            graph.startAt(),
            graph.states(),
            string(workflowMirror, "version"),
            timeout,
            language(workflowMirror));
    return new Scan(machine, origins, contracts.tasks(), machineName());
  }

  /** The machine's name: the {@code name} attribute, else the class's simple name. */
  private String machineName() {
    String name = string(workflowMirror, "name");
    return name != null && !name.isEmpty() ? name : workflow.getSimpleName().toString();
  }

  // ---- discovery
  // ---------------------------------------------------------------------------------

  /** Finds every state type nested (at any depth) in the workflow class. */
  private void collect(TypeElement type) {
    for (TypeElement nested : ElementFilter.typesIn(type.getEnclosedElements())) {
      List<AnnotationMirror> kinds = new ArrayList<>();
      for (AnnotationMirror mirror : nested.getAnnotationMirrors()) {
        String name = annotationName(mirror);
        if (name != null && STATE_KINDS.contains(name)) {
          kinds.add(mirror);
        }
      }
      if (kinds.size() > 1) {
        reporter.error(
            "StateKind",
            "a state has exactly one kind, but "
                + nested.getSimpleName()
                + " is annotated @"
                + annotationName(kinds.get(0))
                + " and @"
                + annotationName(kinds.get(1)),
            nested,
            kinds.get(1),
            null);
      }
      if (!kinds.isEmpty()) {
        AnnotationMirror mirror = kinds.get(0);
        String explicitName = string(mirror, "name");
        String name =
            explicitName != null && !explicitName.isEmpty()
                ? explicitName
                : nested.getSimpleName().toString();
        Element owner = nested.getEnclosingElement();
        if (owner != workflow && mirror(owner, "Branch") == null) {
          reporter.error(
              "StateOutsideGraph",
              "a state must be nested directly in the @Workflow class or in a @Branch type, but "
                  + nested.getSimpleName()
                  + " is nested in "
                  + owner.getSimpleName(),
              nested,
              mirror,
              null);
        }
        states.put(nested, new StateInfo(nested, mirror, annotationName(mirror), name, owner));
      } else {
        for (String orphan : List.of("StartAt", "Retry", "Catch", "When")) {
          AnnotationMirror found = mirror(nested, orphan);
          if (found == null) {
            found = mirror(nested, orphan + ".List");
          }
          if (found != null) {
            reporter.error(
                "NotAState",
                "@"
                    + orphan
                    + " belongs on a state, but "
                    + nested.getSimpleName()
                    + " has no state annotation",
                nested,
                found,
                null);
          }
        }
      }
      collect(nested);
    }
  }

  // ---- graphs
  // ------------------------------------------------------------------------------------

  private Graph graph(TypeElement owner, AnnotationMirror ownerMirror, String at) {
    List<StateInfo> members = new ArrayList<>();
    for (StateInfo info : states.values()) {
      if (info.owner() == owner) {
        members.add(info);
      }
    }
    String startAt = null;
    StateInfo start = null;
    for (StateInfo info : members) {
      AnnotationMirror startMirror = mirror(info.element(), "StartAt");
      if (startMirror == null) {
        continue;
      }
      if (start == null) {
        start = info;
        startAt = info.name();
        origins.put(at + "/StartAt", new Origin(info.element(), startMirror, null));
      } else {
        reporter.error(
            "StartAt",
            "exactly one state of "
                + owner.getSimpleName()
                + " may be @StartAt, but "
                + start.element().getSimpleName()
                + " and "
                + info.element().getSimpleName()
                + " both are",
            info.element(),
            startMirror,
            null);
      }
    }
    if (start == null && !members.isEmpty()) {
      reporter.error(
          "StartAt",
          "no state of "
              + owner.getSimpleName()
              + " is annotated @StartAt; exactly one must be, e.g. @StartAt on "
              + members.get(0).element().getSimpleName(),
          owner,
          ownerMirror,
          null);
      origins.reported(at + "/StartAt");
      origins.ignore(at, "MissingField"); // the missing StartAt, just reported as Asl4jStartAt
    } else if (members.isEmpty()) {
      reporter.error(
          "NoStates",
          owner.getSimpleName() + " has no states: annotate its nested types with @Task, @Pass, …",
          owner,
          ownerMirror,
          null);
      origins.reported(at);
    }
    Map<String, State> built = new LinkedHashMap<>();
    for (StateInfo info : members) {
      String pointer = at + "/States/" + AslReader.escape(info.name());
      origins.put(pointer, new Origin(info.element(), info.mirror(), null));
      State state = stateReader.read(info, pointer);
      if (state != null && !built.containsKey(info.name())) {
        built.put(info.name(), state);
      } else if (state != null) {
        // Two types with the same name in one graph: keep the first, report the second ourselves.
        reporter.error(
            "DuplicateStateName",
            "name '"
                + info.name()
                + "' is already used by another state of "
                + owner.getSimpleName(),
            info.element(),
            info.mirror(),
            value(info.mirror(), "name"));
      }
    }
    typedComparisons.check(members, built);
    return new Graph(startAt, built);
  }

  /** A Parallel branch or Map processor: a {@code @Branch} type of this workflow. */
  Graph nested(StateInfo info, AnnotationValue value, String at) {
    TypeElement branch = typeOf(value);
    AnnotationMirror branchMirror = branch == null ? null : mirror(branch, "Branch");
    if (branchMirror == null || !isInside(branch, workflow)) {
      reporter.error(
          "NotABranch",
          "'"
              + value
              + "' is not a @Branch type of workflow "
              + workflow.getSimpleName()
              + "; a branch or item processor is a nested type annotated @Branch that holds states",
          info.element(),
          info.mirror(),
          value);
      origins.reported(at);
      return null;
    }
    if (!expanding.add(branch)) {
      reporter.error(
          "RecursiveBranch",
          "branch " + branch.getSimpleName() + " contains itself",
          info.element(),
          info.mirror(),
          value);
      origins.reported(at);
      return null;
    }
    try {
      origins.put(at, new Origin(branch, branchMirror, null));
      return graph(branch, branchMirror, at);
    } finally {
      expanding.remove(branch);
    }
  }

  /** The {@code comment} of the {@code @Branch} type {@code value} names, or null. */
  String branchComment(AnnotationValue value) {
    TypeElement branch = typeOf(value);
    AnnotationMirror branchMirror = branch == null ? null : mirror(branch, "Branch");
    return branchMirror == null ? null : string(branchMirror, "comment");
  }
}
