package edu.campus.logistics.browser;

import static org.assertj.core.api.Assertions.assertThat;

import edu.campus.logistics.identity.TasklistFilters;

/**
 * The procurement journey through Tasklist, one method per thing a person does, so scenarios read as
 * the walk-through in the README. Labels are those of forms/procurement-*.form and
 * processes/procurement.bpmn.
 */
final class ProcurementSteps {

  static final String PROCESS_NAME = "物品采购";
  static final String TASK_APPROVE = "审批采购申请";
  static final String DEPARTMENT = "申请部门";
  static final String REASON = "申请事由";
  static final String DECISION = "审批意见";
  static final String APPROVE = "同意";
  static final String REQUIRED = "Field is required.";

  /** What a requester types into the start form; the reason identifies the request in task lists. */
  record PurchaseRequest(String department, String reason) {
  }

  private ProcurementSteps() {
  }

  /**
   * The requester opens "Start process" → 物品采购, first submits the empty form (which the form
   * refuses field by field), then fills it and starts. Stays logged in.
   */
  static TasklistPage requestPurchase(Browser browser, String requester, PurchaseRequest request) {
    TasklistPage tasklist = TasklistPage.login(browser, requester);
    StartProcessDialog dialog = tasklist.startProcess(PROCESS_NAME);
    browser.step("procurement-start-form");

    CamundaForm form = dialog.startRefused();
    assertThat(form.awaitErrors(DEPARTMENT)).containsExactly(REQUIRED);
    assertThat(form.errors(REASON)).containsExactly(REQUIRED);
    browser.step("procurement-start-form-refused-empty");
    dialog.awaitStartDisabled();
    dialog.dismissNotifications();

    form.fill(DEPARTMENT, request.department()).fill(REASON, request.reason()).awaitValid();
    DocsImages.publish(browser.step("procurement-start-form-filled"), "tasklist-start-form.png");
    dialog.start();
    browser.step("procurement-started");
    return tasklist;
  }

  /** The approver finds the request in "我组的任务" (waiting for it if needed) and opens it. */
  static TaskPane openApproval(Browser browser, String approver, PurchaseRequest request) {
    TasklistPage tasklist = TasklistPage.login(browser, approver)
        .awaitTask(TasklistFilters.MY_GROUP_TASKS, TASK_APPROVE, request.reason());
    browser.step("procurement-approval-in-group-tasks");
    TaskPane approval = tasklist.openTask(TASK_APPROVE, request.reason());
    DocsImages.publish(browser.step("procurement-approval-opened"), "tasklist-approval.png");
    return approval;
  }

  /** The approver claims the opened approval task, approves and completes it. */
  static void approve(Browser browser, TaskPane approval) {
    approval.claim();
    browser.step("procurement-approval-claimed");
    approval.form().choose(DECISION, APPROVE);
    browser.step("procurement-approval-decided");
    approval.complete();
    browser.step("procurement-approval-completed");
  }
}
