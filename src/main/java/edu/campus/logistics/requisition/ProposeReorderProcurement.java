package edu.campus.logistics.requisition;

import static edu.campus.logistics.requisition.RequisitionVariables.PROCUREMENT_KEY;
import static edu.campus.logistics.requisition.RequisitionVariables.REORDER_ACTION;
import static edu.campus.logistics.requisition.RequisitionVariables.REORDER_LINES;

import com.fasterxml.jackson.databind.JsonNode;
import edu.campus.logistics.cases.JsonVariable;
import edu.campus.logistics.cases.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completion of {@code Task_ProposeProcurement} (补货采购建议): when the storekeeper proposes it, a
 * real {@code procurement} starts with the listed items and proposed quantities, the storekeeper
 * as its requester, in the storekeeper's command; its number is kept in {@code procurementKey}.
 */
@Component("proposeReorderProcurement")
public class ProposeReorderProcurement implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    if (!"procure".equals(Values.text(task, REORDER_ACTION))) {
      return;
    }
    JsonNode lines = JsonVariable.read(task.getVariable(REORDER_LINES), REORDER_LINES, "补货明细");
    List<Map<String, Object>> items = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (JsonNode line : lines) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("itemCode", line.path("itemCode").asText());
      item.put("quantity", line.path("proposedQuantity").decimalValue());
      item.put("unitPrice", line.path("unitCost").decimalValue());
      items.add(item);
      names.add(line.path("name").asText());
    }
    String key = ShortfallProcurement.start(task.getExecution(), items,
        "低于补货点，补充库存：" + String.join("、", names));
    task.setVariable(PROCUREMENT_KEY, key);
  }

}
