package edu.campus.logistics.repair;

import static edu.campus.logistics.repair.RepairDriver.report;
import static edu.campus.logistics.repair.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import edu.campus.logistics.TestHttp.Answer;
import edu.campus.logistics.ledger.Asset;
import edu.campus.logistics.ledger.AssetEvent;
import edu.campus.logistics.ledger.AssetEventType;
import edu.campus.logistics.ledger.AssetRegister;
import edu.campus.logistics.ledger.AssetStatus;
import edu.campus.logistics.ledger.LedgerService;
import edu.campus.logistics.ledger.NewAssets;
import edu.campus.logistics.ledger.StockLine;
import edu.campus.logistics.ledger.Voucher;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Human damage found in a repair: the asset card's history and the compensation (公物损坏赔偿), paid or waived. */
class DamageCompensationTest extends RepairScenario {

  static final String TECHNICIAN = "hejun";
  static final String HEAD = "gaoming";
  static final String FINANCE = "linna";

  @Autowired
  AssetRegister assets;
  @Autowired
  LedgerService ledger;

  @Test
  void damagedDeskIsRepairedAssessedApprovedAndPaid() {
    String tag = registerDesk();
    ProcessInstance repair = repairDamagedDesk(tag);

    Asset card = assets.find(tag).orElseThrow();
    assertThat(card.status()).isEqualTo(AssetStatus.IN_USE);
    assertThat(assets.history(tag)).extracting(AssetEvent::type)
        .containsExactly(AssetEventType.REGISTERED, AssetEventType.DAMAGED, AssetEventType.REPAIRED);

    assertThat(repair).isWaitingAt("CallActivity_DamageCompensation");
    Task assess = driver.compensationTask(repair, "Task_AssessDamage");
    assertThat(assess.getAssignee()).isEqualTo(FIRST_RESPONDER);
    assertThat(assess.getOwner()).isEqualTo(FIRST_RESPONDER);
    assertRefused(() -> driver.complete(FIRST_RESPONDER, assess, Map.of("responsibleType", "class",
        "responsibleParty", "初二(3)班", "assessedAmount", -5, "assessmentBasis", "repairCost")), "核定赔偿金额不能小于0");
    assess(repair);

    Task approve = driver.compensationTask(repair, "Task_ApproveCompensation");
    assertThat(approve).hasCandidateGroup("logistics-head");
    driver.as(HEAD, () -> driver.tasks.claim(approve.getId(), HEAD));
    driver.complete(HEAD, approve, Map.of("compensationApproval", "approve"));

    Task settle = driver.compensationTask(repair, "Task_SettleCompensation");
    assertThat(settle).hasCandidateGroup("finance");
    driver.as(FINANCE, () -> driver.tasks.claim(settle.getId(), FINANCE));
    assertRefused(() -> driver.complete(FINANCE, settle, Map.of("compensationSettlement", "paid", "paidAmount", 80)),
        "收据号必填");
    driver.complete(FINANCE, settle, Map.of("compensationSettlement", "paid", "paidAmount", 80, "receiptNo", "SJ-2030-0042"));

    assertThat(repair).isWaitingAt("Task_CloseCase");
    assertThat(driver.runtime.getVariable(repair.getId(), "compensationSettlement")).isEqualTo("paid");
    assertThat(driver.runtime.getVariable(repair.getId(), "paidAmount")).isEqualTo(80.0);
    assertThat(driver.runtime.getVariable(repair.getId(), "responsibleParty")).isEqualTo("初二(3)班");
    String compensation = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .superProcessInstanceId(repair.getId()).singleResult().getId();
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(compensation)
        .activityId("EndEvent_CompensationPaid").count()).isEqualTo(1);
    driver.complete(FIRST_RESPONDER, driver.task(repair, "Task_CloseCase"), Map.of("closingNote", "已赔偿80元"));
    assertThat(repair).isEnded();
  }

  @Test
  void compensationReturnedForReassessmentThenWaivedWithAReason() {
    ProcessInstance repair = repairDamagedDesk(registerDesk());
    assess(repair);

    Task approve = driver.compensationTask(repair, "Task_ApproveCompensation");
    driver.as(HEAD, () -> driver.tasks.claim(approve.getId(), HEAD));
    assertRefused(() -> driver.complete(HEAD, approve, Map.of("compensationApproval", "return")), "退回重新核定须说明理由");
    driver.complete(HEAD, approve, Map.of("compensationApproval", "return", "approvalComment", "请核实是否为折旧到期的课桌"));
    assertThat(driver.compensationTask(repair, "Task_AssessDamage").getAssignee()).isEqualTo(FIRST_RESPONDER);
    assess(repair);
    Task approveAgain = driver.compensationTask(repair, "Task_ApproveCompensation");
    driver.as(HEAD, () -> driver.tasks.claim(approveAgain.getId(), HEAD));
    driver.complete(HEAD, approveAgain, Map.of("compensationApproval", "approve"));

    Task settle = driver.compensationTask(repair, "Task_SettleCompensation");
    driver.as(FINANCE, () -> driver.tasks.claim(settle.getId(), FINANCE));
    assertRefused(() -> driver.complete(FINANCE, settle, Map.of("compensationSettlement", "waived")), "减免理由必填");
    driver.complete(FINANCE, settle, Map.of("compensationSettlement", "waived", "waiverReason", "家庭困难，经校务会同意减免"));

    assertThat(repair).isWaitingAt("Task_CloseCase");
    assertThat(driver.runtime.getVariable(repair.getId(), "compensationSettlement")).isEqualTo("waived");
    assertThat(driver.runtime.getVariable(repair.getId(), "waiverReason")).isEqualTo("家庭困难，经校务会同意减免");
    assertThat(driver.runtime.getVariable(repair.getId(), "paidAmount")).isEqualTo(0.0);
  }

  @Test
  void firstResponderFollowsTheCompensationButNeitherApprovesNorSettlesIt() {
    ProcessInstance repair = repairDamagedDesk(registerDesk());
    assess(repair);
    Task approve = driver.compensationTask(repair, "Task_ApproveCompensation");
    assertThat(approve.getOwner()).as("owner: follows the case in 我首问的报修").isEqualTo(FIRST_RESPONDER);

    assertForbidden(onTask(approve, "claim", FIRST_RESPONDER, Map.of("userId", FIRST_RESPONDER)), approve, FIRST_RESPONDER);
    assertForbidden(onTask(approve, "complete", FIRST_RESPONDER, Map.of("variables",
        Map.of("compensationApproval", Map.of("value", "approve")))), approve, FIRST_RESPONDER);
    assertForbidden(onTask(approve, "assignee", FIRST_RESPONDER, Map.of("userId", FIRST_RESPONDER)), approve, FIRST_RESPONDER);
    assertThat(driver.runtime.getVariable(repair.getId(), "compensationApproval")).isNull();

    assertThat(onTask(approve, "claim", HEAD, Map.of("userId", HEAD)).status()).isEqualTo(204);
    assertThat(onTask(approve, "complete", HEAD, Map.of("variables",
        Map.of("compensationApproval", Map.of("value", "approve")))).status()).isEqualTo(204);

    Task settle = driver.compensationTask(repair, "Task_SettleCompensation");
    assertForbidden(onTask(settle, "claim", FIRST_RESPONDER, Map.of("userId", FIRST_RESPONDER)), settle, FIRST_RESPONDER);
    assertForbidden(onTask(settle, "submit-form", FIRST_RESPONDER, Map.of("variables", Map.of(
        "compensationSettlement", Map.of("value", "waived"), "waiverReason", Map.of("value", "不必赔")))), settle, FIRST_RESPONDER);
    assertThat(driver.runtime.getVariable(repair.getId(), "compensationSettlement")).isNull();

    assertThat(onTask(settle, "claim", FINANCE, Map.of("userId", FINANCE)).status()).isEqualTo(204);
    assertThat(onTask(settle, "complete", FINANCE, Map.of("variables", Map.of("compensationSettlement",
        Map.of("value", "paid"), "paidAmount", Map.of("value", 80, "type", "Integer"), "receiptNo",
        Map.of("value", "SJ-2030-0043"))))).extracting(Answer::status).isEqualTo(204);
    assertThat(driver.runtime.getVariable(repair.getId(), "compensationSettlement")).isEqualTo("paid");
  }

  @Test
  void reporterCannotEscalateHisWayPastTheDamageCompensation() {
    ProcessInstance repair = damagedDeskRepaired(registerDesk());
    Task confirm = driver.task(repair, "Task_ConfirmRepair");
    Map<String, Object> noDamage = Map.of("damageReported", Map.of("value", false, "type", "Boolean"));

    assertForbidden(onTask(confirm, "bpmnEscalation", REPORTER, Map.of("escalationCode", "Escalation_SlaBreach",
        "variables", noDamage)), confirm, REPORTER);
    assertForbidden(onTask(confirm, "bpmnError", REPORTER, Map.of("errorCode", "Error_StockShortage",
        "variables", noDamage)), confirm, REPORTER);
    assertThat(driver.runtime.getVariable(repair.getId(), "damageReported")).isEqualTo(true);

    driver.confirm(repair, REPORTER, true, 4);
    driver.executeJobs(repair);
    assertThat(repair).isWaitingAt("CallActivity_DamageCompensation");
  }

  /** A desk card (学生课桌) in class 初二(3)班, registered the way goods receipt does. */
  private String registerDesk() {
    Voucher receipt = Voucher.manual("TEST-DESK-" + UUID.randomUUID(), "wuxiaohong");
    ledger.receive(receipt, List.of(StockLine.of("FUR-DESK", BigDecimal.ONE, new BigDecimal("260"))));
    List<Asset> cards = assets.register(receipt,
        new NewAssets(1, "FUR-DESK", 1, new BigDecimal("260"), "初二(3)班教室", REPORTER, LocalDate.of(2030, 1, 10)));
    return cards.get(0).tag();
  }

  /** Reports the desk, the technician finds human damage, the reporter confirms the fix. */
  private ProcessInstance repairDamagedDesk(String tag) {
    ProcessInstance repair = damagedDeskRepaired(tag);
    assertThat(assets.find(tag).orElseThrow().status()).isEqualTo(AssetStatus.DAMAGED);
    driver.confirm(repair, REPORTER, true, 4);
    driver.executeJobs(repair);
    return repair;
  }

  /** Reports the desk; the technician repairs it and finds human damage; the follow-up waits for the reporter. */
  private ProcessInstance damagedDeskRepaired(String tag) {
    Map<String, Object> report = report("初二(3)班教室", "carpentry", "课桌桌面被刻划、桌腿断裂", "normal");
    report.put("assetTag", tag);
    ProcessInstance repair = driver.reportAs(REPORTER, report);
    driver.claimReport(repair, FIRST_RESPONDER);
    driver.dispatchToTechnician(repair, FIRST_RESPONDER, TECHNICIAN);
    driver.recordWork(repair, TECHNICIAN, "damage", List.of(), 80.0);
    driver.executeJobs(repair);
    return repair;
  }

  private void assess(ProcessInstance repair) {
    driver.complete(FIRST_RESPONDER, driver.compensationTask(repair, "Task_AssessDamage"), Map.of("responsibleType", "class",
        "responsibleParty", "初二(3)班", "assessedAmount", 80, "assessmentBasis", "repairCost"));
  }
}
