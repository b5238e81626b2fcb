package edu.campus.logistics.procurement;

import java.math.BigDecimal;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Create listener of Task_PurchaseGoods (采购): the buyer starts from the requested lines, or from
 * their own prices of the previous round when the goods are still the same (a delivery returned to
 * the supplier, an over-budget purchase approved again).
 */
@Component("preparePurchase")
public class PreparePurchase implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    ProcurementCase procurement = ProcurementCase.of(task);
    List<RequestLine> requested = procurement.items();
    List<RequestLine> previous = procurement.purchaseItemsOrNull();
    if (previous == null || !sameGoods(previous, requested)) {
      procurement.setPurchaseItems(requested);
    }
  }

  private static boolean sameGoods(List<RequestLine> bought, List<RequestLine> requested) {
    if (bought.size() != requested.size()) {
      return false;
    }
    for (int i = 0; i < bought.size(); i++) {
      if (!bought.get(i).withUnitPrice(BigDecimal.ONE).equals(requested.get(i).withUnitPrice(BigDecimal.ONE))) {
        return false;
      }
    }
    return true;
  }
}
