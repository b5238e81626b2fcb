package edu.campus.logistics.procurement;

import static edu.campus.logistics.procurement.ProcurementVariables.NEW_ITEM_MAPPINGS;

import com.fasterxml.jackson.databind.JsonNode;
import edu.campus.logistics.cases.JsonVariable;
import edu.campus.logistics.cases.Refusal;
import edu.campus.logistics.ledger.Item;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The storekeeper's answer for each new-item line at stocking 入库 ({@code newItemMappings}): confirm
 * it as a new catalogue item ({@code new}) or map it to an existing item code ({@code existing}).
 * {@link #offer} prepares one row per new-item line with accepted goods — mapped already when the
 * catalogue has an item of the same name and spec, confirmed otherwise —, {@link #check} checks
 * what the storekeeper submitted and stores the rows as the process knows them (line, name, spec,
 * unit, category from the purchase lines; only {@code choice} and {@code itemCode} are taken over).
 */
final class NewItemMappings {

  static final String NEW = "new";
  static final String EXISTING = "existing";
  static final String LABEL = "新物品入库方式";

  /** One row of {@code newItemMappings}; {@code line} is the purchase line's number (1-based). */
  record Mapping(int line, String name, String spec, String unit, String category, String choice, String itemCode) {
  }

  private NewItemMappings() {
  }

  /** The rows to offer: one per new-item purchase line with an accepted quantity above zero. */
  static List<Mapping> offer(ProcurementCase procurement, ItemCatalogue catalogue) {
    List<RequestLine> bought = procurement.purchaseItems();
    List<AcceptedLine> accepted = procurement.acceptedQuantities();
    List<Mapping> rows = new ArrayList<>();
    for (int i = 0; i < bought.size(); i++) {
      RequestLine line = bought.get(i);
      if (line.itemCode() == null && accepted.get(i).accepted().signum() > 0) {
        Optional<Item> same = catalogue.sameNameAndSpec(line.name(), line.spec());
        rows.add(new Mapping(i + 1, line.name(), line.spec(), line.unit(), line.category(),
            same.isPresent() ? EXISTING : NEW, same.map(Item::code).orElse(null)));
      }
    }
    return rows;
  }

  /** The submitted rows checked against the offered ones and the catalogue; 400 and nothing stored on any problem. */
  static List<Mapping> check(VariableScope scope, ProcurementCase procurement, ItemCatalogue catalogue) {
    List<Mapping> offered = offer(procurement, catalogue);
    JsonNode submitted = JsonVariable.read(scope.getVariable(NEW_ITEM_MAPPINGS), NEW_ITEM_MAPPINGS, LABEL);
    if (submitted == null || offered.isEmpty() && submitted.isEmpty()) {
      // nothing offered on this task (a case of an older model version: no PrepareStorage on create, a
      // store form without the list): the offered choices apply, as they would on a newer task
      return offered;
    }
    if (!submitted.isArray() || submitted.size() != offered.size()) {
      throw Refusal.of("%s必须与新物品逐行对应（%d行）".formatted(LABEL, offered.size()),
          "%s must have one row per new item (%d)".formatted(NEW_ITEM_MAPPINGS, offered.size()));
    }
    List<Mapping> checked = new ArrayList<>();
    for (int i = 0; i < offered.size(); i++) {
      Mapping row = offered.get(i);
      RequestLines.Field field = new RequestLines.Field(submitted.get(i), NEW_ITEM_MAPPINGS, LABEL, i + 1);
      String choice = field.text("choice", "入库方式", 16, true);
      if (NEW.equals(choice)) {
        Optional<Item> same = catalogue.sameNameAndSpec(row.name(), row.spec());
        if (same.isPresent()) {
          throw field.refuse("物品目录中已有“%s”（编码%s），请选择“对应目录中已有物品”".formatted(describe(same.get()), same.get().code()),
              "the catalogue already has %s as %s: map the line to it".formatted(row.name(), same.get().code()));
        }
        checked.add(new Mapping(row.line(), row.name(), row.spec(), row.unit(), row.category(), NEW, null));
      } else if (EXISTING.equals(choice)) {
        String code = field.text("itemCode", "物品编码", RequestLines.MAX_CODE, true).toUpperCase(Locale.ROOT);
        Item item = catalogue.item(code).orElseThrow(() -> field.refuse("物品目录中没有编码为“" + code + "”的物品",
            "unknown item code " + code));
        if (!CatalogueLines.normal(item.unit()).equals(CatalogueLines.normal(row.unit()))) {
          throw field.refuse("单位不符：%s按“%s”计，目录中%s（%s）按“%s”计，请选择单位相同的物品".formatted(row.name(), row.unit(),
                  item.code(), describe(item), item.unit()),
              "unit %s of %s does not match unit %s of %s".formatted(row.unit(), row.name(), item.unit(), item.code()));
        }
        checked.add(new Mapping(row.line(), row.name(), row.spec(), row.unit(), row.category(), EXISTING, item.code()));
      } else {
        throw field.refuse("入库方式只能是“作为新物品建档”或“对应目录中已有物品”", "choice must be new or existing");
      }
    }
    return checked;
  }

  /** The stored rows (after {@link #check}); empty when there are none. */
  static List<Mapping> stored(VariableScope scope) {
    return rows(scope.getVariable(NEW_ITEM_MAPPINGS));
  }

  /** The rows of a {@code newItemMappings} value (a variable's, or its history's); empty when there is none. */
  static List<Mapping> rows(Object value) {
    JsonNode node = JsonVariable.read(value, NEW_ITEM_MAPPINGS, LABEL);
    List<Mapping> rows = new ArrayList<>();
    if (node != null) {
      for (JsonNode row : node) {
        rows.add(JsonVariable.MAPPER.convertValue(row, Mapping.class));
      }
    }
    return rows;
  }

  static Optional<Mapping> forLine(List<Mapping> rows, int line) {
    return rows.stream().filter(row -> row.line() == line).findFirst();
  }

  private static String describe(Item item) {
    return item.spec() == null || item.spec().isBlank() ? item.name() : item.name() + " " + item.spec();
  }
}
