package edu.campus.logistics.browser;

import static org.assertj.core.api.Assertions.assertThat;

import edu.campus.logistics.identity.ProcessKeys;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The head of logistics watches the processes in Cockpit. */
@BrowserTest
class CockpitBrowserIT {

  @Autowired
  private RepositoryService repositoryService;

  @Test
  void logisticsHeadSeesTheProcurementProcessDrawn(Browser browser) {
    ProcessDefinition procurement = repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey(ProcessKeys.PROCUREMENT).latestVersion().singleResult();

    CockpitPage cockpit = CockpitPage.login(browser, "gaoming").openProcesses();
    browser.step("cockpit-processes");
    assertThat(cockpit.processNames()).contains(procurement.getName());

    ProcessDiagram diagram = cockpit.openProcess(procurement.getName());
    DocsImages.publish(browser.step("cockpit-procurement-diagram"), "cockpit-process.png");

    assertThat(diagram.shapeIds()).contains("StartEvent_PurchaseRequested", "Task_ApproveRequest");
    assertThat(diagram.label("Task_ApproveRequest")).isEqualTo("审批采购申请");
    assertThat(Webapp.eolBannerVisible(browser)).isFalse();
  }
}
