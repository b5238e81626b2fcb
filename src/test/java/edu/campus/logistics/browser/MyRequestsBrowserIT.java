package edu.campus.logistics.browser;

import static org.assertj.core.api.Assertions.assertThat;

import edu.campus.logistics.OpenTasks;
import edu.campus.logistics.identity.CampusGroup;
import edu.campus.logistics.identity.TasklistFilters;
import edu.campus.logistics.procurement.ProcurementActivities;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 11's 我的申请 in Tasklist: a teacher whose request waits for the general-affairs director
 * opens "我的申请" in the header and reads where it stands and who holds it; after the rejection he
 * read, the same card says how it ended. Another teacher's list does not show it.
 */
@BrowserTest
class MyRequestsBrowserIT {

  private static final By LINK = By.cssSelector(".campus-my-requests-link");
  private static final By PANEL = By.id("campus-my-requests");

  @Autowired
  private ProcessEngine processEngine;

  @Test
  void aTeacherSeesWhereHisRequestStandsAndHowItEnded(Browser browser) {
    OpenTasks cases = new OpenTasks(processEngine);
    ProcessInstance request = cases.fileRequest("zhangwei", OpenTasks.SMALL_ORDER);

    TasklistPage.login(browser, "zhangwei");
    String waiting = openCard(browser, request.getId());
    assertThat(waiting).contains("物品采购", "办理中", "审批采购申请（" + CampusGroup.GENERAL_AFFAIRS.displayName() + "（待认领））");
    DocsImages.publish(browser.step("my-requests-waiting"), "tasklist-my-requests.png");
    close(browser);
    Webapp.logout(browser);

    // the approver's card: the case number, who asked, and that it must be claimed first
    TasklistPage approver = TasklistPage.login(browser, "wangfang").openFilter(TasklistFilters.MY_GROUP_TASKS);
    String cardId = cases.task(request, ProcurementActivities.APPROVE_REQUEST).getId();
    String cardText = browser.until(driver -> {
      String text = approver.cardText(cardId);
      return text.contains(request.getBusinessKey()) ? text : null;
    }, "case number on the approval card");
    assertThat(cardText).contains(request.getBusinessKey() + " · 张伟 提交", "待认领");
    browser.step("approval-card-with-case");
    Webapp.logout(browser);

    cases.claimAndComplete("wangfang", cases.task(request, ProcurementActivities.APPROVE_REQUEST),
        Map.of("decision", "reject", "comment", "本学期预算已用完"));
    cases.claimAndComplete("zhangwei", cases.task(request, ProcurementActivities.READ_REJECTION), Map.of());

    TasklistPage.login(browser, "zhangwei");
    String ended = openCard(browser, request.getId());
    assertThat(ended).contains("已办结", "申请被驳回").doesNotContain("当前步骤");
    browser.step("my-requests-ended");
    close(browser);
    Webapp.logout(browser);

    TasklistPage.login(browser, "liuyang");
    browser.click(LINK);
    browser.until(driver -> driver.findElement(PANEL).getText().contains("我的申请")
        && !driver.findElement(PANEL).getText().contains("正在查询"), "my requests listed");
    assertThat(browser.all(By.cssSelector("#campus-my-requests [data-case='" + request.getId() + "']"))).isEmpty();
  }

  private static void close(Browser browser) {
    browser.click(By.xpath("//*[@id='campus-my-requests']//button[normalize-space(.)='关闭']"));
    browser.until(driver -> driver.findElements(PANEL).isEmpty(), "my requests closed");
  }

  /** Clicks 我的申请 and returns the text of this case's card once it is listed. */
  private static String openCard(Browser browser, String processInstanceId) {
    browser.click(LINK);
    By card = By.cssSelector("#campus-my-requests [data-case='" + processInstanceId + "']");
    List<WebElement> found = browser.until(driver -> {
      List<WebElement> cards = driver.findElements(card);
      return cards.isEmpty() ? null : cards;
    }, "case " + processInstanceId + " in 我的申请");
    return found.get(0).getText();
  }
}
