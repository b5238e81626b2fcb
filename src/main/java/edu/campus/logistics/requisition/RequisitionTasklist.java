package edu.campus.logistics.requisition;

import static edu.campus.logistics.requisition.RequisitionVariables.DEPARTMENT;
import static edu.campus.logistics.requisition.RequisitionVariables.SHORTAGE_TEXT;
import static edu.campus.logistics.requisition.RequisitionVariables.USE_LOCATION;

import edu.campus.logistics.identity.CampusGroup;
import edu.campus.logistics.identity.ProcessKeys;
import edu.campus.logistics.identity.ProcessTasklist;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** What an approver or the storekeeper sees of a requisition on its task card, and the storekeeper's queue. */
@Component
@Order(3)
class RequisitionTasklist implements ProcessTasklist {

  /** The storekeeper's queue: requisitions to issue. */
  static final String REQUISITIONS_TO_ISSUE = "待发放的领用";

  @Override
  public Map<String, String> cardVariables() {
    Map<String, String> variables = new LinkedHashMap<>();
    variables.put(DEPARTMENT, "部门");
    variables.put(USE_LOCATION, "使用地点");
    variables.put(SHORTAGE_TEXT, "缺货");
    return variables;
  }

  @Override
  public List<Filter> filters(TaskService taskService) {
    return List.of(new Filter(REQUISITIONS_TO_ISSUE, "已审批待发放的物品领用，以及缺货后等待补发的领用", -4, "#0d9488",
        taskService.createTaskQuery().processDefinitionKey(ProcessKeys.REQUISITION)
            .taskDefinitionKey(RequisitionActivities.ISSUE_GOODS),
        List.of(CampusGroup.WAREHOUSE.id())));
  }
}
