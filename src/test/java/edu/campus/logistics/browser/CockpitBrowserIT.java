package edu.campus.logistics.browser;

import static org.assertj.core.api.Assertions.assertThat;

import edu.campus.logistics.OpenTasks;
import edu.campus.logistics.identity.CampusGroup;
import edu.campus.logistics.identity.ProcessKeys;
import edu.campus.logistics.notifications.NotificationIncidents;
import edu.campus.logistics.procurement.ProcurementActivities;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The head of logistics watches the processes in Cockpit: procurement and repair are listed and
 * drawn with their Chinese names, the Human Tasks page counts open tasks per group, and a case's
 * incidents say what failed in words. (The KPI page is LogisticsKpiBrowserIT's.)
 */
@BrowserTest
class CockpitBrowserIT {

  @Autowired
  private RepositoryService repositoryService;
  @Autowired
  private ProcessEngine processEngine;

  @Test
  void logisticsHeadSeesProcurementAndRepairDrawn(Browser browser) {
    ProcessDefinition procurement = latest(ProcessKeys.PROCUREMENT);
    ProcessDefinition repair = latest(ProcessKeys.REPAIR);

    CockpitPage cockpit = CockpitPage.login(browser, "gaoming").openProcesses();
    browser.step("cockpit-processes");
    assertThat(cockpit.processNames()).contains(procurement.getName(), repair.getName());
    assertThat(Webapp.eolBannerVisible(browser)).isFalse();

    ProcessDiagram diagram = cockpit.openProcess(procurement.getName());
    DocsImages.publish(browser.step("cockpit-procurement-diagram"), "cockpit-process.png");
    assertThat(diagram.shapeIds()).contains("StartEvent_PurchaseRequested", "Task_ApproveRequest", "Task_StockGoods");
    assertThat(diagram.label("Task_ApproveRequest")).isEqualTo("审批采购申请");
    assertThat(diagram.label("Task_StockGoods")).isEqualTo("登记入库台账与资产卡片");

    ProcessDiagram repairDiagram = cockpit.openProcesses().openProcess(repair.getName());
    browser.step("cockpit-repair-diagram");
    assertThat(repairDiagram.shapeIds()).contains("StartEvent_RepairReported", "Task_DispatchRepair");
    assertThat(repairDiagram.label("Task_DispatchRepair")).isEqualTo("受理派工");
    assertThat(Webapp.eolBannerVisible(browser)).isFalse();
  }

  /** Issue 11: the Human Tasks page needs READ on every task for its count per group; without it, a red error. */
  @Test
  void logisticsHeadOpensHumanTasksWithoutAnError(Browser browser) {
    new OpenTasks(processEngine).openAt(ProcurementActivities.APPROVE_REQUEST);
    CockpitPage cockpit = CockpitPage.login(browser, "gaoming");
    String page = cockpit.openHumanTasks();
    browser.step("cockpit-human-tasks");
    assertThat(page).doesNotContain("无法获取");
    assertThat(cockpit.tasksPerGroup()).as("open tasks counted per candidate group, the group named in words")
        .containsKey(CampusGroup.GENERAL_AFFAIRS.displayName())
        .doesNotContainKey(CampusGroup.GENERAL_AFFAIRS.id());
  }

  /**
   * A case with a job that failed for good and a notification that could not be sent: the head of
   * logistics reads both incidents' types in words (作业失败, 通知发送失败), not Cockpit's "Failed Job" or
   * the engine's code.
   */
  @Test
  void logisticsHeadReadsIncidentsInWords(Browser browser) {
    Task approval = new OpenTasks(processEngine).openAt(ProcurementActivities.APPROVE_REQUEST);
    ManagementService management = processEngine.getManagementService();
    // the approval's reminder timer, out of retries: the engine's own failed-job incident
    Job reminder = management.createJobQuery().processInstanceId(approval.getProcessInstanceId()).timers().list().get(0);
    management.setJobRetries(reminder.getId(), 0);
    processEngine.getRuntimeService().createIncident(NotificationIncidents.TYPE, approval.getExecutionId(),
        "notification:cockpit-test", "通知发送失败：邮件 邮件服务器未能发送");

    CockpitPage cockpit = CockpitPage.login(browser, "gaoming");
    List<List<String>> incidents = cockpit.incidents(approval.getProcessInstanceId(), 2);
    browser.step("cockpit-incidents");
    assertThat(incidents).containsExactlyInAnyOrder(List.of("作业失败", "（没有错误信息）"),
        List.of("通知发送失败", "通知发送失败：邮件 邮件服务器未能发送"));
    // the information panel: a case no other case started has no 上级流程实例
    assertThat(browser.visible(By.cssSelector("dd.super-process-instance-id")).getText().trim()).isEqualTo("空值");
    assertThat(browser.visibleText()).doesNotContain("null", "Message is", "Failed Job");
  }

  private ProcessDefinition latest(String key) {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult();
  }
}
