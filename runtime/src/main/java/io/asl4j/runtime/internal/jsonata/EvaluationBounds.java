package io.asl4j.runtime.internal.jsonata;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import com.dashjoin.jsonata.Utils;
import java.util.List;
import java.util.Map;

/**
 * The bounds of one evaluation, checked each time the library enters or leaves a sub-expression:
 * its wall-clock time, its nesting depth, and how many values it has made.
 *
 * <p>The first two are the library's own run-time bounds, with its wording ({@code Expression
 * evaluation timeout: Check for infinite loop}). They are checked only between sub-expressions, so
 * a single step that does a great deal of work in one go escapes them: a path step flattens every
 * item's results in one loop after evaluating them all, so {@code ($x := [1..1000]; $x.$x.$x)} went
 * on to collect a billion values, for minutes and gigabytes, long after its timeout. The third
 * bound catches that before it starts: every list, string and object a sub-expression returns is
 * counted as it returns, and an evaluation that has made more than {@value #MAX_VALUES} values
 * (items, characters, fields) fails. The count is cumulative, so a value passed up through several
 * sub-expressions counts several times; the bound is generous enough for that.
 *
 * <p>The range operator has a bound of its own, {@value #MAX_RANGE_SIZE} items, as {@code $range}
 * has: the library allows ten million, and the array that holds them is built in one step, again
 * out of reach of the timeout ({@code [[1..10000000]..1]} took over ten seconds). The library
 * returns a range as a lazy list, so it is refused before any item is made.
 */
final class EvaluationBounds {

  /** How many values one evaluation may make, counting each item, character and field. */
  static final long MAX_VALUES = 100_000_000L;

  /** How many items a range ({@code [1..n]} or {@code $range}) may hold. */
  static final long MAX_RANGE_SIZE = 1_000_000;

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
            checkRange(result);
            bounds.count(result);
            bounds.check();
          }
        });
  }

  private static void checkRange(Object result) {
    if (result instanceof Utils.RangeList range && range.size() > MAX_RANGE_SIZE) {
      throw new JException(
          "D2014: The size of the sequence allocated by the range operator (..) must not exceed "
              + MAX_RANGE_SIZE
              + ". Attempted to allocate "
              + range.size()
              + ".",
          -1);
    }
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
