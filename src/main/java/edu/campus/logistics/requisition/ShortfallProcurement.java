package edu.campus.logistics.requisition;

import edu.campus.logistics.identity.ProcessKeys;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * Starts a real {@code procurement} for goods the store lacks, with the variables of procurement's
 * start form (its contract, checked by the server as for any start): department 仓库, needed in two
 * weeks, the given reason and catalogue lines {itemCode, quantity, unitPrice} (procurement takes name,
 * spec, unit and category from the catalogue). Run in the
 * storekeeper's command, so the storekeeper is its requester and procurement's four-eyes rules
 * apply to them. Returns the procurement's case number (CG-…).
 */
final class ShortfallProcurement {

  static final int NEEDED_IN_DAYS = 14;
  static final String DEPARTMENT = "仓库";
  static final BigDecimal LOWEST_PRICE = new BigDecimal("0.01");

  private ShortfallProcurement() {
  }

  static String start(DelegateExecution execution, List<Map<String, Object>> items, String reason) {
    for (Map<String, Object> item : items) {
      Object price = item.get("unitPrice");
      item.put("unitPrice", price instanceof BigDecimal known && known.compareTo(LOWEST_PRICE) >= 0 ? known : LOWEST_PRICE);
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put("department", DEPARTMENT);
    variables.put("neededBy", ClockUtil.getCurrentTime().toInstant().atZone(ZoneId.systemDefault()).toLocalDate()
        .plusDays(NEEDED_IN_DAYS).toString());
    variables.put("reason", reason);
    variables.put("items", SpinValues.jsonValue(RequisitionCase.json(items)).create());
    ProcessInstance procurement = execution.getProcessEngineServices().getRuntimeService()
        .startProcessInstanceByKey(ProcessKeys.PROCUREMENT, variables);
    return procurement.getBusinessKey();
  }
}
