package edu.campus.logistics.patrol;

import static edu.campus.logistics.patrol.PatrolVariables.AREA_NAME;
import static edu.campus.logistics.patrol.PatrolVariables.ROUND_NAME;

import edu.campus.logistics.identity.CampusGroup;
import edu.campus.logistics.identity.ProcessKeys;
import edu.campus.logistics.identity.ProcessTasklist;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The patrol and inspection cards (where, which round) and the filter of one's open rounds, own or the group's. */
@Component
@Order(3)
public class PatrolTasklist implements ProcessTasklist {

  /** Open patrol rounds and inspections of the current user: assigned to them or to one of their groups. */
  public static final String MY_ROUNDS = "我的巡查与检查";

  @Override
  public Map<String, String> cardVariables() {
    Map<String, String> variables = new LinkedHashMap<>();
    variables.put(AREA_NAME, "地点");
    variables.put(ROUND_NAME, "巡查/检查");
    return variables;
  }

  @Override
  public List<Filter> filters(TaskService taskService) {
    return List.of(new Filter(MY_ROUNDS, "分配给我或我所在组的日巡和定期检查任务，按截止时间办理", -4, "#0d9488",
        taskService.createTaskQuery().processDefinitionKeyIn(ProcessKeys.DAILY_PATROL, ProcessKeys.INSPECTION)
            .or().taskAssigneeExpression("${currentUser()}").taskCandidateGroupInExpression("${currentUserGroups()}")
            .endOr().orderByDueDate().asc(),
        List.of(CampusGroup.LOGISTICS_STAFF.id(), CampusGroup.TECHNICIANS.id(), CampusGroup.LOGISTICS_HEAD.id())));
  }
}
