package io.asl4j.runtime.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.asl4j.dsl.expression.AslPath;
import io.asl4j.dsl.model.Catcher;
import io.asl4j.dsl.model.ChoiceRule;
import io.asl4j.dsl.model.ChoiceState;
import io.asl4j.dsl.model.ErrorHandling;
import io.asl4j.dsl.model.FailState;
import io.asl4j.dsl.model.Graph;
import io.asl4j.dsl.model.Io;
import io.asl4j.dsl.model.MapState;
import io.asl4j.dsl.model.NullablePath;
import io.asl4j.dsl.model.ParallelState;
import io.asl4j.dsl.model.PassState;
import io.asl4j.dsl.model.Retrier;
import io.asl4j.dsl.model.State;
import io.asl4j.dsl.model.StateGraph;
import io.asl4j.dsl.model.StateMachine;
import io.asl4j.dsl.model.SucceedState;
import io.asl4j.dsl.model.TaskState;
import io.asl4j.dsl.model.Transitioning;
import io.asl4j.dsl.model.WaitState;
import io.asl4j.runtime.ExecutionStatus;
import io.asl4j.runtime.HistoryEvent;
import io.asl4j.runtime.StatesError;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One execution of a state machine: the interpreter proper.
 *
 * <p>Everything runs on the execution's {@link Scheduler}, one step at a time, so Parallel branches
 * and Map iterations interleave deterministically and waiting costs no thread. A graph (the
 * machine, a branch, an iteration) is a {@link Frame}; a state being executed is a {@link Step}.
 */
public final class ExecutionRun {
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  /** AWS's payload limit for inputs, outputs and results. */
  static final int PAYLOAD_LIMIT_BYTES = 256 * 1024;

  /**
   * AWS's hard quota on a Standard execution's history: the event that would be number 25,000 is
   * replaced by {@code ExecutionFailed} unless it is the execution's own end. Express executions
   * have no history on AWS and no such quota.
   */
  static final int HISTORY_LIMIT = 25_000;

  /**
   * An Express execution ends after 5 minutes on AWS, but a loop of Pass and Choice states takes
   * no virtual time, so here it would run forever: past this many events it fails instead. Not an
   * AWS quota; 40 times the Standard one, and far more than an Express workflow records in its 5
   * minutes.
   */
  static final int EXPRESS_HISTORY_GUARD = 1_000_000;

  /** AWS's limit on the size of all variables an execution holds at once: 10 MiB. */
  static final long VARIABLES_LIMIT_BYTES = 10L * 1024 * 1024;

  /**
   * The payload size of the values in every live scope. A Parallel branch's or Map iteration's
   * scope gives its share back when it ends ({@link #release}).
   */
  private long variableBytes;

  static final String HISTORY_LIMIT_CAUSE =
      "The execution reached the maximum number of history events (" + HISTORY_LIMIT + ").";

  private final RunSetup setup;
  private final StateMachine machine;
  private final Scheduler scheduler;
  private final Data data;
  private final Tasks tasks;
  /** Presized inside: even small executions record ~20 events. */
  private final History history = new History(32);
  /** The Map Runs of this execution's distributed Maps, in start order. */
  private final List<MapRunRecord> mapRuns = new ArrayList<>();
  private final List<Throwable> taskExceptions = new ArrayList<>();
  private final JsonNode input;
  private final long startMillis;

  private volatile ExecutionStatus status = ExecutionStatus.RUNNING;
  private volatile JsonNode output;
  private volatile String error;
  private volatile String cause;
  /** The root frame of the current attempt: a redrive starts a new one. */
  private Frame root;
  /** When the execution last ended; -1 until it does. */
  private volatile long stopMillis = -1;
  private volatile int redriveCount;
  /** When the execution was last redriven; -1 if never. */
  private volatile long redriveMillis = -1;
  /**
   * Set once, by whichever ends the execution first: its own loop (success, failure, timeout) or
   * a stop from any thread. From then on no step does anything.
   */
  private volatile boolean ending;
  /** {@code previous} of a terminal event that follows whatever was recorded last. */
  private static final long LAST_EVENT = -1;
  private static final java.lang.invoke.VarHandle ENDING;

  static {
    try {
      ENDING = java.lang.invoke.MethodHandles.lookup().findVarHandle(ExecutionRun.class, "ending", boolean.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** The tokens of the tasks waiting in this execution; closed when it ends. */
  private final WaitingTokens waitingTokens = new WaitingTokens();

  /**
   * Set only for a single-state run (AWS's TestState, see {@link SingleStateRun}): observes the
   * state under test and stops the run at its transition. {@code null} for ordinary executions,
   * and every hook below is guarded by it, so they change nothing then.
   */
  SingleStateRun.Probe probe;

  public ExecutionRun(RunSetup setup, JsonNode input) {
    this.setup = setup;
    this.machine = setup.machine();
    this.input = input;
    this.scheduler = new Scheduler(setup.startMillis(), setup.virtualTime());
    this.startMillis = scheduler.nowMillis();
    this.data = setup.data();
    this.tasks = new Tasks(setup, this);
    this.historyLimit = setup.express() ? EXPRESS_HISTORY_GUARD : HISTORY_LIMIT;
  }

  // ---- public surface used by io.asl4j.runtime.Execution ----------------------------------------

  /** Starts the execution; nothing runs until {@link #runToCompletion()}. */
  public void start() {
    recordLazily(0, "ExecutionStarted", () -> {
      ObjectNode details = NODES.objectNode();
      details.set("input", deferredText(input));
      details.set("inputDetails", notTruncated());
      details.put("roleArn", setup.roleArn());
      return details;
    });
    scheduleTimeLimit(startMillis);
    // Cursor 0: AWS chains the first state's entered event to 0, not to ExecutionStarted.
    Frame first = rootFrame(new Scope(null), 0);
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
    long atMillis = machine.timeoutSeconds() == null
        ? limitMillis
        : Math.min(limitMillis, fromMillis + machine.timeoutSeconds() * 1000L);
    scheduler.at(
        atMillis,
        () -> {
          ObjectNode d = NODES.objectNode();
          d.put("error", "States.Timeout");
          finish(ExecutionStatus.TIMED_OUT, null, "States.Timeout", null, "ExecutionTimedOut", d, LAST_EVENT);
        });
  }

  /** The machine's root frame of an attempt, whose end ends the execution; becomes {@link #root}. */
  private Frame rootFrame(Scope scope, long cursor) {
    Frame frame = new Frame(machine, data.plans(machine, machine.defaultQueryLanguage()), scope, null, cursor);
    frame.onDone =
        outcome -> {
          if (outcome.failed()) {
            ObjectNode d = NODES.objectNode();
            if (outcome.error() != null) {
              d.put("error", outcome.error());
            }
            if (outcome.cause() != null) {
              d.put("cause", outcome.cause());
            }
            finish(ExecutionStatus.FAILED, null, outcome.error(), outcome.cause(), "ExecutionFailed", d, frame.cursor);
          } else {
            JsonNode result = outcome.output();
            finish(ExecutionStatus.SUCCEEDED, result, null, null, "ExecutionSucceeded", () -> {
              ObjectNode d = NODES.objectNode();
              d.set("output", deferredText(result));
              d.set("outputDetails", notTruncated());
              return d;
            }, frame.cursor);
          }
        };
    root = frame;
    return frame;
  }

  /**
   * Single-state run (TestState): enters {@code name} of {@code graph} with {@code stateInput} in
   * a root frame whose scope holds {@code variables}; {@link #probe} stops it at the transition.
   */
  void startSingleState(Graph graph, String name, JsonNode stateInput, Map<String, JsonNode> variables) {
    Scope scope = new Scope(null);
    scope.assign(variables);
    Frame frame = new Frame(graph, scope);
    frame.onDone = outcome -> probe.ended(outcome);
    probe.frame = frame;
    scheduler.post(() -> enter(frame, name, stateInput));
  }

  /** Runs until {@code done} holds or nothing is left to run (single-state runs). */
  void runUntil(java.util.function.BooleanSupplier done) {
    scheduler.runUntil(done, false);
  }

  /** Runs until the execution ends, skipping time on a virtual clock and waiting for callbacks. */
  public void runToCompletion() {
    scheduler.runUntil(() -> status != ExecutionStatus.RUNNING, false);
  }

  /** Runs until the execution ends or waits for a task completion from outside. */
  public void runUntilWaiting() {
    scheduler.runUntil(() -> status != ExecutionStatus.RUNNING, true);
  }

  /** Hands a step in from any thread (a task completion). */
  void deliver(Runnable step) {
    scheduler.deliver(step);
  }

  /** The tokens of the tasks this execution waits on, sorted. */
  public List<String> waitingTaskTokens() {
    return waitingTokens.sorted();
  }

  /** Notes a task waiting on {@code token}; false once the execution has ended (the task ends too). */
  boolean addWaitingToken(String token) {
    return waitingTokens.add(token);
  }

  /** Whether a task of this execution still waits on {@code token}. */
  boolean waitsOn(String token) {
    return waitingTokens.contains(token);
  }

  void removeWaitingToken(String token) {
    waitingTokens.remove(token);
  }

  /** The tokens still waiting; afterwards no task can wait in this execution. */
  java.util.Collection<String> closeWaitingTokens() {
    return waitingTokens.close();
  }

  /**
   * Stops a running execution, from any thread: when this returns it is {@code ABORTED} (unless
   * it had ended already), callbacks to its tasks are refused, and no further step does anything.
   * A step running on the execution's loop at that moment finishes, its result discarded.
   */
  public void stop(String stopError, String stopCause) {
    ObjectNode d = NODES.objectNode();
    if (stopError != null) {
      d.put("error", stopError);
    }
    if (stopCause != null) {
      d.put("cause", stopCause);
    }
    if (finish(ExecutionStatus.ABORTED, null, stopError, stopCause, "ExecutionAborted", d, LAST_EVENT)) {
      // A loop sleeping until a completion arrives (real clock) wakes up and sees the end.
      deliver(() -> {});
    }
  }

  public ExecutionStatus status() {
    return status;
  }

  public JsonNode output() {
    return output;
  }

  public String error() {
    return error;
  }

  public String cause() {
    return cause;
  }

  public List<HistoryEvent> history() {
    return history.snapshot();
  }

  /** The exceptions Java task handlers threw, in order (each failed its attempt). */
  public List<Throwable> taskExceptions() {
    synchronized (taskExceptions) {
      return List.copyOf(taskExceptions);
    }
  }

  /** Keeps what a handler threw, for the test that wants its stack trace. */
  void taskThrew(Throwable thrown) {
    synchronized (taskExceptions) {
      taskExceptions.add(thrown);
    }
  }

  /** The Map Runs started so far, in start order. */
  public List<MapRunRecord> mapRuns() {
    synchronized (mapRuns) {
      return List.copyOf(mapRuns);
    }
  }

  /** Starts recording a Map Run of {@code step}'s distributed Map. */
  MapRunRecord startMapRun(Step step, String label, boolean express, int maxConcurrency, int toleratedCount, BigDecimal toleratedPercentage) {
    synchronized (mapRuns) {
      MapRunRecord record = new MapRunRecord(
          setup, step.name, label, mapRuns.size(), express, maxConcurrency, toleratedCount, toleratedPercentage,
          scheduler.nowMillis());
      mapRuns.add(record);
      return record;
    }
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

  /** Whether the execution goes on: false from the moment something began to end it. */
  boolean running() {
    return !ending;
  }

  /**
   * Ends the execution, unless something ended it first (then returns false). Safe from any
   * thread: the loop's own end and a stop race for it, and exactly one wins. The tasks still
   * waiting end before the new status shows, so whoever sees it ended also sees their callbacks
   * refused, as AWS refuses them; {@code previous} {@link #LAST_EVENT} follows the last event.
   */
  private boolean finish(
      ExecutionStatus newStatus,
      JsonNode newOutput,
      String newError,
      String newCause,
      String eventType,
      ObjectNode details,
      long previous) {
    return finish(newStatus, newOutput, newError, newCause, eventType, () -> details, previous);
  }

  private boolean finish(
      ExecutionStatus newStatus,
      JsonNode newOutput,
      String newError,
      String newCause,
      String eventType,
      java.util.function.Supplier<ObjectNode> details,
      long previous) {
    if (!ENDING.compareAndSet(this, false, true)) {
      return false;
    }
    setup.tokens().endAll(this);
    long now = scheduler.nowMillis();
    // A Map Run cannot outlive its execution: AWS aborts it and the children still running.
    List<MapRunRecord> runs;
    synchronized (mapRuns) {
      runs = mapRuns.isEmpty() ? List.of() : List.copyOf(mapRuns);
    }
    for (MapRunRecord mapRun : runs) {
      mapRun.end(io.asl4j.runtime.MapRun.Status.ABORTED, null, null, now);
    }
    output = newOutput;
    error = newError;
    cause = newCause;
    stopMillis = now;
    history.recordLast(previous, now, eventType, details);
    status = newStatus;
    return true;
  }

  // ---- redrive ------------------------------------------------------------------------------------

  /**
   * Restarts the ended execution from its unsuccessful states, as AWS's RedriveExecution does
   * (see {@link Redrive}): {@code ExecutionRedriven} follows its last event, and the state it
   * ended in is entered again with the input it first received. Only on the loop's thread, with
   * the execution ended. {@code atMillis}: when, on a virtual clock (null: its time now).
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
    int count = redriveCount + 1;
    Frame ended = root;
    ended.aborted = true; // what the last attempt left behind, or delivers late, does nothing now
    output = null;
    error = null;
    cause = null;
    waitingTokens.reopen();
    history.reopen();
    redriveCount = count;
    redriveMillis = now;
    ENDING.setVolatile(this, false);
    status = ExecutionStatus.RUNNING;
    long redriven = recordLazily(history.lastId(), "ExecutionRedriven", () -> {
      ObjectNode d = NODES.objectNode();
      d.put("redriveCount", count);
      return d;
    });
    scheduleTimeLimit(now);
    Frame again = rootFrame(ended.scope, redriven);
    scheduler.post(() -> resume(again, ended, input));
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
    return Redrive.notRedrivable(Redrive.notRedrivableReason(ExecutionStatus.RUNNING, 0, startMillis, -1, startMillis));
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
    return Redrive.notRedrivableReason(status, history.lastId(), startMillis, stopMillis, atMillis);
  }

  /** How often the execution was redriven. */
  public int redriveCount() {
    return redriveCount;
  }

  /** When it was last redriven, or null. */
  public Instant redriveDate() {
    long at = redriveMillis;
    return at < 0 ? null : Instant.ofEpochMilli(at);
  }

  /** When it ended, or null while it runs. */
  public Instant stopDate() {
    return status == ExecutionStatus.RUNNING ? null : Instant.ofEpochMilli(stopMillis);
  }

  /**
   * Runs {@code frame} on from where {@code ended}, its predecessor in the last attempt, stopped:
   * the state it was in (entered, never exited) again, with that state's first input and what the
   * state ran before (the branches and iterations of a Parallel or Map) for it to resume; or, when
   * it stopped between two states, the next one; or, when it never began, its first state.
   */
  void resume(Frame frame, Frame ended, JsonNode firstInput) {
    if (frame.scope.bytes == 0 && frame.parent != null) {
      // A branch's or iteration's variables stopped counting when it ended; they count again.
      frame.scope.bytes = frame.scope.measure();
      variableBytes += frame.scope.bytes;
    }
    Step unsuccessful = ended.current;
    if (unsuccessful != null) {
      enter(frame, unsuccessful.name, unsuccessful.rawInput, unsuccessful);
    } else if (ended.lastExited != null && ended.lastExited.next != null) {
      enter(frame, ended.lastExited.next, ended.lastExited.out, null);
    } else {
      enter(frame, frame.graph.startAt(), firstInput, null);
    }
  }

  // ---- history ----------------------------------------------------------------------------------

  long record(long previous, String type, ObjectNode details) {
    return recordLazily(previous, type, details == null ? null : () -> details);
  }

  /**
   * Records an event whose details are built only if the history is read. The history's size is
   * the counter of the history quota: when the event would be the last one the quota allows and
   * is not the execution's own end, the execution fails instead (see {@link #HISTORY_LIMIT}), and
   * nothing is recorded after that.
   */
  long recordLazily(long previous, String type, java.util.function.Supplier<ObjectNode> details) {
    return recordOwn(previous, type, details, History.SUPPLIED);
  }

  /** Records an event in this execution's history, under its quota (see {@link #recordLazily}). */
  private long recordOwn(long previous, String type, Object source, byte kind) {
    if (history.lastId() >= historyLimit - 1) {
      // The quota's last event is the execution's end (finish records it; the history then takes
      // nothing more, so a step still running records nothing either).
      closeHistory();
      return history.lastId();
    }
    return history.record(previous, scheduler.nowMillis(), type, source, kind);
  }

  /**
   * Records an event chained to {@code previous} in the history {@code frame} belongs to: this
   * execution's (under its quota), or that of the distributed Map child execution the frame runs in.
   */
  long recordIn(Frame frame, long previous, String type, java.util.function.Supplier<ObjectNode> details) {
    return recordIn(frame, previous, type, details, History.SUPPLIED);
  }

  /** As {@link #recordIn(Frame, long, String, java.util.function.Supplier)}, with the details' source of {@code kind}. */
  private long recordIn(Frame frame, long previous, String type, Object source, byte kind) {
    History target = frame.history();
    if (target == history) {
      return recordOwn(previous, type, source, kind);
    }
    // A child execution has a quota of its own, as on AWS; without it a child looping in no time
    // would never end.
    int limit = frame.child.express() ? EXPRESS_HISTORY_GUARD : HISTORY_LIMIT;
    if (target.lastId() >= limit - 1 && !type.startsWith("Execution")) {
      failChildAtHistoryLimit(frame);
      return target.lastId();
    }
    return target.record(previous, scheduler.nowMillis(), type, source, kind);
  }

  /**
   * Ends the child execution {@code frame} runs in as the history quota ends an execution: its
   * root frame is cut off (nothing more of it runs) and fails with {@code States.Runtime}, which
   * records {@code ExecutionFailed} as the child's last event.
   */
  private void failChildAtHistoryLimit(Frame frame) {
    Frame root = frame;
    while (root.parent != null && root.parent.child == frame.child) {
      root = root.parent;
    }
    if (root.aborted) {
      return;
    }
    root.aborted = true;
    String cause = frame.child.express()
        ? "The execution reached the local runtime's limit of " + EXPRESS_HISTORY_GUARD + " history events."
        : HISTORY_LIMIT_CAUSE;
    root.onDone.accept(Outcome.failure("States.Runtime", cause));
  }

  /** Standard: 25,000 events (AWS's quota). Express: the local guard against endless loops. */
  private final int historyLimit;

  /** Ends the execution at the history limit: {@code ExecutionFailed} is the last event. */
  private void closeHistory() {
    String limitCause = setup.express()
        ? "The execution reached the local runtime's limit of " + EXPRESS_HISTORY_GUARD
            + " history events (AWS records no history for an Express execution and ends it after 5 minutes;"
            + " here a loop that takes no time would never end)."
        : HISTORY_LIMIT_CAUSE;
    ObjectNode d = NODES.objectNode();
    d.put("error", "States.Runtime");
    d.put("cause", limitCause);
    finish(ExecutionStatus.FAILED, null, "States.Runtime", limitCause, "ExecutionFailed", d, LAST_EVENT);
  }

  /** As {@link #event(Frame, String, ObjectNode)}, with details built only if read. */
  long eventLazily(Frame frame, String type, java.util.function.Supplier<ObjectNode> details) {
    frame.cursor = recordIn(frame, frame.cursor, type, details);
    return frame.cursor;
  }

  /** A state's entered or exited event, whose details {@code step} builds when read. */
  private long stepEvent(Frame frame, String type, Step step, byte kind) {
    frame.cursor = recordIn(frame, frame.cursor, type, step, kind);
    return frame.cursor;
  }

  /**
   * Records an event in a frame's causal chain and moves the chain on. Frames of a distributed
   * Map's child executions record into the child's own history, not this one, as AWS does.
   */
  long event(Frame frame, String type, ObjectNode details) {
    return eventLazily(frame, type, details == null ? null : () -> details);
  }

  /** The retry counters of a state without Retry. */
  private static final int[] NO_RETRIES = new int[0];

  /** {@code {"truncated": false}}: shared, since history details are copied when read. */
  private static final ObjectNode NOT_TRUNCATED = NODES.objectNode().put("truncated", false);

  static ObjectNode notTruncated() {
    return NOT_TRUNCATED;
  }

  static String text(JsonNode value) {
    return value == null ? "null" : value.toString();
  }

  /** {@code value} as a history event shows it: its text by {@code texts}, or deferred when null. */
  static JsonNode shown(JsonNode value, Function<JsonNode, String> texts) {
    return texts == null ? deferredText(value) : NODES.textNode(texts.apply(value));
  }

  /** A value recorded in a history event as JSON text, written only if the history is read. */
  static JsonNode deferredText(JsonNode value) {
    return NODES.pojoNode(new HistoryEvent.DeferredText(value));
  }

  // ---- graphs -------------------------------------------------------------------------------------

  /** One run of a graph: the machine, a Parallel branch or a Map iteration. */
  final class Frame {
    final Graph graph;
    final Scope scope;
    final Frame parent;
    long cursor;
    boolean aborted;
    /**
     * The distributed Map child execution this frame runs in (set on the child's root frame,
     * inherited by the frames inside it), or null for this execution's own frames.
     */
    ChildRun child;
    /** The graph's states, planned once per machine. */
    final Map<String, StatePlan> plans;
    /** The state this frame is in (entered, not yet exited); after a failure, the failed one. */
    Step current;
    /** The state this frame exited last: where a redrive goes on when it stopped between two states. */
    Step lastExited;
    Consumer<Outcome> onDone;

    /** A frame running {@code graph}, whose states' plans are {@code plans}. */
    Frame(Graph graph, Map<String, StatePlan> plans, Scope scope, Frame parent, long cursor) {
      this.graph = graph;
      this.scope = scope;
      this.parent = parent;
      this.cursor = cursor;
      this.child = parent == null ? null : parent.child;
      this.plans = plans;
    }

    /** A root frame: its graph's plans are looked up once per frame. */
    Frame(Graph graph, Scope scope) {
      this(graph, data.plans(graph, machine.defaultQueryLanguage()), scope, null, 0);
    }

    /** The history this frame's events go to. */
    History history() {
      return child == null ? history : child.events();
    }

    /**
     * The last two values whose payload size this frame counted, and their sizes: upper bounds
     * ({@link JsonSize#bound}), which say whether a value is within the limit as well as the
     * exact size does and are sums and differences of each other the same way. States pass
     * their output on as the next state's input, and many (Choice, echoing Tasks, Pass without
     * Result) output that very node again: remembering its size skips a walk of the whole value at
     * each exit. Two slots, so that a Map's or Parallel's result and the state's input are both
     * known when the result is placed into the input. Sound because values are never mutated
     * once produced (ResultPath copies).
     */
    private JsonNode sizedNode;
    private long sizedBytes;
    private JsonNode olderSizedNode;
    private long olderSizedBytes;

    /** The remembered size of {@code value}, or -1. */
    long knownSize(JsonNode value) {
      if (value != null && value == sizedNode) {
        return sizedBytes;
      }
      if (value != null && value == olderSizedNode) {
        return olderSizedBytes;
      }
      return -1;
    }

    /** Remembers {@code value}'s size (at most the limit: larger values never travel on). */
    void rememberSize(JsonNode value, long bytes) {
      if (value == sizedNode || bytes > PAYLOAD_LIMIT_BYTES) {
        return;
      }
      olderSizedNode = sizedNode;
      olderSizedBytes = sizedBytes;
      sizedNode = value;
      sizedBytes = bytes;
    }

    /** Whether {@code value}'s compact JSON exceeds the payload limit (256 KiB). */
    boolean exceedsPayloadLimit(JsonNode value) {
      if (value == null || knownSize(value) >= 0) {
        return false;
      }
      long bytes = JsonSize.bound(value, PAYLOAD_LIMIT_BYTES);
      if (bytes > PAYLOAD_LIMIT_BYTES) {
        return true;
      }
      rememberSize(value, bytes);
      return false;
    }

    /**
     * As {@link #exceedsPayloadLimit}, for a value a Task handler returned: always counted (user
     * code made it, and may have changed the node it was given), then remembered.
     */
    boolean handlerResultExceeds(JsonNode result) {
      sizedNode = null; // recount: a handler may have changed the nodes it was given
      olderSizedNode = null;
      return exceedsPayloadLimit(result);
    }

    /**
     * A ResultPath of one field on {@code $} changes one entry of the input, so when the input's
     * size is known the output's follows without walking it: the same sum {@link JsonSize} makes.
     * With the input's size an upper bound, the output's is one too: the replaced value's exact
     * size is subtracted, never more than it counted in the input's.
     */
    void rememberMergedSize(JsonNode rawInput, AslPath resultPath, JsonNode placed, JsonNode merged) {
      long inputBytes = knownSize(rawInput);
      if (inputBytes < 0 || !rawInput.isObject() || !merged.isObject()
          || resultPath.steps().size() != 1 || !(resultPath.steps().get(0) instanceof AslPath.Field field)) {
        return;
      }
      JsonNode old = rawInput.get(field.name());
      long placedBytes = knownSize(placed);
      if (placedBytes < 0) {
        placedBytes = JsonSize.bound(placed, PAYLOAD_LIMIT_BYTES);
      }
      long bytes = old == null
          ? inputBytes + JsonSize.stringSize(field.name()) + 2 + placedBytes
          : inputBytes - JsonSize.size(old, PAYLOAD_LIMIT_BYTES) + placedBytes;
      rememberSize(merged, bytes);
    }

    boolean live() {
      for (Frame f = this; f != null; f = f.parent) {
        if (f.aborted) {
          return false;
        }
      }
      return running();
    }
  }

  /**
   * A Parallel branch or Map iteration has ended (or was cut short): its variables are gone, and
   * no longer count towards the execution's 10 MiB. Idempotent.
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
      event(frame, step.state.type().aslName() + "StateAborted", null);
    }
  }

  /** How a graph ended. */
  record Outcome(JsonNode output, String error, String cause, boolean failed) {
    static Outcome success(JsonNode output) {
      return new Outcome(output, null, null, false);
    }

    static Outcome failure(String error, String cause) {
      return new Outcome(null, error, cause, true);
    }
  }

  private void enter(Frame frame, String name, JsonNode rawInput) {
    enter(frame, name, rawInput, null);
  }

  /** Enters {@code name}; {@code redriven}: the same state's unsuccessful step a redrive resumes. */
  private void enter(Frame frame, String name, JsonNode rawInput, Step redriven) {
    if (!frame.live()) {
      return;
    }
    StatePlan plan = frame.plans.get(name);
    if (plan == null) {
      // The validator rules this out; an invalid definition must still fail cleanly.
      frame.onDone.accept(Outcome.failure("States.Runtime", "State '" + name + "' does not exist"));
      return;
    }
    Step step = new Step(frame, plan, rawInput, scheduler.nowMillis());
    step.redriven = redriven;
    step.enteredPrevious = frame.cursor;
    step.enteredId = stepEvent(frame, plan.enteredEvent, step, History.STATE_ENTERED);
    frame.current = step;
    if (probe != null) {
      probe.entered(step); // TestState: this may be the state under test
    }
    step.execute();
  }

  // ---- one state ----------------------------------------------------------------------------------

  /**
   * One execution of one state. Once it has exited it is also the scheduler's step that enters
   * the next state, and it builds the details of its entered and exited events when the history
   * is read: a closure per event and per transition cost more than the rest of a Pass state.
   */
  final class Step implements Data.Environment, Runnable {
    final Frame frame;
    final StatePlan plan;
    final String name;
    final State state;
    final JsonNode rawInput;
    long enteredId;
    /** The id the entered event is chained to. */
    long enteredPrevious;
    final long enteredMillis;
    final boolean jsonata;
    int retryCount;
    final int[] retriesByRetrier;
    String taskToken;
    /** {@code $$.Map.Item} while this Map state evaluates an item's ItemSelector, else null. */
    JsonNode mapItem;
    /**
     * The unsuccessful step of the same state that a redrive resumes with this one, until its
     * first attempt takes it (a Parallel's or Map's then runs only what did not succeed in it).
     */
    Step redriven;
    /** What this Parallel's or Map's latest attempt ran, for a redrive; else null. */
    Redrive.Attempt lastAttempt;
    private ObjectNode context;
    /** Set when the state exits: its output, the variables it assigned, the state it goes to. */
    private JsonNode out;
    private Map<String, JsonNode> assigned;
    private String next;

    Step(Frame frame, StatePlan plan, JsonNode rawInput, long enteredMillis) {
      this.frame = frame;
      this.plan = plan;
      this.name = plan.name;
      this.state = plan.state;
      this.rawInput = rawInput;
      this.enteredMillis = enteredMillis;
      this.jsonata = plan.jsonata;
      this.retriesByRetrier = plan.retriers == 0 ? NO_RETRIES : new int[plan.retriers];
    }

    // Data.Environment: what expressions can see.
    @Override
    public JsonNode context() {
      if (context == null) {
        // TestState: the state under test sees the given (or TestState's default) context object.
        context = probe != null && probe.watches(this) ? probe.context(this) : setup.contextObject(ExecutionRun.this, this);
      }
      return context;
    }

    @Override
    public JsonNode variable(String variableName) {
      return frame.scope.get(variableName);
    }

    @Override
    public io.asl4j.runtime.internal.expression.IntrinsicEvaluator intrinsics() {
      return setup.intrinsics();
    }

    @Override
    public java.util.random.RandomGenerator random() {
      return setup.random();
    }

    @Override
    public long nowMillis() {
      return scheduler.nowMillis();
    }

    void invalidateContext() {
      context = null;
    }

    String prefix() {
      if (probe != null && probe.watches(this)) {
        return ""; // TestState reports a state's own evaluation errors without this prefix
      }
      return "An error occurred while executing the state '"
          + name
          + "' (entered at the event id #"
          + enteredId
          + "). ";
    }

    void execute() {
      try {
        if (state instanceof PassState pass) {
          pass(pass);
        } else if (state instanceof TaskState task) {
          tasks.execute(this, task);
        } else if (state instanceof ChoiceState choice) {
          choice(choice);
        } else if (state instanceof WaitState wait) {
          waitState(wait);
        } else if (state instanceof SucceedState succeed) {
          succeed(succeed);
        } else if (state instanceof FailState fail) {
          fail(fail);
        } else if (state instanceof ParallelState parallel) {
          parallel(parallel);
        } else if (state instanceof MapState map) {
          map(map);
        }
      } catch (StatesError e) {
        failState(e);
      }
    }

    // ---- input/output processing ----------------------------------------------------------------

    /** JSONPath: InputPath then Parameters. JSONata: Arguments (or the raw input). */
    JsonNode effectiveInput(Io io) {
      if (jsonata) {
        JsonNode arguments = io.arguments() == null
            ? rawInput
            : checkSize(data.jsonata(io.arguments(), "Arguments", statesVariable(null, null), this));
        inspect("afterArguments", arguments);
        return arguments;
      }
      JsonNode afterInputPath = applyPath(io.inputPath(), rawInput);
      inspect("afterInputPath", afterInputPath);
      // Without Parameters the effective input is (part of) the state's input, which was checked.
      JsonNode afterParameters =
          io.parameters() == null ? afterInputPath : checkSize(data.template(io.parameters(), afterInputPath, this));
      inspect("afterParameters", afterParameters);
      return afterParameters;
    }

    /** TestState: records an intermediate value of the state under test (no-op otherwise). */
    void inspect(String key, JsonNode value) {
      if (probe != null && probe.watches(this)) {
        probe.inspect(key, value);
      }
    }

    JsonNode applyPath(NullablePath path, JsonNode value) {
      if (path == null) {
        return value;
      }
      if (path.isDiscard()) {
        return NODES.objectNode();
      }
      return data.path(path.path(), value, this);
    }

    /**
     * JSONPath: ResultSelector → ResultPath into the raw input → OutputPath, and Assign with
     * {@code $} = the selected result. JSONata: Output (default the result) and Assign.
     */
    Completed complete(Io io, JsonNode result) {
      if (jsonata) {
        inspect("result", result);
        JsonNode states = statesVariable(result, null);
        JsonNode out = io.output() == null ? (result == null ? rawInput : result) : data.jsonata(io.output(), "Output", states, this);
        Map<String, JsonNode> assigned = assignJsonata(io.assign(), states, "Assign");
        return new Completed(out, assigned);
      }
      inspect("result", result);
      JsonNode selected =
          io.resultSelector() == null || result == null ? result : data.template(io.resultSelector(), result, this);
      inspect("afterResultSelector", selected);
      JsonNode merged;
      NullablePath resultPath = io.resultPath();
      if (result == null) {
        merged = rawInput;
      } else if (resultPath == null) {
        merged = selected;
      } else if (resultPath.isDiscard()) {
        merged = rawInput;
      } else {
        AslPath compiled = io == state.io() && plan.resultPath != null ? plan.resultPath : data.compiledResultPath(resultPath.path());
        merged = data.merge(rawInput, compiled, selected);
        frame.rememberMergedSize(rawInput, compiled, selected, merged);
      }
      inspect("afterResultPath", merged);
      JsonNode out = applyPath(io.outputPath(), merged);
      Map<String, JsonNode> assigned = assignJsonPath(io.assign(), result == null ? effectiveInputForAssign(io) : selected);
      return new Completed(out, assigned);
    }

    private JsonNode effectiveInputForAssign(Io io) {
      return applyPath(io.inputPath(), rawInput);
    }

    Map<String, JsonNode> assignJsonPath(JsonNode assign, JsonNode dollar) {
      if (assign == null) {
        return Map.of();
      }
      JsonNode values = data.template(assign, dollar, this);
      Map<String, JsonNode> assigned = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = values.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        assigned.put(e.getKey(), e.getValue());
      }
      return assigned;
    }

    Map<String, JsonNode> assignJsonata(JsonNode assign, JsonNode states, String field) {
      if (assign == null) {
        return Map.of();
      }
      Map<String, JsonNode> assigned = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = assign.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        assigned.put(e.getKey(), data.jsonata(e.getValue(), field + "/" + e.getKey(), states, this));
      }
      return assigned;
    }

    /** The {@code $states} variable of JSONata. */
    JsonNode statesVariable(JsonNode result, JsonNode errorOutput) {
      ObjectNode states = NODES.objectNode();
      states.set("input", rawInput);
      states.set("context", context());
      if (result != null) {
        states.set("result", result);
      }
      if (errorOutput != null) {
        states.set("errorOutput", errorOutput);
      }
      return states;
    }

    // ---- leaving the state --------------------------------------------------------------------------

    void exitTo(String next, Completed completed) {
      if (!frame.live()) {
        return;
      }
      JsonNode output = completed.output();
      checkSize(output);
      Map<String, JsonNode> assignedVariables = completed.assigned();
      if (!assignedVariables.isEmpty()) {
        long added = checkVariableSizes(assignedVariables);
        frame.scope.assign(assignedVariables);
        frame.scope.bytes += added;
        variableBytes += added;
      }
      this.out = output;
      this.assigned = assignedVariables;
      this.next = next;
      this.context = null; // the history may keep this step; the context object is not needed again
      stepEvent(frame, plan.exitedEvent, this, History.STATE_EXITED);
      frame.current = null;
      frame.lastExited = this;
      lastAttempt = null; // a state that exited is never redriven: what it ran can go
      redriven = null;
      if (probe != null && probe.watches(this)) {
        probe.exited(next, output, assignedVariables); // TestState: stop at the transition
        return;
      }
      if (next == null) {
        frame.onDone.accept(Outcome.success(output));
      } else {
        scheduler.post(this);
      }
    }

    /** Enters the next state (posted by {@link #exitTo}). */
    @Override
    public void run() {
      enter(frame, next, out);
    }

    /** The details of this state's entered event. */
    ObjectNode enteredDetails() {
      return enteredDetails(null);
    }

    /** The details of this state's exited event. */
    ObjectNode exitedDetails() {
      return exitedDetails(null);
    }

    /**
     * The details of this state's entered event, values written by {@code texts} (null: deferred).
     */
    ObjectNode enteredDetails(Function<JsonNode, String> texts) {
      ObjectNode details = NODES.objectNode();
      details.put("name", name);
      details.set("input", shown(rawInput, texts));
      details.set("inputDetails", texts == null ? notTruncated() : notTruncated().deepCopy());
      return details;
    }

    /** Appends the JSON text of {@link #enteredDetails()} as an event's JSON shows it. */
    void writeEnteredDetails(StringBuilder text, JsonText.Cache cache) {
      text.append("{\"name\":");
      JsonText.quote(name, text);
      text.append(",\"input\":").append(cache.quoted(rawInput)).append(",\"inputDetails\":");
      JsonText.write(notTruncated(), text);
      text.append('}');
    }

    /** Appends the JSON text of {@link #exitedDetails()} as an event's JSON shows it. */
    void writeExitedDetails(StringBuilder text, JsonText.Cache cache) {
      text.append("{\"name\":");
      JsonText.quote(name, text);
      text.append(",\"output\":").append(cache.quoted(out)).append(",\"outputDetails\":");
      JsonText.write(notTruncated(), text);
      if (!assigned.isEmpty()) {
        text.append(",\"assignedVariables\":{");
        boolean first = true;
        for (Map.Entry<String, JsonNode> variable : assigned.entrySet()) {
          if (!first) {
            text.append(',');
          }
          first = false;
          JsonText.quote(variable.getKey(), text);
          text.append(':').append(cache.quoted(variable.getValue()));
        }
        text.append("},\"assignedVariablesDetails\":");
        JsonText.write(notTruncated(), text);
      }
      text.append('}');
    }

    /** The details of this state's exited event, values written by {@code texts} (null: deferred). */
    ObjectNode exitedDetails(Function<JsonNode, String> texts) {
      ObjectNode details = NODES.objectNode();
      details.put("name", name);
      details.set("output", shown(out, texts));
      details.set("outputDetails", texts == null ? notTruncated() : notTruncated().deepCopy());
      if (!assigned.isEmpty()) {
        ObjectNode vars = details.putObject("assignedVariables");
        assigned.forEach((k, v) -> vars.set(k, shown(v, texts)));
        details.set("assignedVariablesDetails", texts == null ? notTruncated() : notTruncated().deepCopy());
      }
      return details;
    }

    void exit(Completed completed) {
      Transitioning t = (Transitioning) state;
      exitTo(t.isEnd() ? null : t.next(), completed);
    }

    /**
     * AWS limits each variable's value, and all values one state assigns, to 256 KiB, and all
     * variables an execution holds to 10 MiB. Returns by how much the execution's total grows.
     */
    private long checkVariableSizes(Map<String, JsonNode> assigned) {
      if (assigned.isEmpty()) {
        return 0;
      }
      long total = 0;
      long replaced = 0;
      for (Map.Entry<String, JsonNode> e : assigned.entrySet()) {
        total += JsonSize.size(nullToNode(e.getValue()), PAYLOAD_LIMIT_BYTES);
        if (total > PAYLOAD_LIMIT_BYTES) {
          throw new StatesError(
              "States.DataLimitExceeded",
              "The state '"
                  + name
                  + "' assigned variables whose size exceeds the maximum number of bytes service limit.");
        }
        JsonNode old = frame.scope.own(e.getKey());
        if (old != null) {
          replaced += JsonSize.size(old, PAYLOAD_LIMIT_BYTES);
        }
      }
      long added = total - replaced;
      if (variableBytes + added > VARIABLES_LIMIT_BYTES) {
        throw new StatesError(
            "States.DataLimitExceeded",
            "The state '"
                + name
                + "' assigned variables that take the execution's variables over the maximum number of bytes"
                + " service limit.");
      }
      return added;
    }

    /**
     * Fails the state with {@code States.DataLimitExceeded} when {@code value} is over 256 KiB:
     * AWS checks a state's output, and its input after Parameters (or Arguments). AWS's one
     * recorded cause says "returned a result" for both.
     */
    JsonNode checkSize(JsonNode value) {
      if (frame.exceedsPayloadLimit(value)) {
        throw dataLimitExceeded(name);
      }
      return value;
    }

    /** Fails the state with an error raised by the runtime or a field's evaluation. */
    void failState(StatesError e) {
      String errorName = e.error();
      String errorCause = e.cause();
      if (e instanceof FieldError fieldError) {
        errorCause = prefix() + fieldError.cause();
        recordEvaluationFailed(fieldError, errorName, errorCause);
        if (fieldError.catchable() && state instanceof ErrorHandling) {
          handleError(errorName, errorCause, null);
          return;
        }
        frame.onDone.accept(Outcome.failure(errorName, errorCause));
        return;
      }
      if (state instanceof ErrorHandling) {
        handleError(errorName, errorCause, null);
      } else {
        frame.onDone.accept(Outcome.failure(errorName, errorCause));
      }
    }

    private void recordEvaluationFailed(FieldError e, String errorName, String errorCause) {
      if (!"States.QueryEvaluationError".equals(errorName)) {
        return;
      }
      ObjectNode d = NODES.objectNode();
      d.put("error", errorName);
      d.put("cause", errorCause);
      if (e.location() != null) {
        d.put("location", e.location());
      }
      d.put("state", name);
      // AWS evaluates a state's fields in the step that enters it, so an evaluation failing there
      // is chained beside the entered event, to the same event; a Wait's Seconds or Timestamp is
      // evaluated after it is entered, so its failure follows WaitStateEntered.
      long previous =
          frame.cursor == enteredId && !(state instanceof WaitState) ? enteredPrevious : frame.cursor;
      frame.cursor = recordIn(frame, previous, "EvaluationFailed", () -> d);
      if (state instanceof MapState || state instanceof ParallelState) {
        event(frame, state.type().aslName() + "StateFailed", null);
      }
    }

    /**
     * Retry or Catch an error of a Task, Parallel or Map attempt; {@code retry} re-runs the
     * attempt. Without a match the frame fails.
     */
    void handleError(String errorName, String errorCause, Runnable retry) {
      handleError(errorName, errorCause, retry, null);
    }

    /**
     * As {@link #handleError(String, String, Runnable)}; {@code failedEvent} (e.g. {@code
     * MapStateFailed}) is recorded when the error is not retried, as AWS records it only then.
     */
    void handleError(String errorName, String errorCause, Runnable retry, String failedEvent) {
      ErrorHandling handling = (ErrorHandling) state;
      if (retry != null) {
        List<Retrier> retriers = handling.retriersOrEmpty();
        for (int i = 0; i < retriers.size(); i++) {
          Retrier retrier = retriers.get(i);
          if (ErrorMatching.matches(retrier.errorEquals(), errorName)) {
            if (probe != null && probe.watches(this)) {
              // TestState reports RETRIABLE instead of retrying, or which retrier was exhausted.
              if (probe.retrier(i, retrier, retriesByRetrier[i], ErrorMatching.recordedName(errorName), errorCause)) {
                return;
              }
              break;
            }
            if (retriesByRetrier[i] < retrier.maxAttemptsOrDefault()) {
              long delay = ErrorMatching.delayMillis(retrier, retriesByRetrier[i], setup.random());
              retriesByRetrier[i]++;
              retryCount++;
              invalidateContext();
              scheduler.at(scheduler.nowMillis() + delay, () -> {
                if (frame.live()) {
                  try {
                    retry.run();
                  } catch (StatesError again) {
                    failState(again);
                  }
                }
              });
              return;
            }
            break; // Only the first matching retrier counts, even when it is exhausted.
          }
        }
      }
      if (failedEvent != null) {
        event(frame, failedEvent, null);
      }
      String recorded = ErrorMatching.recordedName(errorName);
      List<Catcher> catchers = handling.catchersOrEmpty();
      for (int i = 0; i < catchers.size(); i++) {
        Catcher catcher = catchers.get(i);
        if (ErrorMatching.matches(catcher.errorEquals(), errorName)) {
          if (probe != null && probe.watches(this)) {
            probe.caught(i, recorded, errorCause); // TestState: CAUGHT_ERROR
          }
          caught(catcher, recorded, errorCause);
          return;
        }
      }
      frame.onDone.accept(Outcome.failure(recorded, errorCause));
    }

    private void caught(Catcher catcher, String errorName, String errorCause) {
      // The error output always carries both fields; an error without a cause gets "".
      ObjectNode errorOutput = NODES.objectNode();
      errorOutput.put("Error", errorName == null ? "" : errorName);
      errorOutput.put("Cause", errorCause == null ? "" : errorCause);
      try {
        Completed completed;
        if (jsonata) {
          JsonNode states = statesVariable(null, errorOutput);
          JsonNode out = catcher.output() == null ? errorOutput : data.jsonata(catcher.output(), "Output", states, this);
          completed = new Completed(out, assignJsonata(catcher.assign(), states, "Assign"));
        } else {
          JsonNode out;
          NullablePath resultPath = catcher.resultPath();
          if (resultPath == null) {
            out = errorOutput;
          } else if (resultPath.isDiscard()) {
            out = rawInput;
          } else {
            out = data.merge(rawInput, resultPath.path(), errorOutput);
          }
          completed = new Completed(out, assignJsonPath(catcher.assign(), errorOutput));
        }
        exitTo(catcher.next(), completed);
      } catch (StatesError e) {
        String c = e instanceof FieldError fe ? prefix() + fe.cause() : e.cause();
        frame.onDone.accept(Outcome.failure(e.error(), c));
      }
    }

    // ---- state types ------------------------------------------------------------------------------

    private void pass(PassState pass) {
      if (jsonata) {
        exit(complete(pass.io(), null));
        return;
      }
      JsonNode effective = effectiveInput(pass.io());
      JsonNode result = pass.result() != null ? pass.result() : effective;
      exit(complete(pass.io(), result));
    }

    private void succeed(SucceedState succeed) {
      Completed completed;
      if (jsonata) {
        completed = complete(succeed.io(), null);
      } else {
        JsonNode effective = applyPath(succeed.io().inputPath(), rawInput);
        inspect("afterInputPath", effective);
        completed = new Completed(applyPath(succeed.io().outputPath(), effective), Map.of());
      }
      exitTo(null, completed);
    }

    private void fail(FailState fail) {
      String errorName;
      String errorCause;
      if (jsonata) {
        JsonNode states = statesVariable(null, null);
        errorName = fail.error() == null ? null : textOf(data.jsonata(TextNode.valueOf(fail.error()), "Error", states, this));
        errorCause = fail.cause() == null ? null : textOf(data.jsonata(TextNode.valueOf(fail.cause()), "Cause", states, this));
      } else {
        errorName = fail.errorPath() != null ? textOf(data.pathOrIntrinsic(fail.errorPath(), rawInput, this, "ErrorPath")) : fail.error();
        errorCause = fail.causePath() != null ? textOf(data.pathOrIntrinsic(fail.causePath(), rawInput, this, "CausePath")) : fail.cause();
      }
      frame.onDone.accept(Outcome.failure(errorName, errorCause));
    }

    private void choice(ChoiceState choice) {
      JsonNode effective = jsonata ? rawInput : applyPath(choice.io().inputPath(), rawInput);
      inspect("afterInputPath", effective);
      JsonNode states = jsonata ? statesVariable(null, null) : null;
      for (ChoiceRule rule : choice.choices()) {
        if (Choices.matches(rule.condition(), effective, this, data, states)) {
          Completed completed;
          if (jsonata) {
            JsonNode out = rule.output() != null ? data.jsonata(rule.output(), "Output", states, this)
                : choice.io().output() != null ? data.jsonata(choice.io().output(), "Output", states, this) : rawInput;
            completed = new Completed(out, assignJsonata(rule.assign() != null ? rule.assign() : choice.io().assign(), states, "Assign"));
          } else {
            Map<String, JsonNode> assigned = assignJsonPath(rule.assign() != null ? rule.assign() : choice.io().assign(), effective);
            completed = new Completed(applyPath(choice.io().outputPath(), effective), assigned);
          }
          exitTo(rule.next(), completed);
          return;
        }
      }
      if (choice.defaultState() == null) {
        frame.onDone.accept(
            Outcome.failure(
                "States.NoChoiceMatched",
                "No Matches!"));
        return;
      }
      Completed completed;
      if (jsonata) {
        JsonNode out = choice.io().output() != null ? data.jsonata(choice.io().output(), "Output", states, this) : rawInput;
        completed = new Completed(out, assignJsonata(choice.io().assign(), states, "Assign"));
      } else {
        completed = new Completed(applyPath(choice.io().outputPath(), effective), assignJsonPath(choice.io().assign(), effective));
      }
      exitTo(choice.defaultState(), completed);
    }

    private void waitState(WaitState wait) {
      JsonNode effective = jsonata ? rawInput : applyPath(wait.io().inputPath(), rawInput);
      inspect("afterInputPath", effective);
      long until = Waits.untilMillis(wait, effective, this, data, jsonata ? statesVariable(null, null) : null, scheduler.nowMillis());
      Completed completed = jsonata
          ? complete(wait.io(), null)
          : new Completed(applyPath(wait.io().outputPath(), effective), assignJsonPath(wait.io().assign(), effective));
      scheduler.at(until, () -> exit(completed));
    }

    // ---- Parallel --------------------------------------------------------------------------------

    private void parallel(ParallelState parallel) {
      JsonNode effective = effectiveInput(parallel.io());
      if (probe != null && probe.watches(this) && probe.substitutes()) {
        probe.substitute(this, parallel.io()); // TestState: the mock stands for the branches
        return;
      }
      attemptParallel(parallel, effective);
    }

    private void attemptParallel(ParallelState parallel, JsonNode effective) {
      Redrive.Attempt earlier = takeRedrivenAttempt();
      event(frame, "ParallelStateStarted", null);
      List<StateGraph> branches = parallel.branches();
      JsonNode[] results = new JsonNode[branches.size()];
      List<Frame> branchFrames = new ArrayList<>(branches.size());
      java.util.BitSet succeeded = new java.util.BitSet();
      lastAttempt = new Redrive.Attempt(branchFrames, results, succeeded::get, null);
      // The output array's payload size, summed from the branches' (as JsonSize sums it); -1: unknown.
      long[] resultsBytes = {2};
      int[] remaining = {branches.size()};
      boolean[] over = {false};
      List<Frame> children = new ArrayList<>();
      long startCursor = frame.cursor;
      if (branches.isEmpty()) {
        parallelSucceeded(parallel, NODES.arrayNode());
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
        Frame child = new Frame(
            branch, plan.nested(branch), ended != null ? ended.scope : new Scope(frame.scope), frame, startCursor);
        children.add(child);
        branchFrames.add(child);
        child.onDone =
            outcome -> {
              if (over[0]) {
                return;
              }
              release(child);
              frame.cursor = Math.max(frame.cursor, child.cursor);
              if (outcome.failed()) {
                over[0] = true;
                children.forEach(ExecutionRun.this::release);
                for (Frame other : children) {
                  if (other != child && other.current != null) {
                    abort(other, false);
                  }
                }
                abort(child, true);
                frame.cursor = Math.max(frame.cursor, child.cursor);
                children.forEach(c -> c.aborted = true);
                handleError(
                    outcome.error(), outcome.cause(), () -> attemptParallel(parallel, effective), "ParallelStateFailed");
                return;
              }
              results[index] = outcome.output();
              succeeded.set(index);
              long bytes = child.knownSize(outcome.output());
              resultsBytes[0] = bytes < 0 || resultsBytes[0] < 0 ? -1 : resultsBytes[0] + bytes + 1;
              if (--remaining[0] == 0) {
                over[0] = true;
                ArrayNode array = NODES.arrayNode();
                for (JsonNode r : results) {
                  array.add(r);
                }
                if (resultsBytes[0] >= 0) {
                  frame.rememberSize(array, resultsBytes[0]);
                }
                parallelSucceeded(parallel, array);
              }
            };
        if (ended != null) {
          scheduler.post(() -> resume(child, ended, effective));
        } else {
          scheduler.post(() -> enter(child, branch.startAt(), effective));
        }
      }
      if (remaining[0] == 0) {
        // Redriven after every branch had succeeded (the Parallel failed after them).
        ArrayNode array = NODES.arrayNode();
        for (JsonNode r : results) {
          array.add(r);
        }
        parallelSucceeded(parallel, array);
      }
    }

    /** The attempt of the step a redrive resumes, once: a Retry after it runs everything again. */
    Redrive.Attempt takeRedrivenAttempt() {
      Step earlier = redriven;
      redriven = null;
      return earlier == null ? null : earlier.lastAttempt;
    }

    /** Runs {@code child} on from where {@code ended} stopped in the attempt a redrive resumes. */
    void resumeChild(Frame child, Frame ended, JsonNode firstInput) {
      scheduler.post(() -> resume(child, ended, firstInput));
    }

    /**
     * Records the Parallel's success: as on AWS, ParallelStateSucceeded follows the last branch's
     * last event, and the state's exit is chained beside it, to that same event.
     */
    private void parallelSucceeded(ParallelState parallel, ArrayNode results) {
      long completing = frame.cursor;
      event(frame, "ParallelStateSucceeded", null);
      frame.cursor = completing;
      try {
        exit(complete(parallel.io(), results));
      } catch (StatesError e) {
        failState(e);
      }
    }

    // ---- Map -------------------------------------------------------------------------------------

    private void map(MapState map) {
      Maps.run(ExecutionRun.this, this, map);
    }

    Frame childFrame(Graph graph, long cursor) {
      return childFrame(graph, cursor, new Scope(frame.scope));
    }

    /** As {@link #childFrame(Graph, long)}, with the variables of {@code scope} (a redrive's). */
    Frame childFrame(Graph graph, long cursor, Scope scope) {
      return new Frame(graph, plan.nested(graph), scope, frame, cursor);
    }

    /**
     * The root frame of a distributed Map child execution run by this state: a separate
     * execution, so it sees none of this one's variables (the validator refuses such references)
     * and its history starts over (its first state chains to event 0).
     */
    Frame childExecutionFrame(Graph graph, ChildRun child) {
      return childExecutionFrame(graph, child, new Scope(null), 0);
    }

    /** As {@link #childExecutionFrame(Graph, ChildRun)}, with a redriven child's variables and cursor. */
    Frame childExecutionFrame(Graph graph, ChildRun child, Scope scope, long cursor) {
      Frame root = new Frame(graph, plan.nested(graph), scope, frame, cursor);
      root.child = child;
      return root;
    }

    void enterChild(Frame child, String startAt, JsonNode childInput) {
      scheduler.post(() -> enter(child, startAt, childInput));
    }
  }

  /** AWS's error for a value over the payload limit in state {@code stateName}. */
  static StatesError dataLimitExceeded(String stateName) {
    return new StatesError(
        "States.DataLimitExceeded",
        "The state/task '" + stateName + "' returned a result with a size exceeding the maximum number of bytes service limit.");
  }

  /** A state's output and the variables it assigns (applied when it exits). */
  record Completed(JsonNode output, Map<String, JsonNode> assigned) {}

  static String textOf(JsonNode value) {
    if (value == null || value.isNull()) {
      return null;
    }
    return value.isTextual() ? value.asText() : value.toString();
  }

  static BigDecimal decimal(JsonNode value) {
    return value.decimalValue();
  }

  static Instant parseTimestamp(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  static JsonNode nullToNode(JsonNode value) {
    return value == null ? NullNode.getInstance() : value;
  }
}
