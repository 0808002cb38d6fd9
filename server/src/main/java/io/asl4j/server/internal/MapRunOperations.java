package io.asl4j.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asl4j.runtime.MapRun;
import io.asl4j.server.internal.Registry.ExecutionRecord;
import java.util.ArrayList;
import java.util.List;

/** The Map Run operations. */
final class MapRunOperations extends ServiceCore {
  MapRunOperations(ServiceCore core) {
    super(core);
  }

  private static ObjectNode counts(MapRun.Counts counts) {
    return JSON.objectNode()
        .put("pending", counts.pending())
        .put("running", counts.running())
        .put("succeeded", counts.succeeded())
        .put("failed", counts.failed())
        .put("timedOut", counts.timedOut())
        .put("aborted", counts.aborted())
        .put("total", counts.total())
        .put("resultsWritten", counts.resultsWritten())
        .put("failuresNotRedrivable", 0)
        .put("pendingRedrive", 0);
  }

  ObjectNode describeMapRun(JsonNode request) {
    MapRunHit hit = mapRun(Requests.required(request, "mapRunArn"));
    MapRun run = hit.run;
    ObjectNode response = JSON.objectNode();
    response.put("mapRunArn", run.arn());
    response.put("executionArn", run.executionArn());
    response.put("status", run.status().name());
    Requests.putDate(response, "startDate", run.startDate());
    Requests.putDate(response, "stopDate", run.stopDate());
    response.put("maxConcurrency", run.maxConcurrency());
    response.put("toleratedFailurePercentage", run.toleratedFailurePercentage());
    response.put("toleratedFailureCount", run.toleratedFailureCount());
    response.set("itemCounts", counts(run.itemCounts()));
    response.set("executionCounts", counts(run.executionCounts()));
    response.put("redriveCount", run.redriveCount());
    Requests.putDate(response, "redriveDate", run.redriveDate());
    return response;
  }

  ObjectNode listMapRuns(JsonNode request) {
    ExecutionRecord record = standardExecution(Requests.required(request, "executionArn"));
    List<ObjectNode> items = new ArrayList<>();
    for (MapRun run : record.execution.mapRuns()) {
      ObjectNode item = JSON.objectNode();
      item.put("executionArn", run.executionArn());
      item.put("mapRunArn", run.arn());
      item.put("stateMachineArn", run.stateMachineArn());
      Requests.putDate(item, "startDate", run.startDate());
      Requests.putDate(item, "stopDate", run.stopDate());
      items.add(item);
    }
    return page(request, items, "mapRuns");
  }

  /**
   * UpdateMapRun changes a running Map Run's limits; the runtime evaluates them once when the Map
   * Run starts, so a change is refused rather than accepted and ignored.
   */
  ObjectNode updateMapRun(JsonNode request) {
    MapRunHit hit = mapRun(Requests.required(request, "mapRunArn"));
    if (hit.run.status() != MapRun.Status.RUNNING) {
      throw ApiException.validation(
          "Map Run " + hit.run.arn() + " is " + hit.run.status() + " and cannot be updated");
    }
    throw ApiException.validation(
        "UpdateMapRun of a running Map Run is not supported by asl4j serve: MaxConcurrency and the tolerated"
            + " failures are fixed when the Map Run starts");
  }
}
