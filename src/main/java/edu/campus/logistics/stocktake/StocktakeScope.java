package edu.campus.logistics.stocktake;

import edu.campus.logistics.cases.Refusal;
import edu.campus.logistics.ledger.AssetRegister;
import edu.campus.logistics.ledger.AuditedAsset;
import edu.campus.logistics.ledger.Item;
import edu.campus.logistics.ledger.ItemCategory;
import edu.campus.logistics.ledger.LedgerService;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * What a stocktake counts, from its scope: all, one item category, or one location. The store's stock
 * items of the scope make one sheet; the assets make one sheet per location (the location's custodians
 * are on it). Assets whose audit is overdue are added whatever the scope, when asked to.
 */
@Component
public class StocktakeScope {

  public static final String ALL = "all";
  public static final String CATEGORY = "category";
  public static final String LOCATION = "location";

  /** The sheets of a scope and the scope in words. */
  public record Plan(String label, List<CountSheet> sheets) {
  }

  private final LedgerService ledger;
  private final AssetRegister assets;
  private final AssetAudits audits;
  private final StocktakeSettings settings;

  public StocktakeScope(LedgerService ledger, AssetRegister assets, AssetAudits audits, StocktakeSettings settings) {
    this.ledger = ledger;
    this.assets = assets;
    this.audits = audits;
    this.settings = settings;
  }

  public Plan plan(String type, String category, String location, boolean includeOverdue) {
    List<Item> items;
    List<AuditedAsset> cards;
    String label;
    List<AuditedAsset> allCards = assets.audited();
    switch (type == null ? "" : type) {
      case ALL -> {
        items = ledger.items();
        cards = allCards;
        label = "全部物品和资产";
      }
      case CATEGORY -> {
        if (category == null || !ItemCategory.isKnown(category)) {
          throw Refusal.of("请选择要清查的物品类别", "scopeCategory must be an item category");
        }
        items = ledger.items().stream().filter(item -> item.category().equals(category)).toList();
        cards = allCards.stream().filter(card -> card.category().equals(category)).toList();
        label = "物品类别：" + categoryLabel(category);
      }
      case LOCATION -> {
        if (location == null || location.isBlank()) {
          throw Refusal.of("请填写要清查的地点", "scopeLocation is required for a location scope");
        }
        items = List.of();
        cards = allCards.stream().filter(card -> card.location().equals(location.trim())).toList();
        label = "地点：" + location.trim();
      }
      default -> throw Refusal.of("清查范围无效：" + type, "scopeType must be all, category or location (got " + type + ")");
    }
    if (items.isEmpty() && cards.isEmpty()) {
      throw Refusal.of("清查范围内没有任何物品或资产（" + label + "），请检查范围",
          "the scope matches no item and no asset: " + label);
    }
    Set<AuditedAsset> counted = new LinkedHashSet<>(cards);
    if (includeOverdue) {
      allCards.stream().filter(audits::overdue).forEach(counted::add);
    }
    List<CountSheet> sheets = new ArrayList<>();
    if (!items.isEmpty()) {
      sheets.add(new CountSheet(0, CountSheet.STOCK, settings.storeName() + "库存", settings.storeName(),
          items.stream().map(item -> new CountSheet.Item(item.code(), item.name(), item.spec(), item.unit())).toList(),
          List.of()));
    }
    Map<String, List<CountSheet.Asset>> byLocation = new TreeMap<>();
    for (AuditedAsset card : counted) {
      byLocation.computeIfAbsent(card.location(), key -> new ArrayList<>())
          .add(new CountSheet.Asset(card.tag(), card.name(), card.custodian()));
    }
    for (Map.Entry<String, List<CountSheet.Asset>> place : byLocation.entrySet()) {
      Set<String> custodians = new LinkedHashSet<>(place.getValue().stream().map(CountSheet.Asset::custodian).toList());
      sheets.add(new CountSheet(sheets.size(), CountSheet.ASSETS, "资产：" + place.getKey() + "（保管人 "
          + String.join("、", custodians) + "）", place.getKey(), List.of(), List.copyOf(place.getValue())));
    }
    return new Plan(label, List.copyOf(sheets));
  }

  private static String categoryLabel(String id) {
    Map<String, String> labels = new LinkedHashMap<>();
    Arrays.stream(ItemCategory.values()).forEach(category -> labels.put(category.id(), category.label()));
    return labels.getOrDefault(id, id);
  }
}
