package edu.campus.logistics.metrics;

import static edu.campus.logistics.procurement.ProcurementVariables.APPROVALS;
import static edu.campus.logistics.procurement.ProcurementVariables.DEPARTMENT;
import static edu.campus.logistics.procurement.ProcurementVariables.ESCALATIONS;
import static edu.campus.logistics.procurement.ProcurementVariables.OUTCOME;
import static edu.campus.logistics.procurement.ProcurementVariables.OVER_BUDGET;
import static edu.campus.logistics.procurement.ProcurementVariables.QUOTES;
import static edu.campus.logistics.procurement.ProcurementVariables.SUPPLIER;

import com.fasterxml.jackson.databind.JsonNode;
import edu.campus.logistics.identity.ProcessKeys;
import edu.campus.logistics.ledger.EntryType;
import edu.campus.logistics.ledger.LedgerFigures;
import edu.campus.logistics.ledger.LedgerFigures.CaseItemTotal;
import edu.campus.logistics.procurement.ProcurementActivities;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.StreamSupport;
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

  /** Reached only when an approver rejected the request. */
  static final String READ_REJECTION = "Task_ReadRejection";
  static final List<String> VARIABLES = List.of(DEPARTMENT, SUPPLIER, OUTCOME, OVER_BUDGET, QUOTES, APPROVALS, ESCALATIONS);

  private final ProcessHistory history;
  private final LedgerFigures ledger;

  ProcurementMetrics(ProcessHistory history, LedgerFigures ledger) {
    this.history = history;
    this.ledger = ledger;
  }

  public ProcurementReport procurement(Period period) {
    Map<String, CaseFacts> cases = history.cases(ProcessKeys.PROCUREMENT, period.start(), period.end(), VARIABLES);
    Map<String, Instant> stocked = history.lastCompletion(ProcessKeys.PROCUREMENT, period.start(), period.end(),
        ProcurementActivities.STOCK_GOODS);

    Set<String> rejectedCases = history.reached(ProcessKeys.PROCUREMENT, period.start(), period.end(), READ_REJECTION);

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
    for (CaseFacts c : cases.values()) {
      String outcome = outcome(c, stocked.containsKey(c.id()), rejectedCases.contains(c.id()));
      byOutcome.merge(outcome, 1L, Long::sum);
      if (!"open".equals(outcome)) {
        decided++;
      }
      if ("rejected".equals(outcome)) {
        rejected++;
      }
      if (stocked.containsKey(c.id())) {
        cycles.add(Duration.between(c.startedAt(), stocked.get(c.id())));
      }
      boolean wasRevised = false;
      for (JsonNode approval : c.list(APPROVALS)) {
        Instant created = instant(approval, "createdAt");
        Instant decidedAt = instant(approval, "decidedAt");
        if (created != null && decidedAt != null) {
          approvalTimes.computeIfAbsent(approval.path("level").asText("?"), level -> new ArrayList<>())
              .add(Duration.between(created, decidedAt));
        }
        wasRevised |= "revise".equals(approval.path("decision").asText());
      }
      if (wasRevised) {
        revised++;
      }
      c.list(ESCALATIONS).forEach(entry -> escalations.merge(entry.path("stage").asText("?"), 1L, Long::sum));
      if (Boolean.TRUE.equals(c.flag(OVER_BUDGET))) {
        overBudget++;
      }
      long quotes = StreamSupport.stream(c.list(QUOTES).spliterator(), false).count();
      if (quotes > 0) {
        withQuotes++;
      }
      if (quotes >= 3) {
        threeQuotes++;
      }
    }

    Map<String, BigDecimal> byCategory = new TreeMap<>();
    Map<String, BigDecimal> byDepartment = new TreeMap<>();
    Map<String, BigDecimal> bySupplier = new TreeMap<>();
    BigDecimal spend = BigDecimal.ZERO;
    for (CaseItemTotal line : ledger.entriesByCaseAndItem(EntryType.RECEIPT, period.start())) {
      CaseFacts c = cases.get(line.processInstanceId());
      if (c == null) {
        continue;
      }
      spend = spend.add(line.amount());
      byCategory.merge(line.category(), line.amount(), BigDecimal::add);
      byDepartment.merge(orUnknown(c.text(DEPARTMENT)), line.amount(), BigDecimal::add);
      bySupplier.merge(orUnknown(c.text(SUPPLIER)), line.amount(), BigDecimal::add);
    }
    Map<String, Durations> approvalByLevel = new HashMap<>();
    approvalTimes.forEach((level, times) -> approvalByLevel.put(level, Durations.of(times)));
    return new ProcurementReport(period.from(), period.to(), cases.size(), byOutcome, Durations.of(cycles),
        new TreeMap<>(approvalByLevel), decided, Percent.of(rejected, decided), revised, Percent.of(revised, cases.size()),
        escalations, spend, byCategory, byDepartment, bySupplier, overBudget, withQuotes, threeQuotes,
        Percent.of(threeQuotes, withQuotes));
  }

  /**
   * stocked, rejected, withdrawn or open. The {@code outcome} variable is set at the end event, after the
   * requester has read the notice; the goods are stocked (or the request rejected) already before that.
   */
  private static String outcome(CaseFacts c, boolean stocked, boolean rejected) {
    if (c.text(OUTCOME) != null) {
      return c.text(OUTCOME);
    }
    if (stocked) {
      return "stocked";
    }
    return rejected ? "rejected" : "open";
  }

  private static String orUnknown(String text) {
    return text == null || text.isBlank() ? "未填写" : text;
  }

  private static Instant instant(JsonNode node, String field) {
    String text = node.path(field).asText(null);
    try {
      return text == null ? null : Instant.parse(text);
    } catch (RuntimeException e) {
      return null;
    }
  }
}
