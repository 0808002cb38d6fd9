package io.asl4j.runtime.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asl4j.dsl.model.StateMachine;
import io.asl4j.dsl.model.TaskState;
import io.asl4j.runtime.ExecutionStatus;
import io.asl4j.runtime.StatesError;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One execution of a state machine: the interpreter proper.
 *
 * <p>Everything runs on the execution's {@link Scheduler}, one step at a time, so Parallel branches
 * and Map iterations interleave deterministically and waiting costs no thread. A graph (the
 * machine, a branch, an iteration) is a {@link Frame}; a state being executed is a {@link Step}.
 */
public final class ExecutionRun extends RecordedExecution {
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** AWS's payload limit for inputs, outputs and results. */
  static final int PAYLOAD_LIMIT_BYTES = 256 * 1024;

  /** AWS's limit on the size of all variables an execution holds at once: 10 MiB. */
  static final long VARIABLES_LIMIT_BYTES = 10L * 1024 * 1024;

  /**
   * The payload size of the values in every live scope. A Parallel branch's or Map iteration's
   * scope gives its share back when it ends ({@link #release}).
   */
  private long variableBytes;

  private final RunSetup setup;
  private final StateMachine machine;
  private final Scheduler scheduler;
  private final Data data;
  private final TaskExecutor tasks;

  /** The Map Runs of this execution's distributed Maps. */
  private final MapRuns mapRuns = new MapRuns();

  private final JsonNode input;
  private final long startMillis;

  /** The root frame of the current attempt: a redrive starts a new one. */
  private Frame root;

  /** {@code previous} of a terminal event that follows whatever was recorded last. */
  private static final long LAST_EVENT = -1;

  /** The tokens of the tasks waiting in this execution; closed when it ends. */
  private final WaitingTokens waitingTokens = new WaitingTokens();

  /**
   * Watches the states: {@link StateObserver#NONE} for ordinary executions; a single-state run's
   * (AWS's TestState, see {@link SingleStateRun}) watches the state under test and stops the run at
   * its transition.
   */
  StateObserver observer = StateObserver.NONE;

  public ExecutionRun(RunSetup setup, JsonNode input) {
    super(32); // even small executions record ~20 events
    this.setup = setup;
    this.machine = setup.machine();
    this.input = input;
    this.scheduler = new Scheduler(setup.startMillis(), setup.virtualTime(), setup.timeScale());
    this.startMillis = scheduler.nowMillis();
    this.data = setup.data();
    this.tasks = new TaskExecutor(setup, this);
    this.historyLimit = HistoryQuota.limit(setup.express());
  }

  // ---- public surface used by io.asl4j.runtime.Execution ----------------------------------------

  @Override
  String roleArn() {
    return setup.roleArn();
  }

  /** Starts the execution; nothing runs until {@link #runToCompletion()}. */
  public void start() {
    recordStarted(input, scheduler.nowMillis());
    scheduleTimeLimit(startMillis);
    // Cursor 0: AWS chains the first state's entered event to 0, not to ExecutionStarted.
    Frame first = rootFrame(new VariableScope(null), 0);
    scheduler.post(() -> enter(first, machine.startAt(), input));
  }

  /**
   * Sets the execution's time limit, counted from {@code fromMillis} (its start, or a redrive):
   * {@code TimeoutSeconds}, never past AWS's own limit counted from the start (a year; 5 minutes
   * for Express).
   */
  private void scheduleTimeLimit(long fromMillis) {
    // AWS ends an Express execution after 5 minutes and a Standard one after a year.
    long limitSeconds = setup.express() ? 300 : 365L * 24 * 3600;
    long limitMillis = startMillis + limitSeconds * 1000L;
    long atMillis =
        machine.timeoutSeconds() == null
            ? limitMillis
            : Math.min(limitMillis, fromMillis + machine.timeoutSeconds() * 1000L);
    scheduler.at(
        atMillis,
        () -> {
          ObjectNode d = HistoryDetails.errorAndCause("States.Timeout", null);
          finish(
              ExecutionStatus.TIMED_OUT,
              null,
              "States.Timeout",
              null,
              "ExecutionTimedOut",
              () -> d,
              LAST_EVENT);
        });
  }

  /**
   * The machine's root frame of an attempt, whose end ends the execution; becomes {@link #root}.
   */
  private Frame rootFrame(VariableScope scope, long cursor) {
    Frame frame =
        new Frame(
            this,
            machine,
            data.plans(machine, machine.defaultQueryLanguage()),
            scope,
            null,
            cursor);
    frame.onDone =
        outcome ->
            finish(
                outcome.failed() ? ExecutionStatus.FAILED : ExecutionStatus.SUCCEEDED,
                outcome.output(),
                outcome.error(),
                outcome.cause(),
                endEvent(outcome),
                endDetails(outcome),
                frame.cursor);
    root = frame;
    return frame;
  }

  /** Runs until the execution ends, skipping time on a virtual clock and waiting for callbacks. */
  public void runToCompletion() {
    scheduler.runUntil(() -> status() != ExecutionStatus.RUNNING, false);
  }

  /** Runs until the execution ends or waits for a task completion from outside. */
  public void runUntilWaiting() {
    scheduler.runUntil(() -> status() != ExecutionStatus.RUNNING, true);
  }

  /** See {@link Scheduler#realMillisToNextTimer()}. */
  public long realMillisToNextTimer() {
    return scheduler.realMillisToNextTimer();
  }

  /** Hands a step in from any thread (a task completion). */
  void deliver(Runnable step) {
    scheduler.deliver(step);
  }

  /** The tokens of the tasks this execution waits on, sorted. */
  public List<String> waitingTaskTokens() {
    return waitingTokens.sorted();
  }

  /** The tokens of the tasks waiting in this execution. */
  WaitingTokens waitingTokens() {
    return waitingTokens;
  }

  /**
   * Stops a running execution, from any thread: when this returns it is {@code ABORTED} (unless it
   * had ended already), callbacks to its tasks are refused, and no further step does anything. A
   * step running on the execution's loop at that moment finishes, its result discarded.
   */
  public void stop(String stopError, String stopCause) {
    ObjectNode d = HistoryDetails.errorAndCause(stopError, stopCause);
    if (finish(
        ExecutionStatus.ABORTED,
        null,
        stopError,
        stopCause,
        "ExecutionAborted",
        () -> d,
        LAST_EVENT)) {
      // A loop sleeping until a completion arrives (real clock) wakes up and sees the end.
      deliver(() -> {});
    }
  }

  /** The exceptions Java task handlers threw, in order (each failed its attempt). */
  public List<Throwable> taskExceptions() {
    return tasks.thrown();
  }

  /** The Map Runs started so far, in start order. */
  public List<MapRunRecord> mapRuns() {
    return mapRuns.snapshot();
  }

  /** Starts recording a Map Run of {@code step}'s distributed Map. */
  MapRunRecord startMapRun(
      Step step,
      String label,
      boolean express,
      int maxConcurrency,
      int toleratedCount,
      BigDecimal toleratedPercentage) {
    return mapRuns.start(
        setup,
        step.name,
        label,
        express,
        maxConcurrency,
        toleratedCount,
        toleratedPercentage,
        scheduler.nowMillis());
  }

  public JsonNode input() {
    return input;
  }

  /** The execution's ARN, made when first asked for. */
  public String executionArn() {
    return setup.executionArn();
  }

  public Instant startDate() {
    return Instant.ofEpochMilli(startMillis);
  }

  long nowMillis() {
    return scheduler.nowMillis();
  }

  RunSetup setup() {
    return setup;
  }

  Scheduler scheduler() {
    return scheduler;
  }

  Data data() {
    return data;
  }

  TaskExecutor tasks() {
    return tasks;
  }

  /** This execution's own history (a distributed Map's children keep theirs). */
  History ownHistory() {
    return history;
  }

  /**
   * Ends the execution, unless something ended it first (then returns false). Safe from any thread:
   * the loop's own end and a stop race for it, and exactly one wins. The tasks still waiting end
   * before the new status shows, so whoever sees it ended also sees their callbacks refused, as AWS
   * refuses them; {@code previous} {@link #LAST_EVENT} follows the last event.
   */
  private boolean finish(
      ExecutionStatus newStatus,
      JsonNode newOutput,
      String newError,
      String newCause,
      String eventType,
      java.util.function.Supplier<ObjectNode> details,
      long previous) {
    if (!claimEnd()) {
      return false;
    }
    setup.tokens().endAll(this);
    long now = scheduler.nowMillis();
    mapRuns.abortAll(now);
    ended(newStatus, newOutput, newError, newCause, eventType, details, previous, now);
    return true;
  }

  // ---- redrive
  // ------------------------------------------------------------------------------------

  /**
   * Restarts the ended execution from its unsuccessful states, as AWS's RedriveExecution does (see
   * {@link Redrive}): {@code ExecutionRedriven} follows its last event, and the state it ended in
   * is entered again with the input it first received. Only on the loop's thread, with the
   * execution ended. {@code atMillis}: when, on a virtual clock (null: its time now).
   *
   * @throws io.asl4j.runtime.RedriveExecutionException when AWS would refuse it
   */
  public void redrive(Long atMillis) {
    if (setup.express()) {
      throw Redrive.express();
    }
    long when = atMillis == null || !scheduler.virtual() ? scheduler.nowMillis() : atMillis;
    String reason = redriveStatusReason(when);
    if (reason != null) {
      throw Redrive.notRedrivable(reason);
    }
    scheduler.restartAt(when);
    long now = scheduler.nowMillis();
    Frame ended = root;
    ended.aborted = true; // what the last attempt left behind, or delivers late, does nothing now
    waitingTokens.reopen();
    int count = reopen(now);
    long redriven =
        recordLazily(
            history.lastId(),
            "ExecutionRedriven",
            () -> {
              ObjectNode d = NODES.objectNode();
              d.put("redriveCount", count);
              return d;
            });
    scheduleTimeLimit(now);
    Frame again = rootFrame(ended.scope, redriven);
    scheduler.post(() -> again.resume(ended, input));
  }

  /**
   * Why the execution cannot be redriven now, on its clock ({@code redriveStatusReason}), or null
   * when it can. Express executions have none: AWS does not describe them.
   */
  public String redriveStatusReason() {
    return redriveStatusReason(scheduler.nowMillis());
  }

  /** AWS's refusal of a redrive while the execution runs (on another thread). */
  public io.asl4j.runtime.RedriveExecutionException redriveRefusedWhileRunning() {
    return Redrive.notRedrivable(
        Redrive.notRedrivableReason(ExecutionStatus.RUNNING, 0, startMillis, -1, startMillis));
  }

  /** Whether the execution runs on a virtual clock. */
  public boolean virtualClock() {
    return scheduler.virtual();
  }

  /** Whether this is an Express execution (AWS neither describes nor redrives those). */
  public boolean express() {
    return setup.express();
  }

  /** As {@link #redriveStatusReason()}, at {@code atMillis}. */
  String redriveStatusReason(long atMillis) {
    if (setup.express()) {
      return null;
    }
    return Redrive.notRedrivableReason(
        status(), history.lastId(), startMillis, stopMillis(), atMillis);
  }

  /**
   * A redriven branch's or iteration's variables, which stopped counting when it ended, count
   * again.
   */
  void countAgain(VariableScope scope) {
    scope.bytes = scope.measure();
    variableBytes += scope.bytes;
  }

  // ---- history ----------------------------------------------------------------------------------

  /**
   * Records an event whose details are built only if the history is read. The history's size is the
   * counter of the history quota: when the event would be the last one the quota allows and is not
   * the execution's own end, the execution fails instead (see {@link HistoryQuota}), and nothing is
   * recorded after that.
   */
  long recordLazily(long previous, String type, java.util.function.Supplier<ObjectNode> details) {
    return recordOwn(previous, type, details, History.SUPPLIED);
  }

  /** Records an event in this execution's history, under its quota (see {@link #recordLazily}). */
  long recordOwn(long previous, String type, Object source, byte kind) {
    if (history.lastId() >= historyLimit - 1) {
      // The quota's last event is the execution's end (finish records it; the history then takes
      // nothing more, so a step still running records nothing either).
      closeHistory();
      return history.lastId();
    }
    return history.record(previous, scheduler.nowMillis(), type, source, kind);
  }

  /** Standard: 25,000 events (AWS's quota). Express: the local guard against endless loops. */
  private final int historyLimit;

  /** Ends the execution at the history limit: {@code ExecutionFailed} is the last event. */
  private void closeHistory() {
    String limitCause = HistoryQuota.executionCause(setup.express());
    ObjectNode d = HistoryDetails.errorAndCause("States.Runtime", limitCause);
    finish(
        ExecutionStatus.FAILED,
        null,
        "States.Runtime",
        limitCause,
        "ExecutionFailed",
        () -> d,
        LAST_EVENT);
  }

  // ---- graphs
  // -------------------------------------------------------------------------------------

  /**
   * A Parallel branch or Map iteration has ended (or was cut short): its variables are gone, and no
   * longer count towards the execution's 10 MiB. Idempotent.
   */
  void release(Frame frame) {
    variableBytes -= frame.scope.bytes;
    frame.scope.bytes = 0;
  }

  /**
   * Records that {@code frame} was cut short because a sibling failed: its current state gets a
   * {@code <Type>StateAborted} event. A failed Task's own frame gets one too, as AWS records it.
   */
  void abort(Frame frame, boolean failedOne) {
    Step step = frame.current;
    if (step == null) {
      return;
    }
    if (!failedOne || step.state instanceof TaskState) {
      frame.event(step.state.type().aslName() + "StateAborted", null);
    }
  }

  /**
   * Assigns the variables {@code step} set as it exits, under AWS's limits (see {@link
   * VariableScope#assign(Map, String, long, long)}).
   */
  void assignVariables(Step step, Map<String, JsonNode> assigned) {
    variableBytes +=
        step.frame.scope.assign(assigned, step.name, variableBytes, VARIABLES_LIMIT_BYTES);
  }

  void enter(Frame frame, String name, JsonNode rawInput) {
    enter(frame, name, rawInput, null);
  }

  /**
   * Enters {@code name}; {@code redriven}: the same state's unsuccessful step a redrive resumes.
   */
  void enter(Frame frame, String name, JsonNode rawInput, Step redriven) {
    if (!frame.live()) {
      return;
    }
    StatePlan plan = frame.plans.get(name);
    if (plan == null) {
      // The validator rules this out; an invalid definition must still fail cleanly.
      frame.onDone.accept(
          GraphOutcome.failure("States.Runtime", "State '" + name + "' does not exist"));
      return;
    }
    Step step = new Step(this, frame, plan, rawInput, scheduler.nowMillis());
    step.redriven = redriven;
    step.enteredPrevious = frame.cursor;
    step.enteredId = frame.stepEvent(plan.enteredEvent, step, History.STATE_ENTERED);
    frame.current = step;
    observer.entered(step); // TestState: this may be the state under test
    step.execute();
  }

  /** AWS's error for a value over the payload limit in state {@code stateName}. */
  static StatesError dataLimitExceeded(String stateName) {
    return new StatesError(
        "States.DataLimitExceeded",
        "The state/task '"
            + stateName
            + "' returned a result with a size exceeding the maximum number of bytes service limit.");
  }
}
