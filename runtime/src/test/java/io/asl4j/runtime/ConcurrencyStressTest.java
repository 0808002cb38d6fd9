package io.asl4j.runtime;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/**
 * Issue 11: thousands of executions of one machine at once — Parallel, inline Map, callback tasks
 * answered from other threads in random order (some twice, some after a stop), Retry/Catch/Choice
 * paths chosen by the input, a Wait — each ending exactly as the same input does run alone.
 *
 * <p>Sizes: {@code -Dasl4j.stress.executions=N} (default 10,000), {@code -Dasl4j.stress.seed=S}
 * (default fixed, so a failure reproduces its inputs and callback decisions; the interleaving is
 * the machine's), {@code -Dasl4j.stress.timeoutSeconds=T} (default 120 + N/500).
 *
 * <p>The run: starter threads start the executions and run each until it waits; the callback tasks'
 * handlers hand their tokens to a pool that worker threads drain in random order, each answering as
 * decided (success, rejection, a retried or an uncaught error, heartbeats first, repeats — some
 * from a second worker at the same moment — or never) and then running the execution on; a stopper
 * thread stops some executions at random moments (at once, after some tokens, while a thread runs
 * them), the Grade handler stops others from the execution's own loop; a reader thread reads
 * statuses, tokens and histories meanwhile. When no work is left, what still runs waits only on
 * tokens nobody answers: two threads await those, so their heartbeat timers fire on the virtual
 * clock — as in the single-threaded run.
 *
 * <p>What a run may do, and what is checked:
 *
 * <ul>
 *   <li>An execution nobody stopped ends with the status, output, error and cause of the same input
 *       run single-threaded on a fresh machine with the same callback decisions.
 *   <li>When {@code stop()} returns, the execution is no longer RUNNING. A stopped execution is
 *       {@code ABORTED} with the stop's error and cause, or — when it ended before the stop took
 *       effect — ends as the single-threaded run does; stopping an execution already ended changes
 *       neither its status nor its history.
 *   <li>Every handler call (execution, state, item, attempt) happens at most once; an execution
 *       that ran to its natural end without aborting anything made exactly the calls the
 *       single-threaded run made.
 *   <li>A token's completion is accepted at most once; a repeat, or a completion or heartbeat sent
 *       after {@code stop()} returned, is refused with {@code TaskTimedOut}; a token never issued
 *       with {@code TaskDoesNotExist}. A callback is applied (a Task event in the history) only if
 *       accepted, and, in an execution that aborted nothing and was not stopped, every answered
 *       token is accepted once and applied.
 *   <li>Histories are well formed (ids 1..n, each event after an earlier one, one terminal event,
 *       last), also when read while the execution runs; a SUCCEEDED execution has an output; an
 *       ended one waits on no token; none is left RUNNING.
 *   <li>Everything ends within the time bound; otherwise the failure carries a thread dump.
 * </ul>
 */
class ConcurrencyStressTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
  private static final String FUNCTION = "arn:aws:lambda:us-east-1:123456789012:function:";
  private static final String STOP_ERROR = "Stopped";
  private static final String STOP_CAUSE = "stopped by the stress test";

  /**
   * Prepare → Parallel[ inline Map over the items (Choice: callback approval with Retry/Catch, a
   * flaky Lambda with Retry/Catch, or a computing Lambda) → JSONata sum | callback review with
   * Retry → Wait 30 s → grade → distributed Map over the items (a callback audit with Retry/Catch
   * in each child execution) ] → Choice on the total → Succeed or Fail. A {@code Fatal} error
   * anywhere is caught by the Parallel; an exhausted {@code Transient} or a missed heartbeat fails
   * the execution.
   */
  static final String DEFINITION =
      """
      {"StartAt": "Prepare", "States": {
        "Prepare": {"Type": "Task", "Resource": "%1$sprepare", "ResultPath": "$.prepared", "Next": "Fan"},
        "Fan": {"Type": "Parallel", "Next": "Decide",
          "ResultSelector": {"total.$": "$[0].total", "grade.$": "$[1].graded.grade", "audit.$": "$[1].audit"}, "ResultPath": "$.summary",
          "Catch": [{"ErrorEquals": ["Fatal"], "ResultPath": "$.failure", "Next": "Escalate"}],
          "Branches": [
            {"StartAt": "Items", "States": {
              "Items": {"Type": "Map", "ItemsPath": "$.items", "MaxConcurrency": 4, "ResultPath": "$.results", "Next": "Sum",
                "ItemSelector": {"id.$": "$.id", "index.$": "$$.Map.Item.Index", "item.$": "$$.Map.Item.Value"},
                "ItemProcessor": {"ProcessorConfig": {"Mode": "INLINE"}, "StartAt": "Route", "States": {
                  "Route": {"Type": "Choice", "Default": "Compute", "Choices": [
                    {"Variable": "$.item.kind", "StringEquals": "approve", "Next": "Approve"},
                    {"Variable": "$.item.kind", "StringEquals": "flaky", "Next": "Flaky"}]},
                  "Approve": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken",
                    "Parameters": {"FunctionName": "notify", "Payload": {"token.$": "$$.Task.Token", "id.$": "$.id",
                      "slot.$": "States.Format('item-{}', $.index)", "value.$": "$.item.value", "attempt.$": "$$.State.RetryCount"}},
                    "HeartbeatSeconds": 600, "TimeoutSeconds": 86400, "ResultPath": "$.approval",
                    "Retry": [{"ErrorEquals": ["Transient"], "IntervalSeconds": 1, "MaxAttempts": 2, "BackoffRate": 2}],
                    "Catch": [{"ErrorEquals": ["Rejected"], "ResultPath": "$.rejection", "Next": "Rejected"}],
                    "Next": "Approved"},
                  "Approved": {"Type": "Pass", "Parameters": {"index.$": "$.index", "result.$": "$.approval.amount"}, "End": true},
                  "Rejected": {"Type": "Pass", "Parameters": {"index.$": "$.index", "result": 0, "error.$": "$.rejection.Error"}, "End": true},
                  "Flaky": {"Type": "Task", "Resource": "%1$sflaky", "End": true,
                    "Retry": [{"ErrorEquals": ["Transient"], "IntervalSeconds": 2, "MaxAttempts": 3}],
                    "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "GaveUp"}]},
                  "GaveUp": {"Type": "Pass", "Parameters": {"index.$": "$.index", "result": -1}, "End": true},
                  "Compute": {"Type": "Task", "Resource": "%1$scompute", "End": true}}}},
              "Sum": {"Type": "Pass", "QueryLanguage": "JSONata",
                "Output": "{%% {'total': $sum($states.input.results.result)} %%}", "End": true}}},
            {"StartAt": "Review", "States": {
              "Review": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
                "Parameters": {"QueueUrl": "https://sqs.us-east-1.amazonaws.com/123456789012/reviews",
                  "MessageBody": {"token.$": "$$.Task.Token", "id.$": "$.id", "slot": "review", "attempt.$": "$$.State.RetryCount"}},
                "HeartbeatSeconds": 600, "TimeoutSeconds": 86400, "ResultPath": "$.review",
                "Retry": [{"ErrorEquals": ["Transient"], "IntervalSeconds": 5, "MaxAttempts": 1}],
                "Next": "Cool"},
              "Cool": {"Type": "Wait", "Seconds": 30, "Next": "Grade"},
              "Grade": {"Type": "Task", "Resource": "%1$sgrade", "ResultPath": "$.graded", "Next": "Audit"},
              "Audit": {"Type": "Map", "ItemsPath": "$.items", "MaxConcurrency": 3, "ResultPath": "$.audit", "End": true,
                "ItemSelector": {"id.$": "$.id", "index.$": "$$.Map.Item.Index", "item.$": "$$.Map.Item.Value"},
                "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"}, "StartAt": "Check", "States": {
                  "Check": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken",
                    "Parameters": {"FunctionName": "notify", "Payload": {"token.$": "$$.Task.Token", "id.$": "$.id",
                      "slot.$": "States.Format('audit-{}', $.index)", "value.$": "$.item.value", "attempt.$": "$$.State.RetryCount"}},
                    "HeartbeatSeconds": 600, "TimeoutSeconds": 86400, "ResultSelector": {"ok.$": "$.amount"},
                    "Retry": [{"ErrorEquals": ["Transient"], "IntervalSeconds": 1, "MaxAttempts": 2}],
                    "Catch": [{"ErrorEquals": ["Rejected"], "ResultPath": null, "Next": "Waived"}], "End": true},
                  "Waived": {"Type": "Pass", "Result": {"ok": 0}, "End": true}}}}}}]},
        "Decide": {"Type": "Choice", "Default": "Done", "Choices": [
          {"Variable": "$.summary.total", "NumericGreaterThanPath": "$.limit", "Next": "TooMuch"}]},
        "TooMuch": {"Type": "Fail", "Error": "Limit", "Cause": "the total is over the limit"},
        "Escalate": {"Type": "Pass", "Parameters": {"id.$": "$.id", "escalated.$": "$.failure.Error", "cause.$": "$.failure.Cause"}, "Next": "Done"},
        "Done": {"Type": "Succeed"}}}
      """
          .formatted(FUNCTION);

  // ---- the workload: inputs and callback decisions, all from the seed
  // -----------------------------

  /**
   * Which uncaught errors an execution's callbacks may raise: one kind each, so order never
   * matters.
   */
  enum Fate {
    CLEAN,
    FATAL,
    EXHAUST
  }

  /** What a worker does with a token. {@code NEVER}: nothing, the heartbeat timer ends the task. */
  enum Answer {
    SUCCEED,
    REJECT,
    TRANSIENT,
    FATAL,
    NEVER
  }

  /**
   * After the first completion: nothing, the same again, the same from another worker (maybe at the
   * same moment), the other outcome, or a heartbeat.
   */
  enum Repeat {
    NONE,
    SAME,
    RACE,
    OTHER,
    HEARTBEAT
  }

  /** {@code inline}: the handler answers its own token before returning, no worker involved. */
  record Decision(Answer answer, int heartbeatsBefore, Repeat repeat, int amount, boolean inline) {}

  /**
   * One execution's input and the seed of its callback decisions; whether it is stopped, by the
   * stopper thread or by its own Grade handler (on the execution's loop).
   */
  record Plan(
      int index, String id, Fate fate, boolean stop, boolean stopInHandler, JsonNode input) {}

  static Plan plan(long seed, int index) {
    SplittableRandom random = new SplittableRandom(seed * 1_000_003L + index);
    String id = "e" + index;
    double f = random.nextDouble();
    Fate fate = f < 0.70 ? Fate.CLEAN : f < 0.85 ? Fate.FATAL : Fate.EXHAUST;
    ObjectNode input = NODES.objectNode();
    input.put("id", id);
    ArrayNode items = input.putArray("items");
    int count = 2 + random.nextInt(5);
    for (int i = 0; i < count; i++) {
      double k = random.nextDouble();
      items
          .addObject()
          .put("kind", k < 0.4 ? "approve" : k < 0.65 ? "flaky" : "compute")
          .put("value", 1 + random.nextInt(100));
    }
    input.put("limit", 500 + random.nextInt(20_000));
    boolean stop = random.nextDouble() < 0.08;
    return new Plan(index, id, fate, stop, stop && random.nextDouble() < 0.25, input);
  }

  /**
   * The decision for one token: a function of the execution, the task slot and the attempt only.
   */
  static Decision decide(long seed, Plan plan, String slot, int attempt) {
    SplittableRandom random =
        new SplittableRandom(
            seed ^ ((long) plan.index() << 20) ^ ((long) slot.hashCode() << 4) ^ attempt);
    boolean review = slot.equals("review");
    int retries = review ? 1 : 2;
    Answer answer;
    double a = random.nextDouble();
    if (a < 0.03) {
      answer = Answer.NEVER;
    } else if (plan.fate() == Fate.FATAL && a < 0.20) {
      answer = Answer.FATAL;
    } else if (a < (plan.fate() == Fate.EXHAUST ? 0.55 : 0.20)
        && (attempt < retries || plan.fate() == Fate.EXHAUST)) {
      answer = Answer.TRANSIENT;
    } else if (!review && a < 0.40) {
      answer = Answer.REJECT;
    } else {
      answer = Answer.SUCCEED;
    }
    int heartbeats = random.nextDouble() < 0.15 ? 1 + random.nextInt(2) : 0;
    double r = random.nextDouble();
    Repeat repeat =
        r < 0.08
            ? Repeat.SAME
            : r < 0.16
                ? Repeat.RACE
                : r < 0.20 ? Repeat.OTHER : r < 0.24 ? Repeat.HEARTBEAT : Repeat.NONE;
    boolean inline =
        (answer == Answer.SUCCEED || answer == Answer.REJECT) && random.nextDouble() < 0.10;
    return new Decision(answer, heartbeats, repeat, random.nextInt(1000), inline);
  }

  // ---- the machine
  // ---------------------------------------------------------------------------------

  /** One token handed out by a callback task's handler; a {@code copy} repeats its completion. */
  record Job(Plan plan, String token, String slot, int attempt, Decision decision, boolean copy) {}

  /**
   * Where a machine's handlers report: every call by key, every token issued (or answered by the
   * handler itself, and how that went), each grading.
   */
  interface Sink {
    void called(Plan plan, String key);

    void issued(Job job);

    void answeredInline(Job job, String outcome);

    void grading(Plan plan);
  }

  static LocalStateMachine machine(long seed, Plan[] plans, Sink sink) {
    BiConsumer<JsonNode, String> call =
        (input, key) -> {
          Plan plan = plans[Integer.parseInt(input.get("id").asText().substring(1))];
          sink.called(plan, plan.id() + "/" + key);
        };
    return LocalStateMachine.builder(DEFINITION)
        .virtualClock(START)
        .seed(seed)
        .handler(
            FUNCTION + "prepare",
            (input, ctx) -> {
              call.accept(input, "Prepare");
              return NODES.objectNode().put("count", input.get("items").size());
            })
        .handler(
            FUNCTION + "compute",
            (input, ctx) -> {
              call.accept(input, "Compute/" + input.get("index") + "/" + ctx.retryCount());
              int value = input.at("/item/value").intValue();
              return NODES
                  .objectNode()
                  .put("index", input.get("index").intValue())
                  .put("result", value * value);
            })
        .handler(
            FUNCTION + "flaky",
            (input, ctx) -> {
              call.accept(input, "Flaky/" + input.get("index") + "/" + ctx.retryCount());
              // Fails the first 0..4 attempts: 4 exhausts the retrier, and Catch gives up.
              int failures =
                  Math.floorMod(
                      input.get("id").asText().hashCode() * 31 + input.get("index").intValue(), 5);
              if (ctx.retryCount() < failures) {
                throw new StatesError("Transient", "flaky attempt " + ctx.retryCount());
              }
              return NODES
                  .objectNode()
                  .put("index", input.get("index").intValue())
                  .put("result", input.at("/item/value").intValue() + 1);
            })
        .handler(
            FUNCTION + "notify",
            (input, ctx) -> {
              issue(seed, plans, sink, call, input, ctx);
              return NODES.objectNode().put("notified", true);
            })
        .handler(
            "arn:aws:states:::sqs:sendMessage",
            (input, ctx) -> {
              issue(seed, plans, sink, call, input.get("MessageBody"), ctx);
              return NODES.objectNode().put("MessageId", "m-" + ctx.taskToken().hashCode());
            })
        .handler(
            FUNCTION + "grade",
            (input, ctx) -> {
              call.accept(input, "Grade");
              sink.grading(plans[Integer.parseInt(input.get("id").asText().substring(1))]);
              return NODES
                  .objectNode()
                  .put("grade", input.at("/review/score").intValue() >= 500 ? "pass" : "fail");
            })
        .build();
  }

  private static void issue(
      long seed,
      Plan[] plans,
      Sink sink,
      BiConsumer<JsonNode, String> call,
      JsonNode message,
      TaskContext ctx) {
    String slot = message.get("slot").asText();
    int attempt = message.get("attempt").intValue();
    call.accept(message, slot + "/" + attempt);
    if (!message.get("token").asText().equals(ctx.taskToken())) {
      throw new IllegalStateException("the message carries a token other than the task's");
    }
    Plan plan = plans[Integer.parseInt(message.get("id").asText().substring(1))];
    Job job =
        new Job(plan, ctx.taskToken(), slot, attempt, decide(seed, plan, slot, attempt), false);
    if (job.decision().inline()) {
      // Completed before the handler returns, so before the task is even recorded as submitted.
      sink.answeredInline(job, send(ctx.completeLater(), job, job.decision().answer()));
    } else {
      sink.issued(job);
    }
  }

  // ---- answering a token
  // ----------------------------------------------------------------------------

  /** How a send through the machine went: accepted, or refused with AWS's code. */
  static String send(LocalStateMachine machine, Job job, Answer answer) {
    return send(
        new TaskCompletion() {
          @Override
          public String token() {
            return job.token();
          }

          @Override
          public void succeed(JsonNode output) {
            machine.sendTaskSuccess(job.token(), output);
          }

          @Override
          public void fail(String error, String cause) {
            machine.sendTaskFailure(job.token(), error, cause);
          }

          @Override
          public void heartbeat() {
            machine.sendTaskHeartbeat(job.token());
          }
        },
        job,
        answer);
  }

  /** How a send went: accepted, or refused with AWS's code. */
  static String send(TaskCompletion completion, Job job, Answer answer) {
    try {
      switch (answer) {
        case SUCCEED -> completion.succeed(successOutput(job));
        case REJECT -> completion.fail("Rejected", "rejected " + job.token());
        case TRANSIENT -> completion.fail("Transient", "busy");
        case FATAL -> completion.fail("Fatal", "fatal in " + job.plan().id());
        case NEVER -> throw new IllegalArgumentException("NEVER is not sent");
      }
      return "accepted";
    } catch (TaskTokenException e) {
      return e.errorCode();
    }
  }

  static String heartbeat(LocalStateMachine machine, Job job) {
    try {
      machine.sendTaskHeartbeat(job.token());
      return "accepted";
    } catch (TaskTokenException e) {
      return e.errorCode();
    }
  }

  /** The callback output: the amount (or review score) and the token, to find it in the history. */
  static JsonNode successOutput(Job job) {
    ObjectNode output = NODES.objectNode();
    output.put(job.slot().equals("review") ? "score" : "amount", job.decision().amount());
    output.put("token", job.token());
    return output;
  }

  /** The outcome a repeated completion would ask for: the other one of success and failure. */
  static Answer other(Answer answer) {
    return answer == Answer.SUCCEED ? Answer.REJECT : Answer.SUCCEED;
  }

  // ---- the single-threaded reference
  // ------------------------------------------------------------------

  record Result(ExecutionStatus status, JsonNode output, String error, String cause) {
    static Result of(Execution execution) {
      return new Result(
          execution.status(), execution.output(), execution.error(), execution.cause());
    }
  }

  /** What running alone gives: the result, the handler calls, and whether anything was aborted. */
  record Reference(Result result, Set<String> calls, boolean abortedSomething) {}

  /**
   * Runs each plan alone on a fresh machine: answers every token (in the order issued) whenever the
   * execution waits, and once only NEVER tokens are left lets time run out.
   */
  static Reference[] reference(long seed, Plan[] plans) {
    Reference[] references = new Reference[plans.length];
    List<Job> issued = new ArrayList<>();
    Set<String> calls = new HashSet<>();
    LocalStateMachine machine =
        machine(
            seed,
            plans,
            new Sink() {
              @Override
              public void called(Plan plan, String key) {
                if (!calls.add(key)) {
                  throw new AssertionError("the single-threaded run called " + key + " twice");
                }
              }

              @Override
              public void issued(Job job) {
                issued.add(job);
              }

              @Override
              public void answeredInline(Job job, String outcome) {}

              @Override
              public void grading(Plan plan) {}
            });
    for (Plan plan : plans) {
      issued.clear();
      calls.clear();
      Execution execution = machine.start(plan.input());
      while (true) {
        execution.runUntilWaiting();
        if (execution.status() != ExecutionStatus.RUNNING) {
          break;
        }
        List<Job> answerable =
            issued.stream().filter(j -> j.decision().answer() != Answer.NEVER).toList();
        issued.clear();
        if (answerable.isEmpty()) {
          execution.await();
          break;
        }
        for (Job job : answerable) {
          for (int i = 0; i < job.decision().heartbeatsBefore(); i++) {
            heartbeat(machine, job);
          }
          send(machine, job, job.decision().answer());
        }
      }
      boolean aborted =
          execution.history().stream().anyMatch(e -> e.type().contains("Aborted"))
              || execution.mapRuns().stream()
                  .flatMap(r -> r.childExecutions().stream())
                  .anyMatch(c -> c.status() == ExecutionStatus.ABORTED);
      references[plan.index()] = new Reference(Result.of(execution), Set.copyOf(calls), aborted);
    }
    return references;
  }

  // ---- the concurrent run
  // -----------------------------------------------------------------------------

  /**
   * What the checks need of an ended execution, taken when it is first seen ended (all of it is
   * final then: the history takes nothing after the last event), so that the execution itself, with
   * its whole history, need not be kept to the end: 100,000 of them would not fit the heap.
   */
  record Ended(
      Result result,
      String historyProblem,
      List<String> childProblems,
      boolean abortedSomething,
      int applied,
      Set<String> appliedSuccesses,
      List<String> appliedTwice,
      List<String> waitingTokens) {

    static Ended of(Execution execution) {
      Result result = Result.of(execution);
      List<HistoryEvent> history = execution.history();
      List<HistoryEvent> all = new ArrayList<>(history);
      List<String> childProblems = new ArrayList<>();
      for (MapRun mapRun : execution.mapRuns()) {
        if (mapRun.status() == MapRun.Status.RUNNING) {
          childProblems.add("Map Run left RUNNING: " + mapRun.arn());
        }
        for (ChildExecution child : mapRun.childExecutions()) {
          String problem =
              child.status() == ExecutionStatus.RUNNING
                  ? "left RUNNING"
                  : ConcurrencyStressTest.historyProblem(child.history(), child.status());
          if (problem != null) {
            childProblems.add("child " + child.index() + ": " + problem);
          }
          all.addAll(child.history());
        }
      }
      // Callbacks applied: a callback task's Task event, the success carrying its token.
      int applied = 0;
      Set<String> successes = new HashSet<>();
      List<String> twice = new ArrayList<>();
      for (HistoryEvent event : all) {
        if ((event.type().equals("TaskSucceeded") || event.type().equals("TaskFailed"))
            && event.details().path("resource").asText().endsWith(".waitForTaskToken")) {
          applied++;
          if (event.type().equals("TaskSucceeded")) {
            String token = readTree(event.details().get("output").asText()).path("token").asText();
            if (!successes.add(token)) {
              twice.add(token);
            }
          }
        }
      }
      return new Ended(
          result,
          ConcurrencyStressTest.historyProblem(history, result.status()),
          childProblems,
          all.stream().anyMatch(e -> e.type().contains("Aborted")),
          applied,
          successes,
          twice,
          execution.waitingTaskTokens());
    }
  }

  /** One execution of the concurrent run and what happened to it. */
  static final class Live {
    final Plan plan;

    /** Null until started, and again once ended and {@link #ended} taken. */
    volatile Execution execution;

    volatile Ended ended;
    final AtomicBoolean taken = new AtomicBoolean();
    final List<Job> issued = new CopyOnWriteArrayList<>();
    final List<Job> never = new CopyOnWriteArrayList<>();
    final AtomicInteger accepted = new AtomicInteger();

    /** Completions accepted, by token: never more than one each. */
    final Map<String, AtomicInteger> acceptedByToken = new ConcurrentHashMap<>();

    final Set<String> acceptedSuccesses = ConcurrentHashMap.newKeySet();

    /** Handler calls by key ({@code id/state/...}), counted as they happen. */
    final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    /** Threads running the execution's loop right now. */
    final AtomicInteger driving = new AtomicInteger();

    volatile boolean stopCalled;
    volatile boolean stopReturned;

    Live(Plan plan) {
      this.plan = plan;
    }

    /** Once {@code execution} has ended: takes what the checks need, and lets the execution go. */
    void observe(Execution seen) {
      if (seen.status() != ExecutionStatus.RUNNING && taken.compareAndSet(false, true)) {
        ended = Ended.of(seen);
        execution = null;
      }
    }
  }

  /** Tokens waiting to be answered, taken in random order. */
  static final class Jobs {
    private final List<Job> jobs = new ArrayList<>();
    private int busy;
    private int producers;

    Jobs(int producers) {
      this.producers = producers;
    }

    synchronized void add(Job job) {
      jobs.add(job);
      notifyAll();
    }

    /** A random waiting job, or null once none is left and none can come. */
    synchronized Job take(SplittableRandom random) throws InterruptedException {
      while (jobs.isEmpty()) {
        if (busy == 0 && producers == 0) {
          return null;
        }
        wait();
      }
      int i = random.nextInt(jobs.size());
      Job job = jobs.get(i);
      jobs.set(i, jobs.get(jobs.size() - 1));
      jobs.remove(jobs.size() - 1);
      busy++;
      return job;
    }

    synchronized void done() {
      busy--;
      notifyAll();
    }

    synchronized void producerDone() {
      producers--;
      notifyAll();
    }
  }

  /** Problems found, with a count per kind and the first few in full. */
  static final class Problems {
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> first = new ConcurrentLinkedQueue<>();
    private final AtomicInteger total = new AtomicInteger();

    void add(String kind, String detail) {
      counts.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
      if (total.incrementAndGet() <= 25) {
        first.add(kind + ": " + detail);
      }
    }

    boolean none() {
      return total.get() == 0;
    }

    @Override
    public String toString() {
      return total + " problems " + counts + "\n  " + String.join("\n  ", first);
    }
  }

  /** Figures of one run, printed for the report. */
  static final class Figures {
    final AtomicLong callbacksSent = new AtomicLong();
    final AtomicLong callbacksAccepted = new AtomicLong();
    final AtomicLong refusedTimedOut = new AtomicLong();
    final AtomicLong sentAfterStop = new AtomicLong();
    final AtomicLong heartbeats = new AtomicLong();
    final AtomicLong stops = new AtomicLong();
    final AtomicLong historiesRead = new AtomicLong();
    final AtomicLong drives = new AtomicLong();
  }

  static final int STARTERS = 3;
  static final int WORKERS = 4;

  @Test
  void thousandsOfConcurrentExecutionsWithCallbacksAndStopsEndAsEachWouldAlone() {
    int executions = Integer.getInteger("asl4j.stress.executions", 10_000);
    long seed = Long.getLong("asl4j.stress.seed", 20_251_122L);
    Duration bound =
        Duration.ofSeconds(Long.getLong("asl4j.stress.timeoutSeconds", 120L + executions / 500));
    Plan[] plans = new Plan[executions];
    for (int i = 0; i < executions; i++) {
      plans[i] = plan(seed, i);
    }
    long t0 = System.nanoTime();
    long cpu0 = processCpuNanos();
    Reference[] references = reference(seed, plans);
    long t1 = System.nanoTime();
    long cpu1 = processCpuNanos();
    Problems problems = new Problems();
    Figures figures = new Figures();
    List<Thread> threads = new CopyOnWriteArrayList<>();
    try {
      assertTimeoutPreemptively(
          bound,
          () -> runConcurrently(seed, plans, references, problems, figures, threads),
          () -> "no end within " + bound + " (deadlock?)\n" + threadDump());
    } finally {
      threads.forEach(Thread::interrupt);
    }
    long t2 = System.nanoTime();
    long cpu2 = processCpuNanos();
    System.out.printf(
        "stress: %,d executions; single-threaded %,d ms (%,d ms CPU); concurrent %,d ms (%,d ms CPU; %d starters, %d workers, 1 stopper, 1 reader); "
            + "%,d callbacks sent, %,d accepted, %,d refused TaskTimedOut, %,d sent after a stop; %,d heartbeats; %,d stops; "
            + "%,d drives; %,d histories read while running%n",
        executions,
        (t1 - t0) / 1_000_000,
        (cpu1 - cpu0) / 1_000_000,
        (t2 - t1) / 1_000_000,
        (cpu2 - cpu1) / 1_000_000,
        STARTERS,
        WORKERS,
        figures.callbacksSent.get(),
        figures.callbacksAccepted.get(),
        figures.refusedTimedOut.get(),
        figures.sentAfterStop.get(),
        figures.heartbeats.get(),
        figures.stops.get(),
        figures.drives.get(),
        figures.historiesRead.get());
    assertTrue(problems.none(), problems::toString);
  }

  private static void runConcurrently(
      long seed,
      Plan[] plans,
      Reference[] references,
      Problems problems,
      Figures figures,
      List<Thread> threads)
      throws InterruptedException {
    int n = plans.length;
    Live[] lives = new Live[n];
    for (int i = 0; i < n; i++) {
      lives[i] = new Live(plans[i]);
    }
    Jobs jobs = new Jobs(STARTERS);
    LocalStateMachine machine =
        machine(
            seed,
            plans,
            new Sink() {
              @Override
              public void called(Plan plan, String key) {
                if (lives[plan.index()]
                        .calls
                        .computeIfAbsent(key, k -> new AtomicInteger())
                        .incrementAndGet()
                    != 1) {
                  problems.add("handler called twice", key);
                }
              }

              @Override
              public void issued(Job job) {
                Live live = lives[job.plan().index()];
                live.issued.add(job);
                if (job.decision().answer() == Answer.NEVER) {
                  live.never.add(job);
                } else {
                  jobs.add(job);
                }
              }

              @Override
              public void answeredInline(Job job, String outcome) {
                Live live = lives[job.plan().index()];
                live.issued.add(job);
                counted(live, job, job.decision().answer(), outcome, false, problems, figures);
              }

              @Override
              public void grading(Plan plan) {
                if (plan.stopInHandler()) {
                  stop(
                      lives[plan.index()],
                      figures,
                      problems); // on the execution's own loop, mid-step
                }
              }
            });
    AtomicInteger started = new AtomicInteger();
    AtomicBoolean running = new AtomicBoolean(true);

    for (int s = 0; s < STARTERS; s++) {
      int first = s;
      threads.add(
          thread(
              "starter-" + s,
              () -> {
                try {
                  for (int i = first; i < n; i += STARTERS) {
                    Live live = lives[i];
                    Execution execution = machine.start(plans[i].input());
                    live.execution = execution;
                    started.incrementAndGet();
                    drive(live, execution, figures);
                  }
                } finally {
                  jobs.producerDone();
                }
              }));
    }
    for (int w = 0; w < WORKERS; w++) {
      SplittableRandom random = new SplittableRandom(seed + 17 * w);
      threads.add(
          thread(
              "worker-" + w,
              () -> {
                Job job;
                while ((job = jobs.take(random)) != null) {
                  try {
                    answer(machine, jobs, lives[job.plan().index()], job, problems, figures);
                  } finally {
                    jobs.done();
                  }
                }
              }));
    }
    threads.add(
        thread(
            "stopper",
            () -> {
              SplittableRandom random = new SplittableRandom(seed + 99);
              for (int i = 0; i < n; i++) {
                Live live = lives[i];
                if (!live.plan.stop() || live.plan.stopInHandler()) {
                  continue;
                }
                while (live.execution == null && live.ended == null) {
                  Thread.onSpinWait();
                }
                // Stop at a random point: at once, after some tokens were issued, or while a thread
                // runs the execution's loop (each wait bounded: the stop may also come after the
                // end).
                int when = random.nextInt(4);
                long deadline = System.nanoTime() + 2_000_000L;
                while ((when < 3 ? live.issued.size() < when : live.driving.get() == 0)
                    && System.nanoTime() < deadline) {
                  Thread.onSpinWait();
                }
                stop(live, figures, problems);
                if (random.nextInt(10) == 0) {
                  stop(live, figures, problems); // a second stop changes nothing
                }
              }
            }));
    Thread reader =
        thread(
            "reader",
            () -> {
              SplittableRandom random = new SplittableRandom(seed + 7);
              while (running.get()) {
                int upTo = started.get();
                if (upTo == 0) {
                  Thread.onSpinWait();
                  continue;
                }
                Live live = lives[random.nextInt(upTo)];
                Execution execution = live.execution;
                if (execution == null) {
                  continue;
                }
                ExecutionStatus status = execution.status();
                JsonNode output = execution.output();
                List<String> tokens = execution.waitingTaskTokens();
                List<HistoryEvent> history = execution.history();
                figures.historiesRead.incrementAndGet();
                String problem =
                    historyProblem(history, status != ExecutionStatus.RUNNING ? status : null);
                if (problem != null) {
                  problems.add(
                      "history read while running",
                      live.plan.id() + " (" + status + "): " + problem);
                }
                if (status == ExecutionStatus.SUCCEEDED && output == null) {
                  problems.add("SUCCEEDED without output", live.plan.id());
                }
                if (status != ExecutionStatus.RUNNING && !tokens.isEmpty()) {
                  problems.add(
                      "ended but waits on tokens (read while running)",
                      live.plan.id() + ": " + tokens);
                }
                if (random.nextInt(8) == 0) {
                  history.forEach(HistoryEvent::toJson); // details are built lazily, on this thread
                }
                java.util.concurrent.locks.LockSupport.parkNanos(
                    20_000); // leave the cores to the workers
              }
            });
    threads.add(reader);
    threads.forEach(Thread::start);
    for (Thread thread : threads) {
      if (thread != reader) {
        thread.join();
      }
    }
    running.set(false);
    reader.join();

    // Quiet now: every answered token has been applied. What still runs waits only on tokens
    // nobody answers (NEVER); no stopped execution may be among them.
    List<Live> waiting = new ArrayList<>();
    for (Live live : lives) {
      Execution execution = live.execution;
      if (execution == null) {
        continue; // ended, and seen so
      }
      live.observe(execution); // ended meanwhile (a stop, say), not yet seen
      if (execution.status() == ExecutionStatus.RUNNING) {
        if (live.stopReturned) {
          problems.add(
              "stopped execution still RUNNING",
              live.plan.id() + " waiting on " + execution.waitingTaskTokens());
        }
        Set<String> neverTokens = new HashSet<>();
        live.never.forEach(j -> neverTokens.add(j.token()));
        List<String> tokens = execution.waitingTaskTokens();
        if (tokens.isEmpty() || !neverTokens.containsAll(tokens)) {
          problems.add(
              "RUNNING though nothing left to answer",
              live.plan.id() + " waits on " + tokens + ", never-answered " + neverTokens);
        }
        waiting.add(live);
      }
    }
    // Let time run out for them, from two threads at once.
    List<Thread> finishers = new ArrayList<>();
    for (int f = 0; f < 2; f++) {
      int first = f;
      finishers.add(
          thread(
              "finisher-" + f,
              () -> {
                for (int i = first; i < waiting.size(); i += 2) {
                  Live live = waiting.get(i);
                  Execution execution = live.execution;
                  live.observe(execution.await());
                }
              }));
    }
    threads.addAll(finishers);
    finishers.forEach(Thread::start);
    for (Thread finisher : finishers) {
      finisher.join();
    }

    for (Live live : lives) {
      check(live, references[live.plan.index()], problems);
    }
    checkUnknownTokens(machine, problems);
  }

  /** Runs the execution until it ends or waits for a callback (nothing to do once it ended). */
  private static void drive(Live live, Figures figures) {
    Execution execution = live.execution;
    if (execution != null) {
      drive(live, execution, figures);
    }
  }

  private static void drive(Live live, Execution execution, Figures figures) {
    live.driving.incrementAndGet();
    try {
      execution.runUntilWaiting();
    } finally {
      live.driving.decrementAndGet();
    }
    figures.drives.incrementAndGet();
    live.observe(execution);
  }

  /**
   * Stops the execution: afterwards it is not RUNNING; if it had ended before, it is unchanged.
   * (Nothing to do once it ended and was seen so: the test no longer holds it.)
   */
  private static void stop(Live live, Figures figures, Problems problems) {
    Execution execution = live.execution;
    if (execution == null) {
      return;
    }
    live.stopCalled = true;
    Result before = Result.of(execution);
    int historyBefore = execution.history().size();
    execution.stop(STOP_ERROR, STOP_CAUSE);
    live.stopReturned = true;
    figures.stops.incrementAndGet();
    Result after = Result.of(execution);
    if (after.status() == ExecutionStatus.RUNNING) {
      problems.add("RUNNING after stop() returned", live.plan.id());
    }
    if (before.status() != ExecutionStatus.RUNNING
        && (!before.equals(after) || historyBefore != execution.history().size())) {
      problems.add(
          "stopping an ended execution changed it",
          live.plan.id() + ": " + before + " became " + after);
    }
    live.observe(execution);
  }

  /** A worker answers one token as decided, then runs the execution on. */
  private static void answer(
      LocalStateMachine machine,
      Jobs jobs,
      Live live,
      Job job,
      Problems problems,
      Figures figures) {
    Decision decision = job.decision();
    if (!job.copy()) {
      for (int i = 0; i < decision.heartbeatsBefore(); i++) {
        boolean afterStop = live.stopReturned;
        String outcome = heartbeat(machine, job);
        figures.heartbeats.incrementAndGet();
        if (!outcome.equals("accepted") && !outcome.equals("TaskTimedOut")) {
          problems.add("heartbeat refused with the wrong code", job.token() + ": " + outcome);
        }
        if (afterStop && outcome.equals("accepted")) {
          problems.add(
              "heartbeat accepted after stop() returned", live.plan.id() + " " + job.slot());
        }
      }
      if (decision.repeat() == Repeat.RACE) {
        jobs.add(new Job(job.plan(), job.token(), job.slot(), job.attempt(), decision, true));
      }
    }
    complete(machine, live, job, decision.answer(), problems, figures);
    if (!job.copy()) {
      String again =
          switch (decision.repeat()) {
            case NONE, RACE -> null;
            case SAME -> send(machine, job, decision.answer());
            case OTHER -> send(machine, job, other(decision.answer()));
            case HEARTBEAT -> heartbeat(machine, job);
          };
      if (again != null) {
        figures.callbacksSent.incrementAndGet();
        if (!again.equals("TaskTimedOut")) {
          problems.add(
              "a repeated " + decision.repeat() + " was not refused with TaskTimedOut",
              live.plan.id() + " " + job.slot() + ": " + again);
        } else {
          figures.refusedTimedOut.incrementAndGet();
        }
      }
    }
    drive(live, figures);
  }

  /** Sends a completion: accepted at most once per token, and never after stop() returned. */
  private static void complete(
      LocalStateMachine machine,
      Live live,
      Job job,
      Answer answer,
      Problems problems,
      Figures figures) {
    boolean afterStop = live.stopReturned;
    String outcome = send(machine, job, answer);
    counted(live, job, answer, outcome, afterStop, problems, figures);
  }

  private static void counted(
      Live live,
      Job job,
      Answer answer,
      String outcome,
      boolean afterStop,
      Problems problems,
      Figures figures) {
    figures.callbacksSent.incrementAndGet();
    if (afterStop) {
      figures.sentAfterStop.incrementAndGet();
    }
    if (outcome.equals("accepted")) {
      figures.callbacksAccepted.incrementAndGet();
      live.accepted.incrementAndGet();
      if (live.acceptedByToken
              .computeIfAbsent(job.token(), t -> new AtomicInteger())
              .incrementAndGet()
          > 1) {
        problems.add(
            "a token's completion accepted twice",
            live.plan.id() + " " + job.slot() + "/" + job.attempt());
      }
      if (answer == Answer.SUCCEED) {
        live.acceptedSuccesses.add(job.token());
      }
      if (afterStop) {
        problems.add(
            "callback accepted after stop() returned",
            live.plan.id() + " " + job.slot() + "/" + job.attempt());
      }
    } else if (outcome.equals("TaskTimedOut")) {
      figures.refusedTimedOut.incrementAndGet();
    } else {
      problems.add(
          "callback refused with the wrong code",
          live.plan.id() + " " + job.slot() + ": " + outcome);
    }
  }

  // ---- checks
  // -------------------------------------------------------------------------------------

  private static void check(Live live, Reference reference, Problems problems) {
    String id = live.plan.id();
    Ended ended = live.ended;
    if (ended == null) {
      problems.add("left RUNNING", id);
      return;
    }
    Result actual = ended.result();
    Result stopped = new Result(ExecutionStatus.ABORTED, null, STOP_ERROR, STOP_CAUSE);
    boolean natural = actual.equals(reference.result());
    if (live.stopCalled ? !(natural || actual.equals(stopped)) : !natural) {
      problems.add(
          live.stopCalled
              ? "stopped execution ended otherwise"
              : "result differs from the single-threaded run",
          id + ": " + actual + " instead of " + reference.result());
    }
    if (ended.historyProblem() != null) {
      problems.add("history malformed", id + ": " + ended.historyProblem());
    }
    ended
        .childProblems()
        .forEach(problem -> problems.add("child execution malformed", id + " " + problem));
    if (!ended.waitingTokens().isEmpty()) {
      problems.add("ended but waits on tokens", id + ": " + ended.waitingTokens());
    }
    // Callbacks: applied at most once, and — where nothing was aborted — every accepted one
    // applied.
    boolean aborted = ended.abortedSomething();
    int applied = ended.applied();
    Set<String> appliedSuccesses = ended.appliedSuccesses();
    ended
        .appliedTwice()
        .forEach(token -> problems.add("callback applied twice", id + ": " + token));
    if (applied > live.accepted.get() || !live.acceptedSuccesses.containsAll(appliedSuccesses)) {
      problems.add(
          "applied a callback not accepted",
          id + ": applied " + applied + ", accepted " + live.accepted.get());
    }
    if (!aborted
        && (applied != live.accepted.get() || !appliedSuccesses.equals(live.acceptedSuccesses))) {
      problems.add(
          "accepted callback lost",
          id + ": applied " + applied + ", accepted " + live.accepted.get());
    }
    if (!aborted && !live.stopCalled) {
      for (Job job : live.issued) {
        AtomicInteger times = live.acceptedByToken.get(job.token());
        if (job.decision().answer() != Answer.NEVER && (times == null || times.get() != 1)) {
          problems.add(
              "an answer refused though nothing ended its task",
              id + " " + job.slot() + "/" + job.attempt());
        }
      }
    }
    // Handler calls: once each (counted as they happen); all of them where nothing was cut short.
    if (!aborted && !reference.abortedSomething()) {
      if (!live.calls.keySet().equals(reference.calls())) {
        problems.add(
            "handler calls differ from the single-threaded run",
            id + ": " + live.calls.keySet() + " instead of " + reference.calls());
      }
    }
  }

  private static void checkUnknownTokens(LocalStateMachine machine, Problems problems) {
    Job bogus =
        new Job(
            plan(0, 0),
            "not-a-token",
            "review",
            0,
            new Decision(Answer.SUCCEED, 0, Repeat.NONE, 1, false),
            false);
    for (Answer answer : List.of(Answer.SUCCEED, Answer.REJECT)) {
      String outcome = send(machine, bogus, answer);
      if (!outcome.equals("TaskDoesNotExist")) {
        problems.add("unknown token not refused with TaskDoesNotExist", outcome);
      }
    }
    if (!heartbeat(machine, bogus).equals("TaskDoesNotExist")) {
      problems.add("unknown token's heartbeat not refused with TaskDoesNotExist", "");
    }
  }

  private static final Set<String> TERMINAL =
      Set.of("ExecutionSucceeded", "ExecutionFailed", "ExecutionAborted", "ExecutionTimedOut");

  /**
   * What is wrong with a history, or null: ids 1..n, each event following an earlier one, starting
   * with ExecutionStarted; {@code ended} (null while running): one terminal event, last, matching.
   */
  static String historyProblem(List<HistoryEvent> history, ExecutionStatus ended) {
    if (history.isEmpty() || !history.get(0).type().equals("ExecutionStarted")) {
      return "does not start with ExecutionStarted";
    }
    int terminal = 0;
    for (int i = 0; i < history.size(); i++) {
      HistoryEvent event = history.get(i);
      if (event.id() != i + 1) {
        return "event " + (i + 1) + " has id " + event.id();
      }
      if (event.previousEventId() < 0 || event.previousEventId() >= event.id()) {
        return "event " + event.id() + " follows " + event.previousEventId();
      }
      if (TERMINAL.contains(event.type())) {
        terminal++;
        if (i != history.size() - 1) {
          return event.type() + " at " + event.id() + " is not the last event of " + history.size();
        }
      }
    }
    if (ended != null) {
      String expected =
          switch (ended) {
            case SUCCEEDED -> "ExecutionSucceeded";
            case FAILED -> "ExecutionFailed";
            case ABORTED -> "ExecutionAborted";
            case TIMED_OUT -> "ExecutionTimedOut";
            default -> "?";
          };
      if (terminal != 1 || !history.get(history.size() - 1).type().equals(expected)) {
        return "status "
            + ended
            + " but the last event is "
            + history.get(history.size() - 1).type();
      }
    }
    return null;
  }

  // ---- plumbing
  // -------------------------------------------------------------------------------------

  interface Body {
    void run() throws InterruptedException;
  }

  private static Thread thread(String name, Body body) {
    Thread thread =
        new Thread(
            () -> {
              try {
                body.run();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "stress-" + name);
    thread.setDaemon(true);
    thread.setUncaughtExceptionHandler(
        (t, e) -> {
          System.err.println(t.getName() + " died: " + e);
          e.printStackTrace();
        });
    return thread;
  }

  private static JsonNode readTree(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(text, e);
    }
  }

  /** CPU time of the whole process (all threads, GC and compiler too). */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** Every thread's stack and the locks it holds or waits for; deadlocked threads first. */
  static String threadDump() {
    var bean = ManagementFactory.getThreadMXBean();
    StringBuilder dump = new StringBuilder();
    long[] deadlocked = bean.findDeadlockedThreads();
    if (deadlocked != null) {
      dump.append("DEADLOCKED threads: ")
          .append(java.util.Arrays.toString(deadlocked))
          .append('\n');
    }
    for (ThreadInfo info : bean.dumpAllThreads(true, true)) {
      dump.append('"').append(info.getThreadName()).append("\" ").append(info.getThreadState());
      if (info.getLockName() != null) {
        dump.append(" on ").append(info.getLockName());
      }
      if (info.getLockOwnerName() != null) {
        dump.append(" owned by \"").append(info.getLockOwnerName()).append('"');
      }
      dump.append('\n');
      StackTraceElement[] stack = info.getStackTrace();
      for (int i = 0; i < Math.min(stack.length, 25); i++) {
        dump.append("    at ").append(stack[i]).append('\n');
      }
    }
    return dump.toString();
  }
}
