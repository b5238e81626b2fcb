package edu.campus.logistics.procurement;

import static edu.campus.logistics.procurement.ProcurementVariables.ITEMS;

import edu.campus.logistics.cases.Refusal;
import edu.campus.logistics.ledger.Item;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The request lines checked against the item catalogue (start and resubmission): a catalogue line
 * takes name, spec, category and unit from the catalogue — a known code, and whatever else the line
 * says agrees with it; a new-item line stays as typed. No catalogue item and no new item (same name
 * and spec) twice. Every failure is a 400 naming the line; nothing is stored.
 */
final class CatalogueLines {

  static final String LABEL = "采购明细";

  private CatalogueLines() {
  }

  static List<RequestLine> resolve(List<RequestLine> lines, ItemCatalogue catalogue) {
    List<RequestLine> resolved = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      int row = i + 1;
      RequestLine line = lines.get(i);
      RequestLine checked = line.itemCode() == null ? line : fromCatalogue(line, row, catalogue);
      String key = checked.itemCode() != null ? "code:" + checked.itemCode()
          : "new:" + normal(checked.name()) + "|" + normal(checked.spec());
      Integer earlier = seen.putIfAbsent(key, row);
      if (earlier != null) {
        throw refuse(row, checked.name() + "与第" + earlier + "行重复，请合并为一行",
            (checked.itemCode() != null ? "item " + checked.itemCode() : "new item " + checked.name())
                + " is already on line " + earlier);
      }
      resolved.add(checked);
    }
    return resolved;
  }

  private static RequestLine fromCatalogue(RequestLine line, int row, ItemCatalogue catalogue) {
    Item item = catalogue.item(line.itemCode()).orElseThrow(() -> refuse(row,
        "物品目录中没有编码为“" + line.itemCode() + "”的物品", "unknown item code " + line.itemCode()));
    agrees(row, item, "名称", "name", line.name(), item.name());
    agrees(row, item, "规格", "spec", line.spec(), item.spec());
    agrees(row, item, "单位", "unit", line.unit(), item.unit());
    agrees(row, item, "类别", "category", line.category(), item.category());
    return new RequestLine(item.code(), false, item.name(), item.spec(), item.category(), item.unit(),
        line.quantity(), line.unitPrice());
  }

  /** A field the line gives besides the code must be the catalogue's (a resubmitted line carries them). */
  private static void agrees(int row, Item item, String fieldZh, String field, String given, String catalogued) {
    if (given != null && !normal(given).equals(normal(catalogued))) {
      throw refuse(row, "%s“%s”与物品目录中%s的%s“%s”不一致：目录中的物品只需填物品编码，目录中没有的物品请勾选“新物品”"
              .formatted(fieldZh, given, item.code(), fieldZh, Objects.toString(catalogued, "")),
          "%s %s contradicts the catalogue's %s of %s".formatted(field, given, catalogued, item.code()));
    }
  }

  static String normal(String text) {
    return text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
  }

  private static RuntimeException refuse(int row, String chinese, String english) {
    return Refusal.of("%s第%d行：%s".formatted(LABEL, row, chinese), "%s line %d: %s".formatted(ITEMS, row, english));
  }
}
