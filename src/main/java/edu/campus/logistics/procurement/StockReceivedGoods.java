package edu.campus.logistics.procurement;

import static edu.campus.logistics.procurement.ProcurementVariables.ASSET_TAGS;
import static edu.campus.logistics.procurement.ProcurementVariables.DEPARTMENT;
import static edu.campus.logistics.procurement.ProcurementVariables.NEW_ITEM_MAPPINGS;
import static edu.campus.logistics.procurement.ProcurementVariables.STOCKED_LINES;
import static edu.campus.logistics.procurement.ProcurementVariables.STOCK_VOUCHER;
import static edu.campus.logistics.procurement.ProcurementVariables.STOREKEEPER_ID;
import static edu.campus.logistics.procurement.ProcurementVariables.STORAGE_LOCATION;

import edu.campus.logistics.cases.LedgerVouchers;
import edu.campus.logistics.cases.JsonVariable;
import edu.campus.logistics.cases.Values;
import edu.campus.logistics.ledger.Asset;
import edu.campus.logistics.ledger.AssetRegister;
import edu.campus.logistics.ledger.FixedAssets;
import edu.campus.logistics.ledger.Item;
import edu.campus.logistics.ledger.LedgerEntry;
import edu.campus.logistics.ledger.LedgerService;
import edu.campus.logistics.ledger.NewAssets;
import edu.campus.logistics.ledger.Posting;
import edu.campus.logistics.ledger.StockLine;
import edu.campus.logistics.ledger.Voucher;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Stocking 入库 ({@code Task_StockGoods}): one RECEIPT entry per accepted line at the price paid, to
 * the line's catalogue item (a new-item line: the item the storekeeper mapped it to, or the new item
 * they confirmed, registered now),
 * and an asset card per unit for lines at or above the fixed-asset threshold, custodian the
 * requester, location the storage location or else the requester's department. Runs after an
 * async save point in the engine's transaction; the voucher makes a retried job post nothing twice.
 */
@Component("stockReceivedGoods")
public class StockReceivedGoods implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(StockReceivedGoods.class);

  private final LedgerService ledger;
  private final AssetRegister assets;
  private final FixedAssets fixedAssets;

  public StockReceivedGoods(LedgerService ledger, AssetRegister assets, FixedAssets fixedAssets) {
    this.ledger = ledger;
    this.assets = assets;
    this.fixedAssets = fixedAssets;
  }

  /**
   * The catalogue item a purchase line posts to: its own code; for a new-item line the storekeeper's
   * choice — the mapped item, or the new item registered now (found again by name and spec when a
   * retried job or a second line of the same new item registers it once more). A new-item line
   * without a choice (a case stocked before the catalogue picker existed) is found or registered by
   * name and spec as before.
   */
  private Item itemOf(RequestLine line, int lineNo, List<NewItemMappings.Mapping> mappings) {
    if (line.itemCode() != null) {
      return ledger.findItem(line.itemCode())
          .orElseThrow(() -> new IllegalStateException("purchase line " + lineNo + ": unknown item " + line.itemCode()));
    }
    NewItemMappings.Mapping mapping = NewItemMappings.forLine(mappings, lineNo).orElse(null);
    if (mapping != null && NewItemMappings.EXISTING.equals(mapping.choice())) {
      return ledger.findItem(mapping.itemCode())
          .orElseThrow(() -> new IllegalStateException("purchase line " + lineNo + ": unknown item " + mapping.itemCode()));
    }
    return ledger.findOrRegisterItem(line.name(), line.spec(), line.unit(), line.category());
  }

  @Override
  public void execute(DelegateExecution execution) {
    ProcurementCase procurement = ProcurementCase.of(execution);
    List<RequestLine> bought = procurement.purchaseItems();
    List<AcceptedLine> accepted = procurement.acceptedQuantities();
    List<StockLine> lines = new ArrayList<>();
    List<Item> posted = new ArrayList<>();
    List<NewItemMappings.Mapping> mappings = NewItemMappings.stored(execution);
    List<NewItemMappings.Mapping> registered = new ArrayList<>();
    for (int i = 0; i < bought.size(); i++) {
      RequestLine line = bought.get(i);
      BigDecimal quantity = accepted.get(i).accepted();
      if (quantity.signum() > 0) {
        Item item = itemOf(line, i + 1, mappings);
        if (line.itemCode() == null) {
          registered.add(new NewItemMappings.Mapping(i + 1, line.name(), line.spec(), line.unit(), line.category(),
              NewItemMappings.forLine(mappings, i + 1).map(NewItemMappings.Mapping::choice).orElse(NewItemMappings.NEW),
              item.code()));
        }
        lines.add(StockLine.of(item.code(), quantity, line.unitPrice()));
        posted.add(item);
      }
    }
    Voucher voucher = LedgerVouchers.forStep(execution, procurement.text(STOREKEEPER_ID), "round" + procurement.purchaseRound());
    Posting posting = ledger.receive(voucher, lines);
    String custodian = procurement.requesterId();
    String location = procurement.text(STORAGE_LOCATION) != null
        ? procurement.text(STORAGE_LOCATION) : procurement.text(DEPARTMENT);
    LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
    List<String> tags = new ArrayList<>();
    List<Map<String, Object>> stocked = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      StockLine line = lines.get(i);
      LedgerEntry entry = posting.entries().get(i);
      if (fixedAssets.isFixedAsset(line.unitCost())) {
        List<Asset> cards = assets.register(voucher, new NewAssets(i + 1, line.itemCode(),
            line.quantity().intValueExact(), line.unitCost(), location, custodian, today));
        cards.forEach(card -> tags.add(card.tag()));
      }
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("itemCode", line.itemCode());
      row.put("name", posted.get(i).name());
      row.put("spec", posted.get(i).spec());
      row.put("unit", posted.get(i).unit());
      row.put("quantity", line.quantity());
      row.put("unitPrice", line.unitCost());
      row.put("balanceAfter", entry.balanceAfter());
      stocked.add(row);
    }
    // the storekeeper's choices with the code each new-item line was stocked to
    Values.setIfChanged(execution, NEW_ITEM_MAPPINGS, JsonVariable.write(registered));
    execution.setVariable(STOCK_VOUCHER, voucher.key());
    execution.setVariable(STOCKED_LINES, JsonVariable.write(stocked));
    execution.setVariable(ASSET_TAGS, JsonVariable.write(tags));
    LOG.info("Procurement {} stocked with voucher {} ({} lines, {} asset cards{})", execution.getProcessInstanceId(),
        voucher.key(), lines.size(), tags.size(), posting.repeated() ? ", repeated" : "");
  }
}
