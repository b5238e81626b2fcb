package edu.campus.logistics.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import edu.campus.logistics.identity.CampusGroup;
import edu.campus.logistics.identity.ProcessKeys;
import edu.campus.logistics.identity.TasklistFilters;
import edu.campus.logistics.repair.RepairTasklist;
import edu.campus.logistics.repair.RepairVariables;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * A teacher reports a leaking tap through Tasklist; a logistics staff member claims the report from
 * the group's queue, becomes its first responder 首问负责人 and dispatches a technician.
 */
@BrowserTest
class RepairBrowserIT {

  private static final String PROCESS_NAME = "维修申报";
  private static final String TASK_DISPATCH = "受理派工";
  private static final String TASK_REPAIR_WORK = "维修作业";
  private static final String DISPATCH_REPAIR = "Task_DispatchRepair";
  private static final String REPAIR_WORK = "Task_RepairWork";
  // start form repair-start
  private static final String LOCATION = "报修地点（楼栋/房间）";
  private static final String CATEGORY = "报修类别";
  private static final String PLUMBING = "水";
  private static final String DESCRIPTION = "故障描述";
  private static final String URGENCY = "紧急程度";
  private static final String URGENT = "紧急（30 分钟内响应）";
  // dispatch form repair-dispatch
  private static final String DISPATCH_MODE = "派工方式";
  private static final String OWN_TECHNICIAN = "校内维修工";
  private static final String TECHNICIAN = "维修工";
  private static final String DISPATCH_NOTE = "派工说明 / 对报修人的服务承诺";

  private static final String LEAK = "三楼卫生间水龙头漏水";

  @Autowired
  private HistoryService historyService;
  @Autowired
  private TaskService taskService;
  @Autowired
  private Environment environment;

  @Test
  void leakingTapIsClaimedByItsFirstResponderAndDispatched(Browser browser) {
    String location = "教学楼三楼男卫生间 " + UUID.randomUUID().toString().substring(0, 8);

    // the report, through the start form
    TasklistPage reporter = TasklistPage.login(browser, "zhangwei");
    StartProcessDialog dialog = reporter.startProcess(PROCESS_NAME);
    CamundaForm report = dialog.form();
    report.fill(LOCATION, location).select(CATEGORY, PLUMBING).fill(DESCRIPTION, LEAK).choose(URGENCY, URGENT);
    report.awaitValid();
    dialog.awaitStartEnabled();
    DocsImages.publish(browser.step("repair-report-filled"), "tasklist-repair-report.png");
    dialog.start();
    browser.step("repair-reported");
    reporter.logout();

    String id = instanceAt(location).getId();
    assertThat(variable(id, RepairVariables.REPORTER_ID)).isEqualTo("zhangwei");
    assertThat(variable(id, RepairVariables.CATEGORY)).isEqualTo("plumbing");
    assertThat(variable(id, RepairVariables.URGENCY)).isEqualTo("urgent");
    assertThat(variable(id, RepairVariables.RESPONSE_DEADLINE)).as("SLA table: urgent → 30 minutes").isEqualTo("PT30M");
    CaseTasks tasks = new CaseTasks(taskService, id);
    String dispatchId = tasks.id(DISPATCH_REPAIR);

    // a logistics staff member takes it from the group's queue and becomes first responder
    TasklistPage staff = TasklistPage.login(browser, "zhengkai")
        .awaitTaskWithId(TasklistFilters.queueName(CampusGroup.LOGISTICS_STAFF), TASK_DISPATCH, dispatchId);
    browser.step("repair-in-logistics-queue");
    TaskPane dispatch = staff.openTaskWithId(TASK_DISPATCH, dispatchId);
    assertThat(dispatch.assignee()).isEmpty();
    assertThat(dispatch.form().text()).contains(location, LEAK);
    dispatch.claim();
    browser.step("repair-claimed");
    CampusApi api = new CampusApi(environment);
    // zhengkai may read the variables of his task, not of the whole process instance (no Cockpit rights)
    JsonNode firstResponder = api.get("/engine-rest/task/" + dispatchId + "/variables/"
        + RepairVariables.FIRST_RESPONDER, "zhengkai");
    assertThat(firstResponder.get("value").asText()).as("first responder through REST").isEqualTo("zhengkai");
    JsonNode asHead = api.get("/engine-rest/process-instance/" + id + "/variables/" + RepairVariables.FIRST_RESPONDER,
        "gaoming");
    assertThat(asHead.get("value").asText()).as("the head of logistics reads it from the case").isEqualTo("zhengkai");

    CamundaForm form = dispatch.form();
    form.choose(DISPATCH_MODE, OWN_TECHNICIAN).select(TECHNICIAN, "何军 (hejun)")
        .fill(DISPATCH_NOTE, "带水龙头配件上门，30 分钟内到场");
    form.awaitValid();
    DocsImages.publish(browser.step("repair-dispatch-filled"), "tasklist-repair-dispatch.png");
    dispatch.complete();
    browser.step("repair-dispatched");

    staff.awaitTaskWithId(RepairTasklist.MY_FIRST_RESPONSE_CASES, TASK_REPAIR_WORK, tasks.id(REPAIR_WORK));
    browser.step("repair-in-first-response-cases");
    staff.logout();

    Task work = tasks.await(REPAIR_WORK);
    assertThat(work.getAssignee()).isEqualTo("hejun");
    assertThat(work.getOwner()).as("the first responder owns the case's tasks").isEqualTo("zhengkai");
    assertThat(variable(id, RepairVariables.DISPATCH_MODE)).isEqualTo("technician");
    assertThat(variable(id, RepairVariables.TECHNICIAN)).isEqualTo("hejun");

    TasklistPage technician = TasklistPage.login(browser, "hejun")
        .awaitTaskWithId(TasklistFilters.MY_TASKS, TASK_REPAIR_WORK, work.getId());
    browser.step("repair-work-for-technician");
    assertThat(technician.openTaskWithId(TASK_REPAIR_WORK, work.getId()).form().text()).contains(LEAK);
  }

  private HistoricProcessInstance instanceAt(String location) {
    HistoricVariableInstance variable = historyService.createHistoricVariableInstanceQuery()
        .variableName(RepairVariables.LOCATION).variableValueEquals(RepairVariables.LOCATION, location).singleResult();
    assertThat(variable).as("a repair reported at " + location).isNotNull();
    HistoricProcessInstance instance = historyService.createHistoricProcessInstanceQuery()
        .processInstanceId(variable.getProcessInstanceId()).singleResult();
    assertThat(instance.getProcessDefinitionKey()).isEqualTo(ProcessKeys.REPAIR);
    assertThat(instance.getStartUserId()).isEqualTo("zhangwei");
    return instance;
  }

  private Object variable(String processInstanceId, String name) {
    HistoricVariableInstance variable = historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(processInstanceId).variableName(name).singleResult();
    assertThat(variable).as("variable " + name).isNotNull();
    return variable.getValue();
  }
}
