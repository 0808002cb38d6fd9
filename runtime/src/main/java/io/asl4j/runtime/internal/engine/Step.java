package io.asl4j.runtime.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asl4j.dsl.model.ChoiceState;
import io.asl4j.dsl.model.FailState;
import io.asl4j.dsl.model.Graph;
import io.asl4j.dsl.model.Io;
import io.asl4j.dsl.model.MapState;
import io.asl4j.dsl.model.NullablePath;
import io.asl4j.dsl.model.ParallelState;
import io.asl4j.dsl.model.PassState;
import io.asl4j.dsl.model.State;
import io.asl4j.dsl.model.SucceedState;
import io.asl4j.dsl.model.TaskState;
import io.asl4j.dsl.model.Transitioning;
import io.asl4j.dsl.model.WaitState;
import io.asl4j.runtime.StatesError;
import java.util.Map;
import java.util.function.Function;

/**
 * One execution of one state: what it was given, where it runs, and how it leaves. Each state
 * type's behaviour is an executor ({@link PassExecutor}, {@link TaskExecutor}, ...) working through
 * this step as its {@link StateContext}; the I/O pipeline is {@link IoPipeline}, Retry and Catch
 * {@link RetryCatch}.
 *
 * <p>Once it has exited it is also the scheduler's step that enters the next state, and it builds
 * the details of its entered and exited events when the history is read: a closure per event and
 * per transition cost more than the rest of a Pass state.
 */
final class Step implements TaskStepContext, Runnable {
  /** The retry counters of a state without Retry. */
  private static final int[] NO_RETRIES = new int[0];

  final ExecutionRun run;
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
   * The unsuccessful step of the same state that a redrive resumes with this one, until its first
   * attempt takes it (a Parallel's or Map's then runs only what did not succeed in it).
   */
  Step redriven;

  /** What this Parallel's or Map's latest attempt ran, for a redrive; else null. */
  Redrive.Attempt lastAttempt;

  private JsonNode context;

  /** Set when the state exits: its output, the variables it assigned, the state it goes to. */
  JsonNode out;

  private Map<String, JsonNode> assigned;
  String next;

  Step(ExecutionRun run, Frame frame, StatePlan plan, JsonNode rawInput, long enteredMillis) {
    this.run = run;
    this.frame = frame;
    this.plan = plan;
    this.name = plan.name;
    this.state = plan.state;
    this.rawInput = rawInput;
    this.enteredMillis = enteredMillis;
    this.jsonata = plan.jsonata;
    this.retriesByRetrier = plan.retriers == 0 ? NO_RETRIES : new int[plan.retriers];
  }

  /** Runs the state's behaviour; an error it raises fails the state (Retry and Catch apply). */
  void execute() {
    try {
      if (state instanceof PassState pass) {
        PassExecutor.execute(this, pass);
      } else if (state instanceof TaskState task) {
        run.tasks().execute(this, task);
      } else if (state instanceof ChoiceState choice) {
        ChoiceExecutor.execute(this, choice);
      } else if (state instanceof WaitState wait) {
        WaitExecutor.execute(this, wait);
      } else if (state instanceof SucceedState succeed) {
        SucceedExecutor.execute(this, succeed);
      } else if (state instanceof FailState fail) {
        FailExecutor.execute(this, fail);
      } else if (state instanceof ParallelState parallel) {
        ParallelExecutor.execute(this, parallel);
      } else if (state instanceof MapState map) {
        MapExecutor.execute(this, map);
      }
    } catch (StatesError e) {
      failState(e);
    }
  }

  // ---- Data.Environment: what expressions can see -------------------------------------------

  @Override
  public JsonNode context() {
    if (context == null) {
      JsonNode observed = run.observer.contextObject(this);
      context = observed != null ? observed : run.setup().contextObject(run, this);
    }
    return context;
  }

  @Override
  public JsonNode variable(String variableName) {
    return frame.scope.get(variableName);
  }

  @Override
  public io.asl4j.runtime.internal.expression.IntrinsicEvaluator intrinsics() {
    return run.setup().intrinsics();
  }

  @Override
  public java.util.random.RandomGenerator random() {
    return run.setup().random();
  }

  @Override
  public long nowMillis() {
    return run.nowMillis();
  }

  @Override
  public void invalidateContext() {
    context = null;
  }

  /** What a state's own evaluation errors start with: where it was entered. */
  String prefix() {
    if (run.observer.reportsBareCauses(this)) {
      return "";
    }
    return "An error occurred while executing the state '"
        + name
        + "' (entered at the event id #"
        + enteredId
        + "). ";
  }

  // ---- StateContext ---------------------------------------------------------------------------

  @Override
  public String name() {
    return name;
  }

  @Override
  public JsonNode rawInput() {
    return rawInput;
  }

  @Override
  public boolean jsonata() {
    return jsonata;
  }

  @Override
  public Data data() {
    return run.data();
  }

  @Override
  public JsonNode effectiveInput(Io io) {
    return IoPipeline.effectiveInput(this, io);
  }

  @Override
  public void inspect(String key, JsonNode value) {
    run.observer.inspect(this, key, value);
  }

  @Override
  public JsonNode applyPath(NullablePath path, JsonNode value) {
    return IoPipeline.applyPath(this, path, value);
  }

  @Override
  public Completed complete(Io io, JsonNode result) {
    return IoPipeline.complete(this, io, result);
  }

  @Override
  public Map<String, JsonNode> assignJsonPath(JsonNode assign, JsonNode dollar) {
    return IoPipeline.assignJsonPath(this, assign, dollar);
  }

  @Override
  public Map<String, JsonNode> assignJsonata(JsonNode assign, JsonNode states, String field) {
    return IoPipeline.assignJsonata(this, assign, states, field);
  }

  @Override
  public JsonNode statesVariable(JsonNode result, JsonNode errorOutput) {
    return IoPipeline.statesVariable(this, result, errorOutput);
  }

  @Override
  public void fail(String error, String cause) {
    frame.onDone.accept(GraphOutcome.failure(error, cause));
  }

  @Override
  public void exitAt(long atMillis, Completed completed) {
    run.scheduler().at(atMillis, () -> exit(completed));
  }

  /** Fails the state with an error raised by the runtime or a field's evaluation. */
  @Override
  public void failState(StatesError e) {
    RetryCatch.failState(this, e);
  }

  /**
   * Retry or Catch an error of a Task, Parallel or Map attempt; {@code retry} re-runs the attempt.
   * Without a match the frame fails.
   */
  @Override
  public void handleError(String errorName, String errorCause, Runnable retry) {
    RetryCatch.handleError(this, errorName, errorCause, retry, null);
  }

  /**
   * As {@link #handleError(String, String, Runnable)}; {@code failedEvent} (e.g. {@code
   * MapStateFailed}) is recorded when the error is not retried, as AWS records it only then.
   */
  void handleError(String errorName, String errorCause, Runnable retry, String failedEvent) {
    RetryCatch.handleError(this, errorName, errorCause, retry, failedEvent);
  }

  // ---- TaskStepContext ------------------------------------------------------------------------

  @Override
  public StatePlan plan() {
    return plan;
  }

  @Override
  public void useTaskToken(String token) {
    taskToken = token;
    context = null; // $$.Task.Token changed
  }

  @Override
  public String taskToken() {
    return taskToken;
  }

  @Override
  public int retryCount() {
    return retryCount;
  }

  @Override
  public boolean live() {
    return frame.live();
  }

  @Override
  public boolean handlerResultExceeds(JsonNode result) {
    return frame.handlerResultExceeds(result);
  }

  @Override
  public String executionArn() {
    ChildRun child = frame.child;
    return child != null ? child.arn() : run.setup().executionArn();
  }

  @Override
  public long event(String type, ObjectNode details) {
    return frame.event(type, details);
  }

  @Override
  public long eventLazily(String type, java.util.function.Supplier<ObjectNode> details) {
    return frame.eventLazily(type, details);
  }

  // ---- leaving the state --------------------------------------------------------------------

  @Override
  public void exit(Completed completed) {
    Transitioning t = (Transitioning) state;
    exitTo(t.isEnd() ? null : t.next(), completed);
  }

  @Override
  public void exitTo(String next, Completed completed) {
    if (!frame.live()) {
      return;
    }
    JsonNode output = completed.output();
    checkSize(output);
    Map<String, JsonNode> assignedVariables = completed.assigned();
    if (!assignedVariables.isEmpty()) {
      run.assignVariables(this, assignedVariables);
    }
    this.out = output;
    this.assigned = assignedVariables;
    this.next = next;
    this.context = null; // the history may keep this step; the context object is not needed again
    frame.stepEvent(plan.exitedEvent, this, History.STATE_EXITED);
    frame.current = null;
    frame.lastExited = this;
    lastAttempt = null; // a state that exited is never redriven: what it ran can go
    redriven = null;
    if (run.observer.exited(this, next, output, assignedVariables)) {
      return; // TestState stops at the transition
    }
    if (next == null) {
      frame.onDone.accept(GraphOutcome.success(output));
    } else {
      run.scheduler().post(this);
    }
  }

  /** Enters the next state (posted by {@link #exitTo}). */
  @Override
  public void run() {
    run.enter(frame, next, out);
  }

  /**
   * Fails the state with {@code States.DataLimitExceeded} when {@code value} is over 256 KiB: AWS
   * checks a state's output, and its input after Parameters (or Arguments). AWS's one recorded
   * cause says "returned a result" for both.
   */
  JsonNode checkSize(JsonNode value) {
    if (frame.exceedsPayloadLimit(value)) {
      throw ExecutionRun.dataLimitExceeded(name);
    }
    return value;
  }

  // ---- history details ------------------------------------------------------------------------

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
    ObjectNode details = ExecutionRun.NODES.objectNode();
    details.put("name", name);
    details.set("input", HistoryDetails.shown(rawInput, texts));
    details.set("inputDetails", notTruncated(texts));
    return details;
  }

  /** The details of this state's exited event, values written by {@code texts} (null: deferred). */
  ObjectNode exitedDetails(Function<JsonNode, String> texts) {
    ObjectNode details = ExecutionRun.NODES.objectNode();
    details.put("name", name);
    details.set("output", HistoryDetails.shown(out, texts));
    details.set("outputDetails", notTruncated(texts));
    if (!assigned.isEmpty()) {
      ObjectNode vars = details.putObject("assignedVariables");
      assigned.forEach((k, v) -> vars.set(k, HistoryDetails.shown(v, texts)));
      details.set("assignedVariablesDetails", notTruncated(texts));
    }
    return details;
  }

  /** {@code {"truncated": false}}: the shared one for deferred details, else a copy. */
  private static ObjectNode notTruncated(Function<JsonNode, String> texts) {
    return texts == null ? HistoryDetails.notTruncated() : HistoryDetails.notTruncated().deepCopy();
  }

  /** Appends the JSON text of {@link #enteredDetails()} as an event's JSON shows it. */
  void writeEnteredDetails(StringBuilder text, JsonText.Cache cache) {
    text.append("{\"name\":");
    JsonText.quote(name, text);
    text.append(",\"input\":").append(cache.quoted(rawInput)).append(",\"inputDetails\":");
    JsonText.write(HistoryDetails.notTruncated(), text);
    text.append('}');
  }

  /** Appends the JSON text of {@link #exitedDetails()} as an event's JSON shows it. */
  void writeExitedDetails(StringBuilder text, JsonText.Cache cache) {
    text.append("{\"name\":");
    JsonText.quote(name, text);
    text.append(",\"output\":").append(cache.quoted(out)).append(",\"outputDetails\":");
    JsonText.write(HistoryDetails.notTruncated(), text);
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
      JsonText.write(HistoryDetails.notTruncated(), text);
    }
    text.append('}');
  }

  // ---- nested graphs (Parallel, Map) ----------------------------------------------------------

  /** The attempt of the step a redrive resumes, once: a Retry after it runs everything again. */
  Redrive.Attempt takeRedrivenAttempt() {
    Step earlier = redriven;
    redriven = null;
    return earlier == null ? null : earlier.lastAttempt;
  }

  /** Runs {@code child} on from where {@code ended} stopped in the attempt a redrive resumes. */
  void resumeChild(Frame child, Frame ended, JsonNode firstInput) {
    run.scheduler().post(() -> child.resume(ended, firstInput));
  }

  Frame childFrame(Graph graph, long cursor) {
    return childFrame(graph, cursor, new VariableScope(frame.scope));
  }

  /** As {@link #childFrame(Graph, long)}, with the variables of {@code scope} (a redrive's). */
  Frame childFrame(Graph graph, long cursor, VariableScope scope) {
    return new Frame(run, graph, plan.nested(graph), scope, frame, cursor);
  }

  /**
   * The root frame of a distributed Map child execution run by this state: a separate execution, so
   * it sees none of this one's variables (the validator refuses such references) and its history
   * starts over (its first state chains to event 0).
   */
  Frame childExecutionFrame(Graph graph, ChildRun child) {
    return childExecutionFrame(graph, child, new VariableScope(null), 0);
  }

  /**
   * As {@link #childExecutionFrame(Graph, ChildRun)}, with a redriven child's variables and cursor.
   */
  Frame childExecutionFrame(Graph graph, ChildRun child, VariableScope scope, long cursor) {
    Frame root = new Frame(run, graph, plan.nested(graph), scope, frame, cursor);
    root.child = child;
    return root;
  }

  void enterChild(Frame child, String startAt, JsonNode childInput) {
    run.scheduler().post(() -> run.enter(child, startAt, childInput));
  }
}
