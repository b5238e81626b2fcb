package edu.campus.logistics.metrics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Cases computed from Camunda's history on every call (ACT_HI_PROCINST, ACT_HI_VARINST, ACT_HI_ACTINST, through
 * {@link ProcessHistory}), turned into rows by {@link KpiCaseMapping}: what the start-up backfill writes into
 * kpi_case, and the reports' source before the read model existed (MetricsBenchmark times both; the
 * read-model tests compare them).
 */
@Component
class HistoryCases implements KpiCases {

  private final ProcessHistory history;

  HistoryCases(ProcessHistory history) {
    this.history = history;
  }

  @Override
  public List<KpiCase> started(String processKey, Instant start, Instant end) {
    return cases(history.cases(processKey, start, end, KpiCaseMapping.variables(processKey)),
        history.steps(processKey, start, end, KpiCaseMapping.STEPS.getOrDefault(processKey, java.util.Set.of())));
  }

  @Override
  public List<KpiCase> open(String processKey) {
    return cases(history.openCases(processKey, KpiCaseMapping.variables(processKey)),
        history.openSteps(processKey, KpiCaseMapping.STEPS.getOrDefault(processKey, java.util.Set.of())));
  }

  /** The rows (all columns but updated_at) and steps of these process instances, as the history has them. */
  Rows rows(Collection<String> ids) {
    Map<String, CaseFacts> facts = history.casesWithIds(ids, KpiCaseMapping.allVariables());
    List<KpiCaseMapping.Step> steps = history.stepsWithIds(ids, KpiCaseMapping.STEPS.values().stream()
        .flatMap(java.util.Set::stream).toList());
    return new Rows(rows(facts, steps), steps);
  }

  record Rows(List<Map<String, Object>> cases, List<KpiCaseMapping.Step> steps) {
  }

  private static List<KpiCase> cases(Map<String, CaseFacts> facts, List<KpiCaseMapping.Step> steps) {
    return rows(facts, steps).stream().map(row -> KpiCase.of(row::get)).toList();
  }

  private static List<Map<String, Object>> rows(Map<String, CaseFacts> facts, List<KpiCaseMapping.Step> steps) {
    Map<String, List<KpiCaseMapping.Step>> byCase = new LinkedHashMap<>();
    steps.forEach(step -> byCase.computeIfAbsent(step.processInstanceId(), id -> new ArrayList<>()).add(step));
    List<Map<String, Object>> rows = new ArrayList<>(facts.size());
    for (CaseFacts c : facts.values()) {
      if (!KpiCaseMapping.concerns(c.processKey())) {
        continue;
      }
      rows.add(row(c, byCase.getOrDefault(c.id(), List.of())));
    }
    return rows;
  }

  static Map<String, Object> row(CaseFacts c, List<KpiCaseMapping.Step> steps) {
    Map<String, Object> row = KpiCaseMapping.instance(c.id(), c.processKey(), c.businessKey(), c.startedAt(),
        c.endedAt(), c.endActivityId());
    c.variables().forEach((name, value) -> row.putAll(KpiCaseMapping.variable(c.processKey(), name, value)));
    row.putAll(KpiCaseMapping.steps(c.processKey(), steps));
    return row;
  }
}
