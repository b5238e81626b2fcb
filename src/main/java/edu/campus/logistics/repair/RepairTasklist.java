package edu.campus.logistics.repair;

import static edu.campus.logistics.repair.RepairVariables.CATEGORY;
import static edu.campus.logistics.repair.RepairVariables.FIRST_RESPONDER;
import static edu.campus.logistics.repair.RepairVariables.LOCATION;
import static edu.campus.logistics.repair.RepairVariables.URGENCY;

import edu.campus.logistics.identity.CampusGroup;
import edu.campus.logistics.identity.ProcessKeys;
import edu.campus.logistics.identity.ProcessTasklist;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The repair card variables and the first responder's filter of every open task of their cases (首问负责制). */
@Component
@Order(2)
public class RepairTasklist implements ProcessTasklist {

  /** Repair cases the current user owns as first responder: the owner of every task of the case. */
  public static final String MY_FIRST_RESPONSE_CASES = "我首问的报修";

  @Override
  public Map<String, String> cardVariables() {
    Map<String, String> variables = new LinkedHashMap<>();
    variables.put(LOCATION, "地点");
    variables.put(CATEGORY, "类别");
    variables.put(URGENCY, "紧急程度");
    variables.put(FIRST_RESPONDER, "首问负责人");
    return variables;
  }

  @Override
  public List<Filter> filters(TaskService taskService) {
    return List.of(new Filter(MY_FIRST_RESPONSE_CASES, "我作为首问负责人的报修：派工、维修、回访、督办、赔偿的全部待办", -5,
        "#ea580c", taskService.createTaskQuery().taskOwnerExpression("${currentUser()}")
            .processDefinitionKeyIn(ProcessKeys.REPAIR, ProcessKeys.DAMAGE_COMPENSATION),
        List.of(CampusGroup.LOGISTICS_STAFF.id())));
  }
}
