package edu.campus.logistics.metrics;

import java.time.Instant;
import java.util.List;

/** Where the reports get their cases from: the read model (kpi_case), or Camunda's history for comparison. */
interface KpiCases {

  /** The cases of {@code processKey} started (reported, requested) in [start, end), by start time. */
  List<KpiCase> started(String processKey, Instant start, Instant end);

  /** The cases of {@code processKey} not ended. */
  List<KpiCase> open(String processKey);
}
