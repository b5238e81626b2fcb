package edu.campus.logistics.repair;

import static edu.campus.logistics.OpenTasks.REPORTER;
import static edu.campus.logistics.OpenTasks.TECHNICIAN;
import static edu.campus.logistics.OpenTasks.completion;
import static edu.campus.logistics.OpenTasks.restValues;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import edu.campus.logistics.ModelEngine;
import edu.campus.logistics.duty.DutyClock;
import edu.campus.logistics.duty.DutyOffers;
import edu.campus.logistics.ModelEngine.Steps;
import edu.campus.logistics.OpenTasks;
import edu.campus.logistics.identity.ProcessKeys;
import edu.campus.logistics.identity.SingleGroupUsers;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The repair model's own logic on the bare engine: first-response ownership, the SLA decision
 * and its timers with the supervision ladder, parts shortage, re-work and damage compensation,
 * with the model's real listeners. The case starts before the SLA decision with what the report
 * validation stores (that validation reads the asset register); the ledger and register steps
 * are recorded, tested with the whole application in {@link RepairProcessTest}.
 */
@Deployment(resources = {"processes/repair/repair.bpmn", "processes/repair/repair-sla.dmn",
    "processes/repair/damage-compensation.bpmn", "processes/duty/duty-roster.dmn"})
class RepairModelPathsTest {

  @RegisterExtension
  static ProcessEngineExtension extension = ModelEngine.extension();

  private static final String FIRST_RESPONDER = SingleGroupUsers.of("logistics-staff");
  private static final ZoneId SCHOOL_ZONE = ZoneId.of("Asia/Shanghai");

  private final Steps ledgerAndRegister = new Steps();
  private OpenTasks cases;

  @BeforeEach
  void registerListeners(ProcessEngine engine) throws Exception {
    People people = new People(engine.getIdentityService());
    Mocks.register("validateRepairReport", new Steps());
    DutyClock dutyClock = new DutyClock(SCHOOL_ZONE);
    SlaClock clock = new SlaClock(dutyClock);
    Mocks.register("slaClock", clock);
    Mocks.register("applyRepairSla", new ApplyRepairSla(clock, dutyClock));
    Mocks.register("tellSourceCase", new TellSourceCase());
    Mocks.register("assignToDuty", new AssignToDuty(new DutyOffers(engine.getIdentityService(), SCHOOL_ZONE)));
    Mocks.register("offerTechnicians", new OfferTechnicians(people));
    Mocks.register("recordFirstResponder", new RecordFirstResponder(people));
    Mocks.register("dispatchRepair", new DispatchRepair(people));
    Mocks.register("offerParts", ledgerAndRegister);
    Mocks.register("recordRepairWork", ledgerAndRegister);
    Mocks.register("postRepairParts", ledgerAndRegister);
    Mocks.register("recordAssetDamage", (JavaDelegate) execution -> {
      ledgerAndRegister.execute(execution);
      execution.setVariable(RepairVariables.DAMAGE_REPORTED, true);
    });
    Mocks.register("recordAssetRepaired", ledgerAndRegister);
    Mocks.register("followUpByReporterOnly", new FollowUpByReporterOnly());
    Mocks.register("confirmRepair", new ConfirmRepair());
    Mocks.register("closeRepair", new CloseRepair());
    Mocks.register("slaEscalation", new SlaEscalation());
    Mocks.register("explainSupervision", new ExplainSupervision());
    Mocks.register("assessDamage", new AssessDamage());
    Mocks.register("approveCompensation", new ApproveCompensation());
    Mocks.register("settleCompensation", new SettleCompensation());
    cases = new OpenTasks(engine);
  }

  @AfterEach
  void reset() {
    Mocks.reset();
    ClockUtil.reset();
  }

  @Test
  void aReportIsTakenDispatchedRepairedConfirmedAndClosedByTheRightPeopleInOrder() {
    ProcessInstance repair = report(null);
    Task dispatch = cases.task(repair, "Task_DispatchRepair");
    assertThat(dispatch).hasCandidateGroup("logistics-staff").isNotAssigned();

    walk(repair, "Task_DispatchRepair", "Task_RepairWork", "Task_ConfirmRepair");
    assertThat(cases.task(repair, "Task_CloseCase")).isAssignedTo(FIRST_RESPONDER);
    cases.complete(FIRST_RESPONDER, cases.task(repair, "Task_CloseCase"), restValues(completion("Task_CloseCase")));

    assertThat(repair).hasPassedInOrder("Task_DetermineSla", "Task_DispatchRepair", "Task_RepairWork",
        "Task_PostPartsUsed", "Task_ConfirmRepair", "Task_CloseCase", "EndEvent_Closed")
        .hasNotPassed("Task_SuperviseRepair", "Task_RecordAssetRepaired").isEnded();
    assertThat(ledgerAndRegister.reached()).containsExactly("Task_RepairWork", "Task_RepairWork", "Task_PostPartsUsed");
  }

  @Test
  void theFirstResponderOwnsEveryLaterTaskOfTheCase() {
    ProcessInstance repair = report(null);
    walk(repair, "Task_DispatchRepair");

    Task work = cases.task(repair, "Task_RepairWork");
    assertThat(work).isAssignedTo(TECHNICIAN);
    assertThat(work.getOwner()).isEqualTo(FIRST_RESPONDER);
  }

  @Test
  void partsShortWaitWithTheFirstResponderAndGoBackToTheTechnician() {
    Mocks.register("postRepairParts", (JavaDelegate) execution -> {
      throw new BpmnError("STOCK_SHORTAGE", "库存不足：角阀 现有 0 个，需要 2 个");
    });
    ProcessInstance repair = report(null);
    walk(repair, "Task_DispatchRepair", "Task_RepairWork");

    assertThat(repair).isWaitingAt("Task_WaitForParts").task().isAssignedTo(FIRST_RESPONDER);
    assertThat(repair).variables().containsEntry(RepairVariables.SHORTAGE_MESSAGE, "库存不足：角阀 现有 0 个，需要 2 个");
    walk(repair, "Task_WaitForParts");
    assertThat(repair).isWaitingAt("Task_RepairWork").task().isAssignedTo(TECHNICIAN);
  }

  @Test
  void aRepairTheReporterFindsNotFixedGoesBackToTheFirstResponder() {
    ProcessInstance repair = report(null);
    walk(repair, "Task_DispatchRepair", "Task_RepairWork");

    cases.complete(REPORTER, cases.task(repair, "Task_ConfirmRepair"),
        Map.of(RepairVariables.FIXED, false, RepairVariables.SATISFACTION, 2, RepairVariables.FOLLOW_UP_COMMENT, "还在漏水"));

    assertThat(repair).isWaitingAt("Task_DispatchRepair").task().isAssignedTo(FIRST_RESPONDER);
    assertThat(repair).variables().containsEntry(RepairVariables.REOPEN_COUNT, 1);
  }

  @Test
  void aReportNobodyTakesIsSupervisedByTheHeadOfLogisticsThenByThePrincipal() {
    ProcessInstance repair = report(null);

    cases.fire(repair, "Timer_ResponseOverdue");
    assertThat(cases.task(repair, "Task_SuperviseRepair")).hasCandidateGroup("logistics-head");
    cases.fire(repair, "Timer_ResponseOverdue");

    assertThat(cases.tasks.createTaskQuery().processInstanceId(repair.getId()).taskDefinitionKey("Task_SuperviseRepair")
        .taskCandidateGroup("principal").count()).as("second overdue supervised by the principal").isEqualTo(1);
    assertThat(repair).isWaitingAt("Task_DispatchRepair").variables()
        .containsEntry(RepairVariables.ESCALATION_LEVEL, 2).containsEntry(RepairVariables.SUPERVISION_GROUP, "principal");
  }

  @Test
  void anAssetDamagedByPeopleIsRecordedRepairedAndCompensated() {
    ProcessInstance repair = report("ZC-2026-0001");
    walk(repair, "Task_DispatchRepair");
    Map<String, Object> damage = restValues(completion("Task_RepairWork"));
    damage.put(RepairVariables.CAUSE, "damage");
    cases.claimAndComplete(TECHNICIAN, cases.task(repair, "Task_RepairWork"), damage);
    cases.executeJobs(repair);
    walk(repair, "Task_ConfirmRepair");
    cases.executeJobs(repair);

    ProcessInstance compensation = cases.runtime.createProcessInstanceQuery().superProcessInstanceId(repair.getId())
        .singleResult();
    assertThat(compensation).isNotNull().hasBusinessKey(repair.getBusinessKey())
        .isWaitingAt("Task_AssessDamage").task().isAssignedTo(FIRST_RESPONDER);
    assertThat(repair).hasPassedInOrder("Task_PostPartsUsed", "Task_RecordAssetDamage", "Task_ConfirmRepair",
        "Task_RecordAssetRepaired").isWaitingAt("CallActivity_DamageCompensation");
  }

  /** A report as the validation stores it, started before the SLA decision; plumbing, normal urgency. */
  private ProcessInstance report(String assetTag) {
    Map<String, Object> report = new HashMap<>();
    report.put(RepairVariables.LOCATION, "教学楼三楼卫生间");
    report.put(RepairVariables.CATEGORY, "plumbing");
    report.put(RepairVariables.DESCRIPTION, "水龙头漏水");
    report.put(RepairVariables.URGENCY, "normal");
    report.put(RepairVariables.ASSET_TAG, assetTag);
    report.put(RepairVariables.REPORTER_ID, REPORTER);
    report.put(RepairVariables.REPORTED_BY, REPORTER);
    report.put(RepairVariables.REPORTED_AT, ClockUtil.getCurrentTime());
    report.put(RepairVariables.FIRST_RESPONDER, null);
    report.put(RepairVariables.REOPEN_COUNT, 0);
    report.put(RepairVariables.ESCALATION_LEVEL, 0);
    report.put(RepairVariables.ESCALATIONS, SpinValues.jsonValue("[]").create());
    report.put(RepairVariables.SUPERVISION_GROUP, null);
    report.put(RepairVariables.DAMAGE_REPORTED, false);
    return cases.runtime.createProcessInstanceByKey(ProcessKeys.REPAIR).businessKey("BX-MODEL-" + System.nanoTime())
        .setVariables(report).startBeforeActivity("Task_DetermineSla").execute();
  }

  /** Does each step as its usual actor with a valid completion, running the postings after each. */
  private void walk(ProcessInstance repair, String... steps) {
    for (String step : steps) {
      String actor = switch (step) {
        case "Task_DispatchRepair", "Task_WaitForParts" -> FIRST_RESPONDER;
        default -> OpenTasks.actor(step);
      };
      cases.claimAndComplete(actor, cases.task(repair, step), restValues(completion(step)));
      cases.executeJobs(repair);
    }
  }
}
