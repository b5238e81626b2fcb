package edu.campus.logistics.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import edu.campus.logistics.CampusTest;
import edu.campus.logistics.demo.DemoData;
import edu.campus.logistics.ledger.LedgerService;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;

@CampusTest
class IdentitySetupTest {

  @Autowired
  IdentityService identityService;
  @Autowired
  AuthorizationService authorizationService;
  @Autowired
  FilterService filterService;
  @Autowired
  TaskService taskService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  RepositoryService repositoryService;
  @Autowired
  LedgerService ledger;
  @Autowired
  IdentitySetup identitySetup;
  @Autowired
  TasklistFilters tasklistFilters;
  @Autowired
  DemoData demoData;

  @AfterEach
  void logout() {
    identityService.clearAuthentication();
  }

  @Test
  void everyGroupOfTheSpecExistsWithItsChineseNameAndAtLeastOneDemoMember() {
    for (CampusGroup campusGroup : CampusGroup.values()) {
      Group group = identityService.createGroupQuery().groupId(campusGroup.id()).singleResult();
      assertThat(group).as(campusGroup.id()).isNotNull();
      assertThat(group.getName()).isEqualTo(campusGroup.displayName());
      assertThat(identityService.createUserQuery().memberOfGroup(campusGroup.id()).count()).as(campusGroup.id()).isPositive();
    }
    assertThat(identityService.checkPassword("wangfang", "wangfang")).isTrue();
    assertThat(identityService.checkPassword("wangfang", "wrong")).isFalse();
    assertThat(identityService.createGroupQuery().groupMember("admin").groupId(CampusGroup.CAMUNDA_ADMIN).count()).isOne();
  }

  @Test
  void aStaffMemberCannotSeeOrClaimThePrincipalsTask() {
    String key = "test-principal-task";
    repositoryService.createDeployment().addModelInstance(key + ".bpmn", Bpmn.createExecutableProcess(key)
        .camundaHistoryTimeToLive(1).startEvent().userTask("Task_PrincipalDecides").camundaCandidateGroups("principal")
        .endEvent().done()).deploy();
    String instanceId = runtimeService.startProcessInstanceByKey(key).getId();
    Task task = taskService.createTaskQuery().processInstanceId(instanceId).singleResult();

    loginAs("zhangwei");
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isZero();
    assertThat(taskService.createTaskQuery().taskCandidateGroup("principal").count()).isZero();
    assertThatThrownBy(() -> taskService.claim(task.getId(), "zhangwei"))
        .isInstanceOf(AuthorizationException.class).hasMessageContaining("zhangwei");

    loginAs("lijianguo");
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isOne();
    taskService.claim(task.getId(), "lijianguo");
    assertThat(taskService.createTaskQuery().taskAssignee("lijianguo").taskId(task.getId()).count()).isOne();
  }

  @Test
  void startRightsFollowTheAccessPolicy() {
    String stocktake = ProcessKeys.STOCKTAKE;
    assertThat(canStart("zhangwei", stocktake)).isFalse();
    assertThat(canStart("wuxiaohong", stocktake)).as("storekeepers count stocktakes, they do not start them").isFalse();
    assertThat(canStart("gaoming", stocktake)).isTrue();
    assertThat(canStart("zhangwei", ProcessKeys.PROCUREMENT)).isTrue();
    assertThat(canStart("zhangwei", ProcessKeys.REPAIR)).isTrue();
    assertThat(canStart("zhangwei", ProcessKeys.DAMAGE_COMPENSATION)).isFalse();
    assertThat(canStart("linna", ProcessKeys.DAMAGE_COMPENSATION)).isFalse();

    // and for real: someone outside every group cannot start even the procurement
    if (identityService.createUserQuery().userId("visitor").count() == 0) {
      User visitor = identityService.newUser("visitor");
      visitor.setFirstName("访客");
      visitor.setPassword("visitor-Pass-1");
      identityService.saveUser(visitor);
    }
    identityService.setAuthentication("visitor", List.of());
    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(ProcessKeys.PROCUREMENT))
        .isInstanceOf(AuthorizationException.class);
  }

  @Test
  void tasklistFiltersAreSharedPerGroup() {
    loginAs("wangfang");
    List<String> wangfangSees = filterService.createFilterQuery().listPage(0, 100).stream().map(Filter::getName).toList();
    assertThat(wangfangSees).contains(TasklistFilters.MY_TODO, TasklistFilters.MY_TASKS, TasklistFilters.MY_GROUP_TASKS,
        TasklistFilters.queueName(CampusGroup.GENERAL_AFFAIRS));

    loginAs("zhangwei");
    List<String> zhangweiSees = filterService.createFilterQuery().listPage(0, 100).stream().map(Filter::getName).toList();
    assertThat(zhangweiSees).contains(TasklistFilters.MY_TASKS, TasklistFilters.MY_GROUP_TASKS)
        .doesNotContain(TasklistFilters.queueName(CampusGroup.GENERAL_AFFAIRS));
  }

  @Test
  void runningTheSetupAgainDuplicatesAndResetsNothing() throws Exception {
    long groups = identityService.createGroupQuery().count();
    long users = identityService.createUserQuery().count();
    long authorizations = authorizationService.createAuthorizationQuery().count();
    long filters = filterService.createFilterQuery().count();
    long entries = ledger.entries("OFF-A4").size();

    identitySetup.run(new DefaultApplicationArguments());
    tasklistFilters.run(new DefaultApplicationArguments());
    demoData.run(new DefaultApplicationArguments());

    assertThat(identityService.createGroupQuery().count()).isEqualTo(groups);
    assertThat(identityService.createUserQuery().count()).isEqualTo(users);
    assertThat(authorizationService.createAuthorizationQuery().count()).isEqualTo(authorizations);
    assertThat(filterService.createFilterQuery().count()).isEqualTo(filters);
    assertThat(ledger.entries("OFF-A4")).hasSize((int) entries);
  }

  private boolean canStart(String userId, String processKey) {
    identityService.clearAuthentication();
    List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    return authorizationService.isUserAuthorized(userId, groups, ProcessDefinitionPermissions.CREATE_INSTANCE,
        Resources.PROCESS_DEFINITION, processKey)
        && authorizationService.isUserAuthorized(userId, groups, Permissions.CREATE, Resources.PROCESS_INSTANCE);
  }

  @Test
  void myTodoOpensFirstWithMyTasksAndMyGroupsUnclaimedOnes() {
    identityService.clearAuthentication();
    Task mine = standaloneTask("已分配给王芳", task -> task.setAssignee("wangfang"), null);
    Task waiting = standaloneTask("总务主任组待认领", task -> { }, CampusGroup.GENERAL_AFFAIRS.id());
    Task claimedByAnother = standaloneTask("总务主任组已被他人认领", task -> task.setAssignee("lijianguo"),
        CampusGroup.GENERAL_AFFAIRS.id());
    Task otherGroup = standaloneTask("校长组待认领", task -> { }, CampusGroup.PRINCIPAL.id());
    Task offeredToHer = standaloneTask("值班：交给王芳本人", task -> { }, null);
    taskService.addCandidateUser(offeredToHer.getId(), "wangfang");
    Task offeredToAnother = standaloneTask("值班：交给李建国本人", task -> { }, null);
    taskService.addCandidateUser(offeredToAnother.getId(), "lijianguo");
    try {
      loginAs("wangfang");
      List<Filter> filters = filterService.createFilterQuery().listPage(0, 100).stream()
          .sorted(java.util.Comparator.comparingInt(filter -> ((Number) filter.getProperties().get("priority")).intValue()))
          .toList();
      assertThat(filters.get(0).getName()).as("the filter Tasklist opens first").isEqualTo(TasklistFilters.MY_TODO);
      List<String> todo = filterService.<Task>listPage(filters.get(0).getId(), 0, 1000).stream().map(Task::getId)
          .toList();
      assertThat(todo).contains(mine.getId(), waiting.getId(), offeredToHer.getId())
          .doesNotContain(claimedByAnother.getId(), otherGroup.getId(), offeredToAnother.getId());
    } finally {
      identityService.clearAuthentication();
      List.of(mine, waiting, claimedByAnother, otherGroup, offeredToHer, offeredToAnother)
          .forEach(task -> taskService.deleteTask(task.getId(), true));
    }
  }

  private Task standaloneTask(String name, java.util.function.Consumer<Task> assign, String candidateGroup) {
    Task task = taskService.newTask();
    task.setName(name);
    assign.accept(task);
    taskService.saveTask(task);
    if (candidateGroup != null) {
      taskService.addCandidateGroup(task.getId(), candidateGroup);
    }
    return task;
  }

  private void loginAs(String userId) {
    identityService.clearAuthentication();
    identityService.setAuthentication(userId,
        Arrays.asList(identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toArray(String[]::new)));
  }
}
