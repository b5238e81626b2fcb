package edu.campus.logistics.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import edu.campus.logistics.OpenTasks;
import edu.campus.logistics.identity.CampusGroup;
import edu.campus.logistics.identity.ProcessKeys;
import edu.campus.logistics.identity.TasklistFilters;
import edu.campus.logistics.procurement.ProcurementActivities;
import edu.campus.logistics.procurement.ProcurementVariables;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * Issue 11's remaining Tasklist items, as a teacher and the approvers meet them: a date typed and
 * stored as 年-月-日, letters and negatives in numbers refused with a Chinese word, the start
 * dialog's red banner gone once the fields are fixed, a notice after starting and completing; the
 * approval form in words (level, requester, categories, earlier decisions with names and local
 * times), a reason required to reject in the form and, forced through Tasklist's own API, a 400 with
 * the Chinese reason and nothing changed; and the clicks from login to a finished approval and to a
 * submitted two-line request, counted and printed; a note (添加备注) the buyer writes on his purchase and
 * reads in the task's 历史 tab; 创建任务 (a task outside any process) offered to administrators only.
 */
@BrowserTest
class TasklistUsabilityBrowserIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DATE_HINT = "请按“年-月-日”填写日期，如 2026-12-20。";
  private static final String REASON_FIELD = "驳回或退回修改的理由";
  private static final String APPROVALS_TABLE = "已有审批意见";
  private static final By COMPLETE = By.cssSelector("section.task-details .form-actions button[ng-click='complete()']");
  private static final By NOTICE = By.id("campus-notice");

  @Autowired
  private ProcessEngine processEngine;

  @Autowired
  private Environment environment;

  @Test
  void aTeacherIsToldInChineseWhatTheFormRefusesAndTheDateIsStoredAsTyped(Browser browser) {
    String reason = "办公室打印用纸 " + UUID.randomUUID().toString().substring(0, 8);
    LocalDate neededBy = LocalDate.of(2026, 12, 20).isAfter(LocalDate.now())
        ? LocalDate.of(2026, 12, 20) : LocalDate.now().plusDays(19);

    TasklistPage tasklist = TasklistPage.login(browser, "zhangwei");
    StartProcessDialog dialog = tasklist.startProcess(ProcurementSteps.PROCESS_NAME);
    CamundaForm form = dialog.form();
    form.fill(ProcurementSteps.DEPARTMENT, "语文组").fill(ProcurementSteps.REASON, reason);

    // a date in another order is refused in words, never rewritten
    form.fill(ProcurementSteps.NEEDED_BY, "12/20/2026");
    assertThat(form.awaitErrors(ProcurementSteps.NEEDED_BY)).containsExactly(DATE_HINT);
    assertThat(form.value(ProcurementSteps.NEEDED_BY)).isEqualTo("12/20/2026");
    dialog.awaitStartDisabled();
    browser.step("date-in-another-order-refused");

    // letters in a price are not dropped silently; a negative quantity is refused and gives no estimate
    CamundaForm line = form.item(ProcurementSteps.ITEMS, 1);
    line.choose(ProcurementSteps.NEW_ITEM, ProcurementSteps.NEW_ITEM);
    line.fill(ProcurementSteps.NAME, "复印纸").fill(ProcurementSteps.SPEC, "A4 70g")
        .select(ProcurementSteps.CATEGORY, "办公用品").fill(ProcurementSteps.UNIT, "箱");
    assertThat(line.typeRefused(ProcurementSteps.UNIT_PRICE, "120yuan")).isEqualTo("120");
    assertThat(line.numberHint(ProcurementSteps.UNIT_PRICE)).isEqualTo("“yuan”未填入：此处只能填写数字，不带单位或文字。");
    line.fill(ProcurementSteps.QUANTITY, "-5");
    assertThat(line.awaitErrors(ProcurementSteps.QUANTITY)).containsExactly(ProcurementSteps.QUANTITY_ABOVE_ZERO);
    assertThat(form.text()).contains("预估合计：待更正（数量和单价须大于0）").doesNotContain("-600");
    DocsImages.publish(browser.step("letters-and-negatives-refused"), "tasklist-numbers-refused.png");
    line.fill(ProcurementSteps.QUANTITY, "5");
    line.fill(ProcurementSteps.UNIT_PRICE, "120");
    assertThat(line.numberHint(ProcurementSteps.UNIT_PRICE)).isEmpty();
    // through an input method (拼音) "120元" arrives whole: nothing is entered silently, the hint names it
    assertThat(line.typeAsInputMethod(ProcurementSteps.UNIT_PRICE, "120元")).isEmpty();
    assertThat(line.numberHint(ProcurementSteps.UNIT_PRICE)).isEqualTo("“120元”未填入：此处只能填写数字，不带单位或文字。");
    browser.step("input-method-text-refused");
    line.fill(ProcurementSteps.UNIT_PRICE, "120");
    assertThat(line.numberHint(ProcurementSteps.UNIT_PRICE)).isEmpty();

    // a date the server refuses (in the past): the red banner says why, and goes once the date is fixed
    form.fill(ProcurementSteps.NEEDED_BY, "2020-01-01").awaitValid();
    dialog.awaitStartEnabled();
    browser.click(By.cssSelector(".modal-footer button[ng-click='startProcessInstance()']"));
    List<String> banner = Webapp.awaitErrors(browser);
    assertThat(String.join(" ", banner)).contains("需用日期不能早于今天").doesNotContain("ENGINE-");
    browser.step("start-refused-by-the-server");
    form.fill(ProcurementSteps.NEEDED_BY, neededBy.toString()).awaitValid();
    browser.until(driver -> Webapp.errors(browser).isEmpty(), "the red banner gone once the date is fixed");
    assertThat(form.text()).contains("预估合计：600 元");
    browser.step("fixed-banner-gone");
    dialog.start();

    HistoricProcessInstance started = browser.until(driver -> processEngine.getHistoryService()
        .createHistoricProcessInstanceQuery().processDefinitionKey(ProcessKeys.PROCUREMENT)
        .variableValueEquals(ProcurementVariables.REASON, reason).singleResult(), "the request started");
    assertThat(browser.visible(NOTICE).getText()).isEqualTo("已发起：物品采购，编号 " + started.getBusinessKey());
    browser.step("started-notice");
    JsonNode stored = new CampusApi(environment).get("/engine-rest/process-instance/" + started.getId()
        + "/variables/" + ProcurementVariables.NEEDED_BY, "gaoming");
    assertThat(stored.path("value").asText()).isEqualTo(neededBy.toString());
    assertThat(stored.path("type").asText()).isEqualTo("String");
  }

  @Test
  void theApproverReadsWordsAndMustGiveAReasonToReject(Browser browser) {
    OpenTasks cases = new OpenTasks(processEngine);
    ProcessInstance request = cases.fileRequest("zhangwei", OpenTasks.LARGE_ORDER);
    cases.claimAndComplete("wangfang", cases.task(request, ProcurementActivities.APPROVE_REQUEST),
        Map.of(ProcurementVariables.DECISION, "approve", ProcurementVariables.COMMENT, "同意，按预算执行"));
    Task approval = browser.until(driver -> cases.task(request, ProcurementActivities.APPROVE_REQUEST),
        "the principal's approval");

    TaskPane pane = ProcurementSteps.openTaskWithId(browser, "lijianguo", TasklistFilters.MY_GROUP_TASKS,
        ProcurementSteps.approvalTask(CampusGroup.PRINCIPAL), approval.getId());
    CamundaForm form = pane.form();
    assertThat(form.text()).contains("审批层级：校长（本次采购须三家报价）", "申请人：张伟（教务处）");
    assertThat(form.tableRows(ProcurementSteps.ITEMS_TABLE)).containsExactly(
        List.of("新物品", "实验台", "1.2米 钢木", "家具", "张", "2", "3000"));
    List<List<String>> earlier = form.tableRows(APPROVALS_TABLE);
    assertThat(earlier).hasSize(1);
    assertThat(earlier.get(0).subList(0, 5)).containsExactly("1", "总务主任", "同意", "同意，按预算执行", "王芳");
    assertThat(earlier.get(0).get(5)).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
    assertThat(form.text()).doesNotContain("general-affairs", "approve", "wangfang", "furniture");
    browser.reveal(form.field(APPROVALS_TABLE));
    DocsImages.publish(browser.step("approval-in-words"), "tasklist-approval-words.png");

    // 驳回 without a reason: refused in the form
    pane.claim();
    assertThat(browser.all(By.xpath("//label[normalize-space(text()[1])='" + REASON_FIELD + "']"))).isEmpty();
    form.choose(ProcurementSteps.DECISION, "驳回");
    browser.until(driver -> !driver.findElements(By.xpath("//label[normalize-space(text()[1])='" + REASON_FIELD + "']"))
        .isEmpty(), "the reason field shown for 驳回");
    if (browser.visible(COMPLETE).isEnabled()) {
      browser.click(COMPLETE);
    }
    assertThat(form.awaitErrors(REASON_FIELD)).containsExactly(ProcurementSteps.REQUIRED);
    browser.step("reject-without-reason-refused");

    // ... and forced through Tasklist's own API, in this session: 400 with the Chinese reason, nothing changed
    Object approvalsBefore = processEngine.getRuntimeService().getVariable(request.getId(), ProcurementVariables.APPROVALS)
        .toString();
    Map<?, ?> answer = (Map<?, ?>) ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
            const done = arguments[arguments.length - 1];
            const token = (document.cookie.match(/(?:^|; )XSRF-TOKEN=([^;]*)/) || [])[1] || '';
            fetch('/camunda/api/engine/engine/default/task/' + arguments[0] + '/submit-form', {
              method: 'POST', credentials: 'same-origin',
              headers: {'Content-Type': 'application/json', 'Accept': 'application/json', 'X-XSRF-TOKEN': decodeURIComponent(token)},
              body: JSON.stringify({variables: {decision: {value: 'reject', type: 'String'}}})
            }).then(r => r.text().then(body => done({status: r.status, body: body})))
              .catch(e => done({status: -1, body: String(e)}));
            """, approval.getId());
    assertThat(((Number) answer.get("status")).intValue()).as(String.valueOf(answer.get("body"))).isEqualTo(400);
    String message = message(String.valueOf(answer.get("body")));
    assertThat(message).startsWith("驳回或退回修改的理由必填").doesNotContain("ENGINE-");
    Task still = processEngine.getTaskService().createTaskQuery().taskId(approval.getId()).singleResult();
    assertThat(still).as("the approval is still open").isNotNull();
    assertThat(still.getAssignee()).isEqualTo("lijianguo");
    assertThat(processEngine.getRuntimeService().getVariable(request.getId(), ProcurementVariables.APPROVALS).toString())
        .isEqualTo(approvalsBefore);

    // with a reason it goes through, and the approver is told so
    form.fill(REASON_FIELD, "本学期预算已用完，请下学期再申请").awaitValid();
    browser.until(driver -> Webapp.errors(browser).isEmpty(), "the red note about the refused submission gone once fixed");
    pane.complete();
    assertThat(browser.visible(NOTICE).getText()).isEqualTo("已完成：" + ProcurementSteps.approvalTask(CampusGroup.PRINCIPAL));
    browser.step("completed-notice");
    assertThat(cases.task(request, ProcurementActivities.READ_REJECTION)).as("the requester reads why").isNotNull();
  }

  @Test
  void clicksFromLoginToAFinishedApprovalAndToASubmittedTwoLineRequest(Browser browser) {
    OpenTasks cases = new OpenTasks(processEngine);
    ProcessInstance request = cases.fileRequest("zhangwei", OpenTasks.SMALL_ORDER);
    Task approval = cases.task(request, ProcurementActivities.APPROVE_REQUEST);

    Clicks clicks = Clicks.count(browser);
    TasklistPage approver = TasklistPage.login(browser, "wangfang");
    browser.until(driver -> !approver.activeFilter().isEmpty(), "a filter selected");
    assertThat(approver.activeFilter()).as("the filter Tasklist opens first").isEqualTo(TasklistFilters.MY_TODO);
    TaskPane pane = approver.openTaskWithId(ProcurementSteps.approvalTask(CampusGroup.GENERAL_AFFAIRS), approval.getId());
    ProcurementSteps.approve(browser, pane);
    int toApproval = clicks.sofar();
    assertThat(processEngine.getTaskService().createTaskQuery().taskId(approval.getId()).count()).isZero();
    Webapp.logout(browser);

    clicks.reset();
    TasklistPage teacher = TasklistPage.login(browser, "zhangwei");
    StartProcessDialog dialog = teacher.startProcess(ProcurementSteps.PROCESS_NAME);
    CamundaForm form = dialog.form();
    form.fill(ProcurementSteps.DEPARTMENT, "语文组").fill(ProcurementSteps.NEEDED_BY, LocalDate.now().plusDays(14).toString())
        .fill(ProcurementSteps.REASON, "两行申请计数 " + UUID.randomUUID().toString().substring(0, 8));
    form.item(ProcurementSteps.ITEMS, 1).fill(ProcurementSteps.ITEM_CODE, "OFF-A4").fill(ProcurementSteps.QUANTITY, "2")
        .fill(ProcurementSteps.UNIT_PRICE, "120");
    fillLine(form.addItem(ProcurementSteps.ITEMS), "白板笔", "黑色 10支/盒", "办公用品", "盒", "3", "25");
    form.awaitValid();
    dialog.awaitStartEnabled();
    dialog.start();
    int toRequest = clicks.sofar();

    System.out.printf("Clicks from login to a finished approval: %d; to a submitted two-line request: %d"
        + " (11 fields typed: a catalogue line and a new item)%n", toApproval, toRequest);
    // login, card (我的待办 is open), claim, 同意, complete
    assertThat(toApproval).as("clicks from login to a finished approval (issue 11: at most 5)").isLessThanOrEqualTo(5);
    assertThat(toRequest).as("clicks to a submitted two-line request (issue 11 found 24)").isLessThan(24);
  }

  @Test
  void theBuyerWritesANoteOnHisPurchaseAndReadsItInTheHistoryTab(Browser browser) {
    OpenTasks cases = new OpenTasks(processEngine);
    Task purchase = cases.procurementAt(ProcurementActivities.PURCHASE_GOODS, "zhangwei", OpenTasks.SMALL_ORDER);
    String note = "已电话联系供应商，周五送货 " + UUID.randomUUID().toString().substring(0, 8);

    TaskPane pane = ProcurementSteps.openTaskWithId(browser, "zhaolei", TasklistFilters.MY_GROUP_TASKS,
        ProcurementSteps.TASK_PURCHASE, purchase.getId());
    pane.claim().addNote(note);
    assertThat(Webapp.errors(browser)).as("no 备注无法保存").isEmpty();
    List<String> history = pane.historyShowing(note);
    browser.step("note-in-history");
    assertThat(history).anySatisfy(event -> assertThat(event).contains("zhaolei", "备注", note));
    assertThat(processEngine.getTaskService().getTaskComments(purchase.getId()))
        .extracting(comment -> comment.getUserId() + ": " + comment.getFullMessage()).containsExactly("zhaolei: " + note);
  }

  @Test
  void onlyAnAdministratorIsOfferedATaskOutsideAProcess(Browser browser) {
    By createTask = By.cssSelector(".create-task-action");
    TasklistPage.login(browser, "zhangwei");
    WebElement action = browser.until(driver -> driver.findElements(createTask).stream()
        .filter(element -> "true".equals(element.getAttribute("data-campus-checked"))).findFirst().orElse(null),
        "创建任务 checked against the teacher's rights");
    // the engine's answer (not allowed) has come by then; the action stays hidden
    browser.pause(Duration.ofSeconds(2));
    assertThat(action.isDisplayed()).as("创建任务 offered to a teacher").isFalse();
    assertThat(browser.visibleText()).contains("发起流程").doesNotContain("创建任务");
    browser.step("teacher-header");
    Webapp.logout(browser);

    TasklistPage.login(browser, "admin", "admin");
    browser.until(driver -> driver.findElements(createTask).stream().anyMatch(WebElement::isDisplayed),
        "创建任务 offered to the administrator");
  }

  private static void fillLine(CamundaForm line, String name, String spec, String category, String unit,
                               String quantity, String unitPrice) {
    line.choose(ProcurementSteps.NEW_ITEM, ProcurementSteps.NEW_ITEM);
    line.fill(ProcurementSteps.NAME, name).fill(ProcurementSteps.SPEC, spec).select(ProcurementSteps.CATEGORY, category)
        .fill(ProcurementSteps.UNIT, unit).fill(ProcurementSteps.QUANTITY, quantity).fill(ProcurementSteps.UNIT_PRICE, unitPrice);
  }

  private static String message(String body) {
    try {
      return JSON.readTree(body).path("message").asText();
    } catch (Exception notJson) {
      return body;
    }
  }
}
