package io.asl4j.runtime.internal.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** The Map Runs of an execution's distributed Maps, in start order; read from any thread. */
final class MapRuns {
  private final List<MapRunRecord> runs = new ArrayList<>();

  /** Starts recording a Map Run of the distributed Map {@code stateName}. */
  synchronized MapRunRecord start(
      RunSetup setup,
      String stateName,
      String label,
      boolean express,
      int maxConcurrency,
      int toleratedCount,
      BigDecimal toleratedPercentage,
      long nowMillis) {
    MapRunRecord record =
        new MapRunRecord(
            setup,
            stateName,
            label,
            runs.size(),
            express,
            maxConcurrency,
            toleratedCount,
            toleratedPercentage,
            nowMillis);
    runs.add(record);
    return record;
  }

  /** The Map Runs started so far, in start order. */
  synchronized List<MapRunRecord> snapshot() {
    return runs.isEmpty() ? List.of() : List.copyOf(runs);
  }

  /** A Map Run cannot outlive its execution: AWS aborts it and the children still running. */
  void abortAll(long nowMillis) {
    for (MapRunRecord mapRun : snapshot()) {
      mapRun.abort(nowMillis);
    }
  }
}
