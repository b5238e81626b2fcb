package edu.campus.logistics.metrics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * The KPI read model seen from outside the metrics package (operations, tests): fill in the rows the
 * history has and the table has not, and compare the table with what the history says.
 */
@Component
public class KpiReadModel {

  private final KpiCaseStore store;
  private final HistoryCases history;
  private final KpiBackfill backfill;

  KpiReadModel(KpiCaseStore store, HistoryCases history, KpiBackfill backfill) {
    this.store = store;
    this.history = history;
    this.backfill = backfill;
  }

  /** Writes the missing rows from the history (as at start-up); returns how many cases were missing. */
  public int backfill() {
    return backfill.backfill();
  }

  /**
   * The cases of {@code processKey} started in [start, end) whose kpi_case row is not what the history says
   * (a missing row included), one line per case with both versions; empty when the table is right.
   */
  public List<String> differences(String processKey, Instant start, Instant end) {
    Map<String, KpiCase> table = new TreeMap<>();
    store.started(processKey, start, end).forEach(c -> table.put(c.id(), c));
    Map<String, KpiCase> fromHistory = new TreeMap<>();
    history.started(processKey, start, end).forEach(c -> fromHistory.put(c.id(), c));
    List<String> differences = new ArrayList<>();
    TreeSet<String> ids = new TreeSet<>(table.keySet());
    ids.addAll(fromHistory.keySet());
    for (String id : ids) {
      KpiCase row = table.get(id);
      KpiCase expected = fromHistory.get(id);
      if (row == null || !row.equals(expected)) {
        differences.add(id + ":\n  read model " + row + "\n  history    " + expected);
      }
    }
    return differences;
  }
}
