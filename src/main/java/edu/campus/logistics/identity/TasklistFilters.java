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
 * The shared Tasklist filters: "我的待办" (opened first: assigned to me, offered to me in person or
 * waiting unclaimed in one of my groups), "我的任务", "我组的任务" and one queue per working group, and the
 * filters the processes add ({@link ProcessTasklist}), each showing the business variables the
 * processes name for their cards. Created once, identified by name; never reset.
 */
@Component
@Order(20)
public class TasklistFilters implements ApplicationRunner {

  public static final String MY_TODO = "我的待办";
  public static final String MY_TASKS = "我的任务";
  public static final String MY_GROUP_TASKS = "我组的任务";

  private final FilterService filterService;
  private final TaskService taskService;
  private final AuthorizationService authorizationService;
  private final List<ProcessTasklist> processes;

  public TasklistFilters(FilterService filterService, TaskService taskService,
                         AuthorizationService authorizationService, List<ProcessTasklist> processes) {
    this.filterService = filterService;
    this.taskService = taskService;
    this.authorizationService = authorizationService;
    this.processes = processes;
  }

  @Override
  public void run(ApplicationArguments args) {
    List<String> everyone = java.util.Arrays.stream(CampusGroup.values()).map(CampusGroup::id).toList();
    // first in the list, so Tasklist opens it: what is mine to do, claimed, offered to me in person (the duty
    // roster's) or waiting in my groups (issue 11)
    ensure(MY_TODO, "分配给我的、交给我本人认领的和我所在组待认领的任务", -30, "#dc2626",
        taskService.createTaskQuery().or().taskAssigneeExpression("${currentUser()}")
            .taskCandidateUserExpression("${currentUser()}")
            .taskCandidateGroupInExpression("${currentUserGroups()}").endOr(), everyone);
    ensure(MY_TASKS, "分配给我的任务", -20, "#2563eb",
        taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"), everyone);
    ensure(MY_GROUP_TASKS, "我所在组的待认领任务", -10, "#16a34a",
        taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").taskUnassigned(),
        everyone);
    for (ProcessTasklist process : processes) {
      for (ProcessTasklist.Filter filter : process.filters(taskService)) {
        ensure(filter.name(), filter.description(), filter.priority(), filter.color(), filter.query(), filter.readers());
      }
    }
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

  /** The card variables of every process, in the processes' order; a name two processes share appears once. */
  Map<String, String> cardVariables() {
    Map<String, String> variables = new LinkedHashMap<>();
    processes.forEach(process -> process.cardVariables().forEach(variables::putIfAbsent));
    return variables;
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
      properties.put("variables", cardVariables().entrySet().stream()
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
