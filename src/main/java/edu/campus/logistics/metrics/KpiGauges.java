package edu.campus.logistics.metrics;

import edu.campus.logistics.identity.CampusGroup;
import edu.campus.logistics.identity.ProcessKeys;
import edu.campus.logistics.ledger.EntryType;
import edu.campus.logistics.ledger.LedgerFigures;
import edu.campus.logistics.ledger.LedgerFigures.Total;
import edu.campus.logistics.repair.RepairCategory;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The KPIs as Prometheus gauges (/actuator/prometheus). Labels are closed lists only (repair categories,
 * urgencies, SLA stages, escalation levels, groups, entry types), never user or instance ids. All
 * gauges read one snapshot, computed at most once per {@code campus.metrics.scrape-cache} (default 30 s),
 * so frequent scrapes cost a few queries every half minute at most.
 */
@Component
class KpiGauges implements MeterBinder {

  static final List<String> URGENCIES = List.of("urgent", "normal");
  static final List<String> STAGES = List.of("response", "resolution");

  /** What one scrape reports. */
  record Snapshot(Map<String, Long> openRepairs, Map<String, Long> openBreaches, Map<String, Long> escalations,
                  long openIncidents, Map<String, Long> openTasksByGroup, long itemsBelowReorder, double stockValueCny,
                  Map<String, Long> postingsByType, Instant takenAt) {
  }

  private final KpiCaseStore cases;
  private final LedgerFigures ledger;
  private final JdbcTemplate jdbc;
  private final Duration maxAge;
  private Snapshot snapshot;

  KpiGauges(KpiCaseStore cases, LedgerFigures ledger, JdbcTemplate jdbc,
            @Value("${campus.metrics.scrape-cache:PT30S}") Duration maxAge) {
    this.cases = cases;
    this.ledger = ledger;
    this.jdbc = jdbc;
    this.maxAge = maxAge;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (RepairCategory category : RepairCategory.values()) {
      for (String urgency : URGENCIES) {
        gauge(registry, "campus.repairs.open", "Repair cases not closed", s -> s.openRepairs()
            .getOrDefault(category.id() + "/" + urgency, 0L), "category", category.id(), "urgency", urgency);
      }
    }
    for (String stage : STAGES) {
      gauge(registry, "campus.repairs.sla.breached.open", "Open repair cases past their response or resolution deadline",
          s -> s.openBreaches().getOrDefault(stage, 0L), "stage", stage);
    }
    for (String level : List.of("1", "2")) {
      gauge(registry, "campus.repairs.escalations", "Supervision tasks (督办) created, all time",
          s -> s.escalations().getOrDefault(level, 0L), "level", level);
    }
    gauge(registry, "campus.incidents.open", "Open incidents of all processes", Snapshot::openIncidents);
    for (CampusGroup group : CampusGroup.values()) {
      gauge(registry, "campus.tasks.open", "Open user tasks offered to a group",
          s -> s.openTasksByGroup().getOrDefault(group.id(), 0L), "group", group.id());
    }
    gauge(registry, "campus.stock.items.below.reorder", "Catalogue items below their reorder level",
        Snapshot::itemsBelowReorder);
    gauge(registry, "campus.stock.value.cny", "Stock value at moving-average cost (CNY)", Snapshot::stockValueCny);
    for (EntryType type : EntryType.values()) {
      gauge(registry, "campus.ledger.postings", "Stock ledger entries, all time",
          s -> s.postingsByType().getOrDefault(type.name(), 0L), "type", type.name());
    }
  }

  private void gauge(MeterRegistry registry, String name, String description, ToDoubleFunction<Snapshot> value,
                     String... tags) {
    Gauge.builder(name, this, gauges -> value.applyAsDouble(gauges.snapshot())).description(description).tags(tags)
        .register(registry);
  }

  /** The current snapshot; recomputed when older than the cache time. */
  synchronized Snapshot snapshot() {
    Instant now = Instant.now();
    if (snapshot == null || snapshot.takenAt().plus(maxAge).isBefore(now)) {
      snapshot = compute(now);
    }
    return snapshot;
  }

  /** Drops the cached snapshot: the next scrape computes afresh. */
  synchronized void refresh() {
    snapshot = null;
  }

  private Snapshot compute(Instant now) {
    Instant clock = ClockUtil.getCurrentTime().toInstant();
    Map<String, Long> open = new HashMap<>();
    Map<String, Long> breaches = new HashMap<>();
    cases.open(ProcessKeys.REPAIR).forEach(c -> {
      open.merge(c.category() + "/" + c.urgency(), 1L, Long::sum);
      if (c.dispatchedAt() == null && c.responseDueAt() != null && clock.isAfter(c.responseDueAt())) {
        breaches.merge("response", 1L, Long::sum);
      }
      if (c.resolvedAt() == null && c.resolutionDueAt() != null && clock.isAfter(c.resolutionDueAt())) {
        breaches.merge("resolution", 1L, Long::sum);
      }
    });
    // entries of the cases' escalations lists: one per supervision task (督办) created, by level
    Map<String, Long> escalations = new HashMap<>();
    cases.allEscalations(ProcessKeys.REPAIR).forEach(encoded -> KpiCase.pairs(encoded)
        .forEach(entry -> escalations.merge(entry.second(), 1L, Long::sum)));
    Long incidents = jdbc.queryForObject("select count(*) from ACT_RU_INCIDENT", Long.class);
    Map<String, Long> tasks = new HashMap<>();
    jdbc.query("select l.GROUP_ID_, count(distinct t.ID_) from ACT_RU_TASK t join ACT_RU_IDENTITYLINK l"
        + " on l.TASK_ID_ = t.ID_ where l.TYPE_ = 'candidate' and l.GROUP_ID_ is not null group by l.GROUP_ID_",
        rs -> {
          tasks.put(rs.getString(1), rs.getLong(2));
        });
    Map<String, Long> postings = new HashMap<>();
    ledger.postingsByType().forEach(total -> postings.put(total.key(), total.count()));
    double stockValue = ledger.stockValueByCategory().stream().map(Total::amount).filter(java.util.Objects::nonNull)
        .reduce(BigDecimal.ZERO, BigDecimal::add).doubleValue();
    return new Snapshot(open, breaches, escalations, incidents == null ? 0 : incidents, tasks,
        ledger.itemsBelowReorderLevel().size(), stockValue, postings, now);
  }
}
