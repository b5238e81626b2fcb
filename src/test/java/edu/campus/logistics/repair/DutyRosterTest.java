package edu.campus.logistics.repair;

import static edu.campus.logistics.repair.RepairDriver.faucetLeak;
import static edu.campus.logistics.repair.RepairDriver.report;
import static org.assertj.core.api.Assertions.assertThat;

import edu.campus.logistics.cases.Escalation;
import edu.campus.logistics.cases.JsonVariable;
import edu.campus.logistics.duty.DutyTasklist;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * The 24-hour duty roster (duty-roster.dmn) and the working-time SLA clocks, with the clock under
 * test control. Roster defaults: Mon/Wed/Fri/Sun 郑凯 (zhengkai) with 王芳 (wangfang) as duty leader,
 * Tue/Thu/Sat 冯雪 (fengxue) with 李建国 (lijianguo); 2027-01-01 is a holiday with 冯雪 on duty;
 * working hours Mon–Fri 08:00–17:30.
 */
class DutyRosterTest extends RepairScenario {

  @Value("${campus.time-zone}")
  ZoneId zone;
  @Autowired
  FilterService filters;

  @Test
  void anUrgentReportAt22GoesToThePersonOnDutyAndEscalatesToTheDutyLeaderThenTheHeadOfLogistics() {
    at("2030-03-05T22:00"); // a Tuesday: 冯雪 on duty, 李建国 duty leader
    ProcessInstance repair = driver.reportAs(REPORTER, report("男生宿舍3号楼", "plumbing", "三楼水管爆裂，走廊积水", "urgent"));

    Task dispatch = driver.task(repair, "Task_DispatchRepair");
    assertThat(candidates(dispatch)).containsExactlyInAnyOrder("user:fengxue", "group:logistics-staff");
    assertThat(variable(repair, "dutyOfficer")).isEqualTo("fengxue");
    assertThat(variable(repair, "dutyLeader")).isEqualTo("lijianguo");
    Filter dutyFilter = filters.createFilterQuery().filterName(DutyTasklist.MY_DUTY_TASKS).singleResult();
    assertThat(driver.as("fengxue", () -> filters.<Task>listPage(dutyFilter.getId(), 0, 500)))
        .as("冯雪's 我的值班任务").extracting(Task::getId).contains(dispatch.getId());
    assertThat(driver.as(FIRST_RESPONDER, () -> filters.<Task>listPage(dutyFilter.getId(), 0, 500)))
        .extracting(Task::getId).doesNotContain(dispatch.getId());
    assertThat(variable(repair, "firstResponder")).isNull();
    assertThat(timer(repair, "Timer_ResponseOverdue").getDuedate()).isEqualTo(date("2030-03-05T22:30"));

    at("2030-03-05T22:31");
    fire(repair, "Timer_ResponseOverdue");
    Task leaders = supervisionTasks(repair).get(0);
    assertThat(candidates(leaders)).containsExactly("user:lijianguo");
    assertThat(leaders.getDescription()).contains("响应超时").contains("一级督办");
    assertThat(escalations(repair)).singleElement().satisfies(escalation -> {
      assertThat(escalation.level()).isEqualTo(1);
      assertThat(escalation.group()).isEqualTo("duty-leader");
    });

    at("2030-03-05T23:01");
    fire(repair, "Timer_ResponseOverdue");
    assertThat(supervisionTasks(repair)).hasSize(2);
    assertThat(escalations(repair)).extracting(Escalation::level, Escalation::group)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "duty-leader"),
            org.assertj.core.groups.Tuple.tuple(2, "logistics-head"));
    assertThat(driver.as("gaoming", () -> driver.tasks.createTaskQuery().processInstanceId(repair.getId())
        .taskCandidateGroup("logistics-head").count())).isEqualTo(1);

    driver.as("lijianguo", () -> driver.tasks.claim(leaders.getId(), "lijianguo"));
    driver.complete("lijianguo", leaders, Map.of("supervisionNote", "请冯雪立即到场关闭总阀"));
    assertThat(escalations(repair).get(0).handledBy()).isEqualTo("lijianguo");

    at("2030-03-05T23:05");
    driver.claimReport(repair, "fengxue");
    assertThat(variable(repair, "firstResponder")).as("who takes it is the first responder").isEqualTo("fengxue");
    assertThat(variable(repair, "respondedAt")).isEqualTo(date("2030-03-05T23:05"));
  }

  @Test
  void theNightBeforeTheHandoverBelongsToThePreviousDaysDuty() {
    at("2030-03-07T02:00"); // Thursday 02:00: still Wednesday's duty, 郑凯
    ProcessInstance repair = driver.reportAs(REPORTER, report("教学楼一层", "electrical", "配电箱冒烟", "urgent"));
    assertThat(candidates(driver.task(repair, "Task_DispatchRepair"))).contains("user:zhengkai");
  }

  @Test
  void anUrgentReportInWorkingHoursStaysInTheLogisticsQueueAroundTheClock() {
    at("2030-03-05T10:00");
    ProcessInstance repair = driver.reportAs(REPORTER, report("教学楼一层", "electrical", "配电箱冒烟", "urgent"));
    assertThat(candidates(driver.task(repair, "Task_DispatchRepair"))).containsExactly("group:logistics-staff");
    assertThat(variable(repair, "dutyOfficer")).isNull();
    assertThat(variable(repair, "resolutionDueAt")).isEqualTo(date("2030-03-05T14:00"));
  }

  @Test
  void aNormalReportAt22HasItsDeadlinesFromTheNextWorkingMorning() {
    at("2030-03-05T22:00"); // Tuesday evening
    ProcessInstance repair = driver.reportAs(REPORTER, faucetLeak()); // PT4H / P2D

    assertThat(candidates(driver.task(repair, "Task_DispatchRepair"))).containsExactly("group:logistics-staff");
    assertThat(variable(repair, "responseDueAt")).isEqualTo(date("2030-03-06T12:00"));
    assertThat(variable(repair, "resolutionDueAt")).isEqualTo(date("2030-03-08T08:00"));
    assertThat(timer(repair, "Timer_ResponseOverdue").getDuedate()).isEqualTo(date("2030-03-06T12:00"));
    assertThat(timer(repair, "Timer_ResolutionOverdue").getDuedate()).isEqualTo(date("2030-03-08T08:00"));
  }

  @Test
  void aFridayEveningReportIsNotLateOnSaturdayMorning() {
    at("2030-03-08T19:00"); // Friday evening
    ProcessInstance repair = driver.reportAs(REPORTER, faucetLeak());

    assertThat(timer(repair, "Timer_ResponseOverdue").getDuedate()).isEqualTo(date("2030-03-11T12:00"));
    assertThat(timer(repair, "Timer_ResolutionOverdue").getDuedate()).isEqualTo(date("2030-03-13T08:00"));
    at("2030-03-09T09:00");
    assertThat(driver.management.createJobQuery().processInstanceId(repair.getId()).timers()
        .duedateLowerThan(ClockUtil.getCurrentTime()).count()).as("nothing due on Saturday").isZero();

    at("2030-03-11T12:01");
    fire(repair, "Timer_ResponseOverdue");
    assertThat(escalations(repair)).extracting(Escalation::group).containsExactly("logistics-head");
    assertThat(timer(repair, "Timer_ResponseOverdue").getDuedate()).as("the second level one period later")
        .isEqualTo(date("2030-03-11T16:00"));
  }

  @Test
  void aHolidayInTheRosterIsHonoured() {
    at("2026-12-31T22:00"); // Thursday; Friday 2027-01-01 is a holiday in the roster, then the weekend
    ProcessInstance normal = driver.reportAs(REPORTER, faucetLeak());
    assertThat(variable(normal, "responseDueAt")).isEqualTo(date("2027-01-04T12:00"));

    at("2027-01-01T10:00"); // a Friday, but a holiday: outside working hours, with the holiday's duty
    ProcessInstance urgent = driver.reportAs(REPORTER, report("食堂", "electrical", "冷库断电", "urgent"));
    assertThat(candidates(driver.task(urgent, "Task_DispatchRepair"))).contains("user:fengxue");
    assertThat(variable(urgent, "dutyLeader")).isEqualTo("lijianguo");
  }

  private void at(String localTime) {
    ClockUtil.setCurrentTime(date(localTime));
  }

  private Date date(String localTime) {
    return Date.from(LocalDateTime.parse(localTime).atZone(zone).toInstant());
  }

  private List<String> candidates(Task task) {
    return driver.tasks.getIdentityLinksForTask(task.getId()).stream().filter(link -> "candidate".equals(link.getType()))
        .map(DutyRosterTest::describe).toList();
  }

  private static String describe(IdentityLink link) {
    return link.getUserId() != null ? "user:" + link.getUserId() : "group:" + link.getGroupId();
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
    return driver.tasks.createTaskQuery().processInstanceId(repair.getId()).taskDefinitionKey("Task_SuperviseRepair")
        .orderByTaskCreateTime().asc().list();
  }

  private List<Escalation> escalations(ProcessInstance repair) {
    return JsonVariable.readList(driver.runtime.getVariable(repair.getId(), "escalations"), Escalation.class,
        "escalations", "escalations");
  }

  private Object variable(ProcessInstance repair, String name) {
    return driver.runtime.getVariable(repair.getId(), name);
  }
}
