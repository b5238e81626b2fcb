package edu.campus.logistics.browser;

import static org.assertj.core.api.Assertions.assertThat;

import edu.campus.logistics.identity.CampusGroup;
import edu.campus.logistics.identity.ProcessKeys;
import edu.campus.logistics.identity.TasklistFilters;
import edu.campus.logistics.ledger.ItemCategory;
import edu.campus.logistics.ledger.LedgerService;
import edu.campus.logistics.ledger.NewItem;
import edu.campus.logistics.ledger.StockLine;
import edu.campus.logistics.ledger.Voucher;
import edu.campus.logistics.requisition.RequisitionActivities;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 13's browser "done": a teacher requests chalk from the catalogue on the start form (the item
 * code field offers the catalogue), the storekeeper approves and issues it in Tasklist, the teacher
 * signs for it; the stock ledger shows the issue.
 */
@BrowserTest
class RequisitionBrowserIT {

  private static final String PROCESS_NAME = "物品领用";
  private static final String LINES = "领用明细（每行一种物品）";

  @Autowired
  private LedgerService ledger;
  @Autowired
  private HistoryService historyService;
  @Autowired
  private TaskService taskService;

  @Test
  void aRequisitionIsStartedIssuedAndSignedForInTasklist(Browser browser) {
    String code = "BR-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    ledger.registerItem(new NewItem(code, "浏览器测试粉笔", "白色 100支/盒", "盒", ItemCategory.OFFICE.id(), BigDecimal.ZERO));
    ledger.receive(Voucher.manual("BR-OPENING-" + code, "wuxiaohong"),
        List.of(StockLine.of(code, new BigDecimal("10"), new BigDecimal("6.50"))));

    // 1. the teacher picks the item from the catalogue on the start form
    TasklistPage teacher = TasklistPage.login(browser, "zhangwei");
    StartProcessDialog dialog = teacher.startProcess(PROCESS_NAME);
    CamundaForm line = dialog.form().item(LINES, 1);
    line.fill("物品编码", code).fill("数量", "2").fill("用途", "三年级语文课");
    WebElement itemCode = line.field("物品编码").findElement(By.cssSelector("input"));
    assertThat(itemCode.getDomAttribute("list")).as("the catalogue is offered").isEqualTo("campus-catalogue");
    String offered = browser.until(driver -> {
      List<WebElement> options = driver.findElements(By.cssSelector("datalist#campus-catalogue option[value='" + code + "']"));
      return options.isEmpty() ? null : options.get(0).getDomAttribute("label");
    }, "the catalogue option for " + code);
    assertThat(offered).isEqualTo("浏览器测试粉笔 白色 100支/盒 · 盒 · 可领 10");
    dialog.form().awaitValid();
    dialog.awaitStartEnabled();
    browser.step("requisition-start-form-filled");
    dialog.start();
    browser.step("requisition-started");
    teacher.logout();

    HistoricProcessInstance instance = historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKey(ProcessKeys.REQUISITION).startedBy("zhangwei").orderByProcessInstanceStartTime().desc()
        .listPage(0, 1).get(0);
    String id = instance.getId();
    assertThat(instance.getBusinessKey()).startsWith("LY-");

    // 2. the storekeeper approves (small consumables) and issues
    TaskPane approval = ProcurementSteps.openTaskWithId(browser, "wuxiaohong", TasklistFilters.MY_GROUP_TASKS,
        "审批领用申请（" + CampusGroup.WAREHOUSE.displayName() + "）", taskId(id, RequisitionActivities.APPROVE_REQUISITION));
    approval.claim();
    approval.form().choose("审批意见", "同意");
    browser.step("requisition-approved");
    approval.complete();
    Webapp.logout(browser);

    TaskPane issue = ProcurementSteps.openTaskWithId(browser, "wuxiaohong", TasklistFilters.MY_GROUP_TASKS, "发放物品",
        taskId(id, RequisitionActivities.ISSUE_GOODS));
    assertThat(issue.form().tableRows("领用明细")).containsExactly(
        List.of(code, "浏览器测试粉笔", "白色 100支/盒", "盒", "2", "0", "2", "0"));
    issue.claim();
    browser.step("requisition-issue-opened");
    issue.complete();
    Webapp.logout(browser);

    // 3. after the asynchronous posting, the teacher signs for it
    TaskPane receipt = ProcurementSteps.openTaskWithId(browser, "zhangwei", TasklistFilters.MY_TASKS, "领用签收",
        taskId(id, RequisitionActivities.CONFIRM_RECEIPT));
    assertThat(receipt.form().tableRows("领用明细")).containsExactly(List.of("浏览器测试粉笔", "白色 100支/盒", "盒", "2", "2"));
    browser.step("requisition-receipt-opened");
    receipt.complete();
    browser.step("requisition-received");

    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(id).singleResult().getEndActivityId())
        .isEqualTo(RequisitionActivities.END_RECEIVED);
    assertThat(ledger.findItem(code).orElseThrow().quantity()).isEqualByComparingTo("8");
  }

  private String taskId(String processInstanceId, String taskKey) {
    return new CaseTasks(taskService, processInstanceId).id(taskKey);
  }
}
