package edu.campus.logistics.requisition;

import static edu.campus.logistics.requisition.RequisitionVariables.REORDER_LINES;
import static edu.campus.logistics.requisition.RequisitionVariables.REORDER_NEEDED;

import edu.campus.logistics.cases.JsonVariable;
import edu.campus.logistics.identity.ProcessKeys;
import edu.campus.logistics.ledger.StockReservations;
import edu.campus.logistics.ledger.StockReservations.Availability;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_ListItemsUnderReorderLevel} (列出低于补货点的物品), run by the daily timer of
 * {@code stock-reorder}: every item whose available stock (on hand − reserved) is under its reorder
 * level, with a proposed quantity that brings it back to twice its level (whole units). While the
 * storekeeper has an earlier day's proposal still open, no second one is made: one task at a time.
 * At most {@value #MAX_LINES} items, those with the least left relative to their level first.
 */
@Component("listItemsUnderReorderLevel")
public class ListItemsUnderReorderLevel implements JavaDelegate {

  /** At most this many items in one proposal (a procurement takes 50 lines): the emptiest first. */
  static final int MAX_LINES = 50;

  private final StockReservations reservations;

  public ListItemsUnderReorderLevel(StockReservations reservations) {
    this.reservations = reservations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long openProposals = execution.getProcessEngineServices().getTaskService().createTaskQuery()
        .processDefinitionKey(ProcessKeys.STOCK_REORDER).taskDefinitionKey(RequisitionActivities.PROPOSE_PROCUREMENT)
        .count();
    List<Map<String, Object>> lines = new ArrayList<>();
    if (openProposals == 0) {
      List<Availability> under = reservations.underReorderLevel().stream()
          .sorted(Comparator.comparing((Availability entry) -> entry.available()
              .divide(entry.item().reorderLevel(), 6, RoundingMode.HALF_UP)).thenComparing(entry -> entry.item().code()))
          .limit(MAX_LINES).toList();
      for (Availability entry : under) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("itemCode", entry.item().code());
        line.put("name", entry.item().name());
        line.put("spec", entry.item().spec());
        line.put("unit", entry.item().unit());
        line.put("category", entry.item().category());
        line.put("onHand", entry.item().quantity().stripTrailingZeros());
        line.put("reserved", entry.reserved().stripTrailingZeros());
        line.put("available", entry.available().stripTrailingZeros());
        line.put("reorderLevel", entry.item().reorderLevel().stripTrailingZeros());
        line.put("proposedQuantity", entry.item().reorderLevel().multiply(BigDecimal.valueOf(2))
            .subtract(entry.available()).setScale(0, RoundingMode.CEILING));
        line.put("unitCost", entry.item().averageCost());
        lines.add(line);
      }
    }
    execution.setVariable(REORDER_LINES, JsonVariable.write(lines));
    execution.setVariable(REORDER_NEEDED, !lines.isEmpty());
  }
}
