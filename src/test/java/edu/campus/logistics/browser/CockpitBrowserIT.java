package edu.campus.logistics.browser;

import static org.assertj.core.api.Assertions.assertThat;

import edu.campus.logistics.OpenTasks;
import edu.campus.logistics.identity.CampusGroup;
import edu.campus.logistics.identity.ProcessKeys;
import edu.campus.logistics.procurement.ProcurementActivities;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The head of logistics watches the processes in Cockpit: procurement and repair are listed and
 * drawn with their Chinese names, and the Human Tasks page counts open tasks per group. (The KPI
 * page is LogisticsKpiBrowserIT's.)
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
    assertThat(cockpit.tasksPerGroup()).as("open tasks counted per candidate group")
        .containsKey(CampusGroup.GENERAL_AFFAIRS.id());
  }

  private ProcessDefinition latest(String key) {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult();
  }
}
