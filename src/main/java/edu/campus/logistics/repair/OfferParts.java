package edu.campus.logistics.repair;

import static edu.campus.logistics.repair.RepairVariables.PART_OPTIONS;

import edu.campus.logistics.cases.JsonVariable;
import edu.campus.logistics.ledger.Item;
import edu.campus.logistics.ledger.LedgerService;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Create listener of Task_RepairWork (维修作业): the stock items in stock, with their balance, for the parts on the form. */
@Component("offerParts")
public class OfferParts implements TaskListener {

  private final LedgerService ledger;

  public OfferParts(LedgerService ledger) {
    this.ledger = ledger;
  }

  @Override
  public void notify(DelegateTask task) {
    task.setVariableLocal(PART_OPTIONS, JsonVariable.write(ledger.items().stream()
        .filter(item -> item.quantity().signum() > 0).map(OfferParts::option).toList()));
  }

  private static Map<String, String> option(Item item) {
    String spec = item.spec() == null ? "" : " " + item.spec();
    return Map.of("label", item.name() + spec + "（库存 " + item.quantity().stripTrailingZeros().toPlainString() + " "
        + item.unit() + "）", "value", item.code());
  }
}
