package edu.campus.logistics.repair;

import static edu.campus.logistics.repair.RepairVariables.CAUSE;
import static edu.campus.logistics.repair.RepairVariables.DAMAGE_REPORTED;
import static edu.campus.logistics.repair.RepairVariables.DISPATCH_MODE;
import static edu.campus.logistics.repair.RepairVariables.PARTS_USED;
import static edu.campus.logistics.repair.RepairVariables.REPAIR_COST;
import static edu.campus.logistics.repair.RepairVariables.TECHNICIAN;
import static edu.campus.logistics.repair.RepairVariables.WORK_DONE;

import com.fasterxml.jackson.core.JsonProcessingException;
import edu.campus.logistics.ledger.LedgerService;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener of Task_RepairWork (维修作业; {@link OfferParts} offers the stock items): checks the
 * record — work done, cause, parts (known item codes, positive quantities, each item once), cost —
 * and stores {@code partsUsed} as a JSON list for Task_PostPartsUsed. The technician on record is
 * whoever completed the work, also after a reassignment.
 */
@Component("recordRepairWork")
public class RecordRepairWork implements TaskListener {

  static final int MAX_PART_LINES = 20;
  static final BigDecimal MAX_PART_QUANTITY = new BigDecimal("1000");
  static final BigDecimal MAX_REPAIR_COST = new BigDecimal("1000000");

  private final LedgerService ledger;

  public RecordRepairWork(LedgerService ledger) {
    this.ledger = ledger;
  }

  @Override
  public void notify(DelegateTask task) {
    Inputs.requiredText(task, WORK_DONE, "维修内容", 1000);
    String cause = Inputs.oneOf(task, CAUSE, "损坏原因", Choice.CAUSES);
    task.setVariable(PARTS_USED, JsonVariable.write(parts(task.getVariable(PARTS_USED))));
    Inputs.amount(task, REPAIR_COST, "维修费用", BigDecimal.ZERO, MAX_REPAIR_COST, true);
    if (Choice.CAUSE_DAMAGE.equals(cause)) {
      task.setVariable(DAMAGE_REPORTED, true);
    }
    if (Choice.DISPATCH_TECHNICIAN.equals(task.getVariable(DISPATCH_MODE)) && task.getAssignee() != null) {
      task.setVariable(TECHNICIAN, task.getAssignee());
    }
  }

  private List<PartUsed> parts(Object raw) {
    List<PartUsed> parts;
    try {
      parts = JsonVariable.readList(raw, PartUsed.class);
    } catch (JsonProcessingException | IllegalArgumentException malformed) {
      throw Inputs.refuse("所用配件格式不正确，应为 [{itemCode, quantity}] / partsUsed must be a JSON list of {itemCode, quantity}");
    }
    if (parts.size() > MAX_PART_LINES) {
      throw Inputs.refuse("所用配件最多" + MAX_PART_LINES + "行 / at most " + MAX_PART_LINES + " part lines");
    }
    Map<String, PartUsed> byCode = new LinkedHashMap<>();
    for (PartUsed part : parts) {
      if (part == null || part.itemCode() == null || part.itemCode().isBlank()) {
        throw Inputs.refuse("每行配件都要选择物品 / every part line needs an item code");
      }
      String code = part.itemCode().trim();
      if (ledger.findItem(code).isEmpty()) {
        throw Inputs.refuse("物品编码 " + code + " 不在库存目录中 / unknown item code: " + code);
      }
      BigDecimal quantity = part.quantity();
      if (quantity == null || quantity.signum() <= 0 || quantity.compareTo(MAX_PART_QUANTITY) > 0
          || quantity.stripTrailingZeros().scale() > 3) {
        throw Inputs.refuse(code + " 的数量须大于0且不超过" + MAX_PART_QUANTITY + " / quantity of " + code
            + " must be positive and at most " + MAX_PART_QUANTITY);
      }
      if (byCode.putIfAbsent(code, new PartUsed(code, quantity)) != null) {
        throw Inputs.refuse(code + " 重复填写，请合并为一行 / " + code + " appears twice");
      }
    }
    return List.copyOf(byCode.values());
  }
}
