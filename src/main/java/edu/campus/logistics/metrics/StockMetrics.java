package edu.campus.logistics.metrics;

import edu.campus.logistics.identity.ProcessKeys;
import edu.campus.logistics.ledger.LedgerFigures;
import edu.campus.logistics.ledger.LedgerFigures.ItemBelowReorder;
import edu.campus.logistics.ledger.LedgerFigures.Total;
import edu.campus.logistics.ledger.LedgerService;
import edu.campus.logistics.ledger.Item;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** Stock and asset KPIs: the ledger's state now, its movements and the compensations of a period. */
@Service
public class StockMetrics {

  public record StockReport(LocalDate from, LocalDate to, List<ItemBelowReorder> itemsBelowReorderLevel,
                            BigDecimal stockValueCny, List<Total> stockValueByCategory, List<Consumption> consumption,
                            long assets, BigDecimal assetValueCny, List<Total> assetsByLocation,
                            List<Total> assetsByCustodian, List<Total> assetsByStatus, List<Total> assetEvents,
                            Compensation compensation) {
  }

  /** What the school consumed of one item in the period (issues and repair use). */
  public record Consumption(String itemCode, String name, String unit, String category, long entries,
                            BigDecimal quantity, BigDecimal valueCny) {
  }

  public record Compensation(int cases, int paid, int waived, int open, BigDecimal assessedCny, BigDecimal paidCny,
                             BigDecimal waivedCny) {
  }

  private final LedgerFigures figures;
  private final LedgerService ledger;
  private final KpiCases cases;

  StockMetrics(LedgerFigures figures, LedgerService ledger, KpiCases cases) {
    this.figures = figures;
    this.ledger = ledger;
    this.cases = cases;
  }

  public StockReport stock(Period period) {
    Map<String, Item> items = ledger.items().stream().collect(Collectors.toMap(Item::code, Function.identity()));
    List<Consumption> consumption = figures.consumptionByItem(period.start(), period.end()).stream().map(total -> {
      Item item = items.get(total.key());
      return new Consumption(total.key(), item == null ? total.key() : item.name(), item == null ? "" : item.unit(),
          item == null ? "other" : item.category(), total.count(), total.quantity(), money(total.amount()));
    }).sorted((a, b) -> b.valueCny().compareTo(a.valueCny())).toList();
    List<Total> byCategory = figures.stockValueByCategory();
    List<Total> byStatus = figures.assetsByStatus();
    return new StockReport(period.from(), period.to(), figures.itemsBelowReorderLevel(), sum(byCategory), byCategory,
        consumption, byStatus.stream().filter(t -> !"RETIRED".equals(t.key())).mapToLong(Total::count).sum(),
        sum(byStatus.stream().filter(t -> !"RETIRED".equals(t.key())).toList()), figures.assetsByLocation(),
        figures.assetsByCustodian(), byStatus, figures.assetEventsByType(period.start(), period.end()),
        compensation(period));
  }

  private Compensation compensation(Period period) {
    List<KpiCase> cases = this.cases.started(ProcessKeys.DAMAGE_COMPENSATION, period.start(), period.end());
    int paid = 0;
    int waived = 0;
    BigDecimal assessed = BigDecimal.ZERO;
    BigDecimal paidAmount = BigDecimal.ZERO;
    BigDecimal waivedAmount = BigDecimal.ZERO;
    for (KpiCase c : cases) {
      BigDecimal amount = orZero(c.assessedAmount());
      assessed = assessed.add(amount);
      if ("paid".equals(c.settlement())) {
        paid++;
        BigDecimal received = orZero(c.paidAmount());
        paidAmount = paidAmount.add(received);
        waivedAmount = waivedAmount.add(amount.subtract(received).max(BigDecimal.ZERO));
      } else if ("waived".equals(c.settlement())) {
        waived++;
        waivedAmount = waivedAmount.add(amount);
      }
    }
    return new Compensation(cases.size(), paid, waived, cases.size() - paid - waived, money(assessed), money(paidAmount),
        money(waivedAmount));
  }

  private static BigDecimal orZero(BigDecimal value) {
    return value == null ? BigDecimal.ZERO : value;
  }

  private static BigDecimal money(BigDecimal value) {
    return value == null ? BigDecimal.ZERO : value.setScale(2, RoundingMode.HALF_UP);
  }

  private static BigDecimal sum(List<Total> totals) {
    return money(totals.stream().map(Total::amount).filter(java.util.Objects::nonNull)
        .reduce(BigDecimal.ZERO, BigDecimal::add));
  }
}
