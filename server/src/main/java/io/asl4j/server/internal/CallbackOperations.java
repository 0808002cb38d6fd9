package io.asl4j.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asl4j.dsl.json.AslReadException;
import io.asl4j.dsl.json.AslReader;
import io.asl4j.runtime.ActivityTask;
import io.asl4j.runtime.ExecutionStatus;
import io.asl4j.runtime.LocalStateMachine;
import io.asl4j.runtime.TaskTokenException;
import io.asl4j.server.internal.Registry.ActivityRecord;
import io.asl4j.server.internal.Registry.ExecutionRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The task-token callbacks and the activity operations, GetActivityTask's long poll among them. */
final class CallbackOperations extends ServiceCore {
  CallbackOperations(ServiceCore core) {
    super(core);
  }

  private interface TokenCall {
    void apply(LocalStateMachine engine);
  }

  /**
   * Which execution waits on each task token, filled from the running executions' waiting tokens
   * when a callback names a token not in it yet (so finding them costs one scan per batch, not one
   * per callback).
   */
  private final Map<String, ExecutionRecord> waiting =
      new java.util.concurrent.ConcurrentHashMap<>();

  private ExecutionRecord waitingOn(String token) {
    ExecutionRecord known = waiting.remove(token);
    if (known != null) {
      return known;
    }
    List<ExecutionRecord> records;
    synchronized (registry) {
      records = new ArrayList<>(registry.executionOrder);
    }
    ExecutionRecord found = null;
    for (ExecutionRecord record : records) {
      if (record.execution.status() != ExecutionStatus.RUNNING) {
        continue;
      }
      for (String waitingToken : record.execution.waitingTaskTokens()) {
        if (waitingToken.equals(token)) {
          found = record;
        } else {
          waiting.put(waitingToken, record);
        }
      }
    }
    return found;
  }

  /**
   * Delivers a callback to the execution waiting on the token, through the engine that gave it out,
   * and runs that execution on; a token no running execution waits on is given to each engine in
   * turn, for the error AWS answers (TaskTimedOut for a task that ended, else TaskDoesNotExist).
   */
  ObjectNode callback(String token, TokenCall call) {
    ExecutionRecord target = waitingOn(token);
    if (target != null) {
      try {
        call.apply(target.engine);
      } catch (TaskTokenException e) {
        throw new ApiException(e.errorCode(), e.getMessage().substring(e.errorCode().length() + 2));
      }
      if (target.execution.status() == ExecutionStatus.RUNNING) {
        waiting.putIfAbsent(token, target); // a heartbeat leaves the task waiting
      }
      poke(target);
      return JSON.objectNode();
    }
    TaskTokenException first = null;
    java.util.Set<LocalStateMachine> tried =
        java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    List<ExecutionRecord> records;
    synchronized (registry) {
      records = new ArrayList<>(registry.executionOrder);
    }
    for (int i = records.size() - 1; i >= 0; i--) {
      ExecutionRecord record = records.get(i);
      if (!tried.add(record.engine)) {
        continue;
      }
      try {
        call.apply(record.engine);
        return JSON.objectNode();
      } catch (TaskTokenException e) {
        if (!e.errorCode().equals("TaskDoesNotExist")) {
          throw new ApiException(
              e.errorCode(), e.getMessage().substring(e.errorCode().length() + 2));
        }
        if (first == null) {
          first = e;
        }
      }
    }
    if (first != null) {
      throw new ApiException(
          first.errorCode(), first.getMessage().substring(first.errorCode().length() + 2));
    }
    throw new ApiException("TaskDoesNotExist", "Task Does Not Exist: '" + token + "'");
  }

  ObjectNode sendTaskSuccess(JsonNode request) {
    String token = Requests.required(request, "taskToken");
    String outputText = Requests.required(request, "output");
    JsonNode output;
    try {
      output = AslReader.parse(outputText);
    } catch (AslReadException e) {
      throw new ApiException(
          "InvalidOutput", "Invalid Output: '" + e.problems().get(0).message() + "'");
    }
    return callback(token, engine -> engine.sendTaskSuccess(token, output));
  }

  ObjectNode sendTaskFailure(JsonNode request) {
    String token = Requests.required(request, "taskToken");
    String error = Requests.string(request, "error");
    String cause = Requests.string(request, "cause");
    return callback(token, engine -> engine.sendTaskFailure(token, error, cause));
  }

  ObjectNode sendTaskHeartbeat(JsonNode request) {
    String token = Requests.required(request, "taskToken");
    return callback(token, engine -> engine.sendTaskHeartbeat(token));
  }

  ObjectNode createActivity(JsonNode request) {
    String name = Requests.required(request, "name");
    Requests.checkName(name, "name");
    String arn = arns.activity(name);
    synchronized (registry) {
      ActivityRecord activity =
          registry.activities.computeIfAbsent(arn, a -> new ActivityRecord(a, name, Instant.now()));
      tagsFrom(arn, request.get("tags"));
      ObjectNode response = JSON.objectNode().put("activityArn", arn);
      Requests.putDate(response, "creationDate", activity.creationDate);
      return response;
    }
  }

  private ActivityRecord activity(String arn) {
    Arns.expect(arn, "activity");
    synchronized (registry) {
      ActivityRecord activity = registry.activities.get(arn);
      if (activity == null) {
        throw new ApiException("ActivityDoesNotExist", "Activity Does Not Exist: '" + arn + "'");
      }
      return activity;
    }
  }

  ObjectNode describeActivity(JsonNode request) {
    ActivityRecord activity = activity(Requests.required(request, "activityArn"));
    ObjectNode response =
        JSON.objectNode().put("activityArn", activity.arn).put("name", activity.name);
    Requests.putDate(response, "creationDate", activity.creationDate);
    return response;
  }

  ObjectNode deleteActivity(JsonNode request) {
    String arn = Requests.required(request, "activityArn");
    Arns.expect(arn, "activity");
    synchronized (registry) {
      registry.activities.remove(arn);
      registry.tags.remove(arn);
    }
    return JSON.objectNode();
  }

  ObjectNode listActivities(JsonNode request) {
    synchronized (registry) {
      List<ObjectNode> items = new ArrayList<>();
      for (ActivityRecord activity : registry.activities.values()) {
        ObjectNode item =
            JSON.objectNode().put("activityArn", activity.arn).put("name", activity.name);
        Requests.putDate(item, "creationDate", activity.creationDate);
        items.add(item);
      }
      return page(request, items, "activities");
    }
  }

  /**
   * AWS's long poll: the next task scheduled for the activity, waiting up to 60 seconds for one; an
   * empty answer (no {@code taskToken}) when none came.
   */
  ObjectNode getActivityTask(JsonNode request) {
    String arn = Requests.required(request, "activityArn");
    String worker = Requests.string(request, "workerName");
    activity(arn);
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(activityPollMillis);
    long pause = 1;
    while (true) {
      List<ExecutionRecord> running = new ArrayList<>();
      synchronized (registry) {
        for (ExecutionRecord record : registry.executionOrder) {
          if (record.execution.status() == ExecutionStatus.RUNNING) {
            running.add(record);
          }
        }
      }
      java.util.Set<LocalStateMachine> asked =
          java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
      for (ExecutionRecord record : running) {
        if (!asked.add(record.engine)) {
          continue;
        }
        Optional<ActivityTask> task = record.engine.getActivityTask(arn, worker);
        if (task.isPresent()) {
          return JSON.objectNode()
              .put("taskToken", task.get().taskToken())
              .put("input", task.get().input().toString());
        }
      }
      if (System.nanoTime() >= deadline) {
        return JSON.objectNode();
      }
      try {
        Thread.sleep(pause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return JSON.objectNode();
      }
      pause = Math.min(50, pause * 2);
    }
  }
}
