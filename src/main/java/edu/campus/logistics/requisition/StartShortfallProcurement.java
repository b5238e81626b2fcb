package edu.campus.logistics.requisition;

import static edu.campus.logistics.requisition.RequisitionVariables.PROCUREMENT_KEY;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_StartProcurement} (缺货发起采购): starts a real {@code procurement} for what is still
 * owed ({@link ShortfallProcurement}), with the requisition's number in its reason; the requisition
 * keeps the procurement's number in {@code procurementKey} and waits for stock.
 */
@Component("startShortfallProcurement")
public class StartShortfallProcurement implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    List<Map<String, Object>> items = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (RequisitionLine line : RequisitionCase.of(execution).lines()) {
      if (line.outstanding().signum() > 0) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("itemCode", line.itemCode());
        item.put("quantity", line.outstanding());
        item.put("unitPrice", line.unitCost());
        items.add(item);
        names.add(line.name());
      }
    }
    execution.setVariable(PROCUREMENT_KEY, ShortfallProcurement.start(execution, items,
        "物品领用 %s 缺货补充采购：%s".formatted(execution.getProcessBusinessKey(), String.join("、", names))));
  }
}
