package edu.campus.logistics.requisition;

import static edu.campus.logistics.requisition.RequisitionVariables.PROCUREMENT_KEY;

import edu.campus.logistics.identity.ProcessKeys;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * {@code Task_StartProcurement} (缺货发起采购): starts a real {@code procurement} for what is still
 * owed, in the storekeeper's command (so the storekeeper is its requester and the four-eyes rules of
 * procurement apply to them), with the requisition's number in its reason; the requisition keeps
 * the procurement's number in {@code procurementKey} and waits for stock. The variables are those
 * of procurement's start form (its contract, checked by the server as for any start).
 */
@Component("startShortfallProcurement")
public class StartShortfallProcurement implements JavaDelegate {

  static final int NEEDED_IN_DAYS = 14;
  static final String DEPARTMENT = "仓库";
  private static final BigDecimal LOWEST_PRICE = new BigDecimal("0.01");

  @Override
  public void execute(DelegateExecution execution) {
    List<Map<String, Object>> items = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (RequisitionLine line : RequisitionCase.of(execution).lines()) {
      if (line.outstanding().signum() > 0) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("name", line.name());
        item.put("spec", line.spec());
        item.put("category", line.category());
        item.put("unit", line.unit());
        item.put("quantity", line.outstanding());
        item.put("unitPrice", line.unitCost() == null ? LOWEST_PRICE : line.unitCost().max(LOWEST_PRICE));
        items.add(item);
        names.add(line.name());
      }
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put("department", DEPARTMENT);
    variables.put("neededBy", ClockUtil.getCurrentTime().toInstant().atZone(ZoneId.systemDefault()).toLocalDate()
        .plusDays(NEEDED_IN_DAYS).toString());
    variables.put("reason", "物品领用 %s 缺货补充采购：%s".formatted(execution.getProcessBusinessKey(), String.join("、", names)));
    variables.put("items", SpinValues.jsonValue(RequisitionCase.json(items)).create());
    ProcessInstance procurement = execution.getProcessEngineServices().getRuntimeService()
        .startProcessInstanceByKey(ProcessKeys.PROCUREMENT, variables);
    execution.setVariable(PROCUREMENT_KEY, procurement.getBusinessKey());
  }
}
