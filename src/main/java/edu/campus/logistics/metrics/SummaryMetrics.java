package edu.campus.logistics.metrics;

import edu.campus.logistics.metrics.ProcurementMetrics.ProcurementReport;
import edu.campus.logistics.metrics.RepairMetrics.PartUse;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;

/** The term or year summary, like the seeds' annual report: repair work by category, parts replaced, spend, SLA. */
@Service
public class SummaryMetrics {

  /** How many parts the summary lists, most often used first. */
  static final int TOP_PARTS = 10;

  public record Summary(LocalDate from, LocalDate to, int repairsReported, int repairsResolved,
                        Map<String, Long> repairsByCategory, List<PartUse> partsReplaced,
                        Double responseCompliancePercent, Double resolutionCompliancePercent, Double meanSatisfaction,
                        int procurementRequests, BigDecimal procurementSpendCny, Map<String, BigDecimal> spendByCategoryCny) {
  }

  private final RepairMetrics repairs;
  private final ProcurementMetrics procurement;

  SummaryMetrics(RepairMetrics repairs, ProcurementMetrics procurement) {
    this.repairs = repairs;
    this.procurement = procurement;
  }

  /**
   * The figures are those of /repairs and /procurement for the same period (same definitions, same code),
   * computed over the period's cases only: no repeat-fault window, no weekly or per-location breakdown.
   */
  public Summary summary(Period period) {
    Instant observedAt = period.observedAt(ClockUtil.getCurrentTime().toInstant());
    List<RepairCase> cases = repairs.cases(period.start(), period.end());
    List<PartUse> parts = repairs.partsUsed(period, cases);
    List<Long> ratings = cases.stream().map(RepairCase::satisfaction).filter(Objects::nonNull).toList();
    ProcurementReport purchases = procurement.procurement(period);
    return new Summary(period.from(), period.to(), cases.size(),
        (int) cases.stream().filter(c -> c.resolvedAt() != null).count(), RepairMetrics.count(cases, RepairCase::category),
        parts.stream().limit(TOP_PARTS).toList(),
        Sla.of(RepairMetrics.judge(cases, c -> c.responseInTime(observedAt))).compliancePercent(),
        Sla.of(RepairMetrics.judge(cases, c -> c.resolutionInTime(observedAt))).compliancePercent(),
        Percent.mean(ratings.stream().mapToLong(Long::longValue).sum(), ratings.size()), purchases.requests(),
        purchases.spendCny(), purchases.spendByCategoryCny());
  }
}
