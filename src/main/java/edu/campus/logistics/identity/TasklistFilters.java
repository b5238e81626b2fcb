package edu.campus.logistics.identity;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The shared Tasklist filters: "我的任务", "我组的任务" and one queue per working group, each showing the
 * business variables people decide on. Created once, identified by name; never reset.
 */
@Component
@Order(20)
public class TasklistFilters implements ApplicationRunner {

  public static final String MY_TASKS = "我的任务";
  public static final String MY_GROUP_TASKS = "我组的任务";
  /** Repair cases the current user owns as first responder (首问负责制): the owner of every task of the case. */
  public static final String MY_FIRST_RESPONSE_CASES = "我首问的报修";

  /** Business variables shown on task cards (name → label); a task shows those it has. */
  private static final Map<String, String> CARD_VARIABLES = new LinkedHashMap<>();

  static {
    CARD_VARIABLES.put("department", "部门");
    CARD_VARIABLES.put("reason", "事由");
    CARD_VARIABLES.put("totalAmount", "金额(元)");
    CARD_VARIABLES.put("neededBy", "需用日期");
    CARD_VARIABLES.put("location", "地点");
    CARD_VARIABLES.put("category", "类别");
    CARD_VARIABLES.put("urgency", "紧急程度");
    CARD_VARIABLES.put("firstResponder", "首问负责人");
  }

  private final FilterService filterService;
  private final TaskService taskService;
  private final AuthorizationService authorizationService;

  public TasklistFilters(FilterService filterService, TaskService taskService,
                         AuthorizationService authorizationService) {
    this.filterService = filterService;
    this.taskService = taskService;
    this.authorizationService = authorizationService;
  }

  @Override
  public void run(ApplicationArguments args) {
    List<String> everyone = java.util.Arrays.stream(CampusGroup.values()).map(CampusGroup::id).toList();
    ensure(MY_TASKS, "分配给我的任务", -20, "#2563eb",
        taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"), everyone);
    ensure(MY_GROUP_TASKS, "我所在组的待认领任务", -10, "#16a34a",
        taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").taskUnassigned(),
        everyone);
    ensure(MY_FIRST_RESPONSE_CASES, "我作为首问负责人的报修：派工、维修、回访、督办、赔偿的全部待办", -5, "#ea580c",
        taskService.createTaskQuery().taskOwnerExpression("${currentUser()}")
            .processDefinitionKeyIn(ProcessKeys.REPAIR, ProcessKeys.DAMAGE_COMPENSATION),
        List.of(CampusGroup.LOGISTICS_STAFF.id()));
    int priority = 0;
    for (CampusGroup group : CampusGroup.values()) {
      if (group == CampusGroup.STAFF || group == CampusGroup.PROCESS_OWNERS) {
        // everyone files requests; process owners deploy models: neither group is a task queue
        continue;
      }
      ensure(queueName(group), group.displayName() + "的全部任务（含已认领）", priority++, "#9333ea",
          taskService.createTaskQuery().taskCandidateGroup(group.id()).includeAssignedTasks(), List.of(group.id()));
    }
  }

  public static String queueName(CampusGroup group) {
    return "队列：" + group.displayName();
  }

  private void ensure(String name, String description, int priority, String color, TaskQuery query,
                      List<String> readers) {
    Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
    if (filter == null) {
      Map<String, Object> properties = new LinkedHashMap<>();
      properties.put("description", description);
      properties.put("priority", priority);
      properties.put("color", color);
      properties.put("refresh", true);
      properties.put("variables", CARD_VARIABLES.entrySet().stream()
          .map(variable -> Map.of("name", variable.getKey(), "label", variable.getValue())).toList());
      filter = filterService.newTaskFilter(name).setQuery(query).setProperties(properties);
      filterService.saveFilter(filter);
      for (String group : readers) {
        Authorization read = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
        read.setGroupId(group);
        read.setResource(Resources.FILTER);
        read.setResourceId(filter.getId());
        read.addPermission(Permissions.READ);
        authorizationService.saveAuthorization(read);
      }
    }
  }
}
