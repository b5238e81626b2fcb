package edu.campus.logistics.stocktake;

import static edu.campus.logistics.stocktake.StocktakeVariables.ASSET_FINDINGS;
import static edu.campus.logistics.stocktake.StocktakeVariables.COUNTED_ITEMS;

import edu.campus.logistics.cases.Actor;
import edu.campus.logistics.cases.JsonVariable;
import edu.campus.logistics.cases.Refusal;
import edu.campus.logistics.ledger.StockPositions;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Complete listener of Task_CountStock: checks what the counter entered against the sheet — every item
 * counted once, with a quantity of zero or more, whole for units that are whole (个, 把, 台 …); every asset
 * found, missing, damaged or at another location, once — and keeps it with who counted and the ledger's
 * last entry of each item at that moment.
 */
@Component("recordCount")
public class RecordCount implements TaskListener {

  static final BigDecimal MAX_QUANTITY = new BigDecimal("1000000");

  private final StocktakeStore store;
  private final StockPositions positions;
  private final StocktakeSettings settings;

  public RecordCount(StocktakeStore store, StockPositions positions, StocktakeSettings settings) {
    this.store = store;
    this.positions = positions;
    this.settings = settings;
  }

  @Override
  public void notify(DelegateTask task) {
    String counter = Actor.of(task);
    CountSheet sheet = CountSheets.of(task);
    Instant now = ClockUtil.getCurrentTime().toInstant();
    List<StocktakeStore.Count> counts = new ArrayList<>();
    Map<String, BigDecimal> counted = items(sheet, JsonVariable.readList(task.getVariable(COUNTED_ITEMS),
        CountedItem.class, COUNTED_ITEMS, "实盘物品"));
    Map<String, StockPositions.Position> marks = positions.of(counted.keySet());
    counted.forEach((code, quantity) -> counts.add(new StocktakeStore.Count(sheet.sheetNo(), code, quantity,
        marks.get(code).lastEntryId(), null, null, null, counter, now)));
    for (AssetFinding finding : assets(sheet, JsonVariable.readList(task.getVariable(ASSET_FINDINGS), AssetFinding.class,
        ASSET_FINDINGS, "资产盘点结果"))) {
      counts.add(new StocktakeStore.Count(sheet.sheetNo(), null, null, 0, finding.assetTag(), finding.finding(),
          AssetFinding.ELSEWHERE.equals(finding.finding()) ? finding.foundLocation().trim() : null, counter, now));
    }
    store.replaceSheet(task.getProcessInstanceId(), sheet.sheetNo(), counts);
  }

  private Map<String, BigDecimal> items(CountSheet sheet, List<CountedItem> rows) {
    Map<String, CountSheet.Item> onSheet = new LinkedHashMap<>();
    sheet.items().forEach(item -> onSheet.put(item.itemCode(), item));
    Map<String, BigDecimal> counted = new LinkedHashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      CountedItem row = rows.get(i);
      String where = "实盘物品第" + (i + 1) + "行";
      if (row == null || row.itemCode() == null || row.itemCode().isBlank()) {
        throw Refusal.of(where + "：请选择物品", "countedItems line " + (i + 1) + " has no item");
      }
      CountSheet.Item item = onSheet.get(row.itemCode().trim());
      if (item == null) {
        throw Refusal.of(where + "：物品编码 " + row.itemCode() + " 不在本盘点表中",
            "countedItems line " + (i + 1) + ": item " + row.itemCode() + " is not on this sheet");
      }
      if (counted.containsKey(item.itemCode())) {
        throw Refusal.of(where + "：" + item.name() + " 已填写过一次，同一物品只能填写一行",
            "countedItems line " + (i + 1) + ": item " + item.itemCode() + " is counted twice");
      }
      BigDecimal quantity = row.quantity();
      if (quantity == null) {
        throw Refusal.of(where + "：请填写 " + item.name() + " 的实盘数量",
            "countedItems line " + (i + 1) + ": quantity of " + item.itemCode() + " is missing");
      }
      if (quantity.signum() < 0 || quantity.compareTo(MAX_QUANTITY) > 0) {
        throw Refusal.of(where + "：" + item.name() + " 的实盘数量必须在0到" + MAX_QUANTITY.toPlainString() + "之间",
            "countedItems line " + (i + 1) + ": quantity of " + item.itemCode() + " must be between 0 and " + MAX_QUANTITY);
      }
      BigDecimal exact = quantity.stripTrailingZeros();
      if (exact.scale() > 0 && !settings.divisible(item.unit())) {
        throw Refusal.of(where + "：" + item.name() + " 以“" + item.unit() + "”计，实盘数量必须是整数",
            "countedItems line " + (i + 1) + ": " + item.itemCode() + " is counted in whole " + item.unit());
      }
      if (exact.scale() > 3) {
        throw Refusal.of(where + "：" + item.name() + " 的实盘数量最多三位小数",
            "countedItems line " + (i + 1) + ": quantity of " + item.itemCode() + " has more than three decimals");
      }
      counted.put(item.itemCode(), quantity);
    }
    List<String> missing = onSheet.values().stream().filter(item -> !counted.containsKey(item.itemCode()))
        .map(CountSheet.Item::name).toList();
    if (!missing.isEmpty()) {
      throw Refusal.of("盘点表中的物品未填写实盘数量：" + String.join("、", missing),
          "items of the sheet not counted: " + String.join(", ", missing));
    }
    return counted;
  }

  private static List<AssetFinding> assets(CountSheet sheet, List<AssetFinding> rows) {
    Set<String> onSheet = new HashSet<>(sheet.assets().stream().map(CountSheet.Asset::assetTag).toList());
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < rows.size(); i++) {
      AssetFinding row = rows.get(i);
      String where = "资产盘点结果第" + (i + 1) + "行";
      if (row == null || row.assetTag() == null || !onSheet.contains(row.assetTag())) {
        throw Refusal.of(where + "：资产编号 " + (row == null ? null : row.assetTag()) + " 不在本盘点表中",
            "assetFindings line " + (i + 1) + ": asset is not on this sheet");
      }
      if (!seen.add(row.assetTag())) {
        throw Refusal.of(where + "：资产 " + row.assetTag() + " 已填写过一次", "assetFindings line " + (i + 1)
            + ": asset " + row.assetTag() + " is listed twice");
      }
      if (row.finding() == null || !AssetFinding.LABELS.containsKey(row.finding())) {
        throw Refusal.of(where + "：请选择资产 " + row.assetTag() + " 的盘点结果（在位、缺失、损坏、在其他地点）",
            "assetFindings line " + (i + 1) + ": finding must be one of " + AssetFinding.LABELS.keySet());
      }
      if (AssetFinding.ELSEWHERE.equals(row.finding())
          && (row.foundLocation() == null || row.foundLocation().isBlank() || row.foundLocation().trim().length() > 200)) {
        throw Refusal.of(where + "：资产 " + row.assetTag() + " 在其他地点时请填写所在地点（最多200个字）",
            "assetFindings line " + (i + 1) + ": foundLocation is required (1..200 characters) for elsewhere");
      }
      if (AssetFinding.ELSEWHERE.equals(row.finding()) && row.foundLocation().trim().equals(sheet.location())) {
        throw Refusal.of(where + "：资产 " + row.assetTag() + " 就在本地点，请选择“在位”",
            "assetFindings line " + (i + 1) + ": foundLocation is this sheet's location; choose present");
      }
    }
    List<String> missing = sheet.assets().stream().map(CountSheet.Asset::assetTag).filter(tag -> !seen.contains(tag)).toList();
    if (!missing.isEmpty()) {
      throw Refusal.of("盘点表中的资产未填写盘点结果：" + String.join("、", missing),
          "assets of the sheet without a finding: " + String.join(", ", missing));
    }
    return rows;
  }
}
