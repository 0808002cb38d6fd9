package io.asl4j.processor;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.tools.Diagnostic;

/**
 * Reports tagged diagnostics on elements, annotations and values, and keeps going so every problem
 * of a compilation is reported at once.
 */
final class Reporter {
  private final Messager messager;
  private final Trees trees;
  private int errors;

  Reporter(ProcessingEnvironment env) {
    this.messager = env.getMessager();
    this.trees = treesOf(env);
  }

  private static Trees treesOf(ProcessingEnvironment env) {
    try {
      return Trees.instance(env);
    } catch (RuntimeException | LinkageError e) {
      return null; // not javac (e.g. Eclipse): diagnostics on repeated annotations land on the type
    }
  }

  void error(String tag, String message, Origin origin) {
    report(Diagnostic.Kind.ERROR, tag, message, origin);
  }

  void warning(String tag, String message, Origin origin) {
    report(Diagnostic.Kind.WARNING, tag, message, origin);
  }

  void error(
      String tag, String message, Element element, AnnotationMirror mirror, AnnotationValue value) {
    error(tag, message, new Origin(element, mirror, value));
  }

  void report(Diagnostic.Kind kind, String tag, String message, Origin origin) {
    if (kind == Diagnostic.Kind.ERROR) {
      errors++;
    }
    String text = "[Asl4j" + tag + "] " + message;
    if (origin != null
        && origin.mirror() != null
        && inContainer(origin)
        && printOnTree(kind, text, origin)) {
      return;
    }
    if (origin == null || origin.element() == null) {
      messager.printMessage(kind, text);
    } else if (origin.mirror() == null) {
      messager.printMessage(kind, text, origin.element());
    } else if (origin.value() == null) {
      messager.printMessage(kind, text, origin.element(), origin.mirror());
    } else {
      messager.printMessage(kind, text, origin.element(), origin.mirror(), origin.value());
    }
  }

  private static boolean inContainer(Origin origin) {
    return origin.element() != null
        && !origin.element().getAnnotationMirrors().contains(origin.mirror());
  }

  /**
   * javac cannot place a diagnostic on one of several {@code @Retry}s (it only knows the
   * synthesized {@code @Retry.List}), so the i-th {@code @Retry} is found in the source tree
   * instead.
   */
  private boolean printOnTree(Diagnostic.Kind kind, String text, Origin origin) {
    if (trees == null) {
      return false;
    }
    try {
      AnnotationMirror mirror = origin.mirror();
      int index = -1;
      for (AnnotationMirror container : origin.element().getAnnotationMirrors()) {
        for (AnnotationValue value : container.getElementValues().values()) {
          if (value.getValue() instanceof List<?> items) {
            for (int i = 0; i < items.size(); i++) {
              Object item = ((AnnotationValue) items.get(i)).getValue();
              if (item == mirror
                  || (item instanceof AnnotationMirror outer && contains(outer, mirror))) {
                index = i;
              }
            }
          }
        }
      }
      TreePath path = trees.getPath(origin.element());
      if (index < 0 || path == null || !(path.getLeaf() instanceof ClassTree type)) {
        return false;
      }
      AnnotationMirror outer = null;
      for (AnnotationMirror container : origin.element().getAnnotationMirrors()) {
        for (AnnotationValue value : container.getElementValues().values()) {
          if (value.getValue() instanceof List<?> items
              && index < items.size()
              && ((AnnotationValue) items.get(index)).getValue() instanceof AnnotationMirror item
              && (item == mirror || contains(item, mirror))) {
            outer = item;
          }
        }
      }
      if (outer == null) {
        return false;
      }
      String simpleName = outer.getAnnotationType().asElement().getSimpleName().toString();
      List<AnnotationTree> matching = new ArrayList<>();
      for (AnnotationTree annotation : type.getModifiers().getAnnotations()) {
        String name = annotation.getAnnotationType().toString();
        if (name.equals(simpleName) || name.endsWith("." + simpleName)) {
          matching.add(annotation);
        }
      }
      if (index >= matching.size()) {
        return false;
      }
      Tree target =
          outer == null ? null : locate(outer, matching.get(index), mirror, origin.value());
      if (target == null) {
        return false;
      }
      trees.printMessage(kind, text, target, path.getCompilationUnit());
      return true;
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  /** Whether {@code target} is nested (at any depth) in the values of {@code outer}. */
  private static boolean contains(AnnotationMirror outer, AnnotationMirror target) {
    for (AnnotationValue value : outer.getElementValues().values()) {
      Object v = value.getValue();
      if (v == target || (v instanceof AnnotationMirror nested && contains(nested, target))) {
        return true;
      }
      if (v instanceof List<?> items) {
        for (Object item : items) {
          Object inner = ((AnnotationValue) item).getValue();
          if (inner == target
              || (inner instanceof AnnotationMirror nested && contains(nested, target))) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /**
   * The tree of {@code value} in {@code target} (or of {@code target} itself when {@code value} is
   * null), found by walking {@code current} and its source {@code tree} side by side; null if the
   * source does not have the expected shape.
   */
  private static Tree locate(
      AnnotationMirror current,
      AnnotationTree tree,
      AnnotationMirror target,
      AnnotationValue value) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
        current.getElementValues().entrySet()) {
      String name = entry.getKey().getSimpleName().toString();
      ExpressionTree expression = argument(tree, name);
      Object v = entry.getValue().getValue();
      if (current == target) {
        if (entry.getValue() == value) {
          return expression;
        }
        continue;
      }
      if (expression == null) {
        continue;
      }
      if (v instanceof AnnotationMirror nested
          && (nested == target || contains(nested, target))
          && expression instanceof AnnotationTree nestedTree) {
        return locate(nested, nestedTree, target, value);
      }
      if (v instanceof List<?> items) {
        List<? extends ExpressionTree> elements =
            expression instanceof NewArrayTree array
                ? array.getInitializers()
                : List.of(expression);
        for (int i = 0; i < items.size() && elements != null && i < elements.size(); i++) {
          Object inner = ((AnnotationValue) items.get(i)).getValue();
          if (inner instanceof AnnotationMirror nested
              && (nested == target || contains(nested, target))
              && elements.get(i) instanceof AnnotationTree nestedTree) {
            return locate(nested, nestedTree, target, value);
          }
        }
      }
    }
    return current == target ? tree : null;
  }

  private static ExpressionTree argument(AnnotationTree tree, String name) {
    for (ExpressionTree argument : tree.getArguments()) {
      if (argument instanceof AssignmentTree assignment) {
        if (assignment.getVariable().toString().equals(name)) {
          return assignment.getExpression();
        }
      } else if (name.equals("value")) {
        return argument;
      }
    }
    return null;
  }

  /**
   * Reports an exception the processor did not expect, with its stack trace, instead of crashing
   * javac.
   */
  void unexpected(Element element, Throwable e) {
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    error(
        "Unexpected",
        "asl4j could not process this type; please report this with the stack trace: " + trace,
        new Origin(element, null, null));
  }

  int errorCount() {
    return errors;
  }
}
