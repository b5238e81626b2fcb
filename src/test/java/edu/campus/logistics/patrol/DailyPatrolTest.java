package edu.campus.logistics.patrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import edu.campus.logistics.TestHttp;
import edu.campus.logistics.TestHttp.Answer;
import edu.campus.logistics.cases.Escalation;
import edu.campus.logistics.cases.JsonVariable;
import edu.campus.logistics.identity.ProcessKeys;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import com.fasterxml.jackson.databind.JsonNode;

/** 日巡日报 day by day: the rounds a day gets, defects that become repairs, rounds not done, the day's report. */
class DailyPatrolTest extends PatrolScenario {

  static final String PATROLLER = "zhengkai";
  static final String HEAD = "gaoming";

  @Autowired
  JdbcTemplate jdbc;

  @Test
  void aSchoolDayCreatesExactlyTheConfiguredRoundsAndAWeekendNone() {
    LocalDate monday = LocalDate.of(2031, 3, 3);
    ProcessInstance day = dayStarts(ProcessKeys.DAILY_PATROL, monday);

    List<Task> rounds = rounds(day);
    assertThat(rounds).hasSize(11);
    assertThat(rounds).extracting(Task::getName).contains("巡查：教学楼 · 晨巡", "巡查：宿舍楼 · 晚巡（就寝后）", "巡查：配电室 · 晨巡");
    Task night = round(day, "宿舍楼", "晚巡（就寝后）");
    assertThat(night.getAssignee()).isEqualTo("fengxue");
    assertThat(night.getDueDate()).isEqualTo(Date.from(monday.atTime(22, 30).atZone(SCHOOL).toInstant()));
    assertThat(candidateGroup(round(day, "教学楼", "晨巡"))).isEqualTo("logistics-staff");
    assertThat(round(day, "实验楼", "午巡").getAssignee()).isEqualTo("zhengkai");
    assertThat(rounds.stream().filter(task -> task.getAssignee() == null).map(this::candidateGroup))
        .hasSize(6).containsOnly("logistics-staff");
    assertThat(day.getBusinessKey()).startsWith("XJ-2031-");
    assertThat(allOk(night)).extracting(row -> row.get("itemName")).containsExactly("门窗", "电", "消防器材", "安全隐患");
    assertThat(cases.as("fengxue", () -> engine.getTaskService().createTaskQuery().processInstanceId(day.getId())
        .taskAssignee("fengxue").count())).isEqualTo(3);
    String myRounds = engine.getFilterService().createFilterQuery().filterName(PatrolTasklist.MY_ROUNDS).singleResult().getId();
    List<Task> fengxuesRounds = cases.as("fengxue", () -> engine.getFilterService().<Task>listPage(myRounds, 0, 100)).stream()
        .filter(task -> task.getProcessInstanceId().equals(day.getId())).toList();
    assertThat(fengxuesRounds).as("her own dorm rounds and the logistics staff's").hasSize(9);

    LocalDate saturday = LocalDate.of(2031, 3, 8);
    assertThat(dayStarts(ProcessKeys.DAILY_PATROL, saturday)).as("a weekend ends at once").isNull();
    HistoricProcessInstance weekend = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(ProcessKeys.DAILY_PATROL).variableValueEquals(PatrolVariables.PATROL_DATE, saturday.toString())
        .singleResult();
    assertThat(weekend.getEndActivityId()).isEqualTo("EndEvent_NoPatrol");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(weekend.getId()).count()).isZero();
  }

  @Test
  void aChecklistWithTwoDefectsStartsTwoRepairsReportedByThePatrollerAtTheArea() {
    ProcessInstance day = dayStarts(ProcessKeys.DAILY_PATROL, LocalDate.of(2031, 3, 4));
    Task teaching = round(day, "教学楼", "晨巡");

    patrol(teaching, PATROLLER, withDefect(withDefect(allOk(teaching), "doors", "三楼东侧窗户关不上", "normal"),
        "water", "一楼卫生间水管漏水", "urgent"));

    List<ProcessInstance> repairs = repairsOf(day);
    assertThat(repairs).hasSize(2);
    assertThat(repairs).extracting(repair -> variable(repair.getId(), "category"), repair -> variable(repair.getId(), "urgency"))
        .containsExactlyInAnyOrder(tuple("carpentry", "normal"), tuple("plumbing", "urgent"));
    for (ProcessInstance repair : repairs) {
      assertThat(repair.getBusinessKey()).startsWith("BX-2031-");
      assertThat(variable(repair.getId(), "location")).isEqualTo("教学楼");
      assertThat(variable(repair.getId(), "reporterId")).isEqualTo(PATROLLER);
      assertThat(variable(repair.getId(), "sourceCase")).isEqualTo(day.getBusinessKey());
      assertThat(variable(repair.getId(), "sourceRound")).isEqualTo("teaching/morning");
      assertThat((String) variable(repair.getId(), "description")).contains(day.getBusinessKey()).contains("教学楼 · 晨巡");
      assertThat(repair).isWaitingAt("Task_DispatchRepair");
    }
    assertThat(variable(repairs.stream().filter(r -> "plumbing".equals(variable(r.getId(), "category"))).findFirst()
        .orElseThrow().getId(), "description").toString()).contains("水").contains("一楼卫生间水管漏水");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(repairs.get(0).getId())
        .taskCandidateGroup("logistics-staff").count()).as("in the logistics staff's queue").isEqualTo(1);

    assertThat(jdbc.queryForObject("select count(*) from kpi_case where process_instance_id in (?, ?) and location = '教学楼'",
        Integer.class, repairs.get(0).getId(), repairs.get(1).getId())).as("the KPI read model counts them as repairs").isEqualTo(2);
    assertThat(jdbc.queryForObject("select count(*) from kpi_case where process_instance_id = ?", Integer.class, day.getId()))
        .as("a patrol day is no KPI case").isZero();

    JsonNode report = http.get("/api/patrols/2031-03-04", HEAD).json();
    assertThat(report.get("repairsStarted")).extracting(JsonNode::asText)
        .containsExactlyInAnyOrderElementsOf(repairs.stream().map(ProcessInstance::getBusinessKey).toList());
    assertThat(report.get("defects")).hasSize(2);
  }

  @Test
  void aDefectStillOpenForTheSameLocationAndCategoryIsLinkedNotReportedTwice() {
    ProcessInstance day = dayStarts(ProcessKeys.DAILY_PATROL, LocalDate.of(2031, 3, 5));
    Task morning = round(day, "教学楼", "晨巡");
    patrol(morning, PATROLLER, withDefect(allOk(morning), "doors", "三楼东侧窗户关不上", "normal"));
    ProcessInstance first = repairsOf(day).get(0);

    at(LocalDate.of(2031, 3, 5), "16:00");
    Task afternoon = round(day, "教学楼", "午巡");
    patrol(afternoon, "fengxue", withDefect(allOk(afternoon), "doors", "窗户仍然关不上", "normal"));

    assertThat(repairsOf(day)).as("one repair for 教学楼 / carpentry").singleElement()
        .extracting(ProcessInstance::getId).isEqualTo(first.getId());
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(ProcessKeys.REPAIR)
        .variableValueEquals("location", "教学楼").variableValueEquals("category", "carpentry").count()).isEqualTo(1);
    JsonNode defects = http.get("/api/patrols/2031-03-05", HEAD).json().get("defects");
    assertThat(defects).hasSize(2);
    assertThat(defects.get(1).get("linkedToOpenRepair").asBoolean()).isTrue();
    assertThat(defects.get(1).get("repairCaseNumber").asText()).isEqualTo(first.getBusinessKey());
    assertThat(defects.get(1).get("foundBy").asText()).isEqualTo("fengxue");
    // the open repair learns what the afternoon round saw, in words
    JsonNode sightings = JsonVariable.read(engine.getRuntimeService().getVariable(first.getId(),
        PatrolVariables.REPEAT_SIGHTINGS), PatrolVariables.REPEAT_SIGHTINGS, "巡查再次发现");
    assertThat(sightings).singleElement().satisfies(sighting -> {
      assertThat(sighting.get("note").asText()).isEqualTo("窗户仍然关不上");
      assertThat(sighting.get("foundBy").asText()).isEqualTo("冯雪");
      assertThat(sighting.get("round").asText()).isEqualTo("教学楼 · 午巡");
      assertThat(sighting.get("sourceCase").asText()).endsWith(day.getBusinessKey());
      assertThat(sighting.get("foundAt").asText()).isEqualTo("2031-03-05 16:00");
    });
  }

  @Test
  void aRoundNotDoneByItsDueTimeEscalatesToTheHeadOfLogistics() {
    LocalDate thursday = LocalDate.of(2031, 3, 6);
    ProcessInstance day = dayStarts(ProcessKeys.DAILY_PATROL, thursday);
    Task lab = round(day, "实验楼", "晨巡");
    Job overdue = engine.getManagementService().createJobQuery().processInstanceId(day.getId()).timers()
        .activityId("Timer_RoundOverdue").list().stream()
        .filter(job -> job.getExecutionId() != null && lab.getExecutionId().equals(job.getExecutionId())).findFirst()
        .orElseThrow();
    assertThat(overdue.getDuedate()).isEqualTo(Date.from(thursday.atTime(8, 0).atZone(SCHOOL).toInstant()));

    at(thursday, "08:01");
    engine.getManagementService().executeJob(overdue.getId());

    Task supervise = engine.getTaskService().createTaskQuery().processInstanceId(day.getId())
        .taskDefinitionKey("Task_SupervisePatrol").singleResult();
    assertThat(supervise).isNotNull();
    assertThat(candidateGroup(supervise)).isEqualTo("logistics-head");
    assertThat(engine.getTaskService().getVariable(supervise.getId(), "supervisionReason").toString())
        .contains("实验楼 · 晨巡").contains("08:00").contains("zhengkai");
    List<Escalation> escalations = escalations(day);
    assertThat(escalations).singleElement().satisfies(escalation -> {
      assertThat(escalation.stage()).isEqualTo("lab/morning");
      assertThat(escalation.group()).isEqualTo("logistics-head");
      assertThat(escalation.level()).isEqualTo(1);
    });
    assertThat(engine.getTaskService().createTaskQuery().taskId(lab.getId()).count()).as("the round may still be done").isOne();

    cases.as(HEAD, () -> {
      engine.getTaskService().claim(supervise.getId(), HEAD);
      engine.getTaskService().complete(supervise.getId(), Map.of("supervisionNote", "郑凯马上补巡实验楼"));
      return null;
    });
    assertThat(escalations(day).get(0).handledBy()).isEqualTo(HEAD);
    assertThat(escalations(day).get(0).note()).isEqualTo("郑凯马上补巡实验楼");

    at(thursday, "09:00");
    patrol(lab, "zhengkai", allOk(lab));
    JsonNode report = http.get("/api/patrols/2031-03-06", HEAD).json();
    JsonNode labRound = round(report, "实验楼", "晨巡");
    assertThat(labRound.get("status").asText()).isEqualTo("late");
    assertThat(labRound.get("escalatedAt").asText()).isNotBlank();
    assertThat(report.get("areasMissed")).extracting(JsonNode::asText).contains("实验楼");
  }

  @Test
  void theDaysReportListsAreasDoneAndMissedDefectsRepairsAndPatrollers() {
    LocalDate friday = LocalDate.of(2031, 3, 7);
    ProcessInstance day = dayStarts(ProcessKeys.DAILY_PATROL, friday);
    at(friday, "07:10");
    Task dorm = round(day, "宿舍楼", "晨巡");
    patrol(dorm, "fengxue", allOk(dorm));
    Task canteen = round(day, "食堂", "晨巡");
    patrol(canteen, PATROLLER, withDefect(allOk(canteen), "fire", "灭火器压力不足", "normal"));
    at(friday, "08:30");

    Answer answer = http.get("/api/patrols/2031-03-07", HEAD);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    JsonNode report = answer.json();
    assertThat(report.get("caseNumbers")).extracting(JsonNode::asText).containsExactly(day.getBusinessKey());
    assertThat(report.get("rounds")).hasSize(11);
    assertThat(round(report, "宿舍楼", "晨巡").get("status").asText()).isEqualTo("done");
    assertThat(round(report, "宿舍楼", "晨巡").get("patrolledBy").asText()).isEqualTo("fengxue");
    assertThat(round(report, "教学楼", "晨巡").get("status").asText()).isEqualTo("missed");
    assertThat(round(report, "教学楼", "午巡").get("status").asText()).isEqualTo("open");
    assertThat(report.get("patrolledBy")).extracting(JsonNode::asText).containsExactlyInAnyOrder("fengxue", PATROLLER);
    assertThat(report.get("areasMissed")).extracting(JsonNode::asText).contains("教学楼", "实验楼", "配电室");
    assertThat(report.get("areasMissed")).extracting(JsonNode::asText).doesNotContain("宿舍楼");
    assertThat(report.get("defects")).singleElement().satisfies(defect -> {
      assertThat(defect.get("areaName").asText()).isEqualTo("食堂");
      assertThat(defect.get("itemName").asText()).isEqualTo("消防器材");
      assertThat(defect.get("note").asText()).isEqualTo("灭火器压力不足");
      assertThat(defect.get("repairCaseNumber").asText()).startsWith("BX-");
    });
    assertThat(report.get("repairsStarted")).hasSize(1);

    assertThat(http.get("/api/patrols/2031-03-07", "lijianguo").status()).isEqualTo(200);
    assertThat(http.get("/api/patrols/2031-03-07?area=食堂", PATROLLER).json().get("rounds")).hasSize(2);
    Answer teacher = http.get("/api/patrols/2031-03-07", "zhangwei");
    assertThat(teacher.status()).isEqualTo(403);
    assertThat(teacher.message()).contains("只有后勤负责人、后勤人员和校长可以查看巡查日报");
    Answer unknownArea = http.get("/api/patrols/2031-03-07?area=游泳馆", HEAD);
    assertThat(unknownArea.status()).isEqualTo(400);
    assertThat(unknownArea.message()).contains("片区 游泳馆 不存在");
    assertThat(http.get("/api/patrols/07.03.2031", HEAD).message()).contains("日期格式应为 YYYY-MM-DD");
  }

  @Test
  void badChecklistsAreRefusedWithAChineseReasonAndChangeNothing() {
    ProcessInstance day = dayStarts(ProcessKeys.DAILY_PATROL, LocalDate.of(2031, 3, 10));
    Task teaching = round(day, "教学楼", "晨巡");
    cases.as(PATROLLER, () -> {
      engine.getTaskService().claim(teaching.getId(), PATROLLER);
      return null;
    });

    List<Map<String, Object>> noNote = withDefect(allOk(teaching), "doors", " ", "normal");
    assertRefused(teaching, noNote, "检查项 门窗 有问题，请写明问题说明");
    List<Map<String, Object>> twice = allOk(teaching);
    twice.add(Map.of("item", "water", "itemName", "水", "result", "ok"));
    assertRefused(teaching, twice, "检查项 水 填了两次");
    List<Map<String, Object>> unknown = allOk(teaching);
    unknown.add(Map.of("item", "lift", "itemName", "电梯", "result", "ok"));
    assertRefused(teaching, unknown, "检查项 lift 不属于教学楼的巡查");
    List<Map<String, Object>> missing = allOk(teaching);
    missing.remove(0);
    assertRefused(teaching, missing, "检查项 doors 还没有填写");

    Answer rest = http.postJson("/engine-rest/task/" + teaching.getId() + "/complete", PATROLLER, TestHttp.json(Map.of(
        "variables", Map.of("checklist", Map.of("value", TestHttp.json(noNote), "type", "String")))));
    assertThat(rest.status()).as(rest.body()).isEqualTo(400);
    assertThat(rest.message()).contains("检查项 门窗 有问题，请写明问题说明");

    assertThat(engine.getTaskService().createTaskQuery().taskId(teaching.getId()).count()).isOne();
    assertThat(repairsOf(day)).isEmpty();
    assertThat(round(http.get("/api/patrols/2031-03-10", HEAD).json(), "教学楼", "晨巡").has("patrolledBy")).isFalse();
  }

  @Test
  void aRedeployedAreaTableChangesTheNextDaysRoundsWithoutJava() throws Exception {
    try {
      deployEdited("daily-patrol.bpmn", "patrol-rules.dmn", "\"playground\"</text>", "\"library\"</text>");
      deployEdited("daily-patrol.bpmn", "patrol-rules.dmn", "<text>\"操场\"</text>", "<text>\"图书馆\"</text>");
      ProcessInstance day = dayStarts(ProcessKeys.DAILY_PATROL, LocalDate.of(2031, 3, 11));
      assertThat(rounds(day)).hasSize(11).extracting(Task::getName).contains("巡查：图书馆 · 午巡")
          .doesNotContain("巡查：操场 · 午巡");
    } finally {
      redeployOriginal("daily-patrol.bpmn", "patrol-rules.dmn");
    }
    ProcessInstance nextDay = dayStarts(ProcessKeys.DAILY_PATROL, LocalDate.of(2031, 3, 12));
    assertThat(rounds(nextDay)).extracting(Task::getName).contains("巡查：操场 · 午巡");
  }

  private void assertRefused(Task task, List<Map<String, Object>> checklist, String reason) {
    assertThatThrownBy(() -> patrol(engine.getTaskService().createTaskQuery().taskId(task.getId()).singleResult(),
        PATROLLER, checklist)).isInstanceOf(ProcessEngineException.class).hasMessageContaining(reason);
  }

  private List<Escalation> escalations(ProcessInstance day) {
    return JsonVariable.readList(variable(day.getId(), "escalations"), Escalation.class, "escalations", "督办记录");
  }

  private static JsonNode round(JsonNode report, String areaName, String roundName) {
    for (JsonNode round : report.get("rounds")) {
      if (areaName.equals(round.get("areaName").asText()) && roundName.equals(round.get("roundName").asText())) {
        return round;
      }
    }
    throw new AssertionError("no round " + areaName + " · " + roundName + " in " + report);
  }
}
