package edu.campus.logistics.duty;

import edu.campus.logistics.identity.CampusGroup;
import edu.campus.logistics.identity.ProcessTasklist;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The duty officer's and the duty leader's Tasklist filter: the tasks offered to them in person
 * (they are a candidate user, not only through a group) and not yet taken — an urgent report outside
 * working hours, an urgent feedback at night, a 督办 as duty leader.
 */
@Component
@Order(20)
public class DutyTasklist implements ProcessTasklist {

  public static final String MY_DUTY_TASKS = "我的值班任务";

  @Override
  public Map<String, String> cardVariables() {
    return Map.of();
  }

  @Override
  public List<Filter> filters(TaskService taskService) {
    return List.of(new Filter(MY_DUTY_TASKS, "值班时直接交给我的待认领任务（下班时间的紧急报修和紧急意见、值班督办）", -15, "#dc2626",
        taskService.createTaskQuery().taskInvolvedUserExpression("${currentUser()}").withCandidateUsers().taskUnassigned(),
        Arrays.stream(CampusGroup.values()).map(CampusGroup::id).toList()));
  }
}
