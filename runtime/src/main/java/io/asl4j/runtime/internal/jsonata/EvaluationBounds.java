package io.asl4j.runtime.internal.jsonata;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import java.util.List;
import java.util.Map;

/**
 * The bounds of one evaluation, checked each time the library enters or leaves a sub-expression:
 * its wall-clock time, its nesting depth, and how many values it has made.
 *
 * <p>The first two are the library's own run-time bounds, with its wording ({@code Expression
 * evaluation timeout: Check for infinite loop}). They are checked only between sub-expressions, so
 * a single step that does a great deal of work in one go escapes them: a path step flattens every
 * item's results in one loop after evaluating them all, so {@code ($x := [1..1000]; $x.$x.$x)}
 * went on to collect a billion values, for minutes and gigabytes, long after its timeout. The third
 * bound catches that before it starts: every list, string and object a sub-expression returns is
 * counted as it returns, and an evaluation that has made more than {@value #MAX_VALUES} values
 * (items, characters, fields) fails. The count is cumulative, so a value passed up through several
 * sub-expressions counts several times; the bound is generous enough for that.
 */
final class EvaluationBounds {

  /** How many values one evaluation may make, counting each item, character and field. */
  static final long MAX_VALUES = 100_000_000L;

  private final long deadline;
  private final int maxDepth;
  private int depth;
  private long values;

  private EvaluationBounds(long timeoutMillis, int maxDepth) {
    this.deadline = System.currentTimeMillis() + timeoutMillis;
    this.maxDepth = maxDepth;
  }

  /** Installs the bounds of one evaluation, starting now, in {@code frame}. */
  static void install(Jsonata.Frame frame, long timeoutMillis, int maxDepth) {
    EvaluationBounds bounds = new EvaluationBounds(timeoutMillis, maxDepth);
    frame.setEvaluateEntryCallback(
        (expression, input, environment) -> {
          // As the library's own bounds: calls made in parallel are not counted.
          if (!environment.isParallelCall) {
            bounds.depth++;
            bounds.check();
          }
        });
    frame.setEvaluateExitCallback(
        (expression, input, environment, result) -> {
          if (!environment.isParallelCall) {
            bounds.depth--;
            bounds.count(result);
            bounds.check();
          }
        });
  }

  private void count(Object result) {
    if (result instanceof List<?> list) {
      values += list.size();
    } else if (result instanceof String text) {
      values += text.length();
    } else if (result instanceof Map<?, ?> map) {
      values += map.size();
    }
  }

  private void check() {
    if (depth > maxDepth) {
      throw new JException(
          "Stack overflow error: Check for non-terminating recursive function.  Consider rewriting"
              + " as tail-recursive. Depth="
              + depth
              + " max="
              + maxDepth,
          -1);
    }
    if (System.currentTimeMillis() > deadline) {
      throw new JException("Expression evaluation timeout: Check for infinite loop", -1);
    }
    if (values > MAX_VALUES) {
      throw new JException(
          "Expression evaluation made more than "
              + MAX_VALUES
              + " values: Check for a step that multiplies arrays, or a string that keeps"
              + " doubling",
          -1);
    }
  }
}
