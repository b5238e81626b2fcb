package edu.campus.logistics.repair;

import static edu.campus.logistics.repair.RepairDriver.faucetLeak;
import static edu.campus.logistics.repair.RepairDriver.part;
import static org.assertj.core.api.Assertions.assertThat;
import static edu.campus.logistics.repair.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import edu.campus.logistics.identity.ProcessKeys;
import edu.campus.logistics.ledger.EntryType;
import edu.campus.logistics.ledger.Item;
import edu.campus.logistics.ledger.ItemCategory;
import edu.campus.logistics.ledger.LedgerEntry;
import edu.campus.logistics.ledger.LedgerService;
import edu.campus.logistics.ledger.NewItem;
import edu.campus.logistics.ledger.StockLine;
import edu.campus.logistics.ledger.Voucher;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Scenario tests of repair.bpmn, one per path a reporter, first responder and technician can take. */
class RepairProcessTest extends RepairScenario {

  static final String OTHER_STAFF = "fengxue";
  static final String PLUMBER = "majian";
  static final String ELECTRICIAN = "hejun";
  static final String FAUCET = "PLB-FAUCET";

  @Autowired
  LedgerService ledger;
  @Autowired
  HistoryService history;

  @Test
  void faucetRepairWithPartsGoesFromReportToConfirmedCloseAndTakesTheFaucetOutOfStock() {
    BigDecimal before = balance(FAUCET);
    ProcessInstance repair = driver.reportAs(REPORTER, faucetLeak());
    assertThat(repair).isWaitingAt("Task_DispatchRepair");
    assertThat(driver.task(repair, "Task_DispatchRepair")).hasCandidateGroup("logistics-staff");

    driver.claimReport(repair, FIRST_RESPONDER);
    driver.dispatchToTechnician(repair, FIRST_RESPONDER, PLUMBER);
    assertThat(repair).isWaitingAt("Task_RepairWork").task().isAssignedTo(PLUMBER);

    driver.recordWork(repair, PLUMBER, "wear", List.of(part(FAUCET, 1)), 38.0);
    assertThat(repair).isWaitingAt("Task_PostPartsUsed");
    driver.executeJobs(repair);
    assertThat(repair).isWaitingAt("Task_ConfirmRepair").task().isAssignedTo(REPORTER);

    driver.confirm(repair, REPORTER, true, 5);
    driver.executeJobs(repair);
    assertThat(repair).isWaitingAt("Task_CloseCase").task().isAssignedTo(FIRST_RESPONDER);
    driver.complete(FIRST_RESPONDER, driver.task(repair, "Task_CloseCase"), Map.of("closingNote", "已回访，报修人满意"));

    assertThat(repair).isEnded().hasPassed("EndEvent_Closed");
    assertThat(balance(FAUCET)).isEqualByComparingTo(before.subtract(BigDecimal.ONE));
    List<LedgerEntry> entries = ledger.entriesOfVoucher("repair:" + repair.getId() + ":Task_PostPartsUsed:round-0");
    assertThat(entries).singleElement().satisfies(entry -> {
      assertThat(entry.type()).isEqualTo(EntryType.REPAIR_USE);
      assertThat(entry.itemCode()).isEqualTo(FAUCET);
      assertThat(entry.quantity()).isEqualByComparingTo("-1");
      assertThat(entry.actor()).isEqualTo(PLUMBER);
    });
    assertThat(ledger.reconcile().consistent()).isTrue();
    assertThat(variable(repair, "firstResponder")).isEqualTo(FIRST_RESPONDER);
    assertThat(variable(repair, "technician")).isEqualTo(PLUMBER);
    assertThat(variable(repair, "reporterId")).isEqualTo(REPORTER);
    assertThat(variable(repair, "satisfaction")).isEqualTo(5);
    assertThat(variable(repair, "partsCost")).isEqualTo(38.0);
    for (String timestamp : List.of("reportedAt", "respondedAt", "dispatchedAt", "resolvedAt", "closedAt")) {
      assertThat(variable(repair, timestamp)).as(timestamp).isNotNull();
    }
  }

  @Test
  void firstResponderIsTheClaimerEvenWhenAnotherUserCompletesAndTheWorkIsReassigned() {
    ProcessInstance repair = driver.reportAs(REPORTER, faucetLeak());
    driver.claimReport(repair, FIRST_RESPONDER);
    Task dispatch = driver.task(repair, "Task_DispatchRepair");
    assertThat(dispatch.getOwner()).isEqualTo(FIRST_RESPONDER);

    // the first responder hands the dispatch to a colleague, who completes it
    driver.as(FIRST_RESPONDER, () -> driver.tasks.setAssignee(dispatch.getId(), OTHER_STAFF));
    driver.dispatchToTechnician(repair, OTHER_STAFF, ELECTRICIAN);
    // the work is reassigned from the electrician to the plumber
    Task work = driver.task(repair, "Task_RepairWork");
    assertThat(work.getOwner()).isEqualTo(FIRST_RESPONDER);
    driver.as(FIRST_RESPONDER, () -> driver.tasks.setAssignee(work.getId(), PLUMBER));
    driver.recordWork(repair, PLUMBER, "wear", List.of(), 0);
    driver.executeJobs(repair);

    assertThat(driver.runtime.getVariable(repair.getId(), "firstResponder")).isEqualTo(FIRST_RESPONDER);
    assertThat(driver.runtime.getVariable(repair.getId(), "technician")).isEqualTo(PLUMBER);
    assertThat(driver.task(repair, "Task_ConfirmRepair").getOwner()).isEqualTo(FIRST_RESPONDER);
  }

  @Test
  void outsideContractorsWorkIsRecordedByTheFirstResponder() {
    ProcessInstance repair = driver.reportAs(REPORTER, RepairDriver.report("操场东侧", "grounds", "塑胶跑道起皮约2平方米", "normal"));
    driver.claimReport(repair, FIRST_RESPONDER);
    Task dispatch = driver.task(repair, "Task_DispatchRepair");
    assertRefused(() -> driver.complete(FIRST_RESPONDER, dispatch, Map.of("dispatchMode", "contractor")), "外包单位必填");
    driver.complete(FIRST_RESPONDER, dispatch, Map.of("dispatchMode", "contractor", "contractor", "某某体育设施公司"));

    assertThat(repair).isWaitingAt("Task_RepairWork").task().isAssignedTo(FIRST_RESPONDER);
    driver.recordWork(repair, FIRST_RESPONDER, "wear", List.of(), 1200.0);
    driver.executeJobs(repair);
    assertThat(repair).isWaitingAt("Task_ConfirmRepair");
    assertThat(driver.runtime.getVariable(repair.getId(), "contractor")).isEqualTo("某某体育设施公司");
    assertThat(driver.runtime.getVariable(repair.getId(), "technician")).isNull();
    assertThat(driver.runtime.getVariable(repair.getId(), "repairCost")).isEqualTo(1200.0);
  }

  @Test
  void onlyLogisticsStaffCanBecomeFirstResponder() {
    ProcessInstance repair = driver.reportAs(REPORTER, faucetLeak());
    Task dispatch = driver.task(repair, "Task_DispatchRepair");

    assertRefused(() -> driver.tasks.setAssignee(dispatch.getId(), PLUMBER), "须由后勤人员受理");
    assertThat(driver.runtime.getVariable(repair.getId(), "firstResponder")).isNull();
    assertThat(driver.task(repair, "Task_DispatchRepair").getAssignee()).isNull();
  }

  @Test
  void notFixedReopensTheCaseToTheSameFirstResponderAndPostsTheSecondRoundsPartsSeparately() {
    BigDecimal before = balance(FAUCET);
    ProcessInstance repair = driver.reportAs(REPORTER, faucetLeak());
    driver.claimReport(repair, FIRST_RESPONDER);
    driver.dispatchToTechnician(repair, FIRST_RESPONDER, PLUMBER);
    driver.recordWork(repair, PLUMBER, "wear", List.of(part(FAUCET, 1)), 38.0);
    driver.executeJobs(repair);

    driver.confirm(repair, REPORTER, false, 2);

    assertThat(repair).isWaitingAt("Task_DispatchRepair").task().isAssignedTo(FIRST_RESPONDER);
    assertThat(driver.runtime.getVariable(repair.getId(), "reopenCount")).isEqualTo(1);
    assertThat(driver.runtime.getVariable(repair.getId(), "firstResponder")).isEqualTo(FIRST_RESPONDER);

    driver.dispatchToTechnician(repair, FIRST_RESPONDER, PLUMBER);
    driver.recordWork(repair, PLUMBER, "wear", List.of(part(FAUCET, 1)), 38.0);
    driver.executeJobs(repair);
    driver.confirm(repair, REPORTER, true, 4);
    driver.executeJobs(repair);

    assertThat(repair).isWaitingAt("Task_CloseCase").task().isAssignedTo(FIRST_RESPONDER);
    assertThat(ledger.entriesOfVoucher("repair:" + repair.getId() + ":Task_PostPartsUsed:round-1")).hasSize(1);
    assertThat(balance(FAUCET)).isEqualByComparingTo(before.subtract(new BigDecimal("2")));
    assertThat(driver.runtime.getVariable(repair.getId(), "reopenCount")).isEqualTo(1);
  }

  @Test
  void partsShortageWaitsForPartsWithoutAnIncidentAndPostsOnceTheyArrive() {
    String valve = "TST-RV-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    ledger.registerItem(new NewItem(valve, "测试角阀", "4分", "个", ItemCategory.PLUMBING.id(), BigDecimal.ZERO));
    // one in stock: the work form offers it, the technician takes two
    ledger.receive(Voucher.manual("TEST-FIRST-" + valve, "wuxiaohong"),
        List.of(StockLine.of(valve, BigDecimal.ONE, new BigDecimal("22"))));
    ProcessInstance repair = driver.reportAs(REPORTER, faucetLeak());
    driver.claimReport(repair, FIRST_RESPONDER);
    driver.dispatchToTechnician(repair, FIRST_RESPONDER, PLUMBER);
    driver.recordWork(repair, PLUMBER, "wear", List.of(part(valve, 2)), 60.0);

    driver.executeJobs(repair);

    assertThat(repair).isWaitingAt("Task_WaitForParts").task().isAssignedTo(FIRST_RESPONDER);
    assertThat(driver.runtime.createIncidentQuery().processInstanceId(repair.getId()).count()).isZero();
    assertThat((String) driver.runtime.getVariable(repair.getId(), "shortageMessage")).contains("库存不足").contains(valve);
    assertThat(balance(valve)).isEqualByComparingTo("1");

    ledger.receive(Voucher.manual("TEST-RECEIPT-" + valve, "wuxiaohong"),
        List.of(StockLine.of(valve, new BigDecimal("5"), new BigDecimal("22"))));
    driver.complete(FIRST_RESPONDER, driver.task(repair, "Task_WaitForParts"), Map.of("partsNote", "已入库5个"));
    assertThat(repair).isWaitingAt("Task_RepairWork").task().isAssignedTo(PLUMBER);
    driver.recordWork(repair, PLUMBER, "wear", List.of(part(valve, 2)), 60.0);
    driver.executeJobs(repair);

    assertThat(repair).isWaitingAt("Task_ConfirmRepair");
    assertThat(balance(valve)).isEqualByComparingTo("4");
    assertThat(driver.runtime.getVariable(repair.getId(), "shortageMessage")).isNull();
    assertThat(ledger.reconcile().consistent()).isTrue();
  }

  @Test
  void unknownAssetTagIsRefusedWithAMessageAndNoCaseIsCreated() {
    Map<String, Object> report = faucetLeak();
    report.put("assetTag", "ZC2099-999999");
    long before = driver.runtime.createProcessInstanceQuery().processDefinitionKey(ProcessKeys.REPAIR).count();

    assertRefused(() -> driver.reportAs(REPORTER, report), "资产编号 ZC2099-999999", "unknown asset tag");
    assertThat(driver.runtime.createProcessInstanceQuery().processDefinitionKey(ProcessKeys.REPAIR).count()).isEqualTo(before);
  }

  @Test
  void reportsWithMissingOrInvalidFieldsAreRefused() {
    Map<String, Object> noLocation = faucetLeak();
    noLocation.put("location", "  ");
    assertRefused(() -> driver.reportAs(REPORTER, noLocation), "报修地点必填");
    Map<String, Object> badCategory = faucetLeak();
    badCategory.put("category", "rocket");
    assertRefused(() -> driver.reportAs(REPORTER, badCategory), "报修类别取值无效");
    Map<String, Object> badUrgency = faucetLeak();
    badUrgency.put("urgency", 3);
    assertRefused(() -> driver.reportAs(REPORTER, badUrgency), "紧急程度取值无效");
    Map<String, Object> onBehalf = faucetLeak();
    onBehalf.put("reporterId", "liuyang");
    assertRefused(() -> driver.reportAs(REPORTER, onBehalf), "只有后勤人员可以代他人报修");
  }

  @Test
  void logisticsStaffMayReportOnBehalfOfATeacherWhoThenConfirms() {
    Map<String, Object> phoneCall = faucetLeak();
    phoneCall.put("reporterId", "liuyang");
    ProcessInstance repair = driver.reportAs(OTHER_STAFF, phoneCall);
    assertThat(driver.runtime.getVariable(repair.getId(), "reporterId")).isEqualTo("liuyang");
    assertThat(driver.runtime.getVariable(repair.getId(), "reportedBy")).isEqualTo(OTHER_STAFF);
  }

  @Test
  void dispatchAndWorkRecordsAreCheckedOnTheServer() {
    ProcessInstance repair = driver.reportAs(REPORTER, faucetLeak());
    driver.claimReport(repair, FIRST_RESPONDER);
    assertRefused(() -> driver.dispatchToTechnician(repair, FIRST_RESPONDER, OTHER_STAFF), "维修工取值无效：" + OTHER_STAFF);
    driver.dispatchToTechnician(repair, FIRST_RESPONDER, PLUMBER);
    assertRefused(() -> driver.recordWork(repair, PLUMBER, "wear", List.of(part("NO-SUCH-ITEM", 1)), 10.0), "NO-SUCH-ITEM");
    assertRefused(() -> driver.recordWork(repair, PLUMBER, "wear", List.of(part(FAUCET, -1)), 10.0), "所用库存配件第1行：数量不能小于0.001");
    assertRefused(() -> driver.recordWork(repair, PLUMBER, "vandals", List.of(), 10.0), "损坏原因取值无效");
    assertThat(repair).isWaitingAt("Task_RepairWork");
  }

  @Test
  void technicianCannotConfirmTheReportersFollowUp() {
    ProcessInstance repair = driver.reportAs(REPORTER, faucetLeak());
    driver.claimReport(repair, FIRST_RESPONDER);
    driver.dispatchToTechnician(repair, FIRST_RESPONDER, PLUMBER);
    driver.recordWork(repair, PLUMBER, "wear", List.of(), 0);
    driver.executeJobs(repair);
    Task followUp = driver.task(repair, "Task_ConfirmRepair");

    assertRefused(() -> driver.tasks.setAssignee(followUp.getId(), PLUMBER), "回访确认只能由报修人 zhangwei 本人完成");
    // the technician has no right to work the reporter's task at all ...
    assertThatThrownBy(() -> driver.complete(PLUMBER, followUp, Map.of("fixed", true, "satisfaction", 5)))
        .isInstanceOf(AuthorizationException.class).hasMessageContaining(PLUMBER);
    // ... and whoever may see it (the first responder owns it) cannot confirm on the reporter's behalf
    assertRefused(() -> driver.complete(FIRST_RESPONDER, followUp, Map.of("fixed", true, "satisfaction", 5)),
        "回访确认只能由报修人 zhangwei 本人完成", "不能代为确认");
    assertThat(repair).isWaitingAt("Task_ConfirmRepair").task().isAssignedTo(REPORTER);

    assertRefused(() -> driver.confirm(repair, REPORTER, true, 9), "满意度取值无效：9");
    driver.confirm(repair, REPORTER, true, 5);
    assertThat(repair).isWaitingAt("Task_CloseCase");
  }

  private BigDecimal balance(String itemCode) {
    return ledger.findItem(itemCode).map(Item::quantity).orElseThrow();
  }

  private Object variable(ProcessInstance instance, String name) {
    HistoricVariableInstance variable = history.createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).variableName(name).singleResult();
    return variable == null ? null : variable.getValue();
  }
}
