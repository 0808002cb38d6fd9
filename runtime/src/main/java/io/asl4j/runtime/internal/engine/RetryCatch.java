package io.asl4j.runtime.internal.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asl4j.dsl.model.Catcher;
import io.asl4j.dsl.model.ErrorHandling;
import io.asl4j.dsl.model.MapState;
import io.asl4j.dsl.model.ParallelState;
import io.asl4j.dsl.model.Retrier;
import io.asl4j.dsl.model.WaitState;
import io.asl4j.runtime.StatesError;
import java.util.List;

/**
 * A state's error handling: the first matching retrier re-runs the attempt after its back-off (with
 * jitter, see {@link ErrorMatching#delayMillis}); else the first matching catcher leaves the state
 * with the error output; else the graph the state runs in fails.
 */
final class RetryCatch {
  private RetryCatch() {}

  /** Fails {@code step} with an error raised by the runtime or a field's evaluation. */
  static void failState(Step step, StatesError e) {
    String errorName = e.error();
    String errorCause = e.cause();
    boolean handled = step.state instanceof ErrorHandling;
    if (e instanceof FieldError fieldError) {
      errorCause = step.prefix() + fieldError.cause();
      recordEvaluationFailed(step, fieldError, errorName, errorCause);
      handled = handled && fieldError.catchable();
    }
    if (handled) {
      handleError(step, errorName, errorCause, null, null);
    } else {
      step.fail(errorName, errorCause);
    }
  }

  private static void recordEvaluationFailed(
      Step step, FieldError e, String errorName, String errorCause) {
    if (!"States.QueryEvaluationError".equals(errorName)) {
      return;
    }
    ObjectNode d = ExecutionRun.NODES.objectNode();
    d.put("error", errorName);
    d.put("cause", errorCause);
    if (e.location() != null) {
      d.put("location", e.location());
    }
    d.put("state", step.name);
    // AWS evaluates a state's fields in the step that enters it, so an evaluation failing there
    // is chained beside the entered event, to the same event; a Wait's Seconds or Timestamp is
    // evaluated after it is entered, so its failure follows WaitStateEntered.
    Frame frame = step.frame;
    long previous =
        frame.cursor == step.enteredId && !(step.state instanceof WaitState)
            ? step.enteredPrevious
            : frame.cursor;
    frame.cursor = frame.record(previous, "EvaluationFailed", () -> d);
    if (step.state instanceof MapState || step.state instanceof ParallelState) {
      frame.event(step.state.type().aslName() + "StateFailed", null);
    }
  }

  /**
   * Retry or Catch an error of a Task, Parallel or Map attempt; {@code retry} re-runs the attempt
   * (null: the error is not retried). {@code failedEvent} (e.g. {@code MapStateFailed}) is recorded
   * when the error is not retried, as AWS records it only then. Without a match the frame fails.
   */
  static void handleError(
      Step step, String errorName, String errorCause, Runnable retry, String failedEvent) {
    ErrorHandling handling = (ErrorHandling) step.state;
    ExecutionRun run = step.run;
    if (retry != null) {
      List<Retrier> retriers = handling.retriersOrEmpty();
      for (int i = 0; i < retriers.size(); i++) {
        Retrier retrier = retriers.get(i);
        if (ErrorMatching.matches(retrier.errorEquals(), errorName)) {
          StateObserver.Retrying verdict =
              run.observer.retrier(
                  step,
                  i,
                  retrier,
                  step.retriesByRetrier[i],
                  ErrorMatching.recordedName(errorName),
                  errorCause);
          if (verdict == StateObserver.Retrying.ENDED) {
            return;
          }
          if (verdict == StateObserver.Retrying.AS_USUAL
              && step.retriesByRetrier[i] < retrier.maxAttemptsOrDefault()) {
            retryLater(step, retrier, i, retry);
            return;
          }
          break; // Only the first matching retrier counts, even when it is exhausted.
        }
      }
    }
    if (failedEvent != null) {
      step.frame.event(failedEvent, null);
    }
    String recorded = ErrorMatching.recordedName(errorName);
    List<Catcher> catchers = handling.catchersOrEmpty();
    for (int i = 0; i < catchers.size(); i++) {
      Catcher catcher = catchers.get(i);
      if (ErrorMatching.matches(catcher.errorEquals(), errorName)) {
        run.observer.caught(step, i, recorded, errorCause);
        caught(step, catcher, recorded, errorCause);
        return;
      }
    }
    step.fail(recorded, errorCause);
  }

  /** Runs {@code retry} after retrier {@code index}'s back-off, counting the retry. */
  private static void retryLater(Step step, Retrier retrier, int index, Runnable retry) {
    ExecutionRun run = step.run;
    long delay =
        ErrorMatching.delayMillis(retrier, step.retriesByRetrier[index], run.setup().random());
    step.retriesByRetrier[index]++;
    step.retryCount++;
    step.invalidateContext();
    run.scheduler()
        .at(
            run.nowMillis() + delay,
            () -> {
              if (step.frame.live()) {
                try {
                  retry.run();
                } catch (StatesError again) {
                  failState(step, again);
                }
              }
            });
  }

  private static void caught(Step step, Catcher catcher, String errorName, String errorCause) {
    // The error output always carries both fields; an error without a cause gets "".
    ObjectNode errorOutput = ExecutionRun.NODES.objectNode();
    errorOutput.put("Error", errorName == null ? "" : errorName);
    errorOutput.put("Cause", errorCause == null ? "" : errorCause);
    try {
      step.exitTo(catcher.next(), IoPipeline.caught(step, catcher, errorOutput));
    } catch (StatesError e) {
      String c = e instanceof FieldError fe ? step.prefix() + fe.cause() : e.cause();
      step.fail(e.error(), c);
    }
  }
}
