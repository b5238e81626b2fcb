package edu.campus.logistics.metrics;

import edu.campus.logistics.metrics.ProcurementMetrics.ProcurementReport;
import edu.campus.logistics.metrics.RepairMetrics.PartUse;
import edu.campus.logistics.metrics.RepairMetrics.RepairReport;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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

  public Summary summary(Period period) {
    List<RepairCase> cases = repairs.casesWithRepeatWindow(period);
    RepairReport repair = repairs.report(period, cases);
    List<PartUse> parts = repairs.partsUsed(period, RepairMetrics.inPeriod(period, cases));
    ProcurementReport purchases = procurement.procurement(period);
    return new Summary(period.from(), period.to(), repair.reported(), repair.resolved(), repair.byCategory(),
        parts.stream().limit(TOP_PARTS).toList(), repair.responseSla().compliancePercent(),
        repair.resolutionSla().compliancePercent(), repair.meanSatisfaction(), purchases.requests(),
        purchases.spendCny(), purchases.spendByCategoryCny());
  }
}
