package edu.campus.logistics.repair;

import static edu.campus.logistics.repair.RepairVariables.CAUSE;
import static edu.campus.logistics.repair.RepairVariables.DAMAGE_REPORTED;
import static edu.campus.logistics.repair.RepairVariables.DISPATCH_MODE;
import static edu.campus.logistics.repair.RepairVariables.PARTS_USED;
import static edu.campus.logistics.repair.RepairVariables.REPAIR_COST;
import static edu.campus.logistics.repair.RepairVariables.TECHNICIAN;

import edu.campus.logistics.cases.Values;
import edu.campus.logistics.cases.Refusal;
import edu.campus.logistics.cases.JsonVariable;
import edu.campus.logistics.ledger.Item;
import edu.campus.logistics.ledger.LedgerService;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task_RepairWork (维修作业): offers the stock items on the form and, on completion, checks the
 * record — work done, cause, parts (known item codes, positive quantities, each item once), cost —
 * and stores {@code partsUsed} as a JSON list for Task_PostPartsUsed. The technician on record is
 * whoever completed the work, also after a reassignment.
 */
@Component("recordRepairWork")
public class RecordRepairWork implements TaskListener {

  static final int MAX_PART_LINES = 20;

  private final LedgerService ledger;

  public RecordRepairWork(LedgerService ledger) {
    this.ledger = ledger;
  }

  @Override
  public void notify(DelegateTask task) {
    task.setVariable(PARTS_USED, JsonVariable.write(parts(task.getVariable(PARTS_USED))));
    Values.money(task, REPAIR_COST);
    if ("damage".equals(task.getVariable(CAUSE))) {
      task.setVariable(DAMAGE_REPORTED, true);
    }
    if ("technician".equals(task.getVariable(DISPATCH_MODE)) && task.getAssignee() != null) {
      task.setVariable(TECHNICIAN, task.getAssignee());
    }
  }

  private List<PartUsed> parts(Object raw) {
    List<PartUsed> parts = JsonVariable.readList(raw, PartUsed.class, PARTS_USED, "所用配件");
    if (parts.size() > MAX_PART_LINES) {
      throw Refusal.of("所用配件最多" + MAX_PART_LINES + "行", "at most " + MAX_PART_LINES + " part lines");
    }
    Map<String, PartUsed> byCode = new LinkedHashMap<>();
    for (PartUsed part : parts) {
      if (part == null || part.itemCode() == null || part.itemCode().isBlank()) {
        throw Refusal.of("每行配件都要选择物品", "every part line needs an item code");
      }
      String code = part.itemCode().trim();
      if (ledger.findItem(code).isEmpty()) {
        throw Refusal.of("物品编码 " + code + " 不在库存目录中", "unknown item code: " + code);
      }
      BigDecimal quantity = part.quantity();
      // the form's contract checked the range
      if (quantity.stripTrailingZeros().scale() > 3) {
        throw Refusal.of(code + " 的数量最多3位小数", "quantity of " + code + " has more than 3 decimals");
      }
      if (byCode.putIfAbsent(code, new PartUsed(code, quantity)) != null) {
        throw Refusal.of(code + " 重复填写，请合并为一行", code + " appears twice");
      }
    }
    return List.copyOf(byCode.values());
  }

}
