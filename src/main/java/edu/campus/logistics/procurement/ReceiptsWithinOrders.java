package edu.campus.logistics.procurement;

import static edu.campus.logistics.procurement.ProcurementActivities.STOCK_GOODS;
import static edu.campus.logistics.procurement.ProcurementVariables.ITEMS;
import static edu.campus.logistics.procurement.ProcurementVariables.NEW_ITEM_MAPPINGS;

import com.fasterxml.jackson.databind.JsonNode;
import edu.campus.logistics.cases.JsonVariable;
import edu.campus.logistics.identity.ApplicationReads;
import edu.campus.logistics.ledger.LedgerService;
import edu.campus.logistics.ledger.LedgerService.ReceivedTotal;
import edu.campus.logistics.ledger.Reconciliation.Finding;
import edu.campus.logistics.ledger.ReconciliationCheck;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Component;

/**
 * 账实相符 for purchases: what a procurement case received into stock, per item over all its
 * receipts, is at most what its request ordered of that item: matched by item code — a catalogue line's
 * own, or the one the storekeeper mapped a new-item line to at stocking ({@code newItemMappings}) — and
 * for lines of older cases without codes by name and spec. A receipt above the order — goods nobody
 * approved — is reported by the reconciliation endpoint, not silently added up.
 */
@Component
public class ReceiptsWithinOrders implements ReconciliationCheck {

  /** Instances whose ordered lines are read in one history query. */
  private static final int BATCH = 500;
  /** Keys of ordered quantities by item code (name + spec keys contain a "|"). */
  private static final String CODE = "code:";

  private final LedgerService ledger;
  private final ProcessEngine engine;

  public ReceiptsWithinOrders(LedgerService ledger, ProcessEngine engine) {
    this.ledger = ledger;
    this.engine = engine;
  }

  @Override
  public List<Finding> findings() {
    List<ReceivedTotal> received = ledger.receivedTotals(STOCK_GOODS);
    Map<String, Map<String, BigDecimal>> ordered = ordered(received.stream().map(ReceivedTotal::processInstanceId)
        .distinct().toList());
    List<Finding> findings = new ArrayList<>();
    for (ReceivedTotal total : received) {
      Map<String, BigDecimal> lines = ordered.getOrDefault(total.processInstanceId(), Map.of());
      BigDecimal order = lines.containsKey(CODE + total.itemCode()) ? lines.get(CODE + total.itemCode())
          : lines.getOrDefault(key(total.name(), total.spec()), BigDecimal.ZERO);
      if (total.quantity().compareTo(order) > 0) {
        String got = total.quantity().stripTrailingZeros().toPlainString();
        String wanted = order.stripTrailingZeros().toPlainString();
        findings.add(new Finding("receipts-within-orders", total.processInstanceId() + "/" + total.itemCode(),
            total.businessKey(), "入库 %s 超过申购数量 %s（%s）/ received %s of %s, ordered %s".formatted(got, wanted,
                total.name(), got, total.itemCode(), wanted)));
      }
    }
    return findings;
  }

  /**
   * Ordered quantity per instance and item (name + spec), from each request's latest item lines. Read
   * without the caller's authorizations: the check covers every case, whoever asks for it.
   */
  private Map<String, Map<String, BigDecimal>> ordered(List<String> instances) {
    Map<String, Map<String, BigDecimal>> ordered = new HashMap<>();
    HistoryService history = engine.getHistoryService();
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    for (int from = 0; from < instances.size(); from += BATCH) {
      String[] batch = instances.subList(from, Math.min(instances.size(), from + BATCH)).toArray(String[]::new);
      List<HistoricVariableInstance> found = ApplicationReads.withoutAuthorization(configuration, () -> history
          .createHistoricVariableInstanceQuery().variableNameIn(ITEMS, NEW_ITEM_MAPPINGS).processInstanceIdIn(batch)
          .listPage(0, 2 * batch.length));
      Map<String, List<NewItemMappings.Mapping>> mappings = new HashMap<>();
      found.stream().filter(variable -> NEW_ITEM_MAPPINGS.equals(variable.getName())).forEach(variable ->
          mappings.put(variable.getProcessInstanceId(), NewItemMappings.rows(variable.getValue())));
      for (HistoricVariableInstance items : found) {
        if (!ITEMS.equals(items.getName())) {
          continue;
        }
        Map<String, BigDecimal> lines = ordered.computeIfAbsent(items.getProcessInstanceId(), id -> new HashMap<>());
        JsonNode requested = JsonVariable.read(items.getValue(), ITEMS, "物品清单");
        for (int i = 0; i < requested.size(); i++) {
          JsonNode line = requested.get(i);
          BigDecimal quantity = new BigDecimal(line.path("quantity").asText("0"));
          String code = line.hasNonNull("itemCode") ? line.get("itemCode").asText()
              : NewItemMappings.forLine(mappings.getOrDefault(items.getProcessInstanceId(), List.of()), i + 1)
                  .map(NewItemMappings.Mapping::itemCode).orElse(null);
          if (code != null) {
            lines.merge(CODE + code, quantity, BigDecimal::add);
          }
          lines.merge(key(line.path("name").asText(""), line.path("spec").asText("")), quantity, BigDecimal::add);
        }
      }
    }
    return ordered;
  }

  private static String key(String name, String spec) {
    return CatalogueLines.normal(name) + "|" + CatalogueLines.normal(spec);
  }
}
