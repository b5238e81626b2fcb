package edu.campus.logistics.procurement;

import static edu.campus.logistics.procurement.ProcurementVariables.DEPARTMENT;
import static edu.campus.logistics.procurement.ProcurementVariables.NEEDED_BY;
import static edu.campus.logistics.procurement.ProcurementVariables.REASON;
import static edu.campus.logistics.procurement.ProcurementVariables.TOTAL_AMOUNT;

import edu.campus.logistics.identity.ProcessTasklist;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** What an approver, buyer or storekeeper sees of a request on its task card. */
@Component
@Order(1)
class ProcurementTasklist implements ProcessTasklist {

  @Override
  public Map<String, String> cardVariables() {
    Map<String, String> variables = new LinkedHashMap<>();
    variables.put(DEPARTMENT, "部门");
    variables.put(REASON, "事由");
    variables.put(TOTAL_AMOUNT, "金额(元)");
    variables.put(NEEDED_BY, "需用日期");
    return variables;
  }
}
