package edu.campus.logistics.metrics;

import edu.campus.logistics.identity.ProcessKeys;
import edu.campus.logistics.ledger.EntryType;
import edu.campus.logistics.ledger.LedgerFigures;
import edu.campus.logistics.ledger.LedgerFigures.CaseItemTotal;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;

/** Procurement KPIs of the requests made in a period (variable contract: docs/processes/procurement.md). */
@Service
public class ProcurementMetrics {

  public record ProcurementReport(LocalDate from, LocalDate to, int requests, Map<String, Long> byOutcome,
                                  Durations cycleToStocked, Map<String, Durations> approvalByLevel,
                                  int decidedRequests, Double rejectionRatePercent, int revisedRequests,
                                  Double revisionRatePercent, Map<String, Long> escalationsByLevel,
                                  BigDecimal spendCny, Map<String, BigDecimal> spendByCategoryCny,
                                  Map<String, BigDecimal> spendByDepartmentCny, Map<String, BigDecimal> spendBySupplierCny,
                                  int overBudgetPurchases, int purchasesWithQuotes, int purchasesWithThreeQuotes,
                                  Double threeQuoteSharePercent) {
  }

  private final KpiCases source;
  private final LedgerFigures ledger;

  /** {@code source}: the read model (the application), or the history (MetricsBenchmark's comparison). */
  ProcurementMetrics(KpiCases source, LedgerFigures ledger) {
    this.source = source;
    this.ledger = ledger;
  }

  public ProcurementReport procurement(Period period) {
    Map<String, KpiCase> cases = new LinkedHashMap<>();
    source.started(ProcessKeys.PROCUREMENT, period.start(), period.end()).forEach(c -> cases.put(c.id(), c));

    Map<String, Long> byOutcome = new TreeMap<>();
    Map<String, List<Duration>> approvalTimes = new TreeMap<>();
    Map<String, Long> escalations = new TreeMap<>();
    List<Duration> cycles = new ArrayList<>();
    int decided = 0;
    int rejected = 0;
    int revised = 0;
    int overBudget = 0;
    int withQuotes = 0;
    int threeQuotes = 0;
    for (KpiCase c : cases.values()) {
      String outcome = outcome(c);
      byOutcome.merge(outcome, 1L, Long::sum);
      if (!"open".equals(outcome)) {
        decided++;
      }
      if ("rejected".equals(outcome)) {
        rejected++;
      }
      if (c.stockedAt() != null) {
        cycles.add(Duration.between(c.startedAt(), c.stockedAt()));
      }
      for (KpiCase.Pair approval : KpiCase.pairs(c.approvals())) {
        approvalTimes.computeIfAbsent(approval.first(), level -> new ArrayList<>())
            .add(Duration.ofMillis(Long.parseLong(approval.second())));
      }
      if (c.revised()) {
        revised++;
      }
      // each escalation's stage is the approval level that was overdue (cases/Escalation)
      KpiCase.pairs(c.escalations()).forEach(entry -> escalations.merge(entry.first(), 1L, Long::sum));
      if (Boolean.TRUE.equals(c.overBudget())) {
        overBudget++;
      }
      if (c.quoteCount() > 0) {
        withQuotes++;
      }
      if (c.quoteCount() >= 3) {
        threeQuotes++;
      }
    }

    Map<String, BigDecimal> byCategory = new TreeMap<>();
    Map<String, BigDecimal> byDepartment = new TreeMap<>();
    Map<String, BigDecimal> bySupplier = new TreeMap<>();
    BigDecimal spend = BigDecimal.ZERO;
    for (CaseItemTotal line : ledger.entriesByCaseAndItem(EntryType.RECEIPT, period.start())) {
      KpiCase c = cases.get(line.processInstanceId());
      if (c == null) {
        continue;
      }
      spend = spend.add(line.amount());
      byCategory.merge(line.category(), line.amount(), BigDecimal::add);
      byDepartment.merge(orUnknown(c.department()), line.amount(), BigDecimal::add);
      bySupplier.merge(orUnknown(c.supplier()), line.amount(), BigDecimal::add);
    }
    Map<String, Durations> approvalByLevel = new HashMap<>();
    approvalTimes.forEach((level, times) -> approvalByLevel.put(level, Durations.of(times)));
    return new ProcurementReport(period.from(), period.to(), cases.size(), byOutcome, Durations.of(cycles),
        new TreeMap<>(approvalByLevel), decided, Percent.of(rejected, decided), revised, Percent.of(revised, cases.size()),
        escalations, spend, byCategory, byDepartment, bySupplier, overBudget, withQuotes, threeQuotes,
        Percent.of(threeQuotes, withQuotes));
  }

  /**
   * stocked, rejected, withdrawn or open: the end event the case reached; before it gets there (the
   * requester has not read the notice yet) the goods are stocked, or the request rejected, already.
   */
  private static String outcome(KpiCase c) {
    if (c.outcome() != null) {
      return c.outcome();
    }
    if (c.stockedAt() != null) {
      return "stocked";
    }
    return c.rejected() ? "rejected" : "open";
  }

  private static String orUnknown(String text) {
    return text == null || text.isBlank() ? "未填写" : text;
  }
}
