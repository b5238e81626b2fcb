package edu.campus.logistics.repair;

import static edu.campus.logistics.repair.RepairDriver.faucetLeak;
import static edu.campus.logistics.repair.RepairDriver.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import edu.campus.logistics.cases.JsonVariable;
import edu.campus.logistics.cases.Escalation;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SLA deadlines from repair-sla.dmn and the escalation (三级督查) they drive, with the clock under test control. */
class RepairSlaTest extends RepairScenario {

  static final Instant T0 = Instant.parse("2030-03-04T08:00:00Z");

  @BeforeEach
  void startAtT0() {
    at(Duration.ZERO);
  }

  @Test
  void urgentAndNormalDeadlinesComeFromTheDecisionTable() {
    ProcessInstance urgent = driver.reportAs(REPORTER, report("实验楼二层", "electrical", "配电箱跳闸，整层停电", "urgent"));
    ProcessInstance normal = driver.reportAs(REPORTER, faucetLeak());

    assertThat(variable(urgent, "responseDeadline")).isEqualTo("PT30M");
    assertThat(variable(urgent, "resolutionDeadline")).isEqualTo("PT4H");
    assertThat(variable(normal, "responseDeadline")).isEqualTo("PT4H");
    assertThat(variable(normal, "resolutionDeadline")).isEqualTo("P2D");
    assertThat(variable(urgent, "suggestedTrade")).isEqualTo("电工");
    assertThat(variable(normal, "suggestedTrade")).isEqualTo("水暖工");
    assertThat(variable(urgent, "responseDueAt")).isEqualTo(Date.from(T0.plus(Duration.ofMinutes(30))));
    assertThat(variable(normal, "resolutionDueAt")).isEqualTo(Date.from(T0.plus(Duration.ofDays(2))));

    assertThat(timer(urgent, "Timer_ResponseOverdue").getDuedate()).isEqualTo(Date.from(T0.plus(Duration.ofMinutes(30))));
    assertThat(timer(urgent, "Timer_ResolutionOverdue").getDuedate()).isEqualTo(Date.from(T0.plus(Duration.ofHours(4))));
    assertThat(timer(normal, "Timer_ResponseOverdue").getDuedate()).isEqualTo(Date.from(T0.plus(Duration.ofHours(4))));
    assertThat(timer(normal, "Timer_ResolutionOverdue").getDuedate()).isEqualTo(Date.from(T0.plus(Duration.ofDays(2))));

    Map<String, Object> grounds = engine.getDecisionService().evaluateDecisionTableByKey("repair-sla",
        Variables.createVariables().putValue("category", "grounds").putValue("urgency", "normal")).getSingleResult().getEntryMap();
    assertThat(grounds).containsEntry("responseDeadline", "PT8H").containsEntry("resolutionDeadline", "P5D");
  }

  @Test
  void theSupervisionTableNamesLevelAndSupervisorByHowOftenAStageIsOverdue() {
    for (int count = 1; count <= 3; count++) {
      Map<String, Object> supervision = engine.getDecisionService().evaluateDecisionTableByKey(Supervision.DECISION,
          Variables.createVariables().putValue(Supervision.OVERDUE_COUNT, count)).getSingleResult().getEntryMap();
      assertThat(supervision).as("overdue count %d", count)
          .containsEntry("escalationLevel", count == 1 ? 1 : 2)
          .containsEntry("supervisionGroup", count == 1 ? "logistics-head" : "principal");
    }
  }

  @Test
  void unattendedUrgentReportEscalatesFirstToTheLogisticsHeadThenToThePrincipal() {
    ProcessInstance repair = driver.reportAs(REPORTER, report("实验楼二层", "electrical", "配电箱跳闸，整层停电", "urgent"));

    at(Duration.ofMinutes(31));
    fire(repair, "Timer_ResponseOverdue");

    List<Task> supervision = supervisionTasks(repair);
    assertThat(supervision).hasSize(1);
    assertThat(supervision.get(0)).hasCandidateGroup("logistics-head");
    assertThat(supervision.get(0).getDescription()).contains("响应超时").contains("一级督办");
    assertThat(variable(repair, "escalationLevel")).isEqualTo(1);
    List<Escalation> escalations = escalations(repair);
    assertThat(escalations).singleElement().satisfies(escalation -> {
      assertThat(escalation.stage()).isEqualTo("response");
      assertThat(escalation.level()).isEqualTo(1);
      assertThat(escalation.group()).isEqualTo("logistics-head");
      assertThat(escalation.at()).isEqualTo(T0.plus(Duration.ofMinutes(31)).toString());
    });
    assertThat(driver.as("gaoming", () -> driver.tasks.createTaskQuery().processInstanceId(repair.getId())
        .taskCandidateGroup("logistics-head").count())).isEqualTo(1);

    at(Duration.ofMinutes(62));
    fire(repair, "Timer_ResponseOverdue");

    assertThat(supervisionTasks(repair)).hasSize(2);
    assertThat(variable(repair, "escalationLevel")).isEqualTo(2);
    assertThat(escalations(repair)).extracting(Escalation::level, Escalation::group)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "logistics-head"), org.assertj.core.groups.Tuple.tuple(2, "principal"));
    assertThat(driver.as("lijianguo", () -> driver.tasks.createTaskQuery().processInstanceId(repair.getId())
        .taskCandidateGroup("principal").count())).isEqualTo(1);
    assertThat(timer(repair, "Timer_ResponseOverdue")).as("the response timer fires twice, no more").isNull();
    assertThat(repair).isWaitingAt("Task_DispatchRepair");
    assertThat(variable(repair, "firstResponder")).isNull();

    Task headsTask = supervisionTasks(repair).stream()
        .filter(task -> "logistics-head".equals(candidateGroup(task))).findFirst().orElseThrow();
    driver.as("gaoming", () -> driver.tasks.claim(headsTask.getId(), "gaoming"));
    driver.complete("gaoming", headsTask, Map.of("supervisionNote", "请郑凯立即受理并派电工"));
    assertThat(escalations(repair).get(0).handledBy()).isEqualTo("gaoming");
    assertThat(escalations(repair).get(0).note()).isEqualTo("请郑凯立即受理并派电工");

    driver.claimReport(repair, FIRST_RESPONDER);
    assertThat(variable(repair, "firstResponder")).isEqualTo(FIRST_RESPONDER);
  }

  @Test
  void firstResponderSeesTheSupervisionOfHisCaseButOnlyTheHeadOfLogisticsWorksIt() {
    ProcessInstance repair = driver.reportAs(REPORTER, faucetLeak());
    driver.claimReport(repair, FIRST_RESPONDER);
    driver.dispatchToTechnician(repair, FIRST_RESPONDER, "majian");
    at(Duration.ofDays(2).plusMinutes(1));
    fire(repair, "Timer_ResolutionOverdue");
    Task supervision = supervisionTasks(repair).get(0);
    assertThat(supervision.getOwner()).isEqualTo(FIRST_RESPONDER);
    Map<String, Object> note = Map.of("variables", Map.of("supervisionNote", Map.of("value", "已督促")));

    assertForbidden(onTask(supervision, "claim", FIRST_RESPONDER, Map.of("userId", FIRST_RESPONDER)), supervision, FIRST_RESPONDER);
    assertForbidden(onTask(supervision, "complete", FIRST_RESPONDER, note), supervision, FIRST_RESPONDER);
    // as owner he may hand it over, but only to someone of the head of logistics' group
    assertForbidden(onTask(supervision, "claim", FIRST_RESPONDER, Map.of("userId", "fengxue")), supervision, "fengxue 不是");

    assertThat(onTask(supervision, "claim", "gaoming", Map.of("userId", "gaoming")).status()).isEqualTo(204);
    assertThat(onTask(supervision, "complete", "gaoming", note).status()).isEqualTo(204);
    assertThat(escalations(repair).get(0).handledBy()).isEqualTo("gaoming");
  }

  @Test
  void overdueResolutionEscalatesTwiceWithoutMovingTheFirstResponderAndClosingEndsOpenSupervision() {
    ProcessInstance repair = driver.reportAs(REPORTER, faucetLeak());
    at(Duration.ofMinutes(10));
    driver.claimReport(repair, FIRST_RESPONDER);
    driver.dispatchToTechnician(repair, FIRST_RESPONDER, "majian");
    assertThat(timer(repair, "Timer_ResponseOverdue")).as("dispatched in time: no response escalation").isNull();

    at(Duration.ofDays(2).plusMinutes(1));
    fire(repair, "Timer_ResolutionOverdue");
    at(Duration.ofDays(4).plusMinutes(2));
    fire(repair, "Timer_ResolutionOverdue");

    assertThat(escalations(repair)).extracting(Escalation::stage).containsExactly("resolution", "resolution");
    assertThat(escalations(repair)).extracting(Escalation::group).containsExactly("logistics-head", "principal");
    assertThat(supervisionTasks(repair)).hasSize(2).allSatisfy(task -> assertThat(task.getOwner()).isEqualTo(FIRST_RESPONDER));
    assertThat(variable(repair, "firstResponder")).isEqualTo(FIRST_RESPONDER);
    assertThat(variable(repair, "escalationLevel")).isEqualTo(2);

    driver.recordWork(repair, "majian", "wear", List.of(), 50.0);
    driver.executeJobs(repair);
    driver.confirm(repair, REPORTER, true, 3);
    driver.executeJobs(repair);
    driver.complete(FIRST_RESPONDER, driver.task(repair, "Task_CloseCase"), Map.of());

    assertThat(repair).isEnded();
    assertThat(driver.tasks.createTaskQuery().processInstanceId(repair.getId()).count()).isZero();
  }

  private void at(Duration sinceT0) {
    ClockUtil.setCurrentTime(Date.from(T0.plus(sinceT0)));
  }

  private void fire(ProcessInstance repair, String timerId) {
    Job job = timer(repair, timerId);
    assertThat(job).as(timerId + " pending").isNotNull();
    assertThat(job.getDuedate()).isBeforeOrEqualTo(ClockUtil.getCurrentTime());
    driver.management.executeJob(job.getId());
  }

  private Job timer(ProcessInstance repair, String timerId) {
    return driver.timer(repair, timerId);
  }

  private List<Task> supervisionTasks(ProcessInstance repair) {
    return driver.tasks.createTaskQuery().processInstanceId(repair.getId()).taskDefinitionKey("Task_SuperviseRepair").list();
  }

  private String candidateGroup(Task task) {
    return driver.tasks.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> link.getGroupId() != null).map(link -> link.getGroupId()).findFirst().orElse(null);
  }

  private List<Escalation> escalations(ProcessInstance repair) {
    return JsonVariable.readList(driver.runtime.getVariable(repair.getId(), "escalations"), Escalation.class,
        "escalations", "escalations");
  }

  private Object variable(ProcessInstance repair, String name) {
    return driver.runtime.getVariable(repair.getId(), name);
  }
}
