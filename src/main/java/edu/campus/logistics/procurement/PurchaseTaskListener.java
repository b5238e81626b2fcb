package edu.campus.logistics.procurement;

import static edu.campus.logistics.procurement.ProcurementVariables.BUYER_ID;
import static edu.campus.logistics.procurement.ProcurementVariables.OVER_BUDGET;
import static edu.campus.logistics.procurement.ProcurementVariables.PURCHASE_ITEMS;
import static edu.campus.logistics.procurement.ProcurementVariables.PURCHASE_ROUND;
import static edu.campus.logistics.procurement.ProcurementVariables.PURCHASE_TOTAL;
import static edu.campus.logistics.procurement.ProcurementVariables.QUOTES;
import static edu.campus.logistics.procurement.ProcurementVariables.QUOTES_REQUIRED;
import static edu.campus.logistics.procurement.ProcurementVariables.SUPPLIER;
import static edu.campus.logistics.procurement.ProcurementVariables.TOTAL_AMOUNT;

import edu.campus.logistics.cases.Values;
import edu.campus.logistics.cases.Refusal;
import edu.campus.logistics.cases.Actor;
import edu.campus.logistics.cases.JsonVariable;
import com.fasterxml.jackson.databind.JsonNode;
import edu.campus.logistics.ledger.FixedAssets;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener of Task_PurchaseGoods (采购; {@link PreparePurchase} fills the lines in): the
 * buyer enters supplier, order number, actual unit prices and, when the table requires them,
 * quotes from enough suppliers 三家比价. An actual total too far above the approved amount goes back
 * through approval with the actual total as the amount to approve. How far and how many quotes:
 * {@link PurchaseRules} (procurement-approval.dmn).
 */
@Component("purchaseTaskListener")
public class PurchaseTaskListener implements TaskListener {

  static final int MAX_SUPPLIER = 100;
  static final int MAX_NOTE = 200;

  private final FixedAssets fixedAssets;

  public PurchaseTaskListener(FixedAssets fixedAssets) {
    this.fixedAssets = fixedAssets;
  }

  @Override
  public void notify(DelegateTask task) {
    ProcurementCase procurement = ProcurementCase.of(task);
    List<RequestLine> requested = procurement.items();
    String supplier = Values.text(task, SUPPLIER);
    List<RequestLine> bought = actualPrices(task, requested);
    PurchaseRules rules = PurchaseRules.of(task);
    List<Map<String, Object>> quotes = quotes(task, supplier, rules.minQuotes());
    BigDecimal total = RequestLines.total(bought);
    procurement.setPurchaseItems(bought);
    task.setVariable(QUOTES, JsonVariable.write(quotes));
    procurement.setMoney(PURCHASE_TOTAL, total);
    task.setVariable(BUYER_ID, Actor.of(task));
    procurement.increment(PURCHASE_ROUND);
    boolean overBudget = rules.overBudget(total, procurement.approvedAmount());
    task.setVariable(OVER_BUDGET, overBudget);
    if (overBudget) {
      procurement.setMoney(TOTAL_AMOUNT, total);
    }
  }

  /** The requested lines with the unit prices the buyer entered, line by line; nothing else is taken over. */
  private List<RequestLine> actualPrices(DelegateTask task, List<RequestLine> requested) {
    JsonNode submitted = JsonVariable.read(task.getVariable(PURCHASE_ITEMS), PURCHASE_ITEMS, "实际采购明细");
    if (submitted == null || !submitted.isArray() || submitted.size() != requested.size()) {
      throw Refusal.of("实际采购明细必须与申请明细逐行对应（%d行）".formatted(requested.size()),
          "purchaseItems must have one line per requested line (%d)".formatted(requested.size()));
    }
    List<RequestLine> bought = new ArrayList<>();
    for (int i = 0; i < requested.size(); i++) {
      RequestLines.Field field = new RequestLines.Field(submitted.get(i), PURCHASE_ITEMS, "实际采购明细", i + 1);
      RequestLine line = requested.get(i).withUnitPrice(field.number("unitPrice", "实际单价", RequestLines.MAX_UNIT_PRICE, 2));
      if (fixedAssets.isFixedAsset(line.unitPrice()) && line.quantity().stripTrailingZeros().scale() > 0) {
        throw field.refuse("固定资产（单价≥%s元）数量必须是整数".formatted(fixedAssets.threshold()),
            "a fixed asset (unit price >= %s) needs a whole quantity".formatted(fixedAssets.threshold()));
      }
      bought.add(line);
    }
    return bought;
  }

  /** The quotes, checked; at least {@code minQuotes} from different suppliers, one of them the chosen one, when required. */
  private static List<Map<String, Object>> quotes(DelegateTask task, String supplier, int minQuotes) {
    JsonNode submitted = JsonVariable.read(task.getVariable(QUOTES), QUOTES, "供应商报价");
    List<Map<String, Object>> quotes = new ArrayList<>();
    Set<String> suppliers = new HashSet<>();
    if (submitted != null && !submitted.isArray()) {
      throw Refusal.of("供应商报价必须是列表", "quotes must be a list");
    }
    for (int i = 0; submitted != null && i < submitted.size(); i++) {
      if (isEmptyRow(submitted.get(i))) {
        continue;
      }
      RequestLines.Field field = new RequestLines.Field(submitted.get(i), QUOTES, "供应商报价", i + 1);
      Map<String, Object> quote = new LinkedHashMap<>();
      String quoted = field.text("supplier", "供应商", MAX_SUPPLIER, true);
      if (!suppliers.add(quoted.toLowerCase())) {
        throw field.refuse("供应商重复：" + quoted, "supplier " + quoted + " quoted twice");
      }
      quote.put("supplier", quoted);
      quote.put("amount", field.number("amount", "报价金额", RequestLines.MAX_TOTAL, 2));
      quote.put("note", field.text("note", "备注", MAX_NOTE, false));
      quotes.add(quote);
    }
    if (Boolean.TRUE.equals(task.getVariable(QUOTES_REQUIRED))) {
      if (quotes.size() < minQuotes) {
        throw Refusal.of("本次采购须有至少%d家供应商报价，目前只有%d家".formatted(minQuotes, quotes.size()),
            "this purchase needs quotes from at least %d suppliers, got %d".formatted(minQuotes, quotes.size()));
      }
      if (!suppliers.contains(supplier.toLowerCase())) {
        throw Refusal.of("选定的供应商“%s”必须在报价之中".formatted(supplier),
            "the chosen supplier %s must be one of the quotes".formatted(supplier));
      }
    }
    return quotes;
  }

  /** A row the form added but nobody filled in. */
  private static boolean isEmptyRow(JsonNode row) {
    if (row == null || row.isNull()) {
      return true;
    }
    for (JsonNode value : row) {
      if (!value.isNull() && !(value.isTextual() && value.asText().isBlank())) {
        return false;
      }
    }
    return row.isObject();
  }
}
