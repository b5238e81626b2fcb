package edu.campus.logistics.exports;

import edu.campus.logistics.ledger.Item;
import edu.campus.logistics.ledger.LedgerService;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The stock ledger (库存台账) as auditors read it: every entry of the period in posting order, with
 * its voucher and the business key of the case behind it, and a totals row. Read page by page
 * through {@link LedgerService#forEachEntry}, never all at once.
 */
@Component
class StockLedgerExport {

  static final List<String> HEADERS = List.of("记账时间", "物品编码", "物品名称", "规格", "单位", "业务类型", "数量",
      "单价", "金额", "结存数量", "结存金额", "凭证号", "业务编号", "业务环节", "经办人", "流程实例");
  static final int QUANTITY_COLUMN = HEADERS.indexOf("数量");
  static final int AMOUNT_COLUMN = HEADERS.indexOf("金额");

  private final LedgerService ledger;
  private final CaseHistory cases;

  StockLedgerExport(LedgerService ledger, CaseHistory cases) {
    this.ledger = ledger;
    this.cases = cases;
  }

  /** Refuses an unknown item before anything is written. */
  void check(String itemCode) {
    if (itemCode != null && ledger.findItem(itemCode).isEmpty()) {
      throw new ExportRefusal(HttpStatus.NOT_FOUND, "unknown item code: " + itemCode);
    }
  }

  void write(TableSink sink, String itemCode, Period period) {
    Map<String, Item> items = ledger.items().stream().collect(Collectors.toMap(Item::code, Function.identity()));
    Map<String, String> people = cases.userNames();
    Map<String, String> activities = cases.activityNames();
    ZoneId zone = period.zone();
    sink.header(HEADERS);
    long[] count = {0};
    BigDecimal[] totals = {BigDecimal.ZERO, BigDecimal.ZERO};
    ledger.forEachEntry(itemCode, period.start(), period.end(), entry -> {
      Item item = items.get(entry.itemCode());
      count[0]++;
      totals[0] = totals[0].add(entry.quantity());
      totals[1] = totals[1].add(entry.amount());
      sink.row(Arrays.asList(Labels.time(entry.postedAt(), zone), entry.itemCode(),
          item == null ? null : item.name(), item == null ? null : item.spec(), item == null ? null : item.unit(),
          Labels.entryType(entry.type()), entry.quantity(), entry.unitCost(), entry.amount(), entry.balanceAfter(),
          entry.valueAfter(), entry.voucherKey(), entry.businessKey(),
          entry.activityId() == null ? null : activities.getOrDefault(entry.activityId(), entry.activityId()),
          people.getOrDefault(entry.actor(), entry.actor()), entry.processInstanceId()));
    });
    // quantities of different items (boxes, pieces) add up only for one item
    Map<Integer, BigDecimal> sums = itemCode == null ? Map.of(AMOUNT_COLUMN, totals[1])
        : Map.of(QUANTITY_COLUMN, totals[0], AMOUNT_COLUMN, totals[1]);
    sink.row(Texts.totalRow(HEADERS.indexOf("业务类型"), "共 " + count[0] + " 笔", sums));
  }
}
