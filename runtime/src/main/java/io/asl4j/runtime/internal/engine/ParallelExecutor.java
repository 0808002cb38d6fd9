package io.asl4j.runtime.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.asl4j.dsl.model.ParallelState;
import io.asl4j.dsl.model.StateGraph;
import io.asl4j.runtime.StatesError;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The Parallel state: runs each branch in a frame of its own, interleaved on the execution's loop;
 * the first branch to fail cuts the others short, and the state's result is the array of the
 * branches' outputs, in branch order.
 */
final class ParallelExecutor {
  private ParallelExecutor() {}

  static void execute(Step step, ParallelState parallel) {
    JsonNode effective = step.effectiveInput(parallel.io());
    if (step.run.observer.tookOverParallel(step, parallel.io())) {
      return; // TestState: the mock stands for the branches
    }
    attempt(step, parallel, effective);
  }

  private static void attempt(Step step, ParallelState parallel, JsonNode effective) {
    ExecutionRun run = step.run;
    Frame frame = step.frame;
    Redrive.Attempt earlier = step.takeRedrivenAttempt();
    frame.event("ParallelStateStarted", null);
    List<StateGraph> branches = parallel.branches();
    JsonNode[] results = new JsonNode[branches.size()];
    List<Frame> branchFrames = new ArrayList<>(branches.size());
    BitSet succeeded = new BitSet();
    step.lastAttempt = new Redrive.Attempt(branchFrames, results, succeeded::get, null);
    // The output array's payload size, summed from the branches' (as JsonSize sums it); -1:
    // unknown.
    long[] resultsBytes = {2};
    int[] remaining = {branches.size()};
    boolean[] over = {false};
    List<Frame> children = new ArrayList<>();
    long startCursor = frame.cursor;
    if (branches.isEmpty()) {
      succeeded(step, parallel, ExecutionRun.NODES.arrayNode());
      return;
    }
    for (int i = 0; i < branches.size(); i++) {
      int index = i;
      StateGraph branch = branches.get(i);
      if (earlier != null && earlier.succeeded(i)) {
        // Redriven: a branch that succeeded keeps its output and does not run again.
        results[i] = earlier.outputs()[i];
        succeeded.set(i);
        branchFrames.add(null);
        resultsBytes[0] = -1;
        remaining[0]--;
        continue;
      }
      Frame ended = earlier == null ? null : earlier.frame(i);
      Frame child =
          step.childFrame(
              branch, startCursor, ended != null ? ended.scope : new VariableScope(frame.scope));
      children.add(child);
      branchFrames.add(child);
      child.onDone =
          outcome -> {
            if (over[0]) {
              return;
            }
            run.release(child);
            frame.cursor = Math.max(frame.cursor, child.cursor);
            if (outcome.failed()) {
              over[0] = true;
              children.forEach(run::release);
              for (Frame other : children) {
                if (other != child && other.current != null) {
                  run.abort(other, false);
                }
              }
              run.abort(child, true);
              frame.cursor = Math.max(frame.cursor, child.cursor);
              children.forEach(c -> c.aborted = true);
              step.handleError(
                  outcome.error(),
                  outcome.cause(),
                  () -> attempt(step, parallel, effective),
                  "ParallelStateFailed");
              return;
            }
            results[index] = outcome.output();
            succeeded.set(index);
            long bytes = child.knownSize(outcome.output());
            resultsBytes[0] = bytes < 0 || resultsBytes[0] < 0 ? -1 : resultsBytes[0] + bytes + 1;
            if (--remaining[0] == 0) {
              over[0] = true;
              ArrayNode array = array(results);
              if (resultsBytes[0] >= 0) {
                frame.rememberSize(array, resultsBytes[0]);
              }
              succeeded(step, parallel, array);
            }
          };
      if (ended != null) {
        step.resumeChild(child, ended, effective);
      } else {
        step.enterChild(child, branch.startAt(), effective);
      }
    }
    if (remaining[0] == 0) {
      // Redriven after every branch had succeeded (the Parallel failed after them).
      succeeded(step, parallel, array(results));
    }
  }

  private static ArrayNode array(JsonNode[] results) {
    ArrayNode array = ExecutionRun.NODES.arrayNode();
    for (JsonNode r : results) {
      array.add(r);
    }
    return array;
  }

  /**
   * Records the Parallel's success: as on AWS, ParallelStateSucceeded follows the last branch's
   * last event, and the state's exit is chained beside it, to that same event.
   */
  private static void succeeded(Step step, ParallelState parallel, ArrayNode results) {
    Frame frame = step.frame;
    long completing = frame.cursor;
    frame.event("ParallelStateSucceeded", null);
    frame.cursor = completing;
    try {
      step.exit(step.complete(parallel.io(), results));
    } catch (StatesError e) {
      step.failState(e);
    }
  }
}
