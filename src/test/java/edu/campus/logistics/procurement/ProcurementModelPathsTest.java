package edu.campus.logistics.procurement;

import static edu.campus.logistics.OpenTasks.LARGE_ORDER;
import static edu.campus.logistics.OpenTasks.REQUESTER;
import static edu.campus.logistics.OpenTasks.SMALL_ORDER;
import static edu.campus.logistics.procurement.ProcurementActivities.APPROVE_REQUEST;
import static edu.campus.logistics.procurement.ProcurementActivities.CONFIRM_STORAGE;
import static edu.campus.logistics.procurement.ProcurementActivities.DETERMINE_APPROVAL_LEVELS;
import static edu.campus.logistics.procurement.ProcurementActivities.END_REJECTED;
import static edu.campus.logistics.procurement.ProcurementActivities.END_STOCKED;
import static edu.campus.logistics.procurement.ProcurementActivities.END_WITHDRAWN;
import static edu.campus.logistics.procurement.ProcurementActivities.INSPECT_GOODS;
import static edu.campus.logistics.procurement.ProcurementActivities.PURCHASE_GOODS;
import static edu.campus.logistics.procurement.ProcurementActivities.READ_REJECTION;
import static edu.campus.logistics.procurement.ProcurementActivities.READ_STOCK_NOTICE;
import static edu.campus.logistics.procurement.ProcurementActivities.REVISE_REQUEST;
import static edu.campus.logistics.procurement.ProcurementActivities.START;
import static edu.campus.logistics.procurement.ProcurementActivities.STOCK_GOODS;
import static edu.campus.logistics.procurement.ProcurementActivities.TIMER_ESCALATE_APPROVAL;
import static edu.campus.logistics.procurement.ProcurementActivities.TIMER_REMIND_APPROVER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import edu.campus.logistics.cases.SchoolTime;
import edu.campus.logistics.ModelEngine;
import edu.campus.logistics.ModelEngine.Steps;
import edu.campus.logistics.OpenTasks;
import edu.campus.logistics.identity.SingleGroupUsers;
import edu.campus.logistics.ledger.FixedAssets;
import java.math.BigDecimal;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The procurement model's own logic on the bare engine: the approval chain the decision table
 * gives, the gateways, the reminder and escalation timers, with the model's real listeners; only
 * stocking (ledger and asset register) is a recorded step (the forms are deployed: the approval
 * shows the request in the form's words), tested with the whole application in
 * {@link ProcurementPurchasePathsTest}.
 */
@Deployment(resources = {"processes/procurement/procurement.bpmn", "processes/procurement/procurement-approval.dmn",
    "forms/procurement/procurement-approve.form", "forms/procurement/procurement-inspect.form",
    "forms/procurement/procurement-purchase.form", "forms/procurement/procurement-rejected.form",
    "forms/procurement/procurement-revise.form", "forms/procurement/procurement-start.form",
    "forms/procurement/procurement-stocked.form", "forms/procurement/procurement-store.form"})
class ProcurementModelPathsTest {

  @RegisterExtension
  static ProcessEngineExtension extension = ModelEngine.extension();

  private final Steps stocking = new Steps();
  private OpenTasks cases;

  @BeforeEach
  void registerListeners(ProcessEngine engine) {
    FixedAssets fixedAssets = new FixedAssets(new BigDecimal("1000"));
    Mocks.register("validateProcurementRequest", new ValidateProcurementRequest(engine.getIdentityService(), ItemCatalogue.EMPTY));
    Mocks.register("startApprovalRound", new StartApprovalRound());
    Mocks.register("approvalChain", new ApprovalChainListener());
    ApprovalView view = new ApprovalView(engine.getIdentityService(), new SchoolTime(java.time.ZoneId.of("Asia/Shanghai")));
    Mocks.register("prepareApproval", new PrepareApproval(view));
    Mocks.register("showRequestInWords", new ShowRequestInWords(view));
    Mocks.register("recordApproval", new RecordApproval());
    Mocks.register("remindApprover", new RemindApprover(engine.getTaskService()));
    Mocks.register("escalateApproval", new EscalateApproval(engine.getTaskService()));
    Mocks.register("reviseTaskListener", new ReviseTaskListener(ItemCatalogue.EMPTY));
    Mocks.register("fourEyesGuard", new FourEyesGuard());
    Mocks.register("preparePurchase", new PreparePurchase());
    Mocks.register("purchaseTaskListener", new PurchaseTaskListener(fixedAssets));
    Mocks.register("prepareInspection", new PrepareInspection());
    Mocks.register("recordInspection", new RecordInspection(fixedAssets));
    Mocks.register("prepareStorage", new PrepareStorage(ItemCatalogue.EMPTY));
    Mocks.register("storageTaskListener", new StorageTaskListener(ItemCatalogue.EMPTY));
    Mocks.register("stockReceivedGoods", stocking);
    cases = new OpenTasks(engine);
  }

  @AfterEach
  void resetMocks() {
    Mocks.reset();
  }

  @Test
  void aSmallOrderGoesFromRequestToStockNoticeThroughEveryStepInOrder() {
    Task notice = cases.procurementAt(READ_STOCK_NOTICE, REQUESTER, SMALL_ORDER);
    ProcessInstance request = instance(notice);
    cases.claimAndComplete(REQUESTER, notice, Map.of());

    assertThat(request).hasPassedInOrder(START, DETERMINE_APPROVAL_LEVELS, APPROVE_REQUEST, PURCHASE_GOODS,
        INSPECT_GOODS, CONFIRM_STORAGE, STOCK_GOODS, READ_STOCK_NOTICE, END_STOCKED).isEnded();
    assertThat(stocking.reached()).as("stocked once, after storage was confirmed").containsExactly(STOCK_GOODS);
  }

  @Test
  void theStockNoticeIsTheRequestersOwnTask() {
    Task notice = cases.procurementAt(READ_STOCK_NOTICE, REQUESTER, SMALL_ORDER);

    assertThat(notice.getAssignee()).isEqualTo(REQUESTER);
  }

  @Test
  void aLargeOrderIsApprovedByGeneralAffairsThenByThePrincipal() {
    ProcessInstance request = cases.fileRequest(REQUESTER, LARGE_ORDER);

    Task first = cases.task(request, APPROVE_REQUEST);
    assertThat(cases.candidateGroup(first)).isEqualTo("general-affairs");
    cases.claimAndComplete(SingleGroupUsers.of("general-affairs"), first, approval("approve"));
    Task second = cases.task(request, APPROVE_REQUEST);
    assertThat(cases.candidateGroup(second)).isEqualTo("principal");
    cases.claimAndComplete(SingleGroupUsers.of("principal"), second, approval("approve"));

    assertThat(request).isWaitingAt(PURCHASE_GOODS).task().hasCandidateGroup("purchasing");
  }

  @Test
  void aRejectionAtTheSecondLevelEndsTheChainAndTellsTheRequester() {
    ProcessInstance request = cases.fileRequest(REQUESTER, LARGE_ORDER);
    cases.claimAndComplete(SingleGroupUsers.of("general-affairs"), cases.task(request, APPROVE_REQUEST), approval("approve"));
    cases.claimAndComplete(SingleGroupUsers.of("principal"), cases.task(request, APPROVE_REQUEST), approval("reject"));

    assertThat(request).isWaitingAt(READ_REJECTION).task().isAssignedTo(REQUESTER);
    cases.complete(REQUESTER, cases.task(request, READ_REJECTION), Map.of());
    assertThat(request).hasPassed(END_REJECTED).hasNotPassed(PURCHASE_GOODS).isEnded();
  }

  @Test
  void aRequestReturnedForRevisionIsResubmittedToANewRoundOrWithdrawn() {
    Task revise = cases.openAt(REVISE_REQUEST);
    ProcessInstance resubmitted = instance(revise);
    assertThat(revise.getAssignee()).isEqualTo(REQUESTER);
    cases.complete(REQUESTER, revise, Map.of("requesterAction", "resubmit"));
    assertThat(resubmitted).isWaitingAt(APPROVE_REQUEST);
    assertThat(cases.candidateGroup(cases.task(resubmitted, APPROVE_REQUEST))).isEqualTo("general-affairs");

    Task withdraw = cases.openAt(REVISE_REQUEST);
    ProcessInstance withdrawn = instance(withdraw);
    cases.complete(REQUESTER, withdraw, Map.of("requesterAction", "withdraw"));
    assertThat(withdrawn).hasPassed(END_WITHDRAWN).hasNotPassed(PURCHASE_GOODS).isEnded();
  }

  @Test
  void anUnansweredApprovalIsRemindedAfterTwoDaysAndEscalatedToTheNextLevelAfterThree() {
    ProcessInstance request = cases.fileRequest(REQUESTER, SMALL_ORDER);
    Task approval = cases.task(request, APPROVE_REQUEST);

    cases.fire(request, TIMER_REMIND_APPROVER);
    assertThat(request).hasPassed("Task_RemindApprover").isWaitingAt(APPROVE_REQUEST);
    assertThat(cases.task(request, APPROVE_REQUEST).getId()).as("the same task, still open").isEqualTo(approval.getId());

    cases.fire(request, TIMER_ESCALATE_APPROVAL);
    assertThat(request).hasPassed("Task_EscalateApproval").isWaitingAt(APPROVE_REQUEST);
    assertThat(approval).hasCandidateGroup("general-affairs").hasCandidateGroup("principal");
  }

  @Test
  void goodsRejectedAtInspectionGoBackToPurchasingAndAreNotStocked() {
    Task inspection = cases.procurementAt(INSPECT_GOODS, REQUESTER, SMALL_ORDER);
    ProcessInstance request = instance(inspection);

    cases.claimAndComplete(OpenTasks.INSPECTOR, inspection, Map.of("inspectionResult", "rejected",
        "inspectionNote", "包装破损，整批退货"));

    assertThat(request).isWaitingAt(PURCHASE_GOODS).hasNotPassed(CONFIRM_STORAGE);
    assertThat(stocking.reached()).isEmpty();
  }

  private static Map<String, Object> approval(String decision) {
    return Map.of("decision", decision, "comment", "reject".equals(decision) ? "预算不足，本学期不采购" : "同意");
  }

  private ProcessInstance instance(Task task) {
    return cases.runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult();
  }
}
